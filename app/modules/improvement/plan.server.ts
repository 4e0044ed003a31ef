// A Service Improvement Plan as the service writes it (issue 18, items 1 and 4): loading it within
// the user's scope, the task list, the context, each outcome's target, objectives, actions and
// evidence, and carrying open development plan items forward. Every change is permission-checked,
// checked against the plan's status, and audited in the same transaction.
import { recordAudit } from '~/modules/audit/audit.server'
import { planScope, requirePermission, type Action, type Actor, type Target } from '~/modules/auth/permissions'
import { formatGrade, gradeToSteps, toGrade, type Grade } from '~/modules/framework/grading'
import { prisma, type Db } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import { findReceipt, recordReceipt, type SaveReceiptKey } from '~/modules/submissions/save-receipts.server'
import { isActionOverdue } from './rules'
import type { ActionForm, EditActionForm, PlanContextForm, ProgressForm, TargetForm } from './schema'
import {
  isActionStatus,
  isReviewVisibleToService,
  isSipContextEditable,
  isSipOutcomeEditable,
  isSipProgressEditable,
  isSipStatus,
  type ActionStatus,
  type SipStatus,
} from './status'

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

export type PlanContext = NonNullable<Awaited<ReturnType<typeof findPlanContext>>>

export async function findPlanContext(actor: Actor, planId: string, action: Action = 'sip:view') {
  const plan = await prisma.serviceImprovementPlan.findFirst({
    where: { id: planId, ...planScope(actor, action) },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      cycleId: true,
      organisationId: true,
      libraryServiceId: true,
      regionId: true,
      reviewerId: true,
      planPeriodStart: true,
      planPeriodEnd: true,
      sentForSignOffAt: true,
      submittedAt: true,
      isLate: true,
      publishedAt: true,
      nextReviewDate: true,
      interimRequestedAt: true,
      interimRequestNote: true,
      interimUpdatedAt: true,
      cycle: {
        select: {
          id: true,
          name: true,
          status: true,
          submissionDeadline: true,
          editionId: true,
          edition: { select: { name: true, code: true } },
        },
      },
      organisation: { select: { id: true, name: true, odsCode: true } },
      libraryService: { select: { id: true, name: true } },
      region: { select: { name: true } },
      reviewer: { select: { id: true, name: true } },
    },
  })
  if (!plan || !isSipStatus(plan.status)) return null
  const status: SipStatus = plan.status
  const target: Target = {
    libraryServiceIds: [plan.libraryServiceId],
    organisationId: plan.organisationId,
    regionId: plan.regionId,
    assignedValidatorIds: plan.reviewerId ? [plan.reviewerId] : [],
  }
  return { ...plan, status, target }
}

/**
 * The plan for a page or an action. It is looked up within the scope of `sip:view` (missing and
 * out of reach are the same 404), then the action is checked against the matrix (403).
 */
export async function loadPlanContext(actor: Actor, planId: string, action: Action = 'sip:view') {
  const context = await findPlanContext(actor, planId)
  if (!context) notFound()
  requirePermission(actor, action, context.target)
  return context
}

export class PlanLocked extends Response {
  constructor(
    message = 'This Service Improvement Plan has been sent for sign-off or submitted, so it cannot be changed.',
  ) {
    super(message, { status: 409, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
}

function gradeOf(level: number | null, subLevel: string | null): Grade | null {
  if (level === null) return null
  const result = toGrade(level, level === 0 ? null : subLevel)
  return result.ok ? result.grade : null
}

const gradeText = (grade: Grade | null) => (grade ? formatGrade(grade) : null)

async function markStarted(tx: Tx, context: PlanContext, actor: Actor, ipAddress: string) {
  if (context.status !== 'NOT_STARTED') return
  const { count } = await tx.serviceImprovementPlan.updateMany({
    where: { id: context.id, status: 'NOT_STARTED' },
    data: { status: 'IN_PROGRESS', startedAt: new Date(), version: { increment: 1 } },
  })
  if (count)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'sip.started',
      entityType: 'ServiceImprovementPlan',
      entityId: context.id,
      before: { status: 'NOT_STARTED' },
      after: { status: 'IN_PROGRESS' },
      ipAddress,
    })
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

const OUTCOME_STATUS = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const
export type OutcomePlanStatus = (typeof OUTCOME_STATUS)[number]
const outcomeStatusOf = (value: string): OutcomePlanStatus =>
  (OUTCOME_STATUS as readonly string[]).includes(value) ? (value as OutcomePlanStatus) : 'NOT_STARTED'

/** The plan's outcomes with their current grade, target and counts, for the task list and the PDF. */
export async function listPlanOutcomes(db: Db, planId: string) {
  const rows = await db.sipOutcome.findMany({
    where: { planId },
    orderBy: { outcome: { number: 'asc' } },
    select: {
      id: true,
      status: true,
      currentLevel: true,
      currentSubLevel: true,
      targetLevel: true,
      targetSubLevel: true,
      targetReason: true,
      reopenedForResubmission: true,
      version: true,
      outcome: { select: { id: true, number: true, shortTitle: true, statement: true } },
      _count: { select: { objectives: true, evidence: true } },
    },
  })
  return rows.map((row) => {
    const current = gradeOf(row.currentLevel, row.currentSubLevel)
    const target = gradeOf(row.targetLevel, row.targetSubLevel)
    return {
      id: row.id,
      outcomeId: row.outcome.id,
      number: row.outcome.number,
      shortTitle: row.outcome.shortTitle,
      statement: row.outcome.statement,
      status: outcomeStatusOf(row.status),
      current,
      currentText: gradeText(current),
      target,
      targetText: gradeText(target),
      targetReason: row.targetReason,
      reopened: row.reopenedForResubmission,
      version: row.version,
      objectiveCount: row._count.objectives,
      evidenceCount: row._count.evidence,
    }
  })
}

/** What is missing before the plan can go to the sponsor. */
export function planProblems(input: {
  contextCompleted: boolean
  outcomes: ReadonlyArray<{ number: number; status: OutcomePlanStatus; target: Grade | null; objectiveCount: number }>
}): Array<{ href: string; text: string }> {
  const problems: Array<{ href: string; text: string }> = []
  if (!input.contextCompleted) problems.push({ href: 'context', text: 'Complete the context' })
  for (const o of input.outcomes) {
    if (!o.target) problems.push({ href: `outcomes/${o.number}`, text: `Set a target for outcome ${o.number}` })
    else if (o.objectiveCount === 0)
      problems.push({ href: `outcomes/${o.number}`, text: `Add an objective for outcome ${o.number}` })
    else if (o.status !== 'COMPLETED')
      problems.push({ href: `outcomes/${o.number}`, text: `Mark outcome ${o.number} as completed` })
  }
  return problems
}

export type PlanSignOffState =
  | { kind: 'NOT_SENT' }
  | { kind: 'AWAITING' }
  | { kind: 'SIGNED_OFF'; signerName: string; signerRole: string; at: Date }
  | { kind: 'RETURNED'; reason: string; at: Date }

/** The sponsor's latest decision on the current round of sign-off. */
export async function planSignOffState(
  context: Pick<PlanContext, 'id' | 'status' | 'sentForSignOffAt'>,
): Promise<PlanSignOffState> {
  const latest = await prisma.sipSignOff.findFirst({
    where: { planId: context.id },
    orderBy: { createdAt: 'desc' },
    select: { decision: true, signerName: true, signerRole: true, reason: true, createdAt: true },
  })
  const currentRound = latest && (!context.sentForSignOffAt || latest.createdAt >= context.sentForSignOffAt)
  if (context.status === 'AWAITING_SIGN_OFF')
    return latest && currentRound && latest.decision === 'SIGNED_OFF'
      ? { kind: 'SIGNED_OFF', signerName: latest.signerName, signerRole: latest.signerRole, at: latest.createdAt }
      : { kind: 'AWAITING' }
  if (latest?.decision === 'RETURNED' && (context.status === 'IN_PROGRESS' || context.status === 'NOT_STARTED'))
    return { kind: 'RETURNED', reason: latest.reason, at: latest.createdAt }
  if (latest?.decision === 'SIGNED_OFF' && !['NOT_STARTED', 'IN_PROGRESS'].includes(context.status))
    return { kind: 'SIGNED_OFF', signerName: latest.signerName, signerRole: latest.signerRole, at: latest.createdAt }
  return { kind: 'NOT_SENT' }
}

/** The task list: context, outcomes, sign-off, and what is missing. */
export async function getPlanOverview(context: PlanContext, now = new Date()) {
  const [plan, outcomes, signOff, actions] = await Promise.all([
    prisma.serviceImprovementPlan.findUniqueOrThrow({
      where: { id: context.id },
      select: { contextCompleted: true },
    }),
    listPlanOutcomes(prisma, context.id),
    planSignOffState(context),
    prisma.sipAction.findMany({ where: { planId: context.id }, select: { status: true, dueDate: true } }),
  ])
  return {
    contextCompleted: plan.contextCompleted,
    outcomes,
    signOff,
    problems: planProblems({ contextCompleted: plan.contextCompleted, outcomes }),
    actions: {
      total: actions.length,
      complete: actions.filter((a) => a.status === 'COMPLETE').length,
      overdue: actions.filter((a) => isActionOverdue(a, now)).length,
    },
  }
}

/** The reviews the user may read: the service and sponsor only those the regional lead has confirmed. */
export async function listVisibleReviews(context: PlanContext, seesDrafts: boolean) {
  const reviews = await prisma.sipReview.findMany({
    where: { planId: context.id, ...(seesDrafts ? {} : { confirmedAt: { not: null } }) },
    orderBy: { round: 'desc' },
    select: {
      id: true,
      round: true,
      outcome: true,
      meetingDate: true,
      attendees: true,
      meetingNotes: true,
      summary: true,
      recordedAt: true,
      confirmedAt: true,
      version: true,
      reviewer: { select: { name: true } },
      comments: {
        orderBy: { outcome: { number: 'asc' } },
        select: { outcomeId: true, comment: true, resubmit: true, outcome: { select: { number: true } } },
      },
    },
  })
  return reviews.filter((r) => seesDrafts || isReviewVisibleToService(r))
}

// ---------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------

export async function getPlanContextForm(context: PlanContext) {
  const plan = await prisma.serviceImprovementPlan.findUniqueOrThrow({
    where: { id: context.id },
    select: {
      contextVersion: true,
      contextCompleted: true,
      contextSourceSubmissionId: true,
      changesSinceValidation: true,
      budgetPounds: true,
      staffHeadcount: true,
      staffWte: true,
      lksWte: true,
      qualifiedWte: true,
      contextNotes: true,
    },
  })
  const source = plan.contextSourceSubmissionId
    ? await prisma.submission.findUnique({
        where: { id: plan.contextSourceSubmissionId },
        select: { cycle: { select: { name: true } } },
      })
    : null
  return { ...plan, copiedFromCycle: source?.cycle.name ?? null, editable: isSipContextEditable(context.status) }
}

type Saved = { ok: true } | { ok: false; message: string }
const STALE = 'Someone else has changed this page since you opened it. Reload it to see their changes, then try again.'

const receiptOf = (actor: Actor, saveKey: string | undefined): SaveReceiptKey | null =>
  saveKey ? { userId: actor.id, key: saveKey } : null

/**
 * One save of a plan's form under the idempotency key it carries (issue 14, item 3): the same save
 * sent again (the browser gave up waiting and resent it) is answered as the first was, never taken
 * for someone else's change. The receipt is written in the save's own transaction.
 */
async function savedOnce(
  receipt: SaveReceiptKey | null,
  version: number,
  save: (tx: Tx) => Promise<Saved>,
): Promise<Saved> {
  const result = await prisma.$transaction(async (tx) => {
    if (receipt && (await findReceipt(tx, receipt))) return { ok: true as const }
    const saved = await save(tx)
    if (saved.ok && receipt) await recordReceipt(tx, receipt, { version, savedAt: new Date(), status: 'saved' })
    return saved
  })
  // The first try of this very save may have been stored while this one waited.
  if (!result.ok && receipt && (await findReceipt(prisma, receipt))) return { ok: true }
  return result
}

export async function savePlanContext(input: {
  actor: Actor
  context: PlanContext
  form: PlanContextForm
  ipAddress: string
}): Promise<Saved> {
  const { actor, context, form } = input
  requirePermission(actor, 'sip:edit', context.target)
  if (!isSipContextEditable(context.status)) throw new PlanLocked()
  return savedOnce(receiptOf(actor, form.saveKey), form.version + 1, async (tx) => {
    const values = {
      changesSinceValidation: form.changesSinceValidation,
      budgetPounds: form.budgetPounds ?? null,
      staffHeadcount: form.staffHeadcount ?? null,
      staffWte: form.staffWte ?? null,
      lksWte: form.lksWte ?? null,
      qualifiedWte: form.qualifiedWte ?? null,
      contextNotes: form.contextNotes,
    }
    const { count } = await tx.serviceImprovementPlan.updateMany({
      where: { id: context.id, contextVersion: form.version, status: { in: ['NOT_STARTED', 'IN_PROGRESS'] } },
      data: { ...values, contextCompleted: true, contextVersion: { increment: 1 } },
    })
    if (count === 0) return { ok: false as const, message: STALE }
    await markStarted(tx, context, actor, input.ipAddress)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'sip.context_saved',
      entityType: 'ServiceImprovementPlan',
      entityId: context.id,
      after: values,
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

// ---------------------------------------------------------------------------
// One outcome
// ---------------------------------------------------------------------------

async function findSipOutcome(context: PlanContext, number: number) {
  const row = await prisma.sipOutcome.findFirst({
    where: { planId: context.id, outcome: { number } },
    select: { id: true, outcomeId: true, reopenedForResubmission: true, version: true },
  })
  if (!row) notFound()
  return row
}

/** The open items of the organisation's latest development plan for this outcome (by outcome number). */
async function openPlanItems(context: PlanContext, outcomeNumber: number) {
  const items = await prisma.developmentPlanItem.findMany({
    where: {
      submission: { organisationId: context.organisationId, status: 'PUBLISHED' },
      status: { not: 'COMPLETE' },
      outcome: { number: outcomeNumber },
    },
    orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      action: true,
      owner: true,
      dueDate: true,
      status: true,
      progressNotes: true,
      submission: { select: { cycle: { select: { name: true } } } },
      sipActions: { where: { planId: context.id }, select: { id: true } },
    },
  })
  return items.map((item) => ({
    id: item.id,
    action: item.action,
    owner: item.owner,
    dueDate: item.dueDate,
    status: item.status,
    progressNotes: item.progressNotes,
    cycleName: item.submission.cycle.name,
    carried: item.sipActions.length > 0,
  }))
}

export async function getOutcomePlan(context: PlanContext, number: number, now = new Date()) {
  const { id } = await findSipOutcome(context, number)
  const row = await prisma.sipOutcome.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      status: true,
      currentLevel: true,
      currentSubLevel: true,
      targetLevel: true,
      targetSubLevel: true,
      targetReason: true,
      reopenedForResubmission: true,
      version: true,
      outcome: {
        select: {
          number: true,
          shortTitle: true,
          statement: true,
          levels: { orderBy: { level: 'asc' }, select: { level: true, summary: true } },
        },
      },
      objectives: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          position: true,
          text: true,
          actions: {
            orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
            select: {
              id: true,
              what: true,
              owner: true,
              dueDate: true,
              measure: true,
              status: true,
              progressNotes: true,
              carriedFromPlanItemId: true,
            },
          },
        },
      },
      evidence: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          evidenceItem: { select: { id: true, title: true, evidenceDateFrom: true, evidenceDateTo: true } },
        },
      },
    },
  })
  const [library, planItems] = await Promise.all([
    prisma.evidenceItem.findMany({
      where: { libraryServiceId: context.libraryServiceId, archivedAt: null },
      orderBy: { title: 'asc' },
      select: { id: true, title: true },
    }),
    openPlanItems(context, number),
  ])
  const current = gradeOf(row.currentLevel, row.currentSubLevel)
  const target = gradeOf(row.targetLevel, row.targetSubLevel)
  const linked = new Set(row.evidence.map((e) => e.evidenceItem.id))
  return {
    id: row.id,
    number: row.outcome.number,
    shortTitle: row.outcome.shortTitle,
    statement: row.outcome.statement,
    levels: row.outcome.levels,
    status: outcomeStatusOf(row.status),
    version: row.version,
    reopened: row.reopenedForResubmission,
    editable: isSipOutcomeEditable(context.status, row.reopenedForResubmission),
    progressEditable: isSipProgressEditable(context.status),
    current,
    currentText: gradeText(current),
    target,
    targetLevel: row.targetLevel,
    targetSubLevel: row.targetSubLevel,
    targetReason: row.targetReason,
    objectives: row.objectives.map((o) => ({
      ...o,
      actions: o.actions.map((a) => ({
        ...a,
        status: (isActionStatus(a.status) ? a.status : 'NOT_STARTED') as ActionStatus,
        overdue: isActionOverdue(a, now),
      })),
    })),
    evidence: row.evidence.map((e) => ({ linkId: e.id, ...e.evidenceItem })),
    library: library.filter((item) => !linked.has(item.id)),
    planItems,
  }
}

async function requireOutcomeEditable(context: PlanContext, number: number) {
  const row = await findSipOutcome(context, number)
  if (!isSipOutcomeEditable(context.status, row.reopenedForResubmission))
    throw new PlanLocked(
      context.status === 'RESUBMISSION_REQUESTED'
        ? 'The reviewer did not reopen this outcome, so it cannot be changed.'
        : undefined,
    )
  return row
}

type OutcomeInput = { actor: Actor; context: PlanContext; number: number; ipAddress: string }

/** Work on an outcome in one transaction: the change, the started and in-progress marks, and its audit event. */
async function changeOutcome(
  input: OutcomeInput,
  work: (tx: Tx, sipOutcome: { id: string; outcomeId: string }) => Promise<{ action: string; after: unknown } | null>,
  /** A form's idempotency key and the version it was editing: a save sent again is answered as the first was. */
  once?: { saveKey?: string; version: number },
): Promise<Saved> {
  requirePermission(input.actor, 'sip:edit', input.context.target)
  const sipOutcome = await requireOutcomeEditable(input.context, input.number)
  const receipt = once ? receiptOf(input.actor, once.saveKey) : null
  return savedOnce(receipt, (once?.version ?? 0) + 1, async (tx) => {
    const done = await work(tx, sipOutcome)
    if (!done) return { ok: false as const, message: STALE }
    await markStarted(tx, input.context, input.actor, input.ipAddress)
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: done.action,
      entityType: 'SipOutcome',
      entityId: sipOutcome.id,
      after: { reference: input.context.reference, outcome: input.number, ...(done.after as object) },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

/** Back to "in progress" after a change, so a completed outcome is checked again. */
async function touch(tx: Tx, sipOutcomeId: string) {
  await tx.sipOutcome.update({
    where: { id: sipOutcomeId },
    data: { status: 'IN_PROGRESS', version: { increment: 1 } },
    select: { id: true },
  })
}

export async function saveTarget(input: OutcomeInput & { form: TargetForm }) {
  const { form } = input
  const level = form.targetLevel
  const subLevel = level === 0 ? null : (form.targetSubLevel ?? null)
  const grade = toGrade(level, subLevel)
  if (!grade.ok) return { ok: false as const, message: 'Select a target level and sub-level' }
  return changeOutcome(
    input,
    async (tx, sipOutcome) => {
      const { count } = await tx.sipOutcome.updateMany({
        where: { id: sipOutcome.id, version: form.version },
        data: {
          targetLevel: level,
          targetSubLevel: subLevel,
          targetGradeSteps: gradeToSteps(grade.grade),
          targetReason: form.targetReason,
          status: 'IN_PROGRESS',
          version: { increment: 1 },
        },
      })
      if (count === 0) return null
      return { action: 'sip.target_set', after: { target: formatGrade(grade.grade), reason: form.targetReason } }
    },
    form,
  )
}

export async function addObjective(input: OutcomeInput & { text: string }) {
  return changeOutcome(input, async (tx, sipOutcome) => {
    const last = await tx.sipObjective.findFirst({
      where: { sipOutcomeId: sipOutcome.id },
      orderBy: { position: 'desc' },
      select: { position: true },
    })
    const objective = await tx.sipObjective.create({
      data: { sipOutcomeId: sipOutcome.id, position: (last?.position ?? 0) + 1, text: input.text },
      select: { id: true, position: true },
    })
    await touch(tx, sipOutcome.id)
    return { action: 'sip.objective_added', after: { objectiveId: objective.id, text: input.text } }
  })
}

export async function addAction(input: OutcomeInput & { form: ActionForm }) {
  const { form } = input
  return changeOutcome(input, async (tx, sipOutcome) => {
    const objective = await tx.sipObjective.findFirst({
      where: { id: form.objectiveId, sipOutcomeId: sipOutcome.id },
      select: { id: true },
    })
    if (!objective) notFound()
    const action = await tx.sipAction.create({
      data: {
        planId: input.context.id,
        objectiveId: objective.id,
        what: form.what,
        owner: form.owner,
        dueDate: form.dueDate,
        measure: form.measure,
        status: form.status,
        progressNotes: form.progressNotes,
      },
      select: { id: true },
    })
    await touch(tx, sipOutcome.id)
    return {
      action: 'sip.action_added',
      after: {
        actionId: action.id,
        what: form.what,
        owner: form.owner,
        dueDate: form.dueDate.toISOString().slice(0, 10),
      },
    }
  })
}

export const CARRIED_OBJECTIVE = 'Complete the open actions of the development plan'

/**
 * Carries the chosen open development plan items of this outcome into the plan as actions, in one
 * step, under an objective made for them. A due date outside the plan period moves to its last day.
 */
export async function carryForward(input: OutcomeInput & { planItemIds: string[] }) {
  const items = (await openPlanItems(input.context, input.number)).filter(
    (item) => input.planItemIds.includes(item.id) && !item.carried,
  )
  if (items.length === 0) return { ok: false as const, message: 'Select the development plan items to carry forward' }
  const { planPeriodStart: start, planPeriodEnd: end } = input.context
  return changeOutcome(input, async (tx, sipOutcome) => {
    let objective = await tx.sipObjective.findFirst({
      where: { sipOutcomeId: sipOutcome.id, text: CARRIED_OBJECTIVE },
      select: { id: true },
    })
    if (!objective) {
      const last = await tx.sipObjective.findFirst({
        where: { sipOutcomeId: sipOutcome.id },
        orderBy: { position: 'desc' },
        select: { position: true },
      })
      objective = await tx.sipObjective.create({
        data: { sipOutcomeId: sipOutcome.id, position: (last?.position ?? 0) + 1, text: CARRIED_OBJECTIVE },
        select: { id: true },
      })
    }
    for (const item of items) {
      const due = item.dueDate < start ? start : item.dueDate > end ? end : item.dueDate
      await tx.sipAction.create({
        data: {
          planId: input.context.id,
          objectiveId: objective.id,
          what: item.action,
          owner: item.owner,
          dueDate: due,
          measure: 'The development plan item is complete',
          status: item.status === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'NOT_STARTED',
          progressNotes: item.progressNotes,
          carriedFromPlanItemId: item.id,
        },
        select: { id: true },
      })
    }
    await touch(tx, sipOutcome.id)
    return { action: 'sip.plan_items_carried_forward', after: { planItemIds: items.map((i) => i.id) } }
  })
}

export async function linkPlanEvidence(input: OutcomeInput & { evidenceItemId: string }) {
  const item = await prisma.evidenceItem.findFirst({
    where: { id: input.evidenceItemId, libraryServiceId: input.context.libraryServiceId, archivedAt: null },
    select: { id: true, title: true },
  })
  if (!item) return { ok: false as const, message: 'Select an evidence item from the service’s evidence library' }
  return changeOutcome(input, async (tx, sipOutcome) => {
    await tx.sipEvidenceLink.upsert({
      where: { sipOutcomeId_evidenceItemId: { sipOutcomeId: sipOutcome.id, evidenceItemId: item.id } },
      create: { sipOutcomeId: sipOutcome.id, evidenceItemId: item.id },
      update: {},
      select: { id: true },
    })
    return { action: 'sip.evidence_linked', after: { evidenceItemId: item.id, title: item.title } }
  })
}

export async function unlinkPlanEvidence(input: OutcomeInput & { linkId: string }) {
  return changeOutcome(input, async (tx, sipOutcome) => {
    const { count } = await tx.sipEvidenceLink.deleteMany({ where: { id: input.linkId, sipOutcomeId: sipOutcome.id } })
    if (count === 0) notFound()
    return { action: 'sip.evidence_unlinked', after: { linkId: input.linkId } }
  })
}

export async function completeOutcome(input: OutcomeInput) {
  const plan = await getOutcomePlan(input.context, input.number)
  if (!plan.target) return { ok: false as const, message: `Set a target for outcome ${input.number}` }
  if (plan.objectives.length === 0)
    return { ok: false as const, message: `Add an objective for outcome ${input.number}` }
  return changeOutcome(input, async (tx, sipOutcome) => {
    await tx.sipOutcome.update({
      where: { id: sipOutcome.id },
      data: { status: 'COMPLETED', version: { increment: 1 } },
      select: { id: true },
    })
    return { action: 'sip.outcome_completed', after: {} }
  })
}

// ---------------------------------------------------------------------------
// Actions: changed while drafting, and their progress at any time
// ---------------------------------------------------------------------------

export async function getPlanAction(context: PlanContext, actionId: string) {
  const action = await prisma.sipAction.findFirst({
    where: { id: actionId, planId: context.id },
    select: {
      id: true,
      what: true,
      owner: true,
      dueDate: true,
      measure: true,
      status: true,
      progressNotes: true,
      version: true,
      objective: {
        select: {
          text: true,
          sipOutcome: { select: { reopenedForResubmission: true, outcome: { select: { number: true } } } },
        },
      },
    },
  })
  if (!action) notFound()
  return {
    ...action,
    status: (isActionStatus(action.status) ? action.status : 'NOT_STARTED') as ActionStatus,
    outcomeNumber: action.objective.sipOutcome.outcome.number,
    editable: isSipOutcomeEditable(context.status, action.objective.sipOutcome.reopenedForResubmission),
    progressEditable: isSipProgressEditable(context.status),
  }
}

export async function updatePlanAction(input: {
  actor: Actor
  context: PlanContext
  actionId: string
  form: EditActionForm | ProgressForm
  ipAddress: string
}): Promise<Saved> {
  const { actor, context, form } = input
  requirePermission(actor, 'sip:edit', context.target)
  const action = await getPlanAction(context, input.actionId)
  const full = form.intent === 'edit'
  if (full ? !action.editable : !action.progressEditable) throw new PlanLocked()
  return savedOnce(receiptOf(actor, form.saveKey), form.version + 1, async (tx) => {
    const data = full
      ? {
          what: form.what,
          owner: form.owner,
          dueDate: form.dueDate,
          measure: form.measure,
          status: form.status,
          progressNotes: form.progressNotes,
        }
      : { status: form.status, progressNotes: form.progressNotes }
    const { count } = await tx.sipAction.updateMany({
      where: { id: action.id, version: form.version },
      data: { ...data, version: { increment: 1 } },
    })
    if (count === 0) return { ok: false as const, message: STALE }
    // Progress reported after an interim update was asked for answers it.
    if (context.interimRequestedAt && !full)
      await tx.serviceImprovementPlan.update({
        where: { id: context.id },
        data: { interimUpdatedAt: new Date() },
        select: { id: true },
      })
    await recordAudit(tx, {
      actorId: actor.id,
      action: full ? 'sip.action_changed' : 'sip.action_progress',
      entityType: 'SipAction',
      entityId: action.id,
      before: { status: action.status, progressNotes: action.progressNotes },
      after: {
        reference: context.reference,
        ...data,
        ...(full ? { dueDate: form.dueDate.toISOString().slice(0, 10) } : {}),
      },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

/** Every action of the plan, with whether it is overdue (the review page and the PDF). */
export async function listPlanActions(db: Db, planId: string, now = new Date()) {
  const actions = await db.sipAction.findMany({
    where: { planId },
    orderBy: [
      { objective: { sipOutcome: { outcome: { number: 'asc' } } } },
      { objective: { position: 'asc' } },
      { dueDate: 'asc' },
    ],
    select: {
      id: true,
      what: true,
      owner: true,
      dueDate: true,
      measure: true,
      status: true,
      progressNotes: true,
      objective: {
        select: { id: true, text: true, sipOutcome: { select: { outcome: { select: { number: true } } } } },
      },
    },
  })
  return actions.map((a) => ({
    ...a,
    status: (isActionStatus(a.status) ? a.status : 'NOT_STARTED') as ActionStatus,
    outcomeNumber: a.objective.sipOutcome.outcome.number,
    overdue: isActionOverdue(a, now),
  }))
}

/** The outcomes and actions of a plan, for the sponsor's sign-off and the review page. */
export async function getPlanSummary(context: PlanContext, now = new Date()) {
  const [outcomes, actions] = await Promise.all([
    listPlanOutcomes(prisma, context.id),
    listPlanActions(prisma, context.id, now),
  ])
  return { outcomes, actions }
}
