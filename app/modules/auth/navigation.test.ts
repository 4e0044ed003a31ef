import { describe, expect, it } from 'vitest'
import { navigationFor } from './navigation'

const none = { libraryServiceId: null, organisationId: null, regionId: null }

describe('header navigation', () => {
  it('links a service member to their evidence library', () => {
    expect(navigationFor({ id: 'u', grants: [{ role: 'SERVICE_CONTRIBUTOR', ...none, libraryServiceId: 's1' }] })).toEqual([
      { href: '/', text: 'Home' },
      { href: '/services/s1/evidence', text: 'Evidence library' },
      { href: '/framework', text: 'Framework' },
    ])
  })

  it('gives other roles home and the framework, and a user without roles only home', () => {
    expect(navigationFor({ id: 'u', grants: [{ role: 'NATIONAL_VIEWER', ...none }] }).map((i) => i.text)).toEqual(['Home', 'Framework'])
    expect(navigationFor({ id: 'u', grants: [] }).map((i) => i.text)).toEqual(['Home'])
  })

  it('gives a validator their queue', () => {
    expect(navigationFor({ id: 'u', grants: [{ role: 'VALIDATOR', ...none, regionId: 'r1' }] }).map((i) => i.text)).toEqual(['Home', 'Validation', 'Framework'])
  })

  it('leaves the library out of the header for a member of several services', () => {
    const grants = ['s1', 's2'].map((id) => ({ role: 'SERVICE_LEAD' as const, ...none, libraryServiceId: id }))
    expect(navigationFor({ id: 'u', grants }).map((i) => i.text)).toEqual(['Home', 'Framework'])
  })
})
