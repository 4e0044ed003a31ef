// The validator's review workspace (issue 4, items 2, 3 and 5): their queue, the service's answers
// beside their own judgements and grade, completing their validation, and what happens when both
// validators have completed (agreement by the primary, or moderation by the regional lead).
import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/modules/audit/audit.server'
import {
  compareGrades,
  gradeToSteps,
  INDICATOR_STATUSES,
  suggestGrade,
  toGrade,
  type Grade,
  type IndicatorStatus,
} from '~/modules/framework/grading'
import type { Actor } from '~/modules/auth/permissions'
import { loadSubmissionContext, type SubmissionContext } from '~/modules/submissions/access.server'
import { getOutcomePage } from '~/modules/submissions/outcome.server'
import { notFound } from '~/utils/http.server'
import { notifyValidationCompleted } from '~/modules/notifications/notifications.server'
import { splitQueue, type QueueSort } from './queue'
import { agreementOutcome, isOverdue } from './rules'
import type { ValidationForm } from './schema'
import { mergeFields, type FieldValues } from '~/modules/submissions/merge'
import { findReceipt, recordReceipt } from '~/modules/submissions/save-receipts.server'
import { validationFieldValues, validationValuesOf } from './validation-fields'

const asStatus = (value: string): IndicatorStatus | null =>
  (INDICATOR_STATUSES as readonly string[]).includes(value) ? (value as IndicatorStatus) : null

/** The validator's assignments: open ones sorted as asked, with overdue ones marked, then completed ones. */
export async function getQueue(actor: Actor, sort: QueueSort, now = new Date()) {
  const assignments = await prisma.validatorAssignment.findMany({
    where: { validatorId: actor.id },
    select: {
      id: true,
      kind: true,
      dueDate: true,
      completedAt: true,
      submission: {
        select: {
          id: true,
          status: true,
          reference: true,
          organisation: { select: { name: true, odsCode: true } },
          region: { select: { name: true } },
          cycle: { select: { name: true } },
        },
      },
    },
  })
  const rows = assignments.map((a) => ({ ...a, overdue: isOverdue(a.dueDate, a.completedAt, now) }))
  const compare: Record<QueueSort, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
    due: (a, b) => a.dueDate.getTime() - b.dueDate.getTime(),
    organisation: (a, b) => a.submission.organisation.name.localeCompare(b.submission.organisation.name, 'en-GB'),
    status: (a, b) =>
      a.submission.status.localeCompare(b.submission.status) || a.dueDate.getTime() - b.dueDate.getTime(),
  }
  return splitQueue(rows.sort(compare[sort]))
}

export type Queue = Awaited<ReturnType<typeof getQueue>>

/** The user's own assignment and its submission; anyone else's assignment is a 404. */
export async function loadAssignment(actor: Actor, assignmentId: string) {
  const assignment = await prisma.validatorAssignment.findFirst({
    where: { id: assignmentId, validatorId: actor.id },
    select: { id: true, kind: true, dueDate: true, completedAt: true, submissionId: true },
  })
  if (!assignment) notFound()
  const context = await loadSubmissionContext(actor, assignment.submissionId, 'validation:grade')
  return { assignment, context }
}

export type Assignment = Awaited<ReturnType<typeof loadAssignment>>['assignment']

/** Both validators' grades for every outcome, but only once both have completed. */
export async function gradesOfBoth(context: SubmissionContext) {
  const assignments = await prisma.validatorAssignment.findMany({
    where: { submissionId: context.id },
    select: {
      kind: true,
      completedAt: true,
      validator: { select: { name: true } },
      validations: { select: { level: true, subLevel: true, rationale: true, outcome: { select: { number: true } } } },
    },
  })
  const primary = assignments.find((a) => a.kind === 'PRIMARY')
  const secondary = assignments.find((a) => a.kind === 'SECONDARY')
  if (!primary?.completedAt || !secondary?.completedAt) return null
  const gradesOf = (a: NonNullable<typeof primary>) =>
    a.validations.flatMap((v) => {
      const grade = v.level === null ? null : toGrade(v.level, v.subLevel)
      return grade?.ok ? [{ outcomeNumber: v.outcome.number, grade: grade.grade, rationale: v.rationale }] : []
    })
  const p = gradesOf(primary)
  const s = gradesOf(secondary)
  return {
    primaryName: primary.validator.name,
    secondaryName: secondary.validator.name,
    outcomes: p
      .map((row) => {
        const other = s.find((x) => x.outcomeNumber === row.outcomeNumber)
        return other
          ? {
              outcomeNumber: row.outcomeNumber,
              primary: row.grade,
              primaryRationale: row.rationale,
              secondary: other.grade,
              secondaryRationale: other.rationale,
              steps: compareGrades(row.grade, other.grade),
            }
          : null
      })
      .filter((row): row is NonNullable<typeof row> => row !== null)
      .sort((a, b) => a.outcomeNumber - b.outcomeNumber),
    agreement: agreementOutcome(p, s),
  }
}

/** The workspace overview: each outcome's progress for this validator. */
export async function getWorkspaceOverview(actor: Actor, assignmentId: string) {
  const { assignment, context } = await loadAssignment(actor, assignmentId)
  const [outcomes, validations, both] = await Promise.all([
    prisma.outcome.findMany({
      where: { editionId: context.cycle.editionId },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, shortTitle: true },
    }),
    prisma.outcomeValidation.findMany({
      where: { assignmentId },
      select: { outcomeId: true, level: true, subLevel: true, rationale: true },
    }),
    gradesOfBoth(context),
  ])
  return {
    assignment,
    context,
    outcomes: outcomes.map((o) => {
      const v = validations.find((x) => x.outcomeId === o.id)
      const grade = v && v.level !== null ? toGrade(v.level, v.subLevel) : null
      return {
        number: o.number,
        shortTitle: o.shortTitle,
        grade: grade?.ok ? grade.grade : null,
        hasRationale: Boolean(v?.rationale.trim()),
      }
    }),
    both,
    editable: !assignment.completedAt && context.status === 'IN_VALIDATION',
  }
}

/** One outcome: the service's answers and evidence beside this validator's judgements and grade. */
export async function getReviewOutcome(actor: Actor, assignmentId: string, number: number) {
  const { assignment, context } = await loadAssignment(actor, assignmentId)
  const service = await getOutcomePage(context, number)
  const [validation, files] = await Promise.all([
    prisma.outcomeValidation.findUnique({
      where: { assignmentId_outcomeId: { assignmentId, outcomeId: service.outcome.id } },
      select: {
        level: true,
        subLevel: true,
        rationale: true,
        notes: true,
        version: true,
        judgements: { select: { indicatorId: true, status: true } },
      },
    }),
    prisma.evidenceFile.findMany({
      where: { removedAt: null, evidenceItemId: { in: service.links.map((l) => l.item.id) } },
      select: {
        evidenceItemId: true,
        versions: {
          orderBy: { version: 'desc' },
          take: 1,
          select: { id: true, originalName: true, mimeType: true, sizeBytes: true },
        },
      },
    }),
  ])
  const judgements = new Map(validation?.judgements.map((j) => [j.indicatorId, asStatus(j.status)]) ?? [])
  const indicators = service.indicators.map((i) => ({ ...i, judgement: judgements.get(i.id) ?? null }))
  return {
    assignment,
    context,
    service: {
      ...service,
      links: service.links.map((l) => ({
        ...l,
        files: files.filter((f) => f.evidenceItemId === l.item.id).flatMap((f) => f.versions),
      })),
    },
    indicators,
    validation: {
      level: validation?.level ?? null,
      subLevel: validation?.subLevel ?? null,
      rationale: validation?.rationale ?? '',
      notes: validation?.notes ?? '',
      version: validation?.version ?? 0,
    },
    suggestedFromJudgements: suggestGrade(indicators.map((i) => ({ level: i.level, status: i.judgement }))),
    editable: !assignment.completedAt && context.status === 'IN_VALIDATION',
  }
}

export type ValidationConflict = {
  ok: false
  kind: 'conflict'
  /** The version stored now, which the conflict page's form edits. */
  version: number
  updatedAt: Date | null
  /** Fields changed in this form and in another save since it was loaded, to different values. */
  fields: { key: string; mine: string; theirs: string }[]
  /** The values stored now: the base of the conflict page's form. */
  theirs: FieldValues
  /** What the conflict page's form shows: the other save's one-sided changes taken in. */
  merged: FieldValues
}

export type SaveValidationResult = { ok: true } | ValidationConflict | { ok: false; kind: 'locked'; message: string }

class FieldConflict extends Error {
  constructor(readonly conflict: ValidationConflict) {
    super('Fields changed on both sides')
  }
}

/**
 * Saves this validator's judgements, grade, rationale and notes for one outcome. With the values the
 * form was rendered with (`base`), it is merged field by field with what was saved since (another
 * tab): a field changed on one side only is taken without asking, a field changed on both is a
 * conflict. A save sent again with the same key is answered as the first was.
 */
export async function saveValidation(input: {
  actor: Actor
  assignmentId: string
  number: number
  form: ValidationForm
  ipAddress: string
  /** The values the form was rendered with; without it, the version alone says whether it is current. */
  base?: FieldValues | null
  /** Fields left in conflict on a conflict page (no choice made): they stay in conflict. */
  unresolved?: string[]
}): Promise<SaveValidationResult> {
  const { assignment, context } = await loadAssignment(input.actor, input.assignmentId)
  if (assignment.completedAt)
    return {
      ok: false,
      kind: 'locked',
      message: 'You have completed this validation. The regional lead can reopen it if a grade must change.',
    }
  if (context.status !== 'IN_VALIDATION')
    return { ok: false, kind: 'locked', message: 'Grades can be changed only while the submission is in validation.' }
  const outcome = await prisma.outcome.findFirst({
    where: { editionId: context.cycle.editionId, number: input.number },
    select: { id: true, indicators: { select: { id: true } } },
  })
  if (!outcome) notFound()
  const indicatorIds = outcome.indicators.map((i) => i.id)
  const known = new Set(indicatorIds)
  if (input.form.judgements.some((j) => !known.has(j.id)))
    throw new Response('An indicator in the form does not belong to this outcome', { status: 400 })
  const mine = validationFieldValues(
    {
      level: input.form.level ?? null,
      subLevel: input.form.subLevel ?? null,
      rationale: input.form.rationale,
      notes: input.form.notes,
      judgements: input.form.judgements.map((j) => ({ id: j.id, status: j.status ?? null })),
    },
    indicatorIds,
  )
  const unresolved = input.unresolved ?? []
  const receipt = input.form.saveKey ? { userId: input.actor.id, key: input.form.saveKey } : null
  try {
    return await prisma.$transaction(async (tx) => {
      // The same save again (the browser gave up waiting and sent it again): answered as the first was.
      if (receipt && (await findReceipt(tx, receipt))) return { ok: true as const }
      const existing = await tx.outcomeValidation.findUnique({
        where: { assignmentId_outcomeId: { assignmentId: assignment.id, outcomeId: outcome.id } },
        select: {
          id: true,
          version: true,
          level: true,
          subLevel: true,
          rationale: true,
          notes: true,
          updatedAt: true,
          judgements: { select: { indicatorId: true, status: true } },
        },
      })
      const currentVersion = existing?.version ?? 0
      const theirs = validationFieldValues(
        {
          level: existing?.level ?? null,
          subLevel: existing?.subLevel ?? null,
          rationale: existing?.rationale ?? '',
          notes: existing?.notes ?? '',
          judgements: (existing?.judgements ?? []).map((j) => ({ id: j.indicatorId, status: j.status })),
        },
        indicatorIds,
      )
      // Field by field against what is stored now; without a base, a stale version is a conflict
      // on every field that differs.
      const base = input.base ?? (input.form.version === currentVersion ? theirs : {})
      const result = mergeFields(base, theirs, mine)
      const inConflict = new Set([
        ...result.conflicts,
        ...unresolved.filter((key) => key in theirs && mine[key] !== theirs[key]),
      ])
      if (inConflict.size > 0 || (!input.base && input.form.version !== currentVersion))
        throw new FieldConflict({
          ok: false,
          kind: 'conflict',
          version: currentVersion,
          updatedAt: existing?.updatedAt ?? null,
          fields: [...inConflict].map((key) => ({ key, mine: mine[key] ?? '', theirs: theirs[key] ?? '' })),
          theirs,
          merged: result.merged,
        })
      const merged = validationValuesOf(result.merged, indicatorIds)
      const grade = merged.level === null ? null : toGrade(merged.level, merged.subLevel)
      const columns = grade?.ok
        ? { level: grade.grade.level, subLevel: grade.grade.subLevel, gradeSteps: gradeToSteps(grade.grade) }
        : { level: null, subLevel: null, gradeSteps: null }
      let id: string
      if (!existing) {
        id = (
          await tx.outcomeValidation.create({
            data: {
              assignmentId: assignment.id,
              outcomeId: outcome.id,
              ...columns,
              rationale: merged.rationale,
              notes: merged.notes,
              version: 1,
            },
            select: { id: true },
          })
        ).id
      } else {
        await tx.outcomeValidation.update({
          where: { id: existing.id },
          data: { ...columns, rationale: merged.rationale, notes: merged.notes, version: { increment: 1 } },
          select: { id: true },
        })
        id = existing.id
        await tx.indicatorJudgement.deleteMany({ where: { outcomeValidationId: id } })
      }
      const rows = merged.judgements.flatMap((j) =>
        j.status ? [{ outcomeValidationId: id, indicatorId: j.id, status: j.status }] : [],
      )
      if (rows.length) await tx.indicatorJudgement.createMany({ data: rows })
      await recordAudit(tx, {
        actorId: input.actor.id,
        action: 'validation.grade_saved',
        entityType: 'OutcomeValidation',
        entityId: id,
        submissionId: context.id,
        before: existing ? { level: existing.level, subLevel: existing.subLevel } : null,
        after: { outcome: input.number, level: columns.level, subLevel: columns.subLevel },
        ipAddress: input.ipAddress,
      })
      if (receipt)
        await recordReceipt(tx, receipt, { version: currentVersion + 1, savedAt: new Date(), status: 'saved' })
      return { ok: true as const }
    })
  } catch (error) {
    if (!(error instanceof FieldConflict)) throw error
    return error.conflict
  }
}

export type CompleteResult =
  { ok: true; next: 'WAITING' | 'AGREEMENT' | 'MODERATION' } | { ok: false; message: string; missing: number[] }

/** Marks this validator's work complete once every outcome has a grade and a rationale. */
export async function completeValidation(input: {
  actor: Actor
  assignmentId: string
  ipAddress: string
}): Promise<CompleteResult> {
  const overview = await getWorkspaceOverview(input.actor, input.assignmentId)
  const { assignment, context } = overview
  if (!overview.editable) return { ok: false, message: 'This validation cannot be completed now.', missing: [] }
  const missing = overview.outcomes.filter((o) => !o.grade || !o.hasRationale).map((o) => o.number)
  if (missing.length)
    return {
      ok: false,
      message: 'Give a grade and a rationale for every outcome before completing your validation.',
      missing,
    }
  const result = await prisma.$transaction(async (tx) => {
    const { count } = await tx.validatorAssignment.updateMany({
      where: { id: assignment.id, completedAt: null },
      data: { completedAt: new Date() },
    })
    if (count === 0) return { ok: false as const, message: 'This validation has already been completed.', missing: [] }
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'validation.completed',
      entityType: 'ValidatorAssignment',
      entityId: assignment.id,
      submissionId: context.id,
      after: { kind: assignment.kind },
      ipAddress: input.ipAddress,
    })
    const other = await tx.validatorAssignment.findFirst({
      where: { submissionId: context.id, id: { not: assignment.id } },
      select: { completedAt: true },
    })
    if (!other?.completedAt) return { ok: true as const, next: 'WAITING' as const, differing: [] }
    const grades = await tx.outcomeValidation.findMany({
      where: { assignment: { submissionId: context.id } },
      select: {
        level: true,
        subLevel: true,
        outcome: { select: { number: true } },
        assignment: { select: { kind: true } },
      },
    })
    const listFor = (kind: string) =>
      grades.flatMap((g) => {
        const grade = g.assignment.kind === kind && g.level !== null ? toGrade(g.level, g.subLevel) : null
        return grade?.ok ? [{ outcomeNumber: g.outcome.number, grade: grade.grade as Grade }] : []
      })
    const result = agreementOutcome(listFor('PRIMARY'), listFor('SECONDARY'))
    if (result.kind === 'AGREED') return { ok: true as const, next: 'AGREEMENT' as const, differing: [] }
    const moved = await tx.submission.updateMany({
      where: { id: context.id, status: 'IN_VALIDATION' },
      data: { status: 'IN_MODERATION', version: { increment: 1 } },
    })
    if (moved.count === 0)
      throw new Response('This submission has moved on since the page was loaded. Reload it and try again.', {
        status: 409,
      })
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'submission.sent_to_moderation',
      entityType: 'Submission',
      entityId: context.id,
      submissionId: context.id,
      before: { status: 'IN_VALIDATION' },
      after: { status: 'IN_MODERATION', differing: result.differing },
      ipAddress: input.ipAddress,
    })
    return {
      ok: true as const,
      next: 'MODERATION' as const,
      differing: result.differing.map((d) => d.outcomeNumber),
    }
  })
  if (!result.ok) return result
  // Emails once the change has committed (they never throw).
  await notifyValidationCompleted({
    submissionId: context.id,
    completedKind: assignment.kind === 'PRIMARY' ? 'PRIMARY' : 'SECONDARY',
    next: result.next,
    differing: result.differing,
  })
  return { ok: true, next: result.next }
}
