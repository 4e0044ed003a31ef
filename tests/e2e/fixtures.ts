import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type Cookie, type Page } from '@playwright/test'
import { generate } from 'otplib'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './paths'

type Fixtures = {
  /** Console messages matching one of these are expected by the test (a 404 page logs its status). */
  allowConsole: (pattern: RegExp) => void
}

const EXPECTED_CLIENT_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d/

// Every test fails on a console error or an uncaught page error it did not expect.
export const test = base.extend<Fixtures>({
  allowConsole: [
    async ({ page }, use) => {
      const allowed: RegExp[] = []
      const problems: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          const text = message.text()
          // The browser logs every 4xx response it receives; the tests assert those statuses themselves.
          if (EXPECTED_CLIENT_ERROR.test(text)) return
          if (!allowed.some((pattern) => pattern.test(text))) problems.push(`console.${message.type()}: ${text}`)
        }
      })
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      await use((pattern) => allowed.push(pattern))
      expect(problems, 'console errors or page errors during the test').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/** Every POST the page sends from now on: a form checked in the browser sends none. */
export function postsFrom(page: Page): string[] {
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url())
  })
  return posts
}

/** axe finds no WCAG 2.2 A or AA violation on the page as it stands. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  )
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([])
}

/** Fills in and sends the sign-in form, whatever the outcome. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

const TIME_STEP_SECONDS = 30
const timeStepNow = () => Math.floor(Date.now() / 1000 / TIME_STEP_SECONDS)

/** The last time step whose code each account used in this worker: a code works once. */
const lastTimeStep = new Map<string, number>()

/**
 * A code from the demo authenticator key (DEMO_TOTP_SECRET) that the portal has not yet seen for
 * this account: the current one, or the next (the portal accepts one step either side of now).
 */
export async function demoCode(email: string): Promise<string> {
  const step = Math.max(timeStepNow(), (lastTimeStep.get(email) ?? 0) + 1)
  // The current and next steps' codes are both used: the portal accepts this one only once its
  // step is at most one ahead of now, which the clock reaches within 30 seconds.
  const waitMs = (step - 1) * TIME_STEP_SECONDS * 1000 - Date.now()
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
  lastTimeStep.set(email, step)
  return generate({ secret: DEMO_TOTP_SECRET, epoch: step * TIME_STEP_SECONDS })
}

/** Gives the second step of signing in, when the portal asks for it. */
export async function submitSecondFactor(page: Page, email: string) {
  await page.getByLabel('Security code').fill(await demoCode(email))
  await page.getByRole('button', { name: 'Continue' }).click()
}

/**
 * Sessions of accounts that sign in with two-step verification, kept for the worker's later tests:
 * each code works once, so a person who signs in again within 30 seconds reuses their session, as
 * someone who stays signed in would. A session that has ended (signed out) is replaced.
 */
const twoStepSessions = new Map<string, Cookie[]>()

/** Signs in and waits until the portal has let the user in. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const kept = password === DEMO_PASSWORD ? twoStepSessions.get(email) : undefined
  if (kept) {
    await page.context().addCookies(kept)
    await page.goto('/')
    if (!new URL(page.url()).pathname.startsWith('/sign-in')) {
      // As after a real sign-in, which ends with a page React has taken over: wait for hydration
      // (React's fiber on the header) whenever the page runs scripts.
      if ((await page.locator('body.nhsuk-frontend-supported').count()) > 0) {
        await page.waitForFunction(() => {
          const header = document.querySelector('header')
          return header !== null && Object.keys(header).some((key) => key.startsWith('__reactFiber'))
        })
      }
      return
    }
    twoStepSessions.delete(email)
  }
  await submitSignIn(page, email, password)
  await page.waitForURL((url) => url.pathname !== '/sign-in')
  if (new URL(page.url()).pathname === '/sign-in/two-step') {
    await submitSecondFactor(page, email)
    // A code this worker has not used may have been used by an earlier worker (after a failed
    // test): the page says so, and the next code is given.
    const signedIn = page.waitForURL((url) => !url.pathname.startsWith('/sign-in')).then(() => true)
    const refused = page
      .getByText('has already been used')
      .first()
      .waitFor()
      .then(() => false)
    if (!(await Promise.race([signedIn.catch(() => false), refused.catch(() => false)]))) {
      await submitSecondFactor(page, email)
    }
    await signedIn
    if (password === DEMO_PASSWORD) {
      const cookies = await page.context().cookies()
      twoStepSessions.set(
        email,
        cookies.filter((cookie) => cookie.name === 'lks_session'),
      )
    }
  }
}

/** The notification banner that follows a save: "Outcome 2 saved", "Validators assigned"… */
export async function expectBanner(page: Page, title: string) {
  await expect(page.locator('.nhsuk-notification-banner').getByText(title, { exact: true })).toBeVisible()
}
