// Every role's journey from the demo data as seeded (issue 15, "Done when"): each person signs in and
// takes each step from their home page's next step, with no set-up in the database.
//
// - NHS Arden Forest ICB's 2026/27 submission (LKS-2627-QAF, not started, which no other spec
//   changes) goes all the way: the service lead (Anna Bright) writes it and sends it for sign-off,
//   the executive sponsor signs it off, the lead submits it, the Midlands regional lead (David Evans,
//   two-step) assigns the primary validator (Owen Griffiths) and a second (Fiona Campbell), the
//   second asks a question the lead answers, both validate, the primary records the outcomes they
//   agree on, the regional lead moderates the one they do not and publishes, and the lead plans the
//   required action and reads the result.
// - The North West regional lead moderates Pendle Moor's two differing outcomes (seeded waiting for
//   moderation, used by no other spec), publishes, and its service lead reads the result.
// - The Ribble Valley contributor adds evidence and links it to outcome 5 of LKS-2627-RXV (later
//   specs fill every outcome there again); the Ribble Valley lead plans a required action of the
//   Ribble and Fylde baseline result (no other spec changes that plan).
// - The national viewer and admin follow what happened from their home pages (read only).
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { makeFixtureFiles } from '../fixtures/files'
import { E2E_DIR } from './paths'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

const ARDEN = 'NHS Arden Forest Integrated Care Board'
const ARDEN_CARD = `${ARDEN}, 2026/27`
const PENDLE = 'Pendle Moor Hospitals NHS Trust'
const LEAD = 'anna.bright@demo.nhs.uk'
const SPONSOR = 'sponsor.qaf@demo.nhs.uk'
const REGIONAL_LEAD = 'david.evans@demo.nhs.uk'
const PRIMARY = 'owen.griffiths@demo.nhs.uk'
const SECOND = 'fiona.campbell@demo.nhs.uk'
const QUESTION = 'Which teams took part in the evidence search training you describe? (role journeys)'

test.describe.configure({ mode: 'serial' })

async function signedIn(browser: Browser, email: string, options: { javaScript?: boolean } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true })
  const page = await context.newPage()
  await signIn(page, email)
  return { page, close: () => context.close() }
}

/** Back to the home page the way a person goes: the header's Home link. */
async function goHome(page: Page) {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Home', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome, /)
}

/** A submission's card on a service's or sponsor's home page. */
const card = (page: Page, name: string) => page.getByRole('region', { name, exact: true })

/** The card's one primary button, by its label. */
const primaryButton = (page: Page, name: string, label: string) =>
  card(page, name).getByRole('button', { name: `${label} for ${name}`, exact: true })

/** The service's answer to one outcome, from the task list: levels 1 and 2 met, 3 and 4 not met. */
async function answerOutcome(page: Page, number: number, javaScript = true) {
  await page.getByRole('link', { name: new RegExp(`^Outcome ${number}:`) }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Outcome ${number}:`)
  for (const level of [1, 2, 3, 4]) {
    const section = page.locator('section', { has: page.getByRole('heading', { level: 3, name: `Level ${level}` }) })
    for (const radio of await section.getByRole('radio', { name: level <= 2 ? 'Met' : 'Not met', exact: true }).all())
      await radio.check()
  }
  await page
    .getByLabel('Narrative', { exact: true })
    .fill(`Outcome ${number}: the knowledge service supports every ICB directorate and the primary care networks.`)
  await page.getByLabel('Key strengths').fill('An evidence search service used by the ICB board.')
  await page.getByRole('group', { name: 'Self-assessed level' }).getByLabel('Level 2', { exact: true }).check()
  await page.getByRole('group', { name: 'Sub-level' }).getByLabel('High', { exact: true }).check()
  await page.getByRole('button', { name: 'Save and mark as completed' }).click()
  // No evidence is linked yet: the page warns of the indicators first, and the lead goes on.
  const warning = page.locator('#unevidenced-confirm')
  await expect(warning).toContainText(`Outcome ${number} is not marked as completed yet`)
  if (number === 1 && javaScript) await expectAccessible(page)
  await warning.getByRole('button', { name: 'Mark as completed without this evidence' }).click()
  await expectBanner(page, `Outcome ${number} marked as completed`)
  await expect(page.locator('.nhsuk-task-list__item', { hasText: `Outcome ${number}:` })).toContainText('Completed')
}

/** A validator's judgement of one outcome, from the "Your grades" table of their workspace. */
async function judge(page: Page, number: number, level: string, subLevel: string) {
  await page
    .getByRole('table', { name: 'Your grades' })
    .getByRole('link', { name: new RegExp(`^${number}\\. `) })
    .click()
  await page.getByRole('group', { name: 'Your level' }).getByLabel(level, { exact: true }).check()
  await page.getByRole('group', { name: 'Your sub-level' }).getByLabel(subLevel, { exact: true }).check()
  await page.getByLabel('Rationale for your grade').fill(`The narrative and evidence support ${level}, ${subLevel}.`)
  await page.getByRole('button', { name: 'Save your judgement' }).click()
  await expectBanner(page, `Your judgement of outcome ${number} is saved`)
}

/** From the validator's home page: their queue, then the submission's workspace. */
async function openFromQueue(page: Page, organisation: string) {
  const queue = page.getByRole('region', { name: 'Your validation queue' })
  await queue
    .getByRole('table', { name: 'Submissions assigned to you' })
    .getByRole('link', { name: organisation })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Validation of ${organisation}`)
}

test('the service lead continues the submission from the home page, completes it and sends it for sign-off', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000)
  await signIn(page, LEAD)
  const arden = card(page, ARDEN_CARD)
  await expect(arden).toContainText('0 of 8 sections completed')
  await expect(arden).toContainText(/Due 29 January 2027/)
  await expectAccessible(page)
  await primaryButton(page, ARDEN_CARD, 'Continue').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARDEN)
  await expectAccessible(page)

  // The pen portrait: both organisations the service supports, one post, the budget as typed.
  await page.getByRole('link', { name: 'Pen portrait' }).click()
  const headcounts = page.getByLabel('Staff headcount')
  for (let i = 0; i < (await headcounts.count()); i++) await headcounts.nth(i).fill(String(2400 + i * 900))
  await page.getByLabel('Post title').first().fill('Knowledge Services Lead')
  await page.getByLabel('WTE', { exact: true }).first().fill('1')
  await page
    .getByRole('group', { name: /qualified library and knowledge specialist/ })
    .first()
    .getByLabel('Yes')
    .check()
  await page.getByLabel('Annual budget (optional)').fill('£180,000')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save pen portrait' }).click()
  await expectBanner(page, 'Pen portrait saved')

  for (const number of [1, 2, 3, 4, 5]) await answerOutcome(page, number)
  // The last outcome without JavaScript: the same warning comes back from the server.
  const plain = await signedIn(browser, LEAD, { javaScript: false })
  await primaryButton(plain.page, ARDEN_CARD, 'Continue').click()
  await answerOutcome(plain.page, 6, false)
  await plain.close()

  await goHome(page)
  await expect(arden).toContainText('7 of 8 sections completed')
  await expect(arden).toContainText('Every section is complete.')
  await primaryButton(page, ARDEN_CARD, 'Check and send for sign-off').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Send for sign-off' }).click()
  await expectBanner(page, 'Sent for sign-off')

  await goHome(page)
  await expect(arden).toContainText('Waiting for the executive sponsor to sign it off.')
  await expect(arden.getByRole('button')).toHaveCount(0)
})

test('the executive sponsor signs it off from the home page', async ({ page }) => {
  await signIn(page, SPONSOR)
  await expect(card(page, ARDEN_CARD)).toContainText('Sent to you for sign-off')
  await expectAccessible(page)
  await primaryButton(page, ARDEN_CARD, 'Review and sign off').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review and sign off')
  await expectAccessible(page)
  await page.getByLabel('Sign off the submission').check()
  await page.getByRole('button', { name: 'Confirm decision' }).click()
  await expectBanner(page, 'Submission signed off')

  await goHome(page)
  await expect(card(page, ARDEN_CARD)).toContainText('Signed off by Executive sponsor, QAF (Director of Education) on ')
  await expect(card(page, ARDEN_CARD).getByRole('button')).toHaveCount(0)
})

test('the service lead submits it from the home page', async ({ page }) => {
  await signIn(page, LEAD)
  await expect(card(page, ARDEN_CARD)).toContainText('Signed off: ready to submit.')
  await primaryButton(page, ARDEN_CARD, 'Submit').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers')
  await page.getByRole('button', { name: 'Submit', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Submission complete')
  await expect(page.getByRole('main')).toContainText('LKS-2627-QAF')
  await expectAccessible(page)

  await goHome(page)
  await expect(card(page, ARDEN_CARD)).toContainText('Submitted: waiting for the regional team to assign validators.')
})

test('the regional lead assigns a primary and a second validator from the home page', async ({ page }) => {
  await signIn(page, REGIONAL_LEAD)
  await expectAccessible(page)
  await page.getByRole('link', { name: `Assign validators for ${ARDEN}`, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assign validators')
  const primary = page.getByLabel('Primary validator (from Midlands)')
  const owen = primary.locator('option', { hasText: 'Owen Griffiths' })
  await primary.selectOption((await owen.getAttribute('value'))!)
  const second = page.getByLabel('Second validator (from another region)')
  const fiona = second.locator('option', { hasText: 'Fiona Campbell' })
  await expect(fiona).toHaveText(/^Fiona Campbell \(South West\), no open assignments$/)
  await second.selectOption((await fiona.getAttribute('value'))!)
  await expectAccessible(page)
  // The cycle's validation deadline is the due date offered; the lead keeps it.
  await page.getByRole('button', { name: 'Assign validators' }).click()
  await expectBanner(page, 'Validators assigned')
  await expect(page.getByRole('main')).toContainText('In validation')
})

test('the second validator grades from their queue and asks the service a question', async ({ page }) => {
  test.setTimeout(120_000)
  await signIn(page, SECOND)
  await expect(page.getByRole('region', { name: 'Your validation queue' })).toContainText('1 submission to validate.')
  await expectAccessible(page)
  await openFromQueue(page, ARDEN)
  await expectAccessible(page)
  for (const number of [1, 2, 3, 4, 5, 6]) await judge(page, number, 'Level 2', number === 3 ? 'Low' : 'Medium')

  await page.getByRole('link', { name: 'Ask the service a question' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask for clarification')
  await page.getByLabel('Ask about outcome 4').check()
  await page.getByLabel('Your question about outcome 4').fill(QUESTION)
  await page.getByRole('button', { name: 'Send questions' }).click()
  await expectBanner(page, 'Clarification requested')
})

test('the service lead answers the clarification from the home page', async ({ page }) => {
  await signIn(page, LEAD)
  await expect(card(page, ARDEN_CARD)).toContainText('The validators have asked a question.')
  await primaryButton(page, ARDEN_CARD, 'Answer the clarification').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clarification questions')
  await expect(page.getByRole('main')).toContainText(QUESTION)
  await expectAccessible(page)
  await page
    .getByLabel('Your reply about outcome 4')
    .fill('The medicines optimisation and continuing healthcare teams, in March 2026.')
  await page.getByRole('button', { name: 'Send reply about outcome 4' }).click()
  await expectBanner(page, 'Reply sent')
  await page.getByRole('button', { name: 'Resubmit for validation' }).click()
  await expectBanner(page, 'Resubmitted for validation')

  await goHome(page)
  await expect(card(page, ARDEN_CARD)).toContainText('Being validated.')
})

test('the second validator reads the reply and completes their validation', async ({ page }) => {
  await signIn(page, SECOND)
  await openFromQueue(page, ARDEN)
  await page.getByRole('link', { name: 'Questions to the service' }).click()
  await expect(page.getByRole('main')).toContainText('The medicines optimisation and continuing healthcare teams')
  await page.goBack()
  await page.getByRole('button', { name: 'Complete your validation' }).click()
  await expectBanner(page, 'Your validation is complete. The other validator has not finished yet.')

  await goHome(page)
  await expect(page.getByRole('region', { name: 'Your validation queue' })).toContainText(
    /Nothing to validate at the moment\. You have completed \d+\./,
  )
})

test('the primary validator grades, completes and records the outcomes they agree on from the home page', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await signIn(page, PRIMARY)
  await openFromQueue(page, ARDEN)
  for (const number of [1, 2, 3, 4, 5, 6]) await judge(page, number, number === 3 ? 'Level 3' : 'Level 2', 'Medium')
  await page.getByRole('button', { name: 'Complete your validation' }).click()
  await expectBanner(
    page,
    'Both validations are complete. The regional lead moderates the outcomes whose grades differ by more than one sub-level; the primary validator records the agreed result of the others.',
  )

  // The agreed results waiting for the primary validator are on their home page.
  await goHome(page)
  await expectAccessible(page)
  await page.getByRole('link', { name: `Record the agreed result for ${ARDEN}`, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agreed result')
  await expectAccessible(page)
  await expect(page.getByRole('link', { name: /outcome 3$/ })).toHaveCount(0)
  for (const number of [1, 2, 4, 5, 6]) {
    await page.getByRole('link', { name: `Record the agreed result of outcome ${number}` }).click()
    await expect(page.getByRole('group', { name: 'Agreed level' }).getByLabel('Level 2', { exact: true })).toBeChecked()
    await page.getByLabel('Strengths and good practice').fill('A knowledge service the ICB board uses.')
    await page.getByLabel('Areas for development').fill('Reach into the primary care networks.')
    await page.getByRole('button', { name: 'Save the agreed result' }).click()
    await expectBanner(page, `Agreed result of outcome ${number} recorded`)
  }

  // Only outcome 3, for the regional lead, is left: nothing waits for the primary validator.
  await goHome(page)
  await expect(page.getByRole('link', { name: new RegExp(`the agreed result for ${ARDEN}$`) })).toHaveCount(0)
})

test('the regional lead moderates the outcome that differs, confirms and publishes from the home page', async ({
  page,
}) => {
  await signIn(page, REGIONAL_LEAD)
  await page.getByRole('link', { name: `Moderate for ${ARDEN}`, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agreed result')
  await expect(page.getByRole('table', { name: 'Agreed grades' })).toContainText('Agreed by the validators')
  await page.getByRole('link', { name: 'Moderate the agreed result of outcome 3' }).click()
  await page.getByRole('group', { name: 'Agreed level' }).getByLabel('Level 1', { exact: true }).check()
  await page.getByRole('group', { name: 'Agreed sub-level' }).getByLabel('Medium', { exact: true }).check()
  await page.getByLabel('Rationale for the moderated grade').fill('Moderated after reading both rationales.')
  await page.getByLabel('Strengths and good practice').fill('Library staff attend the ICB quality committee.')
  await page
    .getByLabel('Required actions')
    .fill('Agree a plan with the executive sponsor to reach level 2 for outcome 3')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Save the agreed result' }).click()
  await expectBanner(page, 'Agreed result of outcome 3 recorded')
  await page.getByRole('button', { name: 'Confirm the agreed result' }).click()
  await expectBanner(page, 'Submission validated')

  await goHome(page)
  await page.getByRole('link', { name: `Publish the result for ${ARDEN}`, exact: true }).click()
  await page.getByRole('button', { name: 'Publish the result' }).click()
  await expectBanner(page, 'Result published')
  await expectAccessible(page)
})

test('the service lead plans the required action and reads the result from the home page', async ({ page }) => {
  await signIn(page, LEAD)
  await expect(card(page, ARDEN_CARD)).toContainText('1 required action not yet in your development plan')
  await primaryButton(page, ARDEN_CARD, 'Update your development plan').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Development plan')
  await expectAccessible(page)
  // Issue 15, item 15: an item starts from the required action, with its text and outcome.
  await page.getByRole('link', { name: 'Add an item for the required action on outcome 3' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a development plan item')
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue(
    'Agree a plan with the executive sponsor to reach level 2 for outcome 3',
  )
  await expect(page.getByLabel('Required action it answers').locator('option:checked')).toHaveText(/^Outcome 3: /)
  await page.getByLabel('Owner').fill('Anna Bright')
  const due = page.getByRole('group', { name: 'Due date' })
  await due.getByLabel('Day').fill('30')
  await due.getByLabel('Month').fill('9')
  await due.getByLabel('Year').fill('2027')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Add item' }).click()
  await expectBanner(page, 'Item added to the development plan')
  await expect(page.getByRole('table', { name: 'Items in the development plan' })).toContainText('Anna Bright')

  await goHome(page)
  await primaryButton(page, ARDEN_CARD, 'Read your result').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validated result')
  await expect(page.getByRole('table', { name: /^Self-assessed and agreed grades by outcome/ })).toBeVisible()
  await expectAccessible(page)
})

test('the executive sponsor reads the result from the home page', async ({ page }) => {
  await signIn(page, SPONSOR)
  await primaryButton(page, ARDEN_CARD, 'Read your result').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validated result')
  await expect(page.getByRole('main')).toContainText('Agree a plan with the executive sponsor to reach level 2')
})

test('the North West regional lead moderates Pendle Moor’s differing outcomes and publishes; its lead reads the result', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  await signIn(page, 'regional.lead@demo.nhs.uk')
  await page.getByRole('link', { name: `Moderate for ${PENDLE}`, exact: true }).click()
  const grades = page.getByRole('table', { name: 'Agreed grades' })
  await expect(grades).toContainText('Agreed by the validators')
  await expectAccessible(page)
  for (const number of [2, 5]) {
    await page.getByRole('link', { name: `Moderate the agreed result of outcome ${number}` }).click()
    await page.getByRole('group', { name: 'Agreed level' }).getByLabel('Level 2', { exact: true }).check()
    await page.getByRole('group', { name: 'Agreed sub-level' }).getByLabel('Medium', { exact: true }).check()
    await page
      .getByLabel('Rationale for the moderated grade')
      .fill('The evidence shows the practice in most directorates, not yet all.')
    await page.getByLabel('Strengths and good practice').fill('A clinical librarian in every governance meeting.')
    await page.getByRole('button', { name: 'Save the agreed result' }).click()
    await expectBanner(page, `Agreed result of outcome ${number} recorded`)
  }
  await expect(grades).toContainText('Decided at moderation')
  await page.getByRole('button', { name: 'Confirm the agreed result' }).click()
  await expectBanner(page, 'Submission validated')
  await goHome(page)
  await page.getByRole('link', { name: `Publish the result for ${PENDLE}`, exact: true }).click()
  await page.getByRole('button', { name: 'Publish the result' }).click()
  await expectBanner(page, 'Result published')

  // The region's dashboard, from the header.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboard', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('North West dashboard')
  await expectAccessible(page)

  const service = await signedIn(browser, 'nia.roberts@demo.nhs.uk')
  await primaryButton(service.page, `${PENDLE}, 2026/27`, 'Read your result').click()
  await expect(service.page.getByRole('heading', { level: 1 })).toHaveText('Validated result')
  await expect(service.page.getByRole('table', { name: /^Self-assessed and agreed grades by outcome/ })).toBeVisible()
  await expectAccessible(service.page)
  await service.close()
})

test('the contributor adds evidence to the library and links it to an outcome, from the home page', async ({
  page,
}) => {
  const files = await makeFixtureFiles(path.join(E2E_DIR, 'role-journeys-files'))
  const title = 'Role journeys: current awareness bulletin, spring 2025'
  await signIn(page, 'contributor@demo.nhs.uk')
  await page.getByRole('link', { name: 'Ribble Valley Library and Knowledge Service evidence library' }).click()
  await page.getByRole('button', { name: 'Add evidence' }).first().click()
  await page.getByLabel('Title').fill(title)
  const start = page.getByRole('group', { name: 'Evidence start date' })
  await start.getByLabel('Day').fill('1')
  await start.getByLabel('Month').fill('4')
  await start.getByLabel('Year').fill('2025')
  await page.getByLabel('Upload files').setInputFiles([files.pdf])
  await page.getByRole('button', { name: 'Add evidence' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

  const teaching = 'Ribble Valley Teaching Hospitals NHS Foundation Trust, 2026/27'
  await goHome(page)
  await primaryButton(page, teaching, 'Continue').click()
  await page.getByRole('link', { name: /^Outcome 5:/ }).click()
  await page.getByRole('button', { name: 'Link evidence' }).click()
  await page.getByLabel('Evidence item').selectOption({ label: `${title} (1 April 2025)` })
  await page.getByLabel('What does it support?').selectOption({ index: 1 })
  await page.getByLabel('Page or section (optional)').fill('page 1')
  await page.getByRole('button', { name: 'Link evidence' }).click()
  await expectBanner(page, 'Evidence linked')
  await expect(page.getByRole('table', { name: /Evidence linked to outcome 5/ })).toContainText(title)
  await page
    .getByLabel('Narrative', { exact: true })
    .fill('Our current awareness bulletin reaches every ward; the spring 2025 issue is linked.')
  await page.getByRole('button', { name: 'Save and come back later' }).click()
  await expectBanner(page, 'Outcome 5 saved')
  await expectAccessible(page)
})

test('the Ribble Valley lead starts a development plan item from a required action of a seeded result', async ({
  page,
}) => {
  const baseline = 'Ribble and Fylde Community Health NHS Trust, 2021/22 baseline'
  await signIn(page, 'lead@demo.nhs.uk')
  await primaryButton(page, baseline, 'Update your development plan').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Development plan')
  const add = page.getByRole('link', { name: /^Add an item for the required action on outcome \d$/ }).first()
  const outcome = (await add.textContent())!.match(/outcome (\d)$/)![1]
  await add.click()
  await expect(page.getByLabel('Action', { exact: true })).toHaveValue(
    `Agree a plan with the executive sponsor to reach level 2 for outcome ${outcome}.`,
  )
  await expect(page.getByLabel('Required action it answers').locator('option:checked')).toHaveText(
    new RegExp(`^Outcome ${outcome}: `),
  )
  await page.getByLabel('Owner').fill('Zoë Hartley')
  const due = page.getByRole('group', { name: 'Due date' })
  await due.getByLabel('Day').fill('31')
  await due.getByLabel('Month').fill('3')
  await due.getByLabel('Year').fill('2027')
  await page.getByRole('button', { name: 'Add item' }).click()
  await expectBanner(page, 'Item added to the development plan')
  await expect(page.getByRole('table', { name: 'Items in the development plan' })).toContainText(
    `Agree a plan with the executive sponsor to reach level 2 for outcome ${outcome}.`,
  )
})

test('the national viewer follows the cycle, a published result and the national dashboard from the home page', async ({
  page,
}) => {
  await signIn(page, 'viewer@demo.nhs.uk')
  await page
    .getByRole('table', { name: 'Cycles and their submissions' })
    .getByRole('link', { name: '2026/27', exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2026/27')
  const submissions = page.getByRole('table', { name: 'Submissions you can see' })
  await expect(submissions.getByRole('row').filter({ hasText: ARDEN })).toContainText('Result published')
  await expectAccessible(page)
  await submissions.getByRole('link', { name: ARDEN }).click()
  await page.getByRole('link', { name: 'Result', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validated result')
  await expectAccessible(page)

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboards', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('National dashboard')
  await expect(
    page
      .locator('.nhsuk-summary-list__row', { hasText: 'With agreed grades' })
      .first()
      .locator('.nhsuk-summary-list__value'),
  ).toHaveText(/^[1-9]\d*$/)
  await expectAccessible(page)
})

test('the national admin reads the receipt sent and the submission’s audit trail from the home page', async ({
  page,
}) => {
  await signIn(page, 'admin@demo.nhs.uk')
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration')
  await page.getByRole('link', { name: 'Email sent' }).click()
  await page
    .getByRole('link', { name: `Submission received: LKS-2627-QAF, ${ARDEN}, 2026/27`, exact: true })
    .first()
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Submission received: LKS-2627-QAF, ${ARDEN}, 2026/27`,
  )
  await expectAccessible(page)

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Admin', exact: true }).click()
  await page.getByRole('link', { name: 'Audit log' }).click()
  await page.getByLabel('Record ID or submission reference').fill('LKS-2627-QAF')
  await page.getByRole('button', { name: 'Filter' }).click()
  const events = page.getByRole('table', { name: 'Recorded events, newest first' })
  await expect(events).toContainText('Validators assigned')
  await expect(events).toContainText('Result published')
  await expectAccessible(page)
})
