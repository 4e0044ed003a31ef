import { expect, expectAccessible, test } from './fixtures'

// The footer of every page leads to the accessibility statement, privacy notice, cookies page and
// glossary; each reads without signing in.

test('the accessibility statement follows the model statement and names every known failure', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click()
  await expect(page).toHaveTitle('Accessibility statement – LKS Quality Portal')
  const main = page.getByRole('main')
  for (const heading of [
    'How accessible this website is',
    'Feedback and contact information',
    'Reporting accessibility problems with this website',
    'Enforcement procedure',
    'Compliance status',
    'Non-accessible content',
    'Preparation of this accessibility statement',
  ]) {
    await expect(main.getByRole('heading', { name: heading })).toBeVisible()
  }
  // Issue 16: no known failure is left, so the statement lists none and says when each was fixed.
  await expect(main).toContainText('fully compliant')
  await expect(main.getByRole('link', { name: /Equality Advisory and Support Service/ })).toBeVisible()
  await expect(main.getByRole('link', { name: 'lks.quality@example.nhs.uk' }).first()).toBeVisible()
  await expect(main).toContainText('in 5 working days')
  await expect(main).toContainText('fixed on 2 December 2026')
  await expect(main).not.toContainText('We plan to')
  await expect(main).toContainText('pa11y')
  // The pa11y run of 2 December 2026: PAGES_PER_ROLE=30 npm run a11y:pa11y, 218 pages, 0 errors.
  await expect(main).toContainText('checked 218 pages (8 public pages and 30 pages of each role) and found no errors')
  // The pages added on 2 December 2026 were checked by hand at 320 pixels and without JavaScript.
  await expect(main).toContainText('at 320 pixels wide and with JavaScript turned off, the pages added that day')
  // Reflow at 320 pixels was fixed on 2 December 2026 (tests/e2e/header-reflow.spec.ts).
  await expect(main).not.toContainText('1.4.10')
  // and is checked in each release over every role's pages (tests/e2e/page-reflow.spec.ts).
  await expect(main).toContainText(
    'at 320 pixels wide, with and without JavaScript, and checks that none scrolls sideways',
  )
  await expect(main).toContainText('prepared on 2 December 2026')
  await expectAccessible(page)
})

test('the privacy notice, cookies page and glossary are linked from the footer', async ({ page }) => {
  await page.goto('/sign-in')
  const footer = page.getByRole('contentinfo')
  await footer.getByRole('link', { name: 'Privacy notice' }).click()
  await expect(page).toHaveTitle('Privacy notice – LKS Quality Portal')
  const main = page.getByRole('main')
  await expect(main).toContainText('IP address')
  await expect(main.getByRole('heading', { name: 'How long we keep it' })).toBeVisible()
  await expect(main.getByRole('heading', { name: 'Your rights' })).toBeVisible()
  await expect(main).toContainText('UK GDPR')
  await expectAccessible(page)

  await footer.getByRole('link', { name: 'Cookies' }).click()
  await expect(page).toHaveTitle('Cookies – LKS Quality Portal')
  const table = page.getByRole('table', { name: 'Cookies the portal sets' })
  await expect(table).toContainText('lks_session')
  await expect(table).toContainText('lks_flash')
  await expect(page.getByRole('main')).toContainText('does not set analytics cookies')
  await expectAccessible(page)

  await footer.getByRole('link', { name: 'Glossary' }).click()
  await expect(page).toHaveTitle('Glossary – LKS Quality Portal')
  for (const term of ['LKS', 'ODS code', 'WTE', 'Agreed grade']) {
    await expect(page.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible()
  }
  await expectAccessible(page)
})
