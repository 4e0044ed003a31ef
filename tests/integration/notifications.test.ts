// Workflow emails (issue 7, item 5) against the seeded demo data: each step of the journey sends
// its message to exactly the people it concerns (active holders of the role in the submission's
// scope), with a link to the page, after the change is saved; a mail failure never undoes it.
import { rename, rm, writeFile } from 'node:fs/promises'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { useDemoData } from '../setup/demo-data'
import type { Action, Actor } from '~/modules/auth/permissions'
import { mailDirectory } from '~/modules/notifications/mailer.server'
import { portalOrigin, recipientsFor } from '~/modules/notifications/notifications.server'
import { loadSubmissionContext, type SubmissionContext } from '~/modules/submissions/access.server'
import { getOutcomePage, saveOutcome } from '~/modules/submissions/outcome.server'
import { getPenPortrait, savePenPortrait } from '~/modules/submissions/pen-portrait.server'
import type { OutcomeForm } from '~/modules/submissions/schema'
import { recordSponsorDecision, sendForSignOff, submit } from '~/modules/submissions/workflow.server'
import { publishResult } from '~/modules/validation/agreement.server'
import { assignValidators } from '~/modules/validation/assignment.server'
import {
  askForClarification,
  replyToThread,
  resubmitAfterClarification,
} from '~/modules/validation/clarification.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { actorFor, backToAwaitingSignOff, createUser } from '../factories'
import { mailMark, sentSince } from './mail-helpers'

const ip = '192.0.2.20'
const origin = portalOrigin()
const ids = { ryv: '', rkq: '', rth: '', rsv: '' }
let lead: Actor // Zoë Hartley, Ribble Valley
let sponsorRyv: Actor
let londonLead: Actor
let midlandsLead: Actor // David Evans
let validator: Actor // Łukasz Nowak, London
let thamesideLead: Actor // Mark Lewis
let thamesideContributor: string

const submissionId = async (reference: string) =>
  (await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id
const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
const context = (actor: Actor, id: string, action: Action = 'submission:view') =>
  loadSubmissionContext(actor, id, action)

/** The service's answer to a reopened outcome, completed with a new narrative. */
async function completedForm(ctx: SubmissionContext, number: number, narrative: string): Promise<OutcomeForm> {
  const page = await getOutcomePage(ctx, number)
  return {
    intent: 'complete',
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
  await backToAwaitingSignOff('LKS-2627-RYV')
  ids.ryv = await submissionId('LKS-2627-RYV')
  ids.rkq = await submissionId('LKS-2627-RKQ')
  ids.rth = await submissionId('LKS-2627-RTH')
  ids.rsv = await submissionId('LKS-2627-RSV')
  lead = await actorFor('lead@demo.nhs.uk')
  sponsorRyv = await actorFor('sponsor.ryv@demo.nhs.uk')
  londonLead = await actorFor('rachel.osei@demo.nhs.uk')
  midlandsLead = await actorFor('david.evans@demo.nhs.uk')
  validator = await actorFor('validator@demo.nhs.uk')
  thamesideLead = await actorFor('mark.lewis@demo.nhs.uk')
  // People who must not be told: a deactivated lead of Ribble Valley; and one who must: a Thameside contributor.
  const ribble = await prisma.libraryService.findUniqueOrThrow({
    where: { name: 'Ribble Valley Library and Knowledge Service' },
    select: { id: true },
  })
  const thameside = await prisma.libraryService.findUniqueOrThrow({
    where: { name: 'Thameside Healthcare Library' },
    select: { id: true },
  })
  await createUser({
    email: 'former.lead@demo.nhs.uk',
    active: false,
    roles: [{ role: 'SERVICE_LEAD', libraryServiceId: ribble.id }],
  })
  thamesideContributor = (
    await createUser({
      email: 'thameside.contributor@demo.nhs.uk',
      roles: [{ role: 'SERVICE_CONTRIBUTOR', libraryServiceId: thameside.id }],
    })
  ).email
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('recipientsFor', () => {
  it('finds active holders of each role in the submission’s scope only', async () => {
    const ryv = await prisma.submission.findUniqueOrThrow({
      where: { id: ids.ryv },
      select: { libraryServiceId: true, organisationId: true, regionId: true },
    })
    expect(await recipientsFor(ryv, ['SERVICE_LEAD'])).toEqual(['lead@demo.nhs.uk'])
    expect(await recipientsFor(ryv, ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR'])).toEqual([
      'contributor@demo.nhs.uk',
      'lead@demo.nhs.uk',
    ])
    expect(await recipientsFor(ryv, ['EXECUTIVE_SPONSOR'])).toEqual(['sponsor.ryv@demo.nhs.uk'])
    expect(await recipientsFor(ryv, ['REGIONAL_LEAD'])).toEqual(['regional.lead@demo.nhs.uk'])
    expect(await recipientsFor(ryv, [])).toEqual([])
  })
})

// One journey: the steps build on each other, as the journey does (returned, sent for sign-off,
// signed off, submitted), so they run in order even when Vitest shuffles.
describe('the self-assessment journey of LKS-2627-RYV', { shuffle: false }, () => {
  it('tells the service leads when the sponsor returns the submission, with the reason', async () => {
    const mark = await mailMark()
    const result = await recordSponsorDecision({
      actor: sponsorRyv,
      context: await context(sponsorRyv, ids.ryv, 'submission:sign-off'),
      decision: 'RETURNED',
      signerName: 'Executive sponsor, RYV',
      signerRole: 'Director of Education',
      reason: 'Add the 2026 user survey to outcome 3.',
      ipAddress: ip,
    })
    expect(result).toEqual({ ok: true })
    const sent = await sentSince(mark)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      kind: 'RETURNED_BY_SPONSOR',
      to: ['lead@demo.nhs.uk'],
      subject: 'The 2026/27 submission for Ribble and Fylde Community Health NHS Trust has been returned to you',
    })
    expect(sent[0]!.text).toContain('Their reason:\nAdd the 2026 user survey to outcome 3.')
    expect(sent[0]!.text).toContain(`${origin}/submissions/${ids.ryv}\n`)
  })

  it('asks the organisation’s sponsor, and nobody else, to sign off', async () => {
    // The demo submission has no pen portrait yet: complete it first (pen-portrait tests cover the form).
    const ctx = await context(lead, ids.ryv, 'submission:edit')
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
    const mark = await mailMark()
    expect(
      await sendForSignOff({ actor: lead, context: await context(lead, ids.ryv, 'submission:edit'), ipAddress: ip }),
    ).toEqual({ ok: true })
    const sent = await sentSince(mark)
    expect(sent.map((m) => ({ kind: m.kind, to: m.to }))).toEqual([
      { kind: 'SENT_FOR_SIGN_OFF', to: ['sponsor.ryv@demo.nhs.uk'] },
    ])
    expect(sent[0]!.subject).toBe('Sign off the 2026/27 submission for Ribble and Fylde Community Health NHS Trust')
    expect(sent[0]!.text).toContain(`${origin}/submissions/${ids.ryv}/sign-off`)
    expect(sent[0]!.headers.To).toBe('sponsor.ryv@demo.nhs.uk')
  })

  it('tells the service leads when the sponsor signs off, with the link to submit', async () => {
    const signOffMark = await mailMark()
    expect(
      await recordSponsorDecision({
        actor: sponsorRyv,
        context: await context(sponsorRyv, ids.ryv, 'submission:sign-off'),
        decision: 'SIGNED_OFF',
        signerName: 'Dr Executive Sponsor',
        signerRole: 'Director of Education',
        reason: '',
        ipAddress: ip,
      }),
    ).toEqual({ ok: true })
    const signOff = await prisma.signOff.findFirstOrThrow({
      where: { submissionId: ids.ryv, decision: 'SIGNED_OFF' },
      select: { id: true, createdAt: true },
    })
    const sent = await sentSince(signOffMark)
    expect(sent.map((m) => ({ kind: m.kind, to: m.to, key: m.key }))).toEqual([
      { kind: 'SIGNED_OFF_BY_SPONSOR', to: ['lead@demo.nhs.uk'], key: `signed-off-by-sponsor:${signOff.id}` },
    ])
    expect(sent[0]!.subject).toBe(
      'The 2026/27 submission for Ribble and Fylde Community Health NHS Trust has been signed off',
    )
    expect(sent[0]!.text).toContain(
      `Dr Executive Sponsor, Director of Education, signed off the 2026/27 submission for Ribble and Fylde Community Health NHS Trust (LKS-2627-RYV) on ${formatDateTime(signOff.createdAt)}.`,
    )
    expect(sent[0]!.text).toContain(`${origin}/submissions/${ids.ryv}/check\n`)
  })

  it('tells the region’s lead when it is submitted, and sends the service and the sponsor a receipt', async () => {
    const mark = await mailMark()
    expect(
      await submit({ actor: lead, context: await context(lead, ids.ryv, 'submission:submit'), ipAddress: ip }),
    ).toEqual({ ok: true })
    const { submittedAt, isLate, cycle } = await prisma.submission.findUniqueOrThrow({
      where: { id: ids.ryv },
      select: { submittedAt: true, isLate: true, cycle: { select: { submissionDeadline: true } } },
    })
    const sent = await sentSince(mark)
    expect(sent.map((m) => ({ kind: m.kind, to: m.to }))).toEqual([
      { kind: 'SUBMITTED', to: ['regional.lead@demo.nhs.uk'] },
      // Not the deactivated lead, nor anyone from another service or organisation.
      {
        kind: 'SUBMISSION_RECEIPT',
        to: ['contributor@demo.nhs.uk', 'lead@demo.nhs.uk', 'sponsor.ryv@demo.nhs.uk'],
      },
    ])
    expect(sent[0]!.subject).toBe('Ribble and Fylde Community Health NHS Trust has submitted its 2026/27 submission')
    expect(sent[0]!.text).toContain('As regional lead for North West')
    expect(sent[0]!.text).toContain(`${origin}/submissions/${ids.ryv}/assign`)

    const receipt = sent[1]!
    expect(receipt.key).toBe(`submission-receipt:${ids.ryv}:${submittedAt!.toISOString()}`)
    expect(receipt.subject).toBe(
      'Submission received: LKS-2627-RYV, Ribble and Fylde Community Health NHS Trust, 2026/27',
    )
    expect(receipt.text).toContain('Reference: LKS-2627-RYV')
    // The time as the clock in London showed it.
    expect(receipt.text).toContain(`on ${formatDateTime(submittedAt!)} (UK time).`)
    expect(isLate).toBe(false)
    expect(receipt.text).toContain(
      `It was submitted on time: the deadline was ${formatDate(cycle.submissionDeadline)}.`,
    )
    expect(receipt.text).toContain(`${origin}/submissions/${ids.ryv}\n`)
  })

  it('sends nothing when a step is refused', async () => {
    const mark = await mailMark()
    // A stale page: the submission has moved on.
    const stale = await context(lead, ids.ryv)
    expect(await submit({ actor: lead, context: { ...stale, status: 'IN_PROGRESS' }, ipAddress: ip })).toMatchObject({
      ok: false,
    })
    expect(await sentSince(mark)).toEqual([])
  })
})

describe('validation of LKS-2627-RKQ and LKS-2627-RTH', () => {
  it('tells each validator assigned, with their own workspace and the due date, and nobody twice', async () => {
    const mark = await mailMark()
    const due = new Date('2027-03-15T12:00:00Z')
    const assign = async (secondary: string, dueDate: Date) =>
      assignValidators({
        actor: londonLead,
        context: await context(londonLead, ids.rkq, 'validation:assign'),
        primaryId: await userId('validator@demo.nhs.uk'),
        secondaryId: await userId(secondary),
        dueDate,
        ipAddress: ip,
      })
    expect(await assign('priya.shah@demo.nhs.uk', due)).toEqual({ ok: true })
    const assignments = await prisma.validatorAssignment.findMany({
      where: { submissionId: ids.rkq },
      select: { id: true, kind: true, validator: { select: { email: true } } },
    })
    const assignmentOf = (email: string) => assignments.find((a) => a.validator.email === email)!.id
    const sent = await sentSince(mark)
    expect(sent.map((m) => ({ kind: m.kind, to: m.to })).sort((a, b) => a.to[0]!.localeCompare(b.to[0]!))).toEqual([
      { kind: 'VALIDATOR_ASSIGNED', to: ['priya.shah@demo.nhs.uk'] },
      { kind: 'VALIDATOR_ASSIGNED', to: ['validator@demo.nhs.uk'] },
    ])
    const toLukasz = sent.find((m) => m.to[0] === 'validator@demo.nhs.uk')!
    const toPriya = sent.find((m) => m.to[0] === 'priya.shah@demo.nhs.uk')!
    expect(toLukasz.subject).toBe(
      'Validate the 2026/27 submission for Kingsmere Partnership NHS Foundation Trust by 15 March 2027',
    )
    expect(toLukasz.text).toContain('the primary validator')
    expect(toLukasz.text).toContain(`${origin}/validation/assignments/${assignmentOf('validator@demo.nhs.uk')}`)
    expect(toPriya.text).toContain('the second validator (from another region)')
    expect(toPriya.text).toContain(`${origin}/validation/assignments/${assignmentOf('priya.shah@demo.nhs.uk')}`)

    // The same people and date again: nobody is told twice. A new second validator is told; so is
    // the primary, whose due date changed.
    const again = await mailMark()
    expect(await assign('priya.shah@demo.nhs.uk', due)).toEqual({ ok: true })
    expect(await sentSince(again)).toEqual([])
    const changed = await mailMark()
    expect(await assign('fiona.campbell@demo.nhs.uk', new Date('2027-03-22T12:00:00Z'))).toEqual({ ok: true })
    const resent = await sentSince(changed)
    expect(resent.map((m) => m.to[0]).sort()).toEqual(['fiona.campbell@demo.nhs.uk', 'validator@demo.nhs.uk'])
    expect(resent.every((m) => m.subject.endsWith('by 22 March 2027'))).toBe(true)
  })

  // LKS-2627-RTH's clarification round: the service answers the questions the step before asked,
  // so the two steps run in order even when Vitest shuffles.
  describe('the clarification round of LKS-2627-RTH', { shuffle: false }, () => {
    it('tells the service leads and contributors which outcomes a validator asked about', async () => {
      const mark = await mailMark()
      const result = await askForClarification({
        actor: validator,
        context: await context(validator, ids.rth, 'clarification:ask'),
        questions: [
          { number: 5, question: 'Please link the benchmarking report you mention.' },
          { number: 2, question: 'Which Board decisions used your evidence summaries?' },
        ],
        ipAddress: ip,
      })
      expect(result).toEqual({ ok: true })
      const sent = await sentSince(mark)
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({
        kind: 'CLARIFICATION_REQUESTED',
        to: ['mark.lewis@demo.nhs.uk', thamesideContributor].sort(),
      })
      expect(sent[0]!.subject).toBe('A validator has questions about outcomes 2 and 5 of your 2026/27 submission')
      const titles = await prisma.outcome.findMany({
        where: { number: { in: [2, 5] }, edition: { code: '2019' } },
        orderBy: { number: 'asc' },
        select: { number: true, shortTitle: true },
      })
      expect(sent[0]!.text).toContain(
        `They have asked about:\n- outcome 2: ${titles[0]!.shortTitle}\n- outcome 5: ${titles[1]!.shortTitle}\n`,
      )
      expect(sent[0]!.text).toContain(`${origin}/submissions/${ids.rth}/clarifications`)
      // The sponsor and the validators are not told.
      expect(sent[0]!.to).not.toContain('validator@demo.nhs.uk')
    })

    it('sends nothing for a reply, and tells each validator once the service resubmits', async () => {
      const mark = await mailMark()
      const threads = await prisma.clarificationThread.findMany({
        where: { submissionId: ids.rth, status: 'OPEN' },
        select: { id: true },
      })
      for (const thread of threads) {
        expect(
          await replyToThread({
            actor: thamesideLead,
            context: await context(thamesideLead, ids.rth, 'clarification:answer'),
            threadId: thread.id,
            body: 'Linked now.',
            ipAddress: ip,
          }),
        ).toEqual({ ok: true })
      }
      for (const number of [2, 5]) {
        const ctx = await context(thamesideLead, ids.rth, 'submission:edit')
        expect(
          await saveOutcome({
            actor: thamesideLead,
            context: ctx,
            number,
            form: await completedForm(ctx, number, `Answered for outcome ${number}.`),
            ipAddress: ip,
          }),
        ).toMatchObject({ ok: true })
      }
      expect(await sentSince(mark)).toEqual([])
      expect(
        await resubmitAfterClarification({
          actor: thamesideLead,
          context: await context(thamesideLead, ids.rth, 'submission:submit'),
          ipAddress: ip,
        }),
      ).toEqual({ ok: true })
      const sent = await sentSince(mark)
      const assignments = await prisma.validatorAssignment.findMany({
        where: { submissionId: ids.rth },
        select: { id: true, validator: { select: { email: true } } },
      })
      expect(sent.map((m) => ({ kind: m.kind, to: m.to })).sort((a, b) => a.to[0]!.localeCompare(b.to[0]!))).toEqual([
        { kind: 'CLARIFICATION_ANSWERED', to: ['priya.shah@demo.nhs.uk'] },
        { kind: 'CLARIFICATION_ANSWERED', to: ['validator@demo.nhs.uk'] },
      ])
      for (const message of sent) {
        const own = assignments.find((a) => a.validator.email === message.to[0])!
        expect(message.text).toContain(`${origin}/validation/assignments/${own.id}`)
        expect(message.text).toContain('They could change outcomes 2 and 5.')
      }
    })
  })
})

describe('publishing the result of LKS-2627-RSV', () => {
  // Validation itself is tested elsewhere: each test starts from a validated submission.
  const validated = () =>
    prisma.submission.update({ where: { id: ids.rsv }, data: { status: 'VALIDATED', validatedAt: new Date() } })
  const publications = () =>
    prisma.auditEvent.count({ where: { submissionId: ids.rsv, action: 'submission.result_published' } })

  it('tells the service leads and the sponsor, with a link to the result', async () => {
    await validated()
    const mark = await mailMark()
    expect(
      await publishResult({ actor: midlandsLead, context: await context(midlandsLead, ids.rsv), ipAddress: ip }),
    ).toEqual({ ok: true })
    const sent = await sentSince(mark)
    expect(sent.map((m) => ({ kind: m.kind, to: m.to }))).toEqual([
      { kind: 'RESULT_PUBLISHED', to: ['anna.bright@demo.nhs.uk', 'sponsor.rsv@demo.nhs.uk'] },
    ])
    expect(sent[0]!.subject).toBe('The result of the 2026/27 submission for Severn Vale Hospitals NHS Trust is ready')
    expect(sent[0]!.text).toContain(`${origin}/submissions/${ids.rsv}/result`)
  })

  it('still publishes when the email cannot be written, and logs the failure', async () => {
    await validated()
    const published = await publications()
    const mark = await mailMark()
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined)
    // A file where the mail folder should be: writing the message fails.
    const dir = mailDirectory()
    await rename(dir, `${dir}-aside`)
    await writeFile(dir, 'not a folder')
    try {
      expect(
        await publishResult({ actor: midlandsLead, context: await context(midlandsLead, ids.rsv), ipAddress: ip }),
      ).toEqual({ ok: true })
    } finally {
      await rm(dir)
      await rename(`${dir}-aside`, dir)
    }
    expect(
      (await prisma.submission.findUniqueOrThrow({ where: { id: ids.rsv }, select: { status: true } })).status,
    ).toBe('PUBLISHED')
    expect(await publications()).toBe(published + 1)
    expect(await sentSince(mark)).toEqual([])
    expect(errors).toHaveBeenCalledWith({ err: expect.anything() }, 'Sending the RESULT_PUBLISHED email failed')
  })
})
