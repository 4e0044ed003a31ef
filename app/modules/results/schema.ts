// The development plan's vocabulary and its form, shared by the server and the browser (Conform).
import { z } from 'zod'
import type { TagColour } from '~/modules/submissions/status'
import { requiredDate } from '~/utils/date-input'
import { SaveKeySchema } from '~/modules/submissions/schema'

export const PLAN_ITEM_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE'] as const
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number]

export const PLAN_ITEM_STATUS_LABELS: Record<PlanItemStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  COMPLETE: 'Complete',
}

export const PLAN_ITEM_STATUS_COLOURS: Record<PlanItemStatus, TagColour> = {
  NOT_STARTED: 'grey',
  IN_PROGRESS: 'blue',
  COMPLETE: 'green',
}

export function isPlanItemStatus(value: string): value is PlanItemStatus {
  return (PLAN_ITEM_STATUSES as readonly string[]).includes(value)
}

export const ACTION_MAX = 2_000
export const OWNER_MAX = 200
export const PROGRESS_NOTES_MAX = 5_000

const dueDate = requiredDate('Due date')

const fields = {
  action: z
    .string({ error: 'Enter the action' })
    .trim()
    .min(1, 'Enter the action')
    .max(ACTION_MAX, `Action must be ${ACTION_MAX.toLocaleString('en-GB')} characters or fewer`),
  requiredActionId: z.string().max(64).optional(),
  owner: z
    .string({ error: 'Enter who owns the action' })
    .trim()
    .min(1, 'Enter who owns the action')
    .max(OWNER_MAX, `Owner must be ${OWNER_MAX} characters or fewer`),
  dueDate,
  status: z.enum(PLAN_ITEM_STATUSES, { error: 'Select the status of the action' }),
  progressNotes: z
    .string()
    .trim()
    .max(PROGRESS_NOTES_MAX, `Progress notes must be ${PROGRESS_NOTES_MAX.toLocaleString('en-GB')} characters or fewer`)
    .default(''),
}

/** Adding an item to the development plan, with the idempotency key made when the form was rendered. */
export const NewPlanItemSchema = z.object({ ...fields, saveKey: SaveKeySchema })

/** Editing an item: the same fields, and the version the person started from. */
export const EditPlanItemSchema = z.object({
  ...fields,
  saveKey: SaveKeySchema,
  version: z.number({ error: 'The page is out of date. Reload it and try again.' }).int().min(0),
})

export type PlanItemForm = z.infer<typeof NewPlanItemSchema>
export type EditPlanItemForm = z.infer<typeof EditPlanItemSchema>

/** The form's field names in page order, for the error summary. */
export const PLAN_ITEM_FIELDS = ['action', 'requiredActionId', 'owner', 'dueDate', 'status', 'progressNotes'] as const

/** "2 of 5 items complete", or "No items yet". */
export function planProgress(statuses: readonly string[]): string {
  if (statuses.length === 0) return 'No items yet'
  const complete = statuses.filter((s) => s === 'COMPLETE').length
  return `${complete} of ${statuses.length} item${statuses.length === 1 ? '' : 's'} complete`
}
