// The JSON file an edition is exported to and imported from (issue 7): a stable, versioned format,
// documented in docs/framework-edition-json.md. Pure: no database, so the browser could use it too.
//
// Version 1:
// { "format": "lks-quality-portal/framework-edition", "version": 1,
//   "code": "2022", "name": "Second edition (2022)", "description": "...",
//   "outcomes": [{ "number": 1, "shortTitle": "...", "statement": "...", "scope": "...", "whyItMatters": "...",
//                  "keyQuestions": ["..."],
//                  "levels": [{ "level": 1, "summary": "...", "indicators": [{ "code": "1.1.1", "text": "..." }] }, ... levels 2 to 4],
//                  "suggestedEvidence": ["..."] }] }
// Every field is required and no other field is allowed, so a typing mistake is an error rather
// than content silently lost.
import { z } from 'zod'

export const EDITION_JSON_FORMAT = 'lks-quality-portal/framework-edition'
export const EDITION_JSON_VERSION = 1
export const EDITION_JSON_MAX_BYTES = 1024 * 1024

export const LIMITS = {
  code: 20,
  name: 100,
  description: 2000,
  shortTitle: 150,
  statement: 1000,
  scope: 5000,
  whyItMatters: 5000,
  keyQuestion: 500,
  summary: 2000,
  indicator: 1000,
  suggestedEvidence: 500,
  outcomes: 20,
  perList: 50,
} as const

/** An edition's content as the portal holds it, and as the file carries it (less format and version). */
export type IndicatorContent = { code: string; text: string }
export type LevelContent = { level: number; summary: string; indicators: IndicatorContent[] }
export type OutcomeContent = {
  number: number
  shortTitle: string
  statement: string
  scope: string
  whyItMatters: string
  keyQuestions: string[]
  levels: LevelContent[]
  suggestedEvidence: string[]
}
export type EditionContent = { code: string; name: string; description: string; outcomes: OutcomeContent[] }
export type EditionDocument = {
  format: typeof EDITION_JSON_FORMAT
  version: typeof EDITION_JSON_VERSION
} & EditionContent

export const EDITION_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/
export const EDITION_CODE_MESSAGE =
  'Code must start with a letter or number and use only letters, numbers and hyphens, like 2026'

const max = (limit: number, what: string) => `${what} must be ${limit.toLocaleString('en-GB')} characters or fewer`
const required = (limit: number, what: string, enter: string) =>
  z.string().trim().min(1, enter).max(limit, max(limit, what))
const optional = (limit: number, what: string) => z.string().trim().max(limit, max(limit, what))
const list = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).max(LIMITS.perList, `There can be no more than ${LIMITS.perList} ${what}`)

/** Codes that are pages of the editions admin (/admin/editions/new), so never an edition's. */
export const RESERVED_EDITION_CODES = ['new', 'import'] as const
export const RESERVED_CODE_MESSAGE = 'Choose another code: "new" and "import" are used by the portal'
export const isReservedEditionCode = (code: string) =>
  (RESERVED_EDITION_CODES as readonly string[]).includes(code.toLowerCase())

export const editionCodeSchema = required(LIMITS.code, 'Code', 'Enter a code for the edition, like 2026')
  .regex(EDITION_CODE_PATTERN, EDITION_CODE_MESSAGE)
  .refine((code) => !isReservedEditionCode(code), RESERVED_CODE_MESSAGE)

const IndicatorSchema = z.strictObject({
  code: z.string(),
  text: required(LIMITS.indicator, 'Indicator text', 'Enter the indicator text'),
})

const LevelSchema = z.strictObject({
  level: z.number().int(),
  summary: optional(LIMITS.summary, 'Level summary'),
  indicators: list(IndicatorSchema, 'indicators in a level'),
})

const OutcomeSchema = z
  .strictObject({
    number: z.number().int(),
    shortTitle: required(LIMITS.shortTitle, 'Short title', 'Enter the short title'),
    statement: required(LIMITS.statement, 'Outcome statement', 'Enter the outcome statement'),
    scope: optional(LIMITS.scope, 'Scope'),
    whyItMatters: optional(LIMITS.whyItMatters, 'Why it matters'),
    keyQuestions: list(
      required(LIMITS.keyQuestion, 'A key question', 'Enter the key question, or remove the empty entry'),
      'key questions',
    ),
    levels: z.array(LevelSchema).length(4, 'Give exactly four levels, 1 to 4, in order'),
    suggestedEvidence: list(
      required(
        LIMITS.suggestedEvidence,
        'Suggested evidence',
        'Enter the suggested evidence, or remove the empty entry',
      ),
      'suggested evidence items',
    ),
  })
  .superRefine((outcome, ctx) => {
    outcome.levels.forEach((level, l) => {
      if (level.level !== l + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', l, 'level'],
          message: `Levels must be 1 to 4 in order: this one must be ${l + 1}`,
        })
      level.indicators.forEach((indicator, i) => {
        const expected = indicatorCode(outcome.number, l + 1, i + 1)
        if (indicator.code !== expected)
          ctx.addIssue({
            code: 'custom',
            path: ['levels', l, 'indicators', i, 'code'],
            message: `The code must be "${expected}" (outcome.level.position)`,
          })
      })
    })
  })

export const EditionDocumentSchema = z.strictObject({
  format: z.literal(EDITION_JSON_FORMAT, {
    error: `This is not a framework edition file: format must be "${EDITION_JSON_FORMAT}"`,
  }),
  version: z.literal(EDITION_JSON_VERSION, { error: `This portal reads format version ${EDITION_JSON_VERSION}` }),
  code: editionCodeSchema,
  name: required(LIMITS.name, 'Name', 'Enter a name for the edition'),
  description: optional(LIMITS.description, 'Description'),
  outcomes: z
    .array(OutcomeSchema)
    .min(1, 'Give at least one outcome')
    .max(LIMITS.outcomes, `There can be no more than ${LIMITS.outcomes} outcomes`)
    .superRefine((outcomes, ctx) => {
      outcomes.forEach((outcome, o) => {
        if (outcome.number !== o + 1)
          ctx.addIssue({
            code: 'custom',
            path: [o, 'number'],
            message: `Outcomes must be numbered 1, 2, 3 and so on, in order: this one must be ${o + 1}`,
          })
      })
    }),
})

export function indicatorCode(outcome: number, level: number, position: number): string {
  return `${outcome}.${level}.${position}`
}

export function toEditionDocument(content: EditionContent): EditionDocument {
  return { format: EDITION_JSON_FORMAT, version: EDITION_JSON_VERSION, ...content }
}

/** The file's text: two-space indentation and a final newline, so exports diff cleanly. */
export function serialiseEdition(content: EditionContent): string {
  return `${JSON.stringify(toEditionDocument(content), null, 2)}\n`
}

export type EditionJsonError = { path: string; location: string; message: string; text: string }

const TYPE_WORDS: Record<string, string> = {
  string: 'text in quotes',
  number: 'a number',
  array: 'a list in square brackets',
  object: 'an object in curly brackets',
}

const FIELD_WORDS: Record<string, string> = {
  format: 'format',
  version: 'version',
  code: 'code',
  name: 'name',
  description: 'description',
  number: 'number',
  shortTitle: 'short title',
  statement: 'statement',
  scope: 'scope',
  whyItMatters: 'why it matters',
  summary: 'summary',
  text: 'text',
  level: 'level',
}

const ITEM_WORDS: Record<string, string> = {
  outcomes: 'outcome',
  levels: 'level',
  indicators: 'indicator',
  keyQuestions: 'key question',
  suggestedEvidence: 'suggested evidence',
}

/** "outcomes[2].levels[0].indicators[3].text" */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  )
}

/** "Outcome 3, level 1, indicator 4, text": positions counted from 1. */
export function plainLocation(path: readonly PropertyKey[]): string {
  const parts: string[] = []
  path.forEach((key, index) => {
    const next = path[index + 1]
    if (typeof key === 'number') return
    if (typeof next === 'number') parts.push(`${ITEM_WORDS[key as string] ?? String(key)} ${next + 1}`)
    else
      parts.push(
        FIELD_WORDS[key as string] ??
          (key === 'keyQuestions' ? 'key questions' : key === 'suggestedEvidence' ? 'suggested evidence' : String(key)),
      )
  })
  const text = parts.join(', ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function describe(path: readonly PropertyKey[], message: string): EditionJsonError {
  const location = plainLocation(path)
  const at = jsonPath(path)
  return { path: at, location, message, text: at ? `${at} (${location}): ${message}` : message }
}

// Messages for the checks that have no message of their own in the schema.
function defaultMessage(issue: { code?: string; input?: unknown; expected?: string }): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'This field is missing'
    return `Must be ${TYPE_WORDS[issue.expected ?? ''] ?? issue.expected}`
  }
  return undefined
}

export type ParsedEdition = { ok: true; content: EditionContent } | { ok: false; errors: EditionJsonError[] }

/** Reads an uploaded file's text. Never throws: every problem is an error naming where it is. */
export function parseEditionJson(text: string): ParsedEdition {
  let data: unknown
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    return {
      ok: false,
      errors: [
        describe(
          [],
          `The file is not valid JSON (${error instanceof Error ? error.message : 'unreadable'}). Export an edition to see the format`,
        ),
      ],
    }
  }
  const result = EditionDocumentSchema.safeParse(data, { error: defaultMessage })
  if (result.success) {
    const { format: _format, version: _version, ...content } = result.data
    return { ok: true, content }
  }
  const errors: EditionJsonError[] = []
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        errors.push(describe([...issue.path, key], 'Remove this field: it is not part of the edition format'))
    } else {
      errors.push(describe(issue.path, issue.message))
    }
  }
  return { ok: false, errors }
}
