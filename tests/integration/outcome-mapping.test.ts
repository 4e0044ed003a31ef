// Framework refresh readiness (issue 18, item 7): the outcome mapping between editions, through the
// admin page's loader and action as a national admin's browser would use them, against the demo
// data (the 2019 edition, used by every demo cycle, and the Second edition (2022)). Saving and
// reading a mapping, who may, the form's errors, the audit, and an organisation's agreed 2019 grades
// read against the 2022 edition: by outcome number until a mapping is saved, then through it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSession } from '~/modules/auth/session.server'
import { currentGradesFor, getOutcomeMapping } from '~/modules/improvement/mapping.server'
import { action as mappingAction, loader as mappingLoader } from '~/routes/admin.editions.$code.mapping'
import { loader as editionLoader } from '~/routes/admin.editions.$code._index'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { actorFor } from '../factories'

const ADMIN = 'admin@demo.nhs.uk'
const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const cookies = new Map<string, string>()

async function cookieFor(email: string): Promise<string> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, (await createSession(user.id, 'vitest')).split(';')[0]!)
  }
  return cookies.get(email)!
}

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

async function call(handler: unknown, email: string, path: string, body?: FormData) {
  const request = new Request(`http://localhost${path}`, {
    method: body ? 'POST' : 'GET',
    body,
    headers: { Cookie: await cookieFor(email) },
  })
  try {
    const result = await (handler as Handler)({ request, params: { code: '2022' }, context } as never)
    if (result instanceof Response)
      return { status: result.status, location: result.headers.get('Location'), body: null }
    if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
      const { data, init } = result as unknown as { data: any; init: ResponseInit | null }
      return { status: init?.status ?? 200, location: null, body: data }
    }
    return { status: 200, location: null, body: result as any }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: null, body: null }
    throw thrown
  }
}

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(values))
    for (const one of Array.isArray(value) ? value : [value]) data.append(key, one)
  return data
}

/** The mapping form by number: 2019 outcome n becomes the 2022 outcomes listed. */
function mappingForm(map: Record<number, number[]>): FormData {
  return form({
    from: '2019',
    ...Object.fromEntries(Object.entries(map).map(([n, to]) => [`map-${n}`, to.map(String)])),
  })
}

const IDENTITY = { 1: [1], 2: [2], 3: [3], 4: [4], 5: [5], 6: [6] }
// 2019 outcome 1 is split into 2022 outcomes 1 and 2; 2019 outcomes 2 and 3 merge into 2022
// outcome 3; the others keep their numbers.
const SPLIT_AND_MERGE = { 1: [1, 2], 2: [3], 3: [3], 4: [4], 5: [5], 6: [6] }
let edition2022Id: string
let rxv: { organisationId: string; grades: Map<number, number> }

beforeAll(async () => {
  await useDemoData()
  edition2022Id = (await prisma.frameworkEdition.findUniqueOrThrow({ where: { code: '2022' }, select: { id: true } }))
    .id
  // Royal Wessex's baseline (2021/22, 2019 edition) is its latest published result.
  const latest = await prisma.submission.findFirstOrThrow({
    where: { organisation: { odsCode: 'RXV' }, status: 'PUBLISHED' },
    orderBy: { publishedAt: 'desc' },
    select: {
      organisationId: true,
      cycle: { select: { edition: { select: { code: true } } } },
      agreedResults: { select: { gradeSteps: true, outcome: { select: { number: true } } } },
    },
  })
  expect(latest.cycle.edition.code).toBe('2019')
  rxv = {
    organisationId: latest.organisationId,
    grades: new Map(latest.agreedResults.map((r) => [r.outcome.number, r.gradeSteps])),
  }
})

/** RXV's agreed grades read against the 2022 edition, by 2022 outcome number. */
async function gradesIn2022(): Promise<Map<number, number>> {
  const outcomes = await prisma.outcome.findMany({
    where: { editionId: edition2022Id },
    select: { id: true, number: true },
  })
  const grades = await currentGradesFor(prisma, rxv.organisationId, edition2022Id)
  return new Map(
    [...grades.entries()].map(([id, grade]) => [outcomes.find((o) => o.id === id)!.number, grade.gradeSteps]),
  )
}

/**
 * No mapping into the 2022 edition saved yet. The tests that need this state make it, as the save
 * test may already have run (Vitest can shuffle).
 */
const noMappingSaved = () => prisma.outcomeMapping.deleteMany({ where: { toOutcome: { editionId: edition2022Id } } })
const mappedEvents = () =>
  prisma.auditEvent.findMany({
    where: { action: 'framework.outcomes_mapped' },
    select: { id: true, actorId: true, entityId: true, before: true, after: true },
  })

describe('outcome mapping between editions', () => {
  it('reads by outcome number until a mapping is saved, and the page says so', async () => {
    await noMappingSaved()
    const page = await call(mappingLoader, ADMIN, '/admin/editions/2022/mapping')
    expect(page.status).toBe(200)
    expect(page.body.from).toEqual({ code: '2019', name: '2019 edition' })
    expect(page.body.recorded).toBe(false)
    expect(page.body.rows.map((r: { number: number; mappedTo: number[] }) => [r.number, r.mappedTo])).toEqual(
      Object.entries(IDENTITY).map(([n, to]) => [Number(n), to]),
    )
    // The fall-back: each 2019 grade lands on the 2022 outcome of the same number.
    expect(await gradesIn2022()).toEqual(rxv.grades)
  })

  it('is linked from the edition page for a national admin', async () => {
    const page = await call(editionLoader, ADMIN, '/admin/editions/2022')
    expect(page.body.mayMap).toBe(true)
  })

  it('refuses anyone without mapping:manage, on the page and the save', async () => {
    // Counted before and after, as the save test may run first (Vitest can shuffle).
    const before = await prisma.outcomeMapping.count()
    for (const email of ['regional.lead@demo.nhs.uk', 'lead@demo.nhs.uk', 'viewer@demo.nhs.uk']) {
      expect((await call(mappingLoader, email, '/admin/editions/2022/mapping')).status).toBe(403)
      expect((await call(mappingAction, email, '/admin/editions/2022/mapping', mappingForm(IDENTITY))).status).toBe(403)
    }
    expect(await prisma.outcomeMapping.count()).toBe(before)
  })

  it('refuses an outcome left unmapped or one of another edition, with NHS messages, saving nothing', async () => {
    const before = await prisma.outcomeMapping.count()
    const missing = await call(
      mappingAction,
      ADMIN,
      '/admin/editions/2022/mapping',
      mappingForm({ ...IDENTITY, 3: [], 5: [9] }),
    )
    expect(missing.status).toBe(400)
    expect(missing.body.result.error).toMatchObject({
      'map-3': ['Select the outcome that outcome 3 becomes'],
      'map-5[0]': ['Select an outcome of the Second edition (2022) for outcome 5'],
    })
    expect(await prisma.outcomeMapping.count()).toBe(before)
    // An edition that does not exist is a page that does not exist.
    const unknown = form({ from: 'nope', 'map-1': '1' })
    expect((await call(mappingAction, ADMIN, '/admin/editions/2022/mapping', unknown)).status).toBe(404)
    expect((await call(mappingLoader, ADMIN, '/admin/editions/2022/mapping?from=nope')).status).toBe(404)
  })

  it('saves a mapping with a split and a merge, audited, and grades translate through it', async () => {
    await noMappingSaved()
    const earlier = new Set((await mappedEvents()).map((e) => e.id))
    const saved = await call(mappingAction, ADMIN, '/admin/editions/2022/mapping', mappingForm(SPLIT_AND_MERGE))
    expect(saved.status).toBe(302)
    expect(saved.location).toBe('/admin/editions/2022/mapping?from=2019')

    const page = await call(mappingLoader, ADMIN, '/admin/editions/2022/mapping')
    expect(page.body.recorded).toBe(true)
    expect(page.body.rows.map((r: { mappedTo: number[] }) => r.mappedTo)).toEqual([[1, 2], [3], [3], [4], [5], [6]])

    const grades = await gradesIn2022()
    const g = (n: number) => rxv.grades.get(n)!
    expect(grades.get(1)).toBe(g(1))
    expect(grades.get(2)).toBe(g(1))
    expect(grades.get(3)).toBe(Math.min(g(2), g(3)))
    for (const n of [4, 5, 6]) expect(grades.get(n)).toBe(g(n))

    const audit = (await mappedEvents()).filter((e) => !earlier.has(e.id))
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actorId).toBe((await actorFor(ADMIN)).id)
    expect(audit[0]!.entityId).toBe(edition2022Id)
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ from: '2019', recorded: false, outcomes: { 1: [1], 2: [2] } })
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      from: '2019',
      recorded: true,
      outcomes: { 1: [1, 2], 2: [3] },
    })
  })

  it('saving the same mapping again changes nothing and writes no audit event', async () => {
    const save = () => call(mappingAction, ADMIN, '/admin/editions/2022/mapping', mappingForm(SPLIT_AND_MERGE))
    expect((await save()).status).toBe(302)
    const mappings = await prisma.outcomeMapping.findMany({ orderBy: { id: 'asc' } })
    const events = (await mappedEvents()).length
    expect((await save()).status).toBe(302)
    expect(await prisma.outcomeMapping.findMany({ orderBy: { id: 'asc' } })).toEqual(mappings)
    expect(await mappedEvents()).toHaveLength(events)
  })

  it('the other direction has no mapping, so reads by number; a plan on the same edition reads as it is', async () => {
    const admin = await actorFor(ADMIN)
    const back = await getOutcomeMapping(admin, '2019')
    expect(back?.from?.code).toBe('2022')
    expect(back?.recorded).toBe(false)
    expect(back?.rows.map((r) => r.mappedTo)).toEqual([[1], [2], [3], [4], [5], [6]])
    const edition2019 = await prisma.frameworkEdition.findUniqueOrThrow({
      where: { code: '2019' },
      select: { id: true },
    })
    const same = await currentGradesFor(prisma, rxv.organisationId, edition2019.id)
    expect(same.size).toBe(6)
  })
})
