// The forms of the framework editions admin (issue 7), shared by the server and the browser.
import { z } from 'zod'
import {
  EDITION_CODE_MESSAGE,
  EDITION_CODE_PATTERN,
  LIMITS,
  RESERVED_CODE_MESSAGE,
  indicatorCode,
  isReservedEditionCode,
} from './edition-json'

const max = (limit: number, what: string) => `${what} must be ${limit.toLocaleString('en-GB')} characters or fewer`
const optionalText = (limit: number, what: string) => z.string().trim().max(limit, max(limit, what)).default('')

/** The concurrency token: when the edition was last changed, as the page saw it. */
const editionVersion = z.string({ error: 'The page is out of date. Reload it and try again.' }).min(1).max(40)

export const CopyEditionSchema = z.object({
  from: z.string({ error: 'Choose the edition to copy' }).min(1).max(LIMITS.code),
  code: z
    .string({ error: 'Enter a code for the new edition, like 2026' })
    .trim()
    .min(1, 'Enter a code for the new edition, like 2026')
    .max(LIMITS.code, max(LIMITS.code, 'Code'))
    .regex(EDITION_CODE_PATTERN, EDITION_CODE_MESSAGE)
    .refine((code) => !isReservedEditionCode(code), RESERVED_CODE_MESSAGE),
  name: z
    .string({ error: 'Enter a name for the new edition, like 2026 edition' })
    .trim()
    .min(1, 'Enter a name for the new edition, like 2026 edition')
    .max(LIMITS.name, max(LIMITS.name, 'Name')),
  description: optionalText(LIMITS.description, 'Description'),
})
export type CopyEditionForm = z.infer<typeof CopyEditionSchema>

export const PublishEditionSchema = z.object({
  intent: z.literal('publish'),
  editionVersion,
})

const IndicatorFieldSchema = z.object({
  id: z.string().min(1).max(64),
  text: z.string().trim().max(LIMITS.indicator, max(LIMITS.indicator, 'Indicator text')).optional(),
  position: z
    .number({ error: 'Enter the position as a whole number, like 2' })
    .int('Enter the position as a whole number, like 2')
    .min(1, 'Position must be 1 or more')
    .max(999, 'Position must be 999 or less')
    .optional(),
  remove: z.literal('yes').optional(),
})

const SuggestedEvidenceFieldSchema = z.object({
  id: z.string().min(1).max(64),
  text: z.string().trim().max(LIMITS.suggestedEvidence, max(LIMITS.suggestedEvidence, 'Suggested evidence')).optional(),
  remove: z.literal('yes').optional(),
})

/** The outcome page: every text of one outcome, with indicators added, removed and reordered in a draft. */
export function outcomeFormSchema(outcomeNumber: number) {
  return (
    z
      .object({
        editionVersion,
        shortTitle: z
          .string({ error: 'Enter the short title' })
          .trim()
          .min(1, 'Enter the short title')
          .max(LIMITS.shortTitle, max(LIMITS.shortTitle, 'Short title')),
        statement: z
          .string({ error: 'Enter the outcome statement' })
          .trim()
          .min(1, 'Enter the outcome statement')
          .max(LIMITS.statement, max(LIMITS.statement, 'Outcome statement')),
        scope: optionalText(LIMITS.scope, 'Scope'),
        whyItMatters: optionalText(LIMITS.whyItMatters, 'Why it matters'),
        keyQuestions: z
          .string()
          .max(LIMITS.keyQuestion * LIMITS.perList, 'Key questions are too long')
          .default('')
          .refine(
            (text) => text.split('\n').every((line) => line.trim().length <= LIMITS.keyQuestion),
            max(LIMITS.keyQuestion, 'Each key question'),
          ),
        levels: z
          .array(
            z.object({
              level: z.number().int().min(1).max(4),
              summary: optionalText(LIMITS.summary, 'Level summary'),
              indicators: z.array(IndicatorFieldSchema).max(LIMITS.perList).default([]),
              newIndicator: z
                .string()
                .trim()
                .max(LIMITS.indicator, max(LIMITS.indicator, 'The new indicator'))
                .optional(),
            }),
          )
          .length(4),
        suggestedEvidence: z.array(SuggestedEvidenceFieldSchema).max(LIMITS.perList).default([]),
        newSuggestedEvidence: z
          .string()
          .trim()
          .max(LIMITS.suggestedEvidence, max(LIMITS.suggestedEvidence, 'The new suggested evidence'))
          .optional(),
      })
      // Runs even when other fields have errors, so every problem on the page is shown at once.
      .superRefine(
        (form, ctx) => {
          if (!Array.isArray(form.levels) || !Array.isArray(form.suggestedEvidence)) return
          form.levels.forEach((level, l) => {
            if (!level || !Array.isArray(level.indicators)) return
            level.indicators.forEach((indicator, i) => {
              if (!indicator) return
              if (!indicator.remove && !indicator.text) {
                ctx.addIssue({
                  code: 'custom',
                  path: ['levels', l, 'indicators', i, 'text'],
                  message: `Enter the text of indicator ${indicatorCode(outcomeNumber, level.level, i + 1)}`,
                })
              }
            })
          })
          form.suggestedEvidence.forEach((item, i) => {
            if (!item) return
            if (!item.remove && !item.text)
              ctx.addIssue({
                code: 'custom',
                path: ['suggestedEvidence', i, 'text'],
                message: `Enter suggested evidence ${i + 1}`,
              })
          })
        },
        { when: () => true },
      )
  )
}
export type OutcomeForm = z.infer<ReturnType<typeof outcomeFormSchema>>

export const IMPORT_FILE_FIELD = 'file'
