// Issue 15, items 4 and 5: the sponsor cannot sign off, nor the lead submit, a submission that is
// not finished, whatever its status says (the demo's LKS-2627-RYV, put back to awaiting sign-off,
// with its pen portrait taken away); once it is finished, the sign-off and the receipt (late, here) are emailed.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import type { Action, Actor } from '~/modules/auth/permissions'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { getPenPortrait, savePenPortrait } from '~/modules/submissions/pen-portrait.server'
import {
  getSubmissionProgress,
  recordSponsorDecision,
  sendForSignOff,
  submit,
  withdrawFromSignOff,
} from '~/modules/submissions/workflow.server'
import { formatDate } from '~/utils/dates'
import { useDemoData } from '../setup/demo-data'
import { actorFor, backToAwaitingSignOff } from '../factories'
import { mailMark, sentSince } from './mail-helpers'

const ip = '192.0.2.30'
let id = ''
let lead: Actor
let sponsor: Actor

const context = (actor: Actor, action: Action) => loadSubmissionContext(actor, id, action)
const signOff = async () =>
  recordSponsorDecision({
    actor: sponsor,
    context: await context(sponsor, 'submission:sign-off'),
    decision: 'SIGNED_OFF',
    signerName: 'Dr Executive Sponsor',
    signerRole: 'Director of Education',
    reason: '',
    ipAddress: ip,
  })
const status = async () =>
  (await prisma.submission.findUniqueOrThrow({ where: { id }, select: { status: true } })).status

beforeAll(async () => {
  await useDemoData()
  await backToAwaitingSignOff('LKS-2627-RYV')
  id = (await prisma.submission.findUniqueOrThrow({ where: { reference: 'LKS-2627-RYV' }, select: { id: true } })).id
  await prisma.penPortrait.deleteMany({ where: { submissionId: id } })
  lead = await actorFor('lead@demo.nhs.uk')
  sponsor = await actorFor('sponsor.ryv@demo.nhs.uk')
})

// One journey: the checks refuse the unfinished submission (the sign-off check finds no sign-off
// recorded; the submit check then records one by hand), and the last step finishes it, signs it off
// and submits it, so the steps run in order even when Vitest shuffles.
describe('a submission awaiting sign-off with its pen portrait not started', { shuffle: false }, () => {
  it('is not ready, by the same rule the task list uses', async () => {
    const progress = await getSubmissionProgress(await context(lead, 'submission:view'))
    expect(progress.penPortraitStatus).toBe('NOT_STARTED')
    expect(progress.tasks.readyForSignOff).toBe(false)
  })

  it('cannot be signed off: the sponsor is told what is missing, and nothing is recorded or sent', async () => {
    const mark = await mailMark()
    expect(await signOff()).toEqual({
      ok: false,
      message:
        'This submission cannot be signed off because it is not finished: complete the pen portrait. Return it to the service so that they can finish it.',
    })
    expect(await prisma.signOff.count({ where: { submissionId: id } })).toBe(0)
    expect(await prisma.auditEvent.count({ where: { submissionId: id, action: 'submission.signed_off' } })).toBe(0)
    expect(await status()).toBe('AWAITING_SIGN_OFF')
    expect(await sentSince(mark)).toEqual([])
  })

  it('cannot be submitted even when a sign-off was recorded, and the lead is told how to finish it', async () => {
    // A sign-off recorded before the check existed (or outside the journey).
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'sponsor.ryv@demo.nhs.uk' },
      select: { id: true },
    })
    await prisma.signOff.create({
      data: {
        submissionId: id,
        userId: user.id,
        decision: 'SIGNED_OFF',
        signerName: 'Dr Executive Sponsor',
        signerRole: 'Director of Education',
        reason: '',
      },
      select: { id: true },
    })
    const mark = await mailMark()
    expect(await submit({ actor: lead, context: await context(lead, 'submission:submit'), ipAddress: ip })).toEqual({
      ok: false,
      message:
        'This submission cannot be submitted because it is not finished: complete the pen portrait. Take it back from sign-off, finish it and send it for sign-off again.',
    })
    expect(
      await prisma.submission.findUniqueOrThrow({ where: { id }, select: { status: true, submittedAt: true } }),
    ).toEqual({ status: 'AWAITING_SIGN_OFF', submittedAt: null })
    expect(await prisma.auditEvent.count({ where: { submissionId: id, action: 'submission.submitted' } })).toBe(0)
    expect(await sentSince(mark)).toEqual([])
  })

  it('once finished, is signed off (the lead is told) and submitted late (the receipt says so)', async () => {
    expect(
      await withdrawFromSignOff({ actor: lead, context: await context(lead, 'submission:edit'), ipAddress: ip }),
    ).toEqual({ ok: true })
    const ctx = await context(lead, 'submission:edit')
    const portrait = await getPenPortrait(ctx)
    const form = {
      version: portrait.version,
      organisations: portrait.organisations.map((o) => ({
        organisationId: o.id,
        staffHeadcount: 3000,
        staffWte: 2500,
      })),
      staffPosts: [{ title: 'Head of library services', wte: 1, qualified: 'yes' as const }],
      budgetPounds: 250000,
      slaEvidenceIds: [],
      contextNotes: '',
    }
    expect(await savePenPortrait({ actor: lead, context: ctx, form, ipAddress: ip })).toEqual({ ok: true })
    expect(
      await sendForSignOff({ actor: lead, context: await context(lead, 'submission:edit'), ipAddress: ip }),
    ).toEqual({ ok: true })
    const signOffMark = await mailMark()
    expect(await signOff()).toEqual({ ok: true })
    expect((await sentSince(signOffMark)).map((m) => ({ kind: m.kind, to: m.to }))).toEqual([
      { kind: 'SIGNED_OFF_BY_SPONSOR', to: ['lead@demo.nhs.uk'] },
    ])

    // The deadline has passed: the receipt says it was late.
    const deadline = new Date('2026-01-30T00:00:00Z')
    const { cycleId } = await prisma.submission.findUniqueOrThrow({ where: { id }, select: { cycleId: true } })
    await prisma.cycle.update({ where: { id: cycleId }, data: { submissionDeadline: deadline }, select: { id: true } })
    const mark = await mailMark()
    expect(await submit({ actor: lead, context: await context(lead, 'submission:submit'), ipAddress: ip })).toEqual({
      ok: true,
    })
    const receipts = await sentSince(mark, 'SUBMISSION_RECEIPT')
    expect(receipts).toHaveLength(1)
    expect(receipts[0]!.text).toContain(`It was submitted late: the deadline was ${formatDate(deadline)}.`)
    expect(await status()).toBe('SUBMITTED')
  })
})
