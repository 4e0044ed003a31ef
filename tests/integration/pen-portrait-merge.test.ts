// Two people editing one pen portrait (issue 14, items 2 and 3), against the demo data: every
// field is under the version check, merged field by field with what was saved since the form was
// loaded, posts by their row id; a field both changed is asked about; a save sent again with the
// same key is answered as the first was. Ribble Valley's open submission (LKS-2627-RXV).
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { loadSubmissionContext, type SubmissionContext } from '~/modules/submissions/access.server'
import { getPenPortrait, penPortraitBase, savePenPortrait } from '~/modules/submissions/pen-portrait.server'
import type { PenPortraitForm } from '~/modules/submissions/schema'
import type { Actor } from '~/modules/auth/permissions'
import { actorFor } from '../factories'

let lead: Actor
let contributor: Actor
let ctx: SubmissionContext

beforeAll(async () => {
  await useDemoData()
  lead = await actorFor('lead@demo.nhs.uk')
  contributor = await actorFor('contributor@demo.nhs.uk')
  const { id } = await prisma.submission.findUniqueOrThrow({
    where: { reference: 'LKS-2627-RXV' },
    select: { id: true },
  })
  ctx = await loadSubmissionContext(lead, id, 'submission:edit')
})

type Portrait = Awaited<ReturnType<typeof getPenPortrait>>

/** The form as the page renders it from `portrait`, with the person's changes. */
function formOf(portrait: Portrait, changes: Partial<PenPortraitForm> = {}): PenPortraitForm {
  return {
    version: portrait.version,
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
    ...changes,
  }
}

/** A page opened now: what it saves is merged against what it showed. */
async function openPage(actor: Actor) {
  const portrait = await getPenPortrait(ctx)
  const base = penPortraitBase(portrait)
  return {
    portrait,
    save: (changes: Partial<PenPortraitForm>, unresolved?: string[]) =>
      savePenPortrait({ actor, context: ctx, form: formOf(portrait, changes), ipAddress: '', base, unresolved }),
  }
}

const postsOf = (portrait: Portrait) => portrait.staffPosts.map((p) => [p.title, p.wte, p.qualified])

describe('two people editing one pen portrait', () => {
  it('merges changes to different fields and posts without asking, and asks only about the field both changed', async () => {
    const empty = await openPage(lead)
    const organisations = empty.portrait.organisations.map((o, i) => ({
      organisationId: o.id,
      staffHeadcount: 3000 + i,
      staffWte: 2500,
    }))
    expect(
      await empty.save({
        organisations,
        staffPosts: [
          { title: 'Head of library services', wte: 1, qualified: 'yes' },
          { title: 'Library assistant', wte: 0.6, qualified: 'no' },
        ],
        budgetPounds: 200_000,
        contextNotes: 'Three sites.',
      }),
    ).toEqual({ ok: true })

    // Both open the page; the contributor changes the budget and the second post's WTE.
    const contributorPage = await openPage(contributor)
    const leadPage = await openPage(lead)
    const [head, assistant] = contributorPage.portrait.staffPosts.map((p) => ({
      id: p.id,
      title: p.title,
      wte: p.wte,
      qualified: (p.qualified ? 'yes' : 'no') as 'yes' | 'no',
    }))
    expect(
      await contributorPage.save({ budgetPounds: 250_000, staffPosts: [head!, { ...assistant!, wte: 0.8 }] }),
    ).toEqual({ ok: true })

    // The lead, on the page opened before that, changes the notes and the first post, and adds a
    // third: saved without a question, with the contributor's changes kept.
    expect(
      await leadPage.save({
        contextNotes: 'Three sites and an outreach service.',
        staffPosts: [
          { ...head!, title: 'Head of knowledge services' },
          assistant!,
          { title: 'Outreach librarian', wte: 1, qualified: 'yes' },
        ],
      }),
    ).toEqual({ ok: true })
    const merged = await getPenPortrait(ctx)
    expect(merged).toMatchObject({ budgetPounds: 250_000, contextNotes: 'Three sites and an outreach service.' })
    expect(postsOf(merged)).toEqual([
      ['Head of knowledge services', 1, true],
      ['Library assistant', 0.8, false],
      ['Outreach librarian', 1, true],
    ])
    // The posts kept their rows: a page opened before can still name them.
    expect(merged.staffPosts.slice(0, 2).map((p) => p.id)).toEqual([head!.id, assistant!.id])
    expect(merged.version).toBe(3)

    // Both open the page again. The contributor changes the notes and removes the outreach post;
    // the lead changes the notes too, the outreach post's WTE, and the headcount of an organisation.
    const second = { contributor: await openPage(contributor), lead: await openPage(lead) }
    const rows = formOf(second.lead.portrait).staffPosts
    expect(
      await second.contributor.save({ contextNotes: 'The contributor’s notes.', staffPosts: rows.slice(0, 2) }),
    ).toEqual({ ok: true })
    const headcount = organisations.map((o, i) => (i === 0 ? { ...o, staffHeadcount: 3100 } : o))
    const outreach = rows[2]!
    const conflict = await second.lead.save({
      contextNotes: 'The lead’s notes.',
      staffPosts: [rows[0]!, rows[1]!, { ...outreach, wte: 0.5 }],
      organisations: headcount,
    })
    expect(conflict).toMatchObject({
      ok: false,
      kind: 'conflict',
      version: 4,
      updatedBy: { name: expect.any(String) },
      fields: [
        { key: 'contextNotes', mine: 'The lead’s notes.', theirs: 'The contributor’s notes.' },
        { key: `post/${outreach.id}`, mine: '["Outreach librarian",0.5,"yes"]', theirs: '' },
      ],
    })
    if (conflict.ok || conflict.kind !== 'conflict') throw new Error('expected a conflict')
    // Nothing of the lead's was stored; the headcount only the lead changed is in the merged form.
    expect(await getPenPortrait(ctx)).toMatchObject({ contextNotes: 'The contributor’s notes.', version: 4 })
    expect(conflict.merged[`organisation/${organisations[0]!.organisationId}/headcount`]).toBe('3100')

    // Without a choice, a field stays in conflict; with the lead's own choice (keep yours), it saves.
    const again = { ...formOf(await getPenPortrait(ctx)), version: conflict.version }
    const resave = (form: PenPortraitForm, unresolved: string[]) =>
      savePenPortrait({ actor: lead, context: ctx, form, ipAddress: '', base: conflict.theirs, unresolved })
    const chosen: PenPortraitForm = {
      ...again,
      organisations: headcount,
      contextNotes: 'The lead’s notes.',
      staffPosts: [...again.staffPosts, { ...outreach, wte: 0.5 }],
    }
    expect(await resave(chosen, ['contextNotes'])).toMatchObject({ ok: false, fields: [{ key: 'contextNotes' }] })
    expect(await resave(chosen, [])).toEqual({ ok: true })
    const resolved = await getPenPortrait(ctx)
    expect(resolved).toMatchObject({ contextNotes: 'The lead’s notes.', version: 5 })
    expect(resolved.organisations[0]?.staffHeadcount).toBe(3100)
    expect(postsOf(resolved)).toEqual([
      ['Head of knowledge services', 1, true],
      ['Library assistant', 0.8, false],
      ['Outreach librarian', 0.5, true],
    ])
  })

  it('answers a save sent again with the same key as the first, not as a conflict', async () => {
    const page = await openPage(lead)
    const form = { budgetPounds: 260_000, saveKey: 'pen-portrait-retry-0001' }
    expect(await page.save(form)).toEqual({ ok: true })
    // The answer was lost; the browser sends the very same form again.
    expect(await page.save(form)).toEqual({ ok: true })
    const stored = await getPenPortrait(ctx)
    expect(stored).toMatchObject({ budgetPounds: 260_000, version: page.portrait.version + 1 })
    const saves = await prisma.auditEvent.count({
      where: { action: 'pen_portrait.saved', submissionId: ctx.id, after: { contains: `"version":${stored.version}` } },
    })
    expect(saves).toBe(1)
  })
})
