// Organisations and library services in the administration area (issue 7, item 3), through the
// route loaders and actions as the browser reaches them, against a database seeded like
// `npm start`: the list and its filters, create and edit (with two admins saving at once),
// deactivation, the CSV import from upload to preview to confirmation with every kind of bad
// file, library services and the organisations they serve, and who may open any of it.
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { loader as listLoader } from '~/routes/admin.organisations._index'
import { action as newAction, loader as newLoader } from '~/routes/admin.organisations.new'
import { action as editAction, loader as editLoader } from '~/routes/admin.organisations.$organisationId.edit'
import { action as uploadAction, loader as uploadLoader } from '~/routes/admin.organisations.import._index'
import { action as confirmAction, loader as previewLoader } from '~/routes/admin.organisations.import.$importId'
import { loader as servicesLoader } from '~/routes/admin.services._index'
import { action as newServiceAction, loader as newServiceLoader } from '~/routes/admin.services.new'
import { action as serviceAction, loader as serviceLoader } from '~/routes/admin.services.$serviceId'
import { useDemoData } from '../setup/demo-data'
import { cookieFor, fieldErrors, get, post, runAction, runLoader, uploadDir, type Outcome } from './evidence-helpers'

const ADMIN = 'admin@demo.nhs.uk'
const NON_ADMINS = [
  'contributor@demo.nhs.uk',
  'lead@demo.nhs.uk',
  'sponsor@demo.nhs.uk',
  'validator@demo.nhs.uk',
  'regional.lead@demo.nhs.uk',
  'viewer@demo.nhs.uk',
]

let admin = ''
const orgId = async (odsCode: string) =>
  (await prisma.organisation.findUniqueOrThrow({ where: { odsCode }, select: { id: true } })).id
const regionId = async (name: string) =>
  (await prisma.region.findUniqueOrThrow({ where: { name }, select: { id: true } })).id
const serviceIdOf = async (name: string) =>
  (await prisma.libraryService.findUniqueOrThrow({ where: { name }, select: { id: true } })).id

beforeAll(async () => {
  await useDemoData()
  admin = await cookieFor(ADMIN)
})

function form(values: Record<string, string>): FormData {
  const body = new FormData()
  for (const [key, value] of Object.entries(values)) body.append(key, value)
  return body
}

function csvUpload(content: BlobPart, name = 'organisations.csv'): FormData {
  const body = new FormData()
  body.append('file', new File([content], name, { type: 'text/csv' }))
  return body
}

async function upload(content: BlobPart, name?: string): Promise<Outcome> {
  return runAction(uploadAction, post('/admin/organisations/import', csvUpload(content, name), admin), {})
}

const uploadError = (outcome: Outcome) => (outcome.data as { error?: string } | null)?.error

type Preview = Awaited<ReturnType<typeof previewLoader>>['preview']

async function preview(importId: string, cookie = admin): Promise<Outcome & { preview: Preview }> {
  const outcome = await runLoader(previewLoader, get(`/admin/organisations/import/${importId}`, cookie), { importId })
  return { ...outcome, preview: (outcome.data as { preview: Preview } | null)?.preview as Preview }
}

const importIdFrom = (outcome: Outcome) => {
  expect(outcome.status).toBe(302)
  return outcome.location!.split('/').pop()!
}

describe('who may manage organisations and library services', () => {
  type Route = { name: string; run: (cookie: string, ids: Record<string, string>) => Promise<Outcome> }
  const routes: Route[] = [
    { name: 'organisations list', run: (c) => runLoader(listLoader, get('/admin/organisations', c), {}) },
    { name: 'new organisation page', run: (c) => runLoader(newLoader, get('/admin/organisations/new', c), {}) },
    {
      name: 'new organisation form',
      run: (c) =>
        runAction(
          newAction,
          post('/admin/organisations/new', form({ odsCode: 'ZZZ1', name: 'X', type: 'OTHER', regionId: 'x' }), c),
          {},
        ),
    },
    {
      name: 'edit page',
      run: (c, ids) =>
        runLoader(editLoader, get(`/admin/organisations/${ids.org}/edit`, c), { organisationId: ids.org! }),
    },
    {
      name: 'edit form',
      run: (c, ids) =>
        runAction(
          editAction,
          post(
            `/admin/organisations/${ids.org}/edit`,
            form({ odsCode: 'RXV', name: 'X', type: 'OTHER', regionId: 'x' }),
            c,
          ),
          { organisationId: ids.org! },
        ),
    },
    {
      name: 'deactivate',
      run: (c, ids) =>
        runAction(
          editAction,
          post(`/admin/organisations/${ids.org}/edit`, form({ intent: 'status', active: 'false', version: 'x' }), c),
          { organisationId: ids.org! },
        ),
    },
    { name: 'import page', run: (c) => runLoader(uploadLoader, get('/admin/organisations/import', c), {}) },
    {
      name: 'import upload',
      run: (c) =>
        runAction(
          uploadAction,
          post('/admin/organisations/import', csvUpload('ODS code,Name,Type,Region\nZZZ9,X,Other,Y56\n'), c),
          {},
        ),
    },
    {
      name: 'import preview',
      run: (c, ids) =>
        runLoader(previewLoader, get(`/admin/organisations/import/${ids.importId}`, c), { importId: ids.importId! }),
    },
    {
      name: 'import confirmation',
      run: (c, ids) =>
        runAction(confirmAction, post(`/admin/organisations/import/${ids.importId}`, form({ digest: 'x' }), c), {
          importId: ids.importId!,
        }),
    },
    { name: 'library services list', run: (c) => runLoader(servicesLoader, get('/admin/services', c), {}) },
    { name: 'new library service page', run: (c) => runLoader(newServiceLoader, get('/admin/services/new', c), {}) },
    {
      name: 'new library service form',
      run: (c) => runAction(newServiceAction, post('/admin/services/new', form({ name: 'X', active: 'true' }), c), {}),
    },
    {
      name: 'library service page',
      run: (c, ids) => runLoader(serviceLoader, get(`/admin/services/${ids.service}`, c), { serviceId: ids.service! }),
    },
    {
      name: 'library service forms',
      run: (c, ids) =>
        runAction(
          serviceAction,
          post(`/admin/services/${ids.service}`, form({ intent: 'stop', organisationId: ids.org! }), c),
          { serviceId: ids.service! },
        ),
    },
  ]

  async function ids() {
    const started = await upload('ODS code,Name,Type,Region\nZZZ8,Access Test Trust,Other,Y56\n')
    return {
      org: await orgId('RXV'),
      service: await serviceIdOf('Ribble Valley Library and Knowledge Service'),
      importId: importIdFrom(started),
    }
  }

  it('refuses every page and form to everyone but a national admin, and changes nothing', async () => {
    const known = await ids()
    const before = {
      orgs: await prisma.organisation.count(),
      links: await prisma.serviceOrganisation.count({ where: { servesTo: null } }),
      services: await prisma.libraryService.count(),
    }
    for (const email of NON_ADMINS) {
      const cookie = await cookieFor(email)
      for (const route of routes) {
        const outcome = await route.run(cookie, known)
        expect(outcome.status, `${email}: ${route.name}`).toBe(403)
      }
    }
    expect({
      orgs: await prisma.organisation.count(),
      links: await prisma.serviceOrganisation.count({ where: { servesTo: null } }),
      services: await prisma.libraryService.count(),
    }).toEqual(before)
  })

  it('sends someone signed out to sign in, and lets the national admin in', async () => {
    const known = await ids()
    for (const route of routes) {
      const outcome = await route.run('', known)
      expect(outcome.status, route.name).toBe(302)
      expect(outcome.location, route.name).toMatch(/^\/sign-in/)
    }
    expect((await runLoader(listLoader, get('/admin/organisations', admin), {})).status).toBe(200)
    expect((await runLoader(servicesLoader, get('/admin/services', admin), {})).status).toBe(200)
  })

  it('keeps an upload to the admin who made it', async () => {
    const { importId } = await ids()
    const other = await prisma.user.create({
      data: {
        email: 'second.admin@example.nhs.uk',
        name: 'Second Admin',
        roles: { create: [{ role: 'NATIONAL_ADMIN' }] },
      },
      select: { email: true },
    })
    expect((await preview(importId, await cookieFor(other.email))).status).toBe(404)
    expect((await preview(importId)).status).toBe(200)
  })
})

describe('the organisations list', () => {
  type List = Awaited<ReturnType<typeof listLoader>>
  const list = async (query: string) =>
    (await runLoader(listLoader, get(`/admin/organisations?${query}`, admin), {})).data as List

  it('filters by name or ODS code, region, type and status', async () => {
    const codes = async (query: string) => (await list(query)).organisations.map((o) => o.odsCode).sort()
    expect(await codes('q=rxv')).toEqual(['RXV'])
    expect(await codes('q=ribble')).toEqual(['RWV', 'RXV', 'RYV'])
    // Other tests here add organisations in London and an integrated care board: the region, type
    // and status filters are checked on organisations of this test's own, which share a name.
    const [london, northWest] = [await regionId('London'), await regionId('North West')]
    const activeFrom = new Date('2020-01-01')
    await prisma.organisation.createMany({
      data: [
        { odsCode: 'FLT01', name: 'Filterby Acute Trust', type: 'ACUTE_TRUST', regionId: northWest, activeFrom },
        {
          odsCode: 'FLT02',
          name: 'Filterby Integrated Care Board',
          type: 'INTEGRATED_CARE_BOARD',
          regionId: london,
          activeFrom,
        },
        {
          odsCode: 'FLT03',
          name: 'Filterby Community Trust',
          type: 'COMMUNITY_TRUST',
          regionId: london,
          activeFrom,
          activeTo: new Date('2024-03-31'),
        },
      ],
    })
    // The list shows active organisations unless asked for others.
    expect(await codes('q=filterby')).toEqual(['FLT01', 'FLT02'])
    expect(await codes('q=filterby&status=all')).toEqual(['FLT01', 'FLT02', 'FLT03'])
    expect(await codes('q=filterby&status=inactive')).toEqual(['FLT03'])
    expect(await codes('q=flt02')).toEqual(['FLT02'])
    expect(await codes(`q=filterby&region=${london}`)).toEqual(['FLT02'])
    expect(await codes(`q=filterby&region=${london}&status=all`)).toEqual(['FLT02', 'FLT03'])
    expect(await codes('q=filterby&type=INTEGRATED_CARE_BOARD')).toEqual(['FLT02'])
    expect(await codes('q=filterby&type=COMMUNITY_TRUST&status=all')).toEqual(['FLT03'])
    const first = (await list('q=RXV')).organisations[0]!
    expect(first).toMatchObject({
      name: 'Ribble Valley Teaching Hospitals NHS Foundation Trust',
      typeLabel: 'Acute trust',
      regionName: 'North West',
      active: true,
      services: ['Ribble Valley Library and Knowledge Service'],
    })
  })

  it('shows 25 organisations a page', async () => {
    await prisma.organisation.createMany({
      data: await Promise.all(
        Array.from({ length: 30 }, async (_, i) => ({
          odsCode: `PG${String(i).padStart(3, '0')}`,
          name: `Paging Trust ${String(i).padStart(2, '0')}`,
          type: 'OTHER',
          regionId: await regionId('London'),
          activeFrom: new Date('2020-01-01'),
        })),
      ),
    })
    const page1 = await list('q=Paging')
    const page2 = await list('q=Paging&page=2')
    expect([page1.total, page1.pageCount, page1.organisations.length, page2.organisations.length]).toEqual([
      30, 2, 25, 5,
    ])
    expect(page2.organisations[0]!.name).toBe('Paging Trust 25')
  })
})

describe('adding and editing an organisation', () => {
  it('adds an organisation with an upper-case ODS code, and audits it', async () => {
    const outcome = await runAction(
      newAction,
      post(
        '/admin/organisations/new',
        form({
          odsCode: ' r0a1 ',
          name: '  Moorside   Hospice ',
          type: 'OTHER',
          regionId: await regionId('North West'),
        }),
        admin,
      ),
      {},
    )
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe('/admin/organisations')
    const created = await prisma.organisation.findUniqueOrThrow({
      where: { odsCode: 'R0A1' },
      select: { id: true, name: true, activeTo: true },
    })
    expect(created).toMatchObject({ name: 'Moorside Hospice', activeTo: null })
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: created.id, action: 'organisation.created' },
      select: { after: true },
    })
    expect(JSON.parse(audit.after!)).toMatchObject({ odsCode: 'R0A1', name: 'Moorside Hospice' })
  })

  it('refuses a form with mistakes, naming each field and keeping what was typed', async () => {
    const outcome = await runAction(
      newAction,
      post('/admin/organisations/new', form({ odsCode: 'R-1', name: '', type: 'CASTLE', regionId: '' }), admin),
      {},
    )
    expect(outcome.status).toBe(400)
    expect(fieldErrors(outcome)).toEqual({
      odsCode: ['ODS code must be 3 to 10 letters and numbers, like RXV or QAF'],
      name: ['Enter a name'],
      type: ['Select a type'],
      regionId: ['Select a region'],
    })
    expect((outcome.data as { result: { initialValue: Record<string, string> } }).result.initialValue).toMatchObject({
      odsCode: 'R-1',
      type: 'CASTLE',
    })
  })

  it('refuses an ODS code another organisation has', async () => {
    const outcome = await runAction(
      newAction,
      post(
        '/admin/organisations/new',
        form({ odsCode: 'rth', name: 'Copy', type: 'OTHER', regionId: await regionId('London') }),
        admin,
      ),
      {},
    )
    expect(outcome.status).toBe(400)
    expect(fieldErrors(outcome).odsCode).toEqual([
      'An organisation with ODS code RTH already exists. Enter a different ODS code or edit that organisation',
    ])
  })

  it('saves an edit over the version it was made from, and refuses a second admin’s stale edit', async () => {
    // An organisation of its own: the list's filters read the demo organisations' names.
    const { id } = await prisma.organisation.create({
      data: {
        odsCode: 'ZEDIT',
        name: 'Edit Test Trust',
        type: 'ACUTE_TRUST',
        regionId: await regionId('North West'),
        activeFrom: new Date('2020-01-01'),
      },
      select: { id: true },
    })
    const page = (await runLoader(editLoader, get(`/admin/organisations/${id}/edit`, admin), { organisationId: id }))
      .data as Awaited<ReturnType<typeof editLoader>>
    const version = page.organisation.version
    const values = { odsCode: 'ZEDIT', type: 'COMMUNITY_TRUST', regionId: page.organisation.regionId, version }
    const first = await runAction(
      editAction,
      post(`/admin/organisations/${id}/edit`, form({ ...values, name: 'Fylde Coast Community NHS Trust' }), admin),
      { organisationId: id },
    )
    expect(first.status).toBe(302)
    const second = await runAction(
      editAction,
      post(`/admin/organisations/${id}/edit`, form({ ...values, name: 'Someone else’s name' }), admin),
      { organisationId: id },
    )
    expect(second.status).toBe(409)
    const answer = second.data as {
      result: { error: Record<string, string[]> }
      current: Record<string, string>
      version: string
    }
    expect(answer.result.error['']).toEqual([
      'Someone else changed this organisation while you were editing it. Check their changes below, then save again to keep yours',
    ])
    expect(answer.current).toMatchObject({ Name: 'Fylde Coast Community NHS Trust' })
    expect((await prisma.organisation.findUniqueOrThrow({ where: { id }, select: { name: true } })).name).toBe(
      'Fylde Coast Community NHS Trust',
    )
    // Saving again with the version the conflict showed replaces it, deliberately.
    const third = await runAction(
      editAction,
      post(
        `/admin/organisations/${id}/edit`,
        form({ ...values, version: answer.version, name: 'Someone else’s name' }),
        admin,
      ),
      { organisationId: id },
    )
    expect(third.status).toBe(302)
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: 'organisation.updated' } })).toBe(2)
  })

  it('deactivates and reactivates, keeping history, and the list follows', async () => {
    const id = await orgId('RQX')
    const submissionsBefore = await prisma.submission.count({ where: { organisationId: id } })
    const version = async () =>
      (
        await prisma.organisation.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })
      ).updatedAt.toISOString()
    const off = await runAction(
      editAction,
      post(
        `/admin/organisations/${id}/edit`,
        form({ intent: 'status', active: 'false', version: await version() }),
        admin,
      ),
      { organisationId: id },
    )
    expect(off.status).toBe(302)
    const row = await prisma.organisation.findUniqueOrThrow({ where: { id }, select: { activeTo: true } })
    expect(row.activeTo).not.toBeNull()
    expect(row.activeTo!.getTime()).toBeLessThanOrEqual(Date.now())
    expect(await prisma.submission.count({ where: { organisationId: id } })).toBe(submissionsBefore)
    const inactive = (await runLoader(listLoader, get('/admin/organisations?status=inactive', admin), {}))
      .data as Awaited<ReturnType<typeof listLoader>>
    expect(inactive.organisations.map((o) => o.odsCode)).toContain('RQX')
    const active = (await runLoader(listLoader, get('/admin/organisations?q=RQX', admin), {})).data as Awaited<
      ReturnType<typeof listLoader>
    >
    expect(active.total).toBe(0)
    const stale = await runAction(
      editAction,
      post(
        `/admin/organisations/${id}/edit`,
        form({ intent: 'status', active: 'true', version: '2020-01-01T00:00:00.000Z' }),
        admin,
      ),
      { organisationId: id },
    )
    expect(stale.status).toBe(409)
    const on = await runAction(
      editAction,
      post(
        `/admin/organisations/${id}/edit`,
        form({ intent: 'status', active: 'true', version: await version() }),
        admin,
      ),
      { organisationId: id },
    )
    expect(on.status).toBe(302)
    expect(
      (await prisma.organisation.findUniqueOrThrow({ where: { id }, select: { activeTo: true } })).activeTo,
    ).toBeNull()
    expect(
      (await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { at: 'asc' }, select: { action: true } }))
        .map((e) => e.action)
        .filter((a) => a.startsWith('organisation.')),
    ).toEqual(['organisation.deactivated', 'organisation.reactivated'])
  })
})

describe('importing organisations from a CSV file', () => {
  const GOOD = [
    'ods_code,Organisation name,Type,Region,Notes',
    'ZNEW1,Hôpital Général de Gwynedd,Acute trust,Y62,new',
    'zneW2,Ysbyty Gwynedd,ICB,London,new',
    'RKQ,Kingsmere Partnership NHS Foundation Trust,Community trust,Y56,type changes',
    'RSV,Severn Vale Hospitals NHS Trust,Acute trust,Midlands,unchanged',
  ].join('\r\n')

  it('previews what will be created, updated and left alone before writing anything, then imports it in one go', async () => {
    const orgsBefore = await prisma.organisation.count()
    const importId = importIdFrom(await upload(GOOD))
    const { status, preview: p } = await preview(importId)
    expect(status).toBe(200)
    expect(p.errors).toEqual([])
    expect(p.ignoredColumns).toEqual(['Notes'])
    expect(p.plan.creates.map((r) => [r.row, r.odsCode, r.name])).toEqual([
      [2, 'ZNEW1', 'Hôpital Général de Gwynedd'],
      [3, 'ZNEW2', 'Ysbyty Gwynedd'],
    ])
    expect(p.plan.updates.map((r) => [r.odsCode, r.changes])).toEqual([
      ['RKQ', [{ field: 'type', from: 'Mental health trust', to: 'Community trust' }]],
    ])
    expect(p.plan.unchanged.map((r) => r.odsCode)).toEqual(['RSV'])
    expect(p.writeCount).toBe(3)
    expect(await prisma.organisation.count()).toBe(orgsBefore)

    const done = await runAction(
      confirmAction,
      post(`/admin/organisations/import/${importId}`, form({ digest: p.digest }), admin),
      { importId },
    )
    expect(done.status).toBe(302)
    expect(done.location).toBe('/admin/organisations')
    expect(await prisma.organisation.count()).toBe(orgsBefore + 2)
    expect(
      await prisma.organisation.findUniqueOrThrow({
        where: { odsCode: 'ZNEW2' },
        select: { type: true, region: { select: { name: true } } },
      }),
    ).toEqual({ type: 'INTEGRATED_CARE_BOARD', region: { name: 'London' } })
    expect(
      (await prisma.organisation.findUniqueOrThrow({ where: { odsCode: 'RKQ' }, select: { type: true } })).type,
    ).toBe('COMMUNITY_TRUST')
    const events = await prisma.auditEvent.findMany({
      where: { after: { contains: '"import":"organisations.csv"' } },
      select: { action: true },
    })
    expect(events.map((e) => e.action).sort()).toEqual([
      'organisation.created',
      'organisation.created',
      'organisation.updated',
    ])
    // The kept file is gone once imported: the same confirmation cannot run twice.
    expect((await preview(importId)).status).toBe(404)
    const files = await readdir(path.join(uploadDir(), 'tmp', 'organisation-imports'))
    expect(files).not.toContain(`${importId}.json`)
  })

  it('refuses the confirmation when the portal changed after the preview, and writes nothing', async () => {
    const importId = importIdFrom(
      await upload(
        'ODS code,Name,Type,Region\nRWK,Weald Ambulance,Ambulance trust,South East\nZRACE,Race Trust,Other,Y59\n',
      ),
    )
    const { preview: p } = await preview(importId)
    await prisma.organisation.update({ where: { odsCode: 'RWK' }, data: { name: 'Renamed by another admin' } })
    const outcome = await runAction(
      confirmAction,
      post(`/admin/organisations/import/${importId}`, form({ digest: p.digest }), admin),
      { importId },
    )
    expect(outcome.status).toBe(409)
    const answer = outcome.data as { problem: string; preview: Preview }
    expect(answer.problem).toBe(
      'The organisations in the portal changed after you checked this file. Check the changes again before you import',
    )
    expect(answer.preview.plan.updates[0]!.changes).toEqual([
      { field: 'name', from: 'Renamed by another admin', to: 'Weald Ambulance' },
    ])
    expect(await prisma.organisation.count({ where: { odsCode: 'ZRACE' } })).toBe(0)
  })

  it('lists row errors with row and column, and imports nothing while there are any', async () => {
    const csv = [
      'ODS code,Name,Type,Region',
      'ZOK1,Fine Trust,Acute trust,Y56',
      'ZDUP,First Copy,Acute trust,Y56',
      'ZBAD,Atlantis Trust,Acute trust,Atlantis',
      'ZTYP,Castle Trust,Castle,Y56',
      'zdup,Second Copy,Acute trust,Y56',
    ].join('\n')
    const importId = importIdFrom(await upload(csv))
    const { preview: p } = await preview(importId)
    expect(p.errors.map((e) => [e.text, e.column])).toEqual([
      ['Rows 3 and 6: ODS code ZDUP is on more than one row. Keep one row for each organisation', 'odsCode'],
      ['Row 4: Enter a region we know: ‘Atlantis’ is not a region', 'region'],
      [expect.stringMatching(/^Row 5: Enter a type we know: ‘Castle’ is not a type/), 'type'],
    ])
    const outcome = await runAction(
      confirmAction,
      post(`/admin/organisations/import/${importId}`, form({ digest: p.digest }), admin),
      { importId },
    )
    expect(outcome.status).toBe(409)
    expect((outcome.data as { problem: string }).problem).toBe('Fix the errors in the file and upload it again')
    expect(await prisma.organisation.count({ where: { odsCode: { in: ['ZOK1', 'ZDUP', 'ZBAD', 'ZTYP'] } } })).toBe(0)
  })

  it('decodes a UTF-16 file with a byte order mark and a Windows-1252 file with accented names', async () => {
    const text = 'ODS code,Name,Type,Region\r\nZU16,Hôpital Saint-Éloi,Other,Y56\r\n'
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const p16 = (await preview(importIdFrom(await upload(utf16)))).preview
    expect([p16.encoding, p16.plan.creates[0]!.name]).toEqual(['UTF-16', 'Hôpital Saint-Éloi'])
    const cp1252 = Buffer.from(text.replace('ZU16', 'ZW12'), 'latin1')
    const p1252 = (await preview(importIdFrom(await upload(cp1252)))).preview
    expect([p1252.encoding, p1252.plan.creates[0]!.name]).toEqual(['Windows-1252', 'Hôpital Saint-Éloi'])
  })

  it('refuses files it cannot use, on the upload form, and keeps nothing', async () => {
    const keptFiles = () => readdir(path.join(uploadDir(), 'tmp', 'organisation-imports')).catch(() => [] as string[])
    const keptBefore = (await keptFiles()).length
    const cases: Array<[string, Outcome, number, string]> = [
      [
        'missing column',
        await upload('ODS code,Name,Type\nZM1,Missing Region,Other\n'),
        400,
        'The file must have columns for ODS code, name, type and region. It is missing: region',
      ],
      ['empty file', await upload(''), 400, 'The selected file is empty'],
      [
        'no file chosen',
        await runAction(
          uploadAction,
          post(
            '/admin/organisations/import',
            (() => {
              const b = new FormData()
              b.append('file', new File([], '', { type: 'application/octet-stream' }))
              return b
            })(),
            admin,
          ),
          {},
        ),
        400,
        'Select a CSV file',
      ],
      [
        'PDF renamed .csv',
        await upload('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', 'organisations.csv'),
        400,
        'The selected file is a PDF, not a CSV file. Upload the organisations as a CSV file',
      ],
      [
        'binary garbage',
        await upload(
          new Uint8Array([0x4f, 0x44, 0x53, 0x00, 0x01, 0x02, 0xff, 0x13, 0x90, 0x81, 0x00, 0x7f]),
          'data.csv',
        ),
        400,
        'The selected file must be a CSV file. In Excel, choose File, Save As, and ‘CSV UTF-8 (comma delimited)’',
      ],
      [
        'too large',
        await upload('ODS code,Name,Type,Region\n' + 'ZBIG,Big Trust,Other,Y56\n'.repeat(90_000)),
        413,
        'The selected file must be smaller than 2MB',
      ],
      [
        'Excel workbook',
        await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), 'organisations.xlsx'),
        400,
        'The selected file must be a CSV file',
      ],
    ]
    for (const [name, outcome, status, message] of cases) {
      expect(outcome.status, name).toBe(status)
      expect(uploadError(outcome), name).toBe(message)
    }
    expect((await keptFiles()).length).toBe(keptBefore)
    expect(await prisma.organisation.count({ where: { odsCode: { in: ['ZM1', 'ZBIG'] } } })).toBe(0)
  })
})

describe('library services', () => {
  type Page = Awaited<ReturnType<typeof serviceLoader>>
  const page = async (id: string) =>
    ((await runLoader(serviceLoader, get(`/admin/services/${id}`, admin), { serviceId: id })).data as Page).service

  it('adds a service with a quota, and refuses a name in use', async () => {
    const outcome = await runAction(
      newServiceAction,
      post('/admin/services/new', form({ name: 'Moorside Library', active: 'true', quotaMb: '2,048' }), admin),
      {},
    )
    expect(outcome.status).toBe(302)
    const created = await prisma.libraryService.findUniqueOrThrow({
      where: { name: 'Moorside Library' },
      select: { id: true, active: true, evidenceQuotaBytes: true },
    })
    expect(created).toMatchObject({ active: true, evidenceQuotaBytes: 2048 * 1024 * 1024 })
    expect(outcome.location).toBe(`/admin/services/${created.id}`)
    expect(await prisma.auditEvent.count({ where: { entityId: created.id, action: 'library_service.created' } })).toBe(
      1,
    )
    const taken = await runAction(
      newServiceAction,
      post('/admin/services/new', form({ name: 'Tamar Health Libraries', active: 'true', quotaMb: 'lots' }), admin),
      {},
    )
    expect(taken.status).toBe(400)
    expect(fieldErrors(taken).quotaMb).toEqual(['Evidence quota must be a whole number of megabytes, like 5120'])
    const again = await runAction(
      newServiceAction,
      post('/admin/services/new', form({ name: 'Tamar Health Libraries', active: 'true', quotaMb: '' }), admin),
      {},
    )
    expect(fieldErrors(again).name).toEqual([
      'A library service called ‘Tamar Health Libraries’ already exists. Enter a different name',
    ])
  })

  it('starts and stops serving organisations, keeping the dates, and audits each change', async () => {
    const id = await serviceIdOf('Tamar Health Libraries')
    const rdh = await orgId('RDH')
    const added = await runAction(
      serviceAction,
      post(`/admin/services/${id}`, form({ intent: 'add', organisationId: rdh }), admin),
      { serviceId: id },
    )
    expect(added.status).toBe(302)
    const link = await prisma.serviceOrganisation.findUniqueOrThrow({
      where: { libraryServiceId_organisationId: { libraryServiceId: id, organisationId: rdh } },
      select: { servesFrom: true, servesTo: true },
    })
    expect(link.servesTo).toBeNull()
    expect(Date.now() - link.servesFrom.getTime()).toBeLessThan(25 * 60 * 60 * 1000)
    expect((await page(id)).serving.map((o) => o.odsCode)).toEqual(expect.arrayContaining(['RDH', 'RTM', 'RQX']))
    const twice = await runAction(
      serviceAction,
      post(`/admin/services/${id}`, form({ intent: 'add', organisationId: rdh }), admin),
      { serviceId: id },
    )
    expect(twice.status).toBe(400)

    const rtm = await orgId('RTM')
    const stopped = await runAction(
      serviceAction,
      post(`/admin/services/${id}`, form({ intent: 'stop', organisationId: rtm }), admin),
      { serviceId: id },
    )
    expect(stopped.status).toBe(302)
    const ended = await prisma.serviceOrganisation.findUniqueOrThrow({
      where: { libraryServiceId_organisationId: { libraryServiceId: id, organisationId: rtm } },
      select: { servesFrom: true, servesTo: true },
    })
    expect(ended.servesFrom.toISOString()).toBe('2019-04-01T00:00:00.000Z')
    expect(ended.servesTo).not.toBeNull()
    const after = await page(id)
    expect(after.serving.map((o) => o.odsCode)).not.toContain('RTM')
    expect(after.served.map((o) => o.odsCode)).toContain('RTM')
    expect(after.candidates.map((o) => o.odsCode)).toContain('RTM')
    const actions = (
      await prisma.auditEvent.findMany({ where: { entityId: id }, orderBy: { at: 'asc' }, select: { action: true } })
    ).map((e) => e.action)
    expect(actions).toEqual(['library_service.organisation_added', 'library_service.organisation_stopped'])
  })

  it('saves details over the version it was made from, and refuses a stale save', async () => {
    const id = await serviceIdOf('Severn and Arden Knowledge Service')
    const { version } = await page(id)
    const first = await runAction(
      serviceAction,
      post(
        `/admin/services/${id}`,
        form({ intent: 'details', name: 'Severn and Arden Knowledge Service', active: 'false', quotaMb: '', version }),
        admin,
      ),
      { serviceId: id },
    )
    expect(first.status).toBe(302)
    expect((await prisma.libraryService.findUniqueOrThrow({ where: { id }, select: { active: true } })).active).toBe(
      false,
    )
    const stale = await runAction(
      serviceAction,
      post(
        `/admin/services/${id}`,
        form({ intent: 'details', name: 'Overwritten', active: 'true', quotaMb: '', version }),
        admin,
      ),
      { serviceId: id },
    )
    expect(stale.status).toBe(409)
    expect(
      await prisma.libraryService.findUniqueOrThrow({ where: { id }, select: { name: true, active: true } }),
    ).toEqual({ name: 'Severn and Arden Knowledge Service', active: false })
  })
})
