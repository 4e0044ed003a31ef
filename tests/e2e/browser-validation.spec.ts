// Forms check their answers in the browser with the same Zod schema as the server (Conform's
// onValidate), so a mistake shows at once, without a round trip. Nothing is saved: these tests
// change no record, so they may run before or after the specs that use the same submissions.
import type { Browser, Page } from '@playwright/test'
import { submissionId } from './db'
import { expect, postsFrom, signIn, test } from './fixtures'

async function expectHydrated(page: Page) {
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1)
}

test('asking for clarification without choosing an outcome is stopped in the browser', async ({ page }) => {
  await signIn(page, 'validator@demo.nhs.uk')
  await page.goto(`/submissions/${await submissionId('LKS-2627-RTH')}/clarifications/new`)
  await expectHydrated(page)
  const posts = postsFrom(page)
  await page.getByLabel('Your question about outcome 2').fill('Which Board decisions used your summaries?')
  await page.getByRole('button', { name: 'Send questions' }).click()
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Select at least one outcome to ask about' }),
  ).toBeVisible()
  expect(posts).toEqual([])
})

// The pen portrait of Severn and Arden's ICB (not started), which no other spec opens. Its two
// kinds of request, Save and the list changes (Add another post, Remove post), must come out in the
// browser as they do from the server: the same error summary, the same rows, nothing saved.
const PORTRAIT_LEAD = 'anna.bright@demo.nhs.uk'
const portraitPath = async () => `/submissions/${await submissionId('LKS-2627-QAF')}/pen-portrait`

async function fillWithMistakes(page: Page) {
  await page.getByLabel('Post title').first().fill('')
  await page.getByLabel('WTE', { exact: true }).first().fill('most of the week')
  await page.getByLabel('Annual budget (optional)').fill('about a quarter of a million')
}

const summaryLinks = (page: Page) => page.getByRole('alert').getByRole('link').allTextContents()

/** What the server answers without JavaScript: each step's error summary and number of posts. */
async function serverAnswers(browser: Browser, steps: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, PORTRAIT_LEAD)
  await page.goto(await portraitPath())
  await fillWithMistakes(page)
  await steps(page)
  const answer = { errors: await summaryLinks(page), posts: await page.getByLabel('Post title').count() }
  await context.close()
  return answer
}

async function browserAnswers(page: Page, steps: (page: Page) => Promise<void>) {
  await signIn(page, PORTRAIT_LEAD)
  await page.goto(await portraitPath())
  await expectHydrated(page)
  await fillWithMistakes(page)
  const posts = postsFrom(page)
  await steps(page)
  return { errors: await summaryLinks(page), posts: await page.getByLabel('Post title').count(), sent: posts }
}

test('saving a pen portrait with mistakes shows the server’s errors in the browser, with nothing sent', async ({
  page,
  browser,
}) => {
  const save = (p: Page) => p.getByRole('button', { name: 'Save pen portrait' }).click()
  const server = await serverAnswers(browser, save)
  expect(server.errors).toEqual(
    expect.arrayContaining([
      'Enter the budget as an amount in pounds, like £250,000',
      'Enter the WTE of post 1 as a number, like 0.6',
    ]),
  )
  const inBrowser = await browserAnswers(page, async (p) => {
    await save(p)
    await expect(
      p.getByRole('alert').getByRole('link', { name: 'Enter the WTE of post 1 as a number, like 0.6' }),
    ).toBeVisible()
  })
  expect(inBrowser.errors).toEqual(server.errors)
  expect(inBrowser.sent).toEqual([])
})

test('adding and removing a post on a pen portrait with mistakes works in the browser as on the server', async ({
  page,
  browser,
}) => {
  const addThenRemove = async (p: Page) => {
    await p.getByRole('button', { name: 'Add another post' }).click()
    await expect(p.getByLabel('Post title')).toHaveCount(2)
    await p.getByRole('button', { name: 'Add another post' }).click()
    await expect(p.getByLabel('Post title')).toHaveCount(3)
    await p.getByRole('button', { name: 'Remove post 2' }).click()
    await expect(p.getByLabel('Post title')).toHaveCount(2)
  }
  const server = await serverAnswers(browser, addThenRemove)
  const inBrowser = await browserAnswers(page, addThenRemove)
  expect({ errors: inBrowser.errors, posts: inBrowser.posts }).toEqual(server)
  expect(inBrowser.sent).toEqual([])
})
