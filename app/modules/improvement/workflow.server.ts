// A Service Improvement Plan's journey (issue 18, items 2 to 4): sign-off and submission as for a
// self-assessment, then review: the regional lead assigns a reviewer in the region, the reviewer
// records comments, the meeting and an outcome, and the regional lead confirms it (publishing the
// review, or reopening the outcomes the reviewer named). Each move re-checks the status and the
// plan's version inside its transaction and writes an audit event there.
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import type { Role } from '~/modules/auth/roles'
import {
  notifyPlanInterimRequested,
  notifyPlanResubmissionRequested,
  notifyPlanReturned,
  notifyPlanReviewerAssigned,
  notifyPlanReviewPublished,
  notifyPlanReviewRecorded,
  notifyPlanSentForSignOff,
  notifyPlanSubmitted,
} from '~/modules/notifications/plan-notifications.server'
import { isLateSubmission } from '~/modules/submissions/next-step'
import { ineligibilityReason } from '~/modules/validation/rules'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { getPlanOverview, planSignOffState, type PlanContext } from './plan.server'
import { nextReviewDate } from './rules'
import type { ReviewForm } from './schema'
import {
  canSipTransition,
  isReviewOutcome,
  REVIEW_OUTCOME_LABELS,
  statusAfterConfirmation,
  type SipStatus,
} from './status'

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]
export type MoveResult = { ok: true } | { ok: false; message: string }
type MoveInput = { actor: Actor; context: PlanContext; ipAddress: string }

const MOVED_ON = 'This plan has moved on since the page was loaded. Reload it to see where it is now.'

async function move(
  input: MoveInput,
  to: SipStatus,
  role: Role,
  action: string,
  extra: (tx: Tx, now: Date) => Promise<Record<string, unknown> | null> = async () => ({}),
  auditAfter: Record<string, unknown> = {},
): Promise<MoveResult> {
  const { context } = input
  if (!canSipTransition(context.status, to, role)) return { ok: false, message: MOVED_ON }
  return prisma.$transaction(async (tx) => {
    const now = new Date()
    const data = await extra(tx, now)
    if (data === null) return { ok: false as const, message: MOVED_ON }
    const { count } = await tx.serviceImprovementPlan.updateMany({
      where: { id: context.id, status: context.status, version: context.version },
      data: { status: to, version: { increment: 1 }, ...data },
    })
    if (count === 0) return { ok: false as const, message: MOVED_ON }
    await recordAudit(tx, {
      actorId: input.actor.id,
      action,
      entityType: 'ServiceImprovementPlan',
      entityId: context.id,
      before: { reference: context.reference, status: context.status },
      after: { status: to, ...data, ...auditAfter },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

// ---------------------------------------------------------------------------
// Sign-off and submission
// ---------------------------------------------------------------------------

export async function sendPlanForSignOff(input: MoveInput): Promise<MoveResult> {
  requirePermission(input.actor, 'sip:send-for-sign-off', input.context.target)
  const overview = await getPlanOverview(input.context)
  if (overview.problems.length)
    return { ok: false, message: 'Complete the context and every outcome before sending the plan for sign-off.' }
  const result = await move(input, 'AWAITING_SIGN_OFF', 'SERVICE_LEAD', 'sip.sent_for_sign_off', async (_tx, now) => ({
    sentForSignOffAt: now,
  }))
  if (result.ok) await notifyPlanSentForSignOff(input.context.id)
  return result
}

export async function withdrawPlanFromSignOff(input: MoveInput): Promise<MoveResult> {
  requirePermission(input.actor, 'sip:send-for-sign-off', input.context.target)
  return move(input, 'IN_PROGRESS', 'SERVICE_LEAD', 'sip.withdrawn_from_sign_off')
}

export async function recordPlanSponsorDecision(
  input: MoveInput & { decision: 'SIGNED_OFF' | 'RETURNED'; signerName: string; signerRole: string; reason: string },
): Promise<MoveResult> {
  requirePermission(input.actor, 'sip:sign-off', input.context.target)
  const { context } = input
  if (context.status !== 'AWAITING_SIGN_OFF')
    return { ok: false, message: 'This plan is not waiting for your sign-off.' }
  const state = await planSignOffState(context)
  if (state.kind === 'SIGNED_OFF') return { ok: false, message: 'You have already signed off this plan.' }
  const record = (tx: Tx) =>
    tx.sipSignOff.create({
      data: {
        planId: context.id,
        userId: input.actor.id,
        decision: input.decision,
        signerName: input.signerName,
        signerRole: input.signerRole,
        reason: input.decision === 'RETURNED' ? input.reason : '',
      },
      select: { id: true },
    })
  if (input.decision === 'RETURNED') {
    const result = await move(input, 'IN_PROGRESS', 'EXECUTIVE_SPONSOR', 'sip.returned_by_sponsor', async (tx) => {
      await record(tx)
      return {}
    })
    if (result.ok) await notifyPlanReturned(context.id, { sponsorName: input.signerName, reason: input.reason })
    return result
  }
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.serviceImprovementPlan.updateMany({
      where: { id: context.id, status: 'AWAITING_SIGN_OFF', version: context.version },
      data: { version: { increment: 1 } },
    })
    if (count === 0) return { ok: false as const, message: MOVED_ON }
    await record(tx)
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'sip.signed_off',
      entityType: 'ServiceImprovementPlan',
      entityId: context.id,
      after: { reference: context.reference, signerName: input.signerName, signerRole: input.signerRole },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

/** Submits a signed-off plan: it locks, is timestamped, and is flagged late by the one late rule. */
export async function submitPlan(input: MoveInput): Promise<MoveResult> {
  requirePermission(input.actor, 'sip:submit', input.context.target)
  const state = await planSignOffState(input.context)
  if (input.context.status === 'AWAITING_SIGN_OFF' && state.kind !== 'SIGNED_OFF')
    return { ok: false, message: 'The executive sponsor must sign off the plan before it can be submitted.' }
  const result = await move(input, 'SUBMITTED', 'SERVICE_LEAD', 'sip.submitted', async (_tx, now) => ({
    submittedAt: now,
    submittedById: input.actor.id,
    isLate: isLateSubmission(now, input.context.cycle.submissionDeadline),
  }))
  if (result.ok) await notifyPlanSubmitted(input.context.id)
  return result
}

/** After a resubmission request: the lead sends the revised plan back to the same reviewer. */
export async function resubmitPlan(input: MoveInput): Promise<MoveResult> {
  requirePermission(input.actor, 'sip:submit', input.context.target)
  const { context } = input
  const result = await move(input, 'IN_REVIEW', 'SERVICE_LEAD', 'sip.resubmitted', async (tx, now) => {
    const last = await tx.sipReview.findFirst({
      where: { planId: context.id },
      orderBy: { round: 'desc' },
      select: { round: true, reviewerId: true },
    })
    await tx.sipOutcome.updateMany({ where: { planId: context.id }, data: { reopenedForResubmission: false } })
    await tx.sipReview.create({
      data: { planId: context.id, round: (last?.round ?? 0) + 1, reviewerId: context.reviewerId ?? last!.reviewerId },
      select: { id: true },
    })
    return { submittedAt: now }
  })
  if (result.ok) await notifyPlanReviewerAssigned(context.id)
  return result
}

// ---------------------------------------------------------------------------
// Review
// ---------------------------------------------------------------------------

/** Everyone who may review the plan: validators from its region who do not belong to the organisation or its service. */
export async function listReviewerCandidates(context: PlanContext) {
  const users = await prisma.user.findMany({
    where: { active: true, roles: { some: { role: 'VALIDATOR' } } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      roles: {
        select: {
          role: true,
          regionId: true,
          organisationId: true,
          libraryServiceId: true,
          region: { select: { name: true } },
        },
      },
    },
  })
  const target = {
    regionId: context.regionId,
    organisationId: context.organisationId,
    libraryServiceId: context.libraryServiceId,
  }
  return users
    .map((user) => {
      const home = user.roles.find((r) => r.role === 'VALIDATOR')
      const reason = ineligibilityReason(
        {
          userId: user.id,
          homeRegionId: home?.regionId ?? null,
          organisationIds: user.roles.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
          libraryServiceIds: user.roles.flatMap((r) => (r.libraryServiceId ? [r.libraryServiceId] : [])),
        },
        target,
        'PRIMARY',
      )
      return { id: user.id, name: user.name, regionName: home?.region?.name ?? null, eligible: reason === null }
    })
    .filter((c) => c.eligible)
}

/** Assigns (or, before they have written anything, changes) the reviewer; the first assignment starts the review. */
export async function assignReviewer(
  input: MoveInput & { reviewerId: string },
): Promise<MoveResult | { ok: false; fieldErrors: Record<string, string[]> }> {
  const { actor, context } = input
  requirePermission(actor, 'sip:assign-reviewer', context.target)
  if (context.status !== 'SUBMITTED' && context.status !== 'IN_REVIEW')
    return { ok: false, message: 'A reviewer can be assigned only to a submitted plan that is not yet reviewed.' }
  const candidates = await listReviewerCandidates(context)
  if (!candidates.some((c) => c.id === input.reviewerId))
    return {
      ok: false,
      fieldErrors: {
        reviewerId: ['Select a reviewer from the plan’s region who does not belong to the organisation or its service'],
      },
    }
  const role: Role = actor.grants.some((g) => g.role === 'REGIONAL_LEAD' && g.regionId === context.regionId)
    ? 'REGIONAL_LEAD'
    : 'NATIONAL_ADMIN'
  let result: MoveResult
  if (context.status === 'SUBMITTED') {
    result = await move(input, 'IN_REVIEW', role, 'sip.reviewer_assigned', async (tx, now) => {
      const last = await tx.sipReview.findFirst({
        where: { planId: context.id },
        orderBy: { round: 'desc' },
        select: { round: true },
      })
      await tx.sipReview.create({
        data: { planId: context.id, round: (last?.round ?? 0) + 1, reviewerId: input.reviewerId },
        select: { id: true },
      })
      return { reviewerId: input.reviewerId, reviewerAssignedAt: now }
    })
  } else {
    result = await prisma.$transaction(async (tx) => {
      const review = await tx.sipReview.findFirst({
        where: { planId: context.id, recordedAt: null },
        orderBy: { round: 'desc' },
        select: { id: true, version: true, _count: { select: { comments: true } } },
      })
      if (!review || review.version > 0 || review._count.comments > 0)
        return { ok: false as const, message: 'A reviewer who has started the review cannot be replaced.' }
      const { count } = await tx.serviceImprovementPlan.updateMany({
        where: { id: context.id, version: context.version },
        data: { reviewerId: input.reviewerId, reviewerAssignedAt: new Date(), version: { increment: 1 } },
      })
      if (count === 0) return { ok: false as const, message: MOVED_ON }
      await tx.sipReview.update({
        where: { id: review.id },
        data: { reviewerId: input.reviewerId },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'sip.reviewer_changed',
        entityType: 'ServiceImprovementPlan',
        entityId: context.id,
        before: { reviewerId: context.reviewerId },
        after: { reviewerId: input.reviewerId },
        ipAddress: input.ipAddress,
      })
      return { ok: true as const }
    })
  }
  if (result.ok) await notifyPlanReviewerAssigned(context.id)
  return result
}

/** The open review round (the one the reviewer is writing or the regional lead is confirming). */
export async function currentReview(planId: string) {
  return prisma.sipReview.findFirst({
    where: { planId, confirmedAt: null },
    orderBy: { round: 'desc' },
    select: {
      id: true,
      round: true,
      reviewerId: true,
      outcome: true,
      meetingDate: true,
      attendees: true,
      meetingNotes: true,
      summary: true,
      recordedAt: true,
      version: true,
      comments: { select: { outcomeId: true, comment: true, resubmit: true } },
    },
  })
}

/**
 * The reviewer saves a draft of their comments and the meeting, or records the review (which
 * sends it to the regional lead to confirm). Drafts are never shown to the service.
 */
export async function saveReview(input: MoveInput & { form: ReviewForm }): Promise<MoveResult> {
  const { actor, context, form } = input
  requirePermission(actor, 'sip:review', context.target)
  if (context.status !== 'IN_REVIEW' || context.reviewerId !== actor.id)
    return { ok: false, message: 'This plan is not waiting for your review.' }
  const review = await currentReview(context.id)
  if (!review) return { ok: false, message: MOVED_ON }
  const outcomeIds = new Set(
    (await prisma.sipOutcome.findMany({ where: { planId: context.id }, select: { outcomeId: true } })).map(
      (o) => o.outcomeId,
    ),
  )
  const comments = form.comments.filter((c) => outcomeIds.has(c.outcomeId))
  const write = async (tx: Tx) => {
    const { count } = await tx.sipReview.updateMany({
      where: { id: review.id, version: form.version, recordedAt: null },
      data: {
        meetingDate: form.meetingDate ?? null,
        attendees: form.attendees,
        meetingNotes: form.meetingNotes,
        outcome: form.outcome ?? null,
        summary: form.summary,
        version: { increment: 1 },
        ...(form.intent === 'record' ? { recordedAt: new Date() } : {}),
      },
    })
    if (count === 0) return false
    for (const c of comments)
      await tx.sipReviewComment.upsert({
        where: { reviewId_outcomeId: { reviewId: review.id, outcomeId: c.outcomeId } },
        create: { reviewId: review.id, outcomeId: c.outcomeId, comment: c.comment, resubmit: c.resubmit },
        update: { comment: c.comment, resubmit: c.resubmit },
        select: { id: true },
      })
    return true
  }
  const audit = {
    round: review.round,
    outcome: form.outcome ?? null,
    meetingDate: form.meetingDate?.toISOString().slice(0, 10) ?? null,
    attendees: form.attendees,
    resubmitOutcomes: comments.filter((c) => c.resubmit).length,
  }
  if (form.intent === 'save') {
    return prisma.$transaction(async (tx) => {
      if (!(await write(tx))) return { ok: false as const, message: MOVED_ON }
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'sip.review_draft_saved',
        entityType: 'SipReview',
        entityId: review.id,
        after: audit,
        ipAddress: input.ipAddress,
      })
      return { ok: true as const }
    })
  }
  const result = await move(input, 'REVIEW_RECORDED', 'VALIDATOR', 'sip.review_recorded', async (tx) =>
    (await write(tx)) ? {} : null,
  )
  if (result.ok && isReviewOutcome(form.outcome))
    await notifyPlanReviewRecorded(context.id, REVIEW_OUTCOME_LABELS[form.outcome])
  return result
}

/**
 * The regional lead confirms the recorded review: the service can then read it. An acceptance
 * publishes it with the next review date; a resubmission request reopens the outcomes named.
 * Or the regional lead sends it back to the reviewer.
 */
export async function confirmReview(input: MoveInput & { intent: 'confirm' | 'send-back' }): Promise<MoveResult> {
  const { actor, context } = input
  requirePermission(actor, 'sip:confirm-review', context.target)
  const review = await currentReview(context.id)
  if (context.status !== 'REVIEW_RECORDED' || !review?.recordedAt || !isReviewOutcome(review.outcome))
    return { ok: false, message: 'There is no recorded review waiting for confirmation.' }
  const outcome = review.outcome
  if (input.intent === 'send-back')
    return move(input, 'IN_REVIEW', 'REGIONAL_LEAD', 'sip.review_sent_back', async (tx) => {
      await tx.sipReview.update({ where: { id: review.id }, data: { recordedAt: null }, select: { id: true } })
      return {}
    })
  const to = statusAfterConfirmation(outcome)
  const reopenIds = review.comments.filter((c) => c.resubmit).map((c) => c.outcomeId)
  const result = await move(
    input,
    to,
    'REGIONAL_LEAD',
    'sip.review_confirmed',
    async (tx, now) => {
      await tx.sipReview.update({
        where: { id: review.id },
        data: { confirmedAt: now, confirmedById: actor.id },
        select: { id: true },
      })
      if (to === 'RESUBMISSION_REQUESTED') {
        await tx.sipOutcome.updateMany({
          where: { planId: context.id, outcomeId: { in: reopenIds } },
          data: { reopenedForResubmission: true, status: 'IN_PROGRESS' },
        })
        return {}
      }
      return { publishedAt: now, nextReviewDate: nextReviewDate(now, getEnv().SIP_REVIEW_INTERVAL_MONTHS) }
    },
    { round: review.round, reviewOutcome: outcome },
  )
  if (!result.ok) return result
  if (to === 'RESUBMISSION_REQUESTED') {
    const numbers = await prisma.outcome.findMany({
      where: { id: { in: reopenIds } },
      orderBy: { number: 'asc' },
      select: { number: true },
    })
    await notifyPlanResubmissionRequested(
      context.id,
      numbers.map((n) => n.number),
    )
  } else await notifyPlanReviewPublished(context.id, REVIEW_OUTCOME_LABELS[outcome])
  return result
}

/** The regional lead asks for an interim update between reviews. */
export async function requestInterimUpdate(input: MoveInput & { note: string }): Promise<MoveResult> {
  const { actor, context } = input
  requirePermission(actor, 'sip:request-interim', context.target)
  if (context.status !== 'PUBLISHED')
    return { ok: false, message: 'An interim update can be asked for once the review is published.' }
  await prisma.$transaction(async (tx) => {
    await tx.serviceImprovementPlan.update({
      where: { id: context.id },
      data: { interimRequestedAt: new Date(), interimRequestNote: input.note, interimUpdatedAt: null },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'sip.interim_update_requested',
      entityType: 'ServiceImprovementPlan',
      entityId: context.id,
      after: { reference: context.reference, note: input.note },
      ipAddress: input.ipAddress,
    })
  })
  await notifyPlanInterimRequested(context.id)
  return { ok: true }
}
