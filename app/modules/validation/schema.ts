import { z } from 'zod'
import { INDICATOR_STATUSES, SUB_LEVELS } from '~/modules/framework/grading'
import { requiredDate } from '~/utils/date-input'
import { SaveKeySchema } from '~/modules/submissions/schema'

const TEXT_MAX = 5_000
const text = (label: string) => z.string().max(TEXT_MAX, `${label} must be 5,000 characters or fewer`).default('')

/** A level and sub-level pair, with the messages the NHS design system asks for. */
function refineGrade(value: { level?: number; subLevel?: string }, ctx: z.RefinementCtx) {
  if (value.level === 0 && value.subLevel)
    ctx.addIssue({
      code: 'custom',
      path: ['subLevel'],
      message: 'Level 0 has no sub-level. Select level 1 or above, or clear the sub-level',
    })
  if (value.level !== undefined && value.level > 0 && !value.subLevel)
    ctx.addIssue({
      code: 'custom',
      path: ['subLevel'],
      message: `Select a sub-level for level ${value.level}: low, medium or high`,
    })
  if (value.level === undefined && value.subLevel)
    ctx.addIssue({ code: 'custom', path: ['level'], message: 'Select a level to go with the sub-level' })
}

const level = z
  .number({ error: 'Select a level from 0 to 4' })
  .int('Select a level from 0 to 4')
  .min(0, 'Select a level from 0 to 4')
  .max(4, 'Select a level from 0 to 4')
const subLevel = z.enum(SUB_LEVELS, { error: 'Select low, medium or high' })

/** A validator's judgement of one outcome. */
export const ValidationFormSchema = z
  .object({
    saveKey: SaveKeySchema,
    version: z.number().int().min(0),
    level: level.optional(),
    subLevel: subLevel.optional(),
    rationale: text('Rationale'),
    notes: text('Notes'),
    judgements: z
      .array(z.object({ id: z.string().min(1).max(64), status: z.enum(INDICATOR_STATUSES).optional() }))
      .max(60)
      .default([]),
  })
  .superRefine((value, ctx) => {
    refineGrade(value, ctx)
    if (value.level !== undefined && !value.rationale.trim())
      ctx.addIssue({ code: 'custom', path: ['rationale'], message: 'Enter the rationale for your grade' })
  })
export type ValidationForm = z.infer<typeof ValidationFormSchema>

export const AssignFormSchema = z.object({
  primaryId: z.string({ error: 'Select the primary validator' }).min(1, 'Select the primary validator').max(64),
  secondaryId: z.string({ error: 'Select the second validator' }).min(1, 'Select the second validator').max(64),
  dueDate: requiredDate('Due date'),
})

/** The agreed result of one outcome, recorded by the primary validator or, in moderation, the regional lead. */
export const AgreedResultFormSchema = z
  .object({
    level,
    subLevel: subLevel.optional(),
    rationale: text('Rationale'),
    strengths: text('Strengths and good practice'),
    areasForDevelopment: text('Areas for development'),
    requiredActions: text('Required actions'),
    recommendations: text('Recommendations'),
  })
  .superRefine(refineGrade)
export type AgreedResultForm = z.infer<typeof AgreedResultFormSchema>

export const ReasonSchema = z.object({
  reason: z
    .string({ error: 'Enter the reason' })
    .trim()
    .min(1, 'Enter the reason')
    .max(TEXT_MAX, 'Reason must be 5,000 characters or fewer'),
})

/** Required actions are typed one per line. */
export function splitActions(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
