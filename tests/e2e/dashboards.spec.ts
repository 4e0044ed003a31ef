// Attainment dashboards (issue 6): the national viewer filters the national dashboard and exports
// it, the regional lead works with their own region's dashboard and is refused every other one
// (pages and exports, even with URLs edited by hand), the filter form and the sort links work
// without JavaScript, and a service lead has no dashboard at all. Read-only: the figures checked
// are the 2021/22 baseline's, whose eight submissions are published and stay as the seed left them
// whatever earlier journeys do to the open cycle (results.spec.ts, which runs after this file, adds
// development plan items to the baseline).
import { readFile } from 'node:fs/promises'
import type { Download, Locator, Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { regionId, submissionId } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

const SUPPRESSION_NOTE =
  ' Small numbers are suppressed for publication: "[c]" marks a count of 1 to 4, or a count hidden so that no such count can be worked out from the totals.'

const BASELINE = '2021/22 baseline (2019 edition)'
const RIBBLE_AND_FYLDE = 'Ribble and Fylde Community Health NHS Trust'
const RIBBLE_VALLEY_MENTAL_HEALTH = 'Ribble Valley Mental Health NHS Foundation Trust'
const RIBBLE_VALLEY_TEACHING = 'Ribble Valley Teaching Hospitals NHS Foundation Trust'
const SECTIONS = [
  'Submission progress',
  'Agreed levels by outcome',
  'Median agreed level by region',
  'Self-assessment against agreed grades',
  'Change since the previous cycle',
  'Required actions and development plans',
]
const STATUS_HEADINGS = [
  'Not started',
  'In progress',
  'Awaiting sign-off',
  'Submitted',
  'In validation',
  'Clarification requested',
  'In moderation',
  'Validated',
  'Result published',
]
const OUTCOMES = [
  'Outcome 1: Access and priorities',
  'Outcome 2: Evidence-based decision making',
  'Outcome 3: Knowledge and evidence needs',
  'Outcome 4: Skill mix and workforce',
  'Outcome 5: Quality and improvement',
  'Outcome 6: Demonstrating impact',
]

/** A progress table row: no submission at any status before "Result published", then `published` and the total. */
const publishedOnly = (region: string, published: string) => [
  region,
  ...STATUS_HEADINGS.slice(0, -1).map(() => '0'),
  published,
  published,
]
/** A heat map row: each outcome's median and the number of grades it is the median of. */
const heatRow = (region: string, medians: string[], graded: string) => [
  region,
  ...medians.map((median) => `Median ${median} n=${graded}`),
]

/** A table's body rows as a person reads them, without the headings a responsive table repeats for small screens. */
function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll('th, td'), (cell) => {
        const copy = cell.cloneNode(true) as Element
        copy.querySelectorAll('.nhsuk-table__heading').forEach((heading) => heading.remove())
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
      }),
    ),
  )
}

/** Waits until the table shows exactly these rows (the page may still be navigating after a click). */
const expectRows = (table: Locator, rows: string[][]) => expect.poll(() => tableRows(table)).toEqual(rows)

/** Waits until the table's row that starts with `start` reads exactly `cells`. */
const expectRow = (table: Locator, start: string, cells: string[]) =>
  expect.poll(async () => (await tableRows(table)).find((row) => row[0]!.startsWith(start))).toEqual(cells)

/** The summary list at the top of the dashboard, as key → value. */
function summaryList(page: Page): Promise<Record<string, string>> {
  return page
    .locator('.nhsuk-summary-list__row')
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.querySelector('.nhsuk-summary-list__key')?.textContent?.trim(),
          row.querySelector('.nhsuk-summary-list__value')?.textContent?.trim(),
        ]),
      ),
    )
}

const table = (page: Page, caption: string) => page.getByRole('table', { name: caption, exact: true })
const section = (page: Page, heading: string) => page.getByRole('region', { name: heading, exact: true })

/** Chooses filters in the form and applies them, as a person does. */
async function applyFilters(
  page: Page,
  choices: { cycle?: string; region?: string; type?: string; suppress?: boolean },
) {
  if (choices.cycle) await page.getByLabel('Cycle', { exact: true }).selectOption({ label: choices.cycle })
  if (choices.region) await page.getByLabel('Region', { exact: true }).selectOption({ label: choices.region })
  if (choices.type) await page.getByLabel('Organisation type', { exact: true }).selectOption({ label: choices.type })
  if (choices.suppress !== undefined) await page.getByLabel('Suppress small numbers').setChecked(choices.suppress)
  await page.getByRole('button', { name: 'Apply filters' }).click()
}

/** Clicks a download link and waits for the file the browser saves. */
async function download(page: Page, link: Locator): Promise<{ download: Download; file: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), link.click()])
  expect(await saved.failure()).toBeNull()
  return { download: saved, file: await saved.path() }
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF), after the byte order mark. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF'), 'the CSV starts with a byte order mark').toBe(true)
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (c === '"') {
      quoted = !quoted
    } else if (quoted) {
      field += c
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field])
      row = []
      field = ''
      i++
    } else {
      field += c
    }
  }
  expect(row.length === 0 && field === '', 'the CSV ends with a line break').toBe(true)
  return rows
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  return workbook
}

/** A worksheet's rows as values (numbers stay numbers), without exceljs's empty first column. */
function sheetRows(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name)
  expect(sheet, `sheet ${name}`).toBeDefined()
  const rows: unknown[][] = []
  sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => value ?? null)))
  return rows
}

/** The About sheet's label → value pairs. */
function about(workbook: ExcelJS.Workbook): Record<string, unknown> {
  return Object.fromEntries(
    sheetRows(workbook, 'About')
      .filter((row) => row.length === 2)
      .map(([label, value]) => [String(label), value]),
  )
}

/** The page does not scroll sideways: wide tables scroll inside their own regions. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }))
  expect(scrollWidth, `the page is ${scrollWidth}px wide in a ${width}px window`).toBeLessThanOrEqual(width)
}

/** The statuses the server answers for each URL, fetched with the signed-in session's cookies. */
async function statuses(page: Page, urls: string[]): Promise<Record<string, number>> {
  const answers: Record<string, number> = {}
  for (const url of urls) answers[url] = (await page.request.get(url, { maxRedirects: 0 })).status()
  return answers
}

/** `href` with its query changed, as a person editing a URL by hand would. */
function withParams(href: string, params: Record<string, string>): string {
  const url = new URL(href, 'http://localhost')
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return `${url.pathname}${url.search}`
}

test('the national viewer filters the national dashboard, suppresses small numbers and exports what is shown', async ({
  page,
}) => {
  await signIn(page, 'viewer@demo.nhs.uk')
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Dashboards', exact: true }).click()
  await expect(page).toHaveURL(/\/dashboards\/national$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('National dashboard')

  // The 2021/22 baseline: eight published submissions in four regions.
  await applyFilters(page, { cycle: BASELINE })
  await expect(page).toHaveURL(/[?&]cycle=[^&]+/)
  await expect(page.getByRole('heading', { level: 2, name: '2021/22 baseline' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2 })).toContainText([...SECTIONS])
  await expect(page.getByRole('heading', { name: 'Organisations by outcome' })).toHaveCount(0)
  await expect
    .poll(() => summaryList(page))
    .toEqual({
      Submissions: '8',
      'With agreed grades': '8',
      'Open required actions': '21 of 21',
      'Development plan items complete': '8 of 24 (33.3%)',
    })

  const progress = table(page, 'Submissions by status and region')
  await expect(progress.getByRole('columnheader')).toHaveText(['Region', ...STATUS_HEADINGS, 'Total'])
  await expectRows(progress, [
    publishedOnly('London', '2'),
    publishedOnly('Midlands', '2'),
    publishedOnly('North West', '3'),
    publishedOnly('South West', '1'),
    publishedOnly('Total', '8'),
  ])
  const attainment = table(page, 'Agreed levels by outcome')
  await expect(attainment.getByRole('columnheader')).toHaveText([
    'Outcome',
    'Level 0',
    'Level 1',
    'Level 2',
    'Level 3',
    'Level 4',
    'Graded',
    'Median',
  ])
  const nationalAttainment = [
    [OUTCOMES[0]!, '0', '2', '5', '1', '0', '8', '2'],
    [OUTCOMES[1]!, '1', '3', '2', '2', '0', '8', '1.5'],
    [OUTCOMES[2]!, '0', '4', '2', '0', '2', '8', '1.5'],
    [OUTCOMES[3]!, '0', '4', '2', '1', '1', '8', '1.5'],
    [OUTCOMES[4]!, '1', '3', '0', '2', '2', '8', '2'],
    [OUTCOMES[5]!, '1', '2', '3', '2', '0', '8', '2'],
  ]
  await expectRows(attainment, nationalAttainment)
  const heatMap = table(page, 'Median agreed level by region and outcome')
  await expectRows(heatMap, [
    heatRow('London', ['2.5', '1.5', '2.5', '2', '3.5', '1'], '2'),
    heatRow('Midlands', ['1.5', '1', '1', '1.5', '1', '1.5'], '2'),
    heatRow('North West', ['2', '2', '2', '1', '1', '2'], '3'),
    heatRow('South West', ['2', '3', '2', '2', '3', '3'], '1'),
  ])
  await expect(heatMap.locator('td[class*="--level-"]'), 'cells shaded by their median').toHaveCount(24)
  await expectRow(table(page, 'Self-assessed against agreed grades'), 'Outcome 4:', [
    OUTCOMES[3]!,
    '6 (75%)',
    '2 (25%)',
    '0 (0%)',
    '8',
    '+1: 4, +2: 2',
  ])
  await expectRows(table(page, 'Required actions by outcome'), [
    [OUTCOMES[0]!, '2', '2'],
    [OUTCOMES[1]!, '4', '4'],
    [OUTCOMES[2]!, '4', '4'],
    [OUTCOMES[3]!, '4', '4'],
    [OUTCOMES[4]!, '4', '4'],
    [OUTCOMES[5]!, '3', '3'],
  ])
  // Each view says what it shows in one sentence.
  const sentences: Record<string, string> = {
    'Submission progress':
      'Of 8 submissions, 8 (100%) have been validated or published; London, Midlands, North West and South West have the highest share (100%).',
    'Agreed levels by outcome':
      'Outcomes 1, 5 and 6 have the highest median agreed level (2); outcomes 2, 3 and 4 the lowest (1.5).',
    'Median agreed level by region':
      'Median agreed levels range from 1 (outcome 6 in London, outcome 2 in Midlands and 4 more) to 3.5 (outcome 5 in London).',
    'Self-assessment against agreed grades':
      'Self-assessments were most often higher than the agreed grade for outcome 4 (75%).',
    'Change since the previous cycle': 'There is no previous cycle to compare with.',
    'Required actions and development plans':
      '21 of 21 required actions are open: no completed development plan item answers them yet.',
  }
  for (const [heading, sentence] of Object.entries(sentences))
    await expect(section(page, heading).getByText(sentence, { exact: true })).toBeVisible()
  await expectAccessible(page)
  await expectNoSidewaysScroll(page)

  // One view as CSV: the same figures as the page's table.
  const csv = await download(
    page,
    section(page, 'Agreed levels by outcome').getByRole('link', { name: 'Download agreed levels by outcome (CSV)' }),
  )
  expect(csv.download.suggestedFilename()).toBe('lks-dashboard-2021-22-baseline-national-attainment.csv')
  const [csvHeader, ...csvRows] = parseCsv(await readFile(csv.file, 'utf8'))
  expect(csvHeader).toEqual([
    'Outcome',
    'Title',
    'Level 0',
    'Level 1',
    'Level 2',
    'Level 3',
    'Level 4',
    'Agreed grades',
    'Median level',
  ])
  expect(csvRows.map(([outcome, title, ...figures]) => [`Outcome ${outcome}: ${title}`, ...figures])).toEqual(
    await tableRows(attainment),
  )

  // Narrowed to North West: three submissions, and that region's grades.
  await applyFilters(page, { region: 'North West' })
  await expect(page).toHaveURL(/[?&]region=[^&]+/)
  await expect(page.getByText('Showing region: North West.', { exact: true })).toBeVisible()
  await expectRows(progress, [publishedOnly('North West', '3'), publishedOnly('Total', '3')])
  const northWestAttainment = [
    [OUTCOMES[0]!, '0', '1', '2', '0', '0', '3', '2'],
    [OUTCOMES[1]!, '1', '0', '1', '1', '0', '3', '2'],
    [OUTCOMES[2]!, '0', '1', '1', '0', '1', '3', '2'],
    [OUTCOMES[3]!, '0', '2', '0', '0', '1', '3', '1'],
    [OUTCOMES[4]!, '1', '1', '0', '0', '1', '3', '1'],
    [OUTCOMES[5]!, '0', '1', '1', '1', '0', '3', '2'],
  ]
  await expectRows(attainment, northWestAttainment)
  await expectRows(heatMap, [heatRow('North West', ['2', '2', '2', '1', '1', '2'], '3')])
  await expect
    .poll(() => summaryList(page))
    .toMatchObject({ Submissions: '3', 'With agreed grades': '3', 'Open required actions': '8 of 8' })

  // The workbook of exactly this: an About sheet naming the cycle and filter, then one sheet per view, with numbers as numbers.
  const regionWorkbook = await download(
    page,
    page.getByRole('link', { name: 'Download every view as an Excel workbook' }),
  )
  expect(regionWorkbook.download.suggestedFilename()).toBe('lks-dashboard-2021-22-baseline-national-north-west.xlsx')
  const northWest = await readWorkbook(regionWorkbook.file)
  expect(northWest.worksheets.map((sheet) => sheet.name)).toEqual([
    'About',
    'Progress',
    'Attainment',
    'Heat map',
    'Calibration',
    'Actions',
  ])
  expect(about(northWest)).toMatchObject({
    Cycle: '2021/22 baseline',
    'Framework edition': '2019 edition',
    Scope: 'National',
    Filters: 'Region: North West',
    'Small-number suppression': 'None',
    'Generated for': 'Tom Achebe',
  })
  expect(sheetRows(northWest, 'Progress')).toEqual([
    ['Region', ...STATUS_HEADINGS, 'Total'],
    ['North West', 0, 0, 0, 0, 0, 0, 0, 0, 3, 3],
    ['Total', 0, 0, 0, 0, 0, 0, 0, 0, 3, 3],
  ])
  const [attainmentHeader, ...attainmentSheet] = sheetRows(northWest, 'Attainment')
  expect(attainmentHeader).toEqual([
    'Outcome',
    'Title',
    'Level 0',
    'Level 1',
    'Level 2',
    'Level 3',
    'Level 4',
    'Agreed grades',
    'Median level',
  ])
  expect(attainmentSheet).toEqual(
    northWestAttainment.map(([outcome, ...figures], i) => [
      i + 1,
      outcome!.replace(/^Outcome \d: /, ''),
      ...figures.map(Number),
    ]),
  )
  expect(northWest.getWorksheet('Attainment')!.getRow(2).getCell(9).type).toBe(ExcelJS.ValueType.Number)

  // By organisation type instead: the four acute trusts, one in each region.
  await applyFilters(page, { region: 'All regions', type: 'Acute trust' })
  await expect(page).toHaveURL(/[?&]type=ACUTE_TRUST/)
  await expect(page.getByText('Showing organisation type: Acute trust.', { exact: true })).toBeVisible()
  await expectRows(progress, [
    publishedOnly('London', '1'),
    publishedOnly('Midlands', '1'),
    publishedOnly('North West', '1'),
    publishedOnly('South West', '1'),
    publishedOnly('Total', '4'),
  ])
  await expectRow(attainment, 'Outcome 6:', [OUTCOMES[5]!, '0', '0', '3', '1', '0', '4', '2'])
  await expect
    .poll(() => summaryList(page))
    .toMatchObject({ Submissions: '4', 'With agreed grades': '4', 'Open required actions': '7 of 7' })

  // Suppressed for publication: every count from 1 to 4 is "[c]", in the tables and the summary list alike; zeros stay.
  await applyFilters(page, { suppress: true })
  await expect(page).toHaveURL(/[?&]suppress=yes/)
  await expect(
    page.getByText('Showing organisation type: Acute trust.' + SUPPRESSION_NOTE, {
      exact: true,
    }),
  ).toBeVisible()
  await expectRows(progress, [
    publishedOnly('London', '[c]'),
    publishedOnly('Midlands', '[c]'),
    publishedOnly('North West', '[c]'),
    publishedOnly('South West', '[c]'),
    publishedOnly('Total', '[c]'),
  ])
  await expect
    .poll(() => summaryList(page))
    .toEqual({
      Submissions: '[c]',
      'With agreed grades': '[c]',
      'Open required actions': '7 of 7',
      'Development plan items complete': '[c] of 12 (Suppressed)',
    })
  await expect(
    section(page, 'Submission progress').getByText(
      'The table below gives the number of submissions at each status in each region.',
      { exact: true },
    ),
  ).toBeVisible()

  // Every type, still suppressed: counts of 5 and more are shown, smaller ones are not.
  await applyFilters(page, { type: 'All types' })
  await expect(page).not.toHaveURL(/[?&]type=[^&]/)
  await expectRows(progress, [
    publishedOnly('London', '[c]'),
    publishedOnly('Midlands', '[c]'),
    publishedOnly('North West', '[c]'),
    publishedOnly('South West', '[c]'),
    publishedOnly('Total', '8'),
  ])
  await expectRow(attainment, 'Outcome 1:', [OUTCOMES[0]!, '0', '[c]', '5', '[c]', '0', '8', '2'])
  // A median of fewer than five grades is withheld too, and so is its shading.
  await expectRows(
    heatMap,
    ['London', 'Midlands', 'North West', 'South West'].map((region) => [
      region,
      ...Array.from({ length: 6 }, () => 'Median Suppressed n=[c]'),
    ]),
  )
  await expect(heatMap.locator('td[class*="--level-"]')).toHaveCount(0)
  await expect(
    section(page, 'Median agreed level by region').getByText(
      'Every median is suppressed, as each is based on too few agreed grades.',
      { exact: true },
    ),
  ).toBeVisible()
  await expectAccessible(page)

  const suppressedWorkbook = await download(
    page,
    page.getByRole('link', { name: 'Download every view as an Excel workbook' }),
  )
  const suppressed = await readWorkbook(suppressedWorkbook.file)
  expect(about(suppressed)).toMatchObject({
    Cycle: '2021/22 baseline',
    Filters: 'None',
    'Small-number suppression': expect.stringContaining('shown as "[c]"'),
  })
  expect(sheetRows(suppressed, 'Progress').slice(1)).toEqual([
    ['London', 0, 0, 0, 0, 0, 0, 0, 0, '[c]', '[c]'],
    ['Midlands', 0, 0, 0, 0, 0, 0, 0, 0, '[c]', '[c]'],
    ['North West', 0, 0, 0, 0, 0, 0, 0, 0, '[c]', '[c]'],
    ['South West', 0, 0, 0, 0, 0, 0, 0, 0, '[c]', '[c]'],
    ['Total', 0, 0, 0, 0, 0, 0, 0, 0, 8, 8],
  ])
  expect(sheetRows(suppressed, 'Attainment')[1]).toEqual([1, 'Access and priorities', 0, '[c]', 5, '[c]', 0, 8, 2])
  // A median of fewer than five grades is withheld from the published figures.
  expect(sheetRows(suppressed, 'Heat map')[1]).toEqual([
    'London',
    ...Array.from({ length: 6 }, () => ['Suppressed', '[c]']).flat(),
  ])

  // A national role may open any region's dashboard.
  const london = await page.request.get(`/dashboards/regional?region=${await regionId('London')}`)
  expect(london.status()).toBe(200)
  expect(await london.text()).toContain('London dashboard')
})

test('the regional lead sees only North West, sorts its organisations and is refused other regions and the national dashboard', async ({
  page,
}) => {
  const northWest = await regionId('North West')
  const london = await regionId('London')
  await signIn(page, 'regional.lead@demo.nhs.uk')
  const menu = page.getByRole('navigation', { name: 'Menu' })
  await expect(menu.getByRole('link', { name: 'Dashboards', exact: true })).toHaveCount(0)
  await menu.getByRole('link', { name: 'Dashboard', exact: true }).click()
  await expect(page).toHaveURL(/\/dashboards\/regional$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('North West dashboard')
  // Their one region needs no choosing.
  await expect(page.getByLabel('Region', { exact: true })).toHaveCount(0)

  await applyFilters(page, { cycle: BASELINE })
  await expect(page.getByRole('heading', { level: 2, name: '2021/22 baseline' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2 })).toContainText([...SECTIONS, 'Organisations by outcome'])
  await expectRows(table(page, 'Submissions by status and region'), [
    publishedOnly('North West', '3'),
    publishedOnly('Total', '3'),
  ])
  await expectRows(table(page, 'Median agreed level by region and outcome'), [
    heatRow('North West', ['2', '2', '2', '1', '1', '2'], '3'),
  ])
  // The region against the nation (issue 17): three published results here, eight in England, so
  // the five outside the region are enough for the nation to be shown.
  await expect(page.getByRole('heading', { level: 2, name: 'North West against the nation' })).toBeVisible()
  await expect(page.getByText(/all organisation types: 3 organisations in North West, 8 in England\./)).toBeVisible()
  const medians = page.getByRole('table', {
    name: 'Median and range of the published agreed grades, North West and England',
  })
  await expect(medians.getByRole('columnheader')).toHaveText([
    'Outcome',
    'North West median',
    'North West range',
    'National median',
    'National range',
  ])
  await expect(medians.getByRole('row')).toHaveCount(7)
  await expect(
    page
      .getByRole('table', { name: 'Published agreed grades at each level, North West against England' })
      .getByRole('row'),
  ).toHaveCount(13)

  // The organisations, by name; then by outcome 2's agreed grade, lowest first, then highest first.
  const organisations = table(page, 'Agreed grades by organisation and outcome')
  const nameAndOutcome2 = async () => (await tableRows(organisations)).map((row) => [row[0], row[3]])
  const sortedBy = (header: string) => organisations.getByRole('columnheader', { name: new RegExp(`^${header}`) })
  await expect.poll(nameAndOutcome2).toEqual([
    [`${RIBBLE_AND_FYLDE} (RYV)`, 'Level 2, Medium'],
    [`${RIBBLE_VALLEY_MENTAL_HEALTH} (RWV)`, 'Level 3, Medium'],
    [`${RIBBLE_VALLEY_TEACHING} (RXV)`, 'Level 0'],
  ])
  await expect(sortedBy('Organisation')).toHaveAttribute('aria-sort', 'ascending')
  await expect(sortedBy('Outcome 2')).not.toHaveAttribute('aria-sort')

  await sortedBy('Outcome 2').getByRole('link').click()
  await expect(page).toHaveURL(/[?&]sort=o2&dir=asc#organisations$/)
  await expect.poll(nameAndOutcome2).toEqual([
    [`${RIBBLE_VALLEY_TEACHING} (RXV)`, 'Level 0'],
    [`${RIBBLE_AND_FYLDE} (RYV)`, 'Level 2, Medium'],
    [`${RIBBLE_VALLEY_MENTAL_HEALTH} (RWV)`, 'Level 3, Medium'],
  ])
  await expect(sortedBy('Outcome 2')).toHaveAttribute('aria-sort', 'ascending')
  await expect(sortedBy('Organisation')).not.toHaveAttribute('aria-sort')
  await sortedBy('Outcome 2').getByRole('link').click()
  await expect(page).toHaveURL(/[?&]sort=o2&dir=desc#organisations$/)
  await expect.poll(nameAndOutcome2).toEqual([
    [`${RIBBLE_VALLEY_MENTAL_HEALTH} (RWV)`, 'Level 3, Medium'],
    [`${RIBBLE_AND_FYLDE} (RYV)`, 'Level 2, Medium'],
    [`${RIBBLE_VALLEY_TEACHING} (RXV)`, 'Level 0'],
  ])
  await expect(sortedBy('Outcome 2')).toHaveAttribute('aria-sort', 'descending')
  await expectAccessible(page)

  // On a narrow screen the wide table scrolls inside its own region instead of widening the page.
  await page.setViewportSize({ width: 320, height: 720 })
  const scroller = page.getByRole('region', { name: 'Agreed grades by organisation and outcome' })
  const scrolled = await scroller.evaluate((element) => {
    element.scrollLeft = 100
    return {
      insideTheScreen: element.getBoundingClientRect().right <= window.innerWidth,
      scrolledSideways: element.scrollLeft > 0,
    }
  })
  expect(scrolled).toEqual({ insideTheScreen: true, scrolledSideways: true })
  await expectNoSidewaysScroll(page)
  await page.setViewportSize({ width: 1280, height: 720 })

  // The organisations view as CSV: North West's organisations only.
  const csv = await download(page, page.getByRole('link', { name: 'Download organisations by outcome (CSV)' }))
  expect(csv.download.suggestedFilename()).toBe('lks-dashboard-2021-22-baseline-north-west-organisations.csv')
  const [csvHeader, ...csvRows] = parseCsv(await readFile(csv.file, 'utf8'))
  expect(csvHeader?.slice(0, 6)).toEqual([
    'Reference',
    'Organisation',
    'ODS code',
    'Organisation type',
    'Organisation type code',
    'Status',
  ])
  expect(csvRows.map((row) => row[1]).sort()).toEqual(
    [RIBBLE_AND_FYLDE, RIBBLE_VALLEY_MENTAL_HEALTH, RIBBLE_VALLEY_TEACHING].sort(),
  )
  expect(csvRows.find((row) => row[0] === 'LKS-2122-RXV')?.slice(3, 5)).toEqual(['Acute trust', 'ACUTE_TRUST'])
  expect(csvRows.find((row) => row[0] === 'LKS-2122-RXV')?.slice(6)).toEqual([
    'Level 2, Low',
    'Level 0',
    'Level 2, Low',
    'Level 1, Medium',
    'Level 1, Low',
    'Level 2, Low',
  ])

  // The export links, edited by hand to London (or to the national dashboard), are refused; North West's are not.
  const workbookHref = (await page
    .getByRole('link', { name: 'Download every view as an Excel workbook' })
    .getAttribute('href'))!
  const csvHref = (await page
    .getByRole('link', { name: 'Download organisations by outcome (CSV)' })
    .getAttribute('href'))!
  expect(
    await statuses(page, [
      withParams(workbookHref, { region: northWest }),
      withParams(csvHref, { region: northWest }),
      `/dashboards/regional?region=${northWest}`,
    ]),
  ).toEqual({
    [withParams(workbookHref, { region: northWest })]: 200,
    [withParams(csvHref, { region: northWest })]: 200,
    [`/dashboards/regional?region=${northWest}`]: 200,
  })
  const refused = [
    withParams(workbookHref, { region: london }),
    withParams(csvHref, { region: london }),
    withParams(csvHref.replace('/regional/', '/national/'), { view: 'progress' }),
    workbookHref.replace('/regional/', '/national/'),
    `/dashboards/regional?region=${london}`,
    '/dashboards/national',
  ]
  expect(await statuses(page, refused)).toEqual(Object.fromEntries(refused.map((url) => [url, 403])))

  // Each organisation opens its submission.
  const teaching = await submissionId('LKS-2122-RXV')
  const link = organisations.getByRole('link', { name: RIBBLE_VALLEY_TEACHING })
  await expect(link).toHaveAttribute('href', `/submissions/${teaching}`)
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/submissions/${teaching}` && r.request().isNavigationRequest(),
    ),
    link.click(),
  ])
  expect(response.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(RIBBLE_VALLEY_TEACHING)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the filter form and the sort links work as plain links and forms', async ({ page }) => {
    await signIn(page, 'regional.lead@demo.nhs.uk')
    await page.goto('/dashboards/regional')
    await applyFilters(page, { cycle: BASELINE, suppress: true })
    await expect(page).toHaveURL(/[?&]cycle=[^&]+.*[?&]suppress=yes/)
    await expect(
      page.getByText('Showing every submission in scope.' + SUPPRESSION_NOTE, {
        exact: true,
      }),
    ).toBeVisible()
    await expectRows(table(page, 'Submissions by status and region'), [
      publishedOnly('North West', '[c]'),
      publishedOnly('Total', '[c]'),
    ])
    // The table of each organisation's grades would give every suppressed count away: not shown.
    await expect(table(page, 'Agreed grades by organisation and outcome')).toHaveCount(0)
    await expect(page.getByText(/is not shown while small numbers are suppressed/)).toBeVisible()
    await applyFilters(page, { suppress: false })

    const organisations = table(page, 'Agreed grades by organisation and outcome')
    const names = async () => (await tableRows(organisations)).map((row) => row[0])
    await organisations
      .getByRole('columnheader', { name: /^Outcome 5/ })
      .getByRole('link')
      .click()
    await expect(page).toHaveURL(/[?&]sort=o5&dir=asc#organisations$/)
    await expect
      .poll(names)
      .toEqual([`${RIBBLE_AND_FYLDE} (RYV)`, `${RIBBLE_VALLEY_TEACHING} (RXV)`, `${RIBBLE_VALLEY_MENTAL_HEALTH} (RWV)`])
    await organisations
      .getByRole('columnheader', { name: /^Outcome 5/ })
      .getByRole('link')
      .click()
    await expect(page).toHaveURL(/[?&]sort=o5&dir=desc#organisations$/)
    await expect
      .poll(names)
      .toEqual([`${RIBBLE_VALLEY_MENTAL_HEALTH} (RWV)`, `${RIBBLE_VALLEY_TEACHING} (RXV)`, `${RIBBLE_AND_FYLDE} (RYV)`])
    // The filter survives sorting.
    await expect(page.getByLabel('Suppress small numbers')).not.toBeChecked()
    await expect(page.getByLabel('Cycle', { exact: true })).toHaveValue(/.+/)
    await expect(page.getByLabel('Cycle', { exact: true }).locator('option:checked')).toHaveText(BASELINE)
  })
})

test('a service improvement review cycle chosen in the dashboard filter shows its plans, in region and suppressed', async ({
  page,
}) => {
  await signIn(page, 'regional.lead@demo.nhs.uk')
  await page.goto('/dashboards/regional')
  await applyFilters(page, { cycle: '2024/25 service improvement review (2019 edition)' })
  const status = table(page, 'Service Improvement Plans by status and region')
  await expect(status.getByRole('row', { name: /^North West/ })).toContainText('1')
  await expect(status).not.toContainText('London')
  await expect(table(page, 'Target against current agreed grade, by outcome')).toContainText('Outcome 6')
  await expect(table(page, 'Actions by status').getByRole('row', { name: /^All actions/ })).toContainText('6')
  await expectAccessible(page)
  const csv = await download(
    page,
    page.getByRole('link', { name: /service improvement plans by status and region \(CSV\)/i }),
  )
  expect(await readFile(csv.file, 'utf8')).toContain('North West')

  await applyFilters(page, { suppress: true })
  await expect(status.getByRole('row', { name: /^North West/ })).toContainText('[c]')
  await expectAccessible(page)
})

test('a filter value in the address that does not exist is named, with what is shown instead', async ({ page }) => {
  await signIn(page, 'viewer@demo.nhs.uk')
  await page.goto('/dashboards/national?cycle=2019-20&type=PIRATE_SHIP')
  const callout = page.locator('.nhsuk-card--warning')
  await expect(callout.getByRole('heading', { level: 2 })).toHaveText(
    'Important: Some of the filters could not be used',
  )
  await expect(callout.getByText('There is no cycle called “2019-20”: showing 2026/27.', { exact: true })).toBeVisible()
  await expect(
    callout.getByText('There is no organisation type called “PIRATE_SHIP”: showing all types.', { exact: true }),
  ).toBeVisible()
  await expectAccessible(page)
})

test('a service lead has no dashboard', async ({ page }) => {
  await signIn(page, 'lead@demo.nhs.uk')
  await expect(page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: /^Dashboards?$/ })).toHaveCount(
    0,
  )
  const response = await page.goto('/dashboards/regional')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page')
  const refused = [
    '/dashboards',
    '/dashboards/national',
    '/dashboards/national/export.xlsx',
    '/dashboards/national/export.csv?view=progress',
    '/dashboards/regional/export.csv?view=organisations',
  ]
  expect(await statuses(page, refused)).toEqual(Object.fromEntries(refused.map((url) => [url, 403])))
})
