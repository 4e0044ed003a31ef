// Issue 15, item 3: check your answers as the NHS check-answers pattern. The Ribble Valley lead's
// LKS-2627-RXV (in progress, as seeded): outcome 1 is claimed at level 1 with evidence on 1.1.1
// only, so 1.1.2 and 1.1.3 are warned of; each answer has a Change link to its field. The sponsor's
// sign-off page lists the same warnings. "Save and mark as completed" on that outcome warns of them
// before the page is left, with and without JavaScript (nothing is saved until it is confirmed;
// confirming is tried in role-journeys.spec.ts).
import type { Page } from '@playwright/test'
import { submissionId } from './db'
import { expect, expectAccessible, postsFrom, signIn, test } from './fixtures'

test('each outcome has its answers with Change links to the field, and the unevidenced indicators', async ({
  page,
}) => {
  const id = await submissionId('LKS-2627-RXV')
  await signIn(page, 'lead@demo.nhs.uk')
  await page.goto(`/submissions/${id}/check`)
  const warning = page.locator('.nhsuk-card--warning', { hasText: 'Some indicators have no linked evidence' })
  await expect(warning.getByRole('link', { name: /^Outcome 1, .*: 1\.1\.2, 1\.1\.3$/ })).toHaveAttribute(
    'href',
    `/submissions/${id}/outcomes/1#indicators`,
  )
  const one = page.getByRole('region', { name: /^Outcome 1:/ })
  await expect(one.locator('.nhsuk-summary-list__row', { hasText: 'Indicators without evidence' })).toContainText(
    '1.1.2, 1.1.3',
  )
  await expect(one.locator('.nhsuk-summary-list__row', { hasText: 'Evidence linked' })).toContainText('3 items')
  await expect(one.locator('.nhsuk-summary-list__row', { hasText: 'Narrative' })).toContainText('characters')
  // The pen portrait's answers, each with a Change link to the pen portrait.
  await expect(page.getByRole('link', { name: 'Change library and knowledge service posts' })).toHaveAttribute(
    'href',
    `/submissions/${id}/pen-portrait`,
  )
  await expectAccessible(page)

  await one.getByRole('link', { name: 'Change narrative for outcome 1' }).click()
  await expect(page).toHaveURL(new RegExp(`/submissions/${id}/outcomes/1#narrative$`))
  await expect(page.locator('#narrative')).toHaveRole('textbox')
  await page.goBack()
  await one.getByRole('link', { name: 'Change self-assessed grade for outcome 1' }).click()
  await expect(page).toHaveURL(new RegExp(`/outcomes/1#selfLevel$`))
  await expect(page.locator('#selfLevel')).toBeAttached()
})

test("the sponsor's sign-off page lists the same warnings", async ({ page }) => {
  const id = await submissionId('LKS-2627-RXV')
  await signIn(page, 'sponsor@demo.nhs.uk')
  await page.goto(`/submissions/${id}/sign-off`)
  const warning = page.locator('.nhsuk-card--warning', { hasText: 'Some indicators have no linked evidence' })
  await expect(warning).toContainText(/Outcome 1, .*: 1\.1\.2, 1\.1\.3/)
  await expectAccessible(page)
})

async function completeWarns(page: Page, javaScript: boolean) {
  const id = await submissionId('LKS-2627-RXV')
  await signIn(page, 'lead@demo.nhs.uk')
  const outcome = `/submissions/${id}/outcomes/1`
  await page.goto(outcome)
  // Key strengths, which (unlike the narrative) this browser does not keep a copy of as a draft.
  const strengths = page.getByLabel('Key strengths')
  const before = await strengths.inputValue()
  await strengths.fill(`${before} Typed before marking it as completed.`)
  const posts = postsFrom(page)
  await page.getByRole('button', { name: 'Save and mark as completed' }).click()
  const warning = page.locator('#unevidenced-confirm')
  await expect(warning.getByRole('heading', { level: 2 })).toHaveText(/Some indicators have no linked evidence/)
  await expect(warning).toContainText('Outcome 1 is not marked as completed yet')
  await expect(warning).toContainText('no evidence linked to them: 1.1.2, 1.1.3.')
  await expect(warning.getByRole('button', { name: 'Mark as completed without this evidence' })).toBeVisible()
  if (javaScript) await expect(warning).toBeFocused()
  // Still on the outcome, with what was typed; nothing saved.
  expect(new URL(page.url()).pathname).toBe(outcome)
  expect(posts).toHaveLength(1)
  await expect(page.locator('.nhsuk-notification-banner')).toHaveCount(0)
  await expect(strengths).toHaveValue(`${before} Typed before marking it as completed.`)
  if (javaScript) await expectAccessible(page)
  await page.goto(outcome)
  await expect(page.getByLabel('Key strengths')).toHaveValue(before)
}

test('"Save and mark as completed" warns of the indicators without evidence before leaving the page', async ({
  page,
}) => {
  await completeWarns(page, true)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the same warning comes back from the server, with what was typed', async ({ page }) => {
    await completeWarns(page, false)
  })
})
