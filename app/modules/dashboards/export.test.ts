import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { SUBMISSION_STATUSES } from '~/modules/submissions/status'
import {
  SHEET_NAMES,
  csvFileName,
  dashboardToXlsx,
  dashboardViews,
  viewToCsv,
  xlsxFileName,
  type ExportCell,
  type ExportView,
  type ExportViewKey,
} from './export'
import type { Dashboard } from './model'
import { suppressionAt } from './suppression'

const publication = suppressionAt(5)
const FORMULA_NAME = '=HYPERLINK("http://example.com","Click")'

// A national dashboard for one cycle with no previous cycle, filtered by organisation type.
const national: Dashboard = {
  scope: { kind: 'national' },
  cycle: { id: 'cycle-2026', name: '2026–27 full cycle', editionName: 'LKS Quality Framework 2024' },
  previousCycle: null,
  appliedFilters: [{ label: 'Organisation type', value: 'Acute trust' }],
  outcomes: [
    { number: 1, shortTitle: 'Strategy' },
    { number: 2, shortTitle: 'Evidence into practice' },
    { number: 3, shortTitle: 'Knowledge, mobilised' },
  ],
  progress: {
    statuses: [...SUBMISSION_STATUSES],
    regions: [
      { regionId: 'nw', regionName: 'North West', counts: [0, 1, 2, 0, 0, 0, 0, 3, 6], total: 12 },
      { regionId: 'ldn', regionName: 'London', counts: [5, 0, 0, 0, 0, 0, 0, 0, 0], total: 5 },
    ],
    totals: [5, 1, 2, 0, 0, 0, 0, 3, 6],
    total: 17,
  },
  attainment: [
    { outcomeNumber: 1, levelCounts: [0, 1, 2, 1, 0], graded: 4, medianLevel: 2 },
    { outcomeNumber: 2, levelCounts: [1, 2, 3, 0, 0], graded: 6, medianLevel: 1.5 },
    { outcomeNumber: 3, levelCounts: [0, 0, 0, 0, 0], graded: 0, medianLevel: null },
  ],
  heatMap: [
    {
      regionId: 'nw',
      regionName: 'North West',
      cells: [
        { outcomeNumber: 1, medianLevel: 2, graded: 4 },
        { outcomeNumber: 2, medianLevel: 1.5, graded: 6 },
        { outcomeNumber: 3, medianLevel: null, graded: 0 },
      ],
    },
    // Outcome 3 has no cell at all: no agreed grades.
    {
      regionId: 'ldn',
      regionName: 'London',
      cells: [
        { outcomeNumber: 1, medianLevel: null, graded: 0 },
        { outcomeNumber: 2, medianLevel: 2, graded: 5 },
      ],
    },
  ],
  calibration: [
    {
      outcomeNumber: 1,
      compared: 10,
      above: 6,
      equal: 3,
      below: 1,
      differences: [
        { steps: 1, count: 4 },
        { steps: -1, count: 1 },
        { steps: 2, count: 2 },
      ],
    },
    { outcomeNumber: 2, compared: 6, above: 0, equal: 6, below: 0, differences: [] },
    { outcomeNumber: 3, compared: 0, above: 0, equal: 0, below: 0, differences: [] },
  ],
  change: [],
  actions: {
    requiredActions: 12,
    openRequiredActions: 7,
    planItems: 20,
    planItemsComplete: 15,
    byOutcome: [
      { outcomeNumber: 1, requiredActions: 8, openRequiredActions: 3 },
      { outcomeNumber: 2, requiredActions: 4, openRequiredActions: 4 },
      { outcomeNumber: 3, requiredActions: 0, openRequiredActions: 0 },
    ],
  },
  organisations: null,
}

// A regional lead's dashboard: their region only, compared with the previous cycle, with organisations.
const regional: Dashboard = {
  ...national,
  scope: { kind: 'region', regionId: 'nw', regionName: 'North West' },
  previousCycle: { id: 'cycle-2025', name: '2025–26 full cycle' },
  appliedFilters: [],
  progress: {
    ...national.progress,
    regions: [national.progress.regions[0]!],
    totals: [0, 1, 2, 0, 0, 0, 0, 3, 6],
    total: 12,
  },
  heatMap: [national.heatMap[0]!],
  change: [
    { outcomeNumber: 1, compared: 8, improved: 5, same: 2, declined: 1 },
    { outcomeNumber: 2, compared: 3, improved: 1, same: 1, declined: 1 },
    { outcomeNumber: 3, compared: 0, improved: 0, same: 0, declined: 0 },
  ],
  organisations: [
    {
      submissionId: 's1',
      reference: 'LKS-2026-001',
      name: 'Ysbyty Gwynedd',
      odsCode: '7A1A4',
      organisationType: 'OTHER',
      status: 'PUBLISHED',
      agreedSteps: [5, 0, null],
    },
    {
      submissionId: 's2',
      reference: 'LKS-2026-002',
      name: 'Zoë and Łukasz Library',
      odsCode: 'RXX',
      organisationType: 'ACUTE_TRUST',
      status: 'VALIDATED',
      agreedSteps: [12, 1, 7],
    },
    {
      submissionId: 's3',
      reference: 'LKS-2026-003',
      name: 'Smith, Jones and "Partners" Trust',
      odsCode: 'R0A',
      organisationType: 'MENTAL_HEALTH_TRUST',
      status: 'IN_VALIDATION',
      agreedSteps: [null, null, null],
    },
    {
      submissionId: 's4',
      reference: 'LKS-2026-004',
      name: FORMULA_NAME,
      odsCode: 'RZZ',
      organisationType: 'ACUTE_TRUST',
      status: 'SUBMITTED',
      agreedSteps: [null, null, null],
    },
  ],
}

function view(views: ExportView[], key: ExportViewKey): ExportView {
  const found = views.find((v) => v.key === key)
  if (!found) throw new Error(`No ${key} view`)
  return found
}

/** RFC 4180, strictly: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(csv: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let i = 0
  while (i < csv.length) {
    if (csv[i] === '"' && field === '') {
      i++
      for (;;) {
        if (i >= csv.length) throw new Error('Unterminated quoted field')
        if (csv[i] === '"') {
          if (csv[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          break
        }
        field += csv[i++]
      }
      if (i < csv.length && csv[i] !== ',' && csv[i] !== '\r') throw new Error(`Text after a closing quote at ${i}`)
    } else if (csv[i] === ',') {
      record.push(field)
      field = ''
      i++
    } else if (csv[i] === '\r') {
      if (csv[i + 1] !== '\n') throw new Error(`A bare CR at ${i}`)
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += 2
    } else if (csv[i] === '\n') {
      throw new Error(`A bare LF at ${i}`)
    } else {
      field += csv[i++]
    }
  }
  if (field !== '' || record.length > 0) throw new Error('The last record does not end in CRLF')
  return records
}

function withoutBom(csv: string): string {
  if (!csv.startsWith('\uFEFF')) throw new Error('No byte order mark')
  return csv.slice(1)
}

const asCsvText = (cell: ExportCell): string => (cell === null ? '' : String(cell))

describe('the views of a dashboard', () => {
  it('are every view for a regional lead, and leave out organisations and change when the dashboard has neither', () => {
    expect(dashboardViews(regional, null).map((v) => v.key)).toEqual([
      'progress',
      'attainment',
      'heat-map',
      'calibration',
      'change',
      'actions',
      'organisations',
    ])
    expect(dashboardViews(national, null).map((v) => v.key)).toEqual([
      'progress',
      'attainment',
      'heat-map',
      'calibration',
      'actions',
    ])
  })

  it('have a cell for every column, typed as the column says', () => {
    for (const suppression of [null, publication]) {
      for (const v of dashboardViews(regional, suppression)) {
        for (const row of v.rows) {
          expect(row).toHaveLength(v.columns.length)
          row.forEach((cell, i) => {
            const type = v.columns[i]!.type
            if (cell === null) return
            if (type === 'text') expect(typeof cell, `${v.key} column ${i}`).toBe('string')
            else if (suppression === null) expect(typeof cell, `${v.key} column ${i}`).toBe('number')
            else
              expect(
                typeof cell === 'number' || cell === '[c]' || cell === 'Suppressed',
                `${v.key} column ${i}: ${cell}`,
              ).toBe(true)
          })
        }
      }
    }
  })

  it('show progress by region and status with a total row, suppressing 1 to 4 for publication', () => {
    const full = view(dashboardViews(national, null), 'progress')
    expect(full.columns.map((c) => c.header)).toEqual([
      'Region',
      'Not started',
      'In progress',
      'Awaiting sign-off',
      'Submitted',
      'In validation',
      'Clarification requested',
      'In moderation',
      'Validated',
      'Result published',
      'Total',
    ])
    expect(full.columns.map((c) => c.type)).toEqual(['text', ...Array<string>(10).fill('integer')])
    expect(full.rows).toEqual([
      ['North West', 0, 1, 2, 0, 0, 0, 0, 3, 6, 12],
      ['London', 5, 0, 0, 0, 0, 0, 0, 0, 0, 5],
      ['Total', 5, 1, 2, 0, 0, 0, 0, 3, 6, 17],
    ])
    expect(view(dashboardViews(national, publication), 'progress').rows).toEqual([
      ['North West', 0, '[c]', '[c]', 0, 0, 0, 0, '[c]', 6, 12],
      ['London', 5, 0, 0, 0, 0, 0, 0, 0, 0, 5],
      ['Total', 5, '[c]', '[c]', 0, 0, 0, 0, '[c]', 6, 17],
    ])
  })

  it('show levels and medians per outcome, withholding a median of fewer than 5 grades', () => {
    const full = view(dashboardViews(national, null), 'attainment')
    expect(full.columns).toEqual([
      { header: 'Outcome', type: 'integer' },
      { header: 'Title', type: 'text' },
      { header: 'Level 0', type: 'integer' },
      { header: 'Level 1', type: 'integer' },
      { header: 'Level 2', type: 'integer' },
      { header: 'Level 3', type: 'integer' },
      { header: 'Level 4', type: 'integer' },
      { header: 'Agreed grades', type: 'integer' },
      { header: 'Median level', type: 'decimal' },
    ])
    expect(full.rows).toEqual([
      [1, 'Strategy', 0, 1, 2, 1, 0, 4, 2],
      [2, 'Evidence into practice', 1, 2, 3, 0, 0, 6, 1.5],
      [3, 'Knowledge, mobilised', 0, 0, 0, 0, 0, 0, null],
    ])
    expect(view(dashboardViews(national, publication), 'attainment').rows).toEqual([
      [1, 'Strategy', 0, '[c]', '[c]', '[c]', 0, '[c]', 'Suppressed'],
      [2, 'Evidence into practice', '[c]', '[c]', '[c]', 0, 0, 6, 1.5],
      [3, 'Knowledge, mobilised', 0, 0, 0, 0, 0, 0, null],
    ])
  })

  it('show the heat map as a region per row with a median and a count per outcome', () => {
    const heatMap = view(dashboardViews(national, publication), 'heat-map')
    expect(heatMap.columns.map((c) => `${c.header} (${c.type})`)).toEqual([
      'Region (text)',
      'Outcome 1 median level (decimal)',
      'Outcome 1 agreed grades (integer)',
      'Outcome 2 median level (decimal)',
      'Outcome 2 agreed grades (integer)',
      'Outcome 3 median level (decimal)',
      'Outcome 3 agreed grades (integer)',
    ])
    expect(heatMap.rows).toEqual([
      ['North West', 'Suppressed', '[c]', 1.5, 6, null, 0],
      ['London', null, 0, 2, 5, null, 0],
    ])
  })

  it('show calibration with a column for each difference that occurs, most over-rated first', () => {
    const calibration = view(dashboardViews(national, null), 'calibration')
    expect(calibration.columns.map((c) => c.header)).toEqual([
      'Outcome',
      'Title',
      'Compared',
      'Self-assessed higher',
      'Same',
      'Self-assessed lower',
      'Self-assessed higher by 2 steps',
      'Self-assessed higher by 1 step',
      'Self-assessed lower by 1 step',
    ])
    expect(calibration.rows).toEqual([
      [1, 'Strategy', 10, 6, 3, 1, 2, 4, 1],
      [2, 'Evidence into practice', 6, 0, 6, 0, 0, 0, 0],
      [3, 'Knowledge, mobilised', 0, 0, 0, 0, 0, 0, 0],
    ])
    expect(view(dashboardViews(national, publication), 'calibration').rows[0]).toEqual([
      1,
      'Strategy',
      10,
      6,
      '[c]',
      '[c]',
      '[c]',
      '[c]',
      '[c]',
    ])
  })

  it('show change since the previous cycle, named in the title', () => {
    const change = view(dashboardViews(regional, publication), 'change')
    expect(change.title).toBe('Change in agreed grades since 2025–26 full cycle')
    expect(change.columns.map((c) => c.header)).toEqual([
      'Outcome',
      'Title',
      'Organisations compared',
      'Improved',
      'Same',
      'Declined',
    ])
    expect(change.rows).toEqual([
      [1, 'Strategy', 8, 5, '[c]', '[c]'],
      [2, 'Evidence into practice', '[c]', '[c]', '[c]', '[c]'],
      [3, 'Knowledge, mobilised', 0, 0, 0, 0],
    ])
  })

  it('show required actions per outcome, and development plan figures for all outcomes together', () => {
    const actions = view(dashboardViews(national, publication), 'actions')
    expect(actions.columns.map((c) => c.type)).toEqual([
      'integer',
      'text',
      'integer',
      'integer',
      'integer',
      'integer',
      'percent',
    ])
    expect(actions.rows).toEqual([
      [1, 'Strategy', 8, '[c]', null, null, null],
      [2, 'Evidence into practice', '[c]', '[c]', null, null, null],
      // The open 3 and 4 hide each other; the required 4 needs a second cell hidden, the smallest: 0.
      [3, 'Knowledge, mobilised', '[c]', 0, null, null, null],
      [null, 'All outcomes', 12, 7, 20, 15, 0.75],
    ])
    const fewItems = { ...national, actions: { ...national.actions, planItems: 4, planItemsComplete: 4 } }
    expect(view(dashboardViews(fewItems, publication), 'actions').rows.at(-1)).toEqual([
      null,
      'All outcomes',
      12,
      7,
      '[c]',
      '[c]',
      'Suppressed',
    ])
    expect(view(dashboardViews(fewItems, null), 'actions').rows.at(-1)).toEqual([null, 'All outcomes', 12, 7, 4, 4, 1])
  })

  it('show each organisation with its agreed grade per outcome in words', () => {
    expect(dashboardViews(regional, publication).map((v) => v.key)).not.toContain('organisations')
    const organisations = view(dashboardViews(regional, null), 'organisations')
    expect(organisations.columns.map((c) => c.header)).toEqual([
      'Reference',
      'Organisation',
      'ODS code',
      'Organisation type',
      'Organisation type code',
      'Status',
      'Outcome 1',
      'Outcome 2',
      'Outcome 3',
    ])
    expect(organisations.columns.every((c) => c.type === 'text')).toBe(true)
    expect(organisations.rows).toEqual([
      [
        'LKS-2026-001',
        'Ysbyty Gwynedd',
        '7A1A4',
        'Other',
        'OTHER',
        'Result published',
        'Level 2, Medium',
        'Level 0',
        null,
      ],
      [
        'LKS-2026-002',
        'Zoë and Łukasz Library',
        'RXX',
        'Acute trust',
        'ACUTE_TRUST',
        'Validated',
        'Level 4, High',
        'Level 1, Low',
        'Level 3, Low',
      ],
      [
        'LKS-2026-003',
        'Smith, Jones and "Partners" Trust',
        'R0A',
        'Mental health trust',
        'MENTAL_HEALTH_TRUST',
        'In validation',
        null,
        null,
        null,
      ],
      ['LKS-2026-004', FORMULA_NAME, 'RZZ', 'Acute trust', 'ACUTE_TRUST', 'Submitted', null, null, null],
    ])
  })

  it('refuse an outcome the dashboard does not list, rather than export it untitled', () => {
    const broken = {
      ...national,
      attainment: [
        {
          outcomeNumber: 9,
          levelCounts: [0, 0, 0, 0, 0] as [number, number, number, number, number],
          graded: 0,
          medianLevel: null,
        },
      ],
    }
    expect(() => dashboardViews(broken, null)).toThrow('Outcome 9')
  })
})

describe('CSV export', () => {
  it('reads back as the view: header row then data rows, with a byte order mark and CRLF line ends', () => {
    for (const v of dashboardViews(regional, publication).filter((v) => v.key !== 'organisations')) {
      const csv = viewToCsv(v)
      expect(csv.startsWith('\uFEFF')).toBe(true)
      expect(parseCsv(withoutBom(csv))).toEqual([
        v.columns.map((c) => c.header),
        ...v.rows.map((row) => row.map(asCsvText)),
      ])
    }
  })

  it('quotes names with commas and quotes, keeps other scripts intact, and guards a name starting with "="', () => {
    const organisations = view(dashboardViews(regional, null), 'organisations')
    const csv = viewToCsv(organisations)
    expect(csv).toContain('LKS-2026-003,"Smith, Jones and ""Partners"" Trust",R0A,')
    expect(csv).toContain(',"\'=HYPERLINK(""http://example.com"",""Click"")",RZZ,')
    const expected = [
      organisations.columns.map((c) => c.header),
      ...organisations.rows.map((row) => row.map(asCsvText)),
    ]
    expected[4]![1] = `'${FORMULA_NAME}`
    expect(parseCsv(withoutBom(csv))).toEqual(expected)
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(Buffer.from(csv, 'utf8').toString('utf8')).toContain('Zoë and Łukasz Library')
  })

  it('puts an apostrophe before text a spreadsheet would run as a formula, but not before numbers', () => {
    const risky: ExportView = {
      key: 'organisations',
      title: 'Risky',
      columns: [text('Value'), { header: 'Number', type: 'integer' }],
      rows: [
        ['=1+1', -3],
        ['+44 Health', 0],
        ['-Minus Trust', 2.5],
        ['@SUM(A1)', null],
        ['\tTabbed', 1],
        ['\rReturned', 1],
        ['Safe - trust', 1],
        ['-3', 1],
      ],
    }
    expect(parseCsv(withoutBom(viewToCsv(risky)))).toEqual([
      ['Value', 'Number'],
      ["'=1+1", '-3'],
      ["'+44 Health", '0'],
      ["'-Minus Trust", '2.5'],
      ["'@SUM(A1)", ''],
      ["'\tTabbed", '1'],
      ["'\rReturned", '1'],
      ['Safe - trust', '1'],
      ["'-3", '1'],
    ])
  })

  it('refuses a cell that is not a finite number', () => {
    const bad: ExportView = {
      key: 'progress',
      title: 'Bad',
      columns: [{ header: 'N', type: 'decimal' }],
      rows: [[Number.NaN]],
    }
    expect(() => viewToCsv(bad)).toThrow(RangeError)
  })

  it('names the file by cycle, scope, filters and view, in plain ASCII', () => {
    expect(csvFileName(national, view(dashboardViews(national, null), 'heat-map'))).toBe(
      'lks-dashboard-2026-27-full-cycle-national-acute-trust-heat-map.csv',
    )
    expect(csvFileName(regional, view(dashboardViews(regional, null), 'organisations'))).toBe(
      'lks-dashboard-2026-27-full-cycle-north-west-organisations.csv',
    )
    const accented = {
      ...regional,
      scope: { kind: 'region' as const, regionId: 'x', regionName: 'Zoë Łódź' },
      appliedFilters: [{ label: 'Type', value: 'Trusts / ICBs' }],
    }
    expect(xlsxFileName(accented)).toBe('lks-dashboard-2026-27-full-cycle-zoe-lodz-trusts-icbs.xlsx')
  })
})

function text(header: string) {
  return { header, type: 'text' as const }
}

async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  return workbook
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name)
  if (!found) throw new Error(`No sheet ${name}`)
  return found
}

/** The About sheet as label -> value, from the rows that have both. */
function aboutDetails(workbook: ExcelJS.Workbook): Record<string, string> {
  const details: Record<string, string> = {}
  sheet(workbook, 'About').eachRow((row) => {
    const label = row.getCell(1).value
    const value = row.getCell(2).value
    if (typeof label === 'string' && typeof value === 'string') details[label] = value
  })
  return details
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1)

describe('Excel export', () => {
  const generatedAt = new Date('2026-11-22T10:00:00Z')

  it('has an About sheet, then a sheet per view; organisations only for a region, change only with a previous cycle', async () => {
    const nationalBook = await readWorkbook(
      await dashboardToXlsx(national, publication, { generatedFor: 'Ada Lovelace', generatedAt }),
    )
    expect(nationalBook.worksheets.map((ws) => ws.name)).toEqual([
      'About',
      'Progress',
      'Attainment',
      'Heat map',
      'Calibration',
      'Actions',
    ])
    const regionalBook = await readWorkbook(
      await dashboardToXlsx(regional, null, { generatedFor: 'Zoë Evans', generatedAt }),
    )
    expect(regionalBook.worksheets.map((ws) => ws.name)).toEqual([
      'About',
      'Progress',
      'Attainment',
      'Heat map',
      'Calibration',
      'Change',
      'Actions',
      'Organisations',
    ])
  })

  it('has sheet names Excel accepts: at most 31 characters, unique, none of []:*?/\\', () => {
    const names = [...Object.values(SHEET_NAMES), 'About']
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31)
      expect(name).not.toMatch(/[[\]:*?/\\]/)
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length)
  })

  it('says on the About sheet what was exported, for whom and when', async () => {
    const nationalBook = await readWorkbook(
      await dashboardToXlsx(national, publication, { generatedFor: 'Ada Lovelace', generatedAt }),
    )
    expect(sheet(nationalBook, 'About').getCell('A1').value).toBe('Attainment dashboard: 2026–27 full cycle (national)')
    expect(aboutDetails(nationalBook)).toEqual({
      Cycle: '2026–27 full cycle',
      'Framework edition': 'LKS Quality Framework 2024',
      Scope: 'National',
      Filters: 'Organisation type: Acute trust',
      'Compared with': 'No previous cycle, so there is no Change sheet',
      'Small-number suppression':
        'Counts from 1 to 4 are shown as "[c]", and so is any other count that would let one of them be worked out from the totals or another view; medians and percentages based on a hidden count are shown as "Suppressed". Zeros are shown unless hidden for that reason.',
      'Agreed grades': 'Grades of submissions that have been validated or published',
      Generated: '22 November 2026',
      'Generated for': 'Ada Lovelace',
      Progress: 'Submission progress by status and region',
      Attainment: 'Agreed levels by outcome',
      'Heat map': 'Median agreed level by region and outcome',
      Calibration: 'Self-assessed against agreed grades',
      Actions: 'Required actions and development plans',
    })

    // Just before midnight UTC on 30 June is 1 July in London.
    const regionalBook = await readWorkbook(
      await dashboardToXlsx(regional, null, {
        generatedFor: 'Zoë Evans',
        generatedAt: new Date('2026-06-30T23:30:00Z'),
      }),
    )
    const details = aboutDetails(regionalBook)
    expect(details).toMatchObject({
      Scope: 'Region: North West',
      Filters: 'None',
      'Compared with': '2025–26 full cycle',
      'Small-number suppression': 'None',
      Generated: '1 July 2026',
      'Generated for': 'Zoë Evans',
      Change: 'Change in agreed grades since 2025–26 full cycle',
      Organisations: 'Organisations and their agreed grades',
    })
  })

  it('sets the document title and creator', async () => {
    const workbook = await readWorkbook(
      await dashboardToXlsx(regional, null, { generatedFor: 'Zoë Evans', generatedAt }),
    )
    expect(workbook.creator).toBe('LKS Quality Portal')
    expect(workbook.title).toBe('Attainment dashboard: 2026–27 full cycle (North West)')
    expect(workbook.created?.toISOString()).toBe(generatedAt.toISOString())
  })

  it('has a bold, frozen header row on each view sheet', async () => {
    const workbook = await readWorkbook(
      await dashboardToXlsx(national, null, { generatedFor: 'Ada Lovelace', generatedAt }),
    )
    for (const v of dashboardViews(national, null)) {
      const ws = sheet(workbook, SHEET_NAMES[v.key])
      expect(rowValues(ws, 1)).toEqual(v.columns.map((c) => c.header))
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true)
      expect(ws.getRow(2).getCell(1).font?.bold).not.toBe(true)
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(ws.rowCount).toBe(v.rows.length + 1)
      v.columns.forEach((column, i) => {
        const width = ws.getColumn(i + 1).width
        expect(width, `${v.key}: ${column.header}`).toBeGreaterThanOrEqual(Math.min(column.header.length, 30))
        expect(width, `${v.key}: ${column.header}`).toBeLessThanOrEqual(60)
      })
    }
  })

  it('keeps numbers as numbers, suppressed counts and withheld medians as text, and text as text', async () => {
    const workbook = await readWorkbook(
      await dashboardToXlsx(national, publication, { generatedFor: 'Ada Lovelace', generatedAt }),
    )
    const attainment = sheet(workbook, 'Attainment')
    expect(rowValues(attainment, 2)).toEqual([1, 'Strategy', 0, '[c]', '[c]', '[c]', 0, '[c]', 'Suppressed'])
    expect(rowValues(attainment, 3)).toEqual([2, 'Evidence into practice', '[c]', '[c]', '[c]', 0, 0, 6, 1.5])
    const types = (ws: ExcelJS.Worksheet, n: number) => rowValues(ws, n).map((_, i) => ws.getRow(n).getCell(i + 1).type)
    const { Number: N, String: S, Null: Z } = ExcelJS.ValueType
    expect(types(attainment, 2)).toEqual([N, S, N, S, S, S, N, S, S])
    expect(types(attainment, 3)).toEqual([N, S, S, S, S, N, N, N, N])
    expect(attainment.getCell('I3').numFmt).toBe('0.0')
    expect(attainment.getCell('H3').numFmt).toBe('#,##0')

    const actions = sheet(workbook, 'Actions')
    expect(rowValues(actions, 5)).toEqual([undefined, 'All outcomes', 12, 7, 20, 15, 0.75])
    expect(actions.getCell('A5').type).toBe(Z)
    expect(actions.getCell('G5').type).toBe(N)
    expect(actions.getCell('G5').numFmt).toBe('0.0%')
  })

  it('shows every count in full without suppression', async () => {
    const workbook = await readWorkbook(
      await dashboardToXlsx(national, null, { generatedFor: 'Ada Lovelace', generatedAt }),
    )
    expect(rowValues(sheet(workbook, 'Progress'), 2)).toEqual(['North West', 0, 1, 2, 0, 0, 0, 0, 3, 6, 12])
    expect(rowValues(sheet(workbook, 'Attainment'), 2)).toEqual([1, 'Strategy', 0, 1, 2, 1, 0, 4, 2])
  })

  it('stores a name starting with "=" as text, never as a formula, and keeps Welsh and accented names', async () => {
    const workbook = await readWorkbook(
      await dashboardToXlsx(regional, null, { generatedFor: 'Zoë Evans', generatedAt }),
    )
    const organisations = sheet(workbook, 'Organisations')
    expect(organisations.getCell('B2').value).toBe('Ysbyty Gwynedd')
    expect(organisations.getCell('B3').value).toBe('Zoë and Łukasz Library')
    expect(organisations.getCell('B4').value).toBe('Smith, Jones and "Partners" Trust')
    expect(organisations.getCell('B5').value).toBe(FORMULA_NAME)
    expect(organisations.getCell('B5').type).toBe(ExcelJS.ValueType.String)
    expect(rowValues(organisations, 2)).toEqual([
      'LKS-2026-001',
      'Ysbyty Gwynedd',
      '7A1A4',
      'Other',
      'OTHER',
      'Result published',
      'Level 2, Medium',
      'Level 0',
    ])
  })
})
