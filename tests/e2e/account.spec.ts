import { expect, expectAccessible, signIn, test } from './fixtures'
import { run } from './db'
import { DEMO_PASSWORD } from './paths'

test('a user changes their password, with errors explained and nothing lost', async ({ page }) => {
  await signIn(page, 'password.test@demo.nhs.uk')
  await page.goto('/account/password')
  await expectAccessible(page)

  await page.getByLabel('Current password').fill(DEMO_PASSWORD)
  await page.getByLabel('New password', { exact: true }).fill('a-long-new-password')
  await page.getByLabel('Confirm new password').fill('something-else')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: 'Passwords do not match' })).toBeVisible()
  await expectAccessible(page)

  await page.getByLabel('Current password').fill('not-my-password')
  await page.getByLabel('New password', { exact: true }).fill('a-long-new-password')
  await page.getByLabel('Confirm new password').fill('a-long-new-password')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Your current password is not correct' }),
  ).toBeVisible()

  await page.getByLabel('Current password').fill(DEMO_PASSWORD)
  await page.getByLabel('New password', { exact: true }).fill('a-long-new-password')
  await page.getByLabel('Confirm new password').fill('a-long-new-password')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Your password has been changed')).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await signIn(page, 'password.test@demo.nhs.uk', 'a-long-new-password')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Test Account')
})

test('a person signed in on two browsers signs out of the other one from their account', async ({ page, browser }) => {
  const email = 'noroles.test@demo.nhs.uk'
  // Earlier specs sign this account in too: start from no session, so the count below is this test's own.
  await run('DELETE FROM Session WHERE userId = (SELECT id FROM User WHERE email = ?)', [email])
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await signIn(otherPage, email)
  await signIn(page, email)
  await page.goto('/account')
  await expect(page.getByText('You are also signed in on 1 other browser or device.')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Sign out everywhere else' }).click()
  const banner = page.getByRole('alert', { name: 'Success' })
  await expect(banner).toContainText('You have been signed out everywhere else')
  await expect(banner).toContainText('1 other session ended.')
  await expect(page.getByText('You are not signed in on any other browser or device.')).toBeVisible()
  await expectAccessible(page)

  await otherPage.goto('/account')
  await expect(otherPage).toHaveURL(/\/sign-in/)
  await other.close()
})
