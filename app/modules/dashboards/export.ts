// The attainment dashboard's views as tables, and those tables as CSV and Excel (issue 6, item 5).
// Pure apart from returning a Buffer: the caller gathers a Dashboard already scoped to what the
// reader may see (a regional lead's region only, item 6) and this module exports exactly that.
//
// Decisions:
// - Cells are typed. Counts, medians and proportions are numbers; a suppressed count is the text
//   "[c]" and a withheld median or proportion the text "Suppressed", so the rest of the column stays
//   numeric. Proportions are fractions (0.75), formatted as percentages in Excel.
// - A blank (null) cell means there is no figure: a median of no grades, a proportion of nothing,
//   an outcome with no agreed grade, or (in the actions view) development plan figures that the
//   dashboard only has for all outcomes together.
// - The change view is left out when there is no previous cycle: there is nothing to compare with.
//   The About sheet says so.
// - The organisations view (regional dashboards only) has one text column per outcome with the
//   agreed grade as the portal writes it ("Level 2, Medium", "Level 0"), blank when not agreed.
//   Organisation types are in words ("Community trust"), with the code (COMMUNITY_TRUST) in a
//   column of its own for those who join the figures to other data.
// - CSV is one view per file, header row and data rows only, so it loads into any tool; what was
//   filtered is in the file name and in the workbook's About sheet. UTF-8 with a byte order mark
//   so Excel reads "Zoë" correctly; text that a spreadsheet would run as a formula gets a leading
//   apostrophe. Excel cells hold text as text, so the workbook needs no such guard.
// - Sheet names are fixed words, so they are short, unique and free of characters Excel refuses.
import ExcelJS from 'exceljs'
import { formatGrade, stepsToGrade } from '~/modules/framework/grading'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { SUBMISSION_STATUS_LABELS } from '~/modules/submissions/status'
import { BYTE_ORDER_MARK, csvLine } from '~/utils/csv'
import { formatDate } from '~/utils/dates'
import { slug } from '~/utils/slug'
import type { Dashboard } from './model'
import { publishDashboard } from './publish'
import { countValue, describeSuppression, medianValue, proportionValue, type Suppression } from './suppression'

export const EXPORT_VIEW_KEYS = [
  'progress',
  'attainment',
  'heat-map',
  'calibration',
  'change',
  'actions',
  'organisations',
] as const
export type ExportViewKey = (typeof EXPORT_VIEW_KEYS)[number]

export type ExportColumnType = 'text' | 'integer' | 'decimal' | 'percent'
export type ExportColumn = { header: string; type: ExportColumnType }
export type ExportCell = string | number | null

export type ExportView = {
  key: ExportViewKey
  title: string
  columns: ExportColumn[]
  rows: ExportCell[][]
}

export type ExportMeta = { generatedFor: string; generatedAt: Date }

/** The worksheet for each view: at most 31 characters, none of []:*?/\, unique. */
export const SHEET_NAMES: Record<ExportViewKey, string> = {
  progress: 'Progress',
  attainment: 'Attainment',
  'heat-map': 'Heat map',
  calibration: 'Calibration',
  change: 'Change',
  actions: 'Actions',
  organisations: 'Organisations',
}

export const ABOUT_SHEET_NAME = 'About'

const text = (header: string): ExportColumn => ({ header, type: 'text' })
const integer = (header: string): ExportColumn => ({ header, type: 'integer' })
const decimal = (header: string): ExportColumn => ({ header, type: 'decimal' })
const percent = (header: string): ExportColumn => ({ header, type: 'percent' })

function outcomeTitles(dashboard: Dashboard): (outcomeNumber: number) => string {
  const titles = new Map(dashboard.outcomes.map((o) => [o.number, o.shortTitle]))
  return (outcomeNumber) => {
    const title = titles.get(outcomeNumber)
    if (title === undefined) throw new Error(`Outcome ${outcomeNumber} is not among the dashboard's outcomes`)
    return title
  }
}

function progressView(dashboard: Dashboard, suppression: Suppression): ExportView {
  const { statuses, regions, totals, total } = dashboard.progress
  const count = (n: number) => countValue(n, suppression)
  return {
    key: 'progress',
    title: 'Submission progress by status and region',
    columns: [text('Region'), ...statuses.map((status) => integer(SUBMISSION_STATUS_LABELS[status])), integer('Total')],
    rows: [
      ...regions.map((region) => [region.regionName, ...region.counts.map(count), count(region.total)]),
      ['Total', ...totals.map(count), count(total)],
    ],
  }
}

function attainmentView(dashboard: Dashboard, suppression: Suppression): ExportView {
  const title = outcomeTitles(dashboard)
  return {
    key: 'attainment',
    title: 'Agreed levels by outcome',
    columns: [
      integer('Outcome'),
      text('Title'),
      ...[0, 1, 2, 3, 4].map((level) => integer(`Level ${level}`)),
      integer('Agreed grades'),
      decimal('Median level'),
    ],
    rows: dashboard.attainment.map((row) => [
      row.outcomeNumber,
      title(row.outcomeNumber),
      ...row.levelCounts.map((n) => countValue(n, suppression)),
      countValue(row.graded, suppression),
      medianValue(row.medianLevel, row.graded, suppression),
    ]),
  }
}

function heatMapView(dashboard: Dashboard, suppression: Suppression): ExportView {
  const outcomes = dashboard.outcomes.map((o) => o.number)
  return {
    key: 'heat-map',
    title: 'Median agreed level by region and outcome',
    columns: [
      text('Region'),
      ...outcomes.flatMap((n) => [decimal(`Outcome ${n} median level`), integer(`Outcome ${n} agreed grades`)]),
    ],
    rows: dashboard.heatMap.map((region) => [
      region.regionName,
      ...outcomes.flatMap((n) => {
        const cell = region.cells.find((c) => c.outcomeNumber === n) ?? { medianLevel: null, graded: 0 }
        return [medianValue(cell.medianLevel, cell.graded, suppression), countValue(cell.graded, suppression)]
      }),
    ]),
  }
}

function differenceHeader(steps: number): string {
  const size = `${Math.abs(steps)} ${Math.abs(steps) === 1 ? 'step' : 'steps'}`
  return steps > 0 ? `Self-assessed higher by ${size}` : `Self-assessed lower by ${size}`
}

function calibrationView(dashboard: Dashboard, suppression: Suppression): ExportView {
  const title = outcomeTitles(dashboard)
  // One column for each difference that occurs, from most over-rated to most under-rated.
  const differences = [...new Set(dashboard.calibration.flatMap((row) => row.differences.map((d) => d.steps)))].sort(
    (a, b) => b - a,
  )
  return {
    key: 'calibration',
    title: 'Self-assessed against agreed grades',
    columns: [
      integer('Outcome'),
      text('Title'),
      integer('Compared'),
      integer('Self-assessed higher'),
      integer('Same'),
      integer('Self-assessed lower'),
      ...differences.map((steps) => integer(differenceHeader(steps))),
    ],
    rows: dashboard.calibration.map((row) => [
      row.outcomeNumber,
      title(row.outcomeNumber),
      ...[row.compared, row.above, row.equal, row.below].map((n) => countValue(n, suppression)),
      ...differences.map((steps) =>
        countValue(row.differences.find((d) => d.steps === steps)?.count ?? 0, suppression),
      ),
    ]),
  }
}

function changeView(dashboard: Dashboard, previousCycleName: string, suppression: Suppression): ExportView {
  const title = outcomeTitles(dashboard)
  return {
    key: 'change',
    title: `Change in agreed grades since ${previousCycleName}`,
    columns: [
      integer('Outcome'),
      text('Title'),
      integer('Organisations compared'),
      integer('Improved'),
      integer('Same'),
      integer('Declined'),
    ],
    rows: dashboard.change.map((row) => [
      row.outcomeNumber,
      title(row.outcomeNumber),
      ...[row.compared, row.improved, row.same, row.declined].map((n) => countValue(n, suppression)),
    ]),
  }
}

function actionsView(dashboard: Dashboard, suppression: Suppression): ExportView {
  const title = outcomeTitles(dashboard)
  const { actions } = dashboard
  return {
    key: 'actions',
    title: 'Required actions and development plans',
    columns: [
      integer('Outcome'),
      text('Title'),
      integer('Required actions'),
      integer('Open required actions'),
      integer('Development plan items'),
      integer('Development plan items complete'),
      percent('Proportion of development plan items complete'),
    ],
    rows: [
      ...actions.byOutcome.map((row) => [
        row.outcomeNumber,
        title(row.outcomeNumber),
        countValue(row.requiredActions, suppression),
        countValue(row.openRequiredActions, suppression),
        null,
        null,
        null,
      ]),
      [
        null,
        'All outcomes',
        countValue(actions.requiredActions, suppression),
        countValue(actions.openRequiredActions, suppression),
        countValue(actions.planItems, suppression),
        countValue(actions.planItemsComplete, suppression),
        proportionValue(actions.planItemsComplete, actions.planItems, suppression),
      ],
    ],
  }
}

function organisationsView(dashboard: Dashboard, organisations: NonNullable<Dashboard['organisations']>): ExportView {
  return {
    key: 'organisations',
    title: 'Organisations and their agreed grades',
    columns: [
      text('Reference'),
      text('Organisation'),
      text('ODS code'),
      text('Organisation type'),
      text('Organisation type code'),
      text('Status'),
      ...dashboard.outcomes.map((o) => text(`Outcome ${o.number}`)),
    ],
    rows: organisations.map((o) => [
      o.reference,
      o.name,
      o.odsCode,
      ORGANISATION_TYPE_LABELS[o.organisationType] ?? o.organisationType,
      o.organisationType,
      SUBMISSION_STATUS_LABELS[o.status],
      ...dashboard.outcomes.map((_, i) => {
        const steps = o.agreedSteps[i] ?? null
        return steps === null ? null : formatGrade(stepsToGrade(steps))
      }),
    ]),
  }
}

/**
 * Every view of the dashboard as a table, in the order the page shows them. With suppression, the
 * published copy (publishDashboard: the same cells hidden as on the page); publishing twice
 * changes nothing, so a dashboard already published may be passed.
 */
export function dashboardViews(unpublished: Dashboard, suppression: Suppression): ExportView[] {
  const dashboard = publishDashboard(unpublished, suppression)
  const views = [
    progressView(dashboard, suppression),
    attainmentView(dashboard, suppression),
    heatMapView(dashboard, suppression),
    calibrationView(dashboard, suppression),
  ]
  if (dashboard.previousCycle !== null) views.push(changeView(dashboard, dashboard.previousCycle.name, suppression))
  views.push(actionsView(dashboard, suppression))
  if (dashboard.organisations !== null) views.push(organisationsView(dashboard, dashboard.organisations))
  return views
}

// CSV (RFC 4180) ------------------------------------------------------------------------------

/** One view as CSV: a byte order mark, the header row, the data rows, each line ending in CRLF. */
export function viewToCsv(view: ExportView): string {
  return BYTE_ORDER_MARK + [view.columns.map((column) => column.header), ...view.rows].map(csvLine).join('')
}

// File names ------------------------------------------------------------------------------------

/** "lks-dashboard-2026-27-north-west-acute-trust": the cycle, the scope and the filters applied. */
function fileNameBase(dashboard: Dashboard): string {
  const scope = dashboard.scope.kind === 'national' ? 'national' : dashboard.scope.regionName
  const parts = [
    ...new Set(
      ['lks-dashboard', dashboard.cycle.name, scope, ...dashboard.appliedFilters.map((f) => f.value)].map(slug),
    ),
  ]
  return parts
    .filter((part) => part !== '')
    .join('-')
    .slice(0, 120)
    .replace(/-+$/, '')
}

/** An ASCII file name for one view's CSV, naming the cycle, scope, filters and view. */
export function csvFileName(dashboard: Dashboard, view: ExportView): string {
  return `${fileNameBase(dashboard)}-${view.key}.csv`
}

/** An ASCII file name for the workbook, naming the cycle, scope and filters. */
export function xlsxFileName(dashboard: Dashboard): string {
  return `${fileNameBase(dashboard)}.xlsx`
}

// Excel --------------------------------------------------------------------------------------

const NUMBER_FORMATS: Record<Exclude<ExportColumnType, 'text'>, string> = {
  integer: '#,##0',
  decimal: '0.0',
  percent: '0.0%',
}

function scopeLabel(dashboard: Dashboard): string {
  return dashboard.scope.kind === 'national' ? 'National' : `Region: ${dashboard.scope.regionName}`
}

function workbookTitle(dashboard: Dashboard): string {
  const scope = dashboard.scope.kind === 'national' ? 'national' : dashboard.scope.regionName
  return `Attainment dashboard: ${dashboard.cycle.name} (${scope})`
}

/** Roughly how wide a cell's contents look, in characters. */
function displayLength(value: ExportCell, type: ExportColumnType): number {
  if (value === null) return 0
  if (typeof value === 'string') return value.length
  if (type === 'percent') return 7
  return value.toLocaleString('en-GB', { maximumFractionDigits: 1 }).length
}

function addAboutSheet(
  workbook: ExcelJS.Workbook,
  dashboard: Dashboard,
  suppression: Suppression,
  meta: ExportMeta,
  views: ExportView[],
): void {
  const sheet = workbook.addWorksheet(ABOUT_SHEET_NAME)
  sheet.columns = [{ width: 28 }, { width: 90 }]
  sheet.addRow([workbookTitle(dashboard)]).font = { bold: true, size: 14 }
  sheet.addRow([])
  const filters = dashboard.appliedFilters.map((f) => `${f.label}: ${f.value}`).join('; ')
  const details: Array<[string, string]> = [
    ['Cycle', dashboard.cycle.name],
    ['Framework edition', dashboard.cycle.editionName],
    ['Scope', scopeLabel(dashboard)],
    ['Filters', filters === '' ? 'None' : filters],
    ['Compared with', dashboard.previousCycle?.name ?? 'No previous cycle, so there is no Change sheet'],
    ['Small-number suppression', describeSuppression(suppression)],
    ['Agreed grades', 'Grades of submissions that have been validated or published'],
    ['Generated', formatDate(meta.generatedAt)],
    ['Generated for', meta.generatedFor],
  ]
  for (const [label, value] of details) sheet.addRow([label, value]).getCell(1).font = { bold: true }
  sheet.addRow([])
  sheet.addRow(['Sheets']).font = { bold: true }
  for (const view of views) sheet.addRow([SHEET_NAMES[view.key], view.title])
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' }
}

function addViewSheet(workbook: ExcelJS.Workbook, view: ExportView): void {
  const sheet = workbook.addWorksheet(SHEET_NAMES[view.key], { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  const header = sheet.addRow(view.columns.map((column) => column.header))
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'top' }
  for (const values of view.rows) {
    const row = sheet.addRow(values)
    view.columns.forEach((column, i) => {
      if (column.type === 'text') return
      const cell = row.getCell(i + 1)
      if (typeof values[i] === 'number') cell.numFmt = NUMBER_FORMATS[column.type]
      else cell.alignment = { horizontal: 'right' } // "[c]" and "Suppressed" line up with the numbers
    })
  }
  view.columns.forEach((column, i) => {
    const longest = Math.max(...view.rows.map((row) => displayLength(row[i] ?? null, column.type)), 0)
    const headerLength = Math.min(column.header.length, 30) // longer headers wrap
    // At least 10: exceljs drops a width of exactly 9 as its default, leaving Excel's narrower one.
    sheet.getColumn(i + 1).width = Math.min(Math.max(longest, headerLength, 8) + 2, 60)
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: view.columns.length } }
}

/** The workbook: an About sheet, then one sheet per view, with typed and formatted cells. */
export async function dashboardToXlsx(
  dashboard: Dashboard,
  suppression: Suppression,
  meta: ExportMeta,
): Promise<Buffer> {
  const views = dashboardViews(dashboard, suppression)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'LKS Quality Portal'
  workbook.lastModifiedBy = 'LKS Quality Portal'
  workbook.title = workbookTitle(dashboard)
  workbook.created = meta.generatedAt
  workbook.modified = meta.generatedAt
  addAboutSheet(workbook, dashboard, suppression, meta, views)
  for (const view of views) addViewSheet(workbook, view)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
