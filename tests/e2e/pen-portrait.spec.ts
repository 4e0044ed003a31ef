// Issue 15, item 7: the Thameside lead fills in the pen portrait of LKS-2627-RWK from empty. The
// empty portrait says what to fill in; the budget is typed as people write it; a post left half
// done is named in the error summary (by the server without JavaScript, by the same schema in the
// browser with it); and a half-finished portrait saves and shows as in progress.
import type { Page } from '@playwright/test'
import { submissionId } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

test.describe.configure({ mode: 'serial' })

/** Signed in as the Thameside lead. */
async function startHalfFinished(page: Page) {
  const id = await submissionId('LKS-2627-RWK')
  await page.goto(`/submissions/${id}/pen-portrait`)
  await expect(page.getByRole('heading', { level: 1, name: 'Pen portrait' })).toBeVisible()
  await page.getByLabel('Staff WTE').first().fill('3500')
  await page.getByLabel('Annual budget (optional)').fill('£250,000')
  // Post 1 is left empty; post 2 has a WTE but no title or answer.
  await page.getByRole('button', { name: 'Add another post' }).click()
  await expect(page.getByLabel('Post title')).toHaveCount(2)
  await page.getByLabel('WTE', { exact: true }).nth(1).fill('0.6')
  await page.getByRole('button', { name: 'Save pen portrait' }).click()
  return id
}

async function expectRowNamed(page: Page) {
  const summary = page.getByRole('alert')
  await expect(summary.getByRole('link', { name: 'Enter the post title for post 2' })).toBeVisible()
  await expect(
    summary.getByRole('link', {
      name: 'Select whether the holder of post 2 is a qualified library and knowledge specialist',
    }),
  ).toBeVisible()
  // Nothing about the empty post 1, and the budget as typed is accepted and kept.
  await expect(summary.getByRole('link')).toHaveCount(2)
  await expect(page.getByLabel('Annual budget (optional)')).toHaveValue('£250,000')
  await expect(page.getByLabel('WTE', { exact: true }).nth(1)).toHaveValue('0.6')
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the server names the row of a half-done post and keeps what was typed', async ({ page }) => {
    await signIn(page, 'mark.lewis@demo.nhs.uk')
    await page.goto(`/submissions/${await submissionId('LKS-2627-RWK')}/pen-portrait`)
    // The empty portrait says what to fill in, not that it fails the policy.
    const policy = page.getByRole('main').locator('.nhsuk-summary-list__row', { hasText: 'Policy' })
    await expect(policy).toContainText(
      'Enter the staff WTE of the organisations you serve and your library and knowledge service posts and save',
    )
    await expect(policy).not.toContainText('does not meet')
    await startHalfFinished(page)
    await expectRowNamed(page)
  })
})

test('the browser gives the same messages, and a half-finished portrait saves as in progress', async ({ page }) => {
  await signIn(page, 'mark.lewis@demo.nhs.uk')
  const id = await startHalfFinished(page)
  await expectRowNamed(page)
  await expectAccessible(page)

  await page.getByLabel('Post title').nth(1).fill('Clinical librarian')
  await page
    .getByRole('group', { name: /qualified library and knowledge specialist/ })
    .nth(1)
    .getByLabel('Yes')
    .check()
  await page.getByRole('button', { name: 'Save pen portrait' }).click()
  await expect(
    page.locator('.nhsuk-notification-banner').getByText('Pen portrait saved', { exact: true }),
  ).toBeVisible()
  // Two of the three organisations have no figures yet: in progress, not completed.
  await expect(page.locator('.nhsuk-task-list__item', { hasText: 'Pen portrait' })).toContainText('In progress')

  await page.goto(`/submissions/${id}/pen-portrait`)
  await expect(page.getByLabel('Annual budget (optional)')).toHaveValue('250000')
  // The empty post was left out: the saved post is now post 1.
  await expect(page.getByLabel('Post title')).toHaveCount(1)
  await expect(page.getByLabel('Post title')).toHaveValue('Clinical librarian')
  await expect(page.getByRole('main').locator('.nhsuk-summary-list__row', { hasText: 'Policy' })).toContainText(
    'qualified WTE needed',
  )
})
