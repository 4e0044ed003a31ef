/**
 * Grading rules of the LKS Quality Framework (domain brief §3).
 *
 * Pure module: no imports, no I/O. Every function is deterministic and safe to
 * call from the server, the browser, reports and tests alike.
 *
 * Vocabulary:
 * - a **grade** is a level 0..4 plus, for levels 1..4, a sub-level Low / Medium / High;
 * - a **step** is one sub-level: Level 0 = 0, Level 1 Low = 1, ..., Level 4 High = 12;
 * - the **chart value** is steps / 3, so Level 1 Low = 1/3 and Level 4 High = 4.
 */

export const LEVELS = [0, 1, 2, 3, 4] as const
export type Level = (typeof LEVELS)[number]

export const SUB_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const
export type SubLevel = (typeof SUB_LEVELS)[number]

export const INDICATOR_STATUSES = ['MET', 'PARTLY_MET', 'NOT_MET', 'NOT_APPLICABLE'] as const
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number]

export type Grade = { level: 0; subLevel: null } | { level: 1 | 2 | 3 | 4; subLevel: SubLevel }

export const SUB_LEVEL_LABELS: Record<SubLevel, string> = {
  LOW: 'Low',
  MEDIUM: 'Medium',
  HIGH: 'High',
}

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  MET: 'Met',
  PARTLY_MET: 'Partly met',
  NOT_MET: 'Not met',
  NOT_APPLICABLE: 'Not applicable',
}

/** Sub-level thresholds as shares of a level's applicable indicators met; inclusive upper bounds. */
export type SubLevelRule = { lowUpTo: number; mediumUpTo: number }

/** Up to a third met: Low; up to two thirds: Medium; more: High. */
export const DEFAULT_SUB_LEVEL_RULE: SubLevelRule = Object.freeze({ lowUpTo: 1 / 3, mediumUpTo: 2 / 3 })

/** Highest number of sub-level steps (Level 4, High). */
const MAX_STEPS = 12

/** Steps within a level for each sub-level. */
const SUB_LEVEL_STEP: Record<SubLevel, 1 | 2 | 3> = { LOW: 1, MEDIUM: 2, HIGH: 3 }

/**
 * Tolerance when comparing a share met/applicable with a threshold. Shares are
 * ratios of small integers, so two distinct shares with denominators below
 * 30,000 differ by far more than this, while 1/3 computed two different ways
 * differs by ~1e-16. This makes exactly 1/3 Low and exactly 2/3 Medium.
 */
const SHARE_EPSILON = 1e-9

export type ToGradeError =
  'LEVEL_REQUIRED' | 'LEVEL_INVALID' | 'SUB_LEVEL_REQUIRED' | 'SUB_LEVEL_NOT_ALLOWED' | 'SUB_LEVEL_INVALID'

export type ToGradeResult = { ok: true; grade: Grade } | { ok: false; error: ToGradeError }

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

function isLevel(value: number): value is Level {
  return (LEVELS as readonly number[]).includes(value)
}

function isSubLevel(value: unknown): value is SubLevel {
  return typeof value === 'string' && (SUB_LEVELS as readonly string[]).includes(value)
}

function isIndicatorStatus(value: unknown): value is IndicatorStatus {
  return typeof value === 'string' && (INDICATOR_STATUSES as readonly string[]).includes(value)
}

/** Parses an untrusted level: a number, or a string holding one digit 0..4 (surrounding spaces allowed). */
function parseLevel(value: unknown): Level | null {
  if (typeof value === 'number') return isLevel(value) ? value : null
  if (typeof value === 'string') {
    const trimmed = value.trim()
    return /^[0-4]$/.test(trimmed) ? (Number(trimmed) as Level) : null
  }
  return null
}

/**
 * Parses an untrusted level and sub-level (numbers or strings, e.g. from a form)
 * into a {@link Grade}, or returns an error code.
 *
 * - Level: `''`, whitespace, `null` or `undefined` -> `LEVEL_REQUIRED`. Accepted: the
 *   integers 0..4 as numbers or strings (`'2'`, `' 2 '`); anything else (5, -1, 1.5,
 *   `'1.5'`, `'abc'`, NaN, booleans, objects) -> `LEVEL_INVALID`. Level errors win
 *   over sub-level errors.
 * - Sub-level: blank (`''`, whitespace, `null`, `undefined`) means "none".
 *   Level 0 with any non-blank sub-level (even an unknown one) -> `SUB_LEVEL_NOT_ALLOWED`.
 *   Level 1..4 with none -> `SUB_LEVEL_REQUIRED`; otherwise the string is matched
 *   case-insensitively after trimming and normalised to upper case (`'medium'` ->
 *   `'MEDIUM'`); anything else (unknown words, numbers) -> `SUB_LEVEL_INVALID`.
 */
export function toGrade(level: unknown, subLevel: unknown): ToGradeResult {
  if (isBlank(level)) return { ok: false, error: 'LEVEL_REQUIRED' }
  const parsedLevel = parseLevel(level)
  if (parsedLevel === null) return { ok: false, error: 'LEVEL_INVALID' }

  const hasSubLevel = !isBlank(subLevel)
  if (parsedLevel === 0) {
    return hasSubLevel
      ? { ok: false, error: 'SUB_LEVEL_NOT_ALLOWED' }
      : { ok: true, grade: { level: 0, subLevel: null } }
  }
  if (!hasSubLevel) return { ok: false, error: 'SUB_LEVEL_REQUIRED' }
  const normalised = typeof subLevel === 'string' ? subLevel.trim().toUpperCase() : null
  if (!isSubLevel(normalised)) return { ok: false, error: 'SUB_LEVEL_INVALID' }
  return { ok: true, grade: { level: parsedLevel, subLevel: normalised } }
}

/**
 * Strict check of an already-typed (e.g. stored) grade in canonical form: level an
 * integer 0..4; level 0 with a `null`/`undefined` sub-level; levels 1..4 with exactly
 * `'LOW'`, `'MEDIUM'` or `'HIGH'`. Unlike {@link toGrade} it does not normalise:
 * `'low'` and `''` are not valid here.
 */
export function isValidGrade(level: number, subLevel: string | null | undefined): boolean {
  if (!isLevel(level)) return false
  if (level === 0) return subLevel === null || subLevel === undefined
  return isSubLevel(subLevel)
}

/**
 * Position of a grade in sub-level steps: Level 0 = 0; Level L, sub-level s =
 * (L - 1) * 3 + {LOW: 1, MEDIUM: 2, HIGH: 3}. So Level 1 Low = 1 ... Level 4 High = 12.
 * Throws a RangeError for a malformed grade (e.g. an unchecked cast from stored data).
 */
export function gradeToSteps(grade: Grade): number {
  if (!isValidGrade(grade.level, grade.subLevel)) {
    throw new RangeError(`Invalid grade: level ${String(grade.level)}, sub-level ${String(grade.subLevel)}`)
  }
  if (grade.level === 0) return 0
  return (grade.level - 1) * 3 + SUB_LEVEL_STEP[grade.subLevel]
}

/** Inverse of {@link gradeToSteps}. Throws a RangeError unless steps is an integer 0..12. */
export function stepsToGrade(steps: number): Grade {
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_STEPS) {
    throw new RangeError(`Grade steps must be an integer from 0 to ${MAX_STEPS}, got ${steps}`)
  }
  if (steps === 0) return { level: 0, subLevel: null }
  const level = (Math.floor((steps - 1) / 3) + 1) as 1 | 2 | 3 | 4
  const subLevel = SUB_LEVELS[(steps - 1) % 3] as SubLevel
  return { level, subLevel }
}

/**
 * Chart value: (L - 1) + {Low: 1/3, Medium: 2/3, High: 1}; Level 0 = 0.
 * Computed as steps / 3, which is the same value with a single rounding.
 * Strictly increasing in the grade order, so charts and medians are honest.
 */
export function chartValue(grade: Grade): number {
  return gradeToSteps(grade) / 3
}

/** Signed difference a - b in sub-level steps (negative when a is lower). */
export function compareGrades(a: Grade, b: Grade): number {
  return gradeToSteps(a) - gradeToSteps(b)
}

export function gradesEqual(a: Grade, b: Grade): boolean {
  return compareGrades(a, b) === 0
}

/** "Level 2, Medium" or "Level 0". */
export function formatGrade(grade: Grade): string {
  gradeToSteps(grade) // validates the grade
  if (grade.level === 0) return 'Level 0'
  return `Level ${grade.level}, ${SUB_LEVEL_LABELS[grade.subLevel]}`
}

export type IndicatorOutcome = { level: 1 | 2 | 3 | 4; status: IndicatorStatus | null } // null = not yet assessed

/** Levels that carry indicators (level 0 has none). */
type IndicatorLevel = IndicatorOutcome['level']
const INDICATOR_LEVELS: readonly IndicatorLevel[] = [1, 2, 3, 4]

function assertValidRule(rule: SubLevelRule): void {
  const { lowUpTo, mediumUpTo } = rule
  if (
    !Number.isFinite(lowUpTo) ||
    !Number.isFinite(mediumUpTo) ||
    !(lowUpTo > 0 && lowUpTo < mediumUpTo && mediumUpTo < 1)
  ) {
    throw new RangeError(
      `Sub-level rule must satisfy 0 < lowUpTo < mediumUpTo < 1, got lowUpTo ${lowUpTo}, mediumUpTo ${mediumUpTo}`,
    )
  }
}

function subLevelForShare(met: number, applicable: number, rule: SubLevelRule): SubLevel {
  const share = met / applicable
  if (share - rule.lowUpTo <= SHARE_EPSILON) return 'LOW'
  if (share - rule.mediumUpTo <= SHARE_EPSILON) return 'MEDIUM'
  return 'HIGH'
}

/**
 * The suggested grade from indicator statuses (domain brief §3). The suggestion is
 * advice only; assessors and validators may choose another grade with a reason.
 *
 * Decisions:
 * 1. **Counting.** Only `MET` counts as met. `PARTLY_MET`, `NOT_MET` and `null`
 *    (not yet assessed; `undefined` is treated the same) do not.
 *    `NOT_APPLICABLE` indicators are left out entirely: they count neither for nor
 *    against, in the numerator or the denominator.
 * 2. **Cumulative levels.** Level L is fully achieved when every applicable indicator
 *    of levels 1..L is met. A level with no applicable indicators (all N/A, or none
 *    at all) is achieved if the levels below it are. A is the highest fully achieved
 *    level (0 when level 1 is not achieved).
 * 3. **Something must be met.** A grade above Level 0 is only suggested when at least
 *    one indicator of levels 1..A+1 (1..4 when A = 4) is met; otherwise Level 0.
 *    Without this guard, decision 2 would turn "no evidence" into a grade: an empty
 *    list or an all-N/A outcome would be Level 4 High, and an all-N/A level 1 with
 *    nothing met at level 2 would be Level 1 High. Whenever an indicator in that
 *    range is met, decisions 4 to 6 apply unchanged. Met indicators above A+1 do not
 *    satisfy the guard (decision 7).
 * 4. **Top.** If A = 4: Level 4, High.
 * 5. **Working level.** Otherwise only level A+1's own applicable indicators are
 *    looked at: share = met / applicable, which is below 1 (else A+1 would be
 *    achieved). If share > 0, the suggestion is Level A+1 with sub-level
 *    share <= lowUpTo: Low; share <= mediumUpTo: Medium; otherwise High.
 *    Bounds are inclusive and compared with a 1e-9 tolerance, so exactly 1/3 is Low
 *    and exactly 2/3 is Medium under the default rule.
 * 6. **No progress.** If share = 0: Level A, High; for A = 0 that is Level 0
 *    (decision 3 returns Level 0 in that case, and whenever levels 1..A are all N/A).
 * 7. **No skipping.** Indicators met at levels above A+1 do not raise the suggestion
 *    ("evidence the levels below").
 * 8. **Validation.** `rule` must satisfy 0 < lowUpTo < mediumUpTo < 1 (finite numbers),
 *    else RangeError. An indicator whose level is not an integer 1..4, or whose status
 *    is not one of {@link INDICATOR_STATUSES} or null/undefined, throws a RangeError
 *    rather than being silently miscounted.
 */
export function suggestGrade(
  indicators: readonly IndicatorOutcome[],
  rule: SubLevelRule = DEFAULT_SUB_LEVEL_RULE,
): Grade {
  assertValidRule(rule)

  const met: Record<IndicatorLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 }
  const applicable: Record<IndicatorLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 }
  for (const { level, status } of indicators) {
    if (!Number.isInteger(level) || level < 1 || level > 4) {
      throw new RangeError(`Indicator level must be an integer from 1 to 4, got ${String(level)}`)
    }
    if (status !== null && status !== undefined && !isIndicatorStatus(status)) {
      throw new RangeError(`Unknown indicator status: ${String(status)}`)
    }
    if (status === 'NOT_APPLICABLE') continue
    applicable[level] += 1
    if (status === 'MET') met[level] += 1
  }

  // A: the highest level whose applicable indicators, and those of every level below, are all met.
  let achieved: Level = 0
  for (const level of INDICATOR_LEVELS) {
    if (met[level] !== applicable[level]) break
    achieved = level
  }

  // Decision 3: the suggestion must rest on at least one met indicator at levels 1..A+1.
  const consideredUpTo = achieved === 4 ? 4 : achieved + 1
  const metConsidered = INDICATOR_LEVELS.filter((level) => level <= consideredUpTo).reduce(
    (sum, level) => sum + met[level],
    0,
  )
  if (metConsidered === 0) return { level: 0, subLevel: null }

  if (achieved === 4) return { level: 4, subLevel: 'HIGH' }

  const working = (achieved + 1) as IndicatorLevel
  if (met[working] > 0) {
    return { level: working, subLevel: subLevelForShare(met[working], applicable[working], rule) }
  }
  // Nothing met at A+1 but something met at levels 1..A (decision 3), so A >= 1.
  return { level: achieved as 1 | 2 | 3, subLevel: 'HIGH' }
}
