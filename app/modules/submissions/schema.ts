import { z } from 'zod'
import { INDICATOR_STATUSES, SUB_LEVELS } from '~/modules/framework/grading'

// Narratives written in Word commonly run to 3,000 to 5,000 words (about 6.5 characters a word).
export const NARRATIVE_MAX = 60_000
export const KEY_STRENGTHS_MAX = 5_000
export const REASON_MAX = 5_000
export const NOTE_MAX = 2_000

const text = (max: number, message: string) => z.string().max(max, message).default('')

/** The outcome page: indicator statuses, narrative, key strengths and the self-assessed grade. */
/** The idempotency key of a save: made when the form is rendered, or when an autosave fires. */
export const SaveKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/)
  .optional()

export const OutcomeFormSchema = z
  .object({
    intent: z.enum(['save', 'complete']).default('save'),
    saveKey: SaveKeySchema,
    version: z.number({ error: 'The page is out of date. Reload it and try again.' }).int().min(0),
    narrative: text(NARRATIVE_MAX, 'Narrative must be 60,000 characters or fewer'),
    keyStrengths: text(KEY_STRENGTHS_MAX, 'Key strengths must be 5,000 characters or fewer'),
    selfLevel: z
      .number({ error: 'Select a level from 0 to 4' })
      .int('Select a level from 0 to 4')
      .min(0, 'Select a level from 0 to 4')
      .max(4, 'Select a level from 0 to 4')
      .optional(),
    selfSubLevel: z.enum(SUB_LEVELS, { error: 'Select low, medium or high' }).optional(),
    selfGradeReason: text(REASON_MAX, 'Reason must be 5,000 characters or fewer'),
    // The indicators without evidence the person was warned of and chose to complete without (ids,
    // comma-separated): marking as completed warns only of others.
    acknowledgedUnevidenced: z
      .string()
      .max(4_000)
      .default('')
      .transform((value) => value.split(',').filter(Boolean)),
    indicators: z
      .array(
        z.object({
          id: z.string().min(1).max(64),
          status: z.enum(INDICATOR_STATUSES, { error: 'Select met, partly met, not met or not applicable' }).optional(),
          note: text(NOTE_MAX, 'Note must be 2,000 characters or fewer'),
        }),
      )
      .max(60)
      .default([]),
  })
  .superRefine((value, ctx) => {
    if (value.selfLevel === 0 && value.selfSubLevel) {
      ctx.addIssue({
        code: 'custom',
        path: ['selfSubLevel'],
        message: 'Level 0 has no sub-level. Select level 1 or above, or clear the sub-level',
      })
    }
    if (value.selfLevel !== undefined && value.selfLevel > 0 && !value.selfSubLevel) {
      ctx.addIssue({
        code: 'custom',
        path: ['selfSubLevel'],
        message: `Select a sub-level for level ${value.selfLevel}: low, medium or high`,
      })
    }
    if (value.selfLevel === undefined && value.selfSubLevel) {
      ctx.addIssue({ code: 'custom', path: ['selfLevel'], message: 'Select a level to go with the sub-level' })
    }
  })
export type OutcomeForm = z.infer<typeof OutcomeFormSchema>

/** Autosave of the narrative alone, with JavaScript. */
export const NarrativeAutosaveSchema = z.object({
  intent: z.literal('autosave'),
  saveKey: SaveKeySchema,
  version: z.number().int().min(0),
  narrative: text(NARRATIVE_MAX, 'Narrative must be 60,000 characters or fewer'),
})

export const UnlinkEvidenceSchema = z.object({
  intent: z.literal('unlink'),
  linkId: z.string().min(1).max(64),
})

export const LinkEvidenceSchema = z.object({
  evidenceItemId: z.string({ error: 'Select an evidence item' }).min(1, 'Select an evidence item').max(64),
  target: z.string({ error: 'Select what the evidence supports' }).min(1, 'Select what the evidence supports').max(64),
  pointer: z.string().trim().max(200, 'Page or section must be 200 characters or fewer').default(''),
})

export const SignOffSchema = z
  .object({
    decision: z.enum(['SIGNED_OFF', 'RETURNED'], { error: 'Select whether you sign off the submission or return it' }),
    signerName: z
      .string({ error: 'Enter your name' })
      .trim()
      .min(1, 'Enter your name')
      .max(200, 'Name must be 200 characters or fewer'),
    signerRole: z
      .string({ error: 'Enter your role' })
      .trim()
      .min(1, 'Enter your role')
      .max(200, 'Role must be 200 characters or fewer'),
    reason: z.string().trim().max(5000, 'Reason must be 5,000 characters or fewer').default(''),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'RETURNED' && !value.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Enter why you are returning the submission' })
  })

/**
 * A message that names the post's row when the issue is inside the list of posts ("Enter the WTE
 * for post 2 as a number, like 0.6"): Zod works the message out once the issue's path is complete.
 */
function forPost(message: (post: string) => string) {
  return {
    error: (issue: { path?: PropertyKey[] }) => {
      const index = issue.path?.find((part): part is number => typeof part === 'number')
      return message(index === undefined ? 'the post' : `post ${index + 1}`)
    },
  }
}

/** One row of the posts list as typed: every field may still be empty. */
const StaffPostRowSchema = z.object({
  /** The stored row's id (none for a post not saved yet): the merge keys a post by it. */
  id: z.string().max(64).optional(),
  title: z
    .string()
    .trim()
    .max(
      200,
      forPost((post) => `The title of ${post} must be 200 characters or fewer`),
    )
    .optional(),
  wte: z
    .number(forPost((post) => `Enter the WTE of ${post} as a number, like 0.6`))
    .min(
      0.01,
      forPost((post) => `The WTE of ${post} must be more than 0`),
    )
    .max(
      100,
      forPost((post) => `The WTE of ${post} must be 100 or less`),
    )
    .optional(),
  qualified: z.enum(['yes', 'no']).optional(),
})
type StaffPostRow = z.infer<typeof StaffPostRowSchema>
export type StaffPostForm = { id?: string; title: string; wte: number; qualified: 'yes' | 'no' }

const isBlankRow = (row: StaffPostRow) => !row.title && row.wte === undefined && row.qualified === undefined
const isFilledRow = (row: StaffPostRow): row is StaffPostForm =>
  Boolean(row.title) && row.wte !== undefined && row.qualified !== undefined

/**
 * The posts: a row left completely empty (the form always offers one) is not a post and is
 * dropped; a row started must be finished, and each message names its row.
 */
const StaffPostsSchema = z
  .array(StaffPostRowSchema)
  .max(100, 'Enter 100 posts or fewer')
  .default([])
  .superRefine((rows, ctx) => {
    rows.forEach((row, index) => {
      if (isBlankRow(row)) return
      const post = `post ${index + 1}`
      if (!row.title)
        ctx.addIssue({ code: 'custom', path: [index, 'title'], message: `Enter the post title for ${post}` })
      if (row.wte === undefined)
        ctx.addIssue({ code: 'custom', path: [index, 'wte'], message: `Enter the WTE for ${post}, like 1 or 0.6` })
      if (row.qualified === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'qualified'],
          message: `Select whether the holder of ${post} is a qualified library and knowledge specialist`,
        })
    })
  })
  .transform((rows) => rows.filter(isFilledRow))

/** "£250,000", "250000", "250,000.50", "£ 250 000": an amount in pounds as people write it. */
const POUNDS = /^£?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/
const BUDGET_MESSAGE = 'Enter the budget as an amount in pounds, like £250,000'

/** The annual budget, kept in whole pounds: pence are rounded to the nearest pound. */
const BudgetSchema = z
  .string(BUDGET_MESSAGE)
  .transform((value) => value.replace(/\s/g, ''))
  .refine((value) => POUNDS.test(value), BUDGET_MESSAGE)
  .transform((value) => Math.round(Number(value.replace(/[£,]/g, ''))))
  .pipe(z.number().max(1_000_000_000, 'Enter a budget of £1,000,000,000 or less'))

export const PenPortraitSchema = z.object({
  saveKey: SaveKeySchema,
  version: z.number().int().min(0),
  organisations: z
    .array(
      z.object({
        organisationId: z.string().min(1).max(64),
        staffHeadcount: z
          .number({ error: 'Enter the headcount as a whole number' })
          .int('Enter the headcount as a whole number')
          .min(0)
          .max(2_000_000)
          .optional(),
        staffWte: z.number({ error: 'Enter the WTE as a number' }).min(0).max(2_000_000).optional(),
      }),
    )
    .max(50)
    .default([]),
  staffPosts: StaffPostsSchema,
  budgetPounds: BudgetSchema.optional(),
  strategyEvidenceId: z.string().max(64).optional(),
  annualReportEvidenceId: z.string().max(64).optional(),
  slaEvidenceIds: z.array(z.string().max(64)).max(50).default([]),
  contextNotes: z.string().max(10_000, 'Context notes must be 10,000 characters or fewer').default(''),
})
export type PenPortraitForm = z.infer<typeof PenPortraitSchema>
