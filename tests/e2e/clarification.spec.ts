// Clarification (issue 4, item 4): the primary validator of LKS-2627-RTH asks about outcome 2, the
// Thameside service lead replies, changes the outcome and resubmits, and the validator reads the
// reply. Without JavaScript the same round trip runs on LKS-2627-RSV (the demo validator is its
// second validator), so neither test depends on the other or on their order, and no other spec
// changes either submission.
import type { Page } from '@playwright/test'
import { submissionId } from './db'
import { expect, expectAccessible, expectBanner, postsFrom, signIn, test } from './fixtures'

const QUESTION = 'Which Board decisions in 2025/26 used your evidence summaries?'
const REPLY = 'Three: the discharge pathway, the falls strategy and the digital plan. The Board minutes are now linked.'
const NARRATIVE =
  'Our evidence summaries informed three Board decisions in 2025/26, recorded in the March 2026 minutes.'

function thread(page: Page, number: number) {
  return page.getByRole('region', { name: new RegExp(`^Outcome ${number}:`) })
}

test('a validator asks about outcome 2, the service replies, changes it and resubmits', async ({ page, browser }) => {
  const id = await submissionId('LKS-2627-RTH')
  const threads = `/submissions/${id}/clarifications`

  // The primary validator asks, first forgetting to choose an outcome.
  await signIn(page, 'validator@demo.nhs.uk')
  await page.goto(threads)
  await expect(page.getByRole('heading', { level: 1, name: 'Clarification questions' })).toBeVisible()
  await expect(page.getByText('In validation', { exact: true })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Ask for clarification' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ask for clarification' })).toBeVisible()
  await expectAccessible(page)
  await page.getByLabel('Your question about outcome 2').fill(QUESTION)
  await page.getByRole('button', { name: 'Send questions' }).click()
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Select at least one outcome to ask about' }),
  ).toBeVisible()
  await expect(page.getByLabel('Your question about outcome 2')).toHaveValue(QUESTION)
  await expectAccessible(page)
  await page.getByLabel('Ask about outcome 2').check()
  await page.getByRole('button', { name: 'Send questions' }).click()
  await expectBanner(page, 'Clarification requested')
  await expect(page.getByText('Clarification requested', { exact: true }).last()).toBeVisible()
  await expect(thread(page, 2)).toContainText(QUESTION)
  await expect(thread(page, 2)).toContainText('Łukasz Nowak (Validator)')
  await expect(thread(page, 2).locator('.nhsuk-tag')).toHaveText('Open')
  await expectAccessible(page)

  // The service lead, in their own browser, replies and changes outcome 2.
  const serviceContext = await browser.newContext()
  const lead = await serviceContext.newPage()
  await signIn(lead, 'mark.lewis@demo.nhs.uk')
  await lead.goto(threads)
  await expect(lead.locator('.nhsuk-summary-list').getByText('Clarification requested', { exact: true })).toBeVisible()
  await expect(thread(lead, 2)).toContainText(QUESTION)
  await expect(lead.getByRole('button', { name: 'Resubmit for validation' })).toHaveCount(0)
  await expectAccessible(lead)
  // An empty reply, and then one too long, are caught in the browser by the action's own schema.
  await expect(lead.locator('html[data-hydrated]')).toHaveCount(1)
  const leadPosts = postsFrom(lead)
  await lead.getByRole('button', { name: 'Send reply about outcome 2' }).click()
  await expect(lead.getByRole('alert').getByRole('link', { name: 'Enter your reply' })).toBeVisible()
  await expectAccessible(lead)
  await lead.getByLabel('Your reply about outcome 2').fill('x'.repeat(5_001))
  await lead.getByRole('button', { name: 'Send reply about outcome 2' }).click()
  await expect(
    lead.getByRole('alert').getByRole('link', { name: 'Your reply must be 5,000 characters or fewer' }),
  ).toBeVisible()
  await expect(lead.getByRole('alert').getByRole('link', { name: 'Enter your reply' })).toHaveCount(0)
  expect(leadPosts).toEqual([])
  await lead.getByLabel('Your reply about outcome 2').fill(REPLY)
  await lead.getByRole('button', { name: 'Send reply about outcome 2' }).click()
  await expectBanner(lead, 'Reply sent')
  await expect(thread(lead, 2).locator('.nhsuk-tag')).toHaveText('Answered')
  await expect(thread(lead, 2)).toContainText('Mark Lewis (Service)')
  await expect(thread(lead, 2)).toContainText(REPLY)

  await lead.getByRole('link', { name: 'Change your answer to outcome 2' }).click()
  await expect(lead.getByRole('heading', { level: 1 })).toContainText('Outcome 2:')
  await expectAccessible(lead)
  await lead.getByLabel('Narrative', { exact: true }).fill(NARRATIVE)
  await lead.getByRole('button', { name: 'Save and come back later' }).click()
  await expectBanner(lead, 'Outcome 2 saved')
  await expect(lead.getByLabel('Narrative', { exact: true })).toHaveValue(NARRATIVE)

  await lead.goto(threads)
  await lead.getByRole('button', { name: 'Resubmit for validation' }).click()
  await expectBanner(lead, 'Resubmitted for validation')
  await expect(lead.locator('.nhsuk-summary-list').getByText('In validation', { exact: true })).toBeVisible()
  await expect(thread(lead, 2).locator('.nhsuk-tag')).toHaveText('Closed')
  await expect(lead.getByRole('link', { name: 'Change your answer to outcome 2' })).toHaveCount(0)
  await expectAccessible(lead)
  await serviceContext.close()

  // The validator reads the reply; the submission is back with them.
  await page.goto(threads)
  await expect(page.locator('.nhsuk-summary-list').getByText('In validation', { exact: true })).toBeVisible()
  await expect(thread(page, 2)).toContainText(REPLY)
  await expect(thread(page, 2)).toContainText('Mark Lewis (Service)')
  await expectAccessible(page)

  // An empty follow-up question is caught in the browser too, with nothing sent.
  await expect(page.locator('html[data-hydrated]')).toHaveCount(1)
  const validatorPosts = postsFrom(page)
  await thread(page, 2).getByText('Add a follow-up question about outcome 2').click()
  await page.getByRole('button', { name: 'Send follow-up question about outcome 2' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: 'Enter your follow-up question' })).toBeVisible()
  expect(validatorPosts).toEqual([])
})

test('the same round trip works without JavaScript', async ({ browser }) => {
  const id = await submissionId('LKS-2627-RSV')
  const threads = `/submissions/${id}/clarifications`
  const question = 'Please link the benchmarking report you mention.'

  const validatorContext = await browser.newContext({ javaScriptEnabled: false })
  const validator = await validatorContext.newPage()
  await signIn(validator, 'validator@demo.nhs.uk')
  await validator.goto(threads)
  await validator.getByRole('button', { name: 'Ask for clarification' }).click()
  await validator.getByLabel('Ask about outcome 5').check()
  await validator.getByRole('button', { name: 'Send questions' }).click()
  await expect(
    validator.getByRole('alert').getByRole('link', { name: 'Enter your question about outcome 5' }),
  ).toBeVisible()
  await expect(validator.getByLabel('Ask about outcome 5')).toBeChecked()
  await validator.getByLabel('Your question about outcome 5').fill(question)
  await validator.getByRole('button', { name: 'Send questions' }).click()
  await expectBanner(validator, 'Clarification requested')
  await expect(thread(validator, 5)).toContainText(question)
  await validatorContext.close()

  const serviceContext = await browser.newContext({ javaScriptEnabled: false })
  const lead = await serviceContext.newPage()
  await signIn(lead, 'anna.bright@demo.nhs.uk')
  await lead.goto(threads)
  await expect(lead.getByRole('link', { name: 'Change your answer to outcome 5' })).toBeVisible()
  await expect(lead.getByRole('link', { name: 'Change your answer to outcome 2' })).toHaveCount(0)
  await lead.getByLabel('Your reply about outcome 5').fill('x'.repeat(5_001))
  await lead.getByRole('button', { name: 'Send reply about outcome 5' }).click()
  await expect(
    lead.getByRole('alert').getByRole('link', { name: 'Your reply must be 5,000 characters or fewer' }),
  ).toBeVisible()
  await expect(lead.getByLabel('Your reply about outcome 5')).toHaveValue('x'.repeat(5_001))
  await lead.getByLabel('Your reply about outcome 5').fill('The report is linked to outcome 5, see page 12.')
  await lead.getByRole('button', { name: 'Send reply about outcome 5' }).click()
  await expectBanner(lead, 'Reply sent')
  await lead.getByRole('button', { name: 'Resubmit for validation' }).click()
  await expectBanner(lead, 'Resubmitted for validation')
  await expect(lead.locator('.nhsuk-summary-list').getByText('In validation', { exact: true })).toBeVisible()
  await serviceContext.close()
})
