// The service improvement review journey (issue 18, "Done when"): an admin creates and opens a
// Service improvement review cycle for one organisation; the lead writes the plan, carrying two
// development plan items forward; the sponsor signs off; the lead submits; the regional lead
// assigns a reviewer, who records the meeting and asks for a resubmission on one outcome; the
// lead resubmits; the review is accepted with recommendations and published; the dashboard shows
// the plan's status and targets; and the plan's PDF reads back with pdftotext.
import { execFile } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from '@playwright/test'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

const execute = promisify(execFile)
// The demo data has its own open '2026/27 service improvement review'; this journey makes another.
const CYCLE = '2026/27 autumn service improvement review'
const ORGANISATION = 'Ribble Valley Teaching Hospitals NHS Foundation Trust'

async function fillDate(page: Page, id: string, date: { day: string; month: string; year: string }) {
  await page.locator(`#${id}-day`).fill(date.day)
  await page.locator(`#${id}-month`).fill(date.month)
  await page.locator(`#${id}-year`).fill(date.year)
}

/** Another person's browser, with its own cookies. */
async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage()
}

test.describe.configure({ mode: 'serial' })
let planUrl = ''

test('the demo lead, sponsor and regional lead find the open demo plan from their home pages', async ({ browser }) => {
  for (const email of ['lead@demo.nhs.uk', 'sponsor@demo.nhs.uk', 'regional.lead@demo.nhs.uk']) {
    const page = await newPage(browser)
    await signIn(page, email)
    await page.goto('/')
    const plans = page.getByRole('table', { name: 'Service Improvement Plans you work on' })
    await expect(plans).toContainText('2026/27 service improvement review')
    await plans.getByRole('link', { name: new RegExp(`^${ORGANISATION}.*SIP-2627-RXV`) }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ORGANISATION)
    await expect(page.getByText('SIP-2627-RXV').first()).toBeVisible()
    await page.context().close()
  }
})

test('an admin creates a Service improvement review cycle for a chosen organisation and opens it', async ({ page }) => {
  await signIn(page, 'admin@demo.nhs.uk')
  await page.goto('/admin/cycles/new')
  await page.getByLabel('Name', { exact: true }).fill(CYCLE)
  await page.getByRole('radio', { name: 'Service improvement review' }).check()
  await page.getByLabel('Framework edition').selectOption({ label: '2019 edition' })
  await fillDate(page, 'evidencePeriodStart', { day: '1', month: '4', year: '2025' })
  await fillDate(page, 'evidencePeriodEnd', { day: '31', month: '3', year: '2026' })
  // Before 2026/27 opens, so that stays the newest full cycle.
  await fillDate(page, 'opensAt', { day: '15', month: '9', year: '2026' })
  await fillDate(page, 'submissionDeadline', { day: '31', month: '3', year: '2027' })
  await fillDate(page, 'validationDeadline', { day: '30', month: '9', year: '2027' })
  await page.getByRole('button', { name: 'Save cycle' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CYCLE)
  const cycleUrl = page.url()
  await page.getByRole('button', { name: 'Choose organisations' }).click()
  await page.getByRole('radio', { name: 'Only the organisations I choose' }).check()
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck()
  await page.getByRole('checkbox', { name: `${ORGANISATION} (RXV)` }).check()
  await page.getByRole('button', { name: 'Save organisations' }).click()
  await expect(page).toHaveURL(cycleUrl)
  await page.getByRole('button', { name: 'Open cycle' }).click()
  await expect(page.getByText('will get a Service Improvement Plan')).toBeVisible()
  await page.getByRole('button', { name: 'Open cycle' }).click()
  await expect(page.getByText('1 Service Improvement Plan created.')).toBeVisible()
})

test('the lead writes the plan, carrying two development plan items forward, and the sponsor signs it off', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000)
  await signIn(page, 'lead@demo.nhs.uk')
  await page.getByRole('link', { name: 'Service improvement' }).first().click()
  await page.getByLabel('Cycle').selectOption({ label: CYCLE })
  await page.getByRole('button', { name: 'Show' }).click()
  await page.getByRole('link', { name: ORGANISATION }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ORGANISATION)
  planUrl = page.url()
  await expectAccessible(page)

  await page.getByRole('link', { name: /^Context/ }).click()
  await page.getByRole('button', { name: 'Save and return to the plan' }).click()
  await expect(page.getByRole('link', { name: 'Enter what has changed since the last validation' })).toBeVisible()
  await page.getByLabel('What has changed since the last validation').fill('A new clinical librarian post')
  await page.getByLabel('Budget (£ a year)').fill('250000')
  await page.getByRole('button', { name: 'Save and return to the plan' }).click()
  await expectBanner(page, 'Context saved')

  for (let number = 1; number <= 6; number++) {
    await page.goto(`${planUrl}/outcomes/${number}`)
    await page.getByRole('radio', { name: 'Level 3' }).check()
    await page.getByRole('radio', { name: 'Medium' }).check()
    await page.getByRole('button', { name: 'Save target' }).click()
    await expectBanner(page, 'Target saved')
    if (number === 2) {
      await expectAccessible(page)
      await page.getByRole('button', { name: 'Carry forward' }).click()
      await expectBanner(page, 'Development plan items carried forward as actions')
      const actions = page.getByRole('table', { name: 'Actions for objective 1' })
      await expect(
        actions.getByRole('cell', { name: 'Run evidence search training for ward managers', exact: true }),
      ).toBeVisible()
      await expect(
        actions.getByRole('cell', { name: 'Publish monthly evidence summaries on the intranet', exact: true }),
      ).toBeVisible()
    } else {
      await page.getByLabel('Add an objective').fill(`Reach level 3 on outcome ${number}`)
      await page.getByRole('button', { name: 'Add objective' }).click()
      await expectBanner(page, 'Objective added')
      if (number === 1) {
        await page.getByText('Add an action').click()
        await page.getByLabel('What will be done').fill('Survey staff knowledge needs')
        await page.getByLabel('Owner').fill('Clinical Librarian')
        await fillDate(page, 'dueDate', { day: '1', month: '1', year: '2030' })
        await page.getByLabel('Measure of success').fill('200 responses')
        await page.getByRole('button', { name: 'Add action' }).click()
        // Outside the plan period: refused, with everything typed kept.
        await expect(page.getByRole('link', { name: /Due date must be within the plan period/ })).toBeVisible()
        await expect(page.getByLabel('What will be done')).toHaveValue('Survey staff knowledge needs')
        await fillDate(page, 'dueDate', { day: '31', month: '3', year: '2027' })
        await page.getByRole('button', { name: 'Add action' }).click()
        await expectBanner(page, 'Action added')
      }
    }
    await page.getByRole('button', { name: `Mark outcome ${number} as completed` }).click()
    await expectBanner(page, `Outcome ${number} marked as completed`)
  }
  await page.getByRole('button', { name: 'Send for sign-off' }).click()
  await expectBanner(page, 'Plan sent to the executive sponsor for sign-off')

  const sponsor = await newPage(browser)
  await signIn(sponsor, 'sponsor@demo.nhs.uk')
  await sponsor.goto(`${planUrl}/sign-off`)
  await expectAccessible(sponsor)
  await sponsor.getByRole('radio', { name: 'Sign off the plan' }).check()
  await sponsor.getByRole('button', { name: 'Confirm decision' }).click()
  await expect(sponsor.getByText('Service Improvement Plan signed off')).toBeVisible()
  await sponsor.context().close()

  await page.reload()
  await page.getByRole('button', { name: 'Submit the plan' }).click()
  await expectBanner(page, 'Service Improvement Plan submitted')
})

test('the regional lead assigns a reviewer, who asks for a resubmission on one outcome', async ({ page, browser }) => {
  test.setTimeout(120_000)
  await signIn(page, 'regional.lead@demo.nhs.uk')
  await page.goto(`${planUrl}/review`)
  await page.getByLabel('Assign a reviewer').selectOption({ label: 'Priya Shah' })
  await page.getByRole('button', { name: 'Assign reviewer' }).click()
  await expectBanner(page, 'Reviewer assigned')

  const reviewer = await newPage(browser)
  await signIn(reviewer, 'priya.shah@demo.nhs.uk')
  await reviewer.goto(`${planUrl}/review`)
  await expectAccessible(reviewer)
  await reviewer.getByLabel(/^Outcome 3:/).fill('Outcome 3 needs a measurable objective')
  await reviewer.getByRole('checkbox', { name: 'The service must revise outcome 3' }).check()
  await fillDate(reviewer, 'meetingDate', { day: '10', month: '11', year: '2026' })
  await reviewer.getByLabel('Attendees').fill('Zoë Hartley, Priya Shah')
  await reviewer.getByLabel('Notes of the meeting').fill('Discussed the targets.')
  await reviewer.getByRole('radio', { name: 'Resubmission requested' }).check()
  await reviewer.getByRole('button', { name: 'Record the review' }).click()
  await expectBanner(reviewer, 'Review recorded')
  await reviewer.context().close()

  // The service cannot yet read the reviewer's comments.
  const lead = await newPage(browser)
  await signIn(lead, 'lead@demo.nhs.uk')
  await lead.goto(planUrl)
  await expect(lead.getByText('Outcome 3 needs a measurable objective')).toHaveCount(0)

  await page.goto(`${planUrl}/review`)
  await page.getByRole('button', { name: 'Confirm and ask for resubmission' }).click()
  await expectBanner(page, 'Review confirmed')

  await lead.reload()
  await expect(lead.getByText('Outcome 3 needs a measurable objective')).toBeVisible()
  await lead.goto(`${planUrl}/outcomes/3`)
  await lead.getByLabel('Add an objective').fill('Measure uptake every quarter')
  await lead.getByRole('button', { name: 'Add objective' }).click()
  await expectBanner(lead, 'Objective added')
  await lead.goto(planUrl)
  await lead.getByRole('button', { name: 'Resubmit the plan' }).click()
  await expectBanner(lead, 'Service Improvement Plan resubmitted to the reviewer')
  await lead.context().close()
})

test('the review is accepted with recommendations and published; the dashboard and the PDF show the plan', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const reviewer = await newPage(browser)
  await signIn(reviewer, 'priya.shah@demo.nhs.uk')
  await reviewer.goto(`${planUrl}/review`)
  await fillDate(reviewer, 'meetingDate', { day: '1', month: '12', year: '2026' })
  await reviewer.getByLabel('Attendees').fill('Zoë Hartley, Priya Shah')
  await reviewer.getByRole('radio', { name: 'Accepted with recommendations' }).check()
  await reviewer.getByLabel('Recommendations, or the points to address').fill('Report progress to the board')
  await reviewer.getByRole('button', { name: 'Record the review' }).click()
  await expectBanner(reviewer, 'Review recorded')
  await reviewer.context().close()

  await signIn(page, 'regional.lead@demo.nhs.uk')
  await page.goto(`${planUrl}/review`)
  await page.getByRole('button', { name: 'Confirm and publish the review' }).click()
  await expectBanner(page, 'Review confirmed')
  await expect(page.getByText('Review published').first()).toBeVisible()
  await expect(page.getByText('Next review due')).toBeVisible()

  await page.goto('/improvement')
  await page.getByLabel('Cycle').selectOption({ label: CYCLE })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByRole('table', { name: 'Service Improvement Plans by status and region' })).toBeVisible()
  const ambition = page.getByRole('table', { name: 'Target against current agreed grade, by outcome' })
  await expect(ambition.getByRole('row', { name: /Outcome 1/ })).toContainText('Level 3, Medium')
  await expect(page.getByRole('row', { name: new RegExp(ORGANISATION) })).toContainText('Review published')
  await expectAccessible(page)

  // The same views inside the regional dashboard, with the cycle chosen in its filter.
  await page.goto('/dashboards/regional')
  await page.getByLabel('Cycle', { exact: true }).selectOption({ label: `${CYCLE} (2019 edition)` })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  const byRegion = page.getByRole('table', { name: 'Service Improvement Plans by status and region', exact: true })
  await expect(byRegion.getByRole('row', { name: /^North West/ })).toBeVisible()
  await expect(
    page
      .getByRole('table', { name: 'Target against current agreed grade, by outcome', exact: true })
      .getByRole('row', { name: /Outcome 1/ }),
  ).toContainText('Level 3, Medium')

  const response = await page.request.get(`${planUrl}/plan.pdf`)
  expect(response.status()).toBe(200)
  const dir = path.resolve('tests/.tmp/e2e-pdf')
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, 'plan.pdf')
  await writeFile(file, await response.body())
  // -raw keeps each table cell's text together, in the order it was written.
  const { stdout } = await execute('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  const text = stdout.replace(/\s+/g, ' ')
  for (const expected of [
    'Service Improvement Plan',
    ORGANISATION,
    'A new clinical librarian post',
    'Run evidence search training for ward managers',
    'Survey staff knowledge needs',
    'Review record',
    'Accepted with recommendations',
    'Report progress to the board',
    'Outcome 3 needs a measurable objective',
  ])
    expect(text).toContain(expected)
})
