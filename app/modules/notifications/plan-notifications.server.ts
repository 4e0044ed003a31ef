// Service Improvement Plan emails (issue 18): sent after the change has committed; a failure is
// logged, never shown to the person acting (the same rules as notifications.server.ts).
import { prisma } from '~/utils/db.server'
import { sendEmailSafely } from './mailer.server'
import { portalOrigin, recipientsFor, type RecipientRole } from './notifications.server'
import {
  planInterimRequestedMessage,
  planReceiptMessage,
  planResubmissionMessage,
  planReturnedMessage,
  planReviewerAssignedMessage,
  planReviewPublishedMessage,
  planReviewRecordedMessage,
  planSentForSignOffMessage,
  planSubmittedMessage,
  type PlanFacts,
  type PlanMessage,
} from './plan-messages'

async function loadPlan(planId: string) {
  return prisma.serviceImprovementPlan.findUnique({
    where: { id: planId },
    select: {
      id: true,
      reference: true,
      libraryServiceId: true,
      organisationId: true,
      regionId: true,
      submittedAt: true,
      isLate: true,
      nextReviewDate: true,
      interimRequestNote: true,
      organisation: { select: { name: true } },
      libraryService: { select: { name: true } },
      region: { select: { name: true } },
      cycle: { select: { name: true, submissionDeadline: true } },
      reviewer: { select: { email: true, active: true } },
    },
  })
}
type LoadedPlan = NonNullable<Awaited<ReturnType<typeof loadPlan>>>

export function planFacts(plan: {
  id: string
  reference: string
  organisation: { name: string }
  libraryService: { name: string }
  cycle: { name: string }
}): PlanFacts {
  return {
    id: plan.id,
    reference: plan.reference,
    organisationName: plan.organisation.name,
    libraryServiceName: plan.libraryService.name,
    cycleName: plan.cycle.name,
  }
}

async function notify(
  kind: string,
  planId: string,
  work: (plan: LoadedPlan) => Promise<{ message: PlanMessage; to: string[] } | null>,
) {
  try {
    const plan = await loadPlan(planId)
    if (!plan) return
    const mail = await work(plan)
    if (mail) await sendEmailSafely({ ...mail.message, to: mail.to })
  } catch (error) {
    console.error(`Preparing the ${kind} email for Service Improvement Plan ${planId} failed`, error)
  }
}

const to = (plan: LoadedPlan, roles: RecipientRole[]) => recipientsFor(plan, roles)
const origin = () => portalOrigin()

export const notifyPlanSentForSignOff = (planId: string) =>
  notify('SIP_SENT_FOR_SIGN_OFF', planId, async (plan) => ({
    message: planSentForSignOffMessage({
      origin: origin(),
      plan: planFacts(plan),
      deadline: plan.cycle.submissionDeadline,
    }),
    to: await to(plan, ['EXECUTIVE_SPONSOR']),
  }))

export const notifyPlanReturned = (planId: string, input: { sponsorName: string; reason: string }) =>
  notify('SIP_RETURNED_BY_SPONSOR', planId, async (plan) => ({
    message: planReturnedMessage({ origin: origin(), plan: planFacts(plan), ...input }),
    to: await to(plan, ['SERVICE_LEAD']),
  }))

/** Submitted: a receipt to the service and sponsor, and the regional leads asked to assign a reviewer. */
export async function notifyPlanSubmitted(planId: string) {
  await notify('SIP_SUBMITTED_RECEIPT', planId, async (plan) => ({
    message: planReceiptMessage({
      origin: origin(),
      plan: planFacts(plan),
      submittedAt: plan.submittedAt ?? new Date(),
      isLate: plan.isLate ?? false,
      deadline: plan.cycle.submissionDeadline,
    }),
    to: await to(plan, ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR', 'EXECUTIVE_SPONSOR']),
  }))
  await notify('SIP_SUBMITTED', planId, async (plan) => ({
    message: planSubmittedMessage({ origin: origin(), plan: planFacts(plan), regionName: plan.region.name }),
    to: await to(plan, ['REGIONAL_LEAD']),
  }))
}

export const notifyPlanReviewerAssigned = (planId: string) =>
  notify('SIP_REVIEWER_ASSIGNED', planId, async (plan) =>
    plan.reviewer?.active
      ? { message: planReviewerAssignedMessage({ origin: origin(), plan: planFacts(plan) }), to: [plan.reviewer.email] }
      : null,
  )

export const notifyPlanReviewRecorded = (planId: string, outcome: string) =>
  notify('SIP_REVIEW_RECORDED', planId, async (plan) => ({
    message: planReviewRecordedMessage({ origin: origin(), plan: planFacts(plan), outcome }),
    to: await to(plan, ['REGIONAL_LEAD']),
  }))

export const notifyPlanReviewPublished = (planId: string, outcome: string) =>
  notify('SIP_REVIEW_PUBLISHED', planId, async (plan) => ({
    message: planReviewPublishedMessage({
      origin: origin(),
      plan: planFacts(plan),
      outcome,
      nextReviewDate: plan.nextReviewDate,
    }),
    to: await to(plan, ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR', 'EXECUTIVE_SPONSOR']),
  }))

export const notifyPlanResubmissionRequested = (planId: string, outcomes: number[]) =>
  notify('SIP_RESUBMISSION_REQUESTED', planId, async (plan) => ({
    message: planResubmissionMessage({ origin: origin(), plan: planFacts(plan), outcomes }),
    to: await to(plan, ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR']),
  }))

export const notifyPlanInterimRequested = (planId: string) =>
  notify('SIP_INTERIM_UPDATE_REQUESTED', planId, async (plan) => ({
    message: planInterimRequestedMessage({ origin: origin(), plan: planFacts(plan), note: plan.interimRequestNote }),
    to: await to(plan, ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR']),
  }))
