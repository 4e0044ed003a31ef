// The pilot library service's journey (issue 3): evidence, pen portrait, six outcomes, sign-off by
// the executive sponsor, submission and the lock; the same journey without JavaScript; and two
// people editing one outcome at once.
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { makeFixtureFiles } from '../fixtures/files'
import { submissionId } from './db'
import { E2E_DIR } from './paths'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

type Journey = {
  reference: string
  sponsor: { email: string; name: string; role: string }
  javaScript: boolean
  prefix: string
}

/** axe runs inside the page, so it can check only pages with JavaScript on. */
async function checkAccessible(page: Page, journey: Journey) {
  if (journey.javaScript) await expectAccessible(page)
}

/** The notification banner a successful form shows after it redirects. */
/** Adds one evidence item with files through the library's own form. */
async function addEvidence(
  page: Page,
  library: string,
  title: string,
  files: string[],
  from: [string, string, string],
) {
  await page.goto(library)
  await page.getByRole('button', { name: 'Add evidence' }).first().click()
  await page.getByLabel('Title').fill(title)
  const start = page.getByRole('group', { name: 'Evidence start date' })
  await start.getByLabel('Day').fill(from[0])
  await start.getByLabel('Month').fill(from[1])
  await start.getByLabel('Year').fill(from[2])
  await page.getByLabel('Upload files').setInputFiles(files)
  await page.getByRole('button', { name: 'Add evidence' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
}

/** Marks levels 1 and 2 met and 3 and 4 not met, writes the narrative and grades the outcome. */
async function completeOutcome(
  page: Page,
  journey: Journey,
  number: number,
  options: { reason?: string; grade?: [string, string] } = {},
) {
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Outcome ${number}:`)
  for (const level of [1, 2, 3, 4]) {
    const section = page.locator('section', { has: page.getByRole('heading', { level: 3, name: `Level ${level}` }) })
    for (const radio of await section.getByRole('radio', { name: level <= 2 ? 'Met' : 'Not met', exact: true }).all())
      await radio.check()
  }
  // With JavaScript the suggestion follows the indicators as they are marked.
  if (journey.javaScript)
    await expect(page.getByText('Suggested grade from your indicators: Level 2, High')).toBeVisible()
  await page
    .getByLabel('Narrative', { exact: true })
    .fill(
      `Outcome ${number}: our service works with every directorate. Zoë’s team ran 412 literature searches in 2025/26.`,
    )
  await page.getByLabel('Key strengths').fill('Board-level sponsorship and a strong outreach programme.')
  const [level, subLevel] = options.grade ?? ['Level 2', 'High']
  await page.getByRole('group', { name: 'Self-assessed level' }).getByLabel(level, { exact: true }).check()
  await page.getByRole('group', { name: 'Sub-level' }).getByLabel(subLevel, { exact: true }).check()
  if (options.reason) await page.getByLabel('Reason for your grade').fill(options.reason)
  await page.getByRole('button', { name: 'Save and mark as completed' }).click()
  // Level 2 is claimed with evidence on one indicator at most: the page warns of the others first.
  await expect(page.locator('#unevidenced-confirm')).toContainText(`Outcome ${number} is not marked as completed yet`)
  await page.getByRole('button', { name: 'Mark as completed without this evidence' }).click()
  await expectBanner(page, `Outcome ${number} marked as completed`)
}

async function runJourney(page: Page, browser: Browser, journey: Journey) {
  const files = await makeFixtureFiles(path.join(E2E_DIR, `${journey.prefix}-files`))
  await signIn(page, 'lead@demo.nhs.uk')

  // Evidence: real PDF, Word, Excel and PNG files in the service's library.
  await page.getByRole('link', { name: 'Ribble Valley Library and Knowledge Service evidence library' }).click()
  const library = page.url()
  await checkAccessible(page, journey)
  const strategy = `${journey.prefix} LKS strategy 2025 to 2028`
  await addEvidence(page, library, strategy, [files.pdf], ['1', '4', '2025'])
  await addEvidence(
    page,
    library,
    `${journey.prefix} usage statistics and service review`,
    [files.xlsx, files.docx],
    ['1', '4', '2025'],
  )
  await addEvidence(page, library, `${journey.prefix} outreach stand photograph`, [files.png], ['12', '6', '2025'])
  await checkAccessible(page, journey)

  // The task list.
  const id = await submissionId(journey.reference)
  await page.goto(`/submissions/${id}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Your submission' })).toBeVisible()
  await expect(page.locator('.nhsuk-task-list__item', { hasText: 'Submit' })).toContainText('Cannot start yet')
  await checkAccessible(page, journey)

  // Pen portrait, with a second post added through the form itself.
  await page.getByRole('link', { name: 'Pen portrait' }).click()
  await checkAccessible(page, journey)
  const headcounts = page.getByLabel('Staff headcount')
  for (let i = 0; i < (await headcounts.count()); i++) await headcounts.nth(i).fill(String(4200 + i * 1000))
  const wtes = page.getByLabel('Staff WTE')
  for (let i = 0; i < (await wtes.count()); i++) await wtes.nth(i).fill(String(3500 + i * 800))
  await page.getByLabel('Post title').first().fill('Head of Library and Knowledge Services')
  await page.getByLabel('WTE', { exact: true }).first().fill('1')
  await page
    .getByRole('group', { name: /qualified library and knowledge specialist/ })
    .first()
    .getByLabel('Yes')
    .check()
  await page.getByRole('button', { name: 'Add another post' }).click()
  await expect(page.getByLabel('Post title')).toHaveCount(2)
  await expect(page.getByLabel('Post title').first()).toHaveValue('Head of Library and Knowledge Services')
  await page.getByLabel('Post title').nth(1).fill('Clinical Librarian')
  await page.getByLabel('WTE', { exact: true }).nth(1).fill('0.8')
  await page
    .getByRole('group', { name: /qualified library and knowledge specialist/ })
    .nth(1)
    .getByLabel('Yes')
    .check()
  await page.getByLabel('Annual budget (optional)').fill('245000')
  await page.getByLabel('LKS strategy', { exact: true }).selectOption({ label: strategy })
  await page.getByRole('button', { name: 'Save pen portrait' }).click()
  await expectBanner(page, 'Pen portrait saved')
  await expect(page.locator('.nhsuk-task-list__item', { hasText: 'Pen portrait' })).toContainText('Completed')

  // Six outcomes; outcome 1 with linked evidence, outcome 6 graded differently with a reason.
  for (const number of [1, 2, 3, 4, 5, 6]) {
    await page.goto(`/submissions/${id}/outcomes/${number}`)
    if (number === 1) {
      await checkAccessible(page, journey)
      await page.getByRole('button', { name: 'Link evidence' }).click()
      await checkAccessible(page, journey)
      await page.getByLabel('Evidence item').selectOption({ label: `${strategy} (1 April 2025)` })
      await page.getByLabel('What does it support?').selectOption({ index: 1 })
      await page.getByLabel('Page or section (optional)').fill('section 2')
      await page.getByRole('button', { name: 'Link evidence' }).click()
      await expectBanner(page, 'Evidence linked')
      await expect(page.getByRole('table', { name: /Evidence linked to outcome 1/ })).toContainText('section 2')
    }
    if (number === 6) {
      // An impossible grade, then a grade different from the suggestion without a reason: errors,
      // and nothing typed is lost.
      await page.getByLabel('Narrative', { exact: true }).fill('Impact case studies go to the Board every quarter.')
      await page.getByRole('group', { name: 'Self-assessed level' }).getByLabel('Level 0', { exact: true }).check()
      await page.getByRole('group', { name: 'Sub-level' }).getByLabel('Low', { exact: true }).check()
      await page.getByRole('button', { name: 'Save and come back later' }).click()
      await expect(page.getByRole('alert').getByRole('link', { name: /Level 0 has no sub-level/ })).toBeVisible()
      await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue(
        'Impact case studies go to the Board every quarter.',
      )
      await page.getByRole('group', { name: 'Self-assessed level' }).getByLabel('Level 3', { exact: true }).check()
      await page.getByRole('button', { name: 'Save and mark as completed' }).click()
      await expect(
        page.getByRole('alert').getByRole('link', { name: /Give a reason why your grade for outcome 6 differs/ }),
      ).toBeVisible()
      await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue(
        'Impact case studies go to the Board every quarter.',
      )
      await checkAccessible(page, journey)
      await completeOutcome(page, journey, 6, {
        grade: ['Level 3', 'Low'],
        reason: 'Board minutes show routine use of our impact case studies.',
      })
    } else {
      await completeOutcome(page, journey, number)
    }
  }

  // Check answers and send for sign-off.
  await page.goto(`/submissions/${id}/check`)
  await checkAccessible(page, journey)
  await page.getByRole('button', { name: 'Send for sign-off' }).click()
  await expectBanner(page, 'Sent for sign-off')
  await expect(page.locator('.nhsuk-task-list__item', { hasText: 'Check your answers' })).toContainText(
    'Awaiting sign-off',
  )

  // The executive sponsor signs off, in their own browser.
  const sponsorContext = await browser.newContext({ javaScriptEnabled: journey.javaScript })
  const sponsor = await sponsorContext.newPage()
  await signIn(sponsor, journey.sponsor.email)
  await sponsor.goto(`/submissions/${id}`)
  await sponsor.getByRole('button', { name: 'Review and sign off' }).click()
  await checkAccessible(sponsor, journey)
  await sponsor.getByRole('button', { name: 'Confirm decision' }).click()
  await expect(
    sponsor.getByRole('alert').getByRole('link', { name: 'Select whether you sign off the submission or return it' }),
  ).toBeVisible()
  await sponsor.getByLabel('Sign off the submission').check()
  await expect(sponsor.getByLabel('Your name')).toHaveValue(journey.sponsor.name)
  await sponsor.getByRole('button', { name: 'Confirm decision' }).click()
  await expectBanner(sponsor, 'Submission signed off')
  await sponsorContext.close()

  // The lead's task list shows the sign-off at once.
  await page.goto(`/submissions/${id}`)
  await expect(page.getByText(`Signed off by ${journey.sponsor.name}, ${journey.sponsor.role}, on `)).toBeVisible()

  // The lead submits; the submission is locked.
  await page.goto(`/submissions/${id}/check`)
  await expect(page.getByText(`Signed off by ${journey.sponsor.name}, ${journey.sponsor.role}`)).toBeVisible()
  await page.getByRole('button', { name: 'Submit', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Submission complete' })).toBeVisible()
  await expect(page.getByText(journey.reference)).toBeVisible()
  await checkAccessible(page, journey)

  await page.goto(`/submissions/${id}/outcomes/2`)
  await expect(page.getByText('This outcome cannot be changed')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save and mark as completed' })).toHaveCount(0)
  // A forged save is refused by the server, and nothing changes.
  const forged = await page.request.post(`/submissions/${id}/outcomes/2`, {
    form: { intent: 'save', version: '99', narrative: 'Changed after submission' },
  })
  expect(forged.status()).toBe(409)
  await page.reload()
  await expect(page.getByLabel('Narrative', { exact: true })).not.toHaveValue('Changed after submission')
}

test.describe.configure({ mode: 'serial' })

test('a service completes its submission, the sponsor signs it off and the lead submits it', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000)
  await runJourney(page, browser, {
    reference: 'LKS-2627-RXV',
    sponsor: { email: 'sponsor@demo.nhs.uk', name: 'Dr Aisha Rahman', role: 'Chief Medical Officer' },
    javaScript: true,
    prefix: 'With JavaScript:',
  })
})

test('two people saving the same outcome see both narratives instead of losing one', async ({ browser }) => {
  const id = await submissionId('LKS-2627-RWV')
  const firstContext = await browser.newContext()
  const secondContext = await browser.newContext()
  const first = await firstContext.newPage()
  const second = await secondContext.newPage()
  await signIn(first, 'lead@demo.nhs.uk')
  await signIn(second, 'contributor@demo.nhs.uk')
  await first.goto(`/submissions/${id}/outcomes/2`)
  await second.goto(`/submissions/${id}/outcomes/2`)
  await first.getByLabel('Narrative', { exact: true }).fill('The lead’s version.')
  await first.getByRole('button', { name: 'Save and come back later' }).click()
  await expectBanner(first, 'Outcome 2 saved')

  await second.getByLabel('Narrative', { exact: true }).fill('The contributor’s version.')
  await second.getByRole('button', { name: 'Save and come back later' }).click()
  await expect(second.getByText('Someone else changed this outcome')).toBeVisible()
  await expect(second.getByTestId('their-narrative')).toHaveText('The lead’s version.')
  await expect(second.getByLabel('Narrative', { exact: true })).toHaveValue('The contributor’s version.')
  await expectAccessible(second)
  await second.getByLabel('Narrative', { exact: true }).fill('The lead’s version. The contributor’s version.')
  await second.getByRole('button', { name: 'Save and come back later' }).click()
  await expectBanner(second, 'Outcome 2 saved')
  await firstContext.close()
  await secondContext.close()
})

/**
 * Issue 14's case: a contributor changes key strengths and marks an indicator met; the lead, on
 * pages opened before that, saves. A change only the lead made is merged without asking; a field
 * both changed is the only one the conflict page asks about, and the contributor's status stays.
 */
async function editTogether(browser: Browser, javaScript: boolean, number: number) {
  const id = await submissionId('LKS-2627-RWV')
  const contributorContext = await browser.newContext({ javaScriptEnabled: javaScript })
  const leadContext = await browser.newContext({ javaScriptEnabled: javaScript })
  const contributor = await contributorContext.newPage()
  const lead = await leadContext.newPage()
  await signIn(contributor, 'contributor@demo.nhs.uk')
  await signIn(lead, 'lead@demo.nhs.uk')
  const url = `/submissions/${id}/outcomes/${number}`
  const firstIndicator = (page: Page) =>
    page
      .locator('section', { has: page.getByRole('heading', { level: 3, name: 'Level 1' }) })
      .getByRole('group')
      .first()
  const save = (page: Page) => page.getByRole('button', { name: 'Save and come back later' }).click()
  const stale = await leadContext.newPage()
  await lead.goto(url)
  await stale.goto(url)
  await expect(firstIndicator(lead).getByLabel('Met', { exact: true })).not.toBeChecked()

  await contributor.goto(url)
  await firstIndicator(contributor).getByLabel('Met', { exact: true }).check()
  await contributor.getByLabel('Key strengths').fill('The contributor’s strengths.')
  await save(contributor)
  await expectBanner(contributor, `Outcome ${number} saved`)

  // The lead changed the narrative only: merged, nobody asked.
  await lead.getByLabel('Narrative', { exact: true }).fill('The lead’s narrative.')
  await save(lead)
  await expectBanner(lead, `Outcome ${number} saved`)
  await expect(lead.getByLabel('Narrative', { exact: true })).toHaveValue('The lead’s narrative.')
  await expect(lead.getByLabel('Key strengths')).toHaveValue('The contributor’s strengths.')
  await expect(firstIndicator(lead).getByLabel('Met', { exact: true })).toBeChecked()

  // On the other stale page the lead changed key strengths too: only that field is asked about.
  await stale.getByLabel('Narrative', { exact: true }).fill('The lead’s narrative.')
  await stale.getByLabel('Key strengths').fill('The lead’s strengths.')
  await save(stale)
  await expect(stale.getByText('Someone else changed this outcome')).toBeVisible()
  const conflicts = stale.locator('.app-conflict')
  await expect(conflicts).toHaveCount(1)
  await expect(conflicts.locator('legend')).toHaveText(/^Key strengths: changed by you and by /)
  await expect(conflicts).toContainText('The contributor’s strengths.')
  await expect(conflicts).toContainText('The lead’s strengths.')
  await expect(stale.locator('.nhsuk-error-summary')).toContainText('Key strengths: you and')
  // The contributor's status is already in the form.
  await expect(firstIndicator(stale).getByLabel('Met', { exact: true })).toBeChecked()
  if (javaScript) await expectAccessible(stale)
  await conflicts.getByLabel('Keep yours').check()
  await save(stale)
  await expectBanner(stale, `Outcome ${number} saved`)
  await expect(stale.getByLabel('Key strengths')).toHaveValue('The lead’s strengths.')
  await expect(stale.getByLabel('Narrative', { exact: true })).toHaveValue('The lead’s narrative.')
  await expect(firstIndicator(stale).getByLabel('Met', { exact: true })).toBeChecked()
  await contributorContext.close()
  await leadContext.close()
}

test('a contributor’s and a lead’s changes to different fields are merged; a field both changed is asked about', async ({
  browser,
}) => {
  await editTogether(browser, true, 1)
})

test('without JavaScript, the same edits are merged or asked about', async ({ browser }) => {
  await editTogether(browser, false, 4)
})

test('the narrative saves itself after a pause, and says when', async ({ page }) => {
  const id = await submissionId('LKS-2627-RWV')
  await signIn(page, 'lead@demo.nhs.uk')
  await page.goto(`/submissions/${id}/outcomes/3`)
  await page.getByLabel('Narrative', { exact: true }).fill('Typed, then left for a moment.')
  await expect(page.getByText(/Narrative saved automatically at/)).toBeVisible({ timeout: 10_000 })
  await page.reload()
  await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue('Typed, then left for a moment.')
  // A save after the autosave uses the newer version: no false conflict.
  await page.getByLabel('Key strengths').fill('Autosave kept the narrative.')
  await page.getByRole('button', { name: 'Save and come back later' }).click()
  await expectBanner(page, 'Outcome 3 saved')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the same journey works with the plain forms', async ({ page, browser }) => {
    test.setTimeout(360_000)
    await runJourney(page, browser, {
      reference: 'LKS-2627-RWV',
      sponsor: { email: 'kate.holt@demo.nhs.uk', name: 'Kate Holt', role: 'Director of Workforce' },
      javaScript: false,
      prefix: 'Without JavaScript:',
    })
  })
})
