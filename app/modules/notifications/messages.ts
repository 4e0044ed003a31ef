// The words of every workflow email (issue 7, item 5), one function per message. Pure: each takes
// the facts and the portal's origin and returns what sendEmail needs, so the wording is tested
// without a database. Plain text in NHS.UK style: say what happened, what to do, and link to the page.
import { formatDate, formatDateTime } from '~/utils/dates'
import type { NotYetSubmittedStatus } from '~/modules/submissions/status'

export const NOTIFICATION_KINDS = [
  'SENT_FOR_SIGN_OFF',
  'RETURNED_BY_SPONSOR',
  'SIGNED_OFF_BY_SPONSOR',
  'SUBMITTED',
  'SUBMISSION_RECEIPT',
  'VALIDATOR_ASSIGNED',
  'CLARIFICATION_REQUESTED',
  'CLARIFICATION_ANSWERED',
  'RESULT_PUBLISHED',
  'DEADLINE_REMINDER',
  'MODERATION_NEEDED',
  'SECOND_VALIDATION_COMPLETED',
  'VALIDATION_OVERDUE',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export type NotificationMessage = { kind: NotificationKind; subject: string; text: string }

/** What every message says about the submission it concerns. */
export type SubmissionFacts = {
  id: string
  reference: string
  organisationName: string
  libraryServiceName: string
  cycleName: string
}

export const REMINDER_DAYS = [14, 7, 1] as const
export type ReminderDays = (typeof REMINDER_DAYS)[number]

const FOOTER = 'This email was sent by the LKS Quality Portal. Do not reply to it: replies are not read.'

/** An absolute link to a page of the portal. */
export function portalLink(origin: string, path: string): string {
  return new URL(path, origin.endsWith('/') ? origin : `${origin}/`).toString()
}

function body(...paragraphs: Array<string | null | false | undefined>): string {
  return [...paragraphs.filter((p): p is string => typeof p === 'string' && p.length > 0), FOOTER].join('\n\n') + '\n'
}

/** "the 2026/27 submission for Example Trust (LKS-2627-RXV)" */
function named(submission: SubmissionFacts): string {
  return `the ${submission.cycleName} submission for ${submission.organisationName} (${submission.reference})`
}

/** "outcome 2", "outcomes 2 and 5", "outcomes 1, 3 and 4" */
export function outcomeList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  if (sorted.length === 0) return 'the submission as a whole'
  if (sorted.length === 1) return `outcome ${sorted[0]}`
  return `outcomes ${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]}`
}

/** To the organisation's executive sponsors. */
export function sentForSignOffMessage(input: {
  origin: string
  submission: SubmissionFacts
  submissionDeadline: Date
}): NotificationMessage {
  const { submission } = input
  return {
    kind: 'SENT_FOR_SIGN_OFF',
    subject: `Sign off the ${submission.cycleName} submission for ${submission.organisationName}`,
    text: body(
      `${submission.libraryServiceName} has sent ${named(submission)} to you to sign off.`,
      `Read the submission, then sign it off or return it to the library and knowledge service with a reason:\n${portalLink(input.origin, `/submissions/${submission.id}/sign-off`)}`,
      `The service must submit it by ${formatDate(input.submissionDeadline)}, after you have signed it off.`,
    ),
  }
}

/** To the service leads of the library service that submits. */
export function returnedBySponsorMessage(input: {
  origin: string
  submission: SubmissionFacts
  sponsorName: string
  reason: string
}): NotificationMessage {
  const { submission } = input
  return {
    kind: 'RETURNED_BY_SPONSOR',
    subject: `The ${submission.cycleName} submission for ${submission.organisationName} has been returned to you`,
    text: body(
      `${input.sponsorName}, the executive sponsor, has returned ${named(submission)} without signing it off.`,
      `Their reason:\n${input.reason.trim()}`,
      `Make the changes, then send the submission for sign-off again:\n${portalLink(input.origin, `/submissions/${submission.id}`)}`,
    ),
  }
}

/** To the service leads of the library service that submits, once the sponsor has signed off. */
export function signedOffBySponsorMessage(input: {
  origin: string
  submission: SubmissionFacts
  sponsorName: string
  sponsorRole: string
  signedOffAt: Date
  submissionDeadline: Date
}): NotificationMessage {
  const { submission } = input
  return {
    kind: 'SIGNED_OFF_BY_SPONSOR',
    subject: `The ${submission.cycleName} submission for ${submission.organisationName} has been signed off`,
    text: body(
      `${input.sponsorName}, ${input.sponsorRole}, signed off ${named(submission)} on ${formatDateTime(input.signedOffAt)}.`,
      `You can now submit it. Check your answers and submit it by ${formatDate(input.submissionDeadline)}:\n${portalLink(input.origin, `/submissions/${submission.id}/check`)}`,
      'A submission made after the deadline is marked as late.',
    ),
  }
}

/** The receipt, to the service leads and contributors and the organisation's executive sponsors. */
export function submissionReceiptMessage(input: {
  origin: string
  submission: SubmissionFacts
  submittedAt: Date
  submissionDeadline: Date
  isLate: boolean
}): NotificationMessage {
  const { submission } = input
  return {
    kind: 'SUBMISSION_RECEIPT',
    subject: `Submission received: ${submission.reference}, ${submission.organisationName}, ${submission.cycleName}`,
    text: body(
      `${submission.libraryServiceName} submitted ${named(submission)} on ${formatDateTime(input.submittedAt)} (UK time).`,
      `Reference: ${submission.reference}`,
      input.isLate
        ? `It was submitted late: the deadline was ${formatDate(input.submissionDeadline)}.`
        : `It was submitted on time: the deadline was ${formatDate(input.submissionDeadline)}.`,
      'The submission is now locked. The regional team will assign two validators, who may ask you about some outcomes.',
      `View the submission:\n${portalLink(input.origin, `/submissions/${submission.id}`)}`,
    ),
  }
}

/** To the regional leads of the submission's region. */
export function submittedMessage(input: {
  origin: string
  submission: SubmissionFacts
  regionName: string
  submittedAt: Date
  submissionDeadline: Date
  isLate: boolean
}): NotificationMessage {
  const { submission } = input
  return {
    kind: 'SUBMITTED',
    subject: `${submission.organisationName} has submitted its ${submission.cycleName} submission`,
    text: body(
      `${submission.libraryServiceName} submitted ${named(submission)} on ${formatDate(input.submittedAt)}.`,
      input.isLate ? `It was submitted late: the deadline was ${formatDate(input.submissionDeadline)}.` : null,
      `As regional lead for ${input.regionName}, assign a validator from the region and a second validator from another region:\n${portalLink(input.origin, `/submissions/${submission.id}/assign`)}`,
    ),
  }
}

/** To one validator just assigned. */
export function validatorAssignedMessage(input: {
  origin: string
  submission: SubmissionFacts
  assignmentId: string
  kind: 'PRIMARY' | 'SECONDARY'
  dueDate: Date
}): NotificationMessage {
  const { submission } = input
  const role =
    input.kind === 'PRIMARY'
      ? 'the primary validator (from the submission’s region)'
      : 'the second validator (from another region)'
  return {
    kind: 'VALIDATOR_ASSIGNED',
    subject: `Validate the ${submission.cycleName} submission for ${submission.organisationName} by ${formatDate(input.dueDate)}`,
    text: body(
      `You have been assigned as ${role} of ${named(submission)}.`,
      `Grade each outcome and finish your validation by ${formatDate(input.dueDate)}.`,
      `Open the review workspace:\n${portalLink(input.origin, `/validation/assignments/${input.assignmentId}`)}`,
    ),
  }
}

/** To the service leads and contributors of the service. */
export function clarificationRequestedMessage(input: {
  origin: string
  submission: SubmissionFacts
  outcomes: ReadonlyArray<{ number: number; shortTitle: string }>
}): NotificationMessage {
  const { submission } = input
  const outcomes = [...input.outcomes].sort((a, b) => a.number - b.number)
  return {
    kind: 'CLARIFICATION_REQUESTED',
    subject: `A validator has questions about ${outcomeList(outcomes.map((o) => o.number))} of your ${submission.cycleName} submission`,
    text: body(
      `A validator has asked for clarification of ${named(submission)}.`,
      outcomes.length
        ? `They have asked about:\n${outcomes.map((o) => `- outcome ${o.number}: ${o.shortTitle}`).join('\n')}`
        : null,
      outcomes.length
        ? `These outcomes are open for you to change again. Reply to each question, make any changes, then the service lead resubmits the submission:\n${portalLink(input.origin, `/submissions/${submission.id}/clarifications`)}`
        : `Reply to the questions, then the service lead resubmits the submission:\n${portalLink(input.origin, `/submissions/${submission.id}/clarifications`)}`,
    ),
  }
}

/** To one validator assigned, once the service has answered and resubmitted. */
export function clarificationAnsweredMessage(input: {
  origin: string
  submission: SubmissionFacts
  assignmentId: string
  outcomeNumbers: readonly number[]
}): NotificationMessage {
  const { submission } = input
  return {
    kind: 'CLARIFICATION_ANSWERED',
    subject: `${submission.organisationName} has answered your questions about its ${submission.cycleName} submission`,
    text: body(
      `${submission.libraryServiceName} has replied to the questions about ${named(submission)} and sent it back for validation.`,
      input.outcomeNumbers.length ? `They could change ${outcomeList(input.outcomeNumbers)}.` : null,
      `Read the replies and continue your validation:\n${portalLink(input.origin, `/validation/assignments/${input.assignmentId}`)}`,
    ),
  }
}

/** To the region's regional leads, once both validations are complete and some outcomes differ. */
export function moderationNeededMessage(input: {
  origin: string
  submission: SubmissionFacts
  outcomes: ReadonlyArray<{ number: number; shortTitle: string }>
}): NotificationMessage {
  const { submission } = input
  const outcomes = [...input.outcomes].sort((a, b) => a.number - b.number)
  const numbers = outcomes.map((o) => o.number)
  return {
    kind: 'MODERATION_NEEDED',
    subject: `Moderation needed: ${outcomeList(numbers)} of the ${submission.cycleName} submission for ${submission.organisationName}`,
    text: body(
      `Both validators have completed their validation of ${named(submission)}. Their grades differ by more than one sub-level for ${outcomeList(numbers)}:`,
      outcomes.map((o) => `- outcome ${o.number}: ${o.shortTitle}`).join('\n'),
      `Decide the agreed grade of ${numbers.length === 1 ? 'this outcome' : 'these outcomes'}. The primary validator records the agreed result of the others. The result is published once every outcome has an agreed grade:\n${portalLink(input.origin, `/submissions/${submission.id}/agreement`)}`,
    ),
  }
}

/** To the primary validator, when the second validator completes their validation. */
export function secondValidationCompletedMessage(input: {
  origin: string
  submission: SubmissionFacts
  primaryAssignmentId: string
  /** What happens next: the primary has not finished yet, both agree, or some outcomes go to moderation. */
  next: 'WAITING' | 'AGREEMENT' | 'MODERATION'
  differing: readonly number[]
}): NotificationMessage {
  const { submission } = input
  const nextStep = {
    WAITING: `Complete your own validation. Once you have, you record the agreed result, or the outcomes whose grades differ by more than one sub-level go to the regional lead:\n${portalLink(input.origin, `/validation/assignments/${input.primaryAssignmentId}`)}`,
    AGREEMENT: `Your grades agree within one sub-level for every outcome. Record the agreed result:\n${portalLink(input.origin, `/submissions/${submission.id}/agreement`)}`,
    MODERATION: `Your grades differ by more than one sub-level for ${outcomeList(input.differing)}, which the regional lead moderates. Record the agreed result of the other outcomes:\n${portalLink(input.origin, `/submissions/${submission.id}/agreement`)}`,
  }[input.next]
  return {
    kind: 'SECOND_VALIDATION_COMPLETED',
    subject: `The second validator has completed their validation of ${submission.organisationName}'s ${submission.cycleName} submission`,
    text: body(`The second validator has completed their validation of ${named(submission)}.`, nextStep),
  }
}

/** To the region's regional leads, the day after a validator's due date passes with the validation not complete. */
export function validationOverdueMessage(input: {
  origin: string
  submission: SubmissionFacts
  validatorName: string
  kind: 'PRIMARY' | 'SECONDARY'
  dueDate: Date
}): NotificationMessage {
  const { submission } = input
  const role = input.kind === 'PRIMARY' ? 'primary' : 'second'
  return {
    kind: 'VALIDATION_OVERDUE',
    subject: `Validation overdue: ${submission.organisationName}, ${submission.cycleName}`,
    text: body(
      `${input.validatorName}, the ${role} validator of ${named(submission)}, has not completed their validation. It was due on ${formatDate(input.dueDate)}.`,
      `Contact the validator, or change the assignment or its due date:\n${portalLink(input.origin, `/submissions/${submission.id}/assign`)}`,
    ),
  }
}

/** To the service leads and the organisation's executive sponsors. */
export function resultPublishedMessage(input: {
  origin: string
  submission: SubmissionFacts
  requiredActions: number
}): NotificationMessage {
  const { submission } = input
  const actions = input.requiredActions
  return {
    kind: 'RESULT_PUBLISHED',
    subject: `The result of the ${submission.cycleName} submission for ${submission.organisationName} is ready`,
    text: body(
      `The validated result of ${named(submission)} has been published.`,
      `Read the result, with the agreed level for each outcome, strengths and areas for development:\n${portalLink(input.origin, `/submissions/${submission.id}/result`)}`,
      actions > 0
        ? `There ${actions === 1 ? 'is 1 required action' : `are ${actions} required actions`}. Add ${actions === 1 ? 'it' : 'them'} to your development plan:\n${portalLink(input.origin, `/submissions/${submission.id}/development-plan`)}`
        : null,
    ),
  }
}

/** What a reminder says the service still has to do. */
export type ReminderStatus = NotYetSubmittedStatus

const NEXT_STEP: Record<ReminderStatus, string> = {
  NOT_STARTED:
    'You have not started it yet. Complete the pen portrait and every outcome, send it to your executive sponsor to sign off, then submit it.',
  IN_PROGRESS:
    'Finish the pen portrait and every outcome, send it to your executive sponsor to sign off, then submit it.',
  AWAITING_SIGN_OFF:
    'It is waiting for the executive sponsor to sign it off. Once they have, the service lead submits it.',
}

/** To the service (and, while it waits for sign-off, the sponsor) 14, 7 and 1 days before the deadline. */
export function deadlineReminderMessage(input: {
  origin: string
  submission: SubmissionFacts
  days: ReminderDays
  submissionDeadline: Date
  status: ReminderStatus
}): NotificationMessage {
  const { submission } = input
  const left = input.days === 1 ? '1 day' : `${input.days} days`
  return {
    kind: 'DEADLINE_REMINDER',
    subject: `${left} left: submit the ${submission.cycleName} submission for ${submission.organisationName} by ${formatDate(input.submissionDeadline)}`,
    text: body(
      `The deadline for ${named(submission)} is ${formatDate(input.submissionDeadline)}${input.days === 1 ? ', tomorrow' : `, in ${left}`}.`,
      NEXT_STEP[input.status],
      `Go to the submission:\n${portalLink(input.origin, `/submissions/${submission.id}`)}`,
      'A submission made after the deadline is marked as late.',
    ),
  }
}
