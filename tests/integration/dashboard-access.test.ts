// Who may see the attainment dashboards (issue 6, item 6), as the browser asks for them: the page
// and export route loaders called with a signed-in request against a database seeded like
// `npm start`. A regional lead sees only their region, in the page and in every export, however
// the URL is edited; exports parse back to what the page shows, and small counts are suppressed
// when asked.
import type { LoaderFunctionArgs } from '@remix-run/node'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import type { Dashboard } from '~/modules/dashboards/model'
import { SUBMISSION_STATUS_LABELS, SUBMISSION_STATUSES } from '~/modules/submissions/status'
import { loader as dashboardsIndexLoader } from '~/routes/dashboards._index'
import { loader as nationalPageLoader } from '~/routes/dashboards.national._index'
import { loader as nationalCsvLoader } from '~/routes/dashboards.national.export[.csv]'
import { loader as nationalXlsxLoader } from '~/routes/dashboards.national.export[.xlsx]'
import { loader as regionalPageLoader } from '~/routes/dashboards.regional._index'
import { loader as regionalCsvLoader } from '~/routes/dashboards.regional.export[.csv]'
import { loader as regionalXlsxLoader } from '~/routes/dashboards.regional.export[.xlsx]'
import { seedDemoData } from '../../prisma/seed'
import { requestWithCookie } from '../factories'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type Page = Awaited<ReturnType<typeof nationalPageLoader>>

const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const cookies = new Map<string, string>()
const ids = { baseline: '', open: '' }
const regionIds = new Map<string, string>()
const region = (name: string) => regionIds.get(name)!
const REGION_NAMES = [
  'East of England',
  'London',
  'Midlands',
  'North East and Yorkshire',
  'North West',
  'South East',
  'South West',
]
const NORTH_WEST_CODES = ['RXV', 'RWV', 'RYV']

const ROUTES = {
  nationalPage: { loader: nationalPageLoader, path: '/dashboards/national' },
  nationalCsv: { loader: nationalCsvLoader, path: '/dashboards/national/export.csv' },
  nationalXlsx: { loader: nationalXlsxLoader, path: '/dashboards/national/export.xlsx' },
  regionalPage: { loader: regionalPageLoader, path: '/dashboards/regional' },
  regionalCsv: { loader: regionalCsvLoader, path: '/dashboards/regional/export.csv' },
  regionalXlsx: { loader: regionalXlsxLoader, path: '/dashboards/regional/export.xlsx' },
} satisfies Record<string, { loader: Loader; path: string }>
type RouteName = keyof typeof ROUTES
const NATIONAL_ROUTES: RouteName[] = ['nationalPage', 'nationalCsv', 'nationalXlsx']
const REGIONAL_ROUTES: RouteName[] = ['regionalPage', 'regionalCsv', 'regionalXlsx']

async function signedIn(email: string, path: string): Promise<Request> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, await createSession(user.id, 'vitest'))
  }
  return requestWithCookie(cookies.get(email)!, path)
}

/** The loader's answer, returned or thrown: a Response, or the page's data. */
async function call(loader: Loader, request: Request): Promise<unknown> {
  try {
    return await loader({ request, params: {}, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

/** The query string for a route: CSV routes get a view unless one is named. */
function pathFor(route: RouteName, query: Record<string, string> | string = {}): string {
  const params = new URLSearchParams(query)
  if (route.endsWith('Csv') && !params.has('view')) params.set('view', 'progress')
  const search = params.toString()
  return `${ROUTES[route].path}${search ? `?${search}` : ''}`
}

async function load(email: string, route: RouteName, query: Record<string, string> | string = {}): Promise<unknown> {
  return call(ROUTES[route].loader, await signedIn(email, pathFor(route, query)))
}

/** 200 for page data, else the Response's status. */
async function statusOf(email: string, route: RouteName, query: Record<string, string> | string = {}): Promise<number> {
  const result = await load(email, route, query)
  return result instanceof Response ? result.status : 200
}

async function page(
  email: string,
  route: 'nationalPage' | 'regionalPage',
  query: Record<string, string> | string = {},
): Promise<Page & { dashboard: Dashboard }> {
  const result = await load(email, route, query)
  if (result instanceof Response) throw new Error(`${route} answered ${result.status}: ${await result.text()}`)
  const data = result as Page
  if (!data.dashboard) throw new Error(`${route} has no dashboard`)
  return data as Page & { dashboard: Dashboard }
}

async function download(
  email: string,
  route: RouteName,
  query: Record<string, string> | string = {},
): Promise<Response> {
  const result = await load(email, route, query)
  if (!(result instanceof Response)) throw new Error(`${route} did not answer with a download`)
  expect(result.status, `${route} ${JSON.stringify(query)}`).toBe(200)
  return result
}

/** RFC 4180 as the export writes it: a byte order mark, fields quoted when needed, CRLF after every row. */
function parseCsv(bytes: Uint8Array): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c !== '"') {
        field += c
      } else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else {
        quoted = false
      }
    } else if (c === '"' && field === '') {
      quoted = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else {
      field += c
    }
  }
  expect(quoted).toBe(false)
  expect({ field, row }).toEqual({ field: '', row: [] }) // the last row ends in CRLF
  return rows
}

async function csv(
  email: string,
  route: 'nationalCsv' | 'regionalCsv',
  query: Record<string, string>,
): Promise<{ header: string[]; rows: string[][]; response: Response }> {
  const response = await download(email, route, query)
  expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
  expect(response.headers.get('Cache-Control')).toBe('private, no-store')
  const [header, ...rows] = parseCsv(new Uint8Array(await response.arrayBuffer()))
  expect(header!.length).toBeGreaterThan(1)
  for (const row of rows) expect(row).toHaveLength(header!.length)
  return { header: header!, rows, response }
}

async function workbook(
  email: string,
  route: 'nationalXlsx' | 'regionalXlsx',
  query: Record<string, string>,
): Promise<ExcelJS.Workbook> {
  const response = await download(email, route, query)
  expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  expect(response.headers.get('Cache-Control')).toBe('private, no-store')
  const bytes = Buffer.from(await response.arrayBuffer())
  expect(response.headers.get('Content-Length')).toBe(String(bytes.length))
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  return book
}

/** A sheet's rows as arrays of cell values (from column A). */
function sheetRows(book: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = book.getWorksheet(name)
  if (!sheet) throw new Error(`No sheet ${name}`)
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

/** Agreed levels per outcome (1 to 6) of final results in a cycle, counted row by row. */
async function agreedLevelCounts(cycleId: string, regionId?: string): Promise<number[][]> {
  const agreed = await prisma.agreedResult.findMany({
    where: { submission: { cycleId, status: { in: ['VALIDATED', 'PUBLISHED'] }, ...(regionId ? { regionId } : {}) } },
    select: { level: true, outcome: { select: { number: true } } },
  })
  return [1, 2, 3, 4, 5, 6].map((number) => {
    const counts = [0, 0, 0, 0, 0]
    for (const a of agreed.filter((x) => x.outcome.number === number)) counts[a.level]! += 1
    return counts
  })
}

const NATIONAL = ['viewer@demo.nhs.uk', 'admin@demo.nhs.uk']
const LEAD = 'regional.lead@demo.nhs.uk' // Gareth Pryce, North West
const NO_DASHBOARD = ['lead@demo.nhs.uk', 'contributor@demo.nhs.uk', 'sponsor@demo.nhs.uk', 'validator@demo.nhs.uk']

beforeAll(async () => {
  await seedDemoData(prisma)
  for (const r of await prisma.region.findMany({ select: { id: true, name: true } })) regionIds.set(r.name, r.id)
  ids.baseline = (
    await prisma.cycle.findUniqueOrThrow({ where: { name: '2021/22 baseline' }, select: { id: true } })
  ).id
  ids.open = (await prisma.cycle.findUniqueOrThrow({ where: { name: '2026/27' }, select: { id: true } })).id
}, 60_000)

describe('national roles', () => {
  it('see the national dashboard and its exports', async () => {
    for (const email of NATIONAL) {
      const { dashboard, options } = await page(email, 'nationalPage', { cycle: ids.baseline })
      expect(dashboard.scope).toEqual({ kind: 'national' })
      expect(options.regions.map((r) => r.name)).toEqual(REGION_NAMES)
      // 2021/22 baseline: eight published results in four regions.
      expect(dashboard.progress.regions.map((r) => [r.regionName, r.total])).toEqual([
        ['London', 2],
        ['Midlands', 2],
        ['North West', 3],
        ['South West', 1],
      ])
      expect(dashboard.organisations).toBeNull()
      for (const route of ['nationalCsv', 'nationalXlsx'] as const)
        expect(await statusOf(email, route, { cycle: ids.baseline }), `${email} ${route}`).toBe(200)
    }
  })

  it("see any region's regional dashboard and its exports", async () => {
    for (const email of NATIONAL) {
      for (const name of REGION_NAMES) {
        const { dashboard } = await page(email, 'regionalPage', { cycle: ids.baseline, region: region(name) })
        expect(dashboard.scope).toEqual({ kind: 'region', regionId: region(name), regionName: name })
        expect(dashboard.progress.regions.every((r) => r.regionName === name)).toBe(true)
      }
      for (const route of ['regionalCsv', 'regionalXlsx'] as const)
        expect(
          await statusOf(email, route, { cycle: ids.baseline, region: region('London') }),
          `${email} ${route}`,
        ).toBe(200)
    }
    // With no region named, the first in the list.
    expect((await page('viewer@demo.nhs.uk', 'regionalPage', { cycle: ids.baseline })).dashboard.scope).toMatchObject({
      regionName: 'East of England',
    })
  })

  it('get 404 for a regional dashboard of a region that does not exist, page and exports', async () => {
    for (const email of NATIONAL) {
      for (const route of REGIONAL_ROUTES)
        expect(
          await statusOf(email, route, { cycle: ids.baseline, region: 'no-such-region' }),
          `${email} ${route}`,
        ).toBe(404)
    }
  })

  it('get the whole country when the national dashboard names an unknown region or cycle', async () => {
    const { dashboard, filter, notices } = await page('viewer@demo.nhs.uk', 'nationalPage', {
      cycle: 'no-such-cycle',
      region: 'no-such-region',
    })
    // The newest cycle, unnarrowed, and the page says so rather than quietly showing the default.
    expect(filter).toMatchObject({ cycleId: ids.open, regionId: undefined })
    expect(notices).toEqual([
      'There is no cycle called “no-such-cycle”: showing 2026/27',
      'There is no region called “no-such-region”: showing all regions',
    ])
    expect(dashboard.appliedFilters).toEqual([])
    expect(dashboard.progress.total).toBe(10)
    const typed = await page('viewer@demo.nhs.uk', 'nationalPage', { type: 'PIRATE_SHIP', cycle: ids.baseline })
    expect(typed.notices).toEqual(['There is no organisation type called “PIRATE_SHIP”: showing all types'])
    expect((await page('viewer@demo.nhs.uk', 'nationalPage', { cycle: ids.baseline })).notices).toEqual([])
  })
})

describe('a regional lead', () => {
  it('is refused the national dashboard and its exports, whatever region the URL names', async () => {
    for (const route of NATIONAL_ROUTES) {
      expect(await statusOf(LEAD, route, { cycle: ids.baseline }), route).toBe(403)
      expect(await statusOf(LEAD, route, { cycle: ids.baseline, region: region('North West') }), route).toBe(403)
    }
  })

  it('sees their own region, named or not', async () => {
    for (const query of [{ cycle: ids.baseline }, { cycle: ids.baseline, region: region('North West') }] as Array<
      Record<string, string>
    >) {
      const { dashboard, options, filter } = await page(LEAD, 'regionalPage', query)
      expect(dashboard.scope).toEqual({ kind: 'region', regionId: region('North West'), regionName: 'North West' })
      expect(filter?.regionId).toBe(region('North West'))
      expect(options.regions).toEqual([{ id: region('North West'), name: 'North West' }])
    }
    for (const route of ['regionalCsv', 'regionalXlsx'] as const)
      expect(await statusOf(LEAD, route, { cycle: ids.baseline }), route).toBe(200)
  })

  it('is refused every other region when the URL is edited: page, CSV and Excel', async () => {
    for (const name of REGION_NAMES.filter((n) => n !== 'North West')) {
      for (const route of REGIONAL_ROUTES) {
        expect(await statusOf(LEAD, route, { cycle: ids.baseline, region: region(name) }), `${name} ${route}`).toBe(403)
        for (const view of ['organisations', 'heat-map']) {
          if (route === 'regionalCsv')
            expect(
              await statusOf(LEAD, route, { cycle: ids.baseline, region: region(name), view }),
              `${name} ${view}`,
            ).toBe(403)
        }
      }
    }
    // An id that is no region learns nothing more than one that is someone else's.
    for (const route of REGIONAL_ROUTES)
      expect(await statusOf(LEAD, route, { region: 'no-such-region' }), route).toBe(403)
  })

  it('cannot slip another region in with a repeated parameter', async () => {
    const london = region('London')
    const northWest = region('North West')
    for (const route of REGIONAL_ROUTES) {
      expect(await statusOf(LEAD, route, `cycle=${ids.baseline}&region=${northWest}&region=${london}`), route).toBe(403)
    }
    const { dashboard } = await page(LEAD, 'regionalPage', `cycle=${ids.baseline}&region=${london}&region=${northWest}`)
    expect(dashboard.progress.regions.map((r) => r.regionName)).toEqual(['North West'])
    expect(dashboard.organisations?.map((o) => o.odsCode).sort()).toEqual([...NORTH_WEST_CODES].sort())
  })

  it('sees only North West figures on the page', async () => {
    const { dashboard } = await page(LEAD, 'regionalPage', { cycle: ids.baseline })
    expect(dashboard.progress.regions.map((r) => r.regionName)).toEqual(['North West'])
    expect(dashboard.progress.total).toBe(3)
    expect(dashboard.heatMap.map((r) => r.regionName)).toEqual(['North West'])
    // 'Ribble and Fylde' (RYV) before 'Ribble Valley Mental Health' (RWV) and '... Teaching Hospitals' (RXV).
    expect(dashboard.organisations?.map((o) => o.odsCode)).toEqual(['RYV', 'RWV', 'RXV'])
    expect(dashboard.organisations?.every((o) => o.agreedSteps.every((s) => s !== null))).toBe(true)
    // Attainment from the region's own agreed grades, not the country's eight.
    const northWest = await agreedLevelCounts(ids.baseline, region('North West'))
    expect(northWest.every((counts) => counts.reduce((a, b) => a + b) === 3)).toBe(true)
    expect(dashboard.attainment.map((a) => a.levelCounts)).toEqual(northWest)
    expect(dashboard.attainment.map((a) => a.graded)).toEqual([3, 3, 3, 3, 3, 3])
    const requiredActions = await prisma.requiredAction.count({
      where: {
        agreedResult: {
          submission: {
            cycleId: ids.baseline,
            regionId: region('North West'),
            status: { in: ['VALIDATED', 'PUBLISHED'] },
          },
        },
      },
    })
    const nationalActions = await prisma.requiredAction.count({
      where: { agreedResult: { submission: { cycleId: ids.baseline } } },
    })
    expect(requiredActions).toBeLessThan(nationalActions) // so the check below can tell them apart
    expect(dashboard.actions.requiredActions).toBe(requiredActions)
  })

  it('gets only North West figures in every CSV view', async () => {
    const query = { cycle: ids.baseline }
    const progress = await csv(LEAD, 'regionalCsv', { ...query, view: 'progress' })
    expect(progress.rows.map((r) => r[0])).toEqual(['North West', 'Total'])
    const published = progress.header.indexOf(SUBMISSION_STATUS_LABELS.PUBLISHED)
    expect(progress.rows.map((r) => r[published])).toEqual(['3', '3'])
    expect(progress.response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="lks-dashboard-2021-22-baseline-north-west-progress.csv"',
    )

    const heat = await csv(LEAD, 'regionalCsv', { ...query, view: 'heat-map' })
    expect(heat.rows.map((r) => r[0])).toEqual(['North West'])

    const organisations = await csv(LEAD, 'regionalCsv', { ...query, view: 'organisations' })
    expect(organisations.header.slice(0, 6)).toEqual([
      'Reference',
      'Organisation',
      'ODS code',
      'Organisation type',
      'Organisation type code',
      'Status',
    ])
    expect(organisations.rows.map((r) => r[2])).toEqual(['RYV', 'RWV', 'RXV'])
    expect(organisations.rows.map((r) => r[0])).toEqual(['LKS-2122-RYV', 'LKS-2122-RWV', 'LKS-2122-RXV'])

    const attainment = await csv(LEAD, 'regionalCsv', { ...query, view: 'attainment' })
    const northWest = await agreedLevelCounts(ids.baseline, region('North West'))
    expect(attainment.rows.map((r) => r.slice(2, 8))).toEqual(northWest.map((counts) => [...counts.map(String), '3']))

    const actions = await csv(LEAD, 'regionalCsv', { ...query, view: 'actions' })
    const { dashboard } = await page(LEAD, 'regionalPage', query)
    expect(actions.rows.at(-1)!.slice(1, 3)).toEqual(['All outcomes', String(dashboard.actions.requiredActions)])
  })

  it('gets only North West figures in the workbook', async () => {
    const book = await workbook(LEAD, 'regionalXlsx', { cycle: ids.baseline })
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      'About',
      'Progress',
      'Attainment',
      'Heat map',
      'Calibration',
      'Actions',
      'Organisations',
    ])
    expect(sheetRows(book, 'Progress').map((r) => r[0])).toEqual(['Region', 'North West', 'Total'])
    expect(sheetRows(book, 'Heat map').map((r) => r[0])).toEqual(['Region', 'North West'])
    expect(
      sheetRows(book, 'Organisations')
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(['RYV', 'RWV', 'RXV'])
    const about = sheetRows(book, 'About')
    expect(about).toContainEqual(['Scope', 'Region: North West'])
  })
})

describe('other regional leads', () => {
  it('see their own regions only: London, or the first of several', async () => {
    expect(
      (await page('rachel.osei@demo.nhs.uk', 'regionalPage', { cycle: ids.baseline })).dashboard.scope,
    ).toMatchObject({ regionName: 'London' })
    expect(
      await statusOf('rachel.osei@demo.nhs.uk', 'regionalCsv', { cycle: ids.baseline, region: region('North West') }),
    ).toBe(403)
    // David Evans leads the Midlands, the South East and the South West.
    const evans = 'david.evans@demo.nhs.uk'
    expect((await page(evans, 'regionalPage', { cycle: ids.baseline })).dashboard.scope).toMatchObject({
      regionName: 'Midlands',
    })
    const southWest = await page(evans, 'regionalPage', { cycle: ids.baseline, region: region('South West') })
    expect(southWest.dashboard.organisations?.map((o) => o.odsCode)).toEqual(['RTM'])
    expect(southWest.options.regions.map((r) => r.name)).toEqual(['Midlands', 'South East', 'South West'])
    for (const route of REGIONAL_ROUTES)
      expect(await statusOf(evans, route, { cycle: ids.baseline, region: region('North West') }), route).toBe(403)
    for (const route of NATIONAL_ROUTES) expect(await statusOf(evans, route, { cycle: ids.baseline }), route).toBe(403)
  })
})

describe('people without a dashboard', () => {
  it('are refused every dashboard page and export', async () => {
    for (const email of NO_DASHBOARD) {
      for (const route of Object.keys(ROUTES) as RouteName[]) {
        expect(await statusOf(email, route, { cycle: ids.baseline }), `${email} ${route}`).toBe(403)
        expect(
          await statusOf(email, route, { cycle: ids.baseline, region: region('North West') }),
          `${email} ${route}`,
        ).toBe(403)
      }
    }
  })

  it('are sent from "Dashboards" to the dashboard their role has, or refused', async () => {
    const location = async (email: string) => {
      const result = await call(dashboardsIndexLoader, await signedIn(email, '/dashboards'))
      expect(result).toBeInstanceOf(Response)
      const response = result as Response
      return response.status === 302 ? response.headers.get('Location') : response.status
    }
    expect(await location('viewer@demo.nhs.uk')).toBe('/dashboards/national')
    expect(await location('admin@demo.nhs.uk')).toBe('/dashboards/national')
    expect(await location(LEAD)).toBe('/dashboards/regional')
    for (const email of NO_DASHBOARD) expect(await location(email)).toBe(403)
  })

  it('are sent to sign in when not signed in', async () => {
    const result = await call(
      nationalCsvLoader,
      new Request(`http://localhost${pathFor('nationalCsv', { cycle: ids.baseline })}`),
    )
    expect(result).toBeInstanceOf(Response)
    expect((result as Response).status).toBe(302)
    expect((result as Response).headers.get('Location')).toMatch(/^\/sign-in\?redirectTo=/)
  })
})

describe('exports', () => {
  it('give every view of the national dashboard as CSV, header row and data rows', async () => {
    // 2026/27 is compared with the baseline, so it has a change view.
    const expected = {
      progress: ['Region', ...SUBMISSION_STATUSES.map((s) => SUBMISSION_STATUS_LABELS[s]), 'Total'],
      attainment: [
        'Outcome',
        'Title',
        'Level 0',
        'Level 1',
        'Level 2',
        'Level 3',
        'Level 4',
        'Agreed grades',
        'Median level',
      ],
      'heat-map': null,
      calibration: null,
      change: ['Outcome', 'Title', 'Organisations compared', 'Improved', 'Same', 'Declined'],
      actions: null,
    }
    for (const [view, header] of Object.entries(expected)) {
      const result = await csv('viewer@demo.nhs.uk', 'nationalCsv', { cycle: ids.open, view })
      if (header) expect(result.header).toEqual(header)
      expect(result.rows.length, view).toBeGreaterThan(0)
      expect(result.response.headers.get('Content-Disposition')).toBe(
        `attachment; filename="lks-dashboard-2026-27-national-${view}.csv"`,
      )
    }
    // 2026/27: ten submissions in five regions, by name.
    const progress = await csv('viewer@demo.nhs.uk', 'nationalCsv', { cycle: ids.open, view: 'progress' })
    expect(progress.rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ['London', '2'],
      ['Midlands', '2'],
      ['North West', '4'],
      ['South East', '1'],
      ['South West', '1'],
      ['Total', '10'],
    ])
    const attainment = await csv('viewer@demo.nhs.uk', 'nationalCsv', { cycle: ids.baseline, view: 'attainment' })
    expect(attainment.rows.map((r) => r.slice(2, 8))).toEqual(
      (await agreedLevelCounts(ids.baseline)).map((counts) => [...counts.map(String), '8']),
    )
  })

  it('give the regional dashboard every view, the organisations view included', async () => {
    for (const view of ['progress', 'attainment', 'heat-map', 'calibration', 'change', 'actions', 'organisations']) {
      const result = await csv(LEAD, 'regionalCsv', { cycle: ids.open, view })
      expect(result.rows.length, view).toBeGreaterThan(0)
    }
    const organisations = await csv(LEAD, 'regionalCsv', { cycle: ids.open, view: 'organisations' })
    // Nothing published yet in 2026/27: blank grade cells.
    expect(organisations.header.slice(3, 5)).toEqual(['Organisation type', 'Organisation type code'])
    expect(organisations.rows.map((r) => [r[2], r[3], r[4], r[5], ...r.slice(6)])).toEqual([
      ['RPM', 'Acute trust', 'ACUTE_TRUST', 'In moderation', '', '', '', '', '', ''],
      ['RYV', 'Community trust', 'COMMUNITY_TRUST', 'Submitted', '', '', '', '', '', ''],
      ['RWV', 'Mental health trust', 'MENTAL_HEALTH_TRUST', 'Not started', '', '', '', '', '', ''],
      ['RXV', 'Acute trust', 'ACUTE_TRUST', 'In progress', '', '', '', '', '', ''],
    ])
  })

  it('answer 404 for a view that is not on the dashboard', async () => {
    for (const view of ['bogus', '', 'Progress', 'organisations']) {
      expect(await statusOf('viewer@demo.nhs.uk', 'nationalCsv', { cycle: ids.baseline, view }), view).toBe(404)
    }
    // No previous cycle before the baseline: no change view.
    expect(await statusOf('viewer@demo.nhs.uk', 'nationalCsv', { cycle: ids.baseline, view: 'change' })).toBe(404)
    expect(await statusOf(LEAD, 'regionalCsv', { cycle: ids.baseline, view: 'bogus' })).toBe(404)
  })

  it('give a workbook with a sheet per view and typed cells', async () => {
    const book = await workbook('admin@demo.nhs.uk', 'nationalXlsx', { cycle: ids.open })
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      'About',
      'Progress',
      'Attainment',
      'Heat map',
      'Calibration',
      'Change',
      'Actions',
    ])
    const progress = sheetRows(book, 'Progress')
    expect(progress[0]).toEqual(['Region', ...SUBMISSION_STATUSES.map((s) => SUBMISSION_STATUS_LABELS[s]), 'Total'])
    expect(progress.at(-1)).toEqual(['Total', 2, 2, 0, 3, 2, 0, 1, 0, 0, 10])
    const baseline = await workbook('admin@demo.nhs.uk', 'nationalXlsx', { cycle: ids.baseline })
    expect(baseline.worksheets.map((ws) => ws.name)).toEqual([
      'About',
      'Progress',
      'Attainment',
      'Heat map',
      'Calibration',
      'Actions',
    ])
  })

  it('suppress counts from 1 to 4 as "[c]" when asked, keeping zeros and larger counts', async () => {
    const query = { cycle: ids.baseline, view: 'progress' }
    const full = await csv('viewer@demo.nhs.uk', 'nationalCsv', query)
    const suppressed = await csv('viewer@demo.nhs.uk', 'nationalCsv', { ...query, suppress: 'yes' })
    const published = full.header.indexOf(SUBMISSION_STATUS_LABELS.PUBLISHED)
    const notStarted = full.header.indexOf(SUBMISSION_STATUS_LABELS.NOT_STARTED)
    expect(full.rows.map((r) => [r[0], r[published]])).toEqual([
      ['London', '2'],
      ['Midlands', '2'],
      ['North West', '3'],
      ['South West', '1'],
      ['Total', '8'],
    ])
    expect(suppressed.rows.map((r) => [r[0], r[published], r[notStarted], r.at(-1)])).toEqual([
      ['London', '[c]', '0', '[c]'],
      ['Midlands', '[c]', '0', '[c]'],
      ['North West', '[c]', '0', '[c]'],
      ['South West', '[c]', '0', '[c]'],
      ['Total', '8', '0', '8'],
    ])
    // A regional lead's figures are all small: every non-zero count hidden.
    const regional = await csv(LEAD, 'regionalCsv', { ...query, suppress: 'yes' })
    expect(regional.rows.map((r) => [r[0], r[published]])).toEqual([
      ['North West', '[c]'],
      ['Total', '[c]'],
    ])
    // Anything but "yes" shows the figures.
    const notAsked = await csv(LEAD, 'regionalCsv', { ...query, suppress: 'no' })
    expect(notAsked.rows.map((r) => r[published])).toEqual(['3', '3'])
    // And in the workbook, as text in a column of numbers.
    const book = await workbook(LEAD, 'regionalXlsx', { cycle: ids.baseline, suppress: 'yes' })
    expect(sheetRows(book, 'Progress')[1]![published]).toBe('[c]')
  })
})
