import { expect, expectAccessible, signIn, test } from './fixtures'

// WCAG 2.4.2: the title says what the page is, error pages included, and a form with errors says
// so first ("Error: "), as the NHS and GOV.UK patterns do.

test('404 and 403 pages have titles that say so', async ({ page }) => {
  const missing = await page.goto('/no-such-page')
  expect(missing?.status()).toBe(404)
  await expect(page).toHaveTitle('Page not found – LKS Quality Portal')

  await signIn(page, 'noroles.test@demo.nhs.uk')
  const refused = await page.goto('/framework')
  expect(refused?.status()).toBe(403)
  await expect(page).toHaveTitle('You do not have permission to view this page – LKS Quality Portal')
  await expectAccessible(page)
})

test('an error page reached without reloading is titled as such, and the title recovers', async ({ page }) => {
  await signIn(page, 'admin@demo.nhs.uk')
  await page.goto('/admin')
  await expect(page).toHaveTitle('Administration - LKS Quality Portal')
  // A client-side navigation (as a Remix link makes) renders the error boundary in place.
  await page.evaluate(() =>
    (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate(
      '/submissions/not-a-real-id',
    ),
  )
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await expect(page).toHaveTitle('Page not found – LKS Quality Portal')
  await page.getByRole('link', { name: 'Go to the home page' }).click()
  await expect(page).toHaveURL('/')
  await expect(page).toHaveTitle('Home - LKS Quality Portal')
})

for (const javaScriptEnabled of [true, false]) {
  test.describe(`a form with errors, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, () => {
    test.use({ javaScriptEnabled })

    test('prefixes the title with "Error: " until the errors are put right', async ({ page }) => {
      await signIn(page, 'admin@demo.nhs.uk')
      await page.goto('/admin/organisations/new')
      await expect(page).toHaveTitle('Add an organisation - Administration - LKS Quality Portal')
      await page.getByRole('button', { name: 'Save organisation' }).click()
      await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible()
      await expect(page).toHaveTitle('Error: Add an organisation - Administration - LKS Quality Portal')
      // axe runs in the page, so only with JavaScript.
      if (javaScriptEnabled) await expectAccessible(page)
    })
  })
}
