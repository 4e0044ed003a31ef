import { describe, expect, it } from 'vitest'
import type { Actor, Target } from '~/modules/auth/permissions'
import type { RoleGrant } from '~/modules/auth/roles'
import { SUBMISSION_STATUSES, type SubmissionStatus } from '~/modules/submissions/status'
import { bothCompleted, reviewerPackVisibility, type AssignmentFacts } from './visibility'

const target: Target = {
  libraryServiceIds: ['service-1'],
  organisationId: 'org-1',
  regionId: 'north-west',
  assignedValidatorIds: ['primary-1', 'secondary-1'],
}
const grant = (role: RoleGrant['role'], scope: Partial<Omit<RoleGrant, 'role'>> = {}): RoleGrant => ({
  role,
  libraryServiceId: null,
  organisationId: null,
  regionId: null,
  ...scope,
})
const actor = (id: string, ...grants: RoleGrant[]): Actor => ({ id, grants })

const lead = actor('lead', grant('SERVICE_LEAD', { libraryServiceId: 'service-1' }))
const contributor = actor('contributor', grant('SERVICE_CONTRIBUTOR', { libraryServiceId: 'service-1' }))
const sponsor = actor('sponsor', grant('EXECUTIVE_SPONSOR', { organisationId: 'org-1' }))
const primary = actor('primary-1', grant('VALIDATOR', { regionId: 'north-west' }))
const secondary = actor('secondary-1', grant('VALIDATOR', { regionId: 'london' }))
const unassigned = actor('validator-9', grant('VALIDATOR', { regionId: 'north-west' }))
const regionalLead = actor('regional-lead', grant('REGIONAL_LEAD', { regionId: 'north-west' }))
const otherRegionalLead = actor('other-regional-lead', grant('REGIONAL_LEAD', { regionId: 'london' }))
const admin = actor('admin', grant('NATIONAL_ADMIN'))
const viewer = actor('viewer', grant('NATIONAL_VIEWER'))

const assignments = (primaryDone: boolean, secondaryDone: boolean): AssignmentFacts[] => [
  { kind: 'PRIMARY', validatorId: 'primary-1', completed: primaryDone },
  { kind: 'SECONDARY', validatorId: 'secondary-1', completed: secondaryDone },
]

const AGREED_STATUSES: readonly SubmissionStatus[] = ['VALIDATED', 'PUBLISHED']

describe('validations in the reviewer pack', () => {
  it('shows the service side nothing of validation, whatever the status', () => {
    for (const person of [lead, contributor, sponsor]) {
      for (const status of SUBMISSION_STATUSES) {
        expect(
          reviewerPackVisibility(person, target, status, assignments(true, true)),
          `${person.id} at ${status}`,
        ).toEqual({ validations: [], agreed: false, validatedSeriesLabel: null })
      }
    }
  })

  it('shows a validator their own validation and keeps the other’s from them until both have completed', () => {
    expect(reviewerPackVisibility(primary, target, 'IN_VALIDATION', assignments(false, false)).validations).toEqual([
      'PRIMARY',
    ])
    expect(reviewerPackVisibility(primary, target, 'IN_VALIDATION', assignments(true, false)).validations).toEqual([
      'PRIMARY',
    ])
    expect(reviewerPackVisibility(secondary, target, 'IN_VALIDATION', assignments(true, false)).validations).toEqual([
      'SECONDARY',
    ])
    // The first to finish still cannot see the other's unfinished work.
    expect(reviewerPackVisibility(primary, target, 'IN_VALIDATION', assignments(false, true)).validations).toEqual([
      'PRIMARY',
    ])
    for (const person of [primary, secondary]) {
      expect(reviewerPackVisibility(person, target, 'IN_VALIDATION', assignments(true, true)).validations).toEqual([
        'PRIMARY',
        'SECONDARY',
      ])
    }
  })

  it('does not count a missing second assignment as completed', () => {
    const onlyPrimary = assignments(true, true).slice(0, 1)
    expect(bothCompleted(onlyPrimary)).toBe(false)
    expect(reviewerPackVisibility(primary, target, 'IN_VALIDATION', onlyPrimary).validations).toEqual(['PRIMARY'])
  })

  it('shows the regional lead of the region and the national roles both validations at once', () => {
    for (const person of [regionalLead, admin, viewer]) {
      expect(
        reviewerPackVisibility(person, target, 'IN_VALIDATION', assignments(false, false)).validations,
        person.id,
      ).toEqual(['PRIMARY', 'SECONDARY'])
    }
  })

  it('shows an unassigned validator and another region’s lead nothing', () => {
    for (const person of [unassigned, otherRegionalLead]) {
      expect(reviewerPackVisibility(person, target, 'PUBLISHED', assignments(true, true)), person.id).toEqual({
        validations: [],
        agreed: false,
        validatedSeriesLabel: null,
      })
    }
  })
})

describe('the agreed result in the reviewer pack', () => {
  it('shows reviewers the agreed result once it exists, and nobody before', () => {
    for (const person of [primary, secondary, regionalLead, admin, viewer]) {
      for (const status of SUBMISSION_STATUSES) {
        expect(
          reviewerPackVisibility(person, target, status, assignments(true, true)).agreed,
          `${person.id} at ${status}`,
        ).toBe(AGREED_STATUSES.includes(status))
      }
    }
  })
})

describe('holding several grants', () => {
  it('gives the union of reviewer grants', () => {
    const leadElsewhereAndRegionalLead = actor(
      'both',
      grant('REGIONAL_LEAD', { regionId: 'london' }),
      grant('REGIONAL_LEAD', { regionId: 'north-west' }),
    )
    expect(
      reviewerPackVisibility(leadElsewhereAndRegionalLead, target, 'IN_VALIDATION', assignments(false, false))
        .validations,
    ).toEqual(['PRIMARY', 'SECONDARY'])
    const validatorAndRegionalLead = actor(
      'primary-1',
      grant('VALIDATOR', { regionId: 'london' }),
      grant('REGIONAL_LEAD', { regionId: 'north-west' }),
    )
    expect(
      reviewerPackVisibility(validatorAndRegionalLead, target, 'IN_VALIDATION', assignments(false, false)).validations,
    ).toEqual(['PRIMARY', 'SECONDARY'])
  })

  it('never lets a service grant reveal validation, even to someone who reviews elsewhere', () => {
    const leadAndValidatorElsewhere = actor(
      'both',
      grant('SERVICE_LEAD', { libraryServiceId: 'service-1' }),
      grant('VALIDATOR', { regionId: 'london' }),
    )
    const sponsorAndRegionalLeadElsewhere = actor(
      'both',
      grant('EXECUTIVE_SPONSOR', { organisationId: 'org-1' }),
      grant('REGIONAL_LEAD', { regionId: 'london' }),
    )
    for (const person of [leadAndValidatorElsewhere, sponsorAndRegionalLeadElsewhere]) {
      for (const status of SUBMISSION_STATUSES) {
        expect(reviewerPackVisibility(person, target, status, assignments(true, true)), `${status}`).toEqual({
          validations: [],
          agreed: false,
          validatedSeriesLabel: null,
        })
      }
    }
  })

  it('keeps a validator who also leads the service to their own validation until both complete', () => {
    const leadAndPrimary = actor(
      'primary-1',
      grant('SERVICE_LEAD', { libraryServiceId: 'service-1' }),
      grant('VALIDATOR', { regionId: 'north-west' }),
    )
    expect(reviewerPackVisibility(leadAndPrimary, target, 'IN_VALIDATION', assignments(true, false))).toEqual({
      validations: ['PRIMARY'],
      agreed: false,
      validatedSeriesLabel: 'Your validation grade',
    })
  })
})

describe('the series the radar compares with', () => {
  it('is the agreed grade when the reader sees it', () => {
    expect(reviewerPackVisibility(primary, target, 'VALIDATED', assignments(true, true)).validatedSeriesLabel).toBe(
      'Agreed grade',
    )
    expect(
      reviewerPackVisibility(regionalLead, target, 'PUBLISHED', assignments(true, true)).validatedSeriesLabel,
    ).toBe('Agreed grade')
  })

  it('is the validator’s own grade while they see only their own', () => {
    expect(
      reviewerPackVisibility(primary, target, 'IN_VALIDATION', assignments(true, false)).validatedSeriesLabel,
    ).toBe('Your validation grade')
    expect(
      reviewerPackVisibility(secondary, target, 'CLARIFICATION_REQUESTED', assignments(false, false))
        .validatedSeriesLabel,
    ).toBe('Your validation grade')
  })

  it('is none when two validations are visible without an agreed result, or nothing is', () => {
    expect(
      reviewerPackVisibility(primary, target, 'IN_MODERATION', assignments(true, true)).validatedSeriesLabel,
    ).toBeNull()
    expect(
      reviewerPackVisibility(regionalLead, target, 'IN_VALIDATION', assignments(false, false)).validatedSeriesLabel,
    ).toBeNull()
    expect(reviewerPackVisibility(lead, target, 'PUBLISHED', assignments(true, true)).validatedSeriesLabel).toBeNull()
  })
})
