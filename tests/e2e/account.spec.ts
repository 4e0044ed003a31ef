import { expect, expectAccessible, signIn, test } from './fixtures'
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

  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn(page, 'password.test@demo.nhs.uk', 'a-long-new-password')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Test Account')
})
