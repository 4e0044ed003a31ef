// Two-step verification (issue 12) in the browser: a national admin sets it up before reaching any
// page (QR code and key, a code, ten recovery codes), signs in again with a recovery code, and an
// admin resets someone's second factor, and a person makes new recovery codes; with and without
// JavaScript, each page checked with axe.
import { generate } from 'otplib'
import { one } from './db'
import { demoCode, expect, expectAccessible, signIn, submitSignIn, test } from './fixtures'
import { DEMO_PASSWORD } from './paths'

/** Sets up two-step verification from the set-up page; the recovery codes and the key it showed. */
async function setUpTwoStep(page: import('@playwright/test').Page, email: string, { axe = true } = {}) {
  await submitSignIn(page, email, DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/account\/two-step\/set-up$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up two-step verification')
  // Nothing else can be reached first.
  await page.goto('/admin/users')
  await expect(page).toHaveURL(/\/account\/two-step\/set-up\?redirectTo=%2Fadmin%2Fusers$/)
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible()
  if (axe) await expectAccessible(page)

  await page.getByLabel('Security code').fill('12345')
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click()
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Enter the 6-digit code from your authenticator app' }),
  ).toBeVisible()
  const key = (await page.getByTestId('setup-key').textContent())!.replace(/\s/g, '')
  await page.getByLabel('Security code').fill(await generate({ secret: key }))
  await page.getByRole('button', { name: 'Turn on two-step verification' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Two-step verification is set up')
  const codes = (await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents()).map((c) => c.trim())
  expect(codes).toHaveLength(10)
  if (axe) await expectAccessible(page)
  await page.getByRole('link', { name: 'Continue' }).click()
  await expect(page).toHaveURL(/\/admin\/users$/)
  return { codes, key }
}

test('a national admin sets up two-step verification before anything else, then signs in with a recovery code', async ({
  page,
}) => {
  const email = 'twostep.new@demo.nhs.uk'
  const { codes } = await setUpTwoStep(page, email)
  await page.goto('/account')
  await expect(page.getByText('On (10 recovery codes left)')).toBeVisible()
  // The role requires it, so it cannot be turned off.
  await expect(page.getByRole('link', { name: /Turn off/ })).toHaveCount(0)

  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await submitSignIn(page, email, DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/sign-in\/two-step$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter your security code')
  await expectAccessible(page)
  await page.getByLabel('Security code').fill('000000')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toContainText('not correct or has already been used')
  await expectAccessible(page)
  await page.getByLabel('Security code').fill(codes[0]!)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByText('You have 9 recovery codes left')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/)

  // A recovery code works once.
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await submitSignIn(page, email, DEMO_PASSWORD)
  await page.getByLabel('Security code').fill(codes[0]!)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toContainText('not correct or has already been used')
})

test('an admin resets a person’s two-step verification, and they set it up again at their next sign-in', async ({
  page,
  browser,
}) => {
  const email = 'twostep.reset@demo.nhs.uk'
  const person = await browser.newContext()
  const personPage = await person.newPage()
  await signIn(personPage, email)
  await expect(personPage.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/)

  await signIn(page, 'admin@demo.nhs.uk')
  await page.goto(`/admin/users/${await one('SELECT id FROM User WHERE email = ?', [email])}`)
  await expect(page.getByText('Set up', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Reset two-step verification' }).click()
  await expect(page.getByText('Two-step verification reset')).toBeVisible()
  await expect(page.getByText('Not set up', { exact: true })).toBeVisible()
  await expectAccessible(page)
  await page.goto('/admin/audit')
  await expect(page.getByRole('main')).toContainText('auth.two_step_reset')

  // Their session has ended; the next sign-in goes to set-up.
  await personPage.goto('/account')
  await expect(personPage).toHaveURL(/\/sign-in\?redirectTo=%2Faccount&reason=ended$/)
  await submitSignIn(personPage, email, DEMO_PASSWORD)
  await expect(personPage).toHaveURL(/\/account\/two-step\/set-up$/)
  await person.close()
})

test('the demo admin signs in with the demo key’s code, and a code works only once', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await submitSignIn(page, 'regional.lead@demo.nhs.uk', DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/sign-in\/two-step$/)
  const code = await demoCode('regional.lead@demo.nhs.uk')
  await page.getByLabel('Security code').fill(code)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/)

  const again = await browser.newContext()
  const second = await again.newPage()
  await submitSignIn(second, 'regional.lead@demo.nhs.uk', DEMO_PASSWORD)
  await second.getByLabel('Security code').fill(code)
  await second.getByRole('button', { name: 'Continue' }).click()
  await expect(second.getByRole('alert')).toContainText('not correct or has already been used')
  await context.close()
  await again.close()
})

const CODES_EMAIL = 'twostep.codes@demo.nhs.uk'

/** Makes new recovery codes from the account page; returns them. */
async function makeNewRecoveryCodes(page: import('@playwright/test').Page, { axe = true } = {}) {
  await page.goto('/account')
  await page.getByRole('link', { name: 'Make new recovery codes' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make new recovery codes')
  if (axe) await expectAccessible(page)
  await page.getByRole('button', { name: 'Make new recovery codes' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have new recovery codes')
  const codes = (await page.getByTestId('recovery-codes').getByRole('listitem').allTextContents()).map((c) => c.trim())
  expect(codes).toHaveLength(10)
  if (axe) await expectAccessible(page)
  return codes
}

async function signInWithCode(page: import('@playwright/test').Page, code: string) {
  await submitSignIn(page, CODES_EMAIL, DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/sign-in\/two-step$/)
  await page.getByLabel('Security code').fill(code)
  await page.getByRole('button', { name: 'Continue' }).click()
}

test('a person makes new recovery codes from their account; the old ones stop working', async ({ page }) => {
  await submitSignIn(page, CODES_EMAIL, DEMO_PASSWORD)
  await page.getByLabel('Security code').fill(await demoCode(CODES_EMAIL))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/)
  const first = await makeNewRecoveryCodes(page)
  const second = await makeNewRecoveryCodes(page, { axe: false })
  await page.getByRole('link', { name: 'Continue' }).click()
  await expect(page.getByText('10 left')).toBeVisible()

  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  await signInWithCode(page, first[0]!)
  await expect(page.getByRole('alert')).toContainText('not correct or has already been used')
  await page.getByLabel('Security code').fill(second[0]!)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByText('You have 9 recovery codes left')).toBeVisible()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('making new recovery codes works', async ({ page }) => {
    await submitSignIn(page, CODES_EMAIL, DEMO_PASSWORD)
    await page.getByLabel('Security code').fill(await demoCode(CODES_EMAIL))
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/)
    const codes = await makeNewRecoveryCodes(page, { axe: false })
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await signInWithCode(page, codes[3]!)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/)
  })

  test('setting up two-step verification and signing in with a code work', async ({ page }) => {
    const email = 'twostep.nojs@demo.nhs.uk'
    const { key } = await setUpTwoStep(page, email, { axe: false })
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await submitSignIn(page, email, DEMO_PASSWORD)
    await expect(page).toHaveURL(/\/sign-in\/two-step$/)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('alert').getByRole('link', { name: 'Enter the security code' })).toBeVisible()
    // The code from set-up has been used: the next one lets them in.
    await page
      .getByLabel('Security code')
      .fill(await generate({ secret: key, epoch: Math.floor(Date.now() / 1000) + 30 }))
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/)
  })
})
