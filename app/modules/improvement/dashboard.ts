// The service improvement review dashboard's views (issue 18, item 5), pure: SIP status by
// region, the ambition per outcome (target against current agreed grade), and actions by status
// and overdue, with the same suppression rules as the attainment dashboards (complementary
// suppression from modules/dashboards), as tables for the page, CSV and Excel.
import ExcelJS from 'exceljs'
import { medianFromHistogram } from '~/modules/attainment/median'
import { complementarySuppression } from '~/modules/dashboards/complementary-suppression'
import { SUPPRESSED_COUNT_LABEL, WITHHELD_LABEL, type Suppression } from '~/modules/dashboards/suppression'
import { formatGrade, stepsToGrade } from '~/modules/framework/grading'
import { BYTE_ORDER_MARK, csvLine } from '~/utils/csv'
import { ACTION_STATUS_LABELS, ACTION_STATUSES, SIP_STATUS_LABELS, SIP_STATUSES } from './status'

export type PlanRow = {
  regionName: string
  status: string
  outcomes: Array<{ number: number; currentSteps: number | null; targetSteps: number | null }>
  actions: Array<{ status: string; overdue: boolean }>
}

export type ImprovementView = {
  key: 'status' | 'ambition' | 'actions'
  title: string
  head: string[]
  rows: Array<Array<string | number>>
}

const steps = (value: number | null) => (value === null ? 'None' : formatGrade(stepsToGrade(Math.round(value))))

function hide(
  cells: Map<string, number>,
  relations: Array<{ total: string; parts: string[] }>,
  suppression: Suppression,
) {
  if (!suppression) return new Set<string>()
  return complementarySuppression({ cells, relations }, suppression.threshold)
}

/** SIP status by region, each row and column totalled. */
export function statusByRegion(plans: readonly PlanRow[], suppression: Suppression): ImprovementView {
  const regions = [...new Set(plans.map((p) => p.regionName))].sort()
  const cells = new Map<string, number>()
  const relations: Array<{ total: string; parts: string[] }> = []
  const count = (region: string | null, status: string | null) =>
    plans.filter((p) => (region === null || p.regionName === region) && (status === null || p.status === status)).length
  for (const region of [...regions, null]) {
    const r = region ?? '*'
    for (const status of SIP_STATUSES) cells.set(`${r}|${status}`, count(region, status))
    cells.set(`${r}|*`, count(region, null))
    relations.push({ total: `${r}|*`, parts: SIP_STATUSES.map((s) => `${r}|${s}`) })
  }
  for (const status of [...SIP_STATUSES, '*'])
    relations.push({ total: `*|${status}`, parts: regions.map((r) => `${r}|${status}`) })
  const hidden = hide(cells, relations, suppression)
  const show = (key: string) => (hidden.has(key) ? SUPPRESSED_COUNT_LABEL : cells.get(key)!)
  return {
    key: 'status',
    title: 'Service Improvement Plans by status and region',
    head: ['Region', ...SIP_STATUSES.map((s) => SIP_STATUS_LABELS[s]), 'Total'],
    rows: [...regions, null].map((region) => {
      const r = region ?? '*'
      return [region ?? 'All regions', ...SIP_STATUSES.map((s) => show(`${r}|${s}`)), show(`${r}|*`)]
    }),
  }
}

/** Per outcome: how many plans set a target, the median current and target grades, and how many aim higher. */
export function ambitionByOutcome(plans: readonly PlanRow[], suppression: Suppression): ImprovementView {
  const numbers = [...new Set(plans.flatMap((p) => p.outcomes.map((o) => o.number)))].sort((a, b) => a - b)
  const threshold = suppression?.threshold ?? 0
  return {
    key: 'ambition',
    title: 'Target against current agreed grade, by outcome',
    head: ['Outcome', 'Plans with a target', 'Median current agreed grade', 'Median target', 'Plans aiming higher'],
    rows: numbers.map((number) => {
      const rows = plans.flatMap((p) => p.outcomes.filter((o) => o.number === number && o.targetSteps !== null))
      const histogram = (values: number[]) => {
        const counts = new Array<number>(13).fill(0)
        for (const v of values) counts[v]!++
        return counts
      }
      const current = rows.flatMap((o) => (o.currentSteps === null ? [] : [o.currentSteps]))
      const higher = rows.filter((o) => o.currentSteps === null || o.targetSteps! > o.currentSteps).length
      const small = (n: number) => suppression !== null && n > 0 && n < threshold
      return [
        `Outcome ${number}`,
        small(rows.length) ? SUPPRESSED_COUNT_LABEL : rows.length,
        current.length < threshold ? WITHHELD_LABEL : steps(medianFromHistogram(histogram(current))),
        rows.length < threshold
          ? WITHHELD_LABEL
          : steps(medianFromHistogram(histogram(rows.map((o) => o.targetSteps!)))),
        // The complement of "aiming higher" is the rest: hide both when either is small.
        small(higher) || small(rows.length - higher) || small(rows.length) ? SUPPRESSED_COUNT_LABEL : higher,
      ]
    }),
  }
}

/** Actions by status, and how many are overdue. */
export function actionsByStatus(plans: readonly PlanRow[], suppression: Suppression): ImprovementView {
  const actions = plans.flatMap((p) => p.actions)
  const cells = new Map<string, number>()
  for (const status of ACTION_STATUSES) cells.set(status, actions.filter((a) => a.status === status).length)
  cells.set('*', actions.length)
  cells.set('overdue', actions.filter((a) => a.overdue).length)
  cells.set('not-overdue', actions.length - cells.get('overdue')!)
  const hidden = hide(
    cells,
    [
      { total: '*', parts: [...ACTION_STATUSES] },
      { total: '*', parts: ['overdue', 'not-overdue'] },
    ],
    suppression,
  )
  const show = (key: string) => (hidden.has(key) ? SUPPRESSED_COUNT_LABEL : cells.get(key)!)
  return {
    key: 'actions',
    title: 'Actions by status',
    head: ['Status', 'Actions'],
    rows: [
      ...ACTION_STATUSES.map((s) => [ACTION_STATUS_LABELS[s], show(s)]),
      ['Overdue (not complete, past the due date)', show('overdue')],
      ['All actions', show('*')],
    ],
  }
}

export function improvementViews(plans: readonly PlanRow[], suppression: Suppression): ImprovementView[] {
  return [
    statusByRegion(plans, suppression),
    ambitionByOutcome(plans, suppression),
    actionsByStatus(plans, suppression),
  ]
}

export function improvementViewToCsv(view: ImprovementView): string {
  return BYTE_ORDER_MARK + [view.head, ...view.rows].map(csvLine).join('')
}

export async function improvementViewsToXlsx(views: readonly ImprovementView[], about: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'LKS Quality Portal'
  const sheet = workbook.addWorksheet('About')
  about.forEach((line) => sheet.addRow([line]))
  sheet.getColumn(1).width = 100
  const names = { status: 'Status by region', ambition: 'Targets by outcome', actions: 'Actions' } as const
  for (const view of views) {
    const ws = workbook.addWorksheet(names[view.key])
    ws.addRow(view.head).font = { bold: true }
    for (const row of view.rows) ws.addRow(row)
    view.head.forEach((header, i) => (ws.getColumn(i + 1).width = Math.min(Math.max(header.length, 10) + 2, 40)))
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
