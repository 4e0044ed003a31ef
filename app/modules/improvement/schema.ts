// The forms of a Service Improvement Plan, shared by the server and the browser (Conform). Forms
// whose rules depend on the plan (the current grade, the plan period) are made by a function of
// those facts, so the browser checks exactly what the server will.
import { z } from 'zod'
import { SUB_LEVELS, toGrade, type Grade } from '~/modules/framework/grading'
import { formatDateRange } from '~/utils/dates'
import { requiredDate } from '~/utils/date-input'
import { isWithinPlanPeriod, targetNeedsReason } from './rules'
import { SaveKeySchema } from '~/modules/submissions/schema'
import { ACTION_STATUSES, REVIEW_OUTCOMES } from './status'

export const TEXT_MAX = 5_000
export const NOTES_MAX = 10_000

const version = z.number({ error: 'The page is out of date. Reload it and try again.' }).int().min(0)
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .default('')
const requiredText = (max: number, label: string, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
const wholeNumber = (label: string) =>
  z
    .number({ error: `Enter ${label} as a whole number` })
    .int(`Enter ${label} as a whole number`)
    .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} must be 0 or more`)
    .optional()
const wte = (label: string) =>
  z
    .number({ error: `Enter ${label} as a number, like 12.5` })
    .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} must be 0 or more`)
    .max(1_000_000, `${label[0]!.toUpperCase()}${label.slice(1)} must be 1,000,000 or less`)
    .optional()

/** The plan's context, in the pen portrait's terms. */
export const PlanContextSchema = z.object({
  version,
  // The rendering's idempotency key: the same save sent again is answered as the first was.
  saveKey: SaveKeySchema,
  changesSinceValidation: requiredText(
    NOTES_MAX,
    'What has changed',
    'Enter what has changed since the last validation',
  ),
  budgetPounds: wholeNumber('the budget'),
  staffHeadcount: wholeNumber('the staff headcount'),
  staffWte: wte('the staff WTE'),
  lksWte: wte('the library and knowledge service WTE'),
  qualifiedWte: wte('the qualified WTE'),
  contextNotes: optionalText(NOTES_MAX, 'Context notes'),
})
export type PlanContextForm = z.infer<typeof PlanContextSchema>
export const CONTEXT_FIELDS = [
  'changesSinceValidation',
  'budgetPounds',
  'staffHeadcount',
  'staffWte',
  'lksWte',
  'qualifiedWte',
  'contextNotes',
] as const

/** The target for the end of the plan period; a target below `current` needs a reason. */
export function targetSchema(current: Grade | null) {
  return z
    .object({
      intent: z.literal('target'),
      version,
      saveKey: SaveKeySchema,
      targetLevel: z
        .number({ error: 'Select a target level from 0 to 4' })
        .int('Select a target level from 0 to 4')
        .min(0, 'Select a target level from 0 to 4')
        .max(4, 'Select a target level from 0 to 4'),
      targetSubLevel: z.enum(SUB_LEVELS, { error: 'Select low, medium or high' }).optional(),
      targetReason: optionalText(TEXT_MAX, 'Reason'),
    })
    .superRefine((value, ctx) => {
      if (value.targetLevel === 0 && value.targetSubLevel)
        ctx.addIssue({
          code: 'custom',
          path: ['targetSubLevel'],
          message: 'Level 0 has no sub-level. Clear the sub-level',
        })
      if (value.targetLevel > 0 && !value.targetSubLevel)
        ctx.addIssue({
          code: 'custom',
          path: ['targetSubLevel'],
          message: `Select a target sub-level for level ${value.targetLevel}: low, medium or high`,
        })
      const target = toGrade(value.targetLevel, value.targetLevel === 0 ? null : (value.targetSubLevel ?? null))
      if (target.ok && targetNeedsReason(current, target.grade) && !value.targetReason)
        ctx.addIssue({
          code: 'custom',
          path: ['targetReason'],
          message: 'Enter why the target is below the current agreed grade',
        })
    })
}
export type TargetForm = z.infer<ReturnType<typeof targetSchema>>
export const TARGET_FIELDS = ['targetLevel', 'targetSubLevel', 'targetReason'] as const

export const ObjectiveSchema = z.object({
  intent: z.literal('objective'),
  text: requiredText(TEXT_MAX, 'Objective', 'Enter the objective'),
})

const actionFields = {
  what: requiredText(TEXT_MAX, 'Action', 'Enter what the action is'),
  owner: requiredText(200, 'Owner', 'Enter who owns the action'),
  dueDate: requiredDate('Due date'),
  measure: requiredText(TEXT_MAX, 'Measure of success', 'Enter how you will know the action has succeeded'),
  status: z.enum(ACTION_STATUSES, { error: 'Select the status of the action' }),
  progressNotes: optionalText(TEXT_MAX, 'Progress notes'),
}

function duePeriodCheck(period: { start: Date; end: Date }) {
  return (value: { dueDate: Date }, ctx: z.RefinementCtx) => {
    if (!isWithinPlanPeriod(value.dueDate, period))
      ctx.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: `Due date must be within the plan period, ${formatDateRange(period.start, period.end)}`,
      })
  }
}

/** A new action under an objective; its due date must fall within the plan period. */
export function actionSchema(period: { start: Date; end: Date }) {
  return z
    .object({
      intent: z.literal('action'),
      objectiveId: z.string().min(1, 'Select an objective').max(64),
      ...actionFields,
    })
    .superRefine(duePeriodCheck(period))
}
export type ActionForm = z.infer<ReturnType<typeof actionSchema>>
export const ACTION_FIELDS = ['what', 'owner', 'dueDate', 'measure', 'status', 'progressNotes'] as const

/** Changing an action (all of it while the plan is a draft). */
export function editActionSchema(period: { start: Date; end: Date }) {
  return z
    .object({ intent: z.literal('edit'), version, saveKey: SaveKeySchema, ...actionFields })
    .superRefine(duePeriodCheck(period))
}
export type EditActionForm = z.infer<ReturnType<typeof editActionSchema>>

/** Progress between reviews: the status and notes only. */
export const ProgressSchema = z.object({
  intent: z.literal('progress'),
  version,
  saveKey: SaveKeySchema,
  status: actionFields.status,
  progressNotes: actionFields.progressNotes,
})
export type ProgressForm = z.infer<typeof ProgressSchema>

/** Carrying open development plan items into the plan as actions, in one step. */
export const CarryForwardSchema = z.object({
  intent: z.literal('carry'),
  planItemIds: z
    .array(z.string().min(1).max(64), { error: 'Select the development plan items to carry forward' })
    .min(1, 'Select the development plan items to carry forward')
    .max(100),
})

export const LinkPlanEvidenceSchema = z.object({
  intent: z.literal('link'),
  evidenceItemId: z.string({ error: 'Select an evidence item' }).min(1, 'Select an evidence item').max(64),
})
export const UnlinkPlanEvidenceSchema = z.object({ intent: z.literal('unlink'), linkId: z.string().min(1).max(64) })
export const CompleteOutcomeSchema = z.object({ intent: z.literal('complete') })

export const AssignReviewerSchema = z.object({
  intent: z.literal('assign'),
  reviewerId: z.string({ error: 'Select a reviewer' }).min(1, 'Select a reviewer').max(64),
})

/** The reviewer's record: comments per outcome, the meeting and (to record it) the outcome. */
export const ReviewSchema = z
  .object({
    intent: z.enum(['save', 'record']),
    version,
    comments: z
      .array(
        z.object({
          outcomeId: z.string().min(1).max(64),
          comment: optionalText(TEXT_MAX, 'Comment'),
          resubmit: z.boolean().default(false),
        }),
      )
      .max(20)
      .default([]),
    meetingDate: requiredDate('Meeting date').optional(),
    attendees: optionalText(2_000, 'Attendees'),
    meetingNotes: optionalText(NOTES_MAX, 'Meeting notes'),
    outcome: z.enum(REVIEW_OUTCOMES, { error: 'Select the outcome of the review' }).optional(),
    summary: optionalText(NOTES_MAX, 'Recommendations'),
  })
  .superRefine((value, ctx) => {
    if (value.intent !== 'record') return
    if (!value.meetingDate)
      ctx.addIssue({ code: 'custom', path: ['meetingDate'], message: 'Enter the date of the review meeting' })
    if (!value.attendees)
      ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'Enter who attended the review meeting' })
    if (!value.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Select the outcome of the review' })
    if (value.outcome === 'ACCEPTED_WITH_RECOMMENDATIONS' && !value.summary)
      ctx.addIssue({ code: 'custom', path: ['summary'], message: 'Enter the recommendations' })
    if (value.outcome === 'RESUBMISSION_REQUESTED') {
      if (!value.comments.some((c) => c.resubmit))
        ctx.addIssue({
          code: 'custom',
          path: ['outcome'],
          message: 'Select at least one outcome the service must revise for a resubmission',
        })
      value.comments.forEach((c, index) => {
        if (c.resubmit && !c.comment)
          ctx.addIssue({
            code: 'custom',
            path: ['comments', index, 'comment'],
            message: 'Enter what the service must change in this outcome',
          })
      })
    }
  })
export type ReviewForm = z.infer<typeof ReviewSchema>

export const ConfirmReviewSchema = z.object({ intent: z.enum(['confirm', 'send-back']) })

export const InterimRequestSchema = z.object({
  intent: z.literal('interim'),
  note: requiredText(TEXT_MAX, 'Request', 'Enter what the interim update should cover'),
})

/** The plan page's buttons (plain forms, read with Object.fromEntries, so the version is text). */
export const PlanMoveSchema = z.object({
  intent: z.enum(['start', 'send-for-sign-off', 'withdraw', 'submit', 'resubmit', 'interim-update']),
  version: z.coerce.number().int().min(0),
})

/**
 * The outcome mapping form (framework refresh): for each outcome of the earlier edition, the
 * outcome or outcomes of this edition it becomes (one checkbox group each, named `map-<number>`).
 */
export function outcomeMappingSchema(input: {
  fromNumbers: readonly number[]
  toNumbers: readonly number[]
  toName: string
}) {
  const to = new Set(input.toNumbers)
  return z.object({
    from: z.string({ error: 'Choose the edition to map from' }).min(1).max(40),
    ...Object.fromEntries(
      input.fromNumbers.map((n) => [
        `map-${n}`,
        z
          .array(
            z
              .number({ error: `Select an outcome of the ${input.toName} for outcome ${n}` })
              .int()
              .refine((value) => to.has(value), `Select an outcome of the ${input.toName} for outcome ${n}`),
            { error: `Select the outcome that outcome ${n} becomes` },
          )
          .min(1, `Select the outcome that outcome ${n} becomes`)
          .max(input.toNumbers.length),
      ]),
    ),
  })
}
export const mappingField = (n: number) => `map-${n}`
