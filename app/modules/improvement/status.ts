// Service Improvement Plan statuses and the transitions between them (domain.md §6a, issue 18).
// Pure: no I/O. The same conventions as modules/submissions/status.ts: a typed list, one label
// and one tag colour per status, and a transition table naming the roles that may make each move.
import type { Role } from '~/modules/auth/roles'
import type { TagColour } from '~/modules/submissions/status'

export const SIP_STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'AWAITING_SIGN_OFF',
  'SUBMITTED',
  'IN_REVIEW',
  'REVIEW_RECORDED',
  'RESUBMISSION_REQUESTED',
  'PUBLISHED',
] as const
export type SipStatus = (typeof SIP_STATUSES)[number]

export const SIP_STATUS_LABELS: Record<SipStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  AWAITING_SIGN_OFF: 'Awaiting sign-off',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  REVIEW_RECORDED: 'Review awaiting confirmation',
  RESUBMISSION_REQUESTED: 'Resubmission requested',
  PUBLISHED: 'Review published',
}

export const SIP_STATUS_COLOURS: Record<SipStatus, TagColour> = {
  NOT_STARTED: 'grey',
  IN_PROGRESS: 'blue',
  AWAITING_SIGN_OFF: 'yellow',
  SUBMITTED: 'aqua-green',
  IN_REVIEW: 'purple',
  REVIEW_RECORDED: 'pink',
  RESUBMISSION_REQUESTED: 'orange',
  PUBLISHED: 'green',
}

export function isSipStatus(value: string): value is SipStatus {
  return (SIP_STATUSES as readonly string[]).includes(value)
}

const TRANSITIONS: Record<SipStatus, Partial<Record<SipStatus, readonly Role[]>>> = {
  NOT_STARTED: { IN_PROGRESS: ['SERVICE_CONTRIBUTOR', 'SERVICE_LEAD'] },
  IN_PROGRESS: { AWAITING_SIGN_OFF: ['SERVICE_LEAD'] },
  AWAITING_SIGN_OFF: {
    IN_PROGRESS: ['EXECUTIVE_SPONSOR', 'SERVICE_LEAD'], // returned by the sponsor, or withdrawn by the lead
    SUBMITTED: ['SERVICE_LEAD'], // after the sponsor has signed off
  },
  SUBMITTED: { IN_REVIEW: ['REGIONAL_LEAD', 'NATIONAL_ADMIN'] }, // a reviewer is assigned
  IN_REVIEW: { REVIEW_RECORDED: ['VALIDATOR'] }, // the reviewer records the meeting and the outcome
  REVIEW_RECORDED: {
    IN_REVIEW: ['REGIONAL_LEAD'], // sent back to the reviewer
    RESUBMISSION_REQUESTED: ['REGIONAL_LEAD'], // confirms a request for resubmission
    PUBLISHED: ['REGIONAL_LEAD'], // confirms an acceptance
  },
  RESUBMISSION_REQUESTED: { IN_REVIEW: ['SERVICE_LEAD'] }, // resubmitted to the same reviewer
  PUBLISHED: {},
}

export function nextSipStatuses(from: SipStatus, role: Role): SipStatus[] {
  return (Object.entries(TRANSITIONS[from]) as Array<[SipStatus, readonly Role[]]>)
    .filter(([, roles]) => roles.includes(role))
    .map(([to]) => to)
}

export function canSipTransition(from: SipStatus, to: SipStatus, role: Role): boolean {
  return nextSipStatuses(from, role).includes(to)
}

/**
 * Whether the service may change an outcome's target, objectives and evidence: before sign-off,
 * or, once a resubmission is requested, on the outcomes the reviewer reopened.
 */
export function isSipOutcomeEditable(status: SipStatus, reopened: boolean): boolean {
  if (status === 'NOT_STARTED' || status === 'IN_PROGRESS') return true
  return status === 'RESUBMISSION_REQUESTED' && reopened
}

/** Whether the service may change the plan's context (not once submitted). */
export function isSipContextEditable(status: SipStatus): boolean {
  return status === 'NOT_STARTED' || status === 'IN_PROGRESS'
}

/**
 * Whether the service may update the status and progress notes of its actions: at any time
 * except while the sponsor is reading the plan (progress between reviews, issue 18 item 4).
 */
export function isSipProgressEditable(status: SipStatus): boolean {
  return status !== 'AWAITING_SIGN_OFF'
}

export const REVIEW_OUTCOMES = ['ACCEPTED', 'ACCEPTED_WITH_RECOMMENDATIONS', 'RESUBMISSION_REQUESTED'] as const
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  ACCEPTED: 'Accepted',
  ACCEPTED_WITH_RECOMMENDATIONS: 'Accepted with recommendations',
  RESUBMISSION_REQUESTED: 'Resubmission requested',
}

export function isReviewOutcome(value: string | null | undefined): value is ReviewOutcome {
  return (REVIEW_OUTCOMES as readonly string[]).includes(value ?? '')
}

/** Where the regional lead's confirmation of a recorded review takes the plan. */
export function statusAfterConfirmation(outcome: ReviewOutcome): SipStatus {
  return outcome === 'RESUBMISSION_REQUESTED' ? 'RESUBMISSION_REQUESTED' : 'PUBLISHED'
}

/** The service and sponsor read a review round only once the regional lead has confirmed it. */
export function isReviewVisibleToService(review: { confirmedAt: Date | string | null }): boolean {
  return review.confirmedAt !== null
}

/** Statuses at which the plan has been submitted at least once (for counts and dashboards). */
export function isSipSubmitted(status: SipStatus): boolean {
  return !['NOT_STARTED', 'IN_PROGRESS', 'AWAITING_SIGN_OFF'].includes(status)
}

export const ACTION_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  COMPLETE: 'Complete',
}
export const ACTION_STATUS_COLOURS: Record<ActionStatus, TagColour> = {
  NOT_STARTED: 'grey',
  IN_PROGRESS: 'blue',
  COMPLETE: 'green',
}
export function isActionStatus(value: string): value is ActionStatus {
  return (ACTION_STATUSES as readonly string[]).includes(value)
}
