// Publication, the development plan and the history (issue 4, items 6 to 8), on the published
// 2021/22 baseline only: other journeys change the 2026/27 submissions as they run.
import type { Page } from '@playwright/test'
import { baselineWithRequiredActions, submissionId } from './db'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

const RIBBLE_VALLEY = 'Ribble Valley Library and Knowledge Service'
// Unique to this spec, so rows are found whatever else is in the plan.
const ACTION = 'Present the library and knowledge strategy to the Board with the executive sponsor (results spec)'

/** The result page of a submission, with its grades table and the chart's data table. */
async function readResult(page: Page, id: string) {
  await page.goto(`/submissions/${id}/result`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validated result')
  await expect(page.getByRole('main').locator('.nhsuk-caption-l')).toHaveText(
    'Ribble Valley Teaching Hospitals NHS Foundation Trust, 2021/22 baseline',
  )
  const grades = page.getByRole('table', { name: 'Self-assessed and agreed grades', exact: true })
  await expect(grades.getByRole('row')).toHaveCount(7)
  await expect(grades).toContainText(/sub-levels? (below|above) your self-assessment|The same as your self-assessment/)
  const chartTable = page.getByRole('table', {
    name: 'Self-assessed and agreed grades by outcome, and the national median',
  })
  // Eight organisations published baseline results, above the threshold of five: the national
  // median is the chart's third series.
  await expect(chartTable.getByRole('columnheader')).toHaveText([
    'Outcome',
    'Self-assessed',
    'Agreed grade',
    'National median',
  ])
  // The responsive table repeats each column's heading, hidden from assistive technology, in its cells.
  await expect(chartTable.getByRole('rowheader')).toHaveText([1, 2, 3, 4, 5, 6].map((n) => new RegExp(`Outcome ${n}$`)))
  await expect(chartTable.getByRole('cell').first()).toHaveText(/Level \d(, (Low|Medium|High))?/)
  await expect(page.getByRole('img', { name: /Self-assessed and agreed grades by outcome/ })).toBeVisible()
  // The comparison with the peers: the nation only, since the North West has three published results.
  await expect(
    page.getByText(/^Medians and ranges of the agreed grades published by 8 organisations in England/),
  ).toContainText('North West is not shown separately: fewer than 5 of its organisations have published results')
  const peers = page.getByRole('table', {
    name: 'Agreed grade beside the published results of England, 2021/22 baseline',
  })
  await expect(peers.getByRole('columnheader')).toHaveText([
    'Outcome',
    'Agreed grade',
    'National median',
    'National range',
  ])
  await expect(peers.getByRole('row')).toHaveCount(7)
  await expect(peers.getByRole('cell').nth(2)).toHaveText(/(All )?Level \d.*( to Level \d.*)?/)
  await expect(
    page.getByText(
      /^Agreed grades are the same as or within one sub-level of the self-assessment for \d of 6 outcomes\./,
    ),
  ).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^Outcome 1: / })).toBeVisible()
  await expect(page.getByRole('heading', { level: 3, name: 'Strengths and good practice' })).toHaveCount(6)
  await expectAccessible(page)
}

test('the executive sponsor reads the published baseline result', async ({ page }) => {
  await signIn(page, 'sponsor@demo.nhs.uk')
  await readResult(page, await submissionId('LKS-2122-RXV'))
  await expect(page.getByRole('heading', { name: 'A development plan is due' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to your development plan' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Development plan')
  // The sponsor follows the plan but does not change it.
  await expect(page.getByRole('button', { name: 'Add an item' })).toHaveCount(0)
  await expectAccessible(page)
})

test.describe('the development plan', () => {
  test.describe.configure({ mode: 'serial' })

  test('the lead reads the result, adds an item for a required action and updates its status', async ({ page }) => {
    const reference = await baselineWithRequiredActions(RIBBLE_VALLEY)
    const id = await submissionId(reference)
    await signIn(page, 'lead@demo.nhs.uk')
    await readResult(page, await submissionId('LKS-2122-RXV'))

    await page.goto(`/submissions/${id}/result`)
    await page.getByRole('link', { name: 'Go to your development plan' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Development plan')
    await expectAccessible(page)

    // Start from a required action: the form opens with it chosen.
    await page
      .getByRole('link', { name: /^Add an item for the required action on outcome \d$/ })
      .first()
      .click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a development plan item')
    const requiredAction = page.getByLabel('Required action it answers')
    await expect(requiredAction).not.toHaveValue('')
    const chosen = (await requiredAction.locator('option:checked').textContent()) ?? ''
    expect(chosen).toMatch(/^Outcome \d: /)
    await expectAccessible(page)

    // Forget the owner: the error names it and nothing typed is lost.
    await page.getByLabel('Action', { exact: true }).fill(ACTION)
    const due = page.getByRole('group', { name: 'Due date' })
    await due.getByLabel('Day').fill('31')
    await due.getByLabel('Month').fill('3')
    await due.getByLabel('Year').fill('2027')
    await page.getByLabel('Progress notes (optional)').fill('Paper drafted with the sponsor.')
    await page.getByRole('button', { name: 'Add item' }).click()
    const summary = page.getByRole('alert')
    await expect(summary.getByRole('link', { name: 'Enter who owns the action' })).toHaveAttribute('href', '#owner')
    await expect(page.getByLabel('Action', { exact: true })).toHaveValue(ACTION)
    await expect(due.getByLabel('Year')).toHaveValue('2027')
    await expect(page.getByLabel('Progress notes (optional)')).toHaveValue('Paper drafted with the sponsor.')
    await expect(requiredAction.locator('option:checked')).toHaveText(chosen)
    await expectAccessible(page)

    await page.getByLabel('Owner').fill('Zoë Hartley, Head of Library and Knowledge Services')
    await page.getByRole('button', { name: 'Add item' }).click()
    await expectBanner(page, 'Item added to the development plan')
    const items = page.getByRole('table', { name: 'Items in the development plan' })
    const row = items.getByRole('row').filter({ hasText: ACTION })
    await expect(row).toContainText('Not started')
    await expect(row).toContainText('31 March 2027')
    await expect(row).toContainText(chosen.replace(/…$/, ''))
    await expect(page.locator('#plan-progress')).toHaveText(/^\d+ of \d+ items? complete$/)
    await expectAccessible(page)

    await row.getByRole('link', { name: /^Change/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Change a development plan item')
    await expect(page.getByLabel('Owner')).toHaveValue('Zoë Hartley, Head of Library and Knowledge Services')
    await page.getByRole('group', { name: 'Status' }).getByLabel('In progress').check()
    await page.getByLabel('Progress notes (optional)').fill('Paper drafted with the sponsor. Board date agreed.')
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectBanner(page, 'Development plan item updated')
    await expect(items.getByRole('row').filter({ hasText: ACTION })).toContainText('In progress')
    await expect(items.getByRole('row').filter({ hasText: ACTION })).toContainText('Board date agreed.')
  })

  test('the regional lead follows the plan and reads the submission’s history', async ({ page }) => {
    const id = await submissionId(await baselineWithRequiredActions(RIBBLE_VALLEY))
    await signIn(page, 'regional.lead@demo.nhs.uk')
    await page.goto(`/submissions/${id}/development-plan`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Development plan')
    await expect(
      page.getByRole('table', { name: 'Items in the development plan' }).getByRole('row').filter({ hasText: ACTION }),
    ).toContainText('In progress')
    await expect(page.getByRole('button', { name: 'Add an item' })).toHaveCount(0)
    await expectAccessible(page)

    await page.goto(`/submissions/${id}/history`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('History')
    const history = page.getByRole('table', { name: 'Recorded events' })
    const updated = history.getByRole('row').filter({ hasText: 'Development plan item updated' }).first()
    await expect(updated).toContainText('Zoë Hartley')
    await expect(updated).toContainText('Status: Not started → In progress')
    await expect(updated).toContainText(/\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}(am|pm)/)
    await expect(history.getByRole('row').filter({ hasText: 'Development plan item added' }).first()).toContainText(
      'Due date: 31 March 2027',
    )
    await expectAccessible(page)
  })
})

test('the lead cannot open the history', async ({ page }) => {
  await signIn(page, 'lead@demo.nhs.uk')
  const response = await page.goto(`/submissions/${await submissionId('LKS-2122-RXV')}/history`)
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page')
  await expectAccessible(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a plan item the server refuses keeps everything typed', async ({ page }) => {
    const id = await submissionId(await baselineWithRequiredActions(RIBBLE_VALLEY))
    await signIn(page, 'lead@demo.nhs.uk')
    await page.goto(`/submissions/${id}/development-plan/new`)
    await page.getByLabel('Action', { exact: true }).fill('An action the server sees first')
    await page.getByRole('group', { name: 'Due date' }).getByLabel('Day').fill('31')
    await page.getByRole('group', { name: 'Due date' }).getByLabel('Month').fill('2')
    await page.getByRole('group', { name: 'Due date' }).getByLabel('Year').fill('2027')
    await page.getByRole('button', { name: 'Add item' }).click()
    const summary = page.getByRole('alert')
    await expect(summary.getByRole('link', { name: 'Enter who owns the action' })).toHaveAttribute('href', '#owner')
    await expect(summary.getByRole('link', { name: 'Due date must be a real date' })).toHaveAttribute(
      'href',
      '#dueDate-day',
    )
    await expect(page.getByLabel('Action', { exact: true })).toHaveValue('An action the server sees first')
    await expect(page.getByRole('group', { name: 'Due date' }).getByLabel('Month')).toHaveValue('2')
    await expect(page.getByRole('group', { name: 'Status' }).getByLabel('Not started')).toBeChecked()
  })
})
