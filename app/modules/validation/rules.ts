/**
 * Rules of regional validation (domain brief §6, issue 4): agreement between the two validators,
 * the grade the agreed-result form proposes, when a required action is mandatory, who may validate
 * a submission, and when an assignment is overdue.
 *
 * Pure module: no I/O, deterministic, safe on the server, in the browser and in tests. Malformed
 * input (a missing or invalid grade, mismatched outcome lists, an invalid date) throws a
 * RangeError rather than being silently misjudged.
 */

import { compareGrades, isValidGrade, type Grade } from '~/modules/framework/grading'

/**
 * Validators agree on an outcome when their grades differ by at most this many sub-level steps
 * (domain brief §6: moderation "when their grades differ by more than one sub-level").
 * One step is e.g. Level 2 Low against Level 2 Medium, or Level 2 High against Level 3 Low,
 * or Level 0 against Level 1 Low.
 */
export const AGREEMENT_TOLERANCE_STEPS = 1

export type OutcomeGrade = { outcomeNumber: number; grade: Grade }

export type AgreementOutcome =
  { kind: 'AGREED' } | { kind: 'MODERATION'; differing: Array<{ outcomeNumber: number; steps: number }> }

/** Index one validator's grades by outcome number, refusing duplicates, bad numbers and missing or invalid grades. */
function gradesByOutcome(list: ReadonlyArray<OutcomeGrade>, who: 'primary' | 'secondary'): Map<number, Grade> {
  const byOutcome = new Map<number, Grade>()
  for (const entry of list) {
    const { outcomeNumber, grade } = entry
    if (!Number.isInteger(outcomeNumber)) {
      throw new RangeError(`The ${who} validator's grades have an invalid outcome number: ${String(outcomeNumber)}`)
    }
    if (byOutcome.has(outcomeNumber)) {
      throw new RangeError(`The ${who} validator has more than one grade for outcome ${outcomeNumber}`)
    }
    // The types forbid a missing grade, but these lists are built from stored rows: check anyway.
    const candidate = grade as Grade | null | undefined
    if (candidate === null || candidate === undefined) {
      throw new RangeError(`The ${who} validator has no grade for outcome ${outcomeNumber}`)
    }
    if (!isValidGrade(candidate.level, candidate.subLevel)) {
      throw new RangeError(
        `The ${who} validator's grade for outcome ${outcomeNumber} is invalid: level ${String(candidate.level)}, sub-level ${String(candidate.subLevel)}`,
      )
    }
    byOutcome.set(outcomeNumber, candidate)
  }
  return byOutcome
}

/**
 * Compares both validators' completed grades, outcome by outcome (issue 4, step 5).
 *
 * - `AGREED` when, on every outcome, the grades differ by at most {@link AGREEMENT_TOLERANCE_STEPS}
 *   sub-level step (measured with `compareGrades`): the primary validator then records the agreed result.
 * - `MODERATION` otherwise, listing each outcome that differs by more, in ascending outcome order,
 *   with the size of the difference in steps (always positive: who graded higher is visible from
 *   the two grades themselves). The regional lead records the agreed grade of those outcomes only;
 *   the primary validator records the others (see {@link decidedBy}).
 *
 * Throws a RangeError when the two lists do not cover exactly the same outcome numbers, when an
 * outcome appears twice in one list, when a grade is missing or malformed, or when both lists are
 * empty (there is nothing to agree on, and calling that "agreed" would let an empty validation through).
 * The order of the entries does not matter.
 */
export function agreementOutcome(
  primary: ReadonlyArray<OutcomeGrade>,
  secondary: ReadonlyArray<OutcomeGrade>,
): AgreementOutcome {
  const primaryGrades = gradesByOutcome(primary, 'primary')
  const secondaryGrades = gradesByOutcome(secondary, 'secondary')

  if (primaryGrades.size === 0 && secondaryGrades.size === 0) {
    throw new RangeError('Neither validator has graded any outcome')
  }
  const onlyPrimary = [...primaryGrades.keys()].filter((n) => !secondaryGrades.has(n)).sort((a, b) => a - b)
  const onlySecondary = [...secondaryGrades.keys()].filter((n) => !primaryGrades.has(n)).sort((a, b) => a - b)
  if (onlyPrimary.length > 0 || onlySecondary.length > 0) {
    const parts: string[] = []
    if (onlyPrimary.length > 0) parts.push(`only the primary validator graded outcome(s) ${onlyPrimary.join(', ')}`)
    if (onlySecondary.length > 0)
      parts.push(`only the secondary validator graded outcome(s) ${onlySecondary.join(', ')}`)
    throw new RangeError(`The validators' grades do not cover the same outcomes: ${parts.join('; ')}`)
  }

  const differing: Array<{ outcomeNumber: number; steps: number }> = []
  const outcomes = [...primaryGrades.entries()].sort(([a], [b]) => a - b)
  for (const [outcomeNumber, primaryGrade] of outcomes) {
    const secondaryGrade = secondaryGrades.get(outcomeNumber)
    if (secondaryGrade === undefined) continue // unreachable: both lists cover the same outcomes (checked above)
    const steps = Math.abs(compareGrades(primaryGrade, secondaryGrade))
    if (steps > AGREEMENT_TOLERANCE_STEPS) differing.push({ outcomeNumber, steps })
  }
  return differing.length === 0 ? { kind: 'AGREED' } : { kind: 'MODERATION', differing }
}

/** Who decides an outcome's agreed grade: the validators (recorded by the primary) or the regional lead at moderation. */
export type DecidedBy = 'VALIDATORS' | 'MODERATION'

/**
 * Moderation is outcome by outcome (domain brief §6): an outcome whose two grades are within
 * {@link AGREEMENT_TOLERANCE_STEPS} is agreed by the validators, and the primary validator records
 * it; only an outcome that differs by more goes to the regional lead. Throws a RangeError if either
 * grade is malformed.
 */
export function decidedBy(primary: Grade, secondary: Grade): DecidedBy {
  return Math.abs(compareGrades(primary, secondary)) > AGREEMENT_TOLERANCE_STEPS ? 'MODERATION' : 'VALIDATORS'
}

/**
 * Whether the actor may record the agreed grade of one outcome now.
 * - An outcome the validators agree on: the primary validator, while the submission is in
 *   validation or in moderation (the other outcomes' moderation does not hold these up).
 * - An outcome that differs by more than one sub-level: the regional lead, in moderation only.
 * Nobody records anything before both validators have completed (`outcome` is null then).
 */
export function mayRecordAgreedGrade(input: {
  outcome: DecidedBy | null
  status: string
  isPrimaryValidator: boolean
  isModerator: boolean
}): boolean {
  if (input.outcome === null) return false
  if (input.outcome === 'MODERATION') return input.isModerator && input.status === 'IN_MODERATION'
  return input.isPrimaryValidator && (input.status === 'IN_VALIDATION' || input.status === 'IN_MODERATION')
}

/** The result is ready to confirm, and then publish, once every outcome has an agreed grade. */
export function everyOutcomeAgreed(outcomeNumbers: readonly number[], agreedNumbers: readonly number[]): boolean {
  const agreed = new Set(agreedNumbers)
  return outcomeNumbers.length > 0 && outcomeNumbers.every((n) => agreed.has(n))
}

/**
 * What the actor has to do on the agreed result now, for their home page: record the agreed grade
 * of an outcome they may record that has none yet, or confirm the result once every outcome has
 * one (when they may); otherwise nothing (waiting for the other validator or for moderation).
 */
export function agreementStep(input: {
  outcomes: ReadonlyArray<{ canRecord: boolean; agreed: boolean }>
  canFinalise: boolean
}): 'RECORD' | 'CONFIRM' | null {
  if (input.outcomes.some((o) => o.canRecord && !o.agreed)) return 'RECORD'
  return input.canFinalise ? 'CONFIRM' : null
}

/**
 * The grade the agreed-result form proposes for an outcome when the validators agree: the
 * **primary** validator's grade. It is only a proposal; the primary validator may record the
 * secondary's grade instead (and, as with any grade, the form records the reason).
 *
 * Why the primary's:
 * - Issue 4 makes the primary (in-region) validator the one who records the agreed result, and they
 *   know the local context of the service, so their own judgement is the natural starting point.
 * - Agreement means the two grades are at most one sub-level step apart, so there is no grade
 *   "between" them to take (the mean of two adjacent steps is not a grade) and either choice is
 *   within the tolerance of the other validator's judgement.
 * - Always taking the higher or the lower grade would bias results nationally (upwards or
 *   downwards); taking the primary's is neutral and deterministic.
 *
 * When the grades differ by more than {@link AGREEMENT_TOLERANCE_STEPS} (moderation) it still
 * returns the primary's grade rather than throwing, so a page listing every outcome can call it
 * safely; whether a moderation form pre-fills it is the caller's choice (the regional lead decides).
 * Throws a RangeError if either grade is malformed.
 */
export function proposedAgreedGrade(primary: Grade, secondary: Grade): Grade {
  compareGrades(primary, secondary) // validates both grades
  return primary
}

function assertLevel(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > 4) {
    throw new RangeError(`${what} must be an integer from 0 to 4, got ${String(value)}`)
  }
}

/**
 * A required action is mandatory when the agreed **level** (the sub-level does not matter) is
 * below the cycle's minimum expected level (domain brief §3). `null` means the cycle sets no
 * minimum, so nothing is mandatory; a minimum of 0 is likewise never missed.
 * Throws a RangeError unless both levels are integers 0..4.
 */
export function requiresRequiredAction(agreedLevel: number, minimumExpectedLevel: number | null): boolean {
  assertLevel(agreedLevel, 'The agreed level')
  if (minimumExpectedLevel === null) return false
  assertLevel(minimumExpectedLevel, 'The minimum expected level')
  return agreedLevel < minimumExpectedLevel
}

/**
 * A person who might validate a submission: their home region (the region of their regional
 * lead or validator role; null when they have none) and the organisations and library services
 * they hold any role grant on.
 */
export type ValidatorCandidate = {
  userId: string
  homeRegionId: string | null
  organisationIds: string[]
  libraryServiceIds: string[]
}

/** The submission to validate: its region, its organisation, and the library service that submits for it. */
export type AssignmentTarget = { regionId: string; organisationId: string; libraryServiceId: string }

export type IneligibilityReason = 'NOT_IN_REGION' | 'SAME_REGION' | 'BELONGS_TO_ORGANISATION' | 'NO_REGION'

/**
 * Why `candidate` may not be the PRIMARY or SECONDARY validator of `target`, or null when they may.
 *
 * Checked in this order, so the most fundamental reason is the one reported:
 * 1. `BELONGS_TO_ORGANISATION`: they hold a grant on the submitting organisation, or on the library
 *    service that submits for it. Nobody validates their own organisation's submission, whatever
 *    their region and whichever kind of validator.
 * 2. `NO_REGION`: they have no home region, so they are neither in-region nor from another region.
 * 3. PRIMARY: `NOT_IN_REGION` unless their home region is the submission's region.
 *    SECONDARY: `SAME_REGION` if their home region is the submission's region (the second validator
 *    must come from another region, for an independent view).
 *
 * Grants on another library service that happens to serve the same organisation do not count as
 * belonging: only the submitting service's team writes this submission.
 */
export function ineligibilityReason(
  candidate: ValidatorCandidate,
  target: AssignmentTarget,
  kind: 'PRIMARY' | 'SECONDARY',
): null | IneligibilityReason {
  if (
    candidate.organisationIds.includes(target.organisationId) ||
    candidate.libraryServiceIds.includes(target.libraryServiceId)
  ) {
    return 'BELONGS_TO_ORGANISATION'
  }
  if (candidate.homeRegionId === null) return 'NO_REGION'
  const inRegion = candidate.homeRegionId === target.regionId
  if (kind === 'PRIMARY') return inRegion ? null : 'NOT_IN_REGION'
  return inRegion ? 'SAME_REGION' : null
}

function assertValidDate(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${what} is not a valid date`)
  }
}

/**
 * Whether an assignment is overdue at the instant `now`: the due date has passed (`now` strictly
 * after `dueDate`, matching the submission's late flag; due at exactly `dueDate` is not overdue)
 * and the work was not completed by `now`.
 *
 * Once completed it is no longer overdue, even if it was completed late (`completedAt > dueDate`
 * tells that separately). A `completedAt` later than `now` (judging overdue as at a past instant,
 * e.g. for a report) counts as not yet completed at `now`.
 * Throws a RangeError for an invalid date.
 */
export function isOverdue(dueDate: Date, completedAt: Date | null, now: Date): boolean {
  assertValidDate(dueDate, 'The due date')
  assertValidDate(now, 'The current time')
  if (completedAt !== null) {
    assertValidDate(completedAt, 'The completion time')
    if (completedAt.getTime() <= now.getTime()) return false
  }
  return now.getTime() > dueDate.getTime()
}
