import { expect, expectAccessible, signIn, submitSignIn, test } from './fixtures'
import { DEMO_PASSWORD } from './paths'

// Each demo account, and what its home page must show from the demo data.
const ACCOUNTS = [
  {
    email: 'contributor@demo.nhs.uk',
    name: 'Sam Okafor',
    sees: ['Ribble Valley Library and Knowledge Service', 'Ribble and Fylde Community Health NHS Trust'],
  },
  {
    email: 'lead@demo.nhs.uk',
    name: 'Zoë Hartley',
    sees: ['Ribble Valley Library and Knowledge Service', 'Ribble Valley Mental Health NHS Foundation Trust'],
  },
  {
    email: 'sponsor@demo.nhs.uk',
    name: 'Dr Aisha Rahman',
    sees: ['Ribble Valley Teaching Hospitals NHS Foundation Trust'],
  },
  {
    email: 'validator@demo.nhs.uk',
    name: 'Łukasz Nowak',
    sees: ['Your validation queue', 'Thameside University Hospitals NHS Trust'],
  },
  {
    email: 'regional.lead@demo.nhs.uk',
    name: 'Gareth Pryce',
    sees: ['North West', 'Ribble Valley Teaching Hospitals NHS Foundation Trust'],
  },
  { email: 'admin@demo.nhs.uk', name: 'Helen Marsh', sees: ['Cycles', 'Regions', '2021/22 baseline'] },
  { email: 'viewer@demo.nhs.uk', name: 'Tom Achebe', sees: ['Cycles', 'Regions', 'North East and Yorkshire'] },
]

for (const account of ACCOUNTS) {
  test(`${account.email} signs in, sees their home and signs out`, async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in$/)
    await expectAccessible(page)
    await signIn(page, account.email)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${account.name}`)
    for (const text of account.sees)
      await expect(page.getByRole('main').getByText(text, { exact: true }).first()).toBeVisible()
    await expect(page.getByRole('banner')).toContainText(account.name)
    await expectAccessible(page)

    await page.getByRole('link', { name: account.name }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await expect(page).toHaveURL(/\/sign-in$/)
    await page.goto('/')
    await expect(page).toHaveURL(/\/sign-in$/)
  })
}

test('a wrong password gets one clear error and keeps the email typed', async ({ page }) => {
  await submitSignIn(page, 'lead@demo.nhs.uk', 'not-the-password')
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('There is a problem')
  await expect(summary.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible()
  await expect(page.getByLabel('Email address')).toHaveValue('lead@demo.nhs.uk')
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')
  await expectAccessible(page)

  // An unknown email gets exactly the same message.
  await submitSignIn(page, 'nobody@demo.nhs.uk', DEMO_PASSWORD)
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Enter a correct email address and password' }),
  ).toBeVisible()
})

test('an empty form names each field to fill in', async ({ page }) => {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const summary = page.getByRole('alert')
  await expect(summary.getByRole('link', { name: 'Enter your email address' })).toHaveAttribute('href', '#email')
  await expect(summary.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password')
  await expectAccessible(page)
})

test('failed attempts by a stranger earn growing waits, never a lock, and the owner stays signed in', async ({
  page,
  browser,
}) => {
  // The owner is signed in in their own browser.
  const ownerContext = await browser.newContext()
  const owner = await ownerContext.newPage()
  await signIn(owner, 'lockout.test@demo.nhs.uk')

  // Each wait doubles (1, 2, 4, 8 seconds...) after five failures, so a stranger typing as fast as
  // the portal answers meets the wait within a few more tries.
  let throttled = false
  for (let attempt = 1; attempt <= 14 && !throttled; attempt++) {
    await submitSignIn(page, 'lockout.test@demo.nhs.uk', `wrong-password-${attempt}`)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText(/Enter a correct email address and password|too many failed attempts/)
    throttled = (await alert.textContent())?.includes('too many failed attempts') ?? false
  }
  expect(throttled).toBe(true)
  await expect(page.getByRole('alert')).toContainText('Wait')
  await expectAccessible(page)

  // The owner's session still works, and nothing in it was ended.
  await owner.goto('/account')
  await expect(owner.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible()
  await ownerContext.close()
})

test('signing in returns to the page asked for, but never to another site', async ({ page }) => {
  await page.goto('/framework')
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fframework$/)
  await page.getByLabel('Email address').fill('viewer@demo.nhs.uk')
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/framework$/)
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()

  await page.goto('/sign-in?redirectTo=%2F%2Fevil.example%2F')
  await page.getByLabel('Email address').fill('viewer@demo.nhs.uk')
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('signing in, errors and signing out all work', async ({ page }) => {
    await page.goto('/sign-in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert').getByRole('link', { name: 'Enter your email address' })).toBeVisible()
    await page.getByLabel('Email address').fill('sponsor@demo.nhs.uk')
    await page.getByLabel('Password', { exact: true }).fill('wrong-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toContainText('Enter a correct email address and password')
    await expect(page.getByLabel('Email address')).toHaveValue('sponsor@demo.nhs.uk')
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Dr Aisha Rahman')
    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await expect(page).toHaveURL(/\/sign-in$/)
  })
})
