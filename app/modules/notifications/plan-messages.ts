// The words of the Service Improvement Plan emails (issue 18). Pure, like messages.ts.
import { formatDate } from '~/utils/dates'
import { portalLink, type ReminderDays } from './messages'

export type PlanFacts = {
  id: string
  reference: string
  organisationName: string
  libraryServiceName: string
  cycleName: string
}

export type PlanMessage = { kind: string; subject: string; text: string }

const FOOTER = 'This email was sent by the LKS Quality Portal. Do not reply to it: replies are not read.'
const body = (...paragraphs: Array<string | null | false | undefined>) =>
  [...paragraphs.filter((p): p is string => typeof p === 'string' && p.length > 0), FOOTER].join('\n\n') + '\n'
const named = (plan: PlanFacts) =>
  `the ${plan.cycleName} Service Improvement Plan for ${plan.organisationName} (${plan.reference})`
const link = (origin: string, plan: PlanFacts, page = '') => portalLink(origin, `/plans/${plan.id}${page}`)

export function planSentForSignOffMessage(input: { origin: string; plan: PlanFacts; deadline: Date }): PlanMessage {
  const { plan } = input
  return {
    kind: 'SIP_SENT_FOR_SIGN_OFF',
    subject: `Sign off the ${plan.cycleName} Service Improvement Plan for ${plan.organisationName}`,
    text: body(
      `${plan.libraryServiceName} has sent ${named(plan)} to you to sign off.`,
      `Read the plan, then sign it off or return it with a reason:\n${link(input.origin, plan, '/sign-off')}`,
      `The service must submit it by ${formatDate(input.deadline)}, after you have signed it off.`,
    ),
  }
}

export function planReturnedMessage(input: {
  origin: string
  plan: PlanFacts
  sponsorName: string
  reason: string
}): PlanMessage {
  const { plan } = input
  return {
    kind: 'SIP_RETURNED_BY_SPONSOR',
    subject: `The ${plan.cycleName} Service Improvement Plan for ${plan.organisationName} has been returned to you`,
    text: body(
      `${input.sponsorName}, the executive sponsor, has returned ${named(plan)} without signing it off.`,
      `Their reason:\n${input.reason.trim()}`,
      `Make the changes, then send the plan for sign-off again:\n${link(input.origin, plan)}`,
    ),
  }
}

/** The receipt, to the service and the sponsor. */
export function planReceiptMessage(input: {
  origin: string
  plan: PlanFacts
  submittedAt: Date
  isLate: boolean
  deadline: Date
}): PlanMessage {
  const { plan } = input
  return {
    kind: 'SIP_SUBMITTED_RECEIPT',
    subject: `Received: the ${plan.cycleName} Service Improvement Plan for ${plan.organisationName}`,
    text: body(
      `${named(plan)} was submitted on ${formatDate(input.submittedAt)}. Your reference is ${plan.reference}.`,
      input.isLate
        ? `It was submitted after the deadline of ${formatDate(input.deadline)}, so it is marked as late.`
        : null,
      'The regional team will assign a reviewer and arrange a review meeting with you.',
      `Read the plan:\n${link(input.origin, plan)}`,
    ),
  }
}

export function planSubmittedMessage(input: { origin: string; plan: PlanFacts; regionName: string }): PlanMessage {
  const { plan } = input
  return {
    kind: 'SIP_SUBMITTED',
    subject: `${plan.organisationName} has submitted its ${plan.cycleName} Service Improvement Plan`,
    text: body(
      `${plan.libraryServiceName} has submitted ${named(plan)}.`,
      `As regional lead for ${input.regionName}, assign a reviewer from the region:\n${link(input.origin, plan, '/review')}`,
    ),
  }
}

export function planReviewerAssignedMessage(input: { origin: string; plan: PlanFacts }): PlanMessage {
  const { plan } = input
  return {
    kind: 'SIP_REVIEWER_ASSIGNED',
    subject: `Review the ${plan.cycleName} Service Improvement Plan for ${plan.organisationName}`,
    text: body(
      `You have been asked to review ${named(plan)}.`,
      `Read the plan, arrange the review meeting with the service, then record your comments, the meeting and the outcome:\n${link(input.origin, plan, '/review')}`,
    ),
  }
}

export function planReviewRecordedMessage(input: { origin: string; plan: PlanFacts; outcome: string }): PlanMessage {
  const { plan } = input
  return {
    kind: 'SIP_REVIEW_RECORDED',
    subject: `Confirm the review of the ${plan.cycleName} Service Improvement Plan for ${plan.organisationName}`,
    text: body(
      `The reviewer has recorded the review of ${named(plan)}: ${input.outcome.toLowerCase()}.`,
      `Confirm it so the service can read it:\n${link(input.origin, plan, '/review')}`,
    ),
  }
}

export function planReviewPublishedMessage(input: {
  origin: string
  plan: PlanFacts
  outcome: string
  nextReviewDate: Date | null
}): PlanMessage {
  const { plan } = input
  return {
    kind: 'SIP_REVIEW_PUBLISHED',
    subject: `The review of your ${plan.cycleName} Service Improvement Plan: ${input.outcome.toLowerCase()}`,
    text: body(
      `The regional team has published the review of ${named(plan)}: ${input.outcome.toLowerCase()}.`,
      input.nextReviewDate ? `Your next review is due by ${formatDate(input.nextReviewDate)}.` : null,
      `Read the review, and keep your actions up to date between reviews:\n${link(input.origin, plan)}`,
    ),
  }
}

export function planResubmissionMessage(input: { origin: string; plan: PlanFacts; outcomes: number[] }): PlanMessage {
  const { plan } = input
  const list = input.outcomes.length === 1 ? `outcome ${input.outcomes[0]}` : `outcomes ${input.outcomes.join(', ')}`
  return {
    kind: 'SIP_RESUBMISSION_REQUESTED',
    subject: `Revise and resubmit your ${plan.cycleName} Service Improvement Plan`,
    text: body(
      `The reviewer of ${named(plan)} has asked you to revise ${list} and resubmit the plan.`,
      `Read their points, change those outcomes, then resubmit:\n${link(input.origin, plan)}`,
    ),
  }
}

export function planInterimRequestedMessage(input: { origin: string; plan: PlanFacts; note: string }): PlanMessage {
  const { plan } = input
  return {
    kind: 'SIP_INTERIM_UPDATE_REQUESTED',
    subject: `Update the progress of your ${plan.cycleName} Service Improvement Plan`,
    text: body(
      `The regional team has asked for an interim update on ${named(plan)}.`,
      `What they ask:\n${input.note.trim()}`,
      `Update the status and progress notes of your actions:\n${link(input.origin, plan)}`,
    ),
  }
}

export function planDeadlineReminderMessage(input: {
  origin: string
  plan: PlanFacts
  days: ReminderDays
  deadline: Date
  status: string
}): PlanMessage {
  const { plan } = input
  const left = input.days === 1 ? '1 day' : `${input.days} days`
  return {
    kind: 'SIP_DEADLINE_REMINDER',
    subject: `${left} left: submit the ${plan.cycleName} Service Improvement Plan for ${plan.organisationName} by ${formatDate(input.deadline)}`,
    text: body(
      `The deadline for ${named(plan)} is ${formatDate(input.deadline)}${input.days === 1 ? ', tomorrow' : `, in ${left}`}.`,
      input.status === 'AWAITING_SIGN_OFF'
        ? 'It is waiting for the executive sponsor to sign it off. Once they have, the service lead submits it.'
        : 'Complete the context and every outcome, send it to your executive sponsor to sign off, then submit it.',
      `Go to the plan:\n${link(input.origin, plan)}`,
      'A plan submitted after the deadline is marked as late.',
    ),
  }
}
