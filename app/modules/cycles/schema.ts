// The cycle administration forms, shared by the server and the browser (Conform).
import { z } from 'zod'
import { requiredDate } from '~/utils/date-input'
import { CYCLE_TYPES, cycleDateErrors } from './rules'

export const CYCLE_NAME_MAX = 100
export const MINIMUM_LEVEL_OPTIONS = ['0', '1', '2', '3', '4'] as const

const fields = {
  name: z
    .string({ error: 'Enter a name for the cycle' })
    .trim()
    .min(1, 'Enter a name for the cycle')
    .max(CYCLE_NAME_MAX, `Name must be ${CYCLE_NAME_MAX} characters or fewer`),
  type: z.enum(CYCLE_TYPES, { error: 'Select the type of cycle' }),
  evidencePeriodStart: requiredDate('Date the evidence period starts'),
  evidencePeriodEnd: requiredDate('Date the evidence period ends'),
  opensAt: requiredDate('Date the cycle opens'),
  submissionDeadline: requiredDate('Submission deadline'),
  validationDeadline: requiredDate('Validation deadline'),
  // The select's "None" sends an empty value, which Conform reads as missing.
  minimumExpectedLevel: z
    .enum(MINIMUM_LEVEL_OPTIONS, { error: 'Select a minimum expected level from the list' })
    .optional()
    .transform((value) => (value === undefined ? null : Number(value))),
}

type DateFields = Pick<
  z.infer<z.ZodObject<typeof fields>>,
  'evidencePeriodStart' | 'evidencePeriodEnd' | 'opensAt' | 'submissionDeadline' | 'validationDeadline'
>

/** The date order, checked in the browser as a courtesy; the server checks it again. */
function checkDateOrder(value: DateFields, ctx: z.RefinementCtx) {
  const dates = [
    value.evidencePeriodStart,
    value.evidencePeriodEnd,
    value.opensAt,
    value.submissionDeadline,
    value.validationDeadline,
  ]
  if (!dates.every((date) => date instanceof Date)) return
  for (const [path, message] of Object.entries(cycleDateErrors(value)))
    ctx.addIssue({ code: 'custom', path: [path], message })
}

/** Creating a cycle: the edition is chosen from the published ones. */
export const NewCycleSchema = z
  .object({
    ...fields,
    editionId: z.string({ error: 'Select a framework edition' }).trim().min(1, 'Select a framework edition').max(64),
  })
  .superRefine(checkDateOrder)

/**
 * Changing a cycle: the edition is only sent while the cycle is a draft, and `updatedAt` is when
 * the cycle was last changed as the person saw it, so a save over someone else's is caught.
 */
export const EditCycleSchema = z
  .object({
    ...fields,
    editionId: z.string().trim().max(64).optional(),
    updatedAt: z.string({ error: 'The page is out of date. Reload it and try again.' }).min(1),
  })
  .superRefine(checkDateOrder)

export type NewCycleForm = z.infer<typeof NewCycleSchema>
export type EditCycleForm = z.infer<typeof EditCycleSchema>

/** The form's field names in page order, for the error summary. */
export const CYCLE_FIELDS = [
  'name',
  'type',
  'editionId',
  'evidencePeriodStart',
  'evidencePeriodEnd',
  'opensAt',
  'submissionDeadline',
  'validationDeadline',
  'minimumExpectedLevel',
] as const
export const CYCLE_DATE_FIELDS = [
  'evidencePeriodStart',
  'evidencePeriodEnd',
  'opensAt',
  'submissionDeadline',
  'validationDeadline',
] as const

/** Choosing the organisations that take part. */
export const ParticipantsSchema = z
  .object({
    scope: z.enum(['ALL', 'SELECTED'], {
      error: 'Select whether all active organisations take part or only the ones you choose',
    }),
    organisationIds: z.array(z.string().max(64)).default([]),
    updatedAt: z.string({ error: 'The page is out of date. Reload it and try again.' }).min(1),
  })
  .superRefine((value, ctx) => {
    if (value.scope === 'SELECTED' && value.organisationIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisationIds'],
        message: 'Select at least one organisation, or choose all active organisations',
      })
    }
  })

export type ParticipantsForm = z.infer<typeof ParticipantsSchema>

/** Opening or closing: the confirmation names the version of the cycle the person saw. */
export const CycleMoveSchema = z.object({
  updatedAt: z.string({ error: 'The page is out of date. Reload it and try again.' }).min(1),
})
