// The submission's journey through the service: the task list, check your answers, sending for
// sign-off, the sponsor's decision and submission. Each transition re-checks the status inside its
// transaction (a stale page cannot move a submission twice) and writes an audit event.
import { editionOutcomes } from '~/modules/framework/edition-content.server'
import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { formatGrade, INDICATOR_STATUSES, toGrade, type IndicatorStatus } from '~/modules/framework/grading'
import type { Actor } from '~/modules/auth/permissions'
import { requirePermission } from '~/modules/auth/permissions'
import {
  notifyReturnedBySponsor,
  notifySentForSignOff,
  notifySignedOffBySponsor,
  notifySubmitted,
} from '~/modules/notifications/notifications.server'
import type { SubmissionContext } from './access.server'
import {
  outcomeProblems,
  penPortraitProblems,
  penPortraitStatus,
  taskStatuses,
  unevidencedIndicators,
  type ResponseStatus,
  type SignOffState,
} from './progress'
import { canTransition, type SubmissionStatus } from './status'
import { isLateSubmission } from './next-step'

const asResponseStatus = (value: string): ResponseStatus =>
  value === 'COMPLETED' || value === 'IN_PROGRESS' ? value : 'NOT_STARTED'
const asIndicatorStatus = (value: string | undefined): IndicatorStatus | null =>
  value !== undefined && (INDICATOR_STATUSES as readonly string[]).includes(value) ? (value as IndicatorStatus) : null

/** The sponsor's latest decision on the current round of sign-off. */
export async function signOffState(
  context: Pick<SubmissionContext, 'id' | 'status' | 'sentForSignOffAt'>,
): Promise<SignOffState> {
  const latest = await prisma.signOff.findFirst({
    where: { submissionId: context.id },
    orderBy: { createdAt: 'desc' },
    select: { decision: true, signerName: true, signerRole: true, reason: true, createdAt: true },
  })
  const currentRound = latest && (!context.sentForSignOffAt || latest.createdAt >= context.sentForSignOffAt)
  if (context.status === 'AWAITING_SIGN_OFF') {
    return latest && currentRound && latest.decision === 'SIGNED_OFF'
      ? { kind: 'SIGNED_OFF', signerName: latest.signerName, signerRole: latest.signerRole, at: latest.createdAt }
      : { kind: 'AWAITING' }
  }
  if (latest?.decision === 'RETURNED' && (context.status === 'IN_PROGRESS' || context.status === 'NOT_STARTED')) {
    return { kind: 'RETURNED', reason: latest.reason, at: latest.createdAt }
  }
  if (latest?.decision === 'SIGNED_OFF' && !['NOT_STARTED', 'IN_PROGRESS'].includes(context.status)) {
    return { kind: 'SIGNED_OFF', signerName: latest.signerName, signerRole: latest.signerRole, at: latest.createdAt }
  }
  return { kind: 'NOT_SENT' }
}

/** Everything the task list and the check-your-answers page need. */
/** The first lines of a narrative for check your answers: up to two lines and 200 characters. */
function narrativeOpening(narrative: string): string {
  const lines = narrative
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const opening = lines.slice(0, 2).join(' ')
  return opening.length > 200 ? `${opening.slice(0, 200).trimEnd()}…` : opening
}

export async function getSubmissionProgress(context: SubmissionContext) {
  const [outcomes, responses, penPortrait, servedOrganisations, signOff] = await Promise.all([
    editionOutcomes(context.cycle.edition),
    prisma.outcomeResponse.findMany({
      where: { submissionId: context.id },
      select: {
        outcomeId: true,
        status: true,
        copiedForward: true,
        narrative: true,
        selfLevel: true,
        selfSubLevel: true,
        selfGradeReason: true,
        indicators: { select: { indicatorId: true, status: true } },
        links: { select: { indicatorId: true } },
      },
    }),
    prisma.penPortrait.findUnique({
      where: { submissionId: context.id },
      select: {
        organisations: { select: { organisationId: true, staffHeadcount: true, staffWte: true } },
        _count: { select: { staffPosts: true } },
      },
    }),
    prisma.serviceOrganisation.findMany({
      where: { libraryServiceId: context.libraryServiceId, servesTo: null },
      select: { organisationId: true },
    }),
    signOffState(context),
  ])
  const penPortraitAnswers = {
    exists: penPortrait !== null,
    organisations: servedOrganisations.map(
      (s) =>
        penPortrait?.organisations.find((o) => o.organisationId === s.organisationId) ?? {
          staffHeadcount: null,
          staffWte: null,
        },
    ),
    staffPosts: penPortrait?._count.staffPosts ?? 0,
  }
  const outcomeRows = outcomes.map((outcome) => {
    const response = responses.find((r) => r.outcomeId === outcome.id)
    const statuses = new Map(response?.indicators.map((i) => [i.indicatorId, i.status]) ?? [])
    const answers = {
      number: outcome.number,
      narrative: response?.narrative ?? '',
      indicators: outcome.indicators.map((i) => ({
        level: i.level,
        status: asIndicatorStatus(statuses.get(i.id)),
      })),
      selfLevel: response?.selfLevel ?? null,
      selfSubLevel: response?.selfSubLevel ?? null,
      selfGradeReason: response?.selfGradeReason ?? '',
    }
    const grade = answers.selfLevel === null ? null : toGrade(answers.selfLevel, answers.selfSubLevel)
    const status = asResponseStatus(response?.status ?? 'NOT_STARTED')
    const problems = outcomeProblems(answers).map((p) => p.message)
    if (status !== 'COMPLETED' && problems.length === 0) problems.push(`Mark outcome ${outcome.number} as completed`)
    return {
      number: outcome.number,
      shortTitle: outcome.shortTitle,
      status,
      copiedForward: response?.copiedForward ?? false,
      grade: grade?.ok ? formatGrade(grade.grade) : null,
      narrativeLength: answers.narrative.length,
      narrativeOpening: narrativeOpening(answers.narrative),
      evidenceCount: response?.links.length ?? 0,
      unevidenced: unevidencedIndicators(
        outcome.indicators,
        answers.selfLevel,
        new Set(response?.links.flatMap((l) => (l.indicatorId ? [l.indicatorId] : [])) ?? []),
      ).map((i) => i.code),
      problems,
    }
  })
  const penStatus = penPortraitStatus(penPortraitAnswers)
  const tasks = taskStatuses({
    submissionStatus: context.status,
    penPortrait: penStatus,
    outcomes: outcomeRows.map((o) => ({ number: o.number, status: o.status, copiedForward: o.copiedForward })),
    signOff,
  })
  const problems = [
    ...penPortraitProblems(penPortraitAnswers).map((text) => ({ href: 'pen-portrait', text })),
    ...outcomeRows.flatMap((o) => o.problems.map((text) => ({ href: `outcomes/${o.number}`, text }))),
  ]
  return { outcomes: outcomeRows, penPortraitStatus: penStatus, tasks, signOff, problems }
}

/** The organisation's most recent earlier submission with answers, to copy forward from. */
export async function findPreviousSubmission(context: SubmissionContext) {
  return prisma.submission.findFirst({
    where: {
      organisationId: context.organisationId,
      libraryServiceId: context.libraryServiceId,
      id: { not: context.id },
      cycle: { opensAt: { lt: context.cycle.opensAt } },
      outcomeResponses: { some: {} },
    },
    orderBy: { cycle: { opensAt: 'desc' } },
    select: { id: true, cycle: { select: { name: true } } },
  })
}

/** "complete the pen portrait; mark outcome 3 as completed": what is left, for a refusal message. */
function whatIsLeft(problems: ReadonlyArray<{ text: string }>): string {
  return problems.map((p) => p.text.charAt(0).toLowerCase() + p.text.slice(1)).join('; ')
}

export type TransitionResult = { ok: true } | { ok: false; message: string }

type TransitionInput = { actor: Actor; context: SubmissionContext; ipAddress: string }

async function transition(
  input: TransitionInput,
  to: SubmissionStatus,
  role: 'SERVICE_LEAD' | 'EXECUTIVE_SPONSOR',
  action: string,
  extra: (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0], now: Date) => Promise<Record<string, unknown>>,
): Promise<TransitionResult> {
  const { context } = input
  if (!canTransition(context.status, to, role))
    return {
      ok: false,
      message: 'This submission has moved on since the page was loaded. Reload it to see where it is now.',
    }
  return prisma.$transaction(async (tx) => {
    const now = new Date()
    const data = await extra(tx, now)
    const { count } = await tx.submission.updateMany({
      where: { id: context.id, status: context.status, version: context.version },
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
      entityId: context.id,
      submissionId: context.id,
      before: { status: context.status },
      after: { status: to, ...data },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

export async function sendForSignOff(input: TransitionInput): Promise<TransitionResult> {
  requirePermission(input.actor, 'submission:send-for-sign-off', input.context.target)
  const progress = await getSubmissionProgress(input.context)
  if (!progress.tasks.readyForSignOff)
    return {
      ok: false,
      message: 'Finish the pen portrait and every outcome before sending the submission for sign-off.',
    }
  const result = await transition(
    input,
    'AWAITING_SIGN_OFF',
    'SERVICE_LEAD',
    'submission.sent_for_sign_off',
    async (_tx, now) => ({ sentForSignOffAt: now }),
  )
  if (result.ok) await notifySentForSignOff(input.context.id)
  return result
}

/** The lead takes a submission back from the sponsor to change it. */
export async function withdrawFromSignOff(input: TransitionInput): Promise<TransitionResult> {
  requirePermission(input.actor, 'submission:send-for-sign-off', input.context.target)
  return transition(input, 'IN_PROGRESS', 'SERVICE_LEAD', 'submission.withdrawn_from_sign_off', async () => ({}))
}

export async function recordSponsorDecision(
  input: TransitionInput & {
    decision: 'SIGNED_OFF' | 'RETURNED'
    signerName: string
    signerRole: string
    reason: string
  },
): Promise<TransitionResult> {
  requirePermission(input.actor, 'submission:sign-off', input.context.target)
  const { context } = input
  if (context.status !== 'AWAITING_SIGN_OFF')
    return { ok: false, message: 'This submission is not waiting for your sign-off.' }
  const state = await signOffState(context)
  if (state.kind === 'SIGNED_OFF') return { ok: false, message: 'You have already signed off this submission.' }
  if (input.decision === 'SIGNED_OFF') {
    // The answers cannot change while the submission waits for sign-off, but what was sent may
    // already have been incomplete (a record changed outside the journey): never sign off that.
    const progress = await getSubmissionProgress(context)
    if (!progress.tasks.readyForSignOff)
      return {
        ok: false,
        message: `This submission cannot be signed off because it is not finished: ${whatIsLeft(progress.problems)}. Return it to the service so that they can finish it.`,
      }
  }
  const record = (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) =>
    tx.signOff.create({
      data: {
        submissionId: context.id,
        userId: input.actor.id,
        decision: input.decision,
        signerName: input.signerName,
        signerRole: input.signerRole,
        reason: input.decision === 'RETURNED' ? input.reason : '',
      },
      select: { id: true, createdAt: true },
    })
  if (input.decision === 'RETURNED') {
    let signOffId = ''
    const result = await transition(
      input,
      'IN_PROGRESS',
      'EXECUTIVE_SPONSOR',
      'submission.returned_by_sponsor',
      async (tx) => {
        signOffId = (await record(tx)).id
        return {}
      },
    )
    if (result.ok)
      await notifyReturnedBySponsor(context.id, { signOffId, sponsorName: input.signerName, reason: input.reason })
    return result
  }
  const signedOff = await prisma.$transaction(async (tx) => {
    const { count } = await tx.submission.updateMany({
      where: { id: context.id, status: 'AWAITING_SIGN_OFF', version: context.version },
      data: { version: { increment: 1 } },
    })
    if (count === 0)
      return {
        ok: false as const,
        message: 'This submission has moved on since the page was loaded. Reload it to see where it is now.',
      }
    const signOff = await record(tx)
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'submission.signed_off',
      entityType: 'Submission',
      entityId: context.id,
      submissionId: context.id,
      after: { signOffId: signOff.id, signerName: input.signerName, signerRole: input.signerRole },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, signOff }
  })
  if (!signedOff.ok) return signedOff
  await notifySignedOffBySponsor(context.id, {
    signOffId: signedOff.signOff.id,
    sponsorName: input.signerName,
    sponsorRole: input.signerRole,
    signedOffAt: signedOff.signOff.createdAt,
  })
  return { ok: true }
}

export async function submit(input: TransitionInput): Promise<TransitionResult> {
  requirePermission(input.actor, 'submission:submit', input.context.target)
  const state = await signOffState(input.context)
  if (state.kind !== 'SIGNED_OFF')
    return { ok: false, message: 'The executive sponsor must sign off the submission before you submit it.' }
  const progress = await getSubmissionProgress(input.context)
  if (!progress.tasks.readyForSignOff)
    return {
      ok: false,
      message: `This submission cannot be submitted because it is not finished: ${whatIsLeft(progress.problems)}. Take it back from sign-off, finish it and send it for sign-off again.`,
    }
  const result = await transition(input, 'SUBMITTED', 'SERVICE_LEAD', 'submission.submitted', async (_tx, now) => ({
    submittedAt: now,
    submittedById: input.actor.id,
    isLate: isLateSubmission(now, input.context.cycle.submissionDeadline),
  }))
  if (result.ok) await notifySubmitted(input.context.id)
  return result
}
