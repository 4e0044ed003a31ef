// Regional validation (issue 4): the regional lead assigns two validators, who grade independently
// and disagree by more than one sub-level on one outcome; a clarification round trip with the
// service; moderation; publication; the service reads its result and adds development plan items.
import type { Browser, Page } from '@playwright/test'
import { submissionId } from './db'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

const ORGANISATION = 'Ribble and Fylde Community Health NHS Trust'

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page, email)
  return { page, close: () => context.close() }
}

/** Opens the validator's workspace for the submission from their queue. */
async function openWorkspace(page: Page) {
  await page.goto('/validation')
  await expectAccessible(page)
  await page.getByRole('row').filter({ hasText: '2026/27' }).getByRole('link', { name: ORGANISATION }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Validation of ${ORGANISATION}`)
  return page.url()
}

async function gradeOutcome(page: Page, workspace: string, number: number, level: string, subLevel: string) {
  await page.goto(`${workspace}/outcomes/${number}`)
  await page.getByRole('group', { name: 'Your level' }).getByLabel(level, { exact: true }).check()
  await page.getByRole('group', { name: 'Your sub-level' }).getByLabel(subLevel, { exact: true }).check()
  await page
    .getByLabel('Rationale for your grade')
    .fill(`Outcome ${number}: the narrative and linked evidence support ${level}, ${subLevel}.`)
  await page.getByRole('button', { name: 'Save your judgement' }).click()
  await expectBanner(page, `Your judgement of outcome ${number} is saved`)
}

test('a regional lead, two validators, the service and moderation take a submission to its published result', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000)
  const id = await submissionId('LKS-2627-RYV')

  // The regional lead assigns a primary validator from the region and a second from elsewhere.
  await signIn(page, 'regional.lead@demo.nhs.uk')
  await page.getByRole('link', { name: `Assign validators for ${ORGANISATION}` }).click()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Assign validators' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: 'Select the primary validator' })).toBeVisible()
  await expectAccessible(page)
  // Each validator is offered with their workload: the assignments they have not yet completed.
  const primary = page.getByLabel('Primary validator (from North West)')
  const second = page.getByLabel('Second validator (from another region)')
  const priyaOption = primary.locator('option', { hasText: 'Priya Shah' })
  await expect(priyaOption).toHaveText(/^Priya Shah \(North West\), (no|\d+) open assignments?$/)
  await primary.selectOption((await priyaOption.getAttribute('value'))!)
  await expect(second.locator('option', { hasText: 'Priya Shah' })).toHaveCount(0)
  const lukaszOption = second.locator('option', { hasText: 'Łukasz Nowak' })
  await expect(lukaszOption).toHaveText(/^Łukasz Nowak \(London\), \d+ open assignments?$/)
  await second.selectOption((await lukaszOption.getAttribute('value'))!)
  // The cycle's validation deadline is offered as the due date.
  const due = page.getByRole('group', { name: 'Due date' })
  await expect(due.getByLabel('Day')).toHaveValue('31')
  await expect(due.getByLabel('Month')).toHaveValue('3')
  await expect(due.getByLabel('Year')).toHaveValue('2027')
  await due.getByLabel('Day').fill('26')
  await due.getByLabel('Month').fill('2')
  await due.getByLabel('Year').fill('2027')
  await page.getByRole('button', { name: 'Assign validators' }).click()
  await expectBanner(page, 'Validators assigned')
  await expect(page.getByRole('main')).toContainText('In validation')

  // Both validators grade independently; they differ by more than one sub-level on outcome 3.
  const priya = await signedInPage(browser, 'priya.shah@demo.nhs.uk')
  const lukasz = await signedInPage(browser, 'validator@demo.nhs.uk')
  const priyaWorkspace = await openWorkspace(priya.page)
  const lukaszWorkspace = await openWorkspace(lukasz.page)
  await priya.page.goto(`${priyaWorkspace}/outcomes/1`)
  await expect(priya.page.getByRole('heading', { level: 2, name: 'The service’s answer' })).toBeVisible()
  await expectAccessible(priya.page)
  // An impossible grade is refused, with the rationale kept.
  await priya.page.getByRole('group', { name: 'Your level' }).getByLabel('Level 0', { exact: true }).check()
  await priya.page.getByRole('group', { name: 'Your sub-level' }).getByLabel('High', { exact: true }).check()
  await priya.page.getByLabel('Rationale for your grade').fill('Kept after an error.')
  await priya.page.getByRole('button', { name: 'Save your judgement' }).click()
  await expect(priya.page.getByRole('alert').getByRole('link', { name: /Level 0 has no sub-level/ })).toBeVisible()
  await expect(priya.page.getByLabel('Rationale for your grade')).toHaveValue('Kept after an error.')

  for (const number of [1, 2, 3, 4, 5, 6]) {
    await gradeOutcome(priya.page, priyaWorkspace, number, number === 3 ? 'Level 3' : 'Level 2', 'Medium')
    await gradeOutcome(lukasz.page, lukaszWorkspace, number, 'Level 2', number === 3 ? 'Low' : 'Medium')
  }

  // A clarification round trip: the second validator asks about outcome 2; the service replies,
  // changes its answer and resubmits.
  const threads = `/submissions/${id}/clarifications`
  await lukasz.page.goto(threads)
  await lukasz.page.getByRole('button', { name: 'Ask for clarification' }).click()
  await lukasz.page.getByLabel('Ask about outcome 2').check()
  await lukasz.page
    .getByLabel('Your question about outcome 2')
    .fill('Which Board papers show the evidence service being used?')
  await lukasz.page.getByRole('button', { name: 'Send questions' }).click()
  await expectBanner(lukasz.page, 'Clarification requested')
  await expectAccessible(lukasz.page)

  const lead = await signedInPage(browser, 'lead@demo.nhs.uk')
  await lead.page.goto(`/submissions/${id}`)
  await lead.page.getByRole('link', { name: 'Questions from the validators' }).click()
  await lead.page
    .getByLabel('Your reply about outcome 2')
    .fill('The March 2026 Board papers, linked under indicator 2.3.1.')
  await lead.page.getByRole('button', { name: 'Send reply about outcome 2' }).click()
  await expectBanner(lead.page, 'Reply sent')
  await lead.page.getByRole('link', { name: 'Change your answer to outcome 2' }).click()
  await lead.page
    .getByLabel('Narrative', { exact: true })
    .fill('Board papers from March 2026 cite our evidence summaries in two decisions.')
  await lead.page.getByRole('button', { name: 'Save and come back later' }).click()
  await expectBanner(lead.page, 'Outcome 2 saved')
  await lead.page.goto(threads)
  await lead.page.getByRole('button', { name: 'Resubmit for validation' }).click()
  await expectBanner(lead.page, 'Resubmitted for validation')
  await expectAccessible(lead.page)

  // Completing: the first to finish waits, and cannot see the other's grades.
  await priya.page.goto(priyaWorkspace)
  await priya.page.getByRole('button', { name: 'Complete your validation' }).click()
  await expectBanner(priya.page, 'Your validation is complete. The other validator has not finished yet.')
  await expect(priya.page.getByRole('heading', { name: 'Both validators’ grades' })).toHaveCount(0)
  await lukasz.page.goto(lukaszWorkspace)
  await lukasz.page.getByRole('button', { name: 'Complete your validation' }).click()
  await expectBanner(
    lukasz.page,
    'Both validations are complete. The regional lead moderates the outcomes whose grades differ by more than one sub-level; the primary validator records the agreed result of the others.',
  )
  await expect(lukasz.page.getByRole('table', { name: 'Grades by outcome' })).toContainText('Needs moderation')
  await expectAccessible(lukasz.page)
  await lukasz.close()

  // Nothing of the validation shows to the service before publication.
  const early = await lead.page.goto(`/submissions/${id}/result`)
  expect(early?.status()).toBe(404)

  // Moderation is per outcome. The regional lead, from their home page, decides only outcome 3,
  // which differs by more than one sub-level; below the minimum it needs a required action.
  await page.goto('/')
  await page.getByRole('link', { name: `Moderate for ${ORGANISATION}` }).click()
  await expectAccessible(page)
  const grades = page.getByRole('table', { name: 'Agreed grades' })
  await expect(grades).toContainText('Decided at moderation')
  await expect(grades).toContainText('Agreed by the validators')
  await expect(page.getByRole('link', { name: 'Record the agreed result of outcome 1' })).toHaveCount(0)
  await page.getByRole('link', { name: 'Moderate the agreed result of outcome 3' }).click()
  await page.getByRole('group', { name: 'Agreed level' }).getByLabel('Level 1', { exact: true }).check()
  await page.getByRole('group', { name: 'Agreed sub-level' }).getByLabel('Medium', { exact: true }).check()
  await page.getByLabel('Rationale for the moderated grade').fill('Moderated after reading both rationales.')
  await page.getByLabel('Strengths and good practice').fill('A well-used literature search service.')
  await page.getByRole('button', { name: 'Save the agreed result' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: /Enter at least one required action/ })).toBeVisible()
  await expect(page.getByLabel('Strengths and good practice')).toHaveValue('A well-used literature search service.')
  await expectAccessible(page)
  await page
    .getByLabel('Required actions')
    .fill('Agree a plan with the executive sponsor to reach level 2 for outcome 3')
  await page.getByRole('button', { name: 'Save the agreed result' }).click()
  await expectBanner(page, 'Agreed result of outcome 3 recorded')

  // The primary validator records the outcomes the validators agreed on.
  await priya.page.goto(`/submissions/${id}/agreement`)
  for (const number of [1, 2, 4, 5, 6]) {
    await priya.page.getByRole('link', { name: `Record the agreed result of outcome ${number}` }).click()
    await expect(
      priya.page.getByRole('group', { name: 'Agreed level' }).getByLabel('Level 2', { exact: true }),
    ).toBeChecked()
    await priya.page.getByLabel('Strengths and good practice').fill('A well-used literature search service.')
    await priya.page.getByLabel('Areas for development').fill('Evidence of impact at Board level.')
    await priya.page.getByRole('button', { name: 'Save the agreed result' }).click()
    await expectBanner(priya.page, `Agreed result of outcome ${number} recorded`)
  }
  await expect(priya.page.getByRole('link', { name: /outcome 3$/ })).toHaveCount(0)
  await priya.close()
  await page.reload()
  await page.getByRole('button', { name: 'Confirm the agreed result' }).click()
  await expectBanner(page, 'Submission validated')
  await page.getByRole('button', { name: 'Publish the result' }).click()
  await expectBanner(page, 'Result published')
  await expectAccessible(page)

  // The regional lead sees the history of the submission.
  await page.goto(`/submissions/${id}/history`)
  const history = page.getByRole('table', { name: 'Recorded events' })
  for (const event of [
    'Validators assigned',
    'Clarification requested',
    'Resubmitted after clarification',
    'Sent to moderation',
    'Result published',
  ]) {
    await expect(history).toContainText(event)
  }
  // The assignment names each validator by their role, and every entry links to what it changed,
  // a page the regional lead can open.
  const assigned = history.getByRole('row').filter({ hasText: 'Validators assigned' })
  await expect(assigned).toContainText('Primary validator: Priya Shah')
  await expect(assigned).toContainText('Second validator: Łukasz Nowak')
  const targets = new Set(
    await history.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? '')),
  )
  expect(targets).toContain(`/submissions/${id}/assign`)
  expect(targets).toContain(`/submissions/${id}/result`)
  for (const href of targets) {
    expect(href).toMatch(new RegExp(`^/submissions/${id}(/|$)`))
    expect((await page.request.get(href)).status(), href).toBe(200)
  }
  await expectAccessible(page)

  // The service reads its result, beside its self-assessment, and starts its development plan.
  await lead.page.goto(`/submissions/${id}`)
  await lead.page.getByRole('link', { name: 'Result', exact: true }).click()
  await expect(lead.page.getByRole('heading', { level: 1 })).toHaveText('Validated result')
  await expect(lead.page.getByRole('table', { name: /^Self-assessed and agreed grades by outcome/ })).toBeVisible()
  await expect(
    lead.page.getByText('Agree a plan with the executive sponsor to reach level 2 for outcome 3'),
  ).toBeVisible()
  await expectAccessible(lead.page)
  await lead.page.getByRole('link', { name: 'Go to your development plan' }).click()
  await lead.page.getByRole('link', { name: 'Add an item for the required action on outcome 3' }).click()
  await lead.page.getByLabel('Action', { exact: true }).fill('Present a staffing business case to the Board')
  await lead.page.getByLabel('Owner').fill('Zoë Hartley')
  const planDue = lead.page.getByRole('group', { name: 'Due date' })
  await planDue.getByLabel('Day').fill('30')
  await planDue.getByLabel('Month').fill('6')
  await planDue.getByLabel('Year').fill('2027')
  await lead.page.getByRole('button', { name: 'Add item' }).click()
  await expect(lead.page.getByRole('table', { name: 'Items in the development plan' })).toContainText(
    'Present a staffing business case to the Board',
  )
  await expectAccessible(lead.page)
  await lead.close()

  // The regional lead sees the plan and its progress.
  await page.goto(`/submissions/${id}/development-plan`)
  await expect(page.getByRole('table', { name: 'Items in the development plan' })).toContainText(
    'Present a staffing business case to the Board',
  )
})
