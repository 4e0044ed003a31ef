// One schema per evidence form, used by the browser (Conform) and the server. Files are checked
// by upload.server.ts as they stream; these schemas see only how many were sent.
import { z } from 'zod'
import { dateFromParts, joinWords, optionalDate, requiredDate } from '~/utils/date-input'
import { MAX_FILES_PER_UPLOAD, fileMessages } from './files'

export const TITLE_MAX = 200
export const DESCRIPTION_MAX = 5000
export const URL_MAX = 2000
export const SEARCH_MAX = 200

const title = z
  .string({ error: 'Enter a title' })
  .trim()
  .min(1, 'Enter a title')
  .max(TITLE_MAX, `Title must be ${TITLE_MAX} characters or fewer`)

const description = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX, `Description must be ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters or fewer`)
  .optional()
  .transform((value) => value ?? '')

/** A web link: http or https only, so a `javascript:` or `file:` address can never be stored. */
const webLink = z
  .string()
  .trim()
  .max(URL_MAX, `Web link must be ${URL_MAX.toLocaleString('en-GB')} characters or fewer`)
  .superRefine((value, ctx) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a web link in the correct format, like https://www.example.nhs.uk/annual-report',
      })
      return
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'Web link must start with http:// or https://' })
    } else if (!url.hostname) {
      ctx.addIssue({
        code: 'custom',
        message: 'Enter a web link in the correct format, like https://www.example.nhs.uk/annual-report',
      })
    }
  })

const details = {
  title,
  description,
  evidenceDateFrom: requiredDate('Evidence start date'),
  evidenceDateTo: optionalDate('Evidence end date'),
}

function checkDateOrder(value: { evidenceDateFrom: Date; evidenceDateTo: Date | null }, ctx: z.RefinementCtx) {
  if (value.evidenceDateFrom && value.evidenceDateTo && value.evidenceDateTo < value.evidenceDateFrom) {
    ctx.addIssue({
      code: 'custom',
      path: ['evidenceDateTo'],
      message: 'Evidence end date must be the same as or after the start date',
    })
  }
}

function checkFileCount(fileCount: number, ctx: z.RefinementCtx, { required }: { required: boolean }) {
  if (required && fileCount === 0) ctx.addIssue({ code: 'custom', path: ['files'], message: 'Select a file' })
  if (fileCount > MAX_FILES_PER_UPLOAD)
    ctx.addIssue({ code: 'custom', path: ['files'], message: fileMessages.tooMany(MAX_FILES_PER_UPLOAD) })
}

/** The new-item form: details, and files or a web link (not both). `fileCount` is how many files were sent. */
export function newEvidenceSchema({ fileCount }: { fileCount: number }) {
  return z
    .object({ ...details, url: webLink.optional() })
    .superRefine(checkDateOrder)
    .superRefine(
      (value, ctx) => {
        // Runs even when other fields have errors (and so may see their raw values), so every
        // problem is reported at once.
        const url: unknown = value?.url
        if (fileCount === 0 && !url)
          ctx.addIssue({ code: 'custom', path: ['files'], message: 'Select a file or enter a web link' })
        if (fileCount > 0 && url)
          ctx.addIssue({ code: 'custom', path: ['url'], message: 'Enter a web link or select files, not both' })
        checkFileCount(fileCount, ctx, { required: false })
      },
      { when: () => true },
    )
}

/** The edit form. An item of files has no link field; an item that is a web link must keep one. */
export function editEvidenceSchema({ isLink }: { isLink: boolean }) {
  return z
    .object({
      ...details,
      url: isLink ? z.string({ error: 'Enter a web link' }).pipe(webLink) : z.undefined().optional(),
    })
    .superRefine(checkDateOrder)
}

/** Adding files to an item: at least one. */
export function addFilesSchema({ fileCount }: { fileCount: number }) {
  return z.object({}).superRefine((_, ctx) => checkFileCount(fileCount, ctx, { required: true }))
}

/** Replacing one file with a new version: exactly one. */
export function replaceFileSchema({ fileCount }: { fileCount: number }) {
  return z.object({}).superRefine((_, ctx) => {
    if (fileCount === 0) ctx.addIssue({ code: 'custom', path: ['files'], message: 'Select a file' })
    if (fileCount > 1) ctx.addIssue({ code: 'custom', path: ['files'], message: fileMessages.tooMany(1) })
  })
}

/** Why an item cannot be deleted: a submission the service can no longer change uses it. */
export const LOCKED_ITEM_MESSAGE = 'This item is part of a submitted submission, so it can be archived but not deleted'

export const ArchiveSchema = z.object({
  intent: z.enum(['archive', 'restore'], { error: 'Choose whether to archive or restore' }),
})

export type EvidenceDetails = {
  title: string
  description: string
  evidenceDateFrom: Date
  evidenceDateTo: Date | null
}

export type EvidenceFilters = {
  /** Title contains, ignoring case. */
  q?: string
  /** Linked to this outcome number in any submission of the service. */
  outcome?: number
  /** The evidence period overlaps this range. */
  from?: Date
  to?: Date
  /** Show archived evidence as well as current. */
  includeArchived: boolean
}

export type FilterFormValues = {
  q: string
  outcome: string
  from: { day: string; month: string; year: string }
  to: { day: string; month: string; year: string }
  archived: boolean
}

/**
 * The evidence library's filters, from the query string of its GET form. A filter that is not
 * valid is left out and reported, so the list still shows and the person can correct it.
 */
export function parseEvidenceFilters(params: URLSearchParams): {
  filters: EvidenceFilters
  values: FilterFormValues
  errors: Partial<Record<'q' | 'outcome' | 'from' | 'to', string>>
} {
  const text = (name: string) => params.get(name)?.trim() ?? ''
  const parts = (name: string) => ({
    day: text(`${name}.day`),
    month: text(`${name}.month`),
    year: text(`${name}.year`),
  })
  const values: FilterFormValues = {
    q: text('q'),
    outcome: text('outcome'),
    from: parts('from'),
    to: parts('to'),
    archived: params.get('archived') === 'yes',
  }
  const filters: EvidenceFilters = { includeArchived: values.archived }
  const errors: Partial<Record<'q' | 'outcome' | 'from' | 'to', string>> = {}

  if (values.q.length > SEARCH_MAX) errors.q = `Title search must be ${SEARCH_MAX} characters or fewer`
  else if (values.q) filters.q = values.q

  if (values.outcome) {
    const outcome = Number(values.outcome)
    if (Number.isInteger(outcome) && outcome >= 1 && outcome <= 99) filters.outcome = outcome
    else errors.outcome = 'Select an outcome from the list'
  }

  for (const [name, label] of [
    ['from', 'Evidence date from'],
    ['to', 'Evidence date to'],
  ] as const) {
    const { date, error, missing } = dateFromParts(values[name])
    if (error === 'missing-parts') errors[name] = `${label} must include ${joinWords(missing ?? [])}`
    else if (error === 'invalid') errors[name] = `${label} must be a real date`
    else if (date) filters[name] = date
  }
  if (filters.from && filters.to && filters.to < filters.from) {
    errors.to = 'Evidence date to must be the same as or after evidence date from'
    delete filters.to
  }
  return { filters, values, errors }
}
