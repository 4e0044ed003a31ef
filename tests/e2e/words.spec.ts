// Issue 16, item 8: words. LKS, ODS code and WTE are explained where a page first uses them; the
// dashboard says in words when there is nothing to count, never "0 of 0 (None)"; the grade a
// service receives is the "agreed grade" (access.spec.ts and results.spec.ts check the result
// pages' headings). Read-only.
import type { Page } from '@playwright/test'
import { submissionId } from './db'
import { expect, signIn, test } from './fixtures'

/** The main content's text up to and including the first use of `term`. */
async function textToFirstUse(page: Page, term: string): Promise<string> {
  const text = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ')
  const first = new RegExp(`\\b${term}\\b`).exec(text)
  expect(first, `${term} on ${page.url()}`).not.toBeNull()
  return text.slice(0, first!.index + term.length + 1)
}

test('the sign-in page says what LKS stands for', async ({ page }) => {
  await page.goto('/sign-in')
  await expect(page.getByRole('main')).toContainText(
    'The LKS Quality Portal is where NHS library and knowledge services (LKS) in England',
  )
})

test('the service lead reads LKS, ODS code and WTE explained where each page first uses them', async ({ page }) => {
  await signIn(page, 'lead@demo.nhs.uk')
  await expect(page.getByRole('main')).toContainText('NHS library and knowledge services (LKS)')

  const id = await submissionId('LKS-2627-RXV')
  await page.goto(`/submissions/${id}`)
  const ods = page.getByRole('main').locator('abbr', { hasText: 'ODS' }).first()
  await expect(ods).toHaveAttribute('title', 'Organisation Data Service')

  await page.goto(`/submissions/${id}/pen-portrait`)
  await expect(page.getByRole('heading', { level: 1, name: 'Pen portrait' })).toBeVisible()
  expect(await textToFirstUse(page, 'WTE')).toMatch(/whole-time equivalents? \(WTE\)$/)
  await expect(page.getByLabel('LKS strategy', { exact: true })).toHaveAccessibleDescription(
    'Your library and knowledge service (LKS) strategy, from your evidence library.',
  )
})

test('the admin reads what an ODS code is on the organisations page and form', async ({ page }) => {
  await signIn(page, 'admin@demo.nhs.uk')
  await page.goto('/admin/organisations')
  await expect(page.getByLabel('Name or ODS code')).toHaveAccessibleDescription(
    "The ODS code is the organisation's code from the Organisation Data Service, for example RXV.",
  )
  await page.goto('/admin/organisations/new')
  await expect(page.getByLabel('ODS code')).toHaveAccessibleDescription(
    "The organisation's code from the Organisation Data Service (ODS): 3 to 10 letters and numbers. For example, RXV",
  )
})

test('the dashboard says there is nothing to count rather than "0 of 0 (None)"', async ({ page }) => {
  await signIn(page, 'viewer@demo.nhs.uk')
  // The newest cycle: open, with no result published yet, so no required actions or plan items.
  await page.goto('/dashboards/national')
  const summary = page.getByRole('main').locator('.nhsuk-summary-list').first()
  await expect(summary).toContainText('Open required actions')
  await expect(summary).not.toContainText('0 of 0')
  await expect(summary).not.toContainText('(None)')
})
