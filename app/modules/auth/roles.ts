// Roles and the scope each is held in (domain.md §4).
export const ROLES = [
  'SERVICE_CONTRIBUTOR',
  'SERVICE_LEAD',
  'EXECUTIVE_SPONSOR',
  'VALIDATOR',
  'REGIONAL_LEAD',
  'NATIONAL_ADMIN',
  'NATIONAL_VIEWER',
] as const
export type Role = (typeof ROLES)[number]

export const SCOPE_KINDS = ['SERVICE', 'ORGANISATION', 'REGION', 'NATIONAL'] as const
export type ScopeKind = (typeof SCOPE_KINDS)[number]

/** Which scope column a role assignment names. A validator's region is their home region. */
export const ROLE_SCOPE: Record<Role, ScopeKind> = {
  SERVICE_CONTRIBUTOR: 'SERVICE',
  SERVICE_LEAD: 'SERVICE',
  EXECUTIVE_SPONSOR: 'ORGANISATION',
  VALIDATOR: 'REGION',
  REGIONAL_LEAD: 'REGION',
  NATIONAL_ADMIN: 'NATIONAL',
  NATIONAL_VIEWER: 'NATIONAL',
}

export const ROLE_LABELS: Record<Role, string> = {
  SERVICE_CONTRIBUTOR: 'Service contributor',
  SERVICE_LEAD: 'Service lead',
  EXECUTIVE_SPONSOR: 'Executive sponsor',
  VALIDATOR: 'Validator',
  REGIONAL_LEAD: 'Regional lead',
  NATIONAL_ADMIN: 'National admin',
  NATIONAL_VIEWER: 'National viewer',
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/** One role held in one scope, as loaded for the signed-in user. */
export type RoleGrant = {
  role: Role
  libraryServiceId: string | null
  organisationId: string | null
  regionId: string | null
}

/** True when the assignment names exactly the scope column its role needs. */
export function grantHasValidScope(grant: RoleGrant): boolean {
  const set = {
    SERVICE: grant.libraryServiceId !== null,
    ORGANISATION: grant.organisationId !== null,
    REGION: grant.regionId !== null,
  }
  const kind = ROLE_SCOPE[grant.role]
  const expected = { SERVICE: kind === 'SERVICE', ORGANISATION: kind === 'ORGANISATION', REGION: kind === 'REGION' }
  return (
    set.SERVICE === expected.SERVICE && set.ORGANISATION === expected.ORGANISATION && set.REGION === expected.REGION
  )
}
