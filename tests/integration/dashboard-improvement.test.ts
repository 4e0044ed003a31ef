// Service improvement views inside the attainment dashboards (issue 18, item 5): choosing a service
// improvement review cycle in /dashboards/national or /dashboards/regional shows its plans' status
// by region, targets against current agreed grades and actions by status, in the dashboard's scope
// (a regional lead only their region, whatever the URL says), with the dashboard's suppression and
// its CSV and Excel exports. Against the demo data: the closed 2024/25 review (RXV in the North
// West, RTH in London, RSV in the Midlands, all published) and the open 2026/27 one (RXV and RWV).
import type { LoaderFunctionArgs } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '~/modules/auth/session.server'
import type { ImprovementView } from '~/modules/improvement/dashboard'
import { loader as nationalPageLoader } from '~/routes/dashboards.national._index'
import { loader as nationalCsvLoader } from '~/routes/dashboards.national.export[.csv]'
import { loader as nationalXlsxLoader } from '~/routes/dashboards.national.export[.xlsx]'
import { loader as regionalPageLoader } from '~/routes/dashboards.regional._index'
import { loader as regionalCsvLoader } from '~/routes/dashboards.regional.export[.csv]'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const cookies = new Map<string, string>()
const ids = { past: '', open: '', full: '', london: '', northWest: '' }

async function call(loader: Loader, email: string, path: string): Promise<any> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, (await createSession(user.id, 'vitest')).split(';')[0]!)
  }
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookies.get(email)! } })
  try {
    return await loader({ request, params: {}, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const view = (views: ImprovementView[], key: string) => views.find((v) => v.key === key)!
const rowOf = (v: ImprovementView, first: string) => v.rows.find((r) => r[0] === first)
/** The status view's row as { status label: count }. */
const statusRow = (v: ImprovementView, region: string) =>
  Object.fromEntries(v.head.slice(1).map((h, i) => [h, rowOf(v, region)?.[i + 1]]))

beforeAll(async () => {
  await useDemoData()
  const cycle = async (name: string) =>
    (await prisma.cycle.findUniqueOrThrow({ where: { name }, select: { id: true } })).id
  ids.past = await cycle('2024/25 service improvement review')
  ids.open = await cycle('2026/27 service improvement review')
  ids.full = await cycle('2026/27')
  const region = async (name: string) =>
    (await prisma.region.findUniqueOrThrow({ where: { name }, select: { id: true } })).id
  ids.london = await region('London')
  ids.northWest = await region('North West')
})

describe('service improvement views in the national dashboard', () => {
  it('shows a service improvement review cycle as its plans: status by region, targets and actions', async () => {
    const page = await call(nationalPageLoader, 'viewer@demo.nhs.uk', `/dashboards/national?cycle=${ids.past}`)
    expect(page.filter.cycleId).toBe(ids.past)
    expect(page.improvement.map((v: ImprovementView) => v.key)).toEqual(['status', 'ambition', 'actions'])
    const status = view(page.improvement, 'status')
    expect(status.rows.map((r) => r[0])).toEqual(['London', 'Midlands', 'North West', 'All regions'])
    expect(statusRow(status, 'North West')).toMatchObject({ 'Review published': 1, Total: 1 })
    expect(statusRow(status, 'All regions')).toMatchObject({ 'Review published': 3, 'Not started': 0, Total: 3 })
    const ambition = view(page.improvement, 'ambition')
    expect(ambition.rows).toHaveLength(6)
    expect(rowOf(ambition, 'Outcome 1')!.slice(0, 2)).toEqual(['Outcome 1', 3])
    // Every demo target is two sub-levels above the current grade.
    expect(rowOf(ambition, 'Outcome 1')![4]).toBe(3)
    const actions = view(page.improvement, 'actions')
    expect(rowOf(actions, 'Complete')).toEqual(['Complete', 18])
    expect(rowOf(actions, 'All actions')).toEqual(['All actions', 18])
  })

  it('shows the open review as its not-started plans, and a full validation cycle without the plan views', async () => {
    const open = await call(nationalPageLoader, 'viewer@demo.nhs.uk', `/dashboards/national?cycle=${ids.open}`)
    expect(statusRow(view(open.improvement, 'status'), 'North West')).toMatchObject({ 'Not started': 2, Total: 2 })
    expect(rowOf(view(open.improvement, 'ambition'), 'Outcome 1')![1]).toBe(0)
    const full = await call(nationalPageLoader, 'viewer@demo.nhs.uk', `/dashboards/national?cycle=${ids.full}`)
    expect(full.improvement).toBeNull()
    expect(full.dashboard.progress.total).toBeGreaterThan(0)
  })

  it('narrows to the filter’s region and organisation type', async () => {
    const london = await call(
      nationalPageLoader,
      'viewer@demo.nhs.uk',
      `/dashboards/national?cycle=${ids.past}&region=${ids.london}`,
    )
    expect(view(london.improvement, 'status').rows.map((r) => r[0])).toEqual(['London', 'All regions'])
    const icbs = await call(
      nationalPageLoader,
      'viewer@demo.nhs.uk',
      `/dashboards/national?cycle=${ids.past}&type=INTEGRATED_CARE_BOARD`,
    )
    expect(statusRow(view(icbs.improvement, 'status'), 'All regions')).toMatchObject({ Total: 0 })
  })

  it('suppresses small numbers as the dashboard does', async () => {
    const page = await call(
      nationalPageLoader,
      'viewer@demo.nhs.uk',
      `/dashboards/national?cycle=${ids.past}&suppress=yes`,
    )
    expect(page.suppression).not.toBeNull()
    const status = view(page.improvement, 'status')
    expect(statusRow(status, 'North West')).toMatchObject({ 'Review published': '[c]', Total: '[c]' })
    expect(statusRow(status, 'All regions')).toMatchObject({ 'Review published': '[c]' })
    const ambition = rowOf(view(page.improvement, 'ambition'), 'Outcome 1')!
    expect(ambition[1]).toBe('[c]')
    expect(ambition[2]).toBe('Suppressed')
  })

  it('exports each view as CSV and every view as an Excel workbook, as shown', async () => {
    const csv = await call(
      nationalCsvLoader,
      'viewer@demo.nhs.uk',
      `/dashboards/national/export.csv?cycle=${ids.past}&view=sip-status`,
    )
    expect(csv.status).toBe(200)
    expect(csv.headers.get('Content-Disposition')).toContain('service-improvement-2024-25-service-improvement-review')
    const text = (await csv.text()).replace(/^\uFEFF/, '')
    expect(text.split(/\r?\n/)[0]).toContain('Region')
    expect(text).toContain('North West')
    const unknown = await call(
      nationalCsvLoader,
      'viewer@demo.nhs.uk',
      `/dashboards/national/export.csv?cycle=${ids.past}&view=progress`,
    )
    expect(unknown.status).toBe(404)
    const xlsx = await call(
      nationalXlsxLoader,
      'viewer@demo.nhs.uk',
      `/dashboards/national/export.xlsx?cycle=${ids.past}`,
    )
    expect(xlsx.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'About',
      'Status by region',
      'Targets by outcome',
      'Actions',
    ])
  })
})

describe('service improvement views in the regional dashboard', () => {
  it('shows a regional lead only their region’s plans', async () => {
    const page = await call(regionalPageLoader, 'regional.lead@demo.nhs.uk', `/dashboards/regional?cycle=${ids.past}`)
    const status = view(page.improvement, 'status')
    expect(status.rows.map((r) => r[0])).toEqual(['North West', 'All regions'])
    expect(statusRow(status, 'All regions')).toMatchObject({ 'Review published': 1, Total: 1 })
    expect(rowOf(view(page.improvement, 'actions'), 'All actions')).toEqual(['All actions', 6])
  })

  it('refuses another region, on the page and in the export, however the URL is edited', async () => {
    const page = await call(
      regionalPageLoader,
      'regional.lead@demo.nhs.uk',
      `/dashboards/regional?cycle=${ids.past}&region=${ids.london}`,
    )
    expect(page).toBeInstanceOf(Response)
    expect(page.status).toBe(403)
    const csv = await call(
      regionalCsvLoader,
      'regional.lead@demo.nhs.uk',
      `/dashboards/regional/export.csv?cycle=${ids.past}&region=${ids.london}&view=sip-status`,
    )
    expect(csv.status).toBe(403)
    const own = await call(
      regionalCsvLoader,
      'regional.lead@demo.nhs.uk',
      `/dashboards/regional/export.csv?cycle=${ids.past}&view=sip-status`,
    )
    const text = await own.text()
    expect(text).toContain('North West')
    expect(text).not.toContain('London')
  })
})
