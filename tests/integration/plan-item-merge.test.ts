// Two people changing one development plan item (issue 14, items 2 and 3), against the demo data:
// every field is under the version check, merged field by field with what was saved since the form
// was loaded; a field both changed is asked about and nothing is written; a save sent again with
// the same key is answered as the first was. Ribble Valley's published 2021/22 result (LKS-2122-RXV).
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { loadSubmissionContext, type SubmissionContext } from '~/modules/submissions/access.server'
import { createPlanItem, getPlanItem, updatePlanItem } from '~/modules/results/development-plan.server'
import { planItemFieldValues } from '~/modules/results/plan-item-fields'
import type { EditPlanItemForm } from '~/modules/results/schema'
import type { Actor } from '~/modules/auth/permissions'
import { actorFor } from '../factories'

let lead: Actor
let contributor: Actor
let ctx: SubmissionContext
let itemId: string

beforeAll(async () => {
  await useDemoData()
  lead = await actorFor('lead@demo.nhs.uk')
  contributor = await actorFor('contributor@demo.nhs.uk')
  const { id } = await prisma.submission.findUniqueOrThrow({
    where: { reference: 'LKS-2122-RXV' },
    select: { id: true },
  })
  ctx = await loadSubmissionContext(lead, id, 'development-plan:edit')
  const created = await createPlanItem({
    actor: lead,
    context: ctx,
    form: {
      action: 'Present the library strategy to the Board',
      owner: 'Head of Library and Knowledge Services',
      dueDate: new Date('2027-03-31T00:00:00Z'),
      status: 'NOT_STARTED',
      progressNotes: '',
    },
    ipAddress: '',
  })
  if (!created.ok) throw new Error('the item was not added')
  itemId = created.itemId
})

/** A page opened now: what it saves is merged against what it showed. */
async function openPage(actor: Actor) {
  const item = await getPlanItem(ctx, itemId)
  const base = planItemFieldValues(item)
  const form = (changes: Partial<EditPlanItemForm>): EditPlanItemForm => ({
    action: item.action,
    requiredActionId: item.requiredActionId ?? undefined,
    owner: item.owner,
    dueDate: item.dueDate,
    status: item.status,
    progressNotes: item.progressNotes,
    version: item.version,
    ...changes,
  })
  return {
    item,
    save: (changes: Partial<EditPlanItemForm>, options: { unresolved?: string[] } = {}) =>
      updatePlanItem({ actor, context: ctx, itemId, form: form(changes), ipAddress: '', base, ...options }),
  }
}

describe('two people changing one development plan item', () => {
  it('merges changes to different fields without asking, and asks only about the field both changed', async () => {
    const contributorPage = await openPage(contributor)
    const leadPage = await openPage(lead)
    expect(
      await contributorPage.save({ status: 'IN_PROGRESS', progressNotes: 'Paper drafted with the sponsor.' }),
    ).toEqual({ ok: true, itemId })
    // The lead, on the page opened before that, changes the owner and the due date: both kept.
    expect(await leadPage.save({ owner: 'Zoë Hartley', dueDate: new Date('2027-06-30T00:00:00Z') })).toEqual({
      ok: true,
      itemId,
    })
    expect(await getPlanItem(ctx, itemId)).toMatchObject({
      status: 'IN_PROGRESS',
      progressNotes: 'Paper drafted with the sponsor.',
      owner: 'Zoë Hartley',
      dueDate: new Date('2027-06-30T00:00:00Z'),
      version: 3,
    })

    // Both open it again: both change the notes, and the lead marks it complete.
    const again = { contributor: await openPage(contributor), lead: await openPage(lead) }
    expect(await again.contributor.save({ progressNotes: 'Board date agreed.' })).toEqual({ ok: true, itemId })
    const conflict = await again.lead.save({ progressNotes: 'Presented on 4 March.', status: 'COMPLETE' })
    expect(conflict).toMatchObject({
      ok: false,
      kind: 'conflict',
      current: { version: 4, progressNotes: 'Board date agreed.' },
      updatedBy: { id: contributor.id },
      fields: [{ key: 'progressNotes', mine: 'Presented on 4 March.', theirs: 'Board date agreed.' }],
      merged: { status: 'COMPLETE', owner: 'Zoë Hartley' },
    })
    if (conflict.ok || conflict.kind !== 'conflict') throw new Error('expected a conflict')
    expect(await getPlanItem(ctx, itemId)).toMatchObject({ status: 'IN_PROGRESS', version: 4 })

    // Without a choice it stays a conflict; with the lead's own notes chosen, it saves.
    const resave = (unresolved: string[]) =>
      updatePlanItem({
        actor: lead,
        context: ctx,
        itemId,
        form: {
          ...again.lead.item,
          requiredActionId: undefined,
          status: 'COMPLETE',
          progressNotes: 'Presented on 4 March.',
          version: 4,
        },
        ipAddress: '',
        base: conflict.theirs,
        unresolved,
      })
    expect(await resave(['progressNotes'])).toMatchObject({ ok: false, fields: [{ key: 'progressNotes' }] })
    expect(await resave([])).toEqual({ ok: true, itemId })
    expect(await getPlanItem(ctx, itemId)).toMatchObject({
      status: 'COMPLETE',
      progressNotes: 'Presented on 4 March.',
      owner: 'Zoë Hartley',
      version: 5,
    })
  })

  it('answers a save sent again with the same key as the first, not as a conflict', async () => {
    const updates = () =>
      prisma.auditEvent.count({ where: { entityId: itemId, action: 'development_plan_item.updated' } })
    const before = await updates()
    const page = await openPage(lead)
    const changes = { owner: 'Head of Knowledge Services', saveKey: 'plan-item-retry-key-0001' }
    expect(await page.save(changes)).toEqual({ ok: true, itemId })
    // The answer was lost; the browser sends the very same form again.
    expect(await page.save(changes)).toEqual({ ok: true, itemId })
    expect(await getPlanItem(ctx, itemId)).toMatchObject({
      owner: 'Head of Knowledge Services',
      version: page.item.version + 1,
    })
    expect(await updates()).toBe(before + 1)
  })

  it('adds one item for a create sent twice with the same key, and answers the second with the first item', async () => {
    const form = {
      action: 'Run a literature search clinic every month',
      owner: 'Clinical Librarian',
      dueDate: new Date('2027-09-30T00:00:00Z'),
      status: 'NOT_STARTED' as const,
      progressNotes: 'First clinic booked.',
      saveKey: 'plan-item-create-retry-0001',
    }
    const items = () => prisma.developmentPlanItem.count({ where: { submissionId: ctx.id, action: form.action } })
    const first = await createPlanItem({ actor: lead, context: ctx, form, ipAddress: '' })
    if (!first.ok) throw new Error('the item was not added')
    // The browser gave up waiting and posted the same form again.
    expect(await createPlanItem({ actor: lead, context: ctx, form, ipAddress: '' })).toEqual(first)
    // Both at once: still one item.
    const [a, b] = await Promise.all([
      createPlanItem({
        actor: lead,
        context: ctx,
        form: { ...form, saveKey: 'plan-item-create-race-0001' },
        ipAddress: '',
      }),
      createPlanItem({
        actor: lead,
        context: ctx,
        form: { ...form, saveKey: 'plan-item-create-race-0001' },
        ipAddress: '',
      }),
    ])
    expect(a).toEqual(b)
    expect(await items()).toBe(2)
    // Another person's key is theirs alone: the same key from the contributor is a new item.
    const theirs = await createPlanItem({ actor: contributor, context: ctx, form, ipAddress: '' })
    expect(theirs.ok && theirs.itemId !== first.itemId).toBe(true)
    expect(await items()).toBe(3)
  })
})
