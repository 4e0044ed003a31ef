import { describe, expect, it } from 'vitest'
import { ROLES } from '~/modules/auth/roles'
import {
  SUBMISSION_STATUSES,
  SUBMISSION_STATUS_COLOURS,
  SUBMISSION_STATUS_LABELS,
  canTransition,
  hasValidationStarted,
  isEditableByService,
  isNotYetSubmitted,
  isOutcomeEditableByService,
  isResultVisible,
  isResultVisibleToService,
  nextStatuses,
  responseStatusLabel,
} from './status'

describe('submission status', () => {
  // The types already give every status a label and a colour; what they cannot check is that two
  // statuses never read or look alike in a list of submissions.
  it('gives each status its own label and its own tag colour', () => {
    const labels = SUBMISSION_STATUSES.map((status) => SUBMISSION_STATUS_LABELS[status].toLowerCase())
    const colours = SUBMISSION_STATUSES.map((status) => SUBMISSION_STATUS_COLOURS[status])
    expect(new Set(labels).size).toBe(SUBMISSION_STATUSES.length)
    expect(new Set(colours).size).toBe(SUBMISSION_STATUSES.length)
  })

  it('labels each status in sentence case, as NHS content style asks', () => {
    for (const status of SUBMISSION_STATUSES) {
      const label = SUBMISSION_STATUS_LABELS[status]
      expect(label, status).toMatch(/^[A-Z][a-z-]*( [a-z-]+)*$/)
    }
  })

  it('follows the workflow of domain.md §6', () => {
    expect(nextStatuses('IN_PROGRESS', 'SERVICE_LEAD')).toEqual(['AWAITING_SIGN_OFF'])
    expect(nextStatuses('IN_PROGRESS', 'SERVICE_CONTRIBUTOR')).toEqual([])
    expect(nextStatuses('AWAITING_SIGN_OFF', 'EXECUTIVE_SPONSOR')).toEqual(['IN_PROGRESS'])
    expect(nextStatuses('AWAITING_SIGN_OFF', 'SERVICE_LEAD').sort()).toEqual(['IN_PROGRESS', 'SUBMITTED'])
    expect(canTransition('VALIDATED', 'PUBLISHED', 'REGIONAL_LEAD')).toBe(true)
    expect(canTransition('VALIDATED', 'PUBLISHED', 'VALIDATOR')).toBe(false)
    expect(canTransition('SUBMITTED', 'IN_PROGRESS', 'SERVICE_LEAD')).toBe(false)
  })

  it('never lets a national viewer change a status', () => {
    for (const status of SUBMISSION_STATUSES) expect(nextStatuses(status, 'NATIONAL_VIEWER')).toEqual([])
  })

  it('gives every status but published a way forward for some role', () => {
    for (const status of SUBMISSION_STATUSES) {
      const reachable = ROLES.flatMap((role) => nextStatuses(status, role))
      expect(reachable.length).toBeGreaterThan(0)
    }
  })

  it('locks the service out after submission except for clarification', () => {
    expect(SUBMISSION_STATUSES.filter(isEditableByService)).toEqual([
      'NOT_STARTED',
      'IN_PROGRESS',
      'CLARIFICATION_REQUESTED',
    ])
    expect(SUBMISSION_STATUSES.filter(isResultVisibleToService)).toEqual(['PUBLISHED'])
  })

  it('lets the service change an outcome during clarification only if it was reopened', () => {
    expect(isOutcomeEditableByService('CLARIFICATION_REQUESTED', true)).toBe(true)
    expect(isOutcomeEditableByService('CLARIFICATION_REQUESTED', false)).toBe(false)
    expect(isOutcomeEditableByService('IN_PROGRESS', false)).toBe(true)
    expect(isOutcomeEditableByService('SUBMITTED', true)).toBe(false)
  })

  it('counts a submission as not yet submitted until the service lead submits it', () => {
    expect(SUBMISSION_STATUSES.filter(isNotYetSubmitted)).toEqual(['NOT_STARTED', 'IN_PROGRESS', 'AWAITING_SIGN_OFF'])
  })

  it('starts validation once validators are assigned, not on submission', () => {
    expect(SUBMISSION_STATUSES.filter(hasValidationStarted)).toEqual([
      'IN_VALIDATION',
      'CLARIFICATION_REQUESTED',
      'IN_MODERATION',
      'VALIDATED',
      'PUBLISHED',
    ])
  })

  it('shows reviewers the result once validated, and the service only once published', () => {
    expect(SUBMISSION_STATUSES.filter((s) => isResultVisible(s, { reviewer: true }))).toEqual([
      'VALIDATED',
      'PUBLISHED',
    ])
    expect(SUBMISSION_STATUSES.filter((s) => isResultVisible(s, { reviewer: false }))).toEqual(['PUBLISHED'])
  })

  it('labels the status of each answer, and shows an unknown one as it is', () => {
    expect(responseStatusLabel('COMPLETED')).toBe('Completed')
    expect(responseStatusLabel('NOT_STARTED')).toBe('Not started')
    expect(responseStatusLabel('SOMETHING_ELSE')).toBe('SOMETHING_ELSE')
  })
})
