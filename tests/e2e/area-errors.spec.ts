import { expect, expectAccessible, signIn, test } from './fixtures'

// Each part of the portal has its own error boundary: the NHS-style error page, titled for what
// went wrong, inside the portal's layout (header and navigation still there), with a way back into
// that part as well as to the home page.
test('a validation that does not exist offers the validator their validations', async ({ page }) => {
  await signIn(page, 'validator@demo.nhs.uk')
  const response = await page.goto('/validation/assignments/not-a-real-assignment')
  expect(response?.status()).toBe(404)
  await expect(page).toHaveTitle('Page not found – LKS Quality Portal')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await expect(page.getByRole('navigation', { name: 'Menu' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to your validations' }).click()
  await expect(page).toHaveURL('/validation')
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Page not found')
})

test('an administration page that does not exist offers the way back to administration', async ({ page }) => {
  await signIn(page, 'admin@demo.nhs.uk')
  const response = await page.goto('/admin/users/not-a-real-user')
  expect(response?.status()).toBe(404)
  await expect(page).toHaveTitle('Page not found – LKS Quality Portal')
  await expect(page.getByRole('link', { name: 'Go to administration' })).toHaveAttribute('href', '/admin')
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible()
  await expectAccessible(page)
})

test('a dashboard someone may not see is refused in place, with the way to the dashboards', async ({ page }) => {
  await signIn(page, 'regional.lead@demo.nhs.uk')
  const response = await page.goto('/dashboards/national')
  expect(response?.status()).toBe(403)
  await expect(page).toHaveTitle('You do not have permission to view this page – LKS Quality Portal')
  await expect(page.getByRole('link', { name: 'Go to the dashboards' })).toHaveAttribute('href', '/dashboards')
})
