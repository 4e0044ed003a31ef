// Every administration page a national admin can open, and the public password-reset pages, load
// without console errors and pass axe (WCAG 2.2 AA). Read-only: nothing is submitted, so the
// journeys that follow see the demo data as seeded. (admin.spec.ts walks the journeys themselves.)
import { expect, expectAccessible, signIn, test } from './fixtures'
import { libraryServiceId, one, organisationId } from './db'

// One test per page, so a slow page on a busy machine never runs the whole sweep out of time.
const cycleId = () => one('SELECT id FROM Cycle WHERE name = ?', ['2026/27'])
const zoeId = () => one('SELECT id FROM User WHERE email = ?', ['lead@demo.nhs.uk'])
const pages: Array<[string, () => Promise<string> | string, string]> = [
  ['admin home', () => '/admin', 'Administration'],
  ['editions', () => '/admin/editions', 'Framework editions'],
  ['an edition', () => '/admin/editions/2022', 'Second edition (2022)'],
  ['an edition outcome', () => '/admin/editions/2022/outcomes/1', 'Outcome 1'],
  ['edition outcome mapping', () => '/admin/editions/2022/mapping', 'Outcome mapping'],
  ['edition import', () => '/admin/editions/import', 'Import an edition'],
  ['cycles', () => '/admin/cycles', 'Cycles'],
  ['new cycle', () => '/admin/cycles/new', 'Create a cycle'],
  ['a cycle', async () => `/admin/cycles/${await cycleId()}`, '2026/27'],
  ['cycle details', async () => `/admin/cycles/${await cycleId()}/edit`, 'Edit details'],
  ['cycle participants', async () => `/admin/cycles/${await cycleId()}/participants`, 'Organisations taking part'],
  ['organisations', () => '/admin/organisations', 'Organisations'],
  ['new organisation', () => '/admin/organisations/new', 'Add an organisation'],
  ['edit organisation', async () => `/admin/organisations/${await organisationId('RXV')}/edit`, 'Edit'],
  ['organisation import', () => '/admin/organisations/import', 'Import organisations from a CSV file'],
  ['library services', () => '/admin/services', 'Library services'],
  ['new library service', () => '/admin/services/new', 'Add a library service'],
  [
    'a library service',
    async () => `/admin/services/${await libraryServiceId('Ribble Valley Library and Knowledge Service')}`,
    'Ribble Valley Library and Knowledge Service',
  ],
  ['people', () => '/admin/users', 'People'],
  ['invite', () => '/admin/users/invite', 'Invite someone'],
  ['a person', async () => `/admin/users/${await zoeId()}`, 'Zoë Hartley'],
  ['email sent', () => '/admin/mail', 'Email sent'],
  ['audit log', () => '/admin/audit', 'Audit log'],
  ['contact details', () => '/admin/contact-details', 'Contact details'],
]

for (const [name, urlOf, heading] of pages) {
  test(`the administration page "${name}" passes axe`, async ({ page }) => {
    await signIn(page, 'admin@demo.nhs.uk')
    const url = await urlOf()
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(200)
    await expect(page.getByRole('heading', { level: 1 }), url).toContainText(heading)
    await expectAccessible(page)
  })
}

test('the password reset pages pass axe, signed out', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Forgotten your password?' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reset your password')
  await expectAccessible(page)
  await page.goto('/password-reset/not-a-real-token')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('not valid')
  await expectAccessible(page)
})
