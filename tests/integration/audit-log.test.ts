// The audit log viewer (issue 7, item 6) as a national admin uses it: the page's loader and the CSV
// export called with a signed-in request, against the demo data with a known set of events in
// place of the seeded ones. Times are chosen around midnight in UK summer time, so a filter by day
// that forgot London's clock would pick the wrong events.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import { parseAuditLogFilter, parsePageRequest } from '~/modules/audit/audit-log-filter'
import { auditLogCsvStream, getAuditLogPage, type AuditLogPage } from '~/modules/audit/audit-log.server'
import { loader as pageLoader } from '~/routes/admin.audit._index'
import { loader as exportLoader } from '~/routes/admin.audit.export[.csv]'
import { useDemoData } from '../setup/demo-data'
import { requestWithCookie } from '../factories'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const cookies = new Map<string, string>()
const ids = { admin: '', lead: '', viewer: '', submission: '', reference: '', otherSubmission: '', response: '' }

const FORMULA = '=HYPERLINK("http://evil.example","Click")'
const BULK = 120

async function signedIn(email: string, path: string): Promise<Request> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, await createSession(user.id, 'vitest'))
  }
  return requestWithCookie(cookies.get(email)!, path)
}

/** The loader's answer, returned or thrown, as a status and body. */
async function load(
  loader: Loader,
  request: Request,
): Promise<{ status: number; location: string | null; data: unknown; response: Response | null }> {
  let result: unknown
  try {
    result = await loader({ request, params: {}, context })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response)
    return { status: result.status, location: result.headers.get('Location'), data: null, response: result }
  if (typeof result === 'object' && result !== null && 'type' in result && result.type === 'DataWithResponseInit') {
    const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, location: null, data, response: null }
  }
  return { status: 200, location: null, data: result, response: null }
}

type PageData = {
  values: Record<string, string>
  errors: Record<string, string>
  recordTypes: string[]
  page: AuditLogPage | null
}

async function page(query: string): Promise<PageData> {
  const outcome = await load(pageLoader, await signedIn('admin@demo.nhs.uk', `/admin/audit${query}`))
  expect(outcome.status).toBe(200)
  return outcome.data as PageData
}

const actions = (data: PageData) => data.page!.events.map((e) => e.action)

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  expect(field).toBe('')
  expect(row).toEqual([])
  return rows
}

async function csv(query: string): Promise<{ response: Response; text: string; rows: string[][] }> {
  const outcome = await load(exportLoader, await signedIn('admin@demo.nhs.uk', `/admin/audit/export.csv${query}`))
  expect(outcome.status).toBe(200)
  const response = outcome.response!
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
  expect(text.startsWith('\uFEFF')).toBe(true)
  return { response, text, rows: parseCsv(text.slice(1)) }
}

beforeAll(async () => {
  await useDemoData()
  for (const email of [
    'admin@demo.nhs.uk',
    'regional.lead@demo.nhs.uk',
    'viewer@demo.nhs.uk',
    'validator@demo.nhs.uk',
    'lead@demo.nhs.uk',
    'contributor@demo.nhs.uk',
    'sponsor@demo.nhs.uk',
  ]) {
    await signedIn(email, '/')
  }
  const user = async (email: string) =>
    (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
  ids.admin = await user('admin@demo.nhs.uk')
  ids.lead = await user('lead@demo.nhs.uk')
  ids.viewer = await user('viewer@demo.nhs.uk')
  const [submission, other] = await prisma.submission.findMany({
    orderBy: { reference: 'asc' },
    take: 2,
    select: { id: true, reference: true },
  })
  ids.submission = submission!.id
  ids.reference = submission!.reference
  ids.otherSubmission = other!.id
  ids.response = (
    await prisma.outcomeResponse.findFirstOrThrow({ where: { submissionId: ids.submission }, select: { id: true } })
  ).id

  await prisma.auditEvent.deleteMany()
  await prisma.auditEvent.createMany({
    data: [
      // 1 July 2026, 00:30 in London (BST): the first of July, not the last of June.
      {
        at: new Date('2026-06-30T23:30:00Z'),
        actorId: ids.admin,
        action: 'submission.submitted',
        entityType: 'Submission',
        entityId: ids.submission,
        submissionId: ids.submission,
        before: JSON.stringify({ status: 'AWAITING_SIGN_OFF' }),
        after: JSON.stringify({ status: 'SUBMITTED' }),
        ipAddress: '10.0.0.1',
      },
      // 30 June 2026, 23:59 in London.
      {
        at: new Date('2026-06-30T22:59:00Z'),
        actorId: ids.lead,
        action: 'outcome_response.saved',
        entityType: 'OutcomeResponse',
        entityId: ids.response,
        submissionId: ids.submission,
        after: JSON.stringify({ narrativeLength: 1200, note: '<script>alert(1)</script>' }),
        ipAddress: '10.0.0.2',
      },
      {
        at: new Date('2026-06-15T09:00:00Z'),
        actorId: ids.lead,
        action: 'submission.sent_for_sign_off',
        entityType: 'Submission',
        entityId: ids.otherSubmission,
        submissionId: ids.otherSubmission,
        after: JSON.stringify({ status: 'AWAITING_SIGN_OFF' }),
      },
      {
        at: new Date('2026-05-01T12:00:00Z'),
        actorId: null,
        action: 'evidence_item.created',
        entityType: 'EvidenceItem',
        entityId: FORMULA,
        before: null,
        after: JSON.stringify({ title: '@SUM(A1:A9)' }),
      },
      {
        at: new Date('2026-04-01T08:00:00Z'),
        actorId: ids.viewer,
        action: 'submissions.exported',
        entityType: 'Report',
        entityId: 'report-1',
      },
    ],
  })
  // Bulk events for paging, three to each second so the keyset must break ties by id.
  await prisma.auditEvent.createMany({
    data: Array.from({ length: BULK }, (_, i) => ({
      at: new Date(Date.UTC(2025, 0, 1, 0, 0, Math.floor(i / 3))),
      actorId: ids.viewer,
      action: 'bulk.test',
      entityType: 'Bulk',
      entityId: `bulk-${String(i).padStart(3, '0')}`,
    })),
  })
})

describe('filters', () => {
  it('shows every event newest first without a filter', async () => {
    const data = await page('')
    expect(data.page!.total).toBe(5 + BULK)
    expect(actions(data).slice(0, 5)).toEqual([
      'submission.submitted',
      'outcome_response.saved',
      'submission.sent_for_sign_off',
      'evidence_item.created',
      'submissions.exported',
    ])
    expect(data.recordTypes).toEqual(['Bulk', 'EvidenceItem', 'OutcomeResponse', 'Report', 'Submission'])
  })

  it('filters by person: part of a name, part of an email address, or an id', async () => {
    expect(actions(await page('?person=Zo%C3%AB'))).toEqual(['outcome_response.saved', 'submission.sent_for_sign_off'])
    expect(actions(await page('?person=ADMIN%40demo'))).toEqual(['submission.submitted'])
    expect(actions(await page(`?person=${ids.admin}`))).toEqual(['submission.submitted'])
    expect((await page('?person=nobody-at-all')).page!.total).toBe(0)
  })

  it('filters by record type and by record id', async () => {
    expect(actions(await page('?type=Submission'))).toEqual(['submission.submitted', 'submission.sent_for_sign_off'])
    expect(actions(await page(`?record=${ids.response}`))).toEqual(['outcome_response.saved'])
    expect(actions(await page('?record=report-1'))).toEqual(['submissions.exported'])
  })

  it('takes a submission reference, in any case, as all of that submission’s events', async () => {
    expect(actions(await page(`?record=${ids.reference.toLowerCase()}`))).toEqual([
      'submission.submitted',
      'outcome_response.saved',
    ])
    expect(actions(await page(`?record=${ids.otherSubmission}`))).toEqual(['submission.sent_for_sign_off'])
    expect(actions(await page(`?record=${ids.reference}&type=OutcomeResponse`))).toEqual(['outcome_response.saved'])
  })

  it('filters by an exact action or by the start of one', async () => {
    expect(actions(await page('?action=submission.submitted'))).toEqual(['submission.submitted'])
    expect(actions(await page('?action=submission.'))).toEqual(['submission.submitted', 'submission.sent_for_sign_off'])
    // "submission" is the start of "submission." actions only, not of "submissions.exported".
    expect(actions(await page('?action=submission'))).toEqual(['submission.submitted', 'submission.sent_for_sign_off'])
    expect(actions(await page('?action=submission*'))).toEqual([
      'submission.submitted',
      'submission.sent_for_sign_off',
      'submissions.exported',
    ])
    expect((await page('?action=submission.sub')).page!.total).toBe(0)
  })

  it('filters by days in UK time, in British or ISO form', async () => {
    expect(actions(await page('?from=1%2F7%2F2026'))).toEqual(['submission.submitted'])
    expect(actions(await page('?from=15/6/2026&to=30/6/2026'))).toEqual([
      'outcome_response.saved',
      'submission.sent_for_sign_off',
    ])
    expect(actions(await page('?from=2026-05-01&to=2026-05-01'))).toEqual(['evidence_item.created'])
    expect(actions(await page('?to=01-04-2026')).slice(0, 1)).toEqual(['submissions.exported'])
    expect((await page('?to=01-04-2026')).page!.total).toBe(1 + BULK)
  })

  it('combines filters', async () => {
    expect(actions(await page(`?person=Hartley&type=Submission`))).toEqual(['submission.sent_for_sign_off'])
    expect(actions(await page(`?person=Hartley&action=outcome_response&from=30/6/2026`))).toEqual([
      'outcome_response.saved',
    ])
    expect((await page(`?person=Hartley&action=outcome_response&from=1/7/2026`)).page!.total).toBe(0)
    expect(actions(await page(`?record=${ids.reference}&person=Marsh&to=1/7/2026&from=1/7/2026`))).toEqual([
      'submission.submitted',
    ])
  })

  it('refuses dates that are not real and keeps what was typed', async () => {
    const outcome = await load(
      pageLoader,
      await signedIn('admin@demo.nhs.uk', '/admin/audit?from=31/2/2026&to=yesterday&person=Zo'),
    )
    expect(outcome.status).toBe(400)
    const data = outcome.data as PageData
    expect(data.page).toBeNull()
    expect(data.errors).toEqual({
      from: 'From must be a real date, like 14/3/2026',
      to: 'To must be a real date, like 31/3/2026',
    })
    expect(data.values).toMatchObject({ from: '31/2/2026', to: 'yesterday', person: 'Zo' })
    const backwards = await load(
      pageLoader,
      await signedIn('admin@demo.nhs.uk', '/admin/audit?from=2/5/2026&to=1/5/2026'),
    )
    expect(backwards.status).toBe(400)
    expect((backwards.data as PageData).errors).toEqual({ to: 'To must be the same as or after From' })
    const exported = await load(
      exportLoader,
      await signedIn('admin@demo.nhs.uk', '/admin/audit/export.csv?from=31/2/2026'),
    )
    expect(exported.status).toBe(400)
  })

  it('describes changes as text and keeps markup as text', async () => {
    const [event] = (await page(`?record=${ids.response}`)).page!.events
    expect(event!.changes).toEqual(['Narrative length: 1,200 characters', 'Note: <script>alert(1)</script>'])
    expect(event!.after).toContain('"narrativeLength": 1200')
    expect(event!.before).toBeNull()
    expect(event!.submission).toEqual({ id: ids.submission, reference: ids.reference })
    expect(event!.actor).toMatchObject({ name: 'Zoë Hartley', email: 'lead@demo.nhs.uk' })
  })
})

describe('paging', () => {
  it('walks 50 at a time through every event, older and back newer, without gaps or repeats', async () => {
    const seen: string[] = []
    let data = await page('?action=bulk.test')
    expect(data.page!.total).toBe(BULK)
    expect(data.page!.newer).toBeNull()
    const pages: PageData[] = [data]
    while (data.page!.older) {
      data = await page(`?action=bulk.test&older=${data.page!.older}`)
      pages.push(data)
    }
    for (const p of pages) seen.push(...p.page!.events.map((e) => e.entityId))
    expect(pages.map((p) => p.page!.events.length)).toEqual([50, 50, 20])
    expect(seen).toEqual(
      Array.from({ length: BULK }, (_, i) => `bulk-${String(BULK - 1 - i).padStart(3, '0')}`).sort((a, b) =>
        b.localeCompare(a),
      ),
    )
    expect(new Set(seen).size).toBe(BULK)
    // Back from the last page: the middle page again, exactly.
    const back = await page(`?action=bulk.test&newer=${pages[2]!.page!.newer}`)
    expect(back.page!.events.map((e) => e.id)).toEqual(pages[1]!.page!.events.map((e) => e.id))
    const first = await page(`?action=bulk.test&newer=${back.page!.newer}`)
    expect(first.page!.events.map((e) => e.id)).toEqual(pages[0]!.page!.events.map((e) => e.id))
    expect(first.page!.newer).toBeNull()
  })

  it('keeps ties in time in a stable order by id', async () => {
    const filter = parseAuditLogFilter(new URLSearchParams('action=bulk.test')).filter
    const all = await prisma.auditEvent.findMany({
      where: { action: 'bulk.test' },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      select: { id: true },
    })
    const firstPage = await getAuditLogPage(filter, null)
    const secondPage = await getAuditLogPage(filter, parsePageRequest(new URLSearchParams({ older: firstPage.older! })))
    expect([...firstPage.events, ...secondPage.events].map((e) => e.id)).toEqual(all.slice(0, 100).map((e) => e.id))
  })
})

describe('CSV export', () => {
  it('downloads every event the filter selects, as the page lists them', async () => {
    const { response, rows } = await csv(`?record=${ids.reference}`)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    expect(rows[0]).toEqual([
      'At (UTC, ISO 8601)',
      'At (UK time)',
      'Actor email',
      'Actor name',
      'Action',
      'Entity type',
      'Entity ID',
      'Submission reference',
      'Before',
      'After',
      'IP address',
    ])
    expect(rows.slice(1)).toEqual([
      [
        '2026-06-30T23:30:00.000Z',
        '01/07/2026 00:30:00',
        'admin@demo.nhs.uk',
        'Helen Marsh',
        'submission.submitted',
        'Submission',
        ids.submission,
        ids.reference,
        '{"status":"AWAITING_SIGN_OFF"}',
        '{"status":"SUBMITTED"}',
        '10.0.0.1',
      ],
      [
        '2026-06-30T22:59:00.000Z',
        '30/06/2026 23:59:00',
        'lead@demo.nhs.uk',
        'Zoë Hartley',
        'outcome_response.saved',
        'OutcomeResponse',
        ids.response,
        ids.reference,
        '',
        '{"narrativeLength":1200,"note":"<script>alert(1)</script>"}',
        '10.0.0.2',
      ],
    ])
  })

  it('matches the page for each filter', async () => {
    for (const query of [
      '?person=Hartley',
      '?type=Submission',
      '?action=submission',
      '?from=15/6/2026&to=30/6/2026',
      '?action=bulk.test&to=1/1/2025',
    ]) {
      const { rows } = await csv(query)
      const listed = (await page(query)).page!
      expect(rows.length - 1).toBe(listed.total)
      expect(rows.slice(1, 51).map((row) => row[6])).toEqual(listed.events.map((e) => e.entityId))
    }
  })

  it('streams the rows a batch at a time', async () => {
    const filter = parseAuditLogFilter(new URLSearchParams('action=bulk.test')).filter
    const reader = auditLogCsvStream(filter, 7).getReader()
    const chunks: string[] = []
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(decoder.decode(value, { stream: true }))
    }
    // The header, then ceil(120 / 7) = 18 batches of rows.
    expect(chunks.length).toBe(1 + Math.ceil(BULK / 7))
    expect(parseCsv(chunks.join('').slice(1)).length).toBe(1 + BULK)
  })

  it('keeps text that a spreadsheet would run as a formula as text', async () => {
    const { rows, text } = await csv('?type=EvidenceItem')
    expect(rows[1]![6]).toBe(`'${FORMULA}`)
    expect(rows[1]![2]).toBe('')
    expect(rows[1]![3]).toBe('')
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m)
  })
})

describe('access', () => {
  it('is for national admins only', async () => {
    for (const email of [
      'regional.lead@demo.nhs.uk',
      'viewer@demo.nhs.uk',
      'validator@demo.nhs.uk',
      'lead@demo.nhs.uk',
      'contributor@demo.nhs.uk',
      'sponsor@demo.nhs.uk',
    ]) {
      expect((await load(pageLoader, await signedIn(email, '/admin/audit'))).status, email).toBe(403)
      expect((await load(exportLoader, await signedIn(email, '/admin/audit/export.csv'))).status, email).toBe(403)
    }
    expect((await load(pageLoader, await signedIn('admin@demo.nhs.uk', '/admin/audit'))).status).toBe(200)
    expect((await load(exportLoader, await signedIn('admin@demo.nhs.uk', '/admin/audit/export.csv'))).status).toBe(200)
  })

  it('sends someone signed out to sign in', async () => {
    for (const [loader, path] of [
      [pageLoader, '/admin/audit?person=Marsh'],
      [exportLoader, '/admin/audit/export.csv'],
    ] as const) {
      const outcome = await load(loader, new Request(`http://localhost${path}`))
      expect(outcome.status).toBe(302)
      expect(outcome.location).toBe(`/sign-in?${new URLSearchParams({ redirectTo: path })}`)
    }
  })
})
