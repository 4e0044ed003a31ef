// Re-authentication (issue 12, finding 8): a session whose password was typed long ago is asked for
// it again before a sensitive action, then goes back to the page; with and without JavaScript.
import { run } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'
import { DEMO_PASSWORD } from './paths'

const EMAIL = 'noroles.test@demo.nhs.uk'

/** The password was typed 13 hours ago (beyond the browser tests' REAUTHENTICATE_AFTER_MINUTES). */
async function passwordTypedLongAgo() {
  const long = new Date(Date.now() - 13 * 60 * 60 * 1000).toISOString().replace('Z', '+00:00')
  await run('UPDATE Session SET authenticatedAt = ? WHERE userId = (SELECT id FROM User WHERE email = ?)', [
    long,
    EMAIL,
  ])
}

test('changing the password asks for the password again first, then carries on', async ({ page }) => {
  await signIn(page, EMAIL)
  await passwordTypedLongAgo()
  await page.goto('/account')
  await page.getByRole('link', { name: /Change.*password/ }).click()
  await expect(page).toHaveURL(/\/account\/confirm-password\?redirectTo=%2Faccount%2Fpassword$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your password')
  await expectAccessible(page)
  await page.getByLabel('Password', { exact: true }).fill('not-my-password')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: 'Your password is not correct' })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')
  await expectAccessible(page)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL(/\/account\/password$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change your password')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('confirming the password works', async ({ page }) => {
    await signIn(page, EMAIL)
    await passwordTypedLongAgo()
    await page.goto('/account/password')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your password')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('alert').getByRole('link', { name: 'Enter your password' })).toBeVisible()
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change your password')
  })
})
