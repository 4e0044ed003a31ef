// The contact details form (issue 16, item 9): one schema for the browser (Conform onValidate) and
// the server action of /admin/contact-details.
import { z } from 'zod'

export const MAX_RESPONSE_DAYS = 30

const email = (missing: string, label: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(254, `${label} must be 254 characters or fewer`)
    .pipe(z.email('Enter an email address in the correct format, like name@example.nhs.uk'))

export const ContactDetailsSchema = z.object({
  /** The details' last saved time as the page saw it ('' before the first save): two admins cannot overwrite each other. */
  version: z
    .string()
    .optional()
    .transform((value) => value ?? ''),
  team: z
    .string({ error: 'Enter the name of the team that answers questions' })
    .trim()
    .min(3, 'Team name must be 3 characters or more')
    .max(120, 'Team name must be 120 characters or fewer'),
  email: email('Enter the email address people should write to', 'Email address'),
  phone: z
    .string()
    .trim()
    .max(40, 'Phone number must be 40 characters or fewer')
    .regex(/^[0-9+()\s-]*$/, 'Enter a phone number using only numbers, spaces, brackets, hyphens and a plus sign')
    .optional()
    .transform((value) => value || null),
  securityEmail: z
    .string()
    .trim()
    .max(254, 'Security email address must be 254 characters or fewer')
    .pipe(z.union([z.literal(''), z.email('Enter an email address in the correct format, like name@example.nhs.uk')]))
    .optional()
    .transform((value) => value || null),
  responseDays: z.coerce
    .number({ error: 'Enter how many working days a reply takes, as a number' })
    .int('Enter a whole number of working days')
    .min(1, 'Enter a number of working days of 1 or more')
    .max(MAX_RESPONSE_DAYS, `Enter a number of working days of ${MAX_RESPONSE_DAYS} or fewer`),
})

export type ContactDetailsInput = z.output<typeof ContactDetailsSchema>
