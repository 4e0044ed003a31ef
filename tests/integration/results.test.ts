// Publication, the development plan and a submission's history (issue 4, items 6 to 8) against a
// real database seeded like `npm start`: who reads a result and when, the previous cycle on the
// chart, plan items with their version checks and forged ids, and the audit history.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import type { Actor } from '~/modules/auth/permissions'
import { recordAudit } from '~/modules/audit/audit.server'
import {
  describeAuditAction,
  getSubmissionHistory,
  HISTORY_PAGE_SIZE,
  summariseChanges,
  eventTarget,
} from '~/modules/audit/history.server'
import { gradeToSteps, toGrade } from '~/modules/framework/grading'
import {
  createPlanItem,
  getDevelopmentPlan,
  getPlanItem,
  updatePlanItem,
} from '~/modules/results/development-plan.server'
import { getResult } from '~/modules/results/results.server'
import type { PlanItemForm } from '~/modules/results/schema'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { actorFor, createUser } from '../factories'

let lead: Actor
let contributor: Actor
let sponsor: Actor
let regionalLead: Actor
let admin: Actor
let assignedValidator: Actor
let otherLead: Actor
let londonValidator: Actor

const submissionId = async (reference: string) =>
  (await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id
const context = async (actor: Actor, reference: string, action: Parameters<typeof loadSubmissionContext>[2]) =>
  loadSubmissionContext(actor, await submissionId(reference), action)

const stepsOf = (level: number | null, subLevel: string | null) => {
  const grade = toGrade(level, subLevel)
  return grade.ok ? gradeToSteps(grade.grade) : null
}

async function requiredActionsOf(reference: string) {
  return prisma.requiredAction.findMany({
    where: { agreedResult: { submission: { reference } } },
    orderBy: [{ agreedResult: { outcome: { number: 'asc' } } }, { position: 'asc' }],
    select: {
      id: true,
      text: true,
      agreedResult: { select: { outcomeId: true, outcome: { select: { number: true } } } },
    },
  })
}

/** Puts a published demo result back to validated, not yet published. */
async function validatedNotPublished(reference: string) {
  await prisma.submission.update({
    where: { reference },
    data: { status: 'VALIDATED', publishedAt: null, publishedById: null },
  })
}

const planForm = (overrides: Partial<PlanItemForm> = {}): PlanItemForm => ({
  action: 'Present the library strategy to the Board with the executive sponsor',
  owner: 'Head of Library and Knowledge Services',
  dueDate: new Date('2027-03-31T00:00:00Z'),
  status: 'NOT_STARTED',
  progressNotes: '',
  ...overrides,
})

beforeAll(async () => {
  await useDemoData()
  lead = await actorFor('lead@demo.nhs.uk')
  contributor = await actorFor('contributor@demo.nhs.uk')
  sponsor = await actorFor('sponsor@demo.nhs.uk')
  regionalLead = await actorFor('regional.lead@demo.nhs.uk')
  admin = await actorFor('admin@demo.nhs.uk')
  // The demo's London validator is the second validator of every North West baseline submission.
  assignedValidator = await actorFor('validator@demo.nhs.uk')
  otherLead = await actorFor('mark.lewis@demo.nhs.uk')
  const london = await prisma.region.findUniqueOrThrow({ where: { name: 'London' }, select: { id: true } })
  londonValidator = await actorFor((await createUser({ roles: [{ role: 'VALIDATOR', regionId: london.id }] })).email)
})

describe('the published result', () => {
  it('shows the lead and the sponsor each outcome’s agreed grade beside the self-assessment', async () => {
    const agreed = await prisma.agreedResult.findMany({
      where: { submission: { reference: 'LKS-2122-RXV' } },
      orderBy: { outcome: { number: 'asc' } },
      select: { level: true, subLevel: true, strengths: true },
    })
    const self = await prisma.outcomeResponse.findMany({
      where: { submission: { reference: 'LKS-2122-RXV' } },
      orderBy: { outcome: { number: 'asc' } },
      select: { selfLevel: true, selfSubLevel: true },
    })
    expect(agreed).toHaveLength(6)
    for (const actor of [lead, sponsor, contributor]) {
      const ctx = await context(actor, 'LKS-2122-RXV', 'result:view')
      const result = await getResult(actor, ctx)
      expect(result).toMatchObject({
        audience: 'service',
        status: 'PUBLISHED',
        cycleName: '2021/22 baseline',
        organisation: { name: 'Ribble Valley Teaching Hospitals NHS Foundation Trust', odsCode: 'RXV' },
        minimumExpectedLevel: 2,
        previousCycleName: null,
        requiredActionCount: (await requiredActionsOf('LKS-2122-RXV')).length,
      })
      expect(result?.publishedAt).toBeInstanceOf(Date)
      expect(result?.outcomes.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6])
      expect(result?.outcomes.map((o) => o.agreedSteps)).toEqual(agreed.map((a) => stepsOf(a.level, a.subLevel)))
      expect(result?.outcomes.map((o) => o.selfSteps)).toEqual(self.map((s) => stepsOf(s.selfLevel, s.selfSubLevel)))
      expect(result?.outcomes.every((o) => o.previousSteps === null)).toBe(true)
      expect(result?.outcomes[0]?.strengths).toBe(agreed[0]?.strengths)
    }
  })

  it('lists each outcome’s required actions, which the cycle’s minimum level demands', async () => {
    const result = await getResult(lead, await context(lead, 'LKS-2122-RXV', 'result:view'))
    const belowMinimum = result?.outcomes.filter((o) => o.agreedSteps !== null && o.agreedSteps < 4) ?? []
    expect(belowMinimum.length).toBeGreaterThan(0)
    for (const outcome of result?.outcomes ?? []) {
      expect(outcome.requiredActions.length > 0, `outcome ${outcome.number}`).toBe(belowMinimum.includes(outcome))
    }
    expect(result?.outcomes.flatMap((o) => o.requiredActions.map((a) => a.text))).toEqual(
      (await requiredActionsOf('LKS-2122-RXV')).map((a) => a.text),
    )
  })

  it('shows the service nothing before publication, while the regional lead and validators see the agreed result', async () => {
    await validatedNotPublished('LKS-2122-RWV')
    for (const actor of [lead, contributor]) {
      const ctx = await context(actor, 'LKS-2122-RWV', 'result:view')
      expect(await getResult(actor, ctx)).toBeNull()
    }
    const reviewed = await getResult(regionalLead, await context(regionalLead, 'LKS-2122-RWV', 'result:view'))
    expect(reviewed).toMatchObject({ audience: 'reviewer', status: 'VALIDATED', publishedAt: null })
    expect(reviewed?.outcomes.every((o) => o.agreedSteps !== null)).toBe(true)
    expect(await getResult(admin, await context(admin, 'LKS-2122-RWV', 'result:view'))).toMatchObject({
      audience: 'reviewer',
    })
    expect(
      await getResult(assignedValidator, await context(assignedValidator, 'LKS-2122-RWV', 'result:view')),
    ).toMatchObject({ audience: 'reviewer' })
    // Still in validation: nobody reads a result yet.
    await prisma.submission.update({ where: { reference: 'LKS-2122-RWV' }, data: { status: 'IN_MODERATION' } })
    expect(await getResult(regionalLead, await context(regionalLead, 'LKS-2122-RWV', 'result:view'))).toBeNull()
    await prisma.submission.update({ where: { reference: 'LKS-2122-RWV' }, data: { status: 'VALIDATED' } })
  })

  it('gives another service’s lead and an unassigned validator a page that does not exist', async () => {
    await expect(context(otherLead, 'LKS-2122-RXV', 'result:view')).rejects.toMatchObject({ status: 404 })
    await expect(context(londonValidator, 'LKS-2122-RXV', 'result:view')).rejects.toMatchObject({ status: 404 })
    await expect(context(sponsor, 'LKS-2122-RYV', 'result:view')).rejects.toMatchObject({ status: 404 })
  })

  it('adds the organisation’s last published result as the previous cycle, skipping unpublished ones', async () => {
    const baseline = await context(admin, 'LKS-2122-RXV', 'result:view')
    const outcomes = await prisma.outcome.findMany({
      where: { editionId: baseline.cycle.editionId },
      orderBy: { number: 'asc' },
      select: { id: true },
    })
    const cycle = await prisma.cycle.create({
      data: {
        name: '2029/30',
        type: 'FULL_VALIDATION',
        status: 'CLOSED',
        editionId: baseline.cycle.editionId,
        evidencePeriodStart: new Date('2028-04-01'),
        evidencePeriodEnd: new Date('2029-03-31'),
        opensAt: new Date('2029-10-01'),
        submissionDeadline: new Date('2030-01-31'),
        validationDeadline: new Date('2030-03-31'),
        minimumExpectedLevel: 2,
      },
      select: { id: true },
    })
    const agreedBy = await prisma.user.findUniqueOrThrow({
      where: { email: 'priya.shah@demo.nhs.uk' },
      select: { id: true },
    })
    const later = await prisma.submission.create({
      data: {
        reference: 'LKS-2930-RXV',
        cycleId: cycle.id,
        organisationId: baseline.organisationId,
        libraryServiceId: baseline.libraryServiceId,
        regionId: baseline.regionId,
        status: 'PUBLISHED',
        publishedAt: new Date('2030-05-01'),
        outcomeResponses: {
          create: outcomes.map((o) => ({
            outcomeId: o.id,
            status: 'COMPLETED',
            selfLevel: 3,
            selfSubLevel: 'LOW',
            selfGradeSteps: 7,
          })),
        },
        agreedResults: {
          create: outcomes.map((o) => ({
            outcomeId: o.id,
            level: 3,
            subLevel: 'LOW',
            gradeSteps: 7,
            agreedById: agreedBy.id,
          })),
        },
      },
      select: { id: true },
    })
    const result = await getResult(sponsor, await loadSubmissionContext(sponsor, later.id, 'result:view'))
    // The 2026/27 submission in between is not published, so the baseline is the previous result.
    expect(result?.previousCycleName).toBe('2021/22 baseline')
    const baselineResult = await getResult(sponsor, baseline)
    expect(result?.outcomes.map((o) => o.previousSteps)).toEqual(baselineResult?.outcomes.map((o) => o.agreedSteps))
    expect(result?.outcomes.every((o) => o.selfSteps === 7 && o.agreedSteps === 7)).toBe(true)
  })
})

// Plan items and the audit events about them are what the tests below add to Ribble Valley's and
// Ribble and Fylde's published results: each test starts without them and adds what it needs, so
// the tests hold in any order.
beforeEach(async () => {
  const submissions = await prisma.submission.findMany({
    where: { reference: { in: ['LKS-2122-RXV', 'LKS-2122-RYV'] } },
    select: { id: true },
  })
  const ids = submissions.map((s) => s.id)
  await prisma.auditEvent.deleteMany({ where: { OR: [{ submissionId: { in: ids } }, { entityId: { in: ids } }] } })
  await prisma.developmentPlanItem.deleteMany({ where: { submissionId: { in: ids } } })
})

/** The lead adds a plan item to Ribble Valley's published 2021/22 result, answering its first required action. */
async function addPlanItem() {
  const [required] = await requiredActionsOf('LKS-2122-RXV')
  expect(required).toBeDefined()
  const ctx = await context(lead, 'LKS-2122-RXV', 'development-plan:edit')
  const created = await createPlanItem({
    actor: lead,
    context: ctx,
    form: planForm({ requiredActionId: required!.id }),
    ipAddress: '',
  })
  expect(created).toMatchObject({ ok: true })
  return { ctx, required: required!, itemId: created.ok ? created.itemId : '' }
}

/** The plan item added, then completed by the contributor. */
async function completePlanItem() {
  const { itemId } = await addPlanItem()
  const ctx = await context(contributor, 'LKS-2122-RXV', 'development-plan:edit')
  const item = await getPlanItem(ctx, itemId)
  const saved = await updatePlanItem({
    actor: contributor,
    context: ctx,
    itemId,
    form: {
      ...planForm({ requiredActionId: item.requiredActionId ?? undefined }),
      status: 'COMPLETE',
      progressNotes: 'Presented on 4 March.',
      version: item.version,
    },
    ipAddress: '',
  })
  expect(saved).toEqual({ ok: true, itemId })
  return { itemId }
}

describe('the development plan', () => {
  it('lets the lead add an item that answers a required action, recorded in the audit trail', async () => {
    const { ctx, required: addedFor, itemId } = await addPlanItem()
    const required = addedFor as typeof addedFor | undefined
    const plan = await getDevelopmentPlan(ctx)
    expect(plan.progress).toBe('0 of 1 item complete')
    expect(plan.items).toHaveLength(1)
    expect(plan.items[0]).toMatchObject({
      id: itemId,
      action: 'Present the library strategy to the Board with the executive sponsor',
      owner: 'Head of Library and Knowledge Services',
      status: 'NOT_STARTED',
      version: 1,
      outcomeNumber: required!.agreedResult.outcome.number,
      requiredAction: { id: required!.id, text: required!.text },
    })
    expect(plan.requiredActions.find((a) => a.id === required!.id)?.answered).toBe(true)
    const events = await prisma.auditEvent.findMany({
      where: { entityType: 'DevelopmentPlanItem', entityId: itemId },
      select: { action: true, actorId: true, submissionId: true, after: true },
    })
    expect(events).toEqual([
      {
        action: 'development_plan_item.created',
        actorId: lead.id,
        submissionId: ctx.id,
        after: expect.stringContaining('"dueDate":"2027-03-31"'),
      },
    ])
  })

  it('saves a change against the version edited and refuses a stale one, changing nothing', async () => {
    const { itemId } = await addPlanItem()
    const ctx = await context(contributor, 'LKS-2122-RXV', 'development-plan:edit')
    const item = await getPlanItem(ctx, itemId)
    const saved = await updatePlanItem({
      actor: contributor,
      context: ctx,
      itemId,
      form: {
        ...planForm({ requiredActionId: item.requiredActionId ?? undefined }),
        status: 'COMPLETE',
        progressNotes: 'Presented on 4 March.',
        version: item.version,
      },
      ipAddress: '',
    })
    expect(saved).toEqual({ ok: true, itemId })
    const stale = await updatePlanItem({
      actor: lead,
      context: ctx,
      itemId,
      form: { ...planForm(), owner: 'Someone else', version: item.version },
      ipAddress: '',
    })
    expect(stale).toMatchObject({
      ok: false,
      kind: 'conflict',
      current: {
        status: 'COMPLETE',
        progressNotes: 'Presented on 4 March.',
        owner: 'Head of Library and Knowledge Services',
        version: 2,
      },
    })
    const after = await getPlanItem(ctx, itemId)
    expect(after).toMatchObject({
      status: 'COMPLETE',
      owner: 'Head of Library and Knowledge Services',
      version: 2,
      requiredActionId: item.requiredActionId,
    })
    expect((await getDevelopmentPlan(ctx)).progress).toBe('1 of 1 item complete')
    const updates = await prisma.auditEvent.findMany({
      where: { entityId: itemId, action: 'development_plan_item.updated' },
      select: { before: true, after: true },
    })
    expect(updates).toHaveLength(1)
    expect(JSON.parse(updates[0]!.before!)).toEqual({ status: 'NOT_STARTED', progressNotes: '', version: 1 })
    expect(JSON.parse(updates[0]!.after!)).toEqual({
      action: 'Present the library strategy to the Board with the executive sponsor',
      status: 'COMPLETE',
      progressNotes: 'Presented on 4 March.',
      version: 2,
    })
  })

  it('refuses a required action of another submission, and keeps the plan as it was', async () => {
    const { itemId } = await addPlanItem()
    const ctx = await context(lead, 'LKS-2122-RXV', 'development-plan:edit')
    const [foreign] = await requiredActionsOf('LKS-2122-RYV')
    expect(foreign).toBeDefined()
    const before = await prisma.developmentPlanItem.count()
    expect(
      await createPlanItem({
        actor: lead,
        context: ctx,
        form: planForm({ requiredActionId: foreign!.id }),
        ipAddress: '',
      }),
    ).toEqual({
      ok: false,
      kind: 'invalid',
      fieldErrors: { requiredActionId: ['Select a required action from the list, or none'] },
    })
    const item = await getPlanItem(ctx, itemId)
    expect(
      await updatePlanItem({
        actor: lead,
        context: ctx,
        itemId,
        form: { ...planForm({ requiredActionId: foreign!.id }), version: item.version },
        ipAddress: '',
      }),
    ).toMatchObject({ ok: false, kind: 'invalid' })
    expect(await prisma.developmentPlanItem.count()).toBe(before)
    expect(await getPlanItem(ctx, itemId)).toMatchObject({
      version: item.version,
      requiredActionId: item.requiredActionId,
    })
  })

  it('treats another submission’s item as a page that does not exist', async () => {
    const { itemId } = await addPlanItem()
    const other = await context(lead, 'LKS-2122-RYV', 'development-plan:edit')
    const created = await createPlanItem({
      actor: lead,
      context: other,
      form: planForm({ action: 'Ribble and Fylde action' }),
      ipAddress: '',
    })
    expect(created.ok).toBe(true)
    const otherItemId = created.ok ? created.itemId : ''
    const ctx = await context(lead, 'LKS-2122-RXV', 'development-plan:edit')
    await expect(getPlanItem(ctx, otherItemId)).rejects.toMatchObject({ status: 404 })
    await expect(
      updatePlanItem({
        actor: lead,
        context: ctx,
        itemId: otherItemId,
        form: { ...planForm({ action: 'Hijacked' }), version: 1 },
        ipAddress: '',
      }),
    ).rejects.toMatchObject({ status: 404 })
    expect(await getPlanItem(other, otherItemId)).toMatchObject({ action: 'Ribble and Fylde action', version: 1 })
    expect((await getDevelopmentPlan(ctx)).items.map((i) => i.id)).toEqual([itemId])
  })

  it('is refused before publication', async () => {
    await validatedNotPublished('LKS-2122-RWV')
    const ctx = await context(lead, 'LKS-2122-RWV', 'development-plan:edit')
    expect(ctx.status).toBe('VALIDATED')
    const before = await prisma.developmentPlanItem.count()
    await expect(createPlanItem({ actor: lead, context: ctx, form: planForm(), ipAddress: '' })).rejects.toMatchObject({
      status: 404,
    })
    await expect(getDevelopmentPlan(ctx)).rejects.toMatchObject({ status: 404 })
    await expect(
      getDevelopmentPlan(await context(regionalLead, 'LKS-2122-RWV', 'development-plan:view')),
    ).rejects.toMatchObject({ status: 404 })
    expect(await prisma.developmentPlanItem.count()).toBe(before)
  })

  it('lets the regional lead and the sponsor follow the plan but not change it', async () => {
    await completePlanItem()
    const plan = await getDevelopmentPlan(await context(regionalLead, 'LKS-2122-RXV', 'development-plan:view'))
    expect(plan.progress).toBe('1 of 1 item complete')
    expect(
      (await getDevelopmentPlan(await context(sponsor, 'LKS-2122-RXV', 'development-plan:view'))).items,
    ).toHaveLength(1)
    await expect(context(regionalLead, 'LKS-2122-RXV', 'development-plan:edit')).rejects.toMatchObject({ status: 403 })
    await expect(context(sponsor, 'LKS-2122-RXV', 'development-plan:edit')).rejects.toMatchObject({ status: 403 })
    await expect(context(assignedValidator, 'LKS-2122-RXV', 'development-plan:view')).rejects.toMatchObject({
      status: 403,
    })
    await expect(context(otherLead, 'LKS-2122-RXV', 'development-plan:view')).rejects.toMatchObject({ status: 404 })
    // The module checks the permission too, whatever context it is handed.
    const viewOnly = await context(regionalLead, 'LKS-2122-RXV', 'development-plan:view')
    await expect(
      createPlanItem({ actor: regionalLead, context: viewOnly, form: planForm(), ipAddress: '' }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('the history', () => {
  it('shows the regional lead and an admin every event of the submission, newest first, in plain English', async () => {
    await completePlanItem()
    const id = await submissionId('LKS-2122-RXV')
    // An event about the submission recorded without the submission column still belongs here.
    await recordAudit(prisma, {
      actorId: null,
      action: 'submission.result_reopened',
      entityType: 'Submission',
      entityId: id,
      before: { status: 'PUBLISHED' },
      after: { status: 'VALIDATED', reason: 'Typo in a strength' },
    })
    await recordAudit(prisma, {
      actorId: null,
      action: 'submission.submitted',
      entityType: 'Submission',
      entityId: await submissionId('LKS-2122-RYV'),
      submissionId: await submissionId('LKS-2122-RYV'),
    })
    for (const actor of [regionalLead, admin]) {
      const history = await getSubmissionHistory(actor, await context(actor, 'LKS-2122-RXV', 'audit:view'), 1)
      expect(history).toMatchObject({ total: 3, page: 1, pageCount: 1 })
      expect(history?.events.map((e) => [e.who, e.description])).toEqual([
        ['System', 'Result reopened'],
        ['Sam Okafor', 'Development plan item updated'],
        ['Zoë Hartley', 'Development plan item added'],
      ])
      expect(history?.events[0]?.changes).toEqual([
        'Status: Result published → Validated',
        'Reason: Typo in a strength',
      ])
      expect(history?.events[1]?.changes).toEqual([
        'Action: Present the library strategy to the Board with the executive sponsor',
        'Status: Not started → Complete',
        'Progress notes: none → Presented on 4 March.',
      ])
      expect(history?.events[2]?.changes).toContain('Due date: 31 March 2027')
    }
  })

  it('names the validators assigned by their role, and links each event to what it changed', async () => {
    const id = await submissionId('LKS-2122-RWV')
    const priya = await prisma.user.findUniqueOrThrow({ where: { email: 'priya.shah@demo.nhs.uk' } })
    const owen = await prisma.user.findUniqueOrThrow({ where: { email: 'owen.griffiths@demo.nhs.uk' } })
    const lukasz = await prisma.user.findUniqueOrThrow({ where: { email: 'validator@demo.nhs.uk' } })
    await recordAudit(prisma, {
      actorId: regionalLead.id,
      action: 'validation.validators_assigned',
      entityType: 'Submission',
      entityId: id,
      submissionId: id,
      before: { status: 'IN_VALIDATION', assignments: [{ kind: 'PRIMARY', validatorId: priya.id }] },
      after: { status: 'IN_VALIDATION', primaryId: priya.id, secondaryId: owen.id, dueDate: '2027-02-26' },
    })
    await recordAudit(prisma, {
      actorId: regionalLead.id,
      action: 'validation.validators_assigned',
      entityType: 'Submission',
      entityId: id,
      submissionId: id,
      before: { status: 'IN_VALIDATION', assignments: [{ kind: 'PRIMARY', validatorId: priya.id }] },
      after: { status: 'IN_VALIDATION', primaryId: lukasz.id, secondaryId: owen.id, dueDate: '2027-02-26' },
    })
    const history = await getSubmissionHistory(
      regionalLead,
      await context(regionalLead, 'LKS-2122-RWV', 'audit:view'),
      1,
    )
    const assigned = history!.events.filter((e) => e.description === 'Validators assigned')
    expect(assigned.map((e) => e.changes.slice(0, 2))).toEqual([
      [`Primary validator: Priya Shah → ${lukasz.name}`, 'Second validator: Owen Griffiths'],
      ['Primary validator: Priya Shah', 'Second validator: Owen Griffiths'],
    ])
    expect(assigned.map((e) => e.href)).toEqual([`/submissions/${id}/assign`, `/submissions/${id}/assign`])
    // Every event links to a page of this submission.
    for (const event of history!.events) expect(event.href).toMatch(new RegExp(`^/submissions/${id}(/|$)`))
  })

  it('links each kind of event to the page that shows it, and to what its reader needs to open it', () => {
    const at = (action: string, entityType: string, entityId = 'e1') =>
      eventTarget('s1', { action, entityType, entityId })
    expect(at('development_plan_item.updated', 'DevelopmentPlanItem', 'item7')).toEqual({
      href: '/submissions/s1/development-plan',
      needs: 'development-plan:view',
    })
    for (const [action, entityType] of [
      ['outcome_response.saved', 'OutcomeResponse'],
      ['evidence_link.added', 'EvidenceLink'],
      ['pen_portrait.saved', 'PenPortrait'],
    ] as const)
      expect(at(action, entityType)).toEqual({
        href: '/submissions/s1/reviewer-pack.pdf',
        needs: 'report:reviewer-pack',
      })
    expect(at('clarification.asked', 'ClarificationThread').href).toBe('/submissions/s1/clarifications')
    expect(at('validation.grade_saved', 'OutcomeValidation').href).toBe('/submissions/s1/agreement')
    expect(at('submission.result_published', 'Submission')).toEqual({
      href: '/submissions/s1/result',
      needs: 'result:view',
    })
    expect(at('submission.submitted', 'Submission').href).toBe('/submissions/s1')
  })

  it('is refused to the service and to validators', async () => {
    await expect(context(lead, 'LKS-2122-RXV', 'audit:view')).rejects.toMatchObject({ status: 403 })
    await expect(context(assignedValidator, 'LKS-2122-RXV', 'audit:view')).rejects.toMatchObject({ status: 403 })
    await expect(context(londonValidator, 'LKS-2122-RXV', 'audit:view')).rejects.toMatchObject({ status: 404 })
    await expect(context(otherLead, 'LKS-2122-RXV', 'audit:view')).rejects.toMatchObject({ status: 404 })
  })

  it('pages through long histories 50 at a time', async () => {
    const id = await submissionId('LKS-2122-RTM')
    const start = Date.UTC(2026, 2, 14, 14, 0)
    await prisma.auditEvent.createMany({
      data: Array.from({ length: HISTORY_PAGE_SIZE + 5 }, (_, i) => ({
        action: 'outcome_response.saved',
        entityType: 'OutcomeResponse',
        entityId: `response-${i}`,
        submissionId: id,
        at: new Date(start + i * 60_000),
      })),
    })
    const ctx = await context(admin, 'LKS-2122-RTM', 'audit:view')
    const first = await getSubmissionHistory(admin, ctx, 1)
    const second = await getSubmissionHistory(admin, ctx, 2)
    expect(first).toMatchObject({ total: 55, pageCount: 2 })
    expect(first?.events).toHaveLength(50)
    expect(second?.events).toHaveLength(5)
    expect(first?.events[0]?.at).toEqual(new Date(start + 54 * 60_000))
    expect(second?.events.at(-1)?.at).toEqual(new Date(start))
    expect(await getSubmissionHistory(admin, ctx, 3)).toBeNull()
  })

  it('names the outcome of saved answers and describes known and unknown actions', async () => {
    const ctx = await context(admin, 'LKS-2122-RTH', 'audit:view')
    const response = await prisma.outcomeResponse.findFirstOrThrow({
      where: { submissionId: ctx.id, outcome: { number: 4 } },
      select: { id: true },
    })
    await recordAudit(prisma, {
      actorId: lead.id,
      action: 'outcome_response.saved',
      entityType: 'OutcomeResponse',
      entityId: response.id,
      submissionId: ctx.id,
      before: { status: 'IN_PROGRESS', selfLevel: 2, selfSubLevel: 'LOW', narrativeLength: 120 },
      after: { status: 'COMPLETED', selfLevel: 2, selfSubLevel: 'HIGH', narrativeLength: 1450, version: 3 },
    })
    const history = await getSubmissionHistory(admin, ctx, 1)
    expect(history?.events[0]).toMatchObject({
      who: 'Zoë Hartley',
      description: 'Outcome answers saved',
      changes: [
        'Outcome 4',
        'Status: In progress → Completed',
        'Narrative length: 120 characters → 1,450 characters',
        'Self-assessed grade: Level 2, Low → Level 2, High',
      ],
    })
    expect(describeAuditAction('submission.submitted')).toBe('Submitted')
    expect(describeAuditAction('submission.signed_off')).toBe('Signed off by the executive sponsor')
    expect(describeAuditAction('something.new')).toBe('something.new')
    expect(
      summariseChanges(
        'Submission',
        '{"status":"IN_PROGRESS"}',
        '{"status":"AWAITING_SIGN_OFF","sentForSignOffAt":"2026-03-14T14:05:00.000Z"}',
      ),
    ).toEqual(['Status: In progress → Awaiting sign-off', 'Sent for sign-off: 14 March 2026'])
    expect(
      summariseChanges(
        'OutcomeValidation',
        null,
        '{"outcome":2,"level":0,"subLevel":null,"assignments":[{"kind":"PRIMARY"}],"primaryId":"x"}',
      ),
    ).toEqual(['Outcome: 2', 'Grade: Level 0'])
    expect(summariseChanges('Submission', 'not json', null)).toEqual([])
  })
})
