import { describe, expect, it } from 'vitest'
import { grantHasValidScope, isRole, ROLE_LABELS, ROLES } from './roles'

describe('roles', () => {
  it('labels every role', () => {
    for (const role of ROLES) expect(ROLE_LABELS[role]).toMatch(/^[A-Z][a-z]/)
    expect(isRole('SERVICE_LEAD')).toBe(true)
    expect(isRole('SUPERUSER')).toBe(false)
  })

  it('requires exactly the scope a role is held in', () => {
    const none = { libraryServiceId: null, organisationId: null, regionId: null }
    expect(grantHasValidScope({ role: 'SERVICE_LEAD', ...none, libraryServiceId: 's' })).toBe(true)
    expect(grantHasValidScope({ role: 'SERVICE_LEAD', ...none })).toBe(false)
    expect(grantHasValidScope({ role: 'SERVICE_LEAD', ...none, libraryServiceId: 's', regionId: 'r' })).toBe(false)
    expect(grantHasValidScope({ role: 'EXECUTIVE_SPONSOR', ...none, organisationId: 'o' })).toBe(true)
    expect(grantHasValidScope({ role: 'REGIONAL_LEAD', ...none, regionId: 'r' })).toBe(true)
    expect(grantHasValidScope({ role: 'NATIONAL_ADMIN', ...none })).toBe(true)
    expect(grantHasValidScope({ role: 'NATIONAL_VIEWER', ...none, regionId: 'r' })).toBe(false)
  })
})
