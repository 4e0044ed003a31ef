// Report downloads (issue 5): each person downloads the reports they may have from the links on
// their pages, and the files are checked with the tools a person would open them with (poppler's
// pdfinfo and pdftotext, and an unzip library). Every other reader is refused, even with a URL
// edited by hand. Read-only: the 2021/22 baseline is published and the 2026/27 submissions used
// stay assigned to the same validators whatever other journeys do to them.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import type { Download, Locator, Page } from '@playwright/test'
import yauzl from 'yauzl'
import { regionId, submissionId } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

const run = promisify(execFile)

const TODAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
}).format(new Date())
const RIBBLE_VALLEY_TEACHING = 'Ribble Valley Teaching Hospitals NHS Foundation Trust'
const THAMESIDE = 'Thameside University Hospitals NHS Trust'
const BASELINE = '2021/22 baseline'

/** Clicks a download link and waits for the file the browser saves. */
async function download(page: Page, link: Locator): Promise<{ download: Download; file: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), link.click()])
  const file = await saved.path()
  expect(await saved.failure()).toBeNull()
  return { download: saved, file }
}

/** What a person's PDF tools make of the file: its page count, whether it is tagged, and its text. */
async function readPdf(file: string) {
  const head = (await readFile(file)).subarray(0, 5).toString('latin1')
  const [{ stdout: info }, { stdout: text }] = await Promise.all([
    run('pdfinfo', [file], { encoding: 'utf8' }),
    run('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  ])
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim()
  return { head, pages: Number(field('Pages')), tagged: field('Tagged'), text: text.replace(/\s+/g, ' ') }
}

/** A valid, tagged PDF naming the reader and everything expected. */
async function expectPdf(file: string, reader: string, expected: string[]) {
  const pdf = await readPdf(file)
  expect(pdf.head).toBe('%PDF-')
  expect(pdf.pages).toBeGreaterThan(0)
  expect(pdf.tagged).toBe('yes')
  for (const text of [...expected, `Generated ${TODAY} for ${reader}`]) expect(pdf.text).toContain(text)
}

/** The entries of a ZIP file, each checked to be a PDF; sorted by name. */
async function zipEntries(file: string): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
  )
  const entries: Array<{ name: string; head: string }> = []
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', () => resolve())
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error)
        const parts: Buffer[] = []
        stream.on('data', (part: Buffer) => parts.push(part))
        stream.on('error', reject)
        stream.on('end', () => {
          const bytes = Buffer.concat(parts)
          entries.push({
            name: entry.fileName,
            head:
              bytes.subarray(0, 5).toString('latin1') +
              (bytes.subarray(-1024).toString('latin1').includes('%%EOF') ? 'EOF' : ''),
          })
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
  for (const entry of entries) expect(entry.head, entry.name).toBe('%PDF-EOF')
  return entries.map((e) => e.name).sort()
}

/** The statuses the server answers for each URL, fetched with the signed-in session's cookies. */
async function statuses(page: Page, urls: string[]): Promise<Record<string, number>> {
  const answers: Record<string, number> = {}
  for (const url of urls) answers[url] = (await page.request.get(url, { maxRedirects: 0 })).status()
  return answers
}

const expectStatuses = async (page: Page, expected: Record<string, number>) =>
  expect(await statuses(page, Object.keys(expected))).toEqual(expected)

const reviewerPack = (id: string) => `/submissions/${id}/reviewer-pack.pdf`
const outcomeReport = (id: string) => `/submissions/${id}/outcome-report.pdf`
const reportsSection = (page: Page) => page.getByRole('region', { name: 'Reports' })

/** The 2021/22 baseline's page, from the home page as a person gets there. */
async function openBaselineCycle(page: Page) {
  await page.goto('/')
  await page.getByRole('link', { name: BASELINE }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BASELINE)
  return new URL(page.url()).pathname.split('/')[2]!
}

test('the assigned validator downloads the reviewer pack from the submission and the workspace, and nothing else', async ({
  page,
}) => {
  const thameside = await submissionId('LKS-2627-RTH')
  await signIn(page, 'validator@demo.nhs.uk')

  await page.goto(`/submissions/${thameside}`)
  const reports = reportsSection(page)
  await expect(reports.getByRole('link')).toHaveText(['Download the reviewer pack (PDF)'])
  await expectAccessible(page)
  const fromOverview = await download(page, reports.getByRole('link', { name: 'Download the reviewer pack (PDF)' }))
  expect(fromOverview.download.suggestedFilename()).toBe('reviewer-pack-LKS-2627-RTH.pdf')
  // The reader's name has a Polish letter: it must survive the font, the PDF and the text layer.
  await expectPdf(fromOverview.file, 'Łukasz Nowak', [THAMESIDE, 'LKS-2627-RTH'])

  await page.goto('/validation')
  await page
    .getByRole('table', { name: 'Submissions assigned to you' })
    .getByRole('row')
    .filter({ hasText: '2026/27' })
    .getByRole('link', { name: THAMESIDE })
    .click()
  await expect(page).toHaveURL(/\/validation\/assignments\/[^/]+$/)
  const fromWorkspace = await download(
    page,
    reportsSection(page).getByRole('link', { name: 'Download the reviewer pack (PDF)' }),
  )
  expect(fromWorkspace.download.suggestedFilename()).toBe('reviewer-pack-LKS-2627-RTH.pdf')
  await expectPdf(fromWorkspace.file, 'Łukasz Nowak', [THAMESIDE, 'LKS-2627-RTH'])

  const baselineRibble = await submissionId('LKS-2122-RXV')
  await expectStatuses(page, {
    // Kingsmere's submission is in London, but nobody has assigned him to it.
    [reviewerPack(await submissionId('LKS-2627-RKQ'))]: 404,
    // He validated Ribble Valley's baseline, but the outcome report is for the service and its reviewers' leads.
    [reviewerPack(baselineRibble)]: 200,
    [outcomeReport(baselineRibble)]: 403,
    [outcomeReport(thameside)]: 403,
  })
})

test('the service lead downloads the published outcome report and the reviewer pack, but no report on another service or an unpublished result', async ({
  page,
}) => {
  const published = await submissionId('LKS-2122-RXV')
  const inProgress = await submissionId('LKS-2627-RXV')
  await signIn(page, 'lead@demo.nhs.uk')

  await page.goto(`/submissions/${published}/result`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Validated result')
  await expect(reportsSection(page).getByRole('link')).toHaveText(['Download the outcome report (PDF)'])
  await expectAccessible(page)
  const report = await download(
    page,
    reportsSection(page).getByRole('link', { name: 'Download the outcome report (PDF)' }),
  )
  expect(report.download.suggestedFilename()).toBe('outcome-report-LKS-2122-RXV.pdf')
  await expectPdf(report.file, 'Zoë Hartley', [RIBBLE_VALLEY_TEACHING, 'LKS-2122-RXV'])

  await page.goto(`/submissions/${published}`)
  await expect(reportsSection(page).getByRole('link')).toHaveText([
    'Download the reviewer pack (PDF)',
    'Download the outcome report (PDF)',
  ])
  await expectAccessible(page)
  const pack = await download(
    page,
    reportsSection(page).getByRole('link', { name: 'Download the reviewer pack (PDF)' }),
  )
  expect(pack.download.suggestedFilename()).toBe('reviewer-pack-LKS-2122-RXV.pdf')
  await expectPdf(pack.file, 'Zoë Hartley', [RIBBLE_VALLEY_TEACHING, 'LKS-2122-RXV'])

  // The open cycle's submission has no result yet: only the pack is offered, and the report is not found.
  await page.goto(`/submissions/${inProgress}`)
  await expect(reportsSection(page).getByRole('link')).toHaveText(['Download the reviewer pack (PDF)'])
  const thameside = await submissionId('LKS-2122-RTH')
  await expectStatuses(page, {
    [reviewerPack(inProgress)]: 200,
    [outcomeReport(inProgress)]: 404,
    [reviewerPack(thameside)]: 404,
    [outcomeReport(thameside)]: 404,
  })
})

test('contributors and sponsors have the published outcome report but never the reviewer pack; another service’s lead has neither', async ({
  page,
}) => {
  const published = await submissionId('LKS-2122-RXV')
  const inProgress = await submissionId('LKS-2627-RXV')

  await signIn(page, 'contributor@demo.nhs.uk')
  await page.goto(`/submissions/${published}`)
  await expect(reportsSection(page).getByRole('link')).toHaveText(['Download the outcome report (PDF)'])
  await expectStatuses(page, {
    [reviewerPack(published)]: 403,
    [reviewerPack(inProgress)]: 403,
    [outcomeReport(published)]: 200,
    [outcomeReport(inProgress)]: 404,
  })
  await page.context().clearCookies()

  await signIn(page, 'sponsor@demo.nhs.uk')
  await page.goto(`/submissions/${published}/result`)
  const report = await download(
    page,
    reportsSection(page).getByRole('link', { name: 'Download the outcome report (PDF)' }),
  )
  await expectPdf(report.file, 'Dr Aisha Rahman', [RIBBLE_VALLEY_TEACHING, 'LKS-2122-RXV'])
  await expectStatuses(page, {
    [reviewerPack(published)]: 403,
    [reviewerPack(inProgress)]: 403,
    [outcomeReport(inProgress)]: 404,
  })
  await page.context().clearCookies()

  await signIn(page, 'mark.lewis@demo.nhs.uk')
  await expectStatuses(page, {
    [reviewerPack(published)]: 404,
    [outcomeReport(published)]: 404,
    [reviewerPack(inProgress)]: 404,
    [outcomeReport(await submissionId('LKS-2122-RTH'))]: 200,
  })
})

test('the regional lead downloads their region’s summary and outcome reports, and is refused the nation’s and other regions’', async ({
  page,
}) => {
  const northWest = await regionId('North West')
  const london = await regionId('London')
  await signIn(page, 'regional.lead@demo.nhs.uk')

  await page.goto(`/regions/${northWest}`)
  const reports = page.getByRole('table', { name: 'Reports' })
  await expect(reports.getByRole('row').filter({ hasText: BASELINE })).toHaveCount(1)
  await expectAccessible(page)
  const zipLink = reports
    .getByRole('row')
    .filter({ hasText: BASELINE })
    .getByRole('link', { name: 'All outcome reports for North West (ZIP)' })
  const zip = await download(page, zipLink)
  expect(zip.download.suggestedFilename()).toBe('outcome-reports-2021-22-baseline-north-west.zip')
  expect(await zipEntries(zip.file)).toEqual([
    'outcome-report-LKS-2122-RWV.pdf',
    'outcome-report-LKS-2122-RXV.pdf',
    'outcome-report-LKS-2122-RYV.pdf',
  ])
  const zipHref = (await zipLink.getAttribute('href'))!
  const cycle = /^\/cycles\/([^/]+)\/regions\//.exec(zipHref)?.[1]
  expect(zipHref).toBe(`/cycles/${cycle}/regions/${northWest}/outcome-reports.zip`)

  await page.goto(`/cycles/${cycle}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(BASELINE)
  await expect(page.getByRole('link', { name: 'Download the national summary (PDF)' })).toHaveCount(0)
  const table = page.getByRole('table', { name: 'Regional reports' })
  await expect(table.getByRole('row')).toHaveCount(2)
  await expectAccessible(page)
  // The national summary, only as published: small numbers suppressed, no organisation listed.
  const published = await download(
    page,
    page.getByRole('link', { name: 'Download the national summary, small numbers suppressed (PDF)' }),
  )
  expect(published.download.suggestedFilename()).toBe('national-summary-published-2021-22-baseline.pdf')
  await expectPdf(published.file, 'Gareth Pryce', [
    'National summary',
    'Suppressed for publication',
    'Median level by region and outcome',
    'Change since the previous cycle',
    'Required actions and development plans',
    "Not listed: with small numbers suppressed, each organisation's grades would give every count away.",
  ])
  expect((await readPdf(published.file)).text).not.toContain('(RXV)')
  const summaryLink = table.getByRole('link', { name: 'Regional summary for North West (PDF)' })
  const summary = await download(page, summaryLink)
  expect(summary.download.suggestedFilename()).toBe('regional-summary-2021-22-baseline-north-west.pdf')
  // Organisation names wrap in the summary's table; their ODS codes do not.
  await expectPdf(summary.file, 'Gareth Pryce', [
    'Regional summary: North West',
    `Cycle ${BASELINE}`,
    '(RWV)',
    '(RXV)',
    '(RYV)',
  ])
  expect((await readPdf(summary.file)).text).not.toContain('(RTH)')

  // The same links with London's id typed in instead, and the national summary.
  const summaryHref = (await summaryLink.getAttribute('href'))!
  expect(summaryHref).toBe(`/cycles/${cycle}/regions/${northWest}/summary.pdf`)
  await expectStatuses(page, {
    [summaryHref.replace(northWest, london)]: 403,
    [zipHref.replace(northWest, london)]: 403,
    [`/cycles/${cycle}/summary.pdf`]: 200,
    // A reviewer of every submission in the region, and of none elsewhere.
    [reviewerPack(await submissionId('LKS-2627-RYV'))]: 200,
    [reviewerPack(await submissionId('LKS-2627-RTH'))]: 404,
  })
  // A refused download is the portal's own error page, not bare words.
  const refused = await page.goto(summaryHref.replace(northWest, london))
  expect(refused?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page')
  await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Gareth Pryce')
  await expectAccessible(page)
})

test('the national viewer downloads the national summary and any region’s reports; the administrator may too', async ({
  page,
}) => {
  const london = await regionId('London')
  const southEast = await regionId('South East')
  await signIn(page, 'viewer@demo.nhs.uk')

  const cycle = await openBaselineCycle(page)
  const table = page.getByRole('table', { name: 'Regional reports' })
  await expect(table.getByRole('row')).toHaveCount(8)
  // Nothing has been agreed in the South East for the baseline: no link to an empty ZIP.
  await expect(table.getByRole('row').filter({ hasText: 'South East' })).toContainText('Not available')
  await expect(table.getByRole('link', { name: 'All outcome reports for South East (ZIP)' })).toHaveCount(0)
  await expectAccessible(page)
  const national = await download(page, page.getByRole('link', { name: 'Download the national summary (PDF)' }))
  expect(national.download.suggestedFilename()).toBe('national-summary-2021-22-baseline.pdf')
  await expectPdf(national.file, 'Tom Achebe', [
    'National summary',
    `Cycle ${BASELINE}`,
    'Scope All regions',
    '(RXV)',
    '(RTH)',
    '(RTM)',
  ])

  const zip = await download(page, table.getByRole('link', { name: 'All outcome reports for London (ZIP)' }))
  expect(await zipEntries(zip.file)).toEqual(['outcome-report-LKS-2122-RKQ.pdf', 'outcome-report-LKS-2122-RTH.pdf'])

  await page.goto(`/regions/${london}`)
  await expectAccessible(page)
  const summary = await download(
    page,
    page
      .getByRole('table', { name: 'Reports' })
      .getByRole('row')
      .filter({ hasText: BASELINE })
      .getByRole('link', { name: 'Regional summary for London (PDF)' }),
  )
  await expectPdf(summary.file, 'Tom Achebe', ['Regional summary: London', `Cycle ${BASELINE}`, '(RKQ)', '(RTH)'])
  await page.context().clearCookies()

  await signIn(page, 'admin@demo.nhs.uk')
  await expectStatuses(page, {
    [`/cycles/${cycle}/summary.pdf`]: 200,
    [`/cycles/${cycle}/regions/${southEast}/summary.pdf`]: 200,
    [`/cycles/${cycle}/regions/${london}/outcome-reports.zip`]: 200,
    // No result has been agreed in the South East for the baseline.
    [`/cycles/${cycle}/regions/${southEast}/outcome-reports.zip`]: 404,
  })
})

test('a signed-out visitor following a report link is sent to sign in', async ({ page }) => {
  const pack = reviewerPack(await submissionId('LKS-2627-RTH'))
  const answer = await page.request.get(pack, { maxRedirects: 0 })
  expect(answer.status()).toBe(302)
  expect(answer.headers()['location']).toBe(`/sign-in?${new URLSearchParams({ redirectTo: pack })}`)
  expect(answer.headers()['content-disposition']).toBeUndefined()
  await page.goto(pack)
  await expect(page).toHaveURL(`/sign-in?${new URLSearchParams({ redirectTo: pack })}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in')
})
