// The administration forms for organisations and library services (issue 7): one Zod schema per
// form, shared by the server and the browser, with messages that name the field.
import { z } from 'zod'
import { ORGANISATION_TYPE_LABELS } from './labels'

export const ODS_CODE_PATTERN = /^[A-Z0-9]{3,10}$/
export const MAX_ORGANISATION_NAME_LENGTH = 200
export const MAX_SERVICE_NAME_LENGTH = 200
export const ORGANISATION_TYPES = Object.keys(ORGANISATION_TYPE_LABELS)

/** ODS codes are stored upper-case without spaces: " rxv " is RXV. */
export function normaliseOdsCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

const requiredText = (message: string, max: number, tooLong: string) =>
  z
    .string({ error: message })
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, message).max(max, tooLong))

export const OrganisationSchema = z.object({
  odsCode: z
    .string({ error: 'Enter an ODS code' })
    .transform(normaliseOdsCode)
    .pipe(
      z
        .string()
        .min(1, 'Enter an ODS code')
        .regex(ODS_CODE_PATTERN, 'ODS code must be 3 to 10 letters and numbers, like RXV or QAF'),
    ),
  name: requiredText(
    'Enter a name',
    MAX_ORGANISATION_NAME_LENGTH,
    `Name must be ${MAX_ORGANISATION_NAME_LENGTH} characters or fewer`,
  ),
  type: z.string({ error: 'Select a type' }).refine((value) => ORGANISATION_TYPES.includes(value), 'Select a type'),
  regionId: z.string({ error: 'Select a region' }).min(1, 'Select a region'),
  /** When the organisation was last changed, as the form saw it (edit only). */
  version: z.string().optional(),
})
export type OrganisationInput = z.infer<typeof OrganisationSchema>

/** Deactivate or reactivate, with the version the page showed. */
export const OrganisationStatusSchema = z.object({
  active: z.enum(['true', 'false']).transform((value) => value === 'true'),
  version: z.string().min(1),
})

/** The filters of the organisations list (from the query string; anything odd is ignored). */
export const OrganisationFilterSchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  region: z.string().max(40).catch('').default(''),
  type: z
    .string()
    .catch('')
    .default('')
    .transform((value) => (ORGANISATION_TYPES.includes(value) ? value : '')),
  status: z.enum(['active', 'inactive', 'all']).catch('active').default('active'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})
export type OrganisationFilter = z.infer<typeof OrganisationFilterSchema>

const MAX_QUOTA_MB = 1_000_000

export const LibraryServiceSchema = z.object({
  name: requiredText(
    'Enter a name',
    MAX_SERVICE_NAME_LENGTH,
    `Name must be ${MAX_SERVICE_NAME_LENGTH} characters or fewer`,
  ),
  active: z
    .enum(['true', 'false'], { error: 'Select whether the service is active' })
    .transform((value) => value === 'true'),
  quotaMb: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const digits = value?.replace(/[,\s]/g, '') ?? ''
      if (!digits) return null
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      if (!/^\d+$/.test(digits)) return fail('Evidence quota must be a whole number of megabytes, like 5120')
      const megabytes = Number(digits)
      if (megabytes < 1) return fail('Evidence quota must be at least 1MB')
      if (megabytes > MAX_QUOTA_MB)
        return fail(`Evidence quota must be ${MAX_QUOTA_MB.toLocaleString('en-GB')}MB or less`)
      return megabytes
    }),
  version: z.string().optional(),
})
export type LibraryServiceInput = z.infer<typeof LibraryServiceSchema>

export const AddServedOrganisationSchema = z.object({
  organisationId: z.string({ error: 'Select an organisation' }).min(1, 'Select an organisation'),
})

export const StopServingSchema = z.object({
  organisationId: z.string().min(1),
})

/** The form field of the organisation CSV upload (shared by the page and the server that reads it). */
export const IMPORT_FILE_FIELD = 'file'
