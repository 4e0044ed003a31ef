// Nothing a person types is ever lost (issue 14): Word-length narratives, text pasted from Word,
// multi-file uploads with a bad file among good ones, retried saves, two people editing one
// outcome, and a session that ends while someone is writing. Each case runs with and without
// JavaScript. Ribble Valley's open submission (LKS-2627-RXV) is used for outcomes 4 and 5 only,
// which the journey in self-assessment.spec.ts fills in again whatever these tests leave there.
import { execFile } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { makePdf } from '../fixtures/files'
import { prose } from '../fixtures/reports'
import { E2E_DIR } from './paths'
import { one, run, submissionId } from './db'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

const execute = promisify(execFile)

/** The text of a PDF as pdftotext reads it, without the running header and footer of its pages. */
async function pdfBodyText(file: string): Promise<string> {
  const { stdout } = await execute('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const lines = stdout.split(/\n|\f/).map((l) => l.trim())
  const seen = new Map<string, number>()
  for (const line of lines) seen.set(line, (seen.get(line) ?? 0) + 1)
  // The running header repeats on every page; the footer counts the pages.
  const body = lines.filter((l) => l && !/^Page \d+ of \d+$/.test(l) && (seen.get(l) ?? 0) < 5)
  return body.join(' ').replace(/\s+/g, ' ')
}

/** The evidence form's details, as a person types them. */
async function fillEvidenceDetails(page: Page, title: string, description: string) {
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Description (optional)').fill(description)
  const start = page.getByRole('group', { name: 'Evidence start date' })
  await start.getByLabel('Day').fill('3')
  await start.getByLabel('Month').fill('6')
  await start.getByLabel('Year').fill('2025')
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript })

    test('a multi-file upload with one file already in the library stores the others and names the one left out', async ({
      page,
    }) => {
      const mode = javaScript ? 'js' : 'plain'
      const dir = path.join(E2E_DIR, `nothing-lost-${mode}`)
      await mkdir(dir, { recursive: true })
      const held = path.join(dir, `board-minutes-${mode}.pdf`)
      const first = path.join(dir, `usage-${mode}.pdf`)
      const second = path.join(dir, `feedback-${mode}.pdf`)
      await makePdf(held, [`Board minutes (${mode})`])
      await makePdf(first, [`Usage statistics (${mode})`])
      await makePdf(second, [`Feedback survey (${mode})`])

      await signIn(page, 'lead@demo.nhs.uk')
      await page.getByRole('link', { name: 'Ribble Valley Library and Knowledge Service evidence library' }).click()
      const library = page.url()
      await page.getByRole('button', { name: 'Add evidence' }).first().click()
      await fillEvidenceDetails(page, `Board minutes ${mode}`, 'The first upload.')
      await page.getByLabel('Upload files').setInputFiles(held)
      await page.getByRole('button', { name: 'Add evidence' }).click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Board minutes ${mode}`)

      await page.goto(library)
      await page.getByRole('button', { name: 'Add evidence' }).first().click()
      const title = `Service review ${mode}`
      await fillEvidenceDetails(page, title, 'Typed once, kept whatever happens to the files.')
      await page.getByLabel('Upload files').setInputFiles([first, held, second])
      await page.getByRole('button', { name: 'Add evidence' }).click()

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
      const banner = page.locator('.nhsuk-notification-banner')
      await expect(banner).toContainText(`2 files were added to ‘${title}’, but not every file`)
      await expect(banner.getByRole('listitem')).toHaveText([
        `board-minutes-${mode}.pdf is already in your evidence library as ‘Board minutes ${mode}’`,
      ])
      await expect(page.getByRole('heading', { level: 3, name: `usage-${mode}.pdf` })).toBeVisible()
      await expect(page.getByRole('heading', { level: 3, name: `feedback-${mode}.pdf` })).toBeVisible()
      await expect(page.getByRole('heading', { level: 3, name: `board-minutes-${mode}.pdf` })).toHaveCount(0)
      await expect(page.getByRole('main')).toContainText('Typed once, kept whatever happens to the files.')
      await expect(page.getByRole('main')).toContainText('3 June 2025')
      if (javaScript) await expectAccessible(page)
    })

    test('a 5,000-word narrative saves, is counted in words, and appears whole in the reviewer pack', async ({
      page,
    }) => {
      test.setTimeout(120_000)
      const number = javaScript ? 4 : 5
      const narrative = prose(5000, 400 + number)
      expect(narrative.length).toBeGreaterThan(20_000)
      const id = await submissionId('LKS-2627-RXV')
      await signIn(page, 'lead@demo.nhs.uk')
      await page.goto(`/submissions/${id}/outcomes/${number}`)
      const field = page.getByLabel('Narrative', { exact: true })
      await field.fill(narrative)
      await page.getByRole('button', { name: 'Save and come back later' }).click()
      await expectBanner(page, `Outcome ${number} saved`)
      await expect(field).toHaveValue(narrative)
      await expect(page.getByText('Word count: 5,000 words')).toBeVisible()
      if (javaScript) {
        // The count follows the typing.
        await field.press('End')
        await field.pressSequentially(' More')
        await expect(page.getByText('Word count: 5,001 words')).toBeVisible()
        await expectAccessible(page)
      }

      await page.goto(`/submissions/${id}`)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download the reviewer pack (PDF)' }).click(),
      ])
      const text = await pdfBodyText(await download.path())
      for (const paragraph of narrative.split('\n\n')) expect(text).toContain(paragraph)
    })
  })
}

test('a narrative pasted from Word shows its paragraphs and bullet lists on the validator’s page', async ({ page }) => {
  const id = await submissionId('LKS-2627-RTH')
  const outcome = await one(
    `SELECT r.id FROM OutcomeResponse r JOIN Outcome o ON o.id = r.outcomeId WHERE r.submissionId = ? AND o.number = 4`,
    [id],
  )
  // As Word puts a list on the clipboard as plain text: a bullet (or the Symbol font's private
  // bullet) and a tab before each item, "o" and a tab for a second-level item.
  const pasted =
    'Our outreach reaches every directorate.\r\n\r\nThis year we ran:\r\n•\t412 literature searches\r\no\tmost for clinical teams\r\n\uF0B7\t38 training sessions\r\n\r\nImpact case studies go to the Board.'
  await run('UPDATE OutcomeResponse SET narrative = ? WHERE id = ?', [pasted, outcome])
  await signIn(page, 'validator@demo.nhs.uk')
  await page.goto('/validation')
  await page
    .getByRole('table', { name: 'Submissions assigned to you' })
    .getByRole('row')
    .filter({ hasText: '2026/27' })
    .getByRole('link', { name: 'Thameside University Hospitals NHS Trust' })
    .click()
  await page.goto(`${page.url()}/outcomes/4`)
  const answer = page.locator('.app-narrative').first()
  await expect(answer.getByRole('paragraph')).toHaveText([
    'Our outreach reaches every directorate.',
    'This year we ran:',
    'Impact case studies go to the Board.',
  ])
  const items = answer.getByRole('list').first().locator(':scope > li')
  await expect(items).toHaveCount(2)
  await expect(items.first()).toContainText('412 literature searches')
  await expect(items.first().getByRole('listitem')).toHaveText(['most for clinical teams'])
  await expect(items.nth(1)).toHaveText('38 training sessions')
  await expect(answer).not.toContainText('•')
  await expectAccessible(page)
})
