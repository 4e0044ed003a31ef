// The NHS date input (day, month and year boxes) in Zod: one parser, shared by every form that
// asks for a date, so each gives the same messages.
import { z } from 'zod'

export const dateParts = z
  .object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() })
  .optional()

export type DateParts = z.infer<typeof dateParts>

const PART_NAMES = { day: 'a day', month: 'a month', year: 'a year' } as const

/** A date from the design system's day, month and year inputs, as midnight UTC; null when blank. */
export function dateFromParts(parts: DateParts): {
  date: Date | null
  error?: 'missing-parts' | 'invalid'
  missing?: string[]
} {
  const day = parts?.day?.trim() ?? ''
  const month = parts?.month?.trim() ?? ''
  const year = parts?.year?.trim() ?? ''
  if (!day && !month && !year) return { date: null }
  const missing = (['day', 'month', 'year'] as const)
    .filter((part) => !{ day, month, year }[part])
    .map((part) => PART_NAMES[part])
  if (missing.length) return { date: null, error: 'missing-parts', missing }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { date: null, error: 'invalid' }
  const [d, m, y] = [Number(day), Number(month), Number(year)]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || y > 2100 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { date: null, error: 'invalid' }
  return { date }
}

/** The day, month and year a date input shows for a stored date. */
export function partsFromDate(date: Date | string | null): { day: string; month: string; year: string } | undefined {
  if (!date) return undefined
  const value = new Date(date)
  return {
    day: String(value.getUTCDate()),
    month: String(value.getUTCMonth() + 1),
    year: String(value.getUTCFullYear()),
  }
}

export function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

function readDate(parts: DateParts, name: string, ctx: z.RefinementCtx): Date | null | typeof z.NEVER {
  const { date, error, missing } = dateFromParts(parts)
  if (error === 'missing-parts') {
    ctx.addIssue({ code: 'custom', message: `${name} must include ${joinWords(missing ?? [])}` })
    return z.NEVER
  }
  if (error === 'invalid') {
    ctx.addIssue({ code: 'custom', message: `${name} must be a real date` })
    return z.NEVER
  }
  return date
}

export function optionalDate(name: string) {
  return dateParts.transform((parts, ctx): Date | null => readDate(parts, name, ctx))
}

export function requiredDate(name: string) {
  return dateParts.transform((parts, ctx): Date => {
    const date = readDate(parts, name, ctx)
    if (date === null) {
      ctx.addIssue({ code: 'custom', message: `Enter the ${name.toLowerCase()}` })
      return z.NEVER
    }
    return date
  })
}
