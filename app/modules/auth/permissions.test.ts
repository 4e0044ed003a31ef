import { describe, expect, it } from 'vitest'
import {
  ACTIONS,
  can,
  canSomewhere,
  isReviewer,
  organisationScope,
  planScope,
  reachOf,
  regionScope,
  requirePermission,
  submissionScope,
  type Action,
  type Actor,
  type Reach,
} from './permissions'
import { ROLES, type Role, type RoleGrant } from './roles'

// The expected matrix, written out by hand from domain.md §4 and the issues, so a change to the
// permissions is a change to this table too. Columns: contributor, lead, sponsor, validator,
// regional lead, national admin, national viewer. s = own service, o = own organisation,
// r = own region, a = assigned submissions, e = everywhere, . = not allowed.
const EXPECTED: Record<Action, string> = {
  'framework:view': 'e e e e e e e',
  'framework:manage': '. . . . . e .',
  'cycle:view': 'e e e e e e e',
  'cycle:manage': '. . . . . e .',
  'organisation:view': 's s o . r e e',
  'organisation:manage': '. . . . . e .',
  'user:manage': '. . . . . e .',
  'team:invite': '. s . . . e .',
  'submission:view': 's s o a r e e',
  'submission:start': 's s . . . . .',
  'submission:edit': 's s . . . . .',
  'evidence:manage': 's s . . . . .',
  'submission:send-for-sign-off': '. s . . . . .',
  'submission:sign-off': '. . o . . . .',
  'submission:submit': '. s . . . . .',
  'clarification:answer': 's s . . . . .',
  'validation:assign': '. . . . r e .',
  'validation:grade': '. . . a . . .',
  'clarification:ask': '. . . a . . .',
  'validation:moderate': '. . . . r . .',
  'result:publish': '. . . . r . .',
  'result:reopen': '. . . . r . .',
  'result:view': 's s o a r e e',
  'development-plan:edit': 's s . . . . .',
  'development-plan:view': 's s o . r e e',
  'audit:view': '. . . . r e .',
  'report:reviewer-pack': '. s . a r e e',
  'report:outcome': 's s o . r e e',
  'dashboard:regional': '. . . . r e e',
  'dashboard:national': '. . . . . e e',
  'report:published-summary': '. . . . e e e',
  'sip:view': 's s o a r e e',
  'sip:edit': 's s . . . . .',
  'sip:send-for-sign-off': '. s . . . . .',
  'sip:sign-off': '. . o . . . .',
  'sip:submit': '. s . . . . .',
  'sip:assign-reviewer': '. . . . r e .',
  'sip:review': '. . . a . . .',
  'sip:confirm-review': '. . . . r . .',
  'sip:request-interim': '. . . . r . .',
  'mapping:manage': '. . . . . e .',
  'settings:manage': '. . . . . e .',
}

const CODES: Record<string, Reach | null> = {
  s: 'service',
  o: 'organisation',
  r: 'region',
  a: 'assigned',
  e: 'everywhere',
  '.': null,
}

const HOME = { service: 'svc-home', organisation: 'org-home', region: 'reg-home' }
const AWAY = { service: 'svc-away', organisation: 'org-away', region: 'reg-away' }

function grantFor(role: Role): RoleGrant {
  const scope = { libraryServiceId: null, organisationId: null, regionId: null }
  if (role === 'SERVICE_CONTRIBUTOR' || role === 'SERVICE_LEAD')
    return { role, ...scope, libraryServiceId: HOME.service }
  if (role === 'EXECUTIVE_SPONSOR') return { role, ...scope, organisationId: HOME.organisation }
  if (role === 'VALIDATOR' || role === 'REGIONAL_LEAD') return { role, ...scope, regionId: HOME.region }
  return { role, ...scope }
}

const actorWith = (role: Role): Actor => ({ id: 'user-1', grants: [grantFor(role)] })

// A record in the user's service, organisation and region, assigned to them; and one in none of those.
const inReach = {
  libraryServiceIds: [HOME.service],
  organisationId: HOME.organisation,
  regionId: HOME.region,
  assignedValidatorIds: ['user-1'],
}
const outOfReach = {
  libraryServiceIds: [AWAY.service],
  organisationId: AWAY.organisation,
  regionId: AWAY.region,
  assignedValidatorIds: ['user-2'],
}

const cases = ACTIONS.flatMap((action) => {
  const codes = EXPECTED[action].split(' ')
  return ROLES.map((role, i) => ({ action, role, reach: CODES[codes[i]!] ?? null }))
})

describe('permissions matrix', () => {
  it('has an expected row for every action and a column for every role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort())
    for (const row of Object.values(EXPECTED)) expect(row.split(' ')).toHaveLength(ROLES.length)
  })

  it.each(cases)('$role: $action reaches $reach', ({ action, role, reach }) => {
    const actor = actorWith(role)
    expect(reachOf(actor, action)).toMatchObject({ everywhere: reach === 'everywhere', assigned: reach === 'assigned' })
    expect(can(actor, action, inReach)).toBe(reach !== null)
    expect(can(actor, action, outOfReach)).toBe(reach === 'everywhere')
    expect(canSomewhere(actor, action)).toBe(reach !== null)
    if (reach === null) expect(() => requirePermission(actor, action, inReach)).toThrow(Response)
    else expect(() => requirePermission(actor, action, inReach)).not.toThrow()
  })
})

describe('can', () => {
  it('refuses a missing user', () => {
    expect(can(null, 'framework:view')).toBe(false)
    expect(canSomewhere(undefined, 'framework:view')).toBe(false)
  })

  it('combines the grants of a user with several roles', () => {
    // A regional lead in one region who also validates elsewhere.
    const actor: Actor = {
      id: 'user-1',
      grants: [
        grantFor('REGIONAL_LEAD'),
        { role: 'VALIDATOR', libraryServiceId: null, organisationId: null, regionId: AWAY.region },
      ],
    }
    expect(can(actor, 'validation:moderate', { regionId: HOME.region })).toBe(true)
    expect(can(actor, 'validation:moderate', { regionId: AWAY.region })).toBe(false)
    expect(can(actor, 'validation:grade', { regionId: AWAY.region, assignedValidatorIds: ['user-1'] })).toBe(true)
    expect(can(actor, 'validation:grade', { regionId: AWAY.region, assignedValidatorIds: [] })).toBe(false)
  })

  it('gives a record with no place only to everywhere reach', () => {
    expect(can(actorWith('SERVICE_LEAD'), 'submission:view', {})).toBe(false)
    expect(can(actorWith('NATIONAL_VIEWER'), 'submission:view', {})).toBe(true)
  })

  it('answers 403 when refused', () => {
    try {
      requirePermission(actorWith('NATIONAL_VIEWER'), 'cycle:manage')
      expect.unreachable('requirePermission should have thrown')
    } catch (error) {
      expect(error).toBeInstanceOf(Response)
      expect((error as Response).status).toBe(403)
    }
  })
})

describe('query scopes', () => {
  it('scopes submissions to what each role reaches', () => {
    expect(submissionScope(actorWith('SERVICE_LEAD'), 'submission:view')).toEqual({
      OR: [{ libraryServiceId: { in: [HOME.service] } }],
    })
    expect(submissionScope(actorWith('EXECUTIVE_SPONSOR'), 'submission:view')).toEqual({
      OR: [{ organisationId: { in: [HOME.organisation] } }],
    })
    expect(submissionScope(actorWith('REGIONAL_LEAD'), 'submission:view')).toEqual({
      OR: [{ regionId: { in: [HOME.region] } }],
    })
    expect(submissionScope(actorWith('VALIDATOR'), 'submission:view')).toEqual({
      OR: [{ validatorAssignments: { some: { validatorId: 'user-1' } } }],
    })
    expect(submissionScope(actorWith('NATIONAL_VIEWER'), 'submission:view')).toEqual({})
  })

  it('scopes Service Improvement Plans, the reviewer reaching only the plans they review', () => {
    expect(planScope(actorWith('SERVICE_LEAD'), 'sip:view')).toEqual({
      OR: [{ libraryServiceId: { in: [HOME.service] } }],
    })
    expect(planScope(actorWith('EXECUTIVE_SPONSOR'), 'sip:sign-off')).toEqual({
      OR: [{ organisationId: { in: [HOME.organisation] } }],
    })
    expect(planScope(actorWith('REGIONAL_LEAD'), 'sip:confirm-review')).toEqual({
      OR: [{ regionId: { in: [HOME.region] } }],
    })
    expect(planScope(actorWith('VALIDATOR'), 'sip:review')).toEqual({ OR: [{ reviewerId: 'user-1' }] })
    expect(planScope(actorWith('NATIONAL_VIEWER'), 'sip:view')).toEqual({})
    expect(planScope(actorWith('NATIONAL_VIEWER'), 'sip:edit')).toEqual({ OR: [] })
  })

  it('matches nothing for a user without the action', () => {
    expect(submissionScope(actorWith('NATIONAL_VIEWER'), 'submission:edit')).toEqual({ OR: [] })
    expect(organisationScope(actorWith('VALIDATOR'), 'organisation:view')).toEqual({ OR: [] })
    expect(regionScope(actorWith('SERVICE_LEAD'), 'dashboard:regional')).toEqual({ id: { in: [] } })
  })

  it('scopes organisations and regions', () => {
    expect(organisationScope(actorWith('SERVICE_CONTRIBUTOR'), 'organisation:view')).toEqual({
      OR: [{ services: { some: { libraryServiceId: { in: [HOME.service] } } } }],
    })
    expect(regionScope(actorWith('REGIONAL_LEAD'), 'dashboard:regional')).toEqual({ id: { in: [HOME.region] } })
    expect(regionScope(actorWith('NATIONAL_ADMIN'), 'dashboard:regional')).toEqual({})
  })
})

describe('reviewers', () => {
  it('are assigned validators, the regional lead of the region and national roles, never the service', () => {
    expect(isReviewer(actorWith('VALIDATOR'), inReach)).toBe(true)
    expect(isReviewer(actorWith('VALIDATOR'), outOfReach)).toBe(false)
    expect(isReviewer(actorWith('REGIONAL_LEAD'), inReach)).toBe(true)
    expect(isReviewer(actorWith('REGIONAL_LEAD'), outOfReach)).toBe(false)
    expect(isReviewer(actorWith('NATIONAL_VIEWER'), outOfReach)).toBe(true)
    expect(isReviewer(actorWith('SERVICE_LEAD'), inReach)).toBe(false)
    expect(isReviewer(actorWith('EXECUTIVE_SPONSOR'), inReach)).toBe(false)
  })
})
