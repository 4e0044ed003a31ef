// The agreed result (issue 4, items 5, 6 and 8; issue 15, item 8), outcome by outcome: the primary
// validator records each outcome the two validators agree on within one sub-level, the regional
// lead moderates only the outcomes that differ by more; once every outcome has its agreed grade the
// result is confirmed and published by the regional lead, who can also reopen it with a reason.
import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { can, isReviewer, type Actor } from '~/modules/auth/permissions'
import { gradeToSteps, toGrade, type Grade } from '~/modules/framework/grading'
import { notifyResultPublished } from '~/modules/notifications/notifications.server'
import { loadSubmissionContext, type SubmissionContext } from '~/modules/submissions/access.server'
import { notFound } from '~/utils/http.server'
import {
  agreementStep,
  decidedBy,
  everyOutcomeAgreed,
  mayRecordAgreedGrade,
  proposedAgreedGrade,
  requiresRequiredAction,
  type DecidedBy,
} from './rules'
import { splitActions, type AgreedResultForm } from './schema'
import { gradesOfBoth } from './workspace.server'

/** The actor's part in recording the agreed result: primary validator of it, regional lead who may moderate it. */
async function rolesOf(actor: Actor, context: SubmissionContext) {
  const primary = await prisma.validatorAssignment.findFirst({
    where: { submissionId: context.id, kind: 'PRIMARY', validatorId: actor.id },
    select: { id: true },
  })
  return { isPrimaryValidator: primary !== null, isModerator: can(actor, 'validation:moderate', context.target) }
}

/** Who decides each outcome, once both validators have completed (outcome number to decider). */
function decidersOf(both: Awaited<ReturnType<typeof gradesOfBoth>>): Map<number, DecidedBy> {
  return new Map(both?.outcomes.map((o) => [o.outcomeNumber, decidedBy(o.primary, o.secondary)]) ?? [])
}

/** Loads a submission for the agreement pages: reviewers of it only. */
export async function loadForAgreement(actor: Actor, submissionId: string) {
  const context = await loadSubmissionContext(actor, submissionId, 'submission:view')
  const reviewer = isReviewer(actor, context.target)
  if (!reviewer) notFound()
  return context
}

export async function getAgreement(actor: Actor, context: SubmissionContext) {
  const [both, outcomes, agreed, cycle, roles] = await Promise.all([
    gradesOfBoth(context),
    prisma.outcome.findMany({
      where: { editionId: context.cycle.editionId },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, shortTitle: true },
    }),
    prisma.agreedResult.findMany({
      where: { submissionId: context.id },
      select: {
        outcomeId: true,
        level: true,
        subLevel: true,
        rationale: true,
        strengths: true,
        areasForDevelopment: true,
        recommendations: true,
        viaModeration: true,
        agreedBy: { select: { name: true } },
        requiredActions: { orderBy: { position: 'asc' }, select: { text: true } },
      },
    }),
    prisma.cycle.findUniqueOrThrow({ where: { id: context.cycleId }, select: { minimumExpectedLevel: true } }),
    rolesOf(actor, context),
  ])
  const deciders = decidersOf(both)
  const rows = outcomes.map((o) => {
    const result = agreed.find((a) => a.outcomeId === o.id)
    const grades = both?.outcomes.find((g) => g.outcomeNumber === o.number)
    const decider = deciders.get(o.number) ?? null
    return {
      number: o.number,
      shortTitle: o.shortTitle,
      grades: grades ?? null,
      decidedBy: decider,
      canRecord: mayRecordAgreedGrade({ outcome: decider, status: context.status, ...roles }),
      proposed: grades ? proposedAgreedGrade(grades.primary, grades.secondary) : null,
      agreed: result
        ? { ...result, agreedBy: result.agreedBy.name, requiredActions: result.requiredActions.map((r) => r.text) }
        : null,
    }
  })
  const mayConfirm =
    (context.status === 'IN_VALIDATION' && roles.isPrimaryValidator) ||
    (context.status === 'IN_MODERATION' && (roles.isModerator || roles.isPrimaryValidator))
  return {
    both,
    minimumExpectedLevel: cycle.minimumExpectedLevel,
    isPrimaryValidator: roles.isPrimaryValidator,
    isModerator: roles.isModerator,
    canRecord: rows.some((r) => r.canRecord),
    canFinalise:
      both !== null &&
      mayConfirm &&
      everyOutcomeAgreed(
        rows.map((r) => r.number),
        rows.filter((r) => r.agreed).map((r) => r.number),
      ),
    canPublish: context.status === 'VALIDATED' && can(actor, 'result:publish', context.target),
    canReopen: context.status === 'PUBLISHED' && can(actor, 'result:reopen', context.target),
    outcomes: rows,
  }
}

/**
 * The primary validator's (or moderator's) next step on a submission's agreed result, for the home
 * page: record an outcome's agreed grade, confirm the result, or nothing yet.
 */
export async function agreementToDo(actor: Actor, submissionId: string): Promise<'RECORD' | 'CONFIRM' | null> {
  const context = await loadForAgreement(actor, submissionId)
  const agreement = await getAgreement(actor, context)
  return agreementStep({
    outcomes: agreement.outcomes.map((o) => ({ canRecord: o.canRecord, agreed: o.agreed !== null })),
    canFinalise: agreement.canFinalise,
  })
}

export type RecordResult =
  { ok: true } | { ok: false; fieldErrors: Record<string, string[]> } | { ok: false; message: string }

/** Records (or corrects, until finalised) the agreed result of one outcome. */
export async function recordAgreedResult(input: {
  actor: Actor
  context: SubmissionContext
  number: number
  form: AgreedResultForm
  ipAddress: string
}): Promise<RecordResult> {
  const { actor, context, form } = input
  const [agreement, cycle] = await Promise.all([
    getAgreement(actor, context),
    prisma.cycle.findUniqueOrThrow({ where: { id: context.cycleId }, select: { minimumExpectedLevel: true } }),
  ])
  const row = agreement.outcomes.find((o) => o.number === input.number)
  if (!row) notFound()
  if (!row.canRecord)
    return {
      ok: false,
      message:
        row.decidedBy === 'MODERATION'
          ? 'Only the regional lead can record the moderated grade of this outcome.'
          : 'You cannot record the agreed result of this outcome now.',
    }
  const moderated = row.decidedBy === 'MODERATION'
  const outcome = await prisma.outcome.findFirstOrThrow({
    where: { editionId: context.cycle.editionId, number: input.number },
    select: { id: true },
  })
  const parsed = toGrade(form.level, form.subLevel)
  if (!parsed.ok) return { ok: false, fieldErrors: { subLevel: ['Select a valid level and sub-level'] } }
  const grade: Grade = parsed.grade
  const actions = splitActions(form.requiredActions)
  const fieldErrors: Record<string, string[]> = {}
  if (requiresRequiredAction(grade.level, cycle.minimumExpectedLevel) && actions.length === 0) {
    fieldErrors.requiredActions = [
      `Enter at least one required action: level ${grade.level} is below the cycle’s minimum expected level of ${cycle.minimumExpectedLevel}`,
    ]
  }
  if (moderated && !form.rationale.trim()) fieldErrors.rationale = ['Enter the rationale for the moderated grade']
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }

  await prisma.$transaction(async (tx) => {
    const before = await tx.agreedResult.findUnique({
      where: { submissionId_outcomeId: { submissionId: context.id, outcomeId: outcome.id } },
      select: { id: true, level: true, subLevel: true },
    })
    const data = {
      level: grade.level,
      subLevel: grade.subLevel,
      gradeSteps: gradeToSteps(grade),
      rationale: form.rationale,
      strengths: form.strengths,
      areasForDevelopment: form.areasForDevelopment,
      recommendations: form.recommendations,
      viaModeration: moderated,
      agreedById: actor.id,
      agreedAt: new Date(),
    }
    const saved = await tx.agreedResult.upsert({
      where: { submissionId_outcomeId: { submissionId: context.id, outcomeId: outcome.id } },
      update: data,
      create: { submissionId: context.id, outcomeId: outcome.id, ...data },
      select: { id: true },
    })
    await tx.requiredAction.deleteMany({ where: { agreedResultId: saved.id, planItems: { none: {} } } })
    const kept = await tx.requiredAction.findMany({
      where: { agreedResultId: saved.id },
      select: { position: true, text: true },
    })
    const next = actions.filter((text) => !kept.some((k) => k.text === text))
    let position = Math.max(0, ...kept.map((k) => k.position))
    if (next.length)
      await tx.requiredAction.createMany({
        data: next.map((text) => ({ agreedResultId: saved.id, position: ++position, text })),
      })
    await recordAudit(tx, {
      actorId: actor.id,
      action: moderated ? 'validation.moderated_grade_recorded' : 'validation.agreed_grade_recorded',
      entityType: 'AgreedResult',
      entityId: saved.id,
      submissionId: context.id,
      before: before ? { level: before.level, subLevel: before.subLevel } : null,
      after: {
        outcome: input.number,
        level: grade.level,
        subLevel: grade.subLevel,
        decidedBy: row.decidedBy,
        requiredActions: actions.length,
      },
      ipAddress: input.ipAddress,
    })
  })
  return { ok: true }
}

export type TransitionResult = { ok: true } | { ok: false; message: string }

async function move(
  input: { actor: Actor; context: SubmissionContext; ipAddress: string },
  from: string,
  to: string,
  action: string,
  data: Record<string, unknown>,
  after: Record<string, unknown> = {},
): Promise<TransitionResult> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.submission.updateMany({
      where: { id: input.context.id, status: from, version: input.context.version },
      data: { status: to, version: { increment: 1 }, ...data },
    })
    if (count === 0)
      return {
        ok: false as const,
        message: 'This submission has moved on since the page was loaded. Reload it to see where it is now.',
      }
    await recordAudit(tx, {
      actorId: input.actor.id,
      action,
      entityType: 'Submission',
      entityId: input.context.id,
      submissionId: input.context.id,
      before: { status: from },
      after: { status: to, ...after },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

/** Once every outcome has its agreed result, the submission is validated. */
export async function finaliseAgreement(input: {
  actor: Actor
  context: SubmissionContext
  ipAddress: string
}): Promise<TransitionResult> {
  const agreement = await getAgreement(input.actor, input.context)
  if (!agreement.canFinalise) return { ok: false, message: 'Record the agreed result of every outcome first.' }
  return move(input, input.context.status, 'VALIDATED', 'submission.validated', { validatedAt: new Date() })
}

export async function publishResult(input: {
  actor: Actor
  context: SubmissionContext
  ipAddress: string
}): Promise<TransitionResult> {
  if (!can(input.actor, 'result:publish', input.context.target) || input.context.status !== 'VALIDATED')
    return { ok: false, message: 'Only a validated result can be published, by the regional lead.' }
  const result = await move(input, 'VALIDATED', 'PUBLISHED', 'submission.result_published', {
    publishedAt: new Date(),
    publishedById: input.actor.id,
  })
  if (result.ok) await notifyResultPublished(input.context.id)
  return result
}

export async function reopenResult(input: {
  actor: Actor
  context: SubmissionContext
  reason: string
  ipAddress: string
}): Promise<TransitionResult> {
  if (!can(input.actor, 'result:reopen', input.context.target) || input.context.status !== 'PUBLISHED')
    return { ok: false, message: 'Only a published result can be reopened, by the regional lead.' }
  return move(
    input,
    'PUBLISHED',
    'VALIDATED',
    'submission.result_reopened',
    { publishedAt: null, publishedById: null },
    { reason: input.reason },
  )
}

/** The regional lead reopens a validator's completed validation so a grade can change. */
export async function reopenValidation(input: {
  actor: Actor
  context: SubmissionContext
  assignmentId: string
  reason: string
  ipAddress: string
}): Promise<TransitionResult> {
  if (
    !can(input.actor, 'validation:moderate', input.context.target) ||
    !['IN_VALIDATION', 'IN_MODERATION'].includes(input.context.status)
  ) {
    return {
      ok: false,
      message:
        'A validation can be reopened only by the regional lead while the submission is in validation or moderation.',
    }
  }
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.validatorAssignment.updateMany({
      where: { id: input.assignmentId, submissionId: input.context.id, completedAt: { not: null } },
      data: { completedAt: null },
    })
    if (count === 0) return { ok: false as const, message: 'That validation is not completed.' }
    if (input.context.status === 'IN_MODERATION') {
      await tx.submission.updateMany({
        where: { id: input.context.id, status: 'IN_MODERATION' },
        data: { status: 'IN_VALIDATION', version: { increment: 1 } },
      })
    }
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'validation.reopened',
      entityType: 'ValidatorAssignment',
      entityId: input.assignmentId,
      submissionId: input.context.id,
      after: { reason: input.reason },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}
