// Forms check their answers in the browser with the same Zod schema as the server (Conform's
// onValidate), so a mistake shows at once, without a round trip. Nothing is saved: these tests
// change no record, so they may run before or after the specs that use the same submissions.
import type { Page } from '@playwright/test'
import { submissionId } from './db'
import { expect, signIn, test } from './fixtures'

/** Every POST the page sends from now on. */
function postsFrom(page: Page): string[] {
  const posts: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url())
  })
  return posts
}

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
