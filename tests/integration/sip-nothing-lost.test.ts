// Nothing typed into a Service Improvement Plan is lost (issue 14), through the plan's routes as a
// browser reaches them: a form posted after the session ended comes back, once, with its text when
// the person signs in again (the context, an action's progress, an outcome's target), and a save
// sent again with the same idempotency key is answered as the first was, never as someone else's
// change. Thameside's published 2024/25 plan (SIP-2425-RTH) for progress, and Severn Vale's
// (SIP-2425-RSV), put back in progress in this file's database, for the context and the target.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { action as actionAction, loader as actionLoader } from '~/routes/plans.$planId.actions.$actionId'
import { action as contextAction, loader as contextLoader } from '~/routes/plans.$planId.context'
import { action as outcomeAction, loader as outcomeLoader } from '~/routes/plans.$planId.outcomes.$number'
import { useDemoData } from '../setup/demo-data'
import { cookieFor, get, post, runAction, runLoader } from './evidence-helpers'

const LEAD_RTH = 'mark.lewis@demo.nhs.uk'
let rth = { planId: '', actionId: '', lead: '' }
let rsv = { planId: '', lead: '' }

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString()
const urlencoded = { 'Content-Type': 'application/x-www-form-urlencoded' }

async function leadOf(reference: string): Promise<string> {
  const plan = await prisma.serviceImprovementPlan.findUniqueOrThrow({
    where: { reference },
    select: { libraryServiceId: true },
  })
  const role = await prisma.roleAssignment.findFirstOrThrow({
    where: { role: 'SERVICE_LEAD', libraryServiceId: plan.libraryServiceId },
    orderBy: { createdAt: 'asc' },
    select: { user: { select: { email: true } } },
  })
  return role.user.email
}

/** A session of `email` that has ended (as if left unused for twelve hours). */
async function endedCookie(email: string): Promise<string> {
  const cookie = await cookieFor(email)
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
  await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 60_000) } })
  return cookie
}

/** Posts `body` to `path` after the session ended, signs in again, and returns the cookies the form is opened with. */
async function postAfterExpiry(
  run: Parameters<typeof runAction>[0],
  path: string,
  params: Record<string, string>,
  email: string,
  body: string,
): Promise<string> {
  const answer = await runAction(run, post(path, body, await endedCookie(email), urlencoded), params)
  expect(answer.status).toBe(302)
  const location = new URL(answer.location ?? '', 'http://localhost')
  expect(location.pathname).toBe('/sign-in')
  expect(location.searchParams.get('kept')).toBe('1')
  const stash = (answer.headers.get('Set-Cookie') ?? '').split(';')[0]!
  return `${await cookieFor(email)}; ${stash}`
}

beforeAll(async () => {
  await useDemoData()
  const plan = await prisma.serviceImprovementPlan.findUniqueOrThrow({
    where: { reference: 'SIP-2425-RTH' },
    select: { id: true, actions: { orderBy: { createdAt: 'asc' }, select: { id: true }, take: 1 } },
  })
  rth = { planId: plan.id, actionId: plan.actions[0]!.id, lead: await leadOf('SIP-2425-RTH') }
  expect(rth.lead).toBe(LEAD_RTH)
  const other = await prisma.serviceImprovementPlan.update({
    where: { reference: 'SIP-2425-RSV' },
    data: { status: 'IN_PROGRESS', publishedAt: null },
    select: { id: true },
  })
  await prisma.sipOutcome.updateMany({ where: { planId: other.id }, data: { status: 'IN_PROGRESS' } })
  rsv = { planId: other.id, lead: await leadOf('SIP-2425-RSV') }
})

describe('a plan form posted after the session ended', () => {
  it("an action's progress notes come back, once, after signing in again, to check and save", async () => {
    const path = `/plans/${rth.planId}/actions/${rth.actionId}`
    const params = { planId: rth.planId, actionId: rth.actionId }
    const before = await prisma.sipAction.findUniqueOrThrow({ where: { id: rth.actionId }, select: { version: true } })
    const notes = 'Progress typed while the session ran out.'
    const cookie = await postAfterExpiry(
      actionAction,
      path,
      params,
      rth.lead,
      form({ intent: 'progress', version: String(before.version), status: 'COMPLETE', progressNotes: notes }),
    )
    const page = await runLoader(actionLoader, get(path, cookie), params)
    const restored = (page.data as { restored: { initialValue: Record<string, unknown> } | null }).restored
    expect(restored?.initialValue).toMatchObject({ progressNotes: notes, version: String(before.version) })
    // Nothing was saved: the person checks the text and saves it.
    const stored = await prisma.sipAction.findUniqueOrThrow({
      where: { id: rth.actionId },
      select: { progressNotes: true },
    })
    expect(stored.progressNotes).not.toBe(notes)
    // Kept once only.
    const again = await runLoader(actionLoader, get(path, cookie), params)
    expect((again.data as { restored: unknown }).restored).toBeNull()
  })

  it('the context comes back after signing in again', async () => {
    const path = `/plans/${rsv.planId}/context`
    const params = { planId: rsv.planId }
    const { contextVersion } = await prisma.serviceImprovementPlan.findUniqueOrThrow({
      where: { id: rsv.planId },
      select: { contextVersion: true },
    })
    const changes = 'A merger with the community trust, typed as the session ran out.'
    const cookie = await postAfterExpiry(
      contextAction,
      path,
      params,
      rsv.lead,
      form({ version: String(contextVersion), changesSinceValidation: changes, contextNotes: 'Notes too.' }),
    )
    const page = await runLoader(contextLoader, get(path, cookie), params)
    const restored = (page.data as { restored: { initialValue: Record<string, unknown> } | null }).restored
    expect(restored?.initialValue).toMatchObject({ changesSinceValidation: changes, contextNotes: 'Notes too.' })
  })

  it("an outcome's target reason comes back in the target's form", async () => {
    const path = `/plans/${rsv.planId}/outcomes/2`
    const params = { planId: rsv.planId, number: '2' }
    const reason = 'A reason for the target, typed as the session ran out.'
    const cookie = await postAfterExpiry(
      outcomeAction,
      path,
      params,
      rsv.lead,
      form({ intent: 'target', version: '0', targetLevel: '2', targetSubLevel: 'LOW', targetReason: reason }),
    )
    const page = await runLoader(outcomeLoader, get(path, cookie), params)
    const restored = (page.data as { restored: { intent: string; result: { initialValue: Record<string, unknown> } } })
      .restored
    expect(restored.intent).toBe('target')
    expect(restored.result.initialValue).toMatchObject({ targetReason: reason })
  })
})

describe('a plan form sent again with the same key', () => {
  it("an action's progress: the second answer is the first's, and it is saved once", async () => {
    const path = `/plans/${rth.planId}/actions/${rth.actionId}`
    const params = { planId: rth.planId, actionId: rth.actionId }
    const cookie = await cookieFor(rth.lead)
    const before = await prisma.sipAction.findUniqueOrThrow({ where: { id: rth.actionId }, select: { version: true } })
    const body = form({
      intent: 'progress',
      version: String(before.version),
      saveKey: 'sip-action-retried-key-0001',
      status: 'COMPLETE',
      progressNotes: 'Saved once, answered twice.',
    })
    const first = await runAction(actionAction, post(path, body, cookie, urlencoded), params)
    expect(first.status).toBe(302)
    const retried = await runAction(actionAction, post(path, body, cookie, urlencoded), params)
    expect(retried.status, JSON.stringify(retried.data)).toBe(302)
    expect(retried.location).toBe(first.location)
    const after = await prisma.sipAction.findUniqueOrThrow({
      where: { id: rth.actionId },
      select: { version: true, progressNotes: true },
    })
    expect(after).toEqual({ version: before.version + 1, progressNotes: 'Saved once, answered twice.' })
    const audits = await prisma.auditEvent.count({ where: { entityId: rth.actionId, action: 'sip.action_progress' } })
    expect(audits).toBe(1)

    // A different save from the same stale page is still told someone else changed it.
    const stale = await runAction(
      actionAction,
      post(
        path,
        form({
          intent: 'progress',
          version: String(before.version),
          saveKey: 'sip-action-retried-key-0002',
          status: 'COMPLETE',
          progressNotes: 'Another save on the old page.',
        }),
        cookie,
        urlencoded,
      ),
      params,
    )
    expect(stale.status).toBe(409)
  })

  it('the context: the second answer is the first, saved once', async () => {
    const path = `/plans/${rsv.planId}/context`
    const params = { planId: rsv.planId }
    const cookie = await cookieFor(rsv.lead)
    const { contextVersion } = await prisma.serviceImprovementPlan.findUniqueOrThrow({
      where: { id: rsv.planId },
      select: { contextVersion: true },
    })
    const body = form({
      version: String(contextVersion),
      saveKey: 'sip-context-retried-key-0001',
      changesSinceValidation: 'Saved once, answered twice.',
    })
    const first = await runAction(contextAction, post(path, body, cookie, urlencoded), params)
    expect(first.status).toBe(302)
    const retried = await runAction(contextAction, post(path, body, cookie, urlencoded), params)
    expect(retried.status, JSON.stringify(retried.data)).toBe(302)
    const after = await prisma.serviceImprovementPlan.findUniqueOrThrow({
      where: { id: rsv.planId },
      select: { contextVersion: true },
    })
    expect(after.contextVersion).toBe(contextVersion + 1)
  })

  it("an outcome's target: the second answer is the first, saved once", async () => {
    const path = `/plans/${rsv.planId}/outcomes/3`
    const params = { planId: rsv.planId, number: '3' }
    const cookie = await cookieFor(rsv.lead)
    const outcome = await prisma.sipOutcome.findFirstOrThrow({
      where: { planId: rsv.planId, outcome: { number: 3 } },
      select: { id: true, version: true, targetLevel: true, targetSubLevel: true },
    })
    const body = form({
      intent: 'target',
      version: String(outcome.version),
      saveKey: 'sip-target-retried-key-0001',
      targetLevel: '4',
      targetSubLevel: 'HIGH',
      targetReason: '',
    })
    const first = await runAction(outcomeAction, post(path, body, cookie, urlencoded), params)
    expect(first.status, JSON.stringify(first.data)).toBe(302)
    const retried = await runAction(outcomeAction, post(path, body, cookie, urlencoded), params)
    expect(retried.status, JSON.stringify(retried.data)).toBe(302)
    const after = await prisma.sipOutcome.findUniqueOrThrow({ where: { id: outcome.id }, select: { version: true } })
    expect(after.version).toBe(outcome.version + 1)
  })
})
