// Issue 15, item 3: check your answers as the NHS check-answers pattern. The Ribble Valley lead's
// LKS-2627-RXV (in progress, as seeded): outcome 1 is claimed at level 1 with evidence on 1.1.1
// only, so 1.1.2 and 1.1.3 are warned of; each answer has a Change link to its field. The sponsor's
// sign-off page lists the same warnings.
import { submissionId } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

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
