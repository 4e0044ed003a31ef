// Service improvement review cycles (issue 18) through the modules, against the demo data: opening
// a cycle of that type makes plans (not self-assessments) with context and current grades copied
// forward; the bad input and permission rules of the issue; and the whole journey from writing a
// plan to a published review, each step audited.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createCycle, openCycle, saveParticipants } from '~/modules/cycles/admin.server'
import { actionSchema, ReviewSchema, targetSchema } from '~/modules/improvement/schema'
import {
  addAction,
  addObjective,
  carryForward,
  completeOutcome,
  getOutcomePlan,
  getPlanOverview,
  listVisibleReviews,
  loadPlanContext,
  savePlanContext,
  saveTarget,
  updatePlanAction,
  type PlanContext,
} from '~/modules/improvement/plan.server'
import {
  assignReviewer,
  confirmReview,
  listReviewerCandidates,
  recordPlanSponsorDecision,
  resubmitPlan,
  saveReview,
  sendPlanForSignOff,
  submitPlan,
} from '~/modules/improvement/workflow.server'
import type { Actor } from '~/modules/auth/permissions'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { actorFor, createUser } from '../factories'

const ip = '127.0.0.1'
const d = (iso: string) => new Date(`${iso}T00:00:00Z`)
let admin: Actor
let lead: Actor
let sponsor: Actor
let regionalLead: Actor
let reviewer: Actor
let cycleId = ''
let planId = ''

async function context(actor: Actor, action: Parameters<typeof loadPlanContext>[2] = 'sip:view'): Promise<PlanContext> {
  return loadPlanContext(actor, planId, action)
}

/** The status a thrown Response carries, or 0 when nothing was thrown. */
async function thrownStatus(work: () => Promise<unknown>): Promise<number> {
  try {
    await work()
    return 0
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
}

beforeAll(async () => {
  await useDemoData()
  admin = await actorFor('admin@demo.nhs.uk')
  lead = await actorFor('lead@demo.nhs.uk')
  sponsor = await actorFor('sponsor@demo.nhs.uk')
  regionalLead = await actorFor('regional.lead@demo.nhs.uk')
  reviewer = await actorFor('priya.shah@demo.nhs.uk')
  // Two open items of RXV's published development plan for outcome 4, and a complete one.
  const baseline = await prisma.submission.findFirstOrThrow({
    where: { organisation: { odsCode: 'RXV' }, status: 'PUBLISHED' },
    select: { id: true, organisationId: true, cycle: { select: { editionId: true } } },
  })
  // The demo baseline has a pen portrait of its own: this test's replaces it.
  await prisma.penPortrait.deleteMany({ where: { submissionId: baseline.id } })
  await prisma.penPortrait.create({
    data: {
      submissionId: baseline.id,
      budgetPounds: 180_000,
      contextNotes: 'Two hospital sites and a community hub',
      organisations: { create: [{ organisationId: baseline.organisationId, staffHeadcount: 5200, staffWte: 4300 }] },
      staffPosts: {
        create: [
          { position: 1, title: 'Head of LKS', wte: 1, qualified: true },
          { position: 2, title: 'Library assistant', wte: 0.8, qualified: false },
        ],
      },
    },
  })
  const outcome2 = await prisma.outcome.findFirstOrThrow({
    where: { editionId: baseline.cycle.editionId, number: 4 },
    select: { id: true },
  })
  await prisma.developmentPlanItem.createMany({
    data: [
      {
        submissionId: baseline.id,
        outcomeId: outcome2.id,
        action: 'Run evidence training for ward managers',
        owner: 'Clinical Librarian',
        dueDate: d('2026-12-31'),
        status: 'IN_PROGRESS',
        progressNotes: 'Two sessions held',
      },
      {
        submissionId: baseline.id,
        outcomeId: outcome2.id,
        action: 'Publish evidence summaries to the intranet',
        owner: 'Head of LKS',
        dueDate: d('2027-06-30'),
      },
      {
        submissionId: baseline.id,
        outcomeId: outcome2.id,
        action: 'Already done',
        owner: 'Head of LKS',
        dueDate: d('2025-06-30'),
        status: 'COMPLETE',
      },
    ],
  })
  const edition = await prisma.frameworkEdition.findUniqueOrThrow({ where: { code: '2019' }, select: { id: true } })
  const created = await createCycle({
    actor: admin,
    form: {
      name: '2027/28 service improvement review',
      type: 'SERVICE_IMPROVEMENT_REVIEW',
      editionId: edition.id,
      evidencePeriodStart: d('2026-04-01'),
      evidencePeriodEnd: d('2027-03-31'),
      opensAt: d('2027-04-01'),
      submissionDeadline: d('2027-06-30'),
      validationDeadline: d('2027-09-30'),
      minimumExpectedLevel: null,
    },
  })
  if (!created.ok) throw new Error('cycle not created')
  cycleId = created.cycleId
  const orgs = await prisma.organisation.findMany({ where: { odsCode: { in: ['RXV', 'RWV'] } }, select: { id: true } })
  const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { updatedAt: true } })
  const saved = await saveParticipants({
    actor: admin,
    cycleId,
    form: { scope: 'SELECTED', organisationIds: orgs.map((o) => o.id), updatedAt: cycle.updatedAt.toISOString() },
  })
  expect(saved.ok).toBe(true)
  const again = await prisma.cycle.findUniqueOrThrow({ where: { id: cycleId }, select: { updatedAt: true } })
  const opened = await openCycle({ actor: admin, cycleId, updatedAt: again.updatedAt.toISOString() })
  expect(opened).toMatchObject({ ok: true, created: 2, plans: true })
  planId = (
    await prisma.serviceImprovementPlan.findFirstOrThrow({
      where: { cycleId, organisation: { odsCode: 'RXV' } },
      select: { id: true },
    })
  ).id
}, 120_000)

describe('bad input', () => {
  it('needs a reason for a target below the current agreed grade', () => {
    const schema = targetSchema({ level: 2, subLevel: 'MEDIUM' })
    const below = schema.safeParse({ intent: 'target', version: 0, targetLevel: 2, targetSubLevel: 'LOW' })
    expect(below.success).toBe(false)
    expect(below.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['targetReason', 'Enter why the target is below the current agreed grade'],
    ])
    expect(
      schema.safeParse({
        intent: 'target',
        version: 0,
        targetLevel: 2,
        targetSubLevel: 'LOW',
        targetReason: 'Staff cut',
      }).success,
    ).toBe(true)
    expect(schema.safeParse({ intent: 'target', version: 0, targetLevel: 3, targetSubLevel: 'LOW' }).success).toBe(true)
  })

  it('refuses an action due outside the plan period', () => {
    const schema = actionSchema({ start: d('2027-04-01'), end: d('2029-03-31') })
    const base = {
      intent: 'action',
      objectiveId: 'x',
      what: 'Survey',
      owner: 'Lead',
      measure: 'Done',
      status: 'NOT_STARTED',
    }
    const late = schema.safeParse({ ...base, dueDate: { day: '1', month: '4', year: '2029' } })
    expect(late.error?.issues.map((i) => i.message)).toEqual([
      'Due date must be within the plan period, 1 April 2027 to 31 March 2029',
    ])
    expect(schema.safeParse({ ...base, dueDate: { day: '31', month: '3', year: '2029' } }).success).toBe(true)
  })
})

// One journey, from opening the cycle to a published review and after: each step acts on the RXV
// plan as the step before left it (what opening made, the plan written, signed off, submitted,
// reviewed, published; the reminders and the PDF read what the journey did), so the steps run in
// order even when Vitest shuffles.
describe('a service improvement review cycle, from opening to a published review', { shuffle: false }, () => {
  describe('opening a service improvement review cycle', () => {
    it('creates a plan per organisation and no self-assessment', async () => {
      expect(await prisma.submission.count({ where: { cycleId } })).toBe(0)
      const plans = await prisma.serviceImprovementPlan.findMany({
        where: { cycleId },
        orderBy: { reference: 'asc' },
        select: {
          reference: true,
          status: true,
          planPeriodStart: true,
          planPeriodEnd: true,
          _count: { select: { outcomes: true } },
        },
      })
      expect(plans.map((p) => p.reference)).toEqual(['SIP-2728-RWV', 'SIP-2728-RXV'])
      expect(plans.every((p) => p.status === 'NOT_STARTED' && p._count.outcomes === 6)).toBe(true)
      expect(plans[0]).toMatchObject({ planPeriodStart: d('2027-04-01'), planPeriodEnd: d('2029-03-31') })
      const planIds = (await prisma.serviceImprovementPlan.findMany({ where: { cycleId }, select: { id: true } })).map(
        (p) => p.id,
      )
      expect(await prisma.auditEvent.count({ where: { action: 'sip.created', entityId: { in: planIds } } })).toBe(2)
    })

    it('copies the context from the latest pen portrait and the current grades from the latest published result', async () => {
      const plan = await prisma.serviceImprovementPlan.findUniqueOrThrow({
        where: { id: planId },
        select: {
          contextSourceSubmissionId: true,
          contextNotes: true,
          budgetPounds: true,
          staffHeadcount: true,
          staffWte: true,
          lksWte: true,
          qualifiedWte: true,
          outcomes: { select: { currentGradeSteps: true, outcome: { select: { id: true } } } },
        },
      })
      const latestPortrait = await prisma.penPortrait.findFirstOrThrow({
        where: { submission: { organisation: { odsCode: 'RXV' } } },
        orderBy: { submission: { cycle: { opensAt: 'desc' } } },
        select: { submissionId: true, contextNotes: true },
      })
      expect(plan.contextSourceSubmissionId).toBe(latestPortrait.submissionId)
      expect(plan.contextNotes).toBe(latestPortrait.contextNotes)
      expect(plan).toMatchObject({
        budgetPounds: 180_000,
        staffHeadcount: 5200,
        staffWte: 4300,
        lksWte: 1.8,
        qualifiedWte: 1,
      })
      const agreed = await prisma.agreedResult.findMany({
        where: { submission: { organisation: { odsCode: 'RXV' }, status: 'PUBLISHED' } },
        select: { outcomeId: true, gradeSteps: true },
      })
      for (const row of plan.outcomes)
        expect(row.currentGradeSteps).toBe(agreed.find((a) => a.outcomeId === row.outcome.id)!.gradeSteps)
    })
  })

  describe('the journey', () => {
    it('a lead writes the plan, carrying two development plan items forward in one step', async () => {
      let ctx = await context(lead, 'sip:edit')
      expect(
        await savePlanContext({
          actor: lead,
          context: ctx,
          ipAddress: ip,
          form: {
            version: 0,
            changesSinceValidation: 'A new clinical librarian post',
            contextNotes: '',
            budgetPounds: 250000,
          },
        }),
      ).toEqual({ ok: true })
      ctx = await context(lead)
      expect(ctx.status).toBe('IN_PROGRESS')
      for (let number = 1; number <= 6; number++) {
        const outcome = await getOutcomePlan(ctx, number)
        expect(
          await saveTarget({
            actor: lead,
            context: ctx,
            number,
            ipAddress: ip,
            form: {
              intent: 'target',
              version: outcome.version,
              targetLevel: 3,
              targetSubLevel: 'MEDIUM',
              targetReason: '',
            },
          }),
        ).toEqual({ ok: true })
        if (number === 4) {
          expect(outcome.planItems.map((i) => i.action)).toEqual([
            'Run evidence training for ward managers',
            'Publish evidence summaries to the intranet',
          ])
          expect(
            await carryForward({
              actor: lead,
              context: ctx,
              number,
              ipAddress: ip,
              planItemIds: outcome.planItems.map((i) => i.id),
            }),
          ).toEqual({ ok: true })
        } else {
          await addObjective({
            actor: lead,
            context: ctx,
            number,
            ipAddress: ip,
            text: `Reach level 3 on outcome ${number}`,
          })
          const objective = (await getOutcomePlan(ctx, number)).objectives[0]!
          expect(
            await addAction({
              actor: lead,
              context: ctx,
              number,
              ipAddress: ip,
              form: {
                intent: 'action',
                objectiveId: objective.id,
                what: 'Survey staff',
                owner: 'Clinical Librarian',
                dueDate: d('2027-12-31'),
                measure: '200 responses',
                status: 'NOT_STARTED',
                progressNotes: '',
              },
            }),
          ).toEqual({ ok: true })
        }
        expect(await completeOutcome({ actor: lead, context: ctx, number, ipAddress: ip })).toEqual({ ok: true })
      }
      const outcome2 = await getOutcomePlan(ctx, 4)
      expect(outcome2.objectives).toHaveLength(1)
      expect(outcome2.objectives[0]!.actions.map((a) => [a.what, a.status])).toEqual([
        ['Run evidence training for ward managers', 'IN_PROGRESS'],
        ['Publish evidence summaries to the intranet', 'NOT_STARTED'],
      ])
      // The item due before the plan period starts falls due on its first day.
      expect(outcome2.objectives[0]!.actions[0]!.dueDate).toEqual(d('2027-04-01'))
      expect(outcome2.planItems.every((i) => i.carried)).toBe(true)
      expect((await getPlanOverview(ctx)).problems).toEqual([])
    })

    it('the sponsor signs off and the lead submits; the plan locks', async () => {
      expect(await sendPlanForSignOff({ actor: lead, context: await context(lead), ipAddress: ip })).toEqual({
        ok: true,
      })
      // A contributor-level edit is refused while the sponsor reads it.
      const locked = await thrownStatus(async () =>
        addObjective({ actor: lead, context: await context(lead), number: 1, ipAddress: ip, text: 'More' }),
      )
      expect(locked).toBe(409)
      expect(await submitPlan({ actor: lead, context: await context(lead), ipAddress: ip })).toEqual({
        ok: false,
        message: 'The executive sponsor must sign off the plan before it can be submitted.',
      })
      expect(
        await recordPlanSponsorDecision({
          actor: sponsor,
          context: await context(sponsor),
          ipAddress: ip,
          decision: 'SIGNED_OFF',
          signerName: 'Dr Aisha Rahman',
          signerRole: 'Chief Medical Officer',
          reason: '',
        }),
      ).toEqual({ ok: true })
      // Submitted in the afternoon of the deadline day (30 June 2027, 4 pm in London): on time, by the
      // one late rule that submissions follow too (late only from the next day in London).
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(new Date('2027-06-30T15:00:00Z'))
      try {
        expect(await submitPlan({ actor: lead, context: await context(lead), ipAddress: ip })).toEqual({ ok: true })
      } finally {
        vi.useRealTimers()
      }
      const plan = await prisma.serviceImprovementPlan.findUniqueOrThrow({
        where: { id: planId },
        select: { status: true, submittedAt: true, isLate: true },
      })
      expect(plan.status).toBe('SUBMITTED')
      expect(plan.submittedAt).toEqual(new Date('2027-06-30T15:00:00Z'))
      expect(plan.isLate).toBe(false)
    })

    it('refuses a reviewer from outside the region or from the organisation itself', async () => {
      const ctx = await context(regionalLead, 'sip:assign-reviewer')
      const london = await actorFor('validator@demo.nhs.uk')
      const region = await prisma.region.findFirstOrThrow({ where: { name: 'North West' }, select: { id: true } })
      const insider = await createUser({
        email: 'insider@example.nhs.uk',
        roles: [
          { role: 'VALIDATOR', regionId: region.id },
          { role: 'SERVICE_CONTRIBUTOR', libraryServiceId: ctx.libraryServiceId },
        ],
      })
      const candidates = (await listReviewerCandidates(ctx)).map((c) => c.id)
      expect(candidates).toContain(reviewer.id)
      expect(candidates).not.toContain(london.id)
      expect(candidates).not.toContain(insider.id)
      for (const id of [london.id, insider.id])
        expect(await assignReviewer({ actor: regionalLead, context: ctx, ipAddress: ip, reviewerId: id })).toEqual({
          ok: false,
          fieldErrors: {
            reviewerId: [
              'Select a reviewer from the plan’s region who does not belong to the organisation or its service',
            ],
          },
        })
      // Neither the service nor the reviewer may assign.
      expect(await thrownStatus(() => context(lead, 'sip:assign-reviewer'))).toBe(403)
      expect(
        await assignReviewer({ actor: regionalLead, context: ctx, ipAddress: ip, reviewerId: reviewer.id }),
      ).toEqual({
        ok: true,
      })
    })

    it('hides the reviewer’s draft comments from the service until the regional lead confirms them', async () => {
      const ctx = await context(reviewer, 'sip:review')
      const outcomes = await prisma.sipOutcome.findMany({
        where: { planId },
        orderBy: { outcome: { number: 'asc' } },
        select: { outcomeId: true },
      })
      const form = ReviewSchema.parse({
        intent: 'record',
        version: 0,
        comments: outcomes.map((o, i) => ({
          outcomeId: o.outcomeId,
          comment: i === 2 ? 'Outcome 3 needs a measurable objective' : 'Good',
          resubmit: i === 2,
        })),
        meetingDate: { day: '15', month: '7', year: '2027' },
        attendees: 'Zoë Hartley, Priya Shah',
        meetingNotes: 'Discussed the plan',
        outcome: 'RESUBMISSION_REQUESTED',
      })
      expect(await saveReview({ actor: reviewer, context: ctx, ipAddress: ip, form })).toEqual({ ok: true })
      expect(await listVisibleReviews(await context(lead), false)).toEqual([])
      expect(await listVisibleReviews(await context(sponsor), false)).toEqual([])
      expect((await listVisibleReviews(await context(regionalLead), true))[0]!.outcome).toBe('RESUBMISSION_REQUESTED')
      // The service cannot confirm it, nor can the reviewer.
      expect(await thrownStatus(() => context(lead, 'sip:confirm-review'))).toBe(403)
      expect(await thrownStatus(() => context(reviewer, 'sip:confirm-review'))).toBe(403)
      expect(
        await confirmReview({
          actor: regionalLead,
          context: await context(regionalLead, 'sip:confirm-review'),
          ipAddress: ip,
          intent: 'confirm',
        }),
      ).toEqual({ ok: true })
      const visible = await listVisibleReviews(await context(lead), false)
      expect(visible).toHaveLength(1)
      expect(visible[0]!.comments.find((c) => c.resubmit)?.comment).toBe('Outcome 3 needs a measurable objective')
    })

    it('reopens only the outcome named; the lead resubmits; the review is accepted with recommendations and published', async () => {
      let ctx = await context(lead)
      expect(ctx.status).toBe('RESUBMISSION_REQUESTED')
      expect((await getOutcomePlan(ctx, 3)).editable).toBe(true)
      expect((await getOutcomePlan(ctx, 1)).editable).toBe(false)
      expect(
        await thrownStatus(() => addObjective({ actor: lead, context: ctx, number: 1, ipAddress: ip, text: 'No' })),
      ).toBe(409)
      expect(
        await addObjective({ actor: lead, context: ctx, number: 3, ipAddress: ip, text: 'Measure uptake quarterly' }),
      ).toEqual({ ok: true })
      expect(await resubmitPlan({ actor: lead, context: await context(lead), ipAddress: ip })).toEqual({ ok: true })
      ctx = await context(reviewer, 'sip:review')
      expect(ctx.status).toBe('IN_REVIEW')
      const form = ReviewSchema.parse({
        intent: 'record',
        version: 0,
        meetingDate: { day: '1', month: '9', year: '2027' },
        attendees: 'Zoë Hartley, Priya Shah',
        outcome: 'ACCEPTED_WITH_RECOMMENDATIONS',
        summary: 'Share the impact case studies with the board',
      })
      expect(await saveReview({ actor: reviewer, context: ctx, ipAddress: ip, form })).toEqual({ ok: true })
      expect(
        await confirmReview({
          actor: regionalLead,
          context: await context(regionalLead),
          ipAddress: ip,
          intent: 'confirm',
        }),
      ).toEqual({ ok: true })
      const plan = await prisma.serviceImprovementPlan.findUniqueOrThrow({
        where: { id: planId },
        select: { status: true, publishedAt: true, nextReviewDate: true },
      })
      expect(plan.status).toBe('PUBLISHED')
      const published = plan.publishedAt!
      expect(plan.nextReviewDate!.getUTCFullYear()).toBe(published.getUTCFullYear() + 2)
      expect((await listVisibleReviews(await context(lead), false)).map((r) => r.outcome)).toEqual([
        'ACCEPTED_WITH_RECOMMENDATIONS',
        'RESUBMISSION_REQUESTED',
      ])
    })

    it('lets the service update action progress after publication, and audits every transition', async () => {
      const ctx = await context(lead)
      const action = (await getOutcomePlan(ctx, 4)).objectives[0]!.actions[1]!
      expect(
        await updatePlanAction({
          actor: lead,
          context: ctx,
          actionId: action.id,
          ipAddress: ip,
          form: { intent: 'progress', version: 0, status: 'COMPLETE', progressNotes: 'Published in August' },
        }),
      ).toEqual({ ok: true })
      const actions = (
        await prisma.auditEvent.findMany({
          where: { entityId: planId },
          orderBy: { at: 'asc' },
          select: { action: true },
        })
      ).map((e) => e.action)
      expect(actions).toEqual(
        expect.arrayContaining([
          'sip.created',
          'sip.started',
          'sip.sent_for_sign_off',
          'sip.signed_off',
          'sip.submitted',
          'sip.reviewer_assigned',
          'sip.review_recorded',
          'sip.review_confirmed',
          'sip.resubmitted',
        ]),
      )
      expect(await prisma.auditEvent.count({ where: { action: 'sip.action_progress', entityId: action.id } })).toBe(1)
    })

    it('sends the receipt and the review emails', async () => {
      const kinds = (await prisma.sentEmail.findMany({ select: { kind: true } })).map((e) => e.kind)
      expect(kinds).toEqual(
        expect.arrayContaining([
          'SIP_SENT_FOR_SIGN_OFF',
          'SIP_SUBMITTED_RECEIPT',
          'SIP_SUBMITTED',
          'SIP_REVIEWER_ASSIGNED',
          'SIP_RESUBMISSION_REQUESTED',
          'SIP_REVIEW_PUBLISHED',
        ]),
      )
    })
  })

  describe('deadline reminders', () => {
    it('reminds the services whose plans are not yet submitted 14, 7 and 1 days before the deadline, once each', async () => {
      const { sendDeadlineReminders } = await import('~/modules/notifications/reminders.server')
      const fourteenBefore = new Date('2027-06-16T08:00:00Z')
      const first = await sendDeadlineReminders(fourteenBefore)
      const sipReminders = await prisma.sentEmail.findMany({
        where: { kind: 'SIP_DEADLINE_REMINDER' },
        select: { key: true, subject: true },
      })
      // RXV's plan has been submitted; RWV's has not.
      const rwv = await prisma.serviceImprovementPlan.findFirstOrThrow({
        where: { cycleId, organisation: { odsCode: 'RWV' } },
        select: { id: true },
      })
      expect(sipReminders.map((r) => r.key)).toEqual([`deadline-reminder:plan:${rwv.id}:14`])
      expect(sipReminders[0]!.subject).toMatch(
        /^14 days left: submit the 2027\/28 service improvement review Service Improvement Plan/,
      )
      expect(first.failed).toBe(0)
      await sendDeadlineReminders(fourteenBefore)
      expect(await prisma.sentEmail.count({ where: { kind: 'SIP_DEADLINE_REMINDER' } })).toBe(1)
    })
  })

  describe('the Service Improvement Plan PDF and the dashboard', () => {
    it('renders the plan with its context, targets, actions, evidence and the review record, read back with pdftotext', async () => {
      const { getPlanReport } = await import('~/modules/reports/plan-report.server')
      const { renderPlanReport } = await import('~/modules/reports/pdf/plan.server')
      const { pdfWorkspace } = await import('../pdf-tools')
      const workspace = await pdfWorkspace()
      try {
        const report = await getPlanReport(sponsor, planId)
        const pdf = await workspace.inspect(
          'plan',
          await renderPlanReport(report, { name: 'Dr Aisha Rahman', generatedAt: new Date() }),
        )
        expect(pdf.check.code).toBe(0)
        const text = pdf.pages.join('\n').replace(/\s+/g, ' ')
        for (const expected of [
          'Service Improvement Plan',
          'SIP-2728-RXV',
          'A new clinical librarian post',
          'Level 3, Medium',
          'Run evidence training for ward managers',
          'Publish evidence summaries to the intranet',
          'Complete the open actions of the development plan',
          'Review record',
          'Accepted with recommendations',
          'Share the impact case studies with the board',
          'Outcome 3 needs a measurable objective',
        ])
          expect(text).toContain(expected)
      } finally {
        await workspace.cleanup()
      }
    }, 30_000)

    it('shows the regional lead SIP status by region, targets against current grades and actions, with suppression', async () => {
      const { getImprovementDashboard } = await import('~/modules/improvement/dashboard.server')
      const open = await getImprovementDashboard(regionalLead, { cycleId, suppression: null })
      expect(open.cycle?.id).toBe(cycleId)
      expect(open.organisations.map((o) => [o.reference, o.status])).toEqual([
        ['SIP-2728-RWV', 'NOT_STARTED'],
        ['SIP-2728-RXV', 'PUBLISHED'],
      ])
      const status = open.views.find((v) => v.key === 'status')!
      expect(status.rows.at(-1)!.at(-1)).toBe(2)
      const ambition = open.views.find((v) => v.key === 'ambition')!
      expect(ambition.rows[0]!.slice(0, 2)).toEqual(['Outcome 1', 1])
      expect(ambition.rows[0]![3]).toBe('Level 3, Medium')
      const { suppressionAt } = await import('~/modules/dashboards/suppression')
      const published = await getImprovementDashboard(regionalLead, { cycleId, suppression: suppressionAt(5) })
      expect(
        published.views
          .find((v) => v.key === 'status')!
          .rows.at(-1)!
          .at(-1),
      ).toBe('[c]')
      expect(published.views.find((v) => v.key === 'ambition')!.rows[0]![3]).toBe('Suppressed')
      // A regional lead of another region sees none of these plans.
      const london = await actorFor('rachel.osei@demo.nhs.uk')
      const theirs = await getImprovementDashboard(london, { cycleId, suppression: null })
      expect(theirs.unknownCycle).toBe(true)
      expect(theirs.organisations.map((o) => o.reference)).toEqual(['SIP-2425-RTH'])
    }, 30_000)
  })
})
