// Who may do what, where: the one source of truth (domain.md §4). `can()` answers for the UI,
// `requirePermission()` enforces on the server, and `submissionScope()` turns the same matrix into
// the Prisma filter every submission query uses, so a list can never show what a page would refuse.
import type { Role, RoleGrant } from './roles'

export const ACTIONS = [
  'framework:view',
  'framework:manage',
  'cycle:view',
  'cycle:manage',
  'organisation:view',
  'organisation:manage',
  'user:manage',
  'team:invite',
  'submission:view',
  'submission:start',
  'submission:edit',
  'evidence:manage',
  'submission:send-for-sign-off',
  'submission:sign-off',
  'submission:submit',
  'clarification:answer',
  'validation:assign',
  'validation:grade',
  'clarification:ask',
  'validation:moderate',
  'result:publish',
  'result:reopen',
  'result:view',
  'development-plan:edit',
  'development-plan:view',
  'audit:view',
  'report:reviewer-pack',
  'report:outcome',
  'dashboard:regional',
  'dashboard:national',
  'sip:view',
  'sip:edit',
  'sip:send-for-sign-off',
  'sip:sign-off',
  'sip:submit',
  'sip:assign-reviewer',
  'sip:review',
  'sip:confirm-review',
  'sip:request-interim',
  'mapping:manage',
  'report:published-summary',
  'settings:manage',
] as const
export type Action = (typeof ACTIONS)[number]

/**
 * How far a role's permission reaches:
 * - service: records of the library service the role is held in
 * - organisation: records of the organisation the role is held in
 * - region: records of the region the role is held in
 * - assigned: submissions the user is assigned to validate
 * - everywhere: every record
 */
export type Reach = 'service' | 'organisation' | 'region' | 'assigned' | 'everywhere'

const SERVICE_TEAM = {
  'framework:view': 'everywhere',
  'cycle:view': 'everywhere',
  'organisation:view': 'service',
  'submission:view': 'service',
  'submission:start': 'service',
  'submission:edit': 'service',
  'evidence:manage': 'service',
  'clarification:answer': 'service',
  'result:view': 'service',
  'development-plan:edit': 'service',
  'development-plan:view': 'service',
  'report:outcome': 'service',
  'sip:view': 'service',
  'sip:edit': 'service',
} as const satisfies Partial<Record<Action, Reach>>

const NATIONAL_READ = {
  'framework:view': 'everywhere',
  'cycle:view': 'everywhere',
  'organisation:view': 'everywhere',
  'submission:view': 'everywhere',
  'result:view': 'everywhere',
  'development-plan:view': 'everywhere',
  'report:reviewer-pack': 'everywhere',
  'report:outcome': 'everywhere',
  'dashboard:regional': 'everywhere',
  'dashboard:national': 'everywhere',
  'report:published-summary': 'everywhere',
  'sip:view': 'everywhere',
} as const satisfies Partial<Record<Action, Reach>>

export const PERMISSIONS: Record<Role, Partial<Record<Action, Reach>>> = {
  SERVICE_CONTRIBUTOR: SERVICE_TEAM,
  SERVICE_LEAD: {
    ...SERVICE_TEAM,
    'team:invite': 'service',
    'submission:send-for-sign-off': 'service',
    'submission:submit': 'service',
    'report:reviewer-pack': 'service',
    'sip:send-for-sign-off': 'service',
    'sip:submit': 'service',
  },
  EXECUTIVE_SPONSOR: {
    'framework:view': 'everywhere',
    'cycle:view': 'everywhere',
    'organisation:view': 'organisation',
    'submission:view': 'organisation',
    'submission:sign-off': 'organisation',
    'result:view': 'organisation',
    'development-plan:view': 'organisation',
    'report:outcome': 'organisation',
    'sip:view': 'organisation',
    'sip:sign-off': 'organisation',
  },
  VALIDATOR: {
    'framework:view': 'everywhere',
    'cycle:view': 'everywhere',
    'submission:view': 'assigned',
    'validation:grade': 'assigned',
    'clarification:ask': 'assigned',
    'result:view': 'assigned',
    'report:reviewer-pack': 'assigned',
    'sip:view': 'assigned',
    'sip:review': 'assigned',
  },
  REGIONAL_LEAD: {
    'framework:view': 'everywhere',
    'cycle:view': 'everywhere',
    'organisation:view': 'region',
    'submission:view': 'region',
    'validation:assign': 'region',
    'validation:moderate': 'region',
    'result:publish': 'region',
    'result:reopen': 'region',
    'result:view': 'region',
    'development-plan:view': 'region',
    'audit:view': 'region',
    'report:reviewer-pack': 'region',
    'report:outcome': 'region',
    'dashboard:regional': 'region',
    // The national summary as published (small numbers suppressed, no organisation listed): to set
    // the region beside the nation. The national dashboard itself stays with the national roles.
    'report:published-summary': 'everywhere',
    'sip:view': 'region',
    'sip:assign-reviewer': 'region',
    'sip:confirm-review': 'region',
    'sip:request-interim': 'region',
  },
  NATIONAL_ADMIN: {
    ...NATIONAL_READ,
    'framework:manage': 'everywhere',
    'cycle:manage': 'everywhere',
    'organisation:manage': 'everywhere',
    'user:manage': 'everywhere',
    'team:invite': 'everywhere',
    'validation:assign': 'everywhere',
    'audit:view': 'everywhere',
    'sip:assign-reviewer': 'everywhere',
    'mapping:manage': 'everywhere',
    // The portal's contact details, including where vulnerability reports go (issue 16, item 9).
    'settings:manage': 'everywhere',
  },
  NATIONAL_VIEWER: NATIONAL_READ,
}

/** The user as the permission rules see them. */
export type Actor = { id: string; grants: readonly RoleGrant[] }

/**
 * Where a record sits. Omit a field the record does not have; an empty target means a record
 * with no place (the framework, say), which only an 'everywhere' reach can touch.
 */
export type Target = {
  libraryServiceIds?: readonly string[]
  organisationId?: string
  regionId?: string
  assignedValidatorIds?: readonly string[]
}

function grantReaches(actor: Actor, grant: RoleGrant, reach: Reach, target: Target): boolean {
  switch (reach) {
    case 'everywhere':
      return true
    case 'service':
      return grant.libraryServiceId !== null && (target.libraryServiceIds ?? []).includes(grant.libraryServiceId)
    case 'organisation':
      return grant.organisationId !== null && target.organisationId === grant.organisationId
    case 'region':
      return grant.regionId !== null && target.regionId === grant.regionId
    case 'assigned':
      return (target.assignedValidatorIds ?? []).includes(actor.id)
  }
}

export function can(actor: Actor | null | undefined, action: Action, target: Target = {}): boolean {
  if (!actor) return false
  return actor.grants.some((grant) => {
    const reach = PERMISSIONS[grant.role][action]
    return reach !== undefined && grantReaches(actor, grant, reach, target)
  })
}

/** A reviewer of a submission: an assigned validator, the regional lead of its region, or a national role. */
export function isReviewer(actor: Actor | null | undefined, target: Target): boolean {
  return (
    can(actor, 'validation:grade', target) ||
    can(actor, 'validation:moderate', target) ||
    can(actor, 'dashboard:national', target)
  )
}

/** Whether the user holds the action anywhere at all (for navigation and home pages). */
export function canSomewhere(actor: Actor | null | undefined, action: Action): boolean {
  if (!actor) return false
  return actor.grants.some((grant) => PERMISSIONS[grant.role][action] !== undefined)
}

export class PermissionDenied extends Response {
  constructor() {
    super('You do not have permission to do this', {
      status: 403,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
}

/** Throws a 403 response unless the user may perform the action on the target. */
export function requirePermission(actor: Actor, action: Action, target: Target = {}): void {
  if (!can(actor, action, target)) throw new PermissionDenied()
}

/** Everything a user's grants reach with one action, gathered from the matrix. */
export type ReachSet = {
  everywhere: boolean
  serviceIds: string[]
  organisationIds: string[]
  regionIds: string[]
  assigned: boolean
}

export function reachOf(actor: Actor, action: Action): ReachSet {
  const services = new Set<string>()
  const organisations = new Set<string>()
  const regions = new Set<string>()
  let everywhere = false
  let assigned = false
  for (const grant of actor.grants) {
    const reach = PERMISSIONS[grant.role][action]
    if (reach === 'everywhere') everywhere = true
    if (reach === 'service' && grant.libraryServiceId) services.add(grant.libraryServiceId)
    if (reach === 'organisation' && grant.organisationId) organisations.add(grant.organisationId)
    if (reach === 'region' && grant.regionId) regions.add(grant.regionId)
    if (reach === 'assigned') assigned = true
  }
  return {
    everywhere,
    serviceIds: [...services],
    organisationIds: [...organisations],
    regionIds: [...regions],
    assigned,
  }
}

// Prisma filters built from the same matrix. An empty OR matches nothing in Prisma, so a user
// without the action reaches no record.

type SubmissionCondition =
  | { libraryServiceId: { in: string[] } }
  | { organisationId: { in: string[] } }
  | { regionId: { in: string[] } }
  | { validatorAssignments: { some: { validatorId: string } } }

/** The `where` for submissions the user may reach with the action. */
export function submissionScope(actor: Actor, action: Action): { OR?: SubmissionCondition[] } {
  const reach = reachOf(actor, action)
  if (reach.everywhere) return {}
  const or: SubmissionCondition[] = []
  if (reach.serviceIds.length) or.push({ libraryServiceId: { in: reach.serviceIds } })
  if (reach.organisationIds.length) or.push({ organisationId: { in: reach.organisationIds } })
  if (reach.regionIds.length) or.push({ regionId: { in: reach.regionIds } })
  if (reach.assigned) or.push({ validatorAssignments: { some: { validatorId: actor.id } } })
  return { OR: or }
}

type OrganisationCondition =
  | { services: { some: { libraryServiceId: { in: string[] } } } }
  | { id: { in: string[] } }
  | { regionId: { in: string[] } }
  | { submissions: { some: { validatorAssignments: { some: { validatorId: string } } } } }

/** The `where` for organisations the user may reach with the action. */
export function organisationScope(actor: Actor, action: Action): { OR?: OrganisationCondition[] } {
  const reach = reachOf(actor, action)
  if (reach.everywhere) return {}
  const or: OrganisationCondition[] = []
  if (reach.serviceIds.length) or.push({ services: { some: { libraryServiceId: { in: reach.serviceIds } } } })
  if (reach.organisationIds.length) or.push({ id: { in: reach.organisationIds } })
  if (reach.regionIds.length) or.push({ regionId: { in: reach.regionIds } })
  if (reach.assigned) or.push({ submissions: { some: { validatorAssignments: { some: { validatorId: actor.id } } } } })
  return { OR: or }
}

/** The `where` for regions the user may reach with the action (region-wide or national reach only). */
export function regionScope(actor: Actor, action: Action): { id?: { in: string[] } } {
  const reach = reachOf(actor, action)
  if (reach.everywhere) return {}
  return { id: { in: reach.regionIds } }
}

type PlanCondition =
  | { libraryServiceId: { in: string[] } }
  | { organisationId: { in: string[] } }
  | { regionId: { in: string[] } }
  | { reviewerId: string }

/** The `where` for Service Improvement Plans the user may reach with the action (the reviewer is "assigned"). */
export function planScope(actor: Actor, action: Action): { OR?: PlanCondition[] } {
  const reach = reachOf(actor, action)
  if (reach.everywhere) return {}
  const or: PlanCondition[] = []
  if (reach.serviceIds.length) or.push({ libraryServiceId: { in: reach.serviceIds } })
  if (reach.organisationIds.length) or.push({ organisationId: { in: reach.organisationIds } })
  if (reach.regionIds.length) or.push({ regionId: { in: reach.regionIds } })
  if (reach.assigned) or.push({ reviewerId: actor.id })
  return { OR: or }
}
