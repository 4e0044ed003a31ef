import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import type { Actor, Target } from '~/modules/auth/permissions'
import type { RoleGrant } from '~/modules/auth/roles'
import { SUBMISSION_STATUSES } from '~/modules/submissions/status'
import { agreementSummary, chartValueOfSteps, describeDifference, formatSteps } from './compare'
import { EditPlanItemSchema, NewPlanItemSchema, planProgress } from './schema'
import { resultAudience } from './visibility'

describe('describing an agreed grade against the self-assessment', () => {
  it('says how many sub-levels apart the grades are, in words', () => {
    expect(describeDifference(5, 5)).toBe('The same as your self-assessment')
    expect(describeDifference(5, 4)).toBe('One sub-level below your self-assessment')
    expect(describeDifference(4, 7)).toBe('Three sub-levels above your self-assessment')
    expect(describeDifference(12, 0, 'the')).toBe('Twelve sub-levels below the self-assessment')
  })

  it('says when there is nothing to compare', () => {
    expect(describeDifference(null, 4)).toBe('No self-assessed grade to compare')
    expect(describeDifference(4, null)).toBe('Not agreed yet')
  })
})

describe('the chart summary', () => {
  it('counts the outcomes validated within one sub-level of the self-assessment', () => {
    const pairs = [
      { selfSteps: 6, agreedSteps: 6 },
      { selfSteps: 6, agreedSteps: 5 },
      { selfSteps: 6, agreedSteps: 7 },
      { selfSteps: 8, agreedSteps: 7 },
      { selfSteps: 9, agreedSteps: 5 },
      { selfSteps: 3, agreedSteps: 6 },
    ]
    expect(agreementSummary(pairs)).toBe(
      'Agreed grades are the same as or within one sub-level of the self-assessment for 4 of 6 outcomes. ' +
        '1 outcome was agreed more than one sub-level below the self-assessment. ' +
        '1 outcome was agreed more than one sub-level above the self-assessment.',
    )
  })

  it('mentions missing grades and the previous cycle', () => {
    const pairs = [
      { selfSteps: 6, agreedSteps: 6 },
      { selfSteps: null, agreedSteps: 5 },
    ]
    expect(agreementSummary(pairs, '2021/22 baseline')).toBe(
      'Agreed grades are the same as or within one sub-level of the self-assessment for 1 of 2 outcomes. ' +
        '1 outcome could not be compared because a grade is missing. The chart also shows the agreed grades from 2021/22 baseline.',
    )
  })

  it('turns steps into chart values and words', () => {
    expect(chartValueOfSteps(null)).toBeNull()
    expect(chartValueOfSteps(0)).toBe(0)
    expect(chartValueOfSteps(5)).toBeCloseTo(5 / 3)
    expect(chartValueOfSteps(12)).toBe(4)
    expect(formatSteps(5)).toBe('Level 2, Medium')
    expect(formatSteps(0)).toBe('Level 0')
    expect(formatSteps(null)).toBe('Not graded')
  })
})

describe('who reads a result, and when', () => {
  const target: Target = {
    libraryServiceIds: ['service-1'],
    organisationId: 'org-1',
    regionId: 'north-west',
    assignedValidatorIds: ['validator-1'],
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
  const regionalLead = actor('rl', grant('REGIONAL_LEAD', { regionId: 'north-west' }))
  const otherRegionalLead = actor('rl-london', grant('REGIONAL_LEAD', { regionId: 'london' }))
  const assigned = actor('validator-1', grant('VALIDATOR', { regionId: 'london' }))
  const unassigned = actor('validator-2', grant('VALIDATOR', { regionId: 'london' }))
  const admin = actor('admin', grant('NATIONAL_ADMIN'))
  const viewer = actor('viewer', grant('NATIONAL_VIEWER'))
  const otherLead = actor('other-lead', grant('SERVICE_LEAD', { libraryServiceId: 'service-2' }))

  it('shows the service and the sponsor the result only once it is published', () => {
    for (const person of [lead, contributor, sponsor]) {
      for (const status of SUBMISSION_STATUSES) {
        expect(resultAudience(person, target, status), `${person.id} at ${status}`).toBe(
          status === 'PUBLISHED' ? 'service' : null,
        )
      }
    }
  })

  it('shows reviewers in reach the result from validation onwards', () => {
    for (const person of [regionalLead, assigned, admin, viewer]) {
      for (const status of SUBMISSION_STATUSES) {
        expect(resultAudience(person, target, status), `${person.id} at ${status}`).toBe(
          status === 'VALIDATED' || status === 'PUBLISHED' ? 'reviewer' : null,
        )
      }
    }
  })

  it('shows nobody out of reach anything', () => {
    for (const person of [otherRegionalLead, unassigned, otherLead]) {
      expect(resultAudience(person, target, 'PUBLISHED')).toBeNull()
    }
  })

  it('does not let a service role open a result early for someone who also reviews elsewhere', () => {
    const leadAndValidatorElsewhere = actor(
      'both',
      grant('SERVICE_LEAD', { libraryServiceId: 'service-1' }),
      grant('VALIDATOR', { regionId: 'london' }),
    )
    expect(resultAudience(leadAndValidatorElsewhere, target, 'VALIDATED')).toBeNull()
    expect(resultAudience(leadAndValidatorElsewhere, target, 'PUBLISHED')).toBe('service')
  })
})

describe('the development plan item form', () => {
  const parse = (
    entries: Record<string, string>,
    schema: typeof NewPlanItemSchema | typeof EditPlanItemSchema = NewPlanItemSchema,
  ) => {
    const formData = new FormData()
    for (const [key, value] of Object.entries(entries)) formData.set(key, value)
    return parseWithZod(formData, { schema })
  }
  const valid = {
    action: 'Run a staff survey',
    owner: 'Head of library services',
    'dueDate.day': '31',
    'dueDate.month': '3',
    'dueDate.year': '2027',
    status: 'NOT_STARTED',
  }

  it('accepts a complete item and reads the due date as a day', () => {
    const result = parse({ ...valid, requiredActionId: '', progressNotes: '' })
    expect(result.status).toBe('success')
    if (result.status !== 'success') return
    expect(result.value).toEqual({
      action: 'Run a staff survey',
      owner: 'Head of library services',
      dueDate: new Date('2027-03-31T00:00:00Z'),
      status: 'NOT_STARTED',
      progressNotes: '',
    })
  })

  it('names each missing field in NHS style', () => {
    const result = parse({})
    expect(result.status).toBe('error')
    if (result.status !== 'error') return
    expect(result.error).toEqual({
      action: ['Enter the action'],
      owner: ['Enter who owns the action'],
      dueDate: ['Enter the due date'],
      status: ['Select the status of the action'],
    })
  })

  it('refuses impossible dates, over-long text and unknown statuses', () => {
    const result = parse({
      ...valid,
      'dueDate.day': '30',
      'dueDate.month': '2',
      action: 'x'.repeat(2001),
      owner: 'y'.repeat(201),
      status: 'DONE',
      progressNotes: 'z'.repeat(5001),
    })
    expect(result.status).toBe('error')
    if (result.status !== 'error') return
    expect(result.error).toEqual({
      action: ['Action must be 2,000 characters or fewer'],
      owner: ['Owner must be 200 characters or fewer'],
      dueDate: ['Due date must be a real date'],
      status: ['Select the status of the action'],
      progressNotes: ['Progress notes must be 5,000 characters or fewer'],
    })
    const partDate = parse({ ...valid, 'dueDate.month': '', 'dueDate.year': '' })
    expect(partDate.status === 'error' && partDate.error?.dueDate).toEqual(['Due date must include a month and a year'])
  })

  it('needs the version on the change form', () => {
    const result = parse(valid, EditPlanItemSchema)
    expect(result.status === 'error' && result.error?.version).toEqual([
      'The page is out of date. Reload it and try again.',
    ])
    expect(parse({ ...valid, version: '3' }, EditPlanItemSchema).status).toBe('success')
  })
})

describe('plan progress', () => {
  it('counts complete items', () => {
    expect(planProgress([])).toBe('No items yet')
    expect(planProgress(['COMPLETE'])).toBe('1 of 1 item complete')
    expect(planProgress(['COMPLETE', 'IN_PROGRESS', 'NOT_STARTED', 'COMPLETE', 'NOT_STARTED'])).toBe(
      '2 of 5 items complete',
    )
  })
})
