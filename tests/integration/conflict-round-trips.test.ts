// A conflict page's submits that do not save (issue 14, item 2): without JavaScript, "Add another
// post" and "Remove" post the whole form and the page comes back. On a conflict page it must come
// back as a conflict page: both people's values, the base and version it is merged against, the
// choices made so far and the text typed, so the next Save still asks (never overwrites the other
// person's change without a word). Through the pen portrait's route, and the outcome page's
// (whose "Remove" beside a linked evidence item is such a submit), against the demo data: Ribble
// Valley's open submission (LKS-2627-RXV).
import type { ActionFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import { loadSubmissionContext, type SubmissionContext } from '~/modules/submissions/access.server'
import { getPenPortrait, penPortraitBase, savePenPortrait } from '~/modules/submissions/pen-portrait.server'
import type { Actor } from '~/modules/auth/permissions'
import { action as penPortraitAction } from '~/routes/submissions.$submissionId.pen-portrait'
import { action as outcomeAction } from '~/routes/submissions.$submissionId.outcomes.$number._index'
import { getOutcomePage, linkEvidence } from '~/modules/submissions/outcome.server'
import { outcomeFieldValues } from '~/modules/submissions/outcome-fields'
import { listEvidenceForLinking } from '~/modules/evidence/evidence.server'
import { useDemoData } from '../setup/demo-data'
import { actorFor } from '../factories'

const context = { clientAddress: '192.0.2.45', cspNonce: 'test', requestId: 'test' }

let contributor: Actor
let ctx: SubmissionContext
let cookie: string
let contributorCookie: string
let contributorName: string
let lead: Actor

beforeAll(async () => {
  await useDemoData()
  lead = await actorFor('lead@demo.nhs.uk')
  contributor = await actorFor('contributor@demo.nhs.uk')
  contributorName = (await prisma.user.findUniqueOrThrow({ where: { id: contributor.id }, select: { name: true } }))
    .name
  const { id } = await prisma.submission.findUniqueOrThrow({
    where: { reference: 'LKS-2627-RXV' },
    select: { id: true },
  })
  ctx = await loadSubmissionContext(lead, id, 'submission:edit')
  cookie = (await createSession(lead.id, 'vitest', { secondFactorDone: true })).split(';')[0]!
  contributorCookie = (await createSession(contributor.id, 'vitest', { secondFactorDone: true })).split(';')[0]!
})

type Answer = { status: number; data: Record<string, unknown> | null; location: string | null }

/** Posts the pen portrait form (as a browser without JavaScript does) to the route's action. */
const post = (fields: [string, string][]) => postTo(penPortraitAction, 'pen-portrait', {}, fields)

async function postTo(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  params: Record<string, string>,
  fields: [string, string][],
  as = cookie,
): Promise<Answer> {
  const request = new Request(`http://localhost/submissions/${ctx.id}/${path}`, {
    method: 'POST',
    headers: { Cookie: as, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })
  const args = { request, params: { submissionId: ctx.id, ...params }, context } as unknown as ActionFunctionArgs
  let result: unknown
  try {
    result = await action(args)
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response) return { status: result.status, data: null, location: result.headers.get('Location') }
  const { data, init } = result as { data: Record<string, unknown>; init?: ResponseInit | null }
  return { status: init?.status ?? 200, data, location: null }
}

/** A form's values (as Conform takes them) as the fields a browser posts. */
function flatten(value: unknown, name = ''): [string, string][] {
  if (value === undefined || value === null) return []
  if (Array.isArray(value)) {
    // A list of plain values (the agreements) is posted under one name; a list of rows by index.
    if (value.every((v) => typeof v === 'string')) return value.map((v: string) => [name, v])
    return value.flatMap((v, i) => flatten(v, `${name}[${i}]`))
  }
  if (typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) => flatten(v, name ? `${name}.${key}` : key))
  return [[name, String(value)]]
}

type Conflict = {
  version: number
  base: string
  fields: { key: string; mine: string; theirs: string; draft?: string }[]
  choices: Record<string, string>
  unresolved: string[]
  updatedAt: string | null
  updatedByName: string | null
  byYou: boolean
  form: Record<string, unknown>
}

/** The form a conflict page renders, as it posts it (choices and merged text as given). */
function conflictPage(
  conflict: Conflict,
  changes: { choices?: Record<string, string>; text?: Record<string, string> },
) {
  const { version: _version, saveKey: _saveKey, base: _base, ...values } = conflict.form
  const fields = flatten({ ...values, ...changes.text }).filter(
    ([name]) => !/^(choice|mine|theirs|conflicts|conflictFrom)/.test(name),
  )
  fields.push(
    ['version', String(conflict.version)],
    ['saveKey', `round-trip-${crypto.randomUUID()}`],
    ['base', conflict.base],
    ['conflicts', JSON.stringify(conflict.fields.map((f) => f.key))],
    [
      'conflictFrom',
      JSON.stringify({ updatedAt: conflict.updatedAt, updatedByName: conflict.updatedByName, byYou: conflict.byYou }),
    ],
  )
  for (const field of conflict.fields) {
    fields.push([`mine/${field.key}`, field.mine], [`theirs/${field.key}`, field.theirs])
    const choice = changes.choices?.[field.key]
    if (choice) fields.push([`choice/${field.key}`, choice])
  }
  return fields
}

const addAnotherPost = (): [string, string] => [
  '__intent__',
  JSON.stringify({
    type: 'insert',
    payload: { name: 'staffPosts', defaultValue: { id: '', title: '', wte: '', qualified: '' } },
  }),
]
const removePost = (index: number): [string, string] => [
  '__intent__',
  JSON.stringify({ type: 'remove', payload: { name: 'staffPosts', index } }),
]

/** The lead's page, opened now, then saved after the contributor changed the same notes: the conflict page. */
async function conflictOnNotes(lead: string, theirs: string): Promise<Conflict> {
  const portrait = await getPenPortrait(ctx)
  const base = penPortraitBase(portrait)
  const form = {
    organisations: portrait.organisations.map((o) => ({
      organisationId: o.id,
      staffHeadcount: o.staffHeadcount ?? undefined,
      staffWte: o.staffWte ?? undefined,
    })),
    staffPosts: portrait.staffPosts.map((p) => ({
      id: p.id,
      title: p.title,
      wte: p.wte,
      qualified: p.qualified ? 'yes' : 'no',
    })),
    budgetPounds: portrait.budgetPounds ?? undefined,
    strategyEvidenceId: portrait.strategyEvidenceId ?? undefined,
    annualReportEvidenceId: portrait.annualReportEvidenceId ?? undefined,
    slaEvidenceIds: portrait.slaEvidenceIds,
    contextNotes: portrait.contextNotes,
  }
  const saved = await savePenPortrait({
    actor: contributor,
    context: ctx,
    form: { ...form, contextNotes: theirs, version: portrait.version } as never,
    ipAddress: '',
    base,
  })
  expect(saved.ok).toBe(true)
  const answer = await post([
    ...flatten({ ...form, contextNotes: lead }),
    ['version', String(portrait.version)],
    ['base', JSON.stringify(base)],
  ])
  expect(answer.status).toBe(409)
  return answer.data!.conflict as Conflict
}

const stored = async () => {
  const portrait = await getPenPortrait(ctx)
  return { contextNotes: portrait.contextNotes, posts: portrait.staffPosts.length }
}

describe("a conflict page's add and remove row without JavaScript", () => {
  it('comes back from "Add another post" as the conflict page, with the choice made and the merged text typed', async () => {
    const first = await conflictOnNotes('Notes by the lead.', 'Notes by the contributor.')
    expect(first.fields).toEqual([
      { key: 'contextNotes', mine: 'Notes by the lead.', theirs: 'Notes by the contributor.' },
    ])
    const before = await stored()
    const rows = (first.form.staffPosts as unknown[]).length

    const merged = 'Notes by the lead, and by the contributor.'
    const answer = await post([
      ...conflictPage(first, { choices: { contextNotes: 'merged' }, text: { contextNotes: merged } }),
      addAnotherPost(),
    ])
    expect(answer.status).toBe(200)
    const again = answer.data!.conflict as Conflict | null
    expect(again).not.toBeNull()
    expect(again).toMatchObject({
      version: first.version,
      base: first.base,
      fields: [{ key: 'contextNotes', mine: 'Notes by the lead.', theirs: 'Notes by the contributor.', draft: merged }],
      choices: { contextNotes: 'merged' },
      updatedByName: contributorName,
      byYou: false,
    })
    expect((again!.form.staffPosts as unknown[]).length).toBe(rows + 1)
    // Nothing saved by it.
    expect(await stored()).toEqual(before)

    // Saved from the page that came back: the merged version, as chosen.
    const saved = await post(
      conflictPage(again!, { choices: { contextNotes: 'merged' }, text: { contextNotes: merged } }),
    )
    expect(saved.status).toBe(302)
    expect((await stored()).contextNotes).toBe(merged)
  })

  it('still asks after "Remove" when no choice was made, so the next Save does not overwrite the other change', async () => {
    const first = await conflictOnNotes('The lead again.', 'The contributor again.')
    const rows = (first.form.staffPosts as unknown[]).length
    const added = (await post([...conflictPage(first, {}), addAnotherPost()])).data!.conflict as Conflict
    const answer = await post([...conflictPage(added, {}), removePost(rows)])
    expect(answer.status).toBe(200)
    const again = answer.data!.conflict as Conflict | null
    expect(again?.fields.map((f) => [f.key, f.mine, f.theirs])).toEqual([
      ['contextNotes', 'The lead again.', 'The contributor again.'],
    ])
    expect(again?.choices).toEqual({})
    expect((again!.form.staffPosts as unknown[]).length).toBe(rows)

    // Save with no choice made: still the conflict page, and the contributor's notes are kept.
    const saved = await post(conflictPage(again!, {}))
    expect(saved.status).toBe(409)
    expect((saved.data!.conflict as Conflict).unresolved).toEqual(['contextNotes'])
    expect((await stored()).contextNotes).toBe('The contributor again.')
  })
})

describe("the outcome page's Remove of a linked evidence item, on a conflict page", () => {
  const NUMBER = 5
  const postOutcome = (fields: [string, string][], as = cookie) =>
    postTo(outcomeAction, `outcomes/${NUMBER}`, { number: String(NUMBER) }, fields, as)

  it('removes the link and brings the conflict page back as it was, and the next save keeps the choice', async () => {
    const [evidence] = await listEvidenceForLinking(lead, ctx.libraryServiceId)
    expect(evidence).toBeDefined()
    const linked = await linkEvidence({
      actor: lead,
      context: ctx,
      number: NUMBER,
      evidenceItemId: evidence!.id,
      target: 'outcome',
      pointer: 'Page 2',
      ipAddress: '',
    })
    expect(linked.ok).toBe(true)
    const opened = await getOutcomePage(ctx, NUMBER)
    const linkId = opened.links[0]!.id
    const base = JSON.stringify(
      outcomeFieldValues(
        { ...opened.response, indicators: opened.indicators },
        opened.indicators.map((i) => i.id),
      ),
    )
    const form = (changes: Record<string, string>): [string, string][] =>
      Object.entries({
        intent: 'save',
        version: String(opened.response.version),
        base,
        narrative: opened.response.narrative,
        keyStrengths: opened.response.keyStrengths,
        selfGradeReason: opened.response.selfGradeReason,
        ...Object.fromEntries(
          opened.indicators.flatMap((indicator, index) => [
            [`indicators[${index}].id`, indicator.id],
            [`indicators[${index}].note`, indicator.note],
          ]),
        ),
        ...changes,
      })

    // The contributor saves key strengths; the lead, on the page opened before, changes them too.
    const contributorSave = await postOutcome(form({ keyStrengths: 'The contributor’s strengths.' }), contributorCookie)
    expect(contributorSave.status).toBe(302)
    const answer = await postOutcome(
      form({ keyStrengths: 'The lead’s strengths.', narrative: 'The lead’s narrative.' }),
    )
    expect(answer.status).toBe(409)
    const first = answer.data!.conflict as {
      version: number
      base: string
      updatedAt: string | null
      updatedByName: string | null
      fields: { key: string; mine: string; theirs: string }[]
    }
    expect(first.fields).toEqual([
      { key: 'keyStrengths', mine: 'The lead’s strengths.', theirs: 'The contributor’s strengths.' },
    ])

    // The conflict page as it posts, with the merged version being typed, and Remove pressed.
    const merged = 'The lead’s strengths, and the contributor’s.'
    const conflictPage = (extra: [string, string][]): [string, string][] => [
      ...form({
        keyStrengths: merged,
        narrative: 'The lead’s narrative.',
        version: String(first.version),
        base: first.base,
      }),
      ['conflicts', JSON.stringify(['keyStrengths'])],
      [
        'conflictFrom',
        JSON.stringify({ updatedAt: first.updatedAt, updatedByName: first.updatedByName, byYou: false }),
      ],
      ['mine/keyStrengths', 'The lead’s strengths.'],
      ['theirs/keyStrengths', 'The contributor’s strengths.'],
      ['choice/keyStrengths', 'merged'],
      ...extra,
    ]
    const removed = await postOutcome(conflictPage([['unlinkId', linkId]]))
    expect(removed.status).toBe(200)
    expect(removed.data!.conflict).toMatchObject({
      version: first.version,
      base: first.base,
      updatedByName: contributorName,
      fields: [
        {
          key: 'keyStrengths',
          mine: 'The lead’s strengths.',
          theirs: 'The contributor’s strengths.',
          draft: merged,
        },
      ],
      choices: { keyStrengths: 'merged' },
      merged: { narrative: 'The lead’s narrative.' },
    })
    expect((await getOutcomePage(ctx, NUMBER)).links).toEqual([])
    expect((await getOutcomePage(ctx, NUMBER)).response.keyStrengths).toBe('The contributor’s strengths.')

    // Saved from the page that came back: the merged version, as chosen.
    const saved = await postOutcome(conflictPage([]))
    expect(saved.status).toBe(302)
    const stored = (await getOutcomePage(ctx, NUMBER)).response
    expect([stored.keyStrengths, stored.narrative]).toEqual([merged, 'The lead’s narrative.'])
  })
})
