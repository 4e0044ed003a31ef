import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from './paths'

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

/** Signs in and waits until the portal has let the user in. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, email, password)
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}
