import { describe, expect, it } from 'vitest'
import { ROLES } from '~/modules/auth/roles'
import {
  canSipTransition,
  isReviewVisibleToService,
  isSipContextEditable,
  isSipOutcomeEditable,
  isSipProgressEditable,
  nextSipStatuses,
  SIP_STATUS_COLOURS,
  SIP_STATUS_LABELS,
  SIP_STATUSES,
  statusAfterConfirmation,
} from './status'

describe('Service Improvement Plan statuses', () => {
  it('labels and colours every status', () => {
    for (const status of SIP_STATUSES) {
      expect(SIP_STATUS_LABELS[status]).toBeTruthy()
      expect(SIP_STATUS_COLOURS[status]).toBeTruthy()
    }
  })

  it('follows the self-assessment up to submission: the lead sends, the sponsor signs off or returns, the lead submits', () => {
    expect(nextSipStatuses('NOT_STARTED', 'SERVICE_CONTRIBUTOR')).toEqual(['IN_PROGRESS'])
    expect(nextSipStatuses('IN_PROGRESS', 'SERVICE_LEAD')).toEqual(['AWAITING_SIGN_OFF'])
    expect(nextSipStatuses('IN_PROGRESS', 'SERVICE_CONTRIBUTOR')).toEqual([])
    expect(nextSipStatuses('AWAITING_SIGN_OFF', 'EXECUTIVE_SPONSOR')).toEqual(['IN_PROGRESS'])
    expect(nextSipStatuses('AWAITING_SIGN_OFF', 'SERVICE_LEAD')).toEqual(['IN_PROGRESS', 'SUBMITTED'])
  })

  it('lets only the regional lead (or an admin) start review, only the reviewer record it and only the regional lead confirm it', () => {
    for (const role of ROLES) {
      expect(canSipTransition('SUBMITTED', 'IN_REVIEW', role)).toBe(
        role === 'REGIONAL_LEAD' || role === 'NATIONAL_ADMIN',
      )
      expect(canSipTransition('IN_REVIEW', 'REVIEW_RECORDED', role)).toBe(role === 'VALIDATOR')
      expect(canSipTransition('REVIEW_RECORDED', 'PUBLISHED', role)).toBe(role === 'REGIONAL_LEAD')
      expect(canSipTransition('REVIEW_RECORDED', 'RESUBMISSION_REQUESTED', role)).toBe(role === 'REGIONAL_LEAD')
      expect(canSipTransition('RESUBMISSION_REQUESTED', 'IN_REVIEW', role)).toBe(role === 'SERVICE_LEAD')
      expect(nextSipStatuses('PUBLISHED', role)).toEqual([])
    }
  })

  it('never skips sign-off or review', () => {
    for (const role of ROLES) {
      expect(canSipTransition('IN_PROGRESS', 'SUBMITTED', role)).toBe(false)
      expect(canSipTransition('SUBMITTED', 'PUBLISHED', role)).toBe(false)
      expect(canSipTransition('IN_REVIEW', 'PUBLISHED', role)).toBe(false)
    }
  })

  it('confirming a review publishes it unless it asks for a resubmission', () => {
    expect(statusAfterConfirmation('ACCEPTED')).toBe('PUBLISHED')
    expect(statusAfterConfirmation('ACCEPTED_WITH_RECOMMENDATIONS')).toBe('PUBLISHED')
    expect(statusAfterConfirmation('RESUBMISSION_REQUESTED')).toBe('RESUBMISSION_REQUESTED')
  })

  it('reopens only the outcomes the reviewer named, and locks the plan while the sponsor reads it', () => {
    expect(isSipOutcomeEditable('IN_PROGRESS', false)).toBe(true)
    expect(isSipOutcomeEditable('AWAITING_SIGN_OFF', false)).toBe(false)
    expect(isSipOutcomeEditable('SUBMITTED', false)).toBe(false)
    expect(isSipOutcomeEditable('RESUBMISSION_REQUESTED', false)).toBe(false)
    expect(isSipOutcomeEditable('RESUBMISSION_REQUESTED', true)).toBe(true)
    expect(isSipContextEditable('RESUBMISSION_REQUESTED')).toBe(false)
    expect(isSipProgressEditable('PUBLISHED')).toBe(true)
    expect(isSipProgressEditable('AWAITING_SIGN_OFF')).toBe(false)
  })

  it('hides a review round from the service until it is confirmed', () => {
    expect(isReviewVisibleToService({ confirmedAt: null })).toBe(false)
    expect(isReviewVisibleToService({ confirmedAt: new Date() })).toBe(true)
  })
})
