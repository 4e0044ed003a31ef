// Submission statuses and the transitions between them (domain.md §6). Pure: no I/O.
import type { Role } from '~/modules/auth/roles'

export const SUBMISSION_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'AWAITING_SIGN_OFF',
  'SUBMITTED',
  'IN_VALIDATION',
  'CLARIFICATION_REQUESTED',
  'IN_MODERATION',
  'VALIDATED',
  'PUBLISHED',
] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  AWAITING_SIGN_OFF: 'Awaiting sign-off',
  SUBMITTED: 'Submitted',
  IN_VALIDATION: 'In validation',
  CLARIFICATION_REQUESTED: 'Clarification requested',
  IN_MODERATION: 'In moderation',
  VALIDATED: 'Validated',
  PUBLISHED: 'Result published',
}

export type TagColour =
  'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow'

export const SUBMISSION_STATUS_COLOURS: Record<SubmissionStatus, TagColour> = {
  NOT_STARTED: 'grey',
  IN_PROGRESS: 'blue',
  AWAITING_SIGN_OFF: 'yellow',
  SUBMITTED: 'aqua-green',
  IN_VALIDATION: 'purple',
  CLARIFICATION_REQUESTED: 'orange',
  IN_MODERATION: 'pink',
  VALIDATED: 'white',
  PUBLISHED: 'green',
}

export function isSubmissionStatus(value: string): value is SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly string[]).includes(value)
}

/** Each transition, and the roles that may make it. Validation moves are made by the system. */
const TRANSITIONS: Record<SubmissionStatus, Partial<Record<SubmissionStatus, readonly Role[]>>> = {
  NOT_STARTED: { IN_PROGRESS: ['SERVICE_CONTRIBUTOR', 'SERVICE_LEAD'] },
  IN_PROGRESS: { AWAITING_SIGN_OFF: ['SERVICE_LEAD'] },
  AWAITING_SIGN_OFF: {
    IN_PROGRESS: ['EXECUTIVE_SPONSOR', 'SERVICE_LEAD'], // returned by the sponsor, or withdrawn by the lead
    SUBMITTED: ['SERVICE_LEAD'], // after the sponsor has signed off
  },
  SUBMITTED: { IN_VALIDATION: ['REGIONAL_LEAD', 'NATIONAL_ADMIN'] },
  IN_VALIDATION: {
    CLARIFICATION_REQUESTED: ['VALIDATOR'],
    IN_MODERATION: ['VALIDATOR'],
    VALIDATED: ['VALIDATOR'],
  },
  CLARIFICATION_REQUESTED: { IN_VALIDATION: ['SERVICE_LEAD'] },
  // Moderation is per outcome: the regional lead decides the outcomes that differ, the primary
  // validator records the rest, and either confirms once every outcome has its agreed grade.
  IN_MODERATION: { VALIDATED: ['REGIONAL_LEAD', 'VALIDATOR'] },
  VALIDATED: { PUBLISHED: ['REGIONAL_LEAD'] },
  PUBLISHED: { VALIDATED: ['REGIONAL_LEAD'] }, // reopened, with a reason
}

export function nextStatuses(from: SubmissionStatus, role: Role): SubmissionStatus[] {
  return (Object.entries(TRANSITIONS[from]) as Array<[SubmissionStatus, readonly Role[]]>)
    .filter(([, roles]) => roles.includes(role))
    .map(([to]) => to)
}

export function canTransition(from: SubmissionStatus, to: SubmissionStatus, role: Role): boolean {
  return nextStatuses(from, role).includes(to)
}

/** The service may change its answers only before submission, or on outcomes reopened for clarification. */
export function isEditableByService(status: string): boolean {
  return status === 'NOT_STARTED' || status === 'IN_PROGRESS' || status === 'CLARIFICATION_REQUESTED'
}

/** The service and sponsor see validation results only once published. */
export function isResultVisibleToService(status: SubmissionStatus): boolean {
  return status === 'PUBLISHED'
}

/** An outcome's answers: editable before submission, and during clarification only if that outcome was reopened. */
export function isOutcomeEditableByService(status: SubmissionStatus, reopenedForClarification: boolean): boolean {
  if (status === 'CLARIFICATION_REQUESTED') return reopenedForClarification
  return isEditableByService(status)
}

/** The statuses of a submission that has not yet been submitted: the ones deadline reminders and closing a cycle act on. */
export const NOT_YET_SUBMITTED_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'AWAITING_SIGN_OFF'] as const
export type NotYetSubmittedStatus = (typeof NOT_YET_SUBMITTED_STATUSES)[number]

export function isNotYetSubmitted(status: string): status is NotYetSubmittedStatus {
  return (NOT_YET_SUBMITTED_STATUSES as readonly string[]).includes(status)
}

/** Validation has started once validators have been assigned: from IN_VALIDATION on. */
export function hasValidationStarted(status: SubmissionStatus): boolean {
  return !isNotYetSubmitted(status) && status !== 'SUBMITTED'
}

/** Reviewers (validators, regional and national leads) see the result once validated; the service only once published. */
export function isResultVisible(status: SubmissionStatus, viewer: { reviewer: boolean }): boolean {
  return isResultVisibleToService(status) || (viewer.reviewer && status === 'VALIDATED')
}

/** The status of the answers to one part of a submission (an outcome, the pen portrait). */
export const RESPONSE_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number]

export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
}

export function responseStatusLabel(status: string): string {
  return (RESPONSE_STATUS_LABELS as Record<string, string>)[status] ?? status
}
