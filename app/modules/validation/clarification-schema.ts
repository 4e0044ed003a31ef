// Clarification forms (issue 4, item 4) and the thread vocabulary, shared by server and browser.
import { z } from 'zod'
import type { TagColour } from '~/modules/submissions/status'

export const MESSAGE_MAX = 5_000

export const THREAD_STATUSES = ['OPEN', 'ANSWERED', 'CLOSED'] as const
export type ThreadStatus = (typeof THREAD_STATUSES)[number]

export const THREAD_STATUS_LABELS: Record<ThreadStatus, string> = {
  OPEN: 'Open',
  ANSWERED: 'Answered',
  CLOSED: 'Closed',
}
export const THREAD_STATUS_COLOURS: Record<ThreadStatus, TagColour> = {
  OPEN: 'yellow',
  ANSWERED: 'blue',
  CLOSED: 'grey',
}

export function isThreadStatus(value: string): value is ThreadStatus {
  return (THREAD_STATUSES as readonly string[]).includes(value)
}

/** Who wrote a message, as the thread shows it. */
export type AuthorContext = 'Validator' | 'Service'

/**
 * The validator's questions: one fieldset per outcome with an "Ask about outcome N" checkbox and a
 * question. Questions typed for outcomes that are not ticked are ignored, whatever their length.
 */
export const AskSchema = z
  .object({
    items: z
      .array(
        z.object({
          number: z.number().int().min(1).max(20),
          ask: z.boolean().default(false),
          question: z.string().default(''),
        }),
      )
      .max(20)
      .default([]),
  })
  .superRefine((value, ctx) => {
    if (!value.items.some((item) => item.ask)) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'Select at least one outcome to ask about' })
    }
    value.items.forEach((item, index) => {
      if (!item.ask) return
      const question = item.question.trim()
      if (!question)
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'question'],
          message: `Enter your question about outcome ${item.number}`,
        })
      else if (question.length > MESSAGE_MAX) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'question'],
          message: `Your question about outcome ${item.number} must be 5,000 characters or fewer`,
        })
      }
    })
    const numbers = value.items.map((item) => item.number)
    if (new Set(numbers).size !== numbers.length)
      ctx.addIssue({ code: 'custom', path: ['items'], message: 'Each outcome can be asked about only once' })
  })
export type AskForm = z.infer<typeof AskSchema>

export type Question = { number: number; question: string }

/** The questions to send: the ticked outcomes only, trimmed, in outcome order. */
export function chosenQuestions(form: AskForm): Question[] {
  return form.items
    .filter((item) => item.ask)
    .map((item) => ({ number: item.number, question: item.question.trim() }))
    .sort((a, b) => a.number - b.number)
}

/** "outcome 2", "outcomes 2 and 5", "outcomes 1, 2 and 5" */
export function outcomeList(numbers: readonly number[]): string {
  if (numbers.length <= 1) return `outcome ${numbers[0] ?? ''}`.trim()
  return `outcomes ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`
}

const messageBody = (empty: string, tooLong: string) =>
  z.string({ error: empty }).trim().min(1, empty).max(MESSAGE_MAX, tooLong)

/** The service's reply to one open question. */
export const ReplySchema = z.object({
  intent: z.literal('reply'),
  threadId: z.string().min(1).max(64),
  body: messageBody('Enter your reply', 'Your reply must be 5,000 characters or fewer'),
})

/** A validator's follow-up on a thread. */
export const FollowUpSchema = z.object({
  intent: z.literal('follow-up'),
  threadId: z.string().min(1).max(64),
  body: messageBody('Enter your follow-up question', 'Your follow-up question must be 5,000 characters or fewer'),
})
