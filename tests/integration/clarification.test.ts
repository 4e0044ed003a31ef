// Clarification (issue 4, item 4) against the seeded demo data: the validators of LKS-2627-RTH ask
// about outcomes, only those outcomes reopen, the service replies, edits and resubmits, and every
// step is permission-checked, version-checked and audited.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import type { Action, Actor } from '~/modules/auth/permissions'
import { loadSubmissionContext, type SubmissionContext } from '~/modules/submissions/access.server'
import { getOutcomePage, saveOutcome } from '~/modules/submissions/outcome.server'
import type { OutcomeForm } from '~/modules/submissions/schema'
import {
  addFollowUp,
  askForClarification,
  getAskPage,
  getClarificationPage,
  MOVED_ON,
  replyToThread,
  resubmitAfterClarification,
} from '~/modules/validation/clarification.server'
import { actorFor, createUser } from '../factories'

let validator: Actor // Łukasz Nowak, primary validator of RTH
let priya: Actor // secondary validator of RTH
let owen: Actor // validator of RSV, not of RTH
let serviceLead: Actor // Mark Lewis, Thameside Healthcare Library
let otherLead: Actor // Zoë Hartley, Ribble Valley
let sponsor: Actor // the executive sponsor of RTH
let regionalLead: Actor // Rachel Osei, London
let admin: Actor
let rth: string
let rsv: string

const reference = async (ref: string) =>
  (await prisma.submission.findUniqueOrThrow({ where: { reference: ref }, select: { id: true } })).id
const context = (actor: Actor, action: Action = 'submission:view', id = rth) => loadSubmissionContext(actor, id, action)
const ip = '192.0.2.10'

async function state() {
  const submission = await prisma.submission.findUniqueOrThrow({
    where: { id: rth },
    select: { status: true, version: true },
  })
  const responses = await prisma.outcomeResponse.findMany({
    where: { submissionId: rth },
    orderBy: { outcome: { number: 'asc' } },
    select: { status: true, reopenedForClarification: true, outcome: { select: { number: true } } },
  })
  return {
    ...submission,
    reopened: responses.filter((r) => r.reopenedForClarification).map((r) => r.outcome.number),
    statuses: Object.fromEntries(responses.map((r) => [r.outcome.number, r.status])),
  }
}

async function threadFor(number: number) {
  return prisma.clarificationThread.findFirstOrThrow({
    where: { submissionId: rth, outcome: { number } },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      status: true,
      resolvedAt: true,
      openedById: true,
      messages: { orderBy: { createdAt: 'asc' }, select: { authorId: true, body: true } },
    },
  })
}

async function auditActions() {
  const events = await prisma.auditEvent.findMany({
    where: { submissionId: rth },
    orderBy: { at: 'asc' },
    select: { action: true, actorId: true, entityType: true },
  })
  return events
}

/** The service's own answer to an outcome, as the outcome page would post it, with a new narrative. */
async function outcomeForm(
  ctx: SubmissionContext,
  number: number,
  narrative: string,
  intent: OutcomeForm['intent'] = 'complete',
): Promise<OutcomeForm> {
  const page = await getOutcomePage(ctx, number)
  return {
    intent,
    version: page.response.version,
    narrative,
    keyStrengths: page.response.keyStrengths,
    selfLevel: page.response.selfLevel ?? undefined,
    selfSubLevel: (page.response.selfSubLevel ?? undefined) as OutcomeForm['selfSubLevel'],
    selfGradeReason: page.response.selfGradeReason,
    acknowledgedUnevidenced: [],
    indicators: page.indicators.map((i) => ({ id: i.id, status: i.status ?? undefined, note: i.note })),
  }
}

beforeAll(async () => {
  await useDemoData()
  validator = await actorFor('validator@demo.nhs.uk')
  priya = await actorFor('priya.shah@demo.nhs.uk')
  owen = await actorFor('owen.griffiths@demo.nhs.uk')
  serviceLead = await actorFor('mark.lewis@demo.nhs.uk')
  otherLead = await actorFor('lead@demo.nhs.uk')
  regionalLead = await actorFor('rachel.osei@demo.nhs.uk')
  admin = await actorFor('admin@demo.nhs.uk')
  rth = await reference('LKS-2627-RTH')
  rsv = await reference('LKS-2627-RSV')
  const organisation = await prisma.organisation.findUniqueOrThrow({ where: { odsCode: 'RTH' }, select: { id: true } })
  const grant = await prisma.roleAssignment.findFirst({
    where: { role: 'EXECUTIVE_SPONSOR', organisationId: organisation.id },
    select: { user: { select: { email: true } } },
  })
  const sponsorEmail =
    grant?.user.email ??
    (await createUser({ roles: [{ role: 'EXECUTIVE_SPONSOR', organisationId: organisation.id }] })).email
  sponsor = await actorFor(sponsorEmail)
})

// The steps build on each other, as the round trip does.
// One journey told step by step: each step starts where the last left off, so the steps keep their
// order even when the run is shuffled (`--sequence.shuffle`).
describe('a clarification round trip on LKS-2627-RTH', { shuffle: false }, () => {
  it('lets only the assigned validators ask: 404 out of reach, 403 in reach without the permission', async () => {
    expect(await state()).toMatchObject({ status: 'IN_VALIDATION', reopened: [] })
    await expect(context(owen, 'clarification:ask')).rejects.toMatchObject({ status: 404 })
    await expect(context(otherLead, 'clarification:ask')).rejects.toMatchObject({ status: 404 })
    for (const actor of [serviceLead, sponsor, regionalLead, admin])
      await expect(context(actor, 'clarification:ask')).rejects.toMatchObject({ status: 403 })
    const page = await getAskPage(validator, await context(validator, 'clarification:ask'))
    expect(page.outcomes.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6])
    expect(page.refusal).toBeNull()
  })

  it('asks about outcomes 2 and 5: threads with their first message, those outcomes reopened, the submission back with the service', async () => {
    const before = await state()
    const ctx = await context(validator, 'clarification:ask')
    const result = await askForClarification({
      actor: validator,
      context: ctx,
      questions: [
        { number: 2, question: 'Which Board decisions used your evidence summaries in 2025/26?' },
        { number: 5, question: 'Please link the benchmarking report you mention.' },
      ],
      ipAddress: ip,
    })
    expect(result).toEqual({ ok: true })
    const after = await state()
    expect(after).toMatchObject({ status: 'CLARIFICATION_REQUESTED', version: before.version + 1, reopened: [2, 5] })
    expect(after.statuses).toEqual({
      1: 'COMPLETED',
      2: 'IN_PROGRESS',
      3: 'COMPLETED',
      4: 'COMPLETED',
      5: 'IN_PROGRESS',
      6: 'COMPLETED',
    })
    const two = await threadFor(2)
    expect(two).toMatchObject({
      status: 'OPEN',
      openedById: validator.id,
      resolvedAt: null,
      messages: [{ authorId: validator.id, body: 'Which Board decisions used your evidence summaries in 2025/26?' }],
    })
    expect((await threadFor(5)).messages).toEqual([
      { authorId: validator.id, body: 'Please link the benchmarking report you mention.' },
    ])
    expect(await prisma.clarificationThread.count({ where: { submissionId: rth } })).toBe(2)

    // The same page posted again, now stale: nothing more is written.
    expect(
      await askForClarification({
        actor: validator,
        context: ctx,
        questions: [{ number: 3, question: 'Again?' }],
        ipAddress: ip,
      }),
    ).toEqual({ ok: false, message: MOVED_ON })
    expect(await prisma.clarificationThread.count({ where: { submissionId: rth } })).toBe(2)
    expect((await state()).reopened).toEqual([2, 5])

    const events = (await auditActions()).filter((e) => e.actorId === validator.id).map((e) => e.action)
    expect(events.sort()).toEqual([
      'clarification.asked',
      'clarification.asked',
      'outcome_response.reopened_for_clarification',
      'outcome_response.reopened_for_clarification',
      'submission.clarification_requested',
    ])
  })

  it('lets the secondary validator ask too while clarification is requested', async () => {
    const result = await askForClarification({
      actor: priya,
      context: await context(priya, 'clarification:ask'),
      questions: [{ number: 4, question: 'How many posts are vacant?' }],
      ipAddress: ip,
    })
    expect(result).toEqual({ ok: true })
    expect(await state()).toMatchObject({ status: 'CLARIFICATION_REQUESTED', reopened: [2, 4, 5] })
    expect((await threadFor(4)).openedById).toBe(priya.id)
  })

  it('shows every thread to the validators, the service, the regional lead and national roles, with what each may do', async () => {
    const forValidator = await getClarificationPage(validator, await context(validator))
    expect(forValidator.threads.map((t) => [t.outcome?.number, t.status, t.outcome?.reopened])).toEqual([
      [2, 'OPEN', true],
      [4, 'OPEN', true],
      [5, 'OPEN', true],
    ])
    expect(forValidator.threads[0]?.messages).toMatchObject([
      { authorName: 'Łukasz Nowak', authorContext: 'Validator' },
    ])
    expect(forValidator.permissions).toMatchObject({
      ask: true,
      followUp: true,
      answer: false,
      resubmit: false,
      editOutcomes: false,
    })
    const forService = await getClarificationPage(serviceLead, await context(serviceLead))
    expect(forService.permissions).toMatchObject({
      ask: false,
      followUp: false,
      answer: true,
      resubmit: true,
      editOutcomes: true,
    })
    expect(forService.allAnswered).toBe(false)
    for (const reader of [regionalLead, admin, sponsor]) {
      const page = await getClarificationPage(reader, await context(reader))
      expect(page.threads).toHaveLength(3)
      expect(page.permissions).toMatchObject({ ask: false, followUp: false, answer: false, resubmit: false })
    }
    await expect(context(owen)).rejects.toMatchObject({ status: 404 })
    await expect(context(otherLead)).rejects.toMatchObject({ status: 404 })
  })

  it('lets the service change only the reopened outcomes', async () => {
    const ctx = await context(serviceLead, 'submission:edit')
    await expect(
      saveOutcome({
        actor: serviceLead,
        context: ctx,
        number: 3,
        form: await outcomeForm(ctx, 3, 'Not reopened'),
        ipAddress: ip,
      }),
    ).rejects.toMatchObject({ status: 409 })
    const saved = await saveOutcome({
      actor: serviceLead,
      context: ctx,
      number: 2,
      form: await outcomeForm(
        ctx,
        2,
        'Board minutes of March 2026 record three decisions using our summaries.',
        'save',
      ),
      ipAddress: ip,
    })
    expect(saved).toMatchObject({ ok: true, status: 'IN_PROGRESS' })
    expect((await getOutcomePage(ctx, 2)).response.narrative).toBe(
      'Board minutes of March 2026 record three decisions using our summaries.',
    )
    expect((await getOutcomePage(ctx, 3)).editable).toBe(false)
  })

  it('refuses to resubmit before every question has a reply', async () => {
    const before = await state()
    const result = await resubmitAfterClarification({
      actor: serviceLead,
      context: await context(serviceLead, 'submission:submit'),
      ipAddress: ip,
    })
    expect(result).toEqual({ ok: false, message: 'Reply to every question before you resubmit the submission.' })
    expect(await state()).toEqual(before)
  })

  it('refuses replies from the sponsor, the validators and another service', async () => {
    const thread = await threadFor(2)
    await expect(context(sponsor, 'clarification:answer')).rejects.toMatchObject({ status: 403 })
    await expect(
      replyToThread({
        actor: sponsor,
        context: await context(sponsor),
        threadId: thread.id,
        body: 'Sponsor reply',
        ipAddress: ip,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      replyToThread({
        actor: validator,
        context: await context(validator),
        threadId: thread.id,
        body: 'Validator reply',
        ipAddress: ip,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(context(otherLead, 'clarification:answer')).rejects.toMatchObject({ status: 404 })
    expect((await threadFor(2)).messages).toHaveLength(1)
  })

  it('gives 404 for a thread of another submission, and changes nothing', async () => {
    const assignment = await prisma.validatorAssignment.findFirstOrThrow({
      where: { submissionId: rsv, kind: 'PRIMARY' },
      select: { validatorId: true },
    })
    const foreign = await prisma.clarificationThread.create({
      data: {
        submissionId: rsv,
        openedById: assignment.validatorId,
        messages: { create: { authorId: assignment.validatorId, body: 'A question for Severn and Arden' } },
      },
      select: { id: true },
    })
    await expect(
      replyToThread({
        actor: serviceLead,
        context: await context(serviceLead, 'clarification:answer'),
        threadId: foreign.id,
        body: 'Forged',
        ipAddress: ip,
      }),
    ).rejects.toMatchObject({ status: 404 })
    // Łukasz validates RSV too, but the thread is not on the submission he is working in.
    await expect(
      addFollowUp({
        actor: validator,
        context: await context(validator, 'clarification:ask'),
        threadId: foreign.id,
        body: 'Forged',
        ipAddress: ip,
      }),
    ).rejects.toMatchObject({ status: 404 })
    const unchanged = await prisma.clarificationThread.findUniqueOrThrow({
      where: { id: foreign.id },
      select: { status: true, _count: { select: { messages: true } } },
    })
    expect(unchanged).toEqual({ status: 'OPEN', _count: { messages: 1 } })
  })

  let staleLead: SubmissionContext

  it('lets the service reply, once, and the validator follow up, which opens the thread again', async () => {
    const thread = await threadFor(2)
    const reply = {
      actor: serviceLead,
      threadId: thread.id,
      body: 'The March 2026 Board minutes are now linked to outcome 2.',
      ipAddress: ip,
    }
    expect(await replyToThread({ ...reply, context: await context(serviceLead, 'clarification:answer') })).toEqual({
      ok: true,
    })
    expect(await threadFor(2)).toMatchObject({
      status: 'ANSWERED',
      messages: [{ authorId: validator.id }, { authorId: serviceLead.id, body: reply.body }],
    })
    expect(
      await replyToThread({ ...reply, body: 'Twice', context: await context(serviceLead, 'clarification:answer') }),
    ).toEqual({ ok: false, message: 'This question already has a reply. Reload the page to see it.' })

    const page = await getClarificationPage(serviceLead, await context(serviceLead))
    expect(page.threads[0]?.messages.map((m) => [m.authorName, m.authorContext])).toEqual([
      ['Łukasz Nowak', 'Validator'],
      ['Mark Lewis', 'Service'],
    ])

    staleLead = await context(serviceLead, 'submission:submit')
    const version = (await state()).version
    expect(
      await addFollowUp({
        actor: validator,
        context: await context(validator, 'clarification:ask'),
        threadId: thread.id,
        body: 'Which of the three decisions was about discharge?',
        ipAddress: ip,
      }),
    ).toEqual({ ok: true })
    expect(await threadFor(2)).toMatchObject({ status: 'OPEN' })
    expect((await threadFor(2)).messages).toHaveLength(3)
    expect(await state()).toMatchObject({ status: 'CLARIFICATION_REQUESTED', version: version + 1 })
  })

  it('refuses to resubmit while a reopened outcome is incomplete, linking the problem to the outcome', async () => {
    const answer = async (number: number, body: string) =>
      replyToThread({
        actor: serviceLead,
        context: await context(serviceLead, 'clarification:answer'),
        threadId: (await threadFor(number)).id,
        body,
        ipAddress: ip,
      })
    expect(await answer(2, 'The discharge decision, minute 14.')).toEqual({ ok: true })
    expect(await answer(4, 'One post is vacant.')).toEqual({ ok: true })
    expect(await answer(5, 'Linked now.')).toEqual({ ok: true })
    const ctx = await context(serviceLead, 'submission:edit')
    expect(
      await saveOutcome({
        actor: serviceLead,
        context: ctx,
        number: 5,
        form: await outcomeForm(ctx, 5, '', 'save'),
        ipAddress: ip,
      }),
    ).toMatchObject({ ok: true })
    const before = await state()
    const result = await resubmitAfterClarification({
      actor: serviceLead,
      context: await context(serviceLead, 'submission:submit'),
      ipAddress: ip,
    })
    expect(result).toEqual({
      ok: false,
      message: 'Finish the reopened outcomes before you resubmit the submission.',
      problems: [{ number: 5, message: 'Enter a narrative for outcome 5' }],
    })
    expect(await state()).toEqual(before)
    expect(
      await saveOutcome({
        actor: serviceLead,
        context: ctx,
        number: 5,
        form: await outcomeForm(ctx, 5, 'The 2025 benchmarking report is linked.', 'save'),
        ipAddress: ip,
      }),
    ).toMatchObject({ ok: true })
  })

  it('refuses the resubmit of a page loaded before the follow-up, and the sponsor’s', async () => {
    const before = await state()
    expect(await resubmitAfterClarification({ actor: serviceLead, context: staleLead, ipAddress: ip })).toEqual({
      ok: false,
      message: MOVED_ON,
    })
    await expect(
      resubmitAfterClarification({ actor: sponsor, context: await context(sponsor), ipAddress: ip }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await state()).toEqual(before)
  })

  it('resubmits: back in validation, outcomes completed and locked, answered threads closed, all audited', async () => {
    const ctx = await context(serviceLead, 'submission:submit')
    const eventsBefore = (await auditActions()).length
    expect(await resubmitAfterClarification({ actor: serviceLead, context: ctx, ipAddress: ip })).toEqual({ ok: true })
    const after = await state()
    expect(after).toMatchObject({ status: 'IN_VALIDATION', version: ctx.version + 1, reopened: [] })
    expect(after.statuses).toEqual({
      1: 'COMPLETED',
      2: 'COMPLETED',
      3: 'COMPLETED',
      4: 'COMPLETED',
      5: 'COMPLETED',
      6: 'COMPLETED',
    })
    for (const number of [2, 4, 5]) {
      const thread = await threadFor(number)
      expect(thread.status).toBe('CLOSED')
      expect(thread.resolvedAt).toBeInstanceOf(Date)
    }
    const events = (await auditActions()).slice(eventsBefore)
    expect(events.every((e) => e.actorId === serviceLead.id)).toBe(true)
    expect(events.map((e) => e.action).sort()).toEqual([
      'clarification.closed',
      'clarification.closed',
      'clarification.closed',
      'outcome_response.clarification_completed',
      'outcome_response.clarification_completed',
      'outcome_response.clarification_completed',
      'submission.resubmitted_after_clarification',
    ])
    const all = (await auditActions()).map((e) => e.action)
    expect(all.filter((a) => a === 'clarification.replied')).toHaveLength(4)
    expect(all.filter((a) => a === 'clarification.follow_up_asked')).toHaveLength(1)

    // The same resubmit again, now stale: nothing changes.
    expect(await resubmitAfterClarification({ actor: serviceLead, context: ctx, ipAddress: ip })).toEqual({
      ok: false,
      message: MOVED_ON,
    })
    expect(await state()).toEqual(after)
    expect((await auditActions()).length).toBe(eventsBefore + events.length)
  })

  it('locks the service out again: no replies, no changes to outcomes', async () => {
    const ctx = await context(serviceLead, 'submission:edit')
    await expect(
      saveOutcome({
        actor: serviceLead,
        context: ctx,
        number: 2,
        form: await outcomeForm(ctx, 2, 'Too late'),
        ipAddress: ip,
      }),
    ).rejects.toMatchObject({ status: 409 })
    const result = await replyToThread({
      actor: serviceLead,
      context: await context(serviceLead, 'clarification:answer'),
      threadId: (await threadFor(2)).id,
      body: 'Too late',
      ipAddress: ip,
    })
    expect(result).toMatchObject({ ok: false })
    expect((await getClarificationPage(serviceLead, await context(serviceLead))).permissions).toMatchObject({
      answer: false,
      resubmit: false,
      editOutcomes: false,
    })
  })

  it('sends a follow-up on a closed thread back to the service, reopening its outcome', async () => {
    expect(
      await addFollowUp({
        actor: validator,
        context: await context(validator, 'clarification:ask'),
        threadId: (await threadFor(5)).id,
        body: 'Which page of the report?',
        ipAddress: ip,
      }),
    ).toEqual({ ok: true })
    expect(await state()).toMatchObject({ status: 'CLARIFICATION_REQUESTED', reopened: [5] })
    expect(await threadFor(5)).toMatchObject({ status: 'OPEN', resolvedAt: null })
    expect((await threadFor(2)).status).toBe('CLOSED')
  })

  it('stops a validator who has completed their assignment', async () => {
    await prisma.validatorAssignment.update({
      where: { submissionId_validatorId: { submissionId: rth, validatorId: priya.id } },
      data: { completedAt: new Date() },
    })
    const ctx = await context(priya, 'clarification:ask')
    await expect(getAskPage(priya, ctx)).rejects.toMatchObject({ status: 403 })
    await expect(
      askForClarification({
        actor: priya,
        context: ctx,
        questions: [{ number: 1, question: 'Late question' }],
        ipAddress: ip,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      addFollowUp({
        actor: priya,
        context: ctx,
        threadId: (await threadFor(4)).id,
        body: 'Late follow-up',
        ipAddress: ip,
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect((await getClarificationPage(priya, await context(priya))).permissions).toMatchObject({
      ask: false,
      followUp: false,
    })
    expect((await threadFor(4)).messages).toHaveLength(2)
  })
})
