// Every administration page a national admin can open, and the public password-reset pages, load
// without console errors and pass axe (WCAG 2.2 AA). Read-only: nothing is submitted, so the
// journeys that follow see the demo data as seeded. (admin.spec.ts walks the journeys themselves.)
import { expect, expectAccessible, signIn, test } from './fixtures'
import { libraryServiceId, one, organisationId } from './db'

test('each administration page passes axe', async ({ page }) => {
  await signIn(page, 'admin@demo.nhs.uk')
  const cycleId = await one('SELECT id FROM Cycle WHERE name = ?', ['2026/27'])
  const zoeId = await one('SELECT id FROM User WHERE email = ?', ['lead@demo.nhs.uk'])
  const pages: Array<[string, string]> = [
    ['/admin', 'Administration'],
    ['/admin/editions', 'Framework editions'],
    ['/admin/editions/2022', 'Second edition (2022)'],
    ['/admin/editions/2022/outcomes/1', 'Outcome 1'],
    ['/admin/editions/import', 'Import an edition'],
    ['/admin/cycles', 'Cycles'],
    ['/admin/cycles/new', 'Create a cycle'],
    [`/admin/cycles/${cycleId}`, '2026/27'],
    [`/admin/cycles/${cycleId}/edit`, 'Edit details'],
    [`/admin/cycles/${cycleId}/participants`, 'Organisations taking part'],
    ['/admin/organisations', 'Organisations'],
    ['/admin/organisations/new', 'Add an organisation'],
    [`/admin/organisations/${await organisationId('RXV')}/edit`, 'Edit'],
    ['/admin/organisations/import', 'Import organisations from a CSV file'],
    ['/admin/services', 'Library services'],
    ['/admin/services/new', 'Add a library service'],
    [
      `/admin/services/${await libraryServiceId('Ribble Valley Library and Knowledge Service')}`,
      'Ribble Valley Library and Knowledge Service',
    ],
    ['/admin/users', 'People'],
    ['/admin/users/invite', 'Invite someone'],
    [`/admin/users/${zoeId}`, 'Zoë Hartley'],
    ['/admin/mail', 'Email sent'],
    ['/admin/audit', 'Audit log'],
  ]
  for (const [url, heading] of pages) {
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }), url).toContainText(heading)
    await expectAccessible(page)
  }
})

test('the password reset pages pass axe, signed out', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Forgotten your password?' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password')
  await expectAccessible(page)
  await page.goto('/password-reset/not-a-real-token')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('not valid')
  await expectAccessible(page)
})
