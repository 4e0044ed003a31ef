// Cycle administration (issue 7, item 2) as the national admin meets it: the route loaders and
// actions called with a signed-in request against a database seeded like `npm start`, and the
// module for the rules a form cannot reach (two admins at once, organisations nobody serves).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import { closeCycle, createCycle, openCycle, saveParticipants, updateCycle } from '~/modules/cycles/admin.server'
import { action as closeAction } from '~/routes/admin.cycles.$cycleId.close'
import { action as editAction, loader as editLoader } from '~/routes/admin.cycles.$cycleId.edit'
import { loader as cycleLoader } from '~/routes/admin.cycles.$cycleId._index'
import { action as openAction, loader as openLoader } from '~/routes/admin.cycles.$cycleId.open'
import { action as participantsAction, loader as participantsLoader } from '~/routes/admin.cycles.$cycleId.participants'
import { loader as listLoader } from '~/routes/admin.cycles._index'
import { action as newAction, loader as newLoader } from '~/routes/admin.cycles.new'
import { useDemoData } from '../setup/demo-data'
import { actorFor } from '../factories'

const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const cookies = new Map<string, string>()
const ADMIN = 'admin@demo.nhs.uk'
const d = (iso: string) => new Date(`${iso}T00:00:00Z`)

async function cookieFor(email: string): Promise<string> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, (await createSession(user.id, 'vitest')).split(';')[0]!)
  }
  return cookies.get(email)!
}

type Fields = Record<string, string | string[]>

async function request(email: string | null, path: string, form?: Fields): Promise<Request> {
  const headers: Record<string, string> = email ? { Cookie: await cookieFor(email) } : {}
  if (!form) return new Request(`http://localhost${path}`, { headers })
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  })
}

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>

/** The handler's answer, returned or thrown: a Response, or data with its status. */
async function call(
  handler: Handler,
  req: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; location: string | null; body: any }> {
  let value: unknown
  try {
    value = await handler({ request: req, params, context })
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    value = thrown
  }
  if (value instanceof Response) return { status: value.status, location: value.headers.get('Location'), body: null }
  // `data()` from @remix-run/node: { type: 'DataWithResponseInit', data, init }
  if (
    value &&
    typeof value === 'object' &&
    'type' in value &&
    (value as { type: string }).type === 'DataWithResponseInit'
  ) {
    const wrapped = value as unknown as { data: unknown; init: { status?: number } | null }
    return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data }
  }
  return { status: 200, location: null, body: value }
}

const ids = { edition2019: '', edition2022: '', draftEdition: '' }

function cycleForm(overrides: Fields = {}): Fields {
  return {
    name: '2027/28',
    type: 'FULL_VALIDATION',
    editionId: ids.edition2022,
    'evidencePeriodStart.day': '1',
    'evidencePeriodStart.month': '4',
    'evidencePeriodStart.year': '2026',
    'evidencePeriodEnd.day': '31',
    'evidencePeriodEnd.month': '3',
    'evidencePeriodEnd.year': '2027',
    'opensAt.day': '1',
    'opensAt.month': '10',
    'opensAt.year': '2027',
    'submissionDeadline.day': '31',
    'submissionDeadline.month': '1',
    'submissionDeadline.year': '2028',
    'validationDeadline.day': '31',
    'validationDeadline.month': '3',
    'validationDeadline.year': '2028',
    minimumExpectedLevel: '2',
    ...overrides,
  }
}

const moduleForm = (name: string) => ({
  name,
  type: 'FULL_VALIDATION' as const,
  editionId: ids.edition2022,
  evidencePeriodStart: d('2026-04-01'),
  evidencePeriodEnd: d('2027-03-31'),
  opensAt: d('2027-10-01'),
  submissionDeadline: d('2028-01-31'),
  validationDeadline: d('2028-03-31'),
  minimumExpectedLevel: 2,
})

async function newDraft(name: string): Promise<string> {
  const result = await createCycle({ actor: await actorFor(ADMIN), form: moduleForm(name) })
  if (!result.ok) throw new Error(JSON.stringify(result))
  return result.cycleId
}

const versionOf = async (cycleId: string) =>
  (
    await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { updatedAt: true } })
  ).updatedAt.toISOString()
const orgId = async (odsCode: string) =>
  (await prisma.organisation.findUniqueOrThrow({ where: { odsCode }, select: { id: true } })).id

/** Field errors from a Conform reply. */
const errorsOf = (body: any): Record<string, string[]> => body?.result?.error ?? {}

beforeAll(async () => {
  await useDemoData()
  const editions = await prisma.frameworkEdition.findMany({ select: { id: true, code: true } })
  ids.edition2019 = editions.find((e) => e.code === '2019')!.id
  ids.edition2022 = editions.find((e) => e.code !== '2019')!.id
  await prisma.frameworkEdition.updateMany({ where: { id: ids.edition2022 }, data: { status: 'PUBLISHED' } })
  ids.draftEdition = (
    await prisma.frameworkEdition.create({
      data: { code: 'draft-2028', name: 'Draft 2028 edition', status: 'DRAFT' },
      select: { id: true },
    })
  ).id
}, 120_000)

describe('who may administer cycles', () => {
  const others = [
    'contributor@demo.nhs.uk',
    'lead@demo.nhs.uk',
    'sponsor@demo.nhs.uk',
    'validator@demo.nhs.uk',
    'regional.lead@demo.nhs.uk',
    'viewer@demo.nhs.uk',
  ]

  it('lets the national admin see the list, the form and a cycle', async () => {
    const list = await call(listLoader as Handler, await request(ADMIN, '/admin/cycles'))
    expect(list.status).toBe(200)
    expect(list.body.cycles.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['2026/27', '2021/22 baseline']),
    )
    const form = await call(newLoader as Handler, await request(ADMIN, '/admin/cycles/new'))
    // Only published editions are offered.
    expect(form.body.editions.map((e: { id: string }) => e.id).sort()).toEqual(
      [ids.edition2019, ids.edition2022].sort(),
    )
  })

  it.each(others)('refuses %s every page and every change with 403', async (email) => {
    const cycleId = (await prisma.cycle.findFirstOrThrow({ where: { name: '2026/27' }, select: { id: true } })).id
    const params = { cycleId }
    const before = await prisma.cycle.count()
    const answers = [
      await call(listLoader as Handler, await request(email, '/admin/cycles')),
      await call(newLoader as Handler, await request(email, '/admin/cycles/new')),
      await call(
        newAction as Handler,
        await request(email, '/admin/cycles/new', cycleForm({ name: `Forged ${email}` })),
      ),
      await call(cycleLoader as Handler, await request(email, `/admin/cycles/${cycleId}`), params),
      await call(editLoader as Handler, await request(email, `/admin/cycles/${cycleId}/edit`), params),
      await call(
        editAction as Handler,
        await request(email, `/admin/cycles/${cycleId}/edit`, cycleForm({ updatedAt: await versionOf(cycleId) })),
        params,
      ),
      await call(participantsLoader as Handler, await request(email, `/admin/cycles/${cycleId}/participants`), params),
      await call(
        participantsAction as Handler,
        await request(email, `/admin/cycles/${cycleId}/participants`, {
          scope: 'ALL',
          updatedAt: await versionOf(cycleId),
        }),
        params,
      ),
      await call(openLoader as Handler, await request(email, `/admin/cycles/${cycleId}/open`), params),
      await call(
        openAction as Handler,
        await request(email, `/admin/cycles/${cycleId}/open`, { updatedAt: await versionOf(cycleId) }),
        params,
      ),
      await call(
        closeAction as Handler,
        await request(email, `/admin/cycles/${cycleId}/close`, { updatedAt: await versionOf(cycleId) }),
        params,
      ),
    ]
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 403))
    expect(await prisma.cycle.count()).toBe(before)
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { status: true } })).status).toBe(
      'OPEN',
    )
  })

  it('sends a signed-out visitor to sign in and back', async () => {
    const answer = await call(listLoader as Handler, await request(null, '/admin/cycles'))
    expect(answer.status).toBe(302)
    expect(answer.location).toBe('/sign-in?redirectTo=%2Fadmin%2Fcycles')
    const post = await call(
      newAction as Handler,
      await request(null, '/admin/cycles/new', cycleForm({ name: 'Signed out' })),
    )
    expect(post.status).toBe(302)
    expect(await prisma.cycle.count({ where: { name: 'Signed out' } })).toBe(0)
  })
})

describe('creating a cycle', () => {
  async function rejected(overrides: Fields) {
    const before = await prisma.cycle.count()
    const answer = await call(
      newAction as Handler,
      await request(ADMIN, '/admin/cycles/new', cycleForm({ name: 'Rejected', ...overrides })),
    )
    expect(answer.status).toBe(400)
    expect(await prisma.cycle.count()).toBe(before)
    return answer
  }

  it('saves a draft from the form and records it', async () => {
    const answer = await call(
      newAction as Handler,
      await request(ADMIN, '/admin/cycles/new', cycleForm({ name: 'Created 2030/31', minimumExpectedLevel: '' })),
    )
    expect(answer.status).toBe(302)
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { name: 'Created 2030/31' } })
    expect(answer.location).toBe(`/admin/cycles/${cycle.id}`)
    expect(cycle).toMatchObject({
      status: 'DRAFT',
      type: 'FULL_VALIDATION',
      editionId: ids.edition2022,
      minimumExpectedLevel: null,
      allOrganisations: true,
    })
    expect(cycle.opensAt.toISOString()).toBe('2027-10-01T00:00:00.000Z')
    expect(cycle.validationDeadline.toISOString()).toBe('2028-03-31T00:00:00.000Z')
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'cycle.created', entityId: cycle.id } })
    expect(JSON.parse(audit.after!)).toMatchObject({ name: 'Created 2030/31', opensAt: '2027-10-01', status: 'DRAFT' })
  })

  it('names each missing field, and keeps what was typed', async () => {
    const answer = await rejected({
      name: '',
      type: '',
      editionId: '',
      'opensAt.day': '',
      'opensAt.month': '',
      'opensAt.year': '',
      'submissionDeadline.month': '',
    })
    const errors = errorsOf(answer.body)
    expect(errors.name).toEqual(['Enter a name for the cycle'])
    expect(errors.type).toEqual(['Select the type of cycle'])
    expect(errors.editionId).toEqual(['Select a framework edition'])
    expect(errors.opensAt).toEqual(['Enter the date the cycle opens'])
    expect(errors.submissionDeadline).toEqual(['Submission deadline must include a month'])
    expect(answer.body.result.initialValue).toMatchObject({
      evidencePeriodStart: { day: '1', month: '4', year: '2026' },
      minimumExpectedLevel: '2',
    })
  })

  it('refuses a date that does not exist', async () => {
    const answer = await rejected({ 'evidencePeriodEnd.day': '31', 'evidencePeriodEnd.month': '2' })
    expect(errorsOf(answer.body).evidencePeriodEnd).toEqual(['Date the evidence period ends must be a real date'])
  })

  it('needs the evidence period to end after it starts', async () => {
    const answer = await rejected({
      'evidencePeriodEnd.year': '2026',
      'evidencePeriodEnd.month': '4',
      'evidencePeriodEnd.day': '1',
    })
    expect(errorsOf(answer.body).evidencePeriodEnd).toEqual(['The evidence period must end after it starts'])
  })

  it('needs the submission deadline after the open date', async () => {
    const answer = await rejected({
      'submissionDeadline.day': '30',
      'submissionDeadline.month': '9',
      'submissionDeadline.year': '2027',
    })
    expect(errorsOf(answer.body).submissionDeadline).toEqual([
      'The submission deadline must be after the date the cycle opens',
    ])
  })

  it('needs the validation deadline after the submission deadline', async () => {
    const answer = await rejected({
      'validationDeadline.day': '31',
      'validationDeadline.month': '1',
      'validationDeadline.year': '2028',
    })
    expect(errorsOf(answer.body).validationDeadline).toEqual([
      'The validation deadline must be after the submission deadline',
    ])
  })

  it('checks the date order on the server too', async () => {
    const result = await createCycle({
      actor: await actorFor(ADMIN),
      form: { ...moduleForm('Server order'), validationDeadline: d('2028-01-01') },
    })
    expect(result).toEqual({
      ok: false,
      kind: 'invalid',
      fieldErrors: { validationDeadline: ['The validation deadline must be after the submission deadline'] },
    })
  })

  it('refuses a name another cycle has, whatever its case', async () => {
    const answer = await rejected({ name: '2026/27' })
    expect(errorsOf(answer.body).name).toEqual(['There is already a cycle called 2026/27'])
    const shouted = await createCycle({ actor: await actorFor(ADMIN), form: moduleForm('2021/22 BASELINE') })
    expect(shouted).toMatchObject({
      ok: false,
      fieldErrors: { name: ['There is already a cycle called 2021/22 BASELINE'] },
    })
  })

  it('refuses an edition that is not published, and a level out of range', async () => {
    const answer = await rejected({ editionId: ids.draftEdition, minimumExpectedLevel: '5' })
    expect(errorsOf(answer.body).minimumExpectedLevel).toEqual(['Select a minimum expected level from the list'])
    const draft = await rejected({ editionId: ids.draftEdition })
    expect(errorsOf(draft.body).editionId).toEqual(['Select a published framework edition'])
  })
})

describe('changing a cycle', () => {
  it('tells the second of two admins that the first has saved, and keeps the first one’s change', async () => {
    const cycleId = await newDraft('Concurrent 2031/32')
    const seen = await versionOf(cycleId)
    const params = { cycleId }
    const loaded = await call(editLoader as Handler, await request(ADMIN, `/admin/cycles/${cycleId}/edit`), params)
    expect(loaded.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const first = await call(
      editAction as Handler,
      await request(
        ADMIN,
        `/admin/cycles/${cycleId}/edit`,
        cycleForm({ name: 'Concurrent 2031/32', updatedAt: seen, 'validationDeadline.day': '30' }),
      ),
      params,
    )
    expect(first.status).toBe(302)
    const second = await call(
      editAction as Handler,
      await request(
        ADMIN,
        `/admin/cycles/${cycleId}/edit`,
        cycleForm({ name: 'Concurrent renamed', updatedAt: seen, minimumExpectedLevel: '4' }),
      ),
      params,
    )
    expect(second.status).toBe(409)
    expect(second.body.result.error['']).toEqual([
      'Someone else changed this cycle while you were editing it. Check their changes below, then save again to replace them with yours.',
    ])
    expect(second.body.conflict.validationDeadline.toISOString()).toBe('2028-03-30T00:00:00.000Z')
    expect(second.body.result.initialValue.name).toBe('Concurrent renamed')
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })
    expect(cycle).toMatchObject({ name: 'Concurrent 2031/32', minimumExpectedLevel: 2 })
    // Having seen their change, saving again against it replaces it.
    const third = await call(
      editAction as Handler,
      await request(
        ADMIN,
        `/admin/cycles/${cycleId}/edit`,
        cycleForm({
          name: 'Concurrent renamed',
          updatedAt: second.body.conflict.updatedAt.toISOString(),
          minimumExpectedLevel: '4',
        }),
      ),
      params,
    )
    expect(third.status).toBe(302)
    expect(
      await prisma.cycle.findUniqueOrThrow({
        where: { id: cycleId },
        select: { name: true, minimumExpectedLevel: true },
      }),
    ).toEqual({ name: 'Concurrent renamed', minimumExpectedLevel: 4 })
  })

  it('fixes the edition once the cycle is open, but lets its dates change and records them', async () => {
    const actor = await actorFor(ADMIN)
    const cycleId = await newDraft('Locked 2032/33')
    // While a draft the edition can change.
    const draftChange = await updateCycle({
      actor,
      cycleId,
      form: { ...moduleForm('Locked 2032/33'), editionId: ids.edition2019, updatedAt: await versionOf(cycleId) },
    })
    expect(draftChange).toEqual({ ok: true })
    expect(await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })).toMatchObject({ ok: true })
    const changeEdition = await updateCycle({
      actor,
      cycleId,
      form: { ...moduleForm('Locked 2032/33'), editionId: ids.edition2022, updatedAt: await versionOf(cycleId) },
    })
    expect(changeEdition).toEqual({
      ok: false,
      kind: 'invalid',
      fieldErrors: { editionId: ['The framework edition cannot change once the cycle has opened'] },
    })
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).editionId).toBe(ids.edition2019)

    // The form no longer sends an edition; the deadline moves and the audit log says from what to what.
    const params = { cycleId }
    const { editionId: _omit, ...withoutEdition } = cycleForm({
      name: 'Locked 2032/33',
      'submissionDeadline.day': '14',
      'submissionDeadline.month': '2',
      updatedAt: await versionOf(cycleId),
    })
    const saved = await call(
      editAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/edit`, withoutEdition),
      params,
    )
    expect(saved.status).toBe(302)
    const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })
    expect(cycle.editionId).toBe(ids.edition2019)
    expect(cycle.submissionDeadline.toISOString()).toBe('2028-02-14T00:00:00.000Z')
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'cycle.updated', entityId: cycleId },
      orderBy: { at: 'desc' },
    })
    expect(JSON.parse(audit.before!)).toEqual({
      name: 'Locked 2032/33',
      submissionDeadline: '2028-01-31',
      status: 'OPEN',
    })
    expect(JSON.parse(audit.after!)).toEqual({ name: 'Locked 2032/33', submissionDeadline: '2028-02-14' })
  })
})

describe('opening a cycle', () => {
  it('creates one not-started submission per served organisation, with references and regions, and reports the rest', async () => {
    const cycleId = await newDraft('2027/28')
    const params = { cycleId }
    const preview = await call(openLoader as Handler, await request(ADMIN, `/admin/cycles/${cycleId}/open`), params)
    expect(preview.body.taking).toHaveLength(11)
    expect(preview.body.cannotTakePart.map((c: { odsCode: string }) => c.odsCode).sort()).toEqual(['RDH', 'RFN'])

    const answer = await call(
      openAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/open`, { updatedAt: await versionOf(cycleId) }),
      params,
    )
    expect(answer.status).toBe(302)
    expect(answer.location).toBe(`/admin/cycles/${cycleId}`)
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe('OPEN')

    const submissions = await prisma.submission.findMany({
      where: { cycleId },
      orderBy: { reference: 'asc' },
      select: {
        reference: true,
        status: true,
        regionId: true,
        libraryService: { select: { name: true } },
        organisation: { select: { odsCode: true, regionId: true } },
      },
    })
    expect(submissions.map((s) => s.reference)).toEqual([
      'LKS-2728-QAF',
      'LKS-2728-RKQ',
      'LKS-2728-RPM',
      'LKS-2728-RQX',
      'LKS-2728-RSV',
      'LKS-2728-RTH',
      'LKS-2728-RTM',
      'LKS-2728-RWK',
      'LKS-2728-RWV',
      'LKS-2728-RXV',
      'LKS-2728-RYV',
    ])
    expect(submissions.every((s) => s.status === 'NOT_STARTED' && s.regionId === s.organisation.regionId)).toBe(true)
    expect(submissions.find((s) => s.organisation.odsCode === 'RQX')!.libraryService.name).toBe(
      'Tamar Health Libraries',
    )
    expect(submissions.find((s) => s.organisation.odsCode === 'RWK')!.libraryService.name).toBe(
      'Thameside Healthcare Library',
    )
    expect(
      await prisma.auditEvent.count({
        where: {
          action: 'submission.created',
          submissionId: {
            in: (await prisma.submission.findMany({ where: { cycleId }, select: { id: true } })).map((s) => s.id),
          },
        },
      }),
    ).toBe(11)
    const opened = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'cycle.opened', entityId: cycleId } })
    expect(JSON.parse(opened.after!)).toMatchObject({
      status: 'OPEN',
      submissionsCreated: 11,
      cannotTakePart: [
        { odsCode: 'RFN', reason: 'NO_SERVICE' },
        { odsCode: 'RDH', reason: 'NO_SERVICE' },
      ],
    })
  })

  it('uses the service that serves the organisation now, and skips inactive organisations and services', async () => {
    const actor = await actorFor(ADMIN)
    // RQX moves from Tamar to a new service; the Severn and Arden service closes; RYV closes.
    const newService = await prisma.libraryService.create({
      data: { name: 'Exe Valley Knowledge Service' },
      select: { id: true },
    })
    const tamar = await prisma.libraryService.findUniqueOrThrow({
      where: { name: 'Tamar Health Libraries' },
      select: { id: true },
    })
    await prisma.serviceOrganisation.update({
      where: { libraryServiceId_organisationId: { libraryServiceId: tamar.id, organisationId: await orgId('RQX') } },
      data: { servesTo: d('2025-03-31') },
    })
    await prisma.serviceOrganisation.create({
      data: { libraryServiceId: newService.id, organisationId: await orgId('RQX'), servesFrom: d('2025-04-01') },
    })
    await prisma.libraryService.update({
      where: { name: 'Severn and Arden Knowledge Service' },
      data: { active: false },
    })
    await prisma.organisation.update({ where: { odsCode: 'RYV' }, data: { activeTo: d('2025-01-01') } })
    try {
      const cycleId = await newDraft('Handover 2035/36')
      const result = await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })
      if (!result.ok) throw new Error(JSON.stringify(result))
      expect(result.created).toBe(8)
      expect(result.cannotTakePart.map((c) => `${c.odsCode}:${c.reason}`).sort()).toEqual([
        'QAF:NO_SERVICE',
        'RDH:NO_SERVICE',
        'RFN:NO_SERVICE',
        'RSV:NO_SERVICE',
      ])
      const rqx = await prisma.submission.findFirstOrThrow({
        where: { cycleId, organisation: { odsCode: 'RQX' } },
        select: { libraryServiceId: true },
      })
      expect(rqx.libraryServiceId).toBe(newService.id)
      expect(await prisma.submission.count({ where: { cycleId, organisation: { odsCode: 'RYV' } } })).toBe(0)
    } finally {
      await prisma.organisation.update({ where: { odsCode: 'RYV' }, data: { activeTo: null } })
      await prisma.libraryService.update({
        where: { name: 'Severn and Arden Knowledge Service' },
        data: { active: true },
      })
      await prisma.serviceOrganisation.update({
        where: { libraryServiceId_organisationId: { libraryServiceId: tamar.id, organisationId: await orgId('RQX') } },
        data: { servesTo: null },
      })
      await prisma.serviceOrganisation.delete({
        where: {
          libraryServiceId_organisationId: { libraryServiceId: newService.id, organisationId: await orgId('RQX') },
        },
      })
    }
  })

  it('gives a cycle whose code is taken the next free code, and a name without digits a code of letters', async () => {
    const actor = await actorFor(ADMIN)
    const openWith = async (cycleId: string, odsCode: string) => {
      await saveParticipants({
        actor,
        cycleId,
        form: { scope: 'SELECTED', organisationIds: [await orgId(odsCode)], updatedAt: await versionOf(cycleId) },
      })
      await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })
      return (await prisma.submission.findMany({ where: { cycleId }, select: { reference: true } })).map(
        (s) => s.reference,
      )
    }
    // The code 4243 is taken by a cycle of this test's own, opened first.
    expect(await openWith(await newDraft('2042/43'), 'RXV')).toEqual(['LKS-4243-RXV'])
    expect(await openWith(await newDraft('2042/43 pilot'), 'RXV')).toEqual(['LKS-4243B-RXV'])
    expect(await openWith(await newDraft('Pilot'), 'RTH')).toEqual(['LKS-PILOT-RTH'])
  })

  it('changes nothing when the cycle was changed since the page was shown, or is already open', async () => {
    const actor = await actorFor(ADMIN)
    const cycleId = await newDraft('Stale 2036/37')
    const stale = await versionOf(cycleId)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await updateCycle({
      actor,
      cycleId,
      form: { ...moduleForm('Stale 2036/37'), minimumExpectedLevel: 3, updatedAt: stale },
    })
    const answer = await call(
      openAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/open`, { updatedAt: stale }),
      { cycleId },
    )
    expect(answer.status).toBe(409)
    expect(answer.body.error).toBe(
      'Someone else changed this cycle since you opened this page. Check who will take part below, then open the cycle again.',
    )
    expect(await prisma.submission.count({ where: { cycleId } })).toBe(0)
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe('DRAFT')
    expect(await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })).toMatchObject({
      ok: true,
      created: 11,
    })
    expect(await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })).toEqual({
      ok: false,
      kind: 'refused',
      message: 'This cycle is already open.',
    })
    expect(await prisma.submission.count({ where: { cycleId } })).toBe(11)
  })

  it('refuses to open a cycle nobody can take part in', async () => {
    const actor = await actorFor(ADMIN)
    const cycleId = await newDraft('Empty 2037/38')
    await saveParticipants({
      actor,
      cycleId,
      form: { scope: 'SELECTED', organisationIds: [await orgId('RDH')], updatedAt: await versionOf(cycleId) },
    })
    const result = await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })
    expect(result).toMatchObject({ ok: false, kind: 'refused' })
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe('DRAFT')
  })
})

describe('organisations taking part', () => {
  it('saves a selection from the form, and only the chosen organisations get submissions', async () => {
    const cycleId = await newDraft('Selected 2038/39')
    const params = { cycleId }
    const page = await call(
      participantsLoader as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/participants`),
      params,
    )
    expect(page.body.regions.map((r: { name: string }) => r.name)).toEqual([
      'East of England',
      'London',
      'Midlands',
      'North East and Yorkshire',
      'North West',
      'South East',
      'South West',
    ])

    const empty = await call(
      participantsAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/participants`, {
        scope: 'SELECTED',
        updatedAt: await versionOf(cycleId),
      }),
      params,
    )
    expect(empty.status).toBe(400)
    expect(empty.body.errors.organisationIds).toBe(
      'Select at least one organisation, or choose all active organisations',
    )
    expect(empty.body.scope).toBe('SELECTED')

    const chosen = [await orgId('RXV'), await orgId('RDH')]
    const saved = await call(
      participantsAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/participants`, {
        scope: 'SELECTED',
        organisationIds: chosen,
        updatedAt: await versionOf(cycleId),
      }),
      params,
    )
    expect(saved.status).toBe(302)
    const cycle = await prisma.cycle.findUniqueOrThrow({
      where: { id: cycleId },
      select: { allOrganisations: true, participants: { select: { organisationId: true } } },
    })
    expect(cycle.allOrganisations).toBe(false)
    expect(cycle.participants.map((p) => p.organisationId).sort()).toEqual([...chosen].sort())
    expect(await prisma.submission.count({ where: { cycleId } })).toBe(0)

    // A single box ticked arrives as one value, not a list.
    const one = await call(
      participantsAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/participants`, {
        scope: 'SELECTED',
        organisationIds: chosen[0]!,
        updatedAt: await versionOf(cycleId),
      }),
      params,
    )
    expect(one.status).toBe(302)
    await call(
      participantsAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/participants`, {
        scope: 'SELECTED',
        organisationIds: chosen,
        updatedAt: await versionOf(cycleId),
      }),
      params,
    )

    const result = await openCycle({ actor: await actorFor(ADMIN), cycleId, updatedAt: await versionOf(cycleId) })
    expect(result).toMatchObject({
      ok: true,
      created: 1,
      cannotTakePart: [
        { odsCode: 'RDH', reason: 'NO_SERVICE', message: 'cannot take part: no library service serves it' },
      ],
    })
    expect(
      (await prisma.submission.findMany({ where: { cycleId }, select: { reference: true } })).map((s) => s.reference),
    ).toEqual(['LKS-3839-RXV'])
  })

  it('refuses an organisation that is not on the list, and a stale page', async () => {
    const actor = await actorFor(ADMIN)
    const cycleId = await newDraft('Forged 2039/40')
    const forged = await saveParticipants({
      actor,
      cycleId,
      form: { scope: 'SELECTED', organisationIds: ['not-an-organisation'], updatedAt: await versionOf(cycleId) },
    })
    expect(forged).toEqual({
      ok: false,
      kind: 'invalid',
      fieldErrors: { organisationIds: ['Select organisations from the list'] },
    })
    const stale = await saveParticipants({
      actor,
      cycleId,
      form: { scope: 'SELECTED', organisationIds: [await orgId('RXV')], updatedAt: '2020-01-01T00:00:00.000Z' },
    })
    expect(stale).toMatchObject({ ok: false, kind: 'conflict' })
    expect(await prisma.cycleParticipant.count({ where: { cycleId } })).toBe(0)
  })

  it('while open, gives an added organisation its submission, removes a not-started one and refuses a started one', async () => {
    const actor = await actorFor(ADMIN)
    const cycleId = await newDraft('Open changes 2040/41')
    const [rxv, rwv, rth] = [await orgId('RXV'), await orgId('RWV'), await orgId('RTH')]
    await saveParticipants({
      actor,
      cycleId,
      form: { scope: 'SELECTED', organisationIds: [rxv, rwv], updatedAt: await versionOf(cycleId) },
    })
    await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })

    const added = await call(
      participantsAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/participants`, {
        scope: 'SELECTED',
        organisationIds: [rxv, rwv, rth],
        updatedAt: await versionOf(cycleId),
      }),
      { cycleId },
    )
    expect(added.status).toBe(302)
    const rthSubmission = await prisma.submission.findFirstOrThrow({
      where: { cycleId, organisationId: rth },
      select: { id: true, reference: true, status: true },
    })
    expect(rthSubmission).toMatchObject({ reference: 'LKS-4041-RTH', status: 'NOT_STARTED' })
    expect(
      await prisma.auditEvent.count({ where: { action: 'submission.created', submissionId: rthSubmission.id } }),
    ).toBe(1)

    // RXV's service starts work: it can no longer be removed, and nothing else changes either.
    await prisma.submission.updateMany({
      where: { cycleId, organisationId: rxv },
      data: { status: 'IN_PROGRESS', startedAt: new Date() },
    })
    const refused = await saveParticipants({
      actor,
      cycleId,
      form: { scope: 'SELECTED', organisationIds: [rth], updatedAt: await versionOf(cycleId) },
    })
    expect(refused).toEqual({
      ok: false,
      kind: 'refused',
      message:
        'Ribble Valley Teaching Hospitals NHS Foundation Trust cannot be removed: its library service has started the submission.',
    })
    expect(await prisma.submission.count({ where: { cycleId } })).toBe(3)
    expect(await prisma.cycleParticipant.count({ where: { cycleId } })).toBe(3)

    const removed = await saveParticipants({
      actor,
      cycleId,
      form: { scope: 'SELECTED', organisationIds: [rxv, rth], updatedAt: await versionOf(cycleId) },
    })
    expect(removed).toMatchObject({ ok: true, added: 0, removed: 1 })
    expect(
      (
        await prisma.submission.findMany({
          where: { cycleId },
          orderBy: { reference: 'asc' },
          select: { reference: true },
        })
      ).map((s) => s.reference),
    ).toEqual(['LKS-4041-RTH', 'LKS-4041-RXV'])
    expect(
      await prisma.auditEvent.count({ where: { action: 'submission.removed', entityType: 'Submission' } }),
    ).toBeGreaterThanOrEqual(1)

    // Switching to every organisation adds the rest that a service serves.
    const all = await saveParticipants({
      actor,
      cycleId,
      form: { scope: 'ALL', organisationIds: [], updatedAt: await versionOf(cycleId) },
    })
    expect(all).toMatchObject({ ok: true, added: 9, removed: 0 })
    expect(await prisma.submission.count({ where: { cycleId } })).toBe(11)
  })
})

describe('closing a cycle', () => {
  it('closes an open cycle once, after which it cannot reopen or change who takes part', async () => {
    const actor = await actorFor(ADMIN)
    const cycleId = await newDraft('Closing 2041/42')
    expect(await closeCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })).toEqual({
      ok: false,
      kind: 'refused',
      message: 'Only an open cycle can be closed.',
    })
    await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })
    const answer = await call(
      closeAction as Handler,
      await request(ADMIN, `/admin/cycles/${cycleId}/close`, { updatedAt: await versionOf(cycleId) }),
      { cycleId },
    )
    expect(answer.status).toBe(302)
    expect((await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe('CLOSED')
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'cycle.closed', entityId: cycleId } })
    expect(JSON.parse(audit.after!)).toEqual({ name: 'Closing 2041/42', status: 'CLOSED', submissionsNotSubmitted: 11 })
    expect(await closeCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })).toEqual({
      ok: false,
      kind: 'refused',
      message: 'This cycle is already closed.',
    })
    expect(await openCycle({ actor, cycleId, updatedAt: await versionOf(cycleId) })).toEqual({
      ok: false,
      kind: 'refused',
      message: 'A closed cycle cannot be opened again.',
    })
    expect(
      await saveParticipants({
        actor,
        cycleId,
        form: { scope: 'ALL', organisationIds: [], updatedAt: await versionOf(cycleId) },
      }),
    ).toMatchObject({ ok: false, kind: 'refused' })
    // The open and close pages send the admin back to the cycle.
    expect(
      (await call(openLoader as Handler, await request(ADMIN, `/admin/cycles/${cycleId}/open`), { cycleId })).status,
    ).toBe(302)
  })
})
