import { describe, expect, it } from 'vitest'
import { navigationFor } from './navigation'

const none = { libraryServiceId: null, organisationId: null, regionId: null }

describe('header navigation', () => {
  it('links a service member to their evidence library', () => {
    expect(
      navigationFor({ id: 'u', grants: [{ role: 'SERVICE_CONTRIBUTOR', ...none, libraryServiceId: 's1' }] }),
    ).toEqual([
      { href: '/', text: 'Home' },
      { href: '/services/s1/evidence', text: 'Evidence library' },
      { href: '/improvement', text: 'Service improvement' },
      { href: '/framework', text: 'Framework' },
    ])
  })

  it('gives a sponsor home and the framework, and a user without roles only home', () => {
    expect(
      navigationFor({ id: 'u', grants: [{ role: 'EXECUTIVE_SPONSOR', ...none, organisationId: 'o1' }] }).map(
        (i) => i.text,
      ),
    ).toEqual(['Home', 'Service improvement', 'Framework'])
    expect(navigationFor({ id: 'u', grants: [] }).map((i) => i.text)).toEqual(['Home'])
  })

  it('gives national roles the national dashboard and a regional lead their region’s', () => {
    for (const role of ['NATIONAL_VIEWER', 'NATIONAL_ADMIN'] as const) {
      expect(navigationFor({ id: 'u', grants: [{ role, ...none }] })).toContainEqual({
        href: '/dashboards/national',
        text: 'Dashboards',
      })
    }
    const lead = navigationFor({ id: 'u', grants: [{ role: 'REGIONAL_LEAD', ...none, regionId: 'r1' }] })
    expect(lead).toContainEqual({ href: '/dashboards/regional', text: 'Dashboard' })
    expect(lead.map((i) => i.href)).not.toContain('/dashboards/national')
  })

  it('gives a national admin the administration area, and nobody else', () => {
    expect(navigationFor({ id: 'u', grants: [{ role: 'NATIONAL_ADMIN', ...none }] })).toContainEqual({
      href: '/admin',
      text: 'Admin',
    })
    for (const role of ['NATIONAL_VIEWER', 'REGIONAL_LEAD', 'VALIDATOR', 'SERVICE_LEAD'] as const) {
      expect(
        navigationFor({ id: 'u', grants: [{ role, ...none, regionId: 'r1', libraryServiceId: 's1' }] }).map(
          (i) => i.href,
        ),
      ).not.toContain('/admin')
    }
  })

  it('gives a validator their queue', () => {
    expect(
      navigationFor({ id: 'u', grants: [{ role: 'VALIDATOR', ...none, regionId: 'r1' }] }).map((i) => i.text),
    ).toEqual(['Home', 'Validation', 'Service improvement', 'Framework'])
  })

  it('leaves the library out of the header for a member of several services', () => {
    const grants = ['s1', 's2'].map((id) => ({ role: 'SERVICE_LEAD' as const, ...none, libraryServiceId: id }))
    expect(navigationFor({ id: 'u', grants }).map((i) => i.text)).toEqual(['Home', 'Service improvement', 'Framework'])
  })
})
