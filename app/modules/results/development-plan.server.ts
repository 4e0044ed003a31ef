// The development plan (issue 4, item 7): once a result is published, the service records what it
// will do about each required action, and the regional lead follows its progress.
import { prisma, type Db } from '~/utils/db.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import type { SubmissionContext } from '~/modules/submissions/access.server'
import { notFound } from '~/utils/http.server'
import { isPlanItemStatus, planProgress, type EditPlanItemForm, type PlanItemForm, type PlanItemStatus } from './schema'
import { mergeFields, type FieldValues } from '~/modules/submissions/merge'
import { findReceipt, recordReceipt } from '~/modules/submissions/save-receipts.server'
import { planItemFieldValues, planItemValuesOf } from './plan-item-fields'

/** The plan exists only for a published result: before that the service sees nothing of validation. */
function requirePublished(context: Pick<SubmissionContext, 'status'>): void {
  if (context.status !== 'PUBLISHED') notFound()
}

class ResultReopened extends Response {
  constructor() {
    super('The result has been reopened, so the development plan cannot be changed until it is published again.', {
      status: 409,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
}

/** The submission's required actions, by outcome, for the plan's list and form. */
async function listRequiredActions(db: Db, submissionId: string) {
  const actions = await db.requiredAction.findMany({
    where: { agreedResult: { submissionId } },
    orderBy: [{ agreedResult: { outcome: { number: 'asc' } } }, { position: 'asc' }],
    select: {
      id: true,
      text: true,
      agreedResult: { select: { outcomeId: true, outcome: { select: { number: true, shortTitle: true } } } },
    },
  })
  return actions.map((a) => ({
    id: a.id,
    text: a.text,
    outcomeId: a.agreedResult.outcomeId,
    outcomeNumber: a.agreedResult.outcome.number,
    outcomeTitle: a.agreedResult.outcome.shortTitle,
  }))
}

const ITEM_SELECT = {
  id: true,
  action: true,
  owner: true,
  dueDate: true,
  status: true,
  progressNotes: true,
  version: true,
  updatedAt: true,
  requiredActionId: true,
  outcome: { select: { number: true } },
} as const

function statusOf(value: string): PlanItemStatus {
  return isPlanItemStatus(value) ? value : 'NOT_STARTED'
}

/** The plan of a published result: its items, the required actions they answer, and progress. */
export async function getDevelopmentPlan(context: SubmissionContext, now = new Date()) {
  requirePublished(context)
  const [items, requiredActions] = await Promise.all([
    prisma.developmentPlanItem.findMany({
      where: { submissionId: context.id },
      orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
      select: ITEM_SELECT,
    }),
    listRequiredActions(prisma, context.id),
  ])
  const answered = new Set(items.map((i) => i.requiredActionId))
  return {
    items: items.map((item) => ({
      ...item,
      status: statusOf(item.status),
      // Due dates are days (midnight UTC): an item is overdue from the day after it was due.
      overdue: item.status !== 'COMPLETE' && item.dueDate.getTime() + 86_400_000 <= now.getTime(),
      outcomeNumber: item.outcome?.number ?? null,
      requiredAction: requiredActions.find((a) => a.id === item.requiredActionId) ?? null,
    })),
    requiredActions: requiredActions.map((a) => ({ ...a, answered: answered.has(a.id) })),
    progress: planProgress(items.map((i) => i.status)),
  }
}

/** The required actions an item may answer, for the add and edit forms. */
export async function getPlanFormOptions(context: SubmissionContext) {
  requirePublished(context)
  return listRequiredActions(prisma, context.id)
}

/** One item of this submission's plan; another submission's item is a page that does not exist. */
export async function getPlanItem(context: SubmissionContext, itemId: string) {
  requirePublished(context)
  const item = await prisma.developmentPlanItem.findFirst({
    where: { id: itemId, submissionId: context.id },
    select: ITEM_SELECT,
  })
  if (!item) notFound()
  return { ...item, status: statusOf(item.status) }
}

type Saved = { ok: true; itemId: string }
type Invalid = { ok: false; kind: 'invalid'; fieldErrors: Record<string, string[]> }
type Conflict = {
  ok: false
  kind: 'conflict'
  /** What was saved since the form was loaded, as stored now. */
  current: {
    action: string
    owner: string
    dueDate: Date
    status: PlanItemStatus
    progressNotes: string
    requiredActionId: string | null
    version: number
    updatedAt: Date
  }
  /** Who saved it last (null when not known). */
  updatedBy: { id: string; name: string } | null
  /** Fields changed in this form and in another save since it was loaded, to different values. */
  fields: { key: string; mine: string; theirs: string }[]
  /** The values stored now: the base of the conflict page's form. */
  theirs: FieldValues
  /** What the conflict page's form shows: the other save's one-sided changes taken in. */
  merged: FieldValues
}

class FieldConflict extends Error {
  constructor(readonly conflict: Omit<Conflict, 'updatedBy'>) {
    super('Fields changed on both sides')
  }
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

const INVALID_REQUIRED_ACTION: Invalid = {
  ok: false,
  kind: 'invalid',
  fieldErrors: { requiredActionId: ['Select a required action from the list, or none'] },
}

/** The required action an item answers, if any: it must belong to this submission's result. */
async function resolveRequiredAction(tx: Tx, submissionId: string, requiredActionId: string | undefined) {
  if (!requiredActionId) return { ok: true as const, requiredActionId: null, outcomeId: null }
  const action = await tx.requiredAction.findFirst({
    where: { id: requiredActionId, agreedResult: { submissionId } },
    select: { id: true, agreedResult: { select: { outcomeId: true } } },
  })
  return action
    ? { ok: true as const, requiredActionId: action.id, outcomeId: action.agreedResult.outcomeId }
    : { ok: false as const }
}

async function requireStillPublished(tx: Tx, submissionId: string) {
  const submission = await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { status: true } })
  if (submission.status !== 'PUBLISHED') throw new ResultReopened()
}

/** What the audit trail keeps of an item: the due date as a day, the notes as text. */
function auditValues(item: {
  action: string
  owner: string
  dueDate: Date
  status: string
  progressNotes: string
  requiredActionId: string | null
}) {
  return {
    action: item.action,
    owner: item.owner,
    dueDate: item.dueDate.toISOString().slice(0, 10),
    status: item.status,
    progressNotes: item.progressNotes,
    requiredActionId: item.requiredActionId,
  }
}

type ItemInput = { actor: Actor; context: SubmissionContext; ipAddress: string }

/**
 * Adds an item. A create sent again with the same key (the browser gave up waiting and sent the
 * form again) is answered with the item the first made, so it is never added twice.
 */
export async function createPlanItem(input: ItemInput & { form: PlanItemForm }): Promise<Saved | Invalid> {
  const { actor, context, form } = input
  requirePermission(actor, 'development-plan:edit', context.target)
  requirePublished(context)
  const receipt = form.saveKey ? { userId: actor.id, key: form.saveKey } : null
  const created = async (db: Db) => {
    const done = receipt ? await findReceipt(db, receipt) : null
    return done?.entityId ? { ok: true as const, itemId: done.entityId } : null
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const again = await created(tx)
      if (again) return again
      await requireStillPublished(tx, context.id)
      const link = await resolveRequiredAction(tx, context.id, form.requiredActionId)
      if (!link.ok) return INVALID_REQUIRED_ACTION
      const values = {
        action: form.action,
        owner: form.owner,
        dueDate: form.dueDate,
        status: form.status,
        progressNotes: form.progressNotes,
        requiredActionId: link.requiredActionId,
      }
      const item = await tx.developmentPlanItem.create({
        data: { submissionId: context.id, outcomeId: link.outcomeId, ...values, version: 1 },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'development_plan_item.created',
        entityType: 'DevelopmentPlanItem',
        entityId: item.id,
        submissionId: context.id,
        after: { ...auditValues(values), version: 1 },
        ipAddress: input.ipAddress,
      })
      if (receipt)
        await recordReceipt(tx, receipt, { version: 1, savedAt: new Date(), status: values.status, entityId: item.id })
      return { ok: true as const, itemId: item.id }
    })
  } catch (error) {
    // Both tries at once: the second's receipt clashes with the first's, and its item is not kept.
    const again = await created(prisma)
    if (again) return again
    throw error
  }
}

/**
 * Saves an item. With the values the form was rendered with (`base`), it is merged field by field
 * with what was saved since: a field changed on one side only is taken without asking, a field
 * changed on both is a conflict, and nothing is written. Without a base, the version alone says
 * whether the form is current. A save sent again with the same key is answered as the first was.
 */
export async function updatePlanItem(
  input: ItemInput & {
    itemId: string
    form: EditPlanItemForm
    /** The values the form was rendered with; without it, the version alone says whether it is current. */
    base?: FieldValues | null
    /** Fields left in conflict on a conflict page (no choice made): they stay in conflict. */
    unresolved?: string[]
  },
): Promise<Saved | Invalid | Conflict> {
  const { actor, context, form } = input
  requirePermission(actor, 'development-plan:edit', context.target)
  requirePublished(context)
  const receipt = form.saveKey ? { userId: actor.id, key: form.saveKey } : null
  const unresolved = input.unresolved ?? []
  try {
    return await prisma.$transaction(async (tx) => {
      // The same save again (the browser gave up waiting and sent it again): answered as the first was.
      if (receipt && (await findReceipt(tx, receipt))) return { ok: true as const, itemId: input.itemId }
      await requireStillPublished(tx, context.id)
      const existing = await tx.developmentPlanItem.findFirst({
        where: { id: input.itemId, submissionId: context.id },
        select: {
          action: true,
          owner: true,
          dueDate: true,
          status: true,
          progressNotes: true,
          requiredActionId: true,
          version: true,
          updatedAt: true,
        },
      })
      if (!existing) notFound()
      const mine = planItemFieldValues({
        action: form.action,
        requiredActionId: form.requiredActionId || null,
        owner: form.owner,
        dueDate: form.dueDate,
        status: form.status,
        progressNotes: form.progressNotes,
      })
      const theirs = planItemFieldValues(existing)
      // Field by field against what is stored now; without a base, a stale version is a conflict.
      const base = input.base ?? (form.version === existing.version ? theirs : {})
      const result = mergeFields(base, theirs, mine)
      const inConflict = new Set([
        ...result.conflicts,
        ...unresolved.filter((key) => key in theirs && mine[key] !== theirs[key]),
      ])
      if (inConflict.size > 0 || (!input.base && form.version !== existing.version))
        throw new FieldConflict({
          ok: false,
          kind: 'conflict',
          current: { ...existing, status: statusOf(existing.status) },
          fields: [...inConflict].map((key) => ({ key, mine: mine[key] ?? '', theirs: theirs[key] ?? '' })),
          theirs,
          merged: result.merged,
        })
      const merged = planItemValuesOf(result.merged, form.dueDate)
      const link = await resolveRequiredAction(tx, context.id, merged.requiredActionId ?? undefined)
      if (!link.ok) return INVALID_REQUIRED_ACTION
      const values = {
        action: merged.action,
        owner: merged.owner,
        dueDate: merged.dueDate,
        status: isPlanItemStatus(merged.status) ? merged.status : form.status,
        progressNotes: merged.progressNotes,
        requiredActionId: link.requiredActionId,
      }
      const { count } = await tx.developmentPlanItem.updateMany({
        where: { id: input.itemId, submissionId: context.id, version: existing.version },
        data: { ...values, outcomeId: link.outcomeId, version: { increment: 1 } },
      })
      if (count === 0) throw new Error('The development plan item changed during its own save')
      const before = auditValues(existing)
      const after = auditValues(values)
      const changed = (Object.keys(after) as Array<keyof typeof after>).filter((key) => before[key] !== after[key])
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'development_plan_item.updated',
        entityType: 'DevelopmentPlanItem',
        entityId: input.itemId,
        submissionId: context.id,
        before: { ...Object.fromEntries(changed.map((key) => [key, before[key]])), version: existing.version },
        // The action is always kept, so the history says which item changed.
        after: {
          action: after.action,
          ...Object.fromEntries(changed.map((key) => [key, after[key]])),
          version: existing.version + 1,
        },
        ipAddress: input.ipAddress,
      })
      if (receipt)
        await recordReceipt(tx, receipt, { version: existing.version + 1, savedAt: new Date(), status: values.status })
      return { ok: true as const, itemId: input.itemId }
    })
  } catch (error) {
    if (!(error instanceof FieldConflict)) throw error
    // The first try of this very save may have been stored while this one waited.
    if (receipt && (await findReceipt(prisma, receipt))) return { ok: true, itemId: input.itemId }
    return { ...error.conflict, updatedBy: await lastSavedBy(input.itemId) }
  }
}

/** Who saved the item last, for the conflict page. */
async function lastSavedBy(itemId: string): Promise<{ id: string; name: string } | null> {
  const event = await prisma.auditEvent.findFirst({
    where: {
      entityType: 'DevelopmentPlanItem',
      entityId: itemId,
      action: { in: ['development_plan_item.created', 'development_plan_item.updated'] },
    },
    orderBy: { at: 'desc' },
    select: { actor: { select: { id: true, name: true } } },
  })
  return event?.actor ?? null
}
