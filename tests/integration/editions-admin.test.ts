// Framework editions admin (issue 7, item 1) through its routes, as a national admin's browser
// would use them, against a database seeded like `npm start`: copy "Second edition (2022)" into a
// draft, change it, publish it; wording fixes only once a cycle uses an edition; two admins saving
// the same version; JSON export, import and its errors; who may open each page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import { getOutcomeForEditing, listPublishedEditions, readEditionContent } from '~/modules/framework/editions.server'
import { action as editionAction, loader as editionLoader } from '~/routes/admin.editions.$code._index'
import { loader as exportLoader } from '~/routes/admin.editions.$code.export[.json]'
import { action as outcomeAction, loader as outcomeLoader } from '~/routes/admin.editions.$code.outcomes.$number'
import { loader as indexLoader } from '~/routes/admin.editions._index'
import { action as importAction, loader as importLoader } from '~/routes/admin.editions.import'
import { action as newAction, loader as newLoader } from '~/routes/admin.editions.new'
import { loader as frameworkEditionLoader } from '~/routes/framework.$editionCode._index'
import { loader as frameworkIndexLoader } from '~/routes/framework._index'
import { findSubmissionContext } from '~/modules/submissions/access.server'
import { getOutcomePage } from '~/modules/submissions/outcome.server'
import { useDemoData } from '../setup/demo-data'
import { actorFor, requestWithCookie } from '../factories'

const ADMIN = 'admin@demo.nhs.uk'
const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const cookies = new Map<string, string>()

async function cookieFor(email: string): Promise<string> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, await createSession(user.id, 'vitest'))
  }
  return cookies.get(email)!.split(';')[0]!
}

async function get(email: string | null, path: string): Promise<Request> {
  return email ? requestWithCookie(await cookieFor(email), path) : new Request(`http://localhost${path}`)
}

async function post(email: string | null, path: string, body: FormData): Promise<Request> {
  const headers = email ? { Cookie: await cookieFor(email) } : undefined
  return new Request(`http://localhost${path}`, { method: 'POST', body, headers })
}

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

/** The answer as a Response, returned or thrown; `data()` results become their status and body. */
async function call(
  handler: unknown,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; location: string | null; body: any }> {
  try {
    const result = await (handler as Handler)({ request, params, context } as never)
    if (result instanceof Response)
      return { status: result.status, location: result.headers.get('Location'), body: result }
    if (
      result &&
      typeof result === 'object' &&
      'type' in result &&
      (result as { type: string }).type === 'DataWithResponseInit'
    ) {
      const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null }
      return { status: init?.status ?? 200, location: null, body: data }
    }
    return { status: 200, location: null, body: result }
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get('Location'), body: thrown }
    throw thrown
  }
}

function form(values: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.append(key, value)
  return data
}

async function copy(from: string, code: string, name = `${code} edition`) {
  return call(
    newAction,
    await post(
      ADMIN,
      `/admin/editions/new?from=${from}`,
      form({ from, code, name, description: `Copied from ${from}` }),
    ),
    {},
  )
}

/**
 * A draft of the test's own, copied from the 2022 edition. Each test that changes or publishes a
 * draft makes one, so it never depends on what another test did to a shared draft, nor on its order.
 */
async function draft(code: string): Promise<string> {
  const response = await copy('2022', code)
  expect(response.status).toBe(302)
  return code
}

type Editing = NonNullable<Awaited<ReturnType<typeof getOutcomeForEditing>>>

/** The outcome page's form as the browser would post it unchanged; `change` edits the fields. */
async function outcomeForm(
  code: string,
  number: number,
  change: (fields: Map<string, string>, outcome: Editing['outcome']) => void = () => {},
) {
  const found = (await getOutcomeForEditing(await actorFor(ADMIN), code, number))!
  const { outcome } = found
  const fields = new Map<string, string>([
    ['editionVersion', found.version],
    ['shortTitle', outcome.shortTitle],
    ['statement', outcome.statement],
    ['scope', outcome.scope],
    ['whyItMatters', outcome.whyItMatters],
    ['keyQuestions', outcome.keyQuestions],
  ])
  outcome.levels.forEach((level, l) => {
    fields.set(`levels[${l}].level`, String(level.level))
    fields.set(`levels[${l}].summary`, level.summary)
    level.indicators.forEach((indicator, i) => {
      fields.set(`levels[${l}].indicators[${i}].id`, indicator.id)
      fields.set(`levels[${l}].indicators[${i}].text`, indicator.text)
      if (found.mode === 'full') fields.set(`levels[${l}].indicators[${i}].position`, String(i + 1))
    })
  })
  outcome.suggestedEvidence.forEach((item, i) => {
    fields.set(`suggestedEvidence[${i}].id`, item.id)
    fields.set(`suggestedEvidence[${i}].text`, item.text)
  })
  change(fields, outcome)
  return form(Object.fromEntries(fields))
}

async function saveOutcome(code: string, number: number, body: FormData) {
  return call(outcomeAction, await post(ADMIN, `/admin/editions/${code}/outcomes/${number}`, body), {
    code,
    number: String(number),
  })
}

async function indicatorsOf(code: string, number: number, level: number) {
  return prisma.indicator.findMany({
    where: { level: { level, outcome: { number, edition: { code } } } },
    orderBy: { position: 'asc' },
    select: { id: true, code: true, position: true, text: true },
  })
}

const formErrors = (body: any): string[] => Object.values(body.result?.error ?? {}).flat() as string[]

beforeAll(async () => {
  await useDemoData()
})

describe('copying an edition', () => {
  it('makes a draft deep copy of every outcome, level, indicator and suggested evidence, with an audit event', async () => {
    const response = await copy('2022', '2026', '2026 edition')
    expect(response.status).toBe(302)
    expect(response.location).toBe('/admin/editions/2026')

    const [source, copied] = await Promise.all(
      ['2022', '2026'].map((code) =>
        prisma.frameworkEdition.findUniqueOrThrow({
          where: { code },
          select: { id: true, status: true, basedOnId: true, publishedAt: true, name: true },
        }),
      ),
    )
    expect(copied).toMatchObject({ status: 'DRAFT', basedOnId: source!.id, publishedAt: null, name: '2026 edition' })
    const admin = await actorFor(ADMIN)
    const [from, to] = await Promise.all([readEditionContent(admin, '2022'), readEditionContent(admin, '2026')])
    expect(to!.outcomes).toEqual(from!.outcomes)
    expect(to!.outcomes).toHaveLength(6)
    const ids = await prisma.indicator.findMany({
      where: { outcome: { editionId: { in: [source!.id, copied!.id] } } },
      select: { id: true },
    })
    expect(new Set(ids.map((i) => i.id)).size).toBe(ids.length)

    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'framework_edition.copied', entityId: copied!.id },
      select: { after: true, actorId: true },
    })
    expect(JSON.parse(audit.after!)).toMatchObject({ code: '2026', copiedFrom: '2022', status: 'DRAFT' })
    expect(audit.actorId).toBe(admin.id)
  })

  it('refuses a code that is taken, reserved or badly formed, keeping what was typed', async () => {
    const editions = await prisma.frameworkEdition.count()
    const taken = await copy('2022', '2019', 'Another')
    expect(taken.status).toBe(400)
    expect(formErrors(taken.body)).toEqual(['An edition with the code 2019 already exists. Choose another code'])
    expect(taken.body.result.initialValue).toMatchObject({ code: '2019', name: 'Another' })
    expect(formErrors((await copy('2022', 'new')).body)).toEqual([
      'Choose another code: "new" and "import" are used by the portal',
    ])
    expect(formErrors((await copy('2022', '2026 draft')).body)).toEqual([
      'Code must start with a letter or number and use only letters, numbers and hyphens, like 2026',
    ])
    const empty = await call(
      newAction,
      await post(ADMIN, '/admin/editions/new', form({ from: '2022', code: '', name: '' })),
    )
    expect(formErrors(empty.body).sort()).toEqual([
      'Enter a code for the new edition, like 2026',
      'Enter a name for the new edition, like 2026 edition',
    ])
    expect(await prisma.frameworkEdition.count()).toBe(editions)
  })
})

describe('editing a draft', () => {
  it('changes text, removes, adds and reorders indicators with consistent codes, and audits the change', async () => {
    const code = await draft('edit-indicators')
    const before = await indicatorsOf(code, 2, 3)
    expect(before.length).toBeGreaterThanOrEqual(3)
    const body = await outcomeForm(code, 2, (f) => {
      f.set('shortTitle', 'Evidence for decisions')
      f.set('levels[2].indicators[0].remove', 'yes')
      f.set('levels[2].indicators[1].text', 'Reworded indicator')
      f.set('levels[2].indicators[1].position', '9')
      f.set('levels[2].newIndicator', 'A brand new indicator')
      f.set('newSuggestedEvidence', 'Minutes of the evidence group')
    })
    const response = await saveOutcome(code, 2, body)
    expect(response.status).toBe(302)

    const after = await indicatorsOf(code, 2, 3)
    const expectedOrder = [...before.slice(2).map((i) => i.text), 'Reworded indicator', 'A brand new indicator']
    expect(after.map((i) => i.text)).toEqual(expectedOrder)
    expect(after.map((i) => i.code)).toEqual(expectedOrder.map((_, i) => `2.3.${i + 1}`))
    expect(after.map((i) => i.position)).toEqual(expectedOrder.map((_, i) => i + 1))
    expect(after.find((i) => i.id === before[0]!.id)).toBeUndefined()
    expect(after.find((i) => i.text === 'Reworded indicator')!.id).toBe(before[1]!.id)

    const outcome = await prisma.outcome.findFirstOrThrow({
      where: { number: 2, edition: { code: code } },
      select: {
        id: true,
        shortTitle: true,
        suggestedEvidence: { orderBy: { position: 'asc' }, select: { text: true } },
      },
    })
    expect(outcome.shortTitle).toBe('Evidence for decisions')
    expect(outcome.suggestedEvidence.at(-1)!.text).toBe('Minutes of the evidence group')
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'framework_outcome.updated', entityId: outcome.id },
      select: { before: true, after: true },
    })
    const [was, now] = [JSON.parse(audit.before!), JSON.parse(audit.after!)]
    expect(now.shortTitle).toBe('Evidence for decisions')
    expect(was['level 3 indicators']).toEqual(before.map((i) => `${i.code} ${i.text}`))
    expect(now['level 3 indicators']).toEqual(after.map((i) => `${i.code} ${i.text}`))
  })

  it('shows every problem on the page and keeps what was typed', async () => {
    const code = await draft('edit-problems')
    const body = await outcomeForm(code, 1, (f) => {
      f.set('statement', '')
      f.set('levels[0].indicators[1].text', '')
      f.set('levels[1].indicators[0].position', 'second')
    })
    const response = await saveOutcome(code, 1, body)
    expect(response.status).toBe(400)
    expect(response.body.result.error).toMatchObject({
      statement: ['Enter the outcome statement'],
      'levels[0].indicators[1].text': ['Enter the text of indicator 1.1.2'],
      'levels[1].indicators[0].position': ['Enter the position as a whole number, like 2'],
    })
    expect(response.body.result.initialValue.levels[1].indicators[0].position).toBe('second')
  })

  it('tells the second of two admins saving the same version, and changes nothing for them', async () => {
    const code = await draft('edit-conflict')
    const first = await outcomeForm(code, 4, (f) => f.set('shortTitle', 'First admin'))
    const second = await outcomeForm(code, 4, (f) => f.set('shortTitle', 'Second admin'))
    expect((await saveOutcome(code, 4, first)).status).toBe(302)
    const conflict = await saveOutcome(code, 4, second)
    expect(conflict.status).toBe(409)
    expect(formErrors(conflict.body)[0]).toMatch(/^Someone else changed this edition while you were editing/)
    expect(conflict.body.result.initialValue.shortTitle).toBe('Second admin')
    const outcome = await prisma.outcome.findFirstOrThrow({
      where: { number: 4, edition: { code: code } },
      select: { shortTitle: true },
    })
    expect(outcome.shortTitle).toBe('First admin')
    // Saving again from the version the conflict reported replaces the other change, knowingly.
    second.set('editionVersion', conflict.body.conflict.version)
    expect((await saveOutcome(code, 4, second)).status).toBe(302)
    expect(
      (
        await prisma.outcome.findFirstOrThrow({
          where: { number: 4, edition: { code: code } },
          select: { shortTitle: true },
        })
      ).shortTitle,
    ).toBe('Second admin')
  })
})

describe('publishing', () => {
  it('lists what is missing, then publishes once every outcome has indicators on levels 1 to 4', async () => {
    const code = await draft('2027')
    const emptied = await outcomeForm(code, 5, (f, outcome) =>
      outcome.levels[3]!.indicators.forEach((_, i) => f.set(`levels[3].indicators[${i}].remove`, 'yes')),
    )
    expect((await saveOutcome(code, 5, emptied)).status).toBe(302)

    const page = await call(editionLoader, await get(ADMIN, `/admin/editions/${code}`), { code: code })
    expect(page.body.edition.problems).toEqual(['Outcome 5, level 4 has no indicators: add at least one'])
    const version = page.body.edition.version
    const refused = await call(
      editionAction,
      await post(ADMIN, `/admin/editions/${code}`, form({ intent: 'publish', editionVersion: version })),
      { code: code },
    )
    expect(refused.status).toBe(400)
    expect(refused.body.errors).toEqual(['Outcome 5, level 4 has no indicators: add at least one'])
    expect(
      (await prisma.frameworkEdition.findUniqueOrThrow({ where: { code: code }, select: { status: true } })).status,
    ).toBe('DRAFT')

    const refilled = await outcomeForm(code, 5, (f) =>
      f.set('levels[3].newIndicator', 'Impact data goes to the national evidence base'),
    )
    expect((await saveOutcome(code, 5, refilled)).status).toBe(302)
    const stale = await call(
      editionAction,
      await post(ADMIN, `/admin/editions/${code}`, form({ intent: 'publish', editionVersion: version })),
      { code: code },
    )
    expect(stale.status).toBe(409)

    const fresh = await call(editionLoader, await get(ADMIN, `/admin/editions/${code}`), { code: code })
    const published = await call(
      editionAction,
      await post(
        ADMIN,
        `/admin/editions/${code}`,
        form({ intent: 'publish', editionVersion: fresh.body.edition.version }),
      ),
      { code: code },
    )
    expect(published.status).toBe(302)
    const edition = await prisma.frameworkEdition.findUniqueOrThrow({
      where: { code: code },
      select: { id: true, status: true, publishedAt: true },
    })
    expect(edition.status).toBe('PUBLISHED')
    expect(edition.publishedAt).toBeInstanceOf(Date)
    expect(
      await prisma.auditEvent.count({ where: { action: 'framework_edition.published', entityId: edition.id } }),
    ).toBe(1)
    expect((await listPublishedEditions()).map((e) => e.code)).toEqual([code, '2022', '2019'])
  })
})

describe('an edition in use', () => {
  it('refuses adding, removing or reordering, and says why', async () => {
    const before = await indicatorsOf('2019', 1, 2)
    for (const change of [
      (f: Map<string, string>) => f.set('levels[1].newIndicator', 'Extra'),
      (f: Map<string, string>) => f.set('levels[1].indicators[0].remove', 'yes'),
      (f: Map<string, string>) => f.set('levels[1].indicators[0].position', '3'),
    ]) {
      const response = await saveOutcome('2019', 1, await outcomeForm('2019', 1, change))
      expect(response.status).toBe(400)
      expect(formErrors(response.body)).toEqual([
        'This edition is in use: you can only fix wording. Adding, removing or reordering indicators and suggested evidence is not allowed.',
      ])
    }
    expect(await indicatorsOf('2019', 1, 2)).toEqual(before)
    const page = await call(outcomeLoader, await get(ADMIN, '/admin/editions/2019/outcomes/1'), {
      code: '2019',
      number: '1',
    })
    expect(page.body.mode).toBe('wording')
  })

  it('takes a wording fix and records the text before and after', async () => {
    const before = await indicatorsOf('2019', 1, 2)
    // A submission of a cycle on this edition shows its indicators from the process's copy of the
    // edition (edition-content.server.ts): the fix must reach it at once.
    const admin = await actorFor(ADMIN)
    const submission = await prisma.submission.findFirstOrThrow({
      where: { cycle: { edition: { code: '2019' } } },
      select: { id: true },
    })
    const shown = async () => {
      const page = await getOutcomePage((await findSubmissionContext(admin, submission.id))!, 1)
      return page.indicators.find((i) => i.id === before[0]!.id)!.text
    }
    expect(await shown()).toBe(before[0]!.text)
    const response = await saveOutcome(
      '2019',
      1,
      await outcomeForm('2019', 1, (f) => f.set('levels[1].indicators[0].text', 'Corrected wording')),
    )
    expect(response.status).toBe(302)
    const after = await indicatorsOf('2019', 1, 2)
    expect(after[0]).toEqual({ ...before[0], text: 'Corrected wording' })
    expect(after.slice(1)).toEqual(before.slice(1))
    expect(await shown()).toBe('Corrected wording')
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'framework_outcome.wording_fixed' },
      select: { before: true, after: true },
    })
    expect(JSON.parse(audit.before!)).toEqual({ edition: '2019', outcome: 1, 'indicator 1.2.1': before[0]!.text })
    expect(JSON.parse(audit.after!)).toEqual({ edition: '2019', outcome: 1, 'indicator 1.2.1': 'Corrected wording' })
  })
})

describe('JSON export and import', () => {
  async function exportText(code: string) {
    const response = await call(exportLoader, await get(ADMIN, `/admin/editions/${code}/export.json`), { code })
    expect(response.status).toBe(200)
    const res = response.body as Response
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="framework-edition-${code}.json"`)
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
    return res.text()
  }

  async function importText(text: string, fileName = 'edition.json') {
    const body = new FormData()
    body.append('file', new File([text], fileName, { type: 'application/json' }))
    return call(importAction, await post(ADMIN, '/admin/editions/import', body))
  }

  it('round-trips: an exported edition imports as a draft with the same content', async () => {
    const text = await exportText('2022')
    const document = JSON.parse(text)
    expect(document).toMatchObject({ format: 'lks-quality-portal/framework-edition', version: 1, code: '2022' })
    const response = await importText(JSON.stringify({ ...document, code: '2022-copy', name: 'Imported' }))
    expect(response.status).toBe(302)
    expect(response.location).toBe('/admin/editions/2022-copy')
    const imported = JSON.parse(await exportText('2022-copy'))
    expect(imported).toEqual({ ...document, code: '2022-copy', name: 'Imported' })
    expect(
      (await prisma.frameworkEdition.findUniqueOrThrow({ where: { code: '2022-copy' }, select: { status: true } }))
        .status,
    ).toBe('DRAFT')
  })

  it('names each error by field and position, and imports nothing', async () => {
    const document = JSON.parse(await exportText('2022'))
    document.code = '2031'
    delete document.outcomes[2].scope
    document.outcomes[0].levels[1].indicators[0].weight = 3
    const added = document.outcomes[1].levels[0].indicators.push({ code: '', text: '' })
    document.outcomes[1].levels[0].indicators[added - 1].code = `2.1.${added}`
    document.outcomes[3].number = 'four'
    const response = await importText(JSON.stringify(document), 'broken.json')
    expect(response.status).toBe(400)
    expect(response.body.fieldError).toBe('broken.json has 4 errors. Correct the file and select it again')
    expect(response.body.errors.map((e: { text: string }) => e.text).sort()).toEqual([
      'outcomes[0].levels[1].indicators[0].weight (Outcome 1, level 2, indicator 1, weight): Remove this field: it is not part of the edition format',
      `outcomes[1].levels[0].indicators[${added - 1}].text (Outcome 2, level 1, indicator ${added}, text): Enter the indicator text`,
      'outcomes[2].scope (Outcome 3, scope): This field is missing',
      'outcomes[3].number (Outcome 4, number): Must be a number',
    ])
    expect(await prisma.frameworkEdition.findUnique({ where: { code: '2031' } })).toBeNull()
  })

  it('refuses a duplicate code, a file that is not JSON, an empty upload and a file over 1MB', async () => {
    const editions = await prisma.frameworkEdition.count()
    const duplicate = await importText(await exportText('2019'))
    expect(duplicate.status).toBe(400)
    expect(duplicate.body.fieldError).toBe(
      'code (Code): An edition with the code 2019 already exists. Choose another code, or change the code in the file',
    )
    const notJson = await importText('Outcome 1, level 1\n')
    expect(notJson.body.errors).toHaveLength(1)
    expect(notJson.body.errors[0].text).toMatch(/^The file is not valid JSON/)
    const empty = await importText('', '')
    expect(empty.body.fieldError).toBe('Select a JSON file')
    const large = await importText(' '.repeat(1024 * 1024 + 1), 'large.json')
    expect(large.body.fieldError).toBe('The selected file must be smaller than 1MB')
    const latin1 = new FormData()
    latin1.append('file', new File([new Uint8Array([0x7b, 0xe9, 0x7d])], 'latin1.json'))
    expect((await call(importAction, await post(ADMIN, '/admin/editions/import', latin1))).body.fieldError).toBe(
      'The selected file must be a JSON file saved as UTF-8 text',
    )
    expect(await prisma.frameworkEdition.count()).toBe(editions)
  })
})

describe('who may manage editions', () => {
  const pages: Array<[string, unknown, string, Record<string, string>]> = [
    ['index', indexLoader, '/admin/editions', {}],
    ['copy', newLoader, '/admin/editions/new?from=2022', {}],
    ['import', importLoader, '/admin/editions/import', {}],
    ['edition', editionLoader, '/admin/editions/2019', { code: '2019' }],
    ['outcome', outcomeLoader, '/admin/editions/2019/outcomes/1', { code: '2019', number: '1' }],
    ['export', exportLoader, '/admin/editions/2019/export.json', { code: '2019' }],
  ]
  const others = [
    'contributor@demo.nhs.uk',
    'lead@demo.nhs.uk',
    'sponsor@demo.nhs.uk',
    'validator@demo.nhs.uk',
    'regional.lead@demo.nhs.uk',
    'viewer@demo.nhs.uk',
  ]

  it.each(pages)('the %s page opens for a national admin only', async (_name, loader, path, params) => {
    expect((await call(loader, await get(ADMIN, path), params)).status).toBe(200)
    for (const email of others) expect((await call(loader, await get(email, path), params)).status, email).toBe(403)
    const signedOut = await call(loader, await get(null, path), params)
    expect(signedOut.status).toBe(302)
    expect(signedOut.location).toMatch(/^\/sign-in\?redirectTo=/)
  })

  it('refuses every change from anyone else, and from someone signed out', async () => {
    // A draft to attack, of this test's own.
    const target = await draft('refused-changes')
    const editions = await prisma.frameworkEdition.count()
    const attempts: Array<[unknown, string, () => FormData, Record<string, string>]> = [
      [newAction, '/admin/editions/new', () => form({ from: '2022', code: 'x1', name: 'X' }), {}],
      [
        editionAction,
        `/admin/editions/${target}`,
        () => form({ intent: 'publish', editionVersion: new Date().toISOString() }),
        { code: target },
      ],
      [
        outcomeAction,
        `/admin/editions/${target}/outcomes/1`,
        () => form({ shortTitle: 'Hacked' }),
        { code: target, number: '1' },
      ],
      [importAction, '/admin/editions/import', () => form({}), {}],
    ]
    for (const [action, path, body, params] of attempts) {
      for (const email of others)
        expect((await call(action, await post(email, path, body()), params)).status, `${email} ${path}`).toBe(403)
      expect((await call(action, await post(null, path, body()), params)).status).toBe(302)
    }
    expect(await prisma.frameworkEdition.count()).toBe(editions)
    expect(
      await prisma.frameworkEdition.findUniqueOrThrow({ where: { code: target }, select: { status: true } }),
    ).toEqual({ status: 'DRAFT' })
  })

  it('keeps drafts out of the framework browser for everyone but national admins', async () => {
    const hidden = await draft('hidden-draft')
    const contributor = await call(frameworkIndexLoader, await get('contributor@demo.nhs.uk', '/framework'))
    const published = (await listPublishedEditions()).map((e) => e.code)
    expect(published).toEqual(expect.arrayContaining(['2022', '2019']))
    expect(contributor.body.editions.map((e: { code: string }) => e.code)).toEqual(published)
    expect(published).not.toContain(hidden)
    expect(
      (
        await call(frameworkEditionLoader, await get('contributor@demo.nhs.uk', `/framework/${hidden}`), {
          editionCode: hidden,
        })
      ).status,
    ).toBe(404)
    const admin = await call(frameworkIndexLoader, await get(ADMIN, '/framework'))
    expect(admin.body.editions.map((e: { code: string }) => e.code)).toContain(hidden)
    expect(
      (await call(frameworkEditionLoader, await get(ADMIN, `/framework/${hidden}`), { editionCode: hidden })).status,
    ).toBe(200)
  })
})
