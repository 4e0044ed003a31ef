// The service lead's evidence library in a real browser, with real PDF, Word, Excel and PNG files:
// adding, previewing, downloading, replacing, filtering, refusing a disguised file, archiving and
// deleting; and the same add-evidence journey with JavaScript turned off.
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { makeFixtureFiles, type FixtureFiles } from '../fixtures/files'
import { libraryServiceId } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

const RIBBLE = 'Ribble Valley Library and Knowledge Service'

async function freshFiles(): Promise<FixtureFiles> {
  return makeFixtureFiles(await mkdtemp(path.join(tmpdir(), 'lks-evidence-e2e-')))
}

async function openLibrary(page: Page) {
  await page.goto(`/services/${await libraryServiceId(RIBBLE)}/evidence`)
  await expect(page.getByRole('heading', { level: 1, name: 'Evidence library' })).toBeVisible()
}

type Details = { title: string; description?: string; from: [string, string, string]; to?: [string, string, string] }

async function fillDetails(page: Page, details: Details) {
  await page.getByLabel('Title', { exact: true }).fill(details.title)
  if (details.description) await page.getByLabel('Description (optional)').fill(details.description)
  const dates: Array<[string, [string, string, string] | undefined]> = [
    ['Evidence start date', details.from],
    ['Evidence end date (optional)', details.to],
  ]
  for (const [legend, parts] of dates) {
    if (!parts) continue
    const group = page.getByRole('group', { name: legend })
    await group.getByLabel('Day').fill(parts[0])
    await group.getByLabel('Month').fill(parts[1])
    await group.getByLabel('Year').fill(parts[2])
  }
}

/** Adds a web-link item through the form and returns its page's URL. */
async function addLinkItem(page: Page, title: string): Promise<string> {
  await openLibrary(page)
  await page.getByRole('button', { name: 'Add evidence' }).click()
  await fillDetails(page, { title, from: ['1', '4', '2025'] })
  await page.getByLabel('Web link').fill('https://www.example.nhs.uk/evidence')
  await page.getByRole('button', { name: 'Add evidence' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  return page.url()
}

test.describe('the evidence library', () => {
  test('the lead adds real files, previews, downloads and replaces them', async ({ page }) => {
    const files = await freshFiles()
    await signIn(page, 'lead@demo.nhs.uk')
    await openLibrary(page)
    await expect(page.getByText(RIBBLE)).toBeVisible()
    await expectAccessible(page)

    await page.getByRole('button', { name: 'Add evidence' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Add evidence' })).toBeVisible()
    await expectAccessible(page)
    await fillDetails(page, {
      title: 'Annual report 2025 to 2026',
      description: 'Usage, impact and the Board minutes that noted it.',
      from: ['1', '4', '2025'],
      to: ['31', '3', '2026'],
    })
    await page.getByLabel('Upload files').setInputFiles([files.pdf, files.docx, files.xlsx, files.png])
    // With JavaScript the form is sent by the upload progress script.
    const sent = page.waitForRequest(
      (request) => request.method() === 'POST' && request.headers()['x-upload-progress'] === '1',
    )
    await page.getByRole('button', { name: 'Add evidence' }).click()
    await sent
    await page.waitForURL(/\/evidence\/[^/]+$/)
    await expect(page.getByText('Evidence added')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Annual report 2025 to 2026' })).toBeVisible()
    await expect(page.getByText('1 April 2025 to 31 March 2026')).toBeVisible()
    for (const name of ['annual-report.pdf', 'board-minutes.docx', 'usage-figures.xlsx', 'impact-chart.png']) {
      await expect(page.getByRole('heading', { level: 3, name })).toBeVisible()
    }
    await expectAccessible(page)

    // The image and the PDF are shown in the page; the PDF can also open on its own.
    const image = page.getByRole('img', { name: 'Preview of impact-chart.png' })
    await expect(image).toBeVisible()
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(48)
    const frame = page.locator('iframe[title="Preview of annual-report.pdf"]')
    await expect(frame).toBeVisible()
    const pdfPreview = await page
      .getByRole('link', { name: 'Open annual-report.pdf in a new page' })
      .getAttribute('href')
    expect(await frame.getAttribute('src')).toBe(pdfPreview)
    const inline = await page.request.get(pdfPreview!)
    expect(inline.status()).toBe(200)
    expect(inline.headers()['content-type']).toBe('application/pdf')
    expect(inline.headers()['content-disposition']).toBe(
      `inline; filename="annual-report.pdf"; filename*=UTF-8''annual-report.pdf`,
    )
    expect(Buffer.compare(await inline.body(), await readFile(files.pdf))).toBe(0)
    // Only the portal's own pages may frame a preview.
    expect(inline.headers()['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(inline.headers()['x-frame-options']).toBe('SAMEORIGIN')

    const downloadLink = page.getByRole('link', { name: 'Download board-minutes.docx', exact: true })
    const headers = (await page.request.get((await downloadLink.getAttribute('href'))!)).headers()
    expect(headers['content-disposition']).toBe(
      `attachment; filename="board-minutes.docx"; filename*=UTF-8''board-minutes.docx`,
    )
    // server.js adds nosniff to every response and the route sets it too; each value must say so.
    const nosniff = headers['x-content-type-options']?.split(/,\s*/) ?? []
    expect(nosniff.length).toBeGreaterThan(0)
    expect(nosniff.every((value) => value === 'nosniff')).toBe(true)
    expect(headers['cache-control']).toBe('private, no-store')
    const [download] = await Promise.all([page.waitForEvent('download'), downloadLink.click()])
    expect(download.suggestedFilename()).toBe('board-minutes.docx')
    expect(Buffer.compare(await readFile((await download.path())!), await readFile(files.docx))).toBe(0)

    // A new version of the PDF: both versions are listed.
    const newer = await freshFiles()
    await page.getByRole('link', { name: 'Replace annual-report.pdf with a new version' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Replace annual-report.pdf' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Upload the new version').setInputFiles(newer.pdf)
    await page.getByRole('button', { name: 'Replace file' }).click()
    await expect(page.getByText('File replaced')).toBeVisible()
    const versions = page.getByRole('table', { name: 'Versions of annual-report.pdf' })
    await expect(versions.getByRole('row')).toHaveCount(3)
    await expect(versions.getByRole('cell', { name: '2 (current)' })).toBeVisible()
    await expect(versions.getByRole('cell', { name: '1', exact: true })).toBeVisible()
    await expect(versions.getByRole('cell', { name: 'Zoë Hartley' })).toHaveCount(2)
    await expectAccessible(page)
  })

  test('a slow upload shows its progress, announced to screen readers', async ({ page }) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lks-evidence-e2e-'))
    const large = path.join(dir, 'loans-by-month.csv')
    await writeFile(
      large,
      `month,loans\n${Array.from({ length: 120_000 }, (_, i) => `${i},${randomUUID()}`).join('\n')}\n`,
    )
    await signIn(page, 'lead@demo.nhs.uk')
    await openLibrary(page)
    await page.getByRole('button', { name: 'Add evidence' }).click()
    await fillDetails(page, { title: 'Loans by month', from: ['1', '4', '2024'], to: ['31', '3', '2025'] })
    await page.getByLabel('Upload files').setInputFiles(large)
    // About 5 MB at 1 MB a second: long enough to watch.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 1024 * 1024,
    })
    await page.getByRole('button', { name: 'Add evidence' }).click()
    const progress = page.getByRole('progressbar', { name: 'Upload progress' })
    await expect(progress).toBeVisible()
    await expect(page.getByText(/^Uploaded [1-9]\d?0%$/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Add evidence' })).toBeDisabled()
    await expectAccessible(page)
    await expect(page.getByText('Evidence added')).toBeVisible({ timeout: 20_000 })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    await expect(page.getByRole('heading', { level: 3, name: 'loans-by-month.csv' })).toBeVisible()
  })

  test('the library can be filtered by title', async ({ page }) => {
    await signIn(page, 'lead@demo.nhs.uk')
    const suffix = Date.now().toString(36)
    await addLinkItem(page, `Falls prevention evidence summary ${suffix}`)
    await addLinkItem(page, `Induction slides for new starters ${suffix}`)

    await openLibrary(page)
    await page.getByLabel('Title contains').fill(`FALLS PREVENTION evidence summary ${suffix}`)
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await expect(page.getByRole('heading', { level: 2, name: '1 item matches your filters' })).toBeVisible()
    const table = page.getByRole('table', { name: 'Evidence' })
    await expect(table.getByRole('link', { name: `Falls prevention evidence summary ${suffix}` })).toBeVisible()
    await expect(table.getByRole('link', { name: `Induction slides for new starters ${suffix}` })).toHaveCount(0)
    await expect(page.getByLabel('Title contains')).toHaveValue(`FALLS PREVENTION evidence summary ${suffix}`)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Clear filters' }).click()
    await expect(
      page
        .getByRole('table', { name: 'Evidence' })
        .getByRole('link', { name: `Induction slides for new starters ${suffix}` }),
    ).toBeVisible()
    await expect(page.getByLabel('Title contains')).toHaveValue('')
  })

  test('a file that is not what its name says is refused, keeping everything typed', async ({ page }) => {
    const files = await freshFiles()
    await signIn(page, 'lead@demo.nhs.uk')
    await openLibrary(page)
    await page.getByRole('button', { name: 'Add evidence' }).click()
    await fillDetails(page, { title: 'Quarterly report', description: 'Typed with care', from: ['2', '5', '2025'] })
    await page.getByLabel('Upload files').setInputFiles([files.fakePdf, files.empty])
    await page.getByRole('button', { name: 'Add evidence' }).click()

    const summary = page.getByRole('alert')
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible()
    await expect(summary.getByRole('link', { name: 'report.pdf is not a PDF file' })).toBeVisible()
    await expect(page.getByText('Error: report.pdf is not a PDF file')).toBeVisible()
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Quarterly report')
    await expect(page.getByLabel('Description (optional)')).toHaveValue('Typed with care')
    await expect(page.getByRole('group', { name: 'Evidence start date' }).getByLabel('Month')).toHaveValue('5')
    await expect(page).toHaveURL(/\/evidence\/new$/)
    await expectAccessible(page)

    // The person picks the real file and sends the form again.
    await page.getByLabel('Upload files').setInputFiles(files.pdf)
    await page.getByRole('button', { name: 'Add evidence' }).click()
    await expect(page.getByText('Evidence added')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Quarterly report' })).toBeVisible()
  })

  test('an item can be edited, archived, found again, restored and deleted', async ({ page }) => {
    await signIn(page, 'lead@demo.nhs.uk')
    const suffix = Date.now().toString(36)
    const itemUrl = await addLinkItem(page, `Service level agreement ${suffix}`)

    await page.getByRole('button', { name: 'Edit details' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Edit evidence details' })).toBeVisible()
    await expectAccessible(page)
    await page.getByLabel('Title', { exact: true }).fill(`Signed service level agreement ${suffix}`)
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByText('Evidence updated')).toBeVisible()

    await page.getByRole('button', { name: 'Archive this evidence' }).click()
    await expect(page.getByText('Evidence archived')).toBeVisible()
    await expect(page.getByText(/This evidence was archived on/)).toBeVisible()
    await expectAccessible(page)

    await openLibrary(page)
    await expect(page.getByRole('link', { name: `Signed service level agreement ${suffix}` })).toHaveCount(0)
    await page.getByLabel('Include archived evidence').check()
    await page.getByRole('button', { name: 'Apply filters' }).click()
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: `Signed service level agreement ${suffix}` }) })
    await expect(row.getByText('Archived')).toBeVisible()
    await expectAccessible(page)

    await page.goto(itemUrl)
    await page.getByRole('button', { name: 'Restore this evidence' }).click()
    await expect(page.getByText('Evidence restored')).toBeVisible()

    await page.getByRole('link', { name: 'Delete this evidence' }).click()
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: `Are you sure you want to delete ‘Signed service level agreement ${suffix}’?`,
      }),
    ).toBeVisible()
    await expectAccessible(page)
    await page.getByRole('button', { name: 'Delete evidence' }).click()
    await expect(page.getByText('Evidence deleted')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Evidence library' })).toBeVisible()
    expect((await page.goto(itemUrl))?.status()).toBe(404)
  })
})

// axe runs in the page, so it cannot run here; the same pages are checked with JavaScript above.
test.describe('the evidence library without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the lead adds evidence with the plain form, and is told when a file is already held', async ({ page }) => {
    const files = await freshFiles()
    await signIn(page, 'lead@demo.nhs.uk')
    await openLibrary(page)
    await page.getByRole('button', { name: 'Add evidence' }).click()
    await fillDetails(page, { title: 'Search request log', from: ['1', '10', '2025'], to: ['31', '12', '2025'] })
    await page.getByLabel('Upload files').setInputFiles([files.csv, files.txt])
    await page.getByRole('button', { name: 'Add evidence' }).click()
    await expect(page.getByText('Evidence added')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1, name: 'Search request log' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 3, name: 'search-requests.csv' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 3, name: 'case-study.txt' })).toBeVisible()
    const itemUrl = page.url()

    await openLibrary(page)
    await page.getByRole('button', { name: 'Add evidence' }).click()
    await fillDetails(page, { title: 'The same log again', from: ['1', '10', '2025'] })
    await page.getByLabel('Upload files').setInputFiles(files.csv)
    await page.getByRole('button', { name: 'Add evidence' }).click()
    await expect(
      page.getByRole('link', { name: 'This file is already in your evidence library as ‘Search request log’' }),
    ).toBeVisible()
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('The same log again')
    await page.getByRole('link', { name: /View ‘Search request log’/ }).click()
    await expect(page).toHaveURL(itemUrl)
  })
})
