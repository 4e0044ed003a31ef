// Clarification (issue 4, item 4): an assigned validator asks about specific outcomes, which reopen
// for the service; the service replies, changes those outcomes and resubmits. Every change re-checks
// the submission inside its transaction (`updateMany where { id, status, version }`) before writing
// anything, so a stale page changes nothing, and records its audit events in the same transaction.
import { prisma, type Db } from '~/utils/db.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { can, requirePermission, type Actor } from '~/modules/auth/permissions'
import { INDICATOR_STATUSES, type IndicatorStatus } from '~/modules/framework/grading'
import { notifyClarificationAnswered, notifyClarificationRequested } from '~/modules/notifications/notifications.server'
import type { SubmissionContext } from '~/modules/submissions/access.server'
import { outcomeProblems } from '~/modules/submissions/progress'
import { canTransition, type SubmissionStatus } from '~/modules/submissions/status'
import { forbidden, invariantResponse, notFound } from '~/utils/http.server'
import { isThreadStatus, type AuthorContext, type Question, type ThreadStatus } from './clarification-schema'

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

export const MOVED_ON = 'This submission has moved on since the page was loaded. Reload it to see where it is now.'

export type ClarificationResult = { ok: true } | { ok: false; message: string }
export type ResubmitResult =
  ClarificationResult | { ok: false; message: string; problems: Array<{ number: number; message: string }> }

type Input = { actor: Actor; context: SubmissionContext; ipAddress: string }

/** Validators may ask (and follow up) while the submission is with them or already back with the service. */
function validatorMayAsk(status: SubmissionStatus): boolean {
  return status === 'IN_VALIDATION' || status === 'CLARIFICATION_REQUESTED'
}

/** The user's own validation assignment for the submission, if they have not completed it. */
async function findActiveAssignment(db: Db, actor: Actor, submissionId: string) {
  return db.validatorAssignment.findFirst({
    where: { submissionId, validatorId: actor.id, completedAt: null },
    select: { id: true },
  })
}

/** 403 unless the user is assigned to validate the submission and has not completed it. */
export async function requireActiveValidator(actor: Actor, context: SubmissionContext): Promise<void> {
  requirePermission(actor, 'clarification:ask', context.target)
  if (!(await findActiveAssignment(prisma, actor, context.id)))
    forbidden('You have completed your validation of this submission')
}

/** A thread of this submission, or 404: an id from another submission is a page that does not exist. */
async function findThread(context: SubmissionContext, threadId: string) {
  const thread = await prisma.clarificationThread.findFirst({
    where: { id: threadId, submissionId: context.id },
    select: { id: true, status: true, outcomeId: true, outcome: { select: { number: true } } },
  })
  if (!thread) notFound('That question was not found')
  return thread
}

/**
 * Reopens one outcome for the service: it becomes editable again (outcome.server.ts) and goes back
 * to in progress until the service resubmits. Does nothing if it is already reopened.
 */
async function reopenOutcome(tx: Tx, input: Input, outcomeId: string, number: number): Promise<void> {
  const existing = await tx.outcomeResponse.findUnique({
    where: { submissionId_outcomeId: { submissionId: input.context.id, outcomeId } },
    select: { id: true, status: true, reopenedForClarification: true },
  })
  if (existing?.reopenedForClarification) return
  const response = existing
    ? await tx.outcomeResponse.update({
        where: { id: existing.id },
        data: { reopenedForClarification: true, status: 'IN_PROGRESS', version: { increment: 1 } },
        select: { id: true },
      })
    : await tx.outcomeResponse.create({
        data: {
          submissionId: input.context.id,
          outcomeId,
          reopenedForClarification: true,
          status: 'IN_PROGRESS',
          version: 1,
        },
        select: { id: true },
      })
  await recordAudit(tx, {
    actorId: input.actor.id,
    action: 'outcome_response.reopened_for_clarification',
    entityType: 'OutcomeResponse',
    entityId: response.id,
    submissionId: input.context.id,
    before: { outcome: number, status: existing?.status ?? null, reopenedForClarification: false },
    after: { outcome: number, status: 'IN_PROGRESS', reopenedForClarification: true },
    ipAddress: input.ipAddress,
  })
}

/**
 * The guarded status change every validator message makes: in validation moves to clarification
 * requested; clarification requested stays, with a new version so a stale resubmit is refused.
 * False when the submission moved on since `context` was loaded.
 */
async function moveToClarification(tx: Tx, input: Input): Promise<boolean> {
  const { context } = input
  const { count } = await tx.submission.updateMany({
    where: { id: context.id, status: context.status, version: context.version },
    data: { status: 'CLARIFICATION_REQUESTED', version: { increment: 1 } },
  })
  if (count === 0) return false
  if (context.status === 'IN_VALIDATION') {
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'submission.clarification_requested',
      entityType: 'Submission',
      entityId: context.id,
      submissionId: context.id,
      before: { status: 'IN_VALIDATION' },
      after: { status: 'CLARIFICATION_REQUESTED' },
      ipAddress: input.ipAddress,
    })
  }
  return true
}

/** Whether the validator can send questions now, and why not if they cannot. */
function askRefusal(context: SubmissionContext): string | null {
  if (!validatorMayAsk(context.status))
    return 'You can ask for clarification only while the submission is in validation.'
  if (context.status === 'IN_VALIDATION' && !canTransition('IN_VALIDATION', 'CLARIFICATION_REQUESTED', 'VALIDATOR'))
    return MOVED_ON
  return null
}

/** The ask page: the edition's outcomes, for an assigned validator whose assignment is open. */
export async function getAskPage(actor: Actor, context: SubmissionContext) {
  await requireActiveValidator(actor, context)
  const outcomes = await prisma.outcome.findMany({
    where: { editionId: context.cycle.editionId },
    orderBy: { number: 'asc' },
    select: { number: true, shortTitle: true },
  })
  return { outcomes, refusal: askRefusal(context) }
}

/** Sends the validator's questions: one thread per outcome, each outcome reopened, the submission back with the service. */
export async function askForClarification(input: Input & { questions: Question[] }): Promise<ClarificationResult> {
  const { actor, context, questions } = input
  await requireActiveValidator(actor, context)
  const refusal = askRefusal(context)
  if (refusal) return { ok: false, message: refusal }
  const numbers = questions.map((q) => q.number)
  invariantResponse(
    numbers.length > 0 && new Set(numbers).size === numbers.length,
    'Choose each outcome to ask about once',
  )
  const outcomes = await prisma.outcome.findMany({
    where: { editionId: context.cycle.editionId, number: { in: numbers } },
    select: { id: true, number: true },
  })
  invariantResponse(
    outcomes.length === numbers.length,
    'An outcome in the form does not belong to this framework edition',
  )
  const outcomeId = new Map(outcomes.map((o) => [o.number, o.id]))

  const result = await prisma.$transaction(async (tx) => {
    // Checks first: returning early must leave nothing written.
    if (!(await findActiveAssignment(tx, actor, context.id)))
      return {
        ok: false as const,
        message: 'You have completed your validation of this submission, so you can no longer ask questions.',
      }
    if (!(await moveToClarification(tx, input))) return { ok: false as const, message: MOVED_ON }
    for (const { number, question } of questions) {
      const id = outcomeId.get(number)!
      const thread = await tx.clarificationThread.create({
        data: {
          submissionId: context.id,
          outcomeId: id,
          openedById: actor.id,
          status: 'OPEN',
          messages: { create: { authorId: actor.id, body: question } },
        },
        select: { id: true, messages: { select: { id: true } } },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'clarification.asked',
        entityType: 'ClarificationThread',
        entityId: thread.id,
        submissionId: context.id,
        after: { outcome: number, status: 'OPEN', messageId: thread.messages[0]?.id ?? null, length: question.length },
        ipAddress: input.ipAddress,
      })
      await reopenOutcome(tx, input, id, number)
    }
    return { ok: true as const }
  })
  if (result.ok) await notifyClarificationRequested(context.id, numbers)
  return result
}

/** The service's reply to an open question; the question is then answered. */
export async function replyToThread(input: Input & { threadId: string; body: string }): Promise<ClarificationResult> {
  const { actor, context } = input
  requirePermission(actor, 'clarification:answer', context.target)
  const thread = await findThread(context, input.threadId)
  if (context.status !== 'CLARIFICATION_REQUESTED')
    return {
      ok: false,
      message: 'The validators are not waiting for a reply: this submission is not in clarification.',
    }
  return prisma.$transaction(async (tx) => {
    const submission = await tx.submission.findFirst({
      where: { id: context.id, status: 'CLARIFICATION_REQUESTED' },
      select: { id: true },
    })
    if (!submission) return { ok: false as const, message: MOVED_ON }
    const { count } = await tx.clarificationThread.updateMany({
      where: { id: thread.id, status: 'OPEN' },
      data: { status: 'ANSWERED' },
    })
    if (count === 0)
      return { ok: false as const, message: 'This question already has a reply. Reload the page to see it.' }
    const message = await tx.clarificationMessage.create({
      data: { threadId: thread.id, authorId: actor.id, body: input.body },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clarification.replied',
      entityType: 'ClarificationThread',
      entityId: thread.id,
      submissionId: context.id,
      before: { status: 'OPEN' },
      after: {
        outcome: thread.outcome?.number ?? null,
        status: 'ANSWERED',
        messageId: message.id,
        length: input.body.length,
      },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

/**
 * A validator's follow-up on a thread: the thread is open again, its outcome reopens, and a
 * submission back in validation returns to the service, which can only answer in clarification.
 */
export async function addFollowUp(input: Input & { threadId: string; body: string }): Promise<ClarificationResult> {
  const { actor, context } = input
  await requireActiveValidator(actor, context)
  const thread = await findThread(context, input.threadId)
  if (!validatorMayAsk(context.status))
    return {
      ok: false,
      message:
        'You can add a follow-up question only while the submission is in validation or clarification is requested.',
    }
  const result = await prisma.$transaction(async (tx) => {
    if (!(await findActiveAssignment(tx, actor, context.id)))
      return {
        ok: false as const,
        message: 'You have completed your validation of this submission, so you can no longer ask questions.',
      }
    if (!(await moveToClarification(tx, input))) return { ok: false as const, message: MOVED_ON }
    await tx.clarificationThread.update({
      where: { id: thread.id },
      data: { status: 'OPEN', resolvedAt: null },
      select: { id: true },
    })
    const message = await tx.clarificationMessage.create({
      data: { threadId: thread.id, authorId: actor.id, body: input.body },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clarification.follow_up_asked',
      entityType: 'ClarificationThread',
      entityId: thread.id,
      submissionId: context.id,
      before: { status: thread.status },
      after: {
        outcome: thread.outcome?.number ?? null,
        status: 'OPEN',
        messageId: message.id,
        length: input.body.length,
      },
      ipAddress: input.ipAddress,
    })
    if (thread.outcomeId && thread.outcome) await reopenOutcome(tx, input, thread.outcomeId, thread.outcome.number)
    return { ok: true as const }
  })
  if (result.ok) await notifyClarificationRequested(context.id, thread.outcome ? [thread.outcome.number] : [])
  return result
}

const asIndicatorStatus = (value: string | undefined): IndicatorStatus | null =>
  value !== undefined && (INDICATOR_STATUSES as readonly string[]).includes(value) ? (value as IndicatorStatus) : null

/** What stops each reopened outcome being completed again: the same rules as before sign-off. */
async function reopenedOutcomeProblems(tx: Tx, submissionId: string) {
  const responses = await tx.outcomeResponse.findMany({
    where: { submissionId, reopenedForClarification: true },
    select: {
      id: true,
      status: true,
      narrative: true,
      selfLevel: true,
      selfSubLevel: true,
      selfGradeReason: true,
      indicators: { select: { indicatorId: true, status: true } },
      outcome: { select: { number: true, indicators: { select: { id: true, level: { select: { level: true } } } } } },
    },
    orderBy: { outcome: { number: 'asc' } },
  })
  return responses.map((response) => {
    const statuses = new Map(response.indicators.map((i) => [i.indicatorId, i.status]))
    const problems = outcomeProblems({
      number: response.outcome.number,
      narrative: response.narrative,
      indicators: response.outcome.indicators.map((i) => ({
        level: i.level.level as 1 | 2 | 3 | 4,
        status: asIndicatorStatus(statuses.get(i.id)),
      })),
      selfLevel: response.selfLevel,
      selfSubLevel: response.selfSubLevel,
      selfGradeReason: response.selfGradeReason,
    })
    return {
      id: response.id,
      number: response.outcome.number,
      status: response.status,
      problems: problems.map((p) => p.message),
    }
  })
}

/**
 * The service lead sends the submission back to the validators once every question has a reply
 * and every reopened outcome is complete: the outcomes close again and the answered threads close.
 */
export async function resubmitAfterClarification(input: Input): Promise<ResubmitResult> {
  const { actor, context } = input
  requirePermission(actor, 'submission:submit', context.target)
  if (!canTransition(context.status, 'IN_VALIDATION', 'SERVICE_LEAD')) return { ok: false, message: MOVED_ON }
  const result = await prisma.$transaction(async (tx) => {
    // Every check before the first write: a refusal leaves the submission as it was.
    const open = await tx.clarificationThread.count({ where: { submissionId: context.id, status: 'OPEN' } })
    if (open > 0) return { ok: false as const, message: 'Reply to every question before you resubmit the submission.' }
    const reopened = await reopenedOutcomeProblems(tx, context.id)
    const problems = reopened.flatMap((r) => r.problems.map((message) => ({ number: r.number, message })))
    if (problems.length)
      return {
        ok: false as const,
        message: 'Finish the reopened outcomes before you resubmit the submission.',
        problems,
      }
    const now = new Date()
    const { count } = await tx.submission.updateMany({
      where: { id: context.id, status: 'CLARIFICATION_REQUESTED', version: context.version },
      data: { status: 'IN_VALIDATION', version: { increment: 1 } },
    })
    if (count === 0) return { ok: false as const, message: MOVED_ON }
    for (const response of reopened) {
      await tx.outcomeResponse.update({
        where: { id: response.id },
        data: { reopenedForClarification: false, status: 'COMPLETED', version: { increment: 1 } },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'outcome_response.clarification_completed',
        entityType: 'OutcomeResponse',
        entityId: response.id,
        submissionId: context.id,
        before: { outcome: response.number, status: response.status, reopenedForClarification: true },
        after: { outcome: response.number, status: 'COMPLETED', reopenedForClarification: false },
        ipAddress: input.ipAddress,
      })
    }
    const answered = await tx.clarificationThread.findMany({
      where: { submissionId: context.id, status: 'ANSWERED' },
      select: { id: true },
    })
    await tx.clarificationThread.updateMany({
      where: { id: { in: answered.map((t) => t.id) } },
      data: { status: 'CLOSED', resolvedAt: now },
    })
    for (const thread of answered) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'clarification.closed',
        entityType: 'ClarificationThread',
        entityId: thread.id,
        submissionId: context.id,
        before: { status: 'ANSWERED' },
        after: { status: 'CLOSED' },
        ipAddress: input.ipAddress,
      })
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'submission.resubmitted_after_clarification',
      entityType: 'Submission',
      entityId: context.id,
      submissionId: context.id,
      before: { status: 'CLARIFICATION_REQUESTED' },
      after: { status: 'IN_VALIDATION', outcomes: reopened.map((r) => r.number), threadsClosed: answered.length },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, outcomes: reopened.map((r) => r.number) }
  })
  if (!result.ok) return result
  await notifyClarificationAnswered(context.id, result.outcomes)
  return { ok: true }
}

export type ClarificationMessageView = {
  id: string
  body: string
  createdAt: Date
  authorName: string
  authorContext: AuthorContext
}
export type ClarificationThreadView = {
  id: string
  status: ThreadStatus
  outcome: { number: number; shortTitle: string; reopened: boolean } | null
  createdAt: Date
  resolvedAt: Date | null
  messages: ClarificationMessageView[]
}

/** The threads page: every thread with every message, oldest first, and what this user may do. */
export async function getClarificationPage(actor: Actor, context: SubmissionContext) {
  const [threads, reopened, activeAssignment] = await Promise.all([
    prisma.clarificationThread.findMany({
      where: { submissionId: context.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        status: true,
        openedById: true,
        createdAt: true,
        resolvedAt: true,
        outcome: { select: { id: true, number: true, shortTitle: true } },
        messages: {
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { id: true, body: true, createdAt: true, authorId: true, author: { select: { name: true } } },
        },
      },
    }),
    prisma.outcomeResponse.findMany({
      where: { submissionId: context.id, reopenedForClarification: true },
      select: { outcomeId: true },
    }),
    can(actor, 'clarification:ask', context.target)
      ? findActiveAssignment(prisma, actor, context.id)
      : Promise.resolve(null),
  ])
  const validatorIds = new Set(context.validatorAssignments.map((a) => a.validatorId))
  const reopenedIds = new Set(reopened.map((r) => r.outcomeId))
  const views: ClarificationThreadView[] = threads
    .map((thread) => ({
      id: thread.id,
      status: isThreadStatus(thread.status) ? thread.status : 'OPEN',
      outcome: thread.outcome
        ? {
            number: thread.outcome.number,
            shortTitle: thread.outcome.shortTitle,
            reopened: reopenedIds.has(thread.outcome.id),
          }
        : null,
      createdAt: thread.createdAt,
      resolvedAt: thread.resolvedAt,
      messages: thread.messages.map((m) => ({
        id: m.id,
        body: m.body,
        createdAt: m.createdAt,
        authorName: m.author.name,
        authorContext: (validatorIds.has(m.authorId) || m.authorId === thread.openedById
          ? 'Validator'
          : 'Service') as AuthorContext,
      })),
    }))
    // By outcome, then oldest first; a thread about the submission as a whole comes last.
    .sort(
      (a, b) =>
        (a.outcome?.number ?? Number.MAX_SAFE_INTEGER) - (b.outcome?.number ?? Number.MAX_SAFE_INTEGER) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    )
  const inClarification = context.status === 'CLARIFICATION_REQUESTED'
  const validatorActive = activeAssignment !== null && validatorMayAsk(context.status)
  const isLead = can(actor, 'submission:submit', context.target)
  return {
    threads: views,
    allAnswered: views.every((t) => t.status !== 'OPEN'),
    permissions: {
      answer: can(actor, 'clarification:answer', context.target) && inClarification,
      editOutcomes: can(actor, 'submission:edit', context.target) && inClarification,
      resubmit: isLead && inClarification,
      isServiceLead: isLead,
      ask: validatorActive,
      followUp: validatorActive,
    },
  }
}
