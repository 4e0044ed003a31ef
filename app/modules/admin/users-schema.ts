// The forms of /admin/users (issue 7, item 4): the list's filters, the invitation, adding a role,
// and the actions on one person. Shared by server and browser; the server also checks that the
// chosen library service, organisation or region exists (users.server.ts).
import { z } from 'zod'
import { isRole, ROLE_SCOPE, type Role, type ScopeKind } from '~/modules/auth/roles'

/** How many role rows the invitation form shows: enough without JavaScript; more can be added later. */
export const ROLE_ROWS = 3
export const PAGE_SIZE = 25
export const SEARCH_MAX = 100

export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const
export type UserStatus = (typeof USER_STATUSES)[number]
export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  deactivated: 'Deactivated',
}

/** A place in the scope select: "SERVICE:<id>", "ORGANISATION:<id>" or "REGION:<id>"; empty for national roles. */
export type PlaceKind = Exclude<ScopeKind, 'NATIONAL'>
export type Place = { kind: PlaceKind; id: string }

export function placeValue(kind: PlaceKind, id: string): string {
  return `${kind}:${id}`
}

export function parsePlace(value: string): Place | null {
  const match = /^(SERVICE|ORGANISATION|REGION):(.+)$/.exec(value)
  return match ? { kind: match[1] as PlaceKind, id: match[2]! } : null
}

/** A role with its place, checked against the role's scope kind. */
export type Assignment = { role: Role; place: Place | null }

const PLACE_NAMES: Record<PlaceKind, string> = {
  SERVICE: 'library service',
  ORGANISATION: 'organisation',
  REGION: 'region',
}

/** Why a role and place do not go together, or the assignment. `suffix` names the row: " for role 2". */
export function checkAssignment(
  role: string,
  place: string,
  suffix = '',
): { ok: true; assignment: Assignment } | { ok: false; field: 'role' | 'place'; message: string } {
  if (!isRole(role)) return { ok: false, field: 'role', message: `Select a role${suffix}` }
  const kind = ROLE_SCOPE[role]
  if (kind === 'NATIONAL') {
    if (place) return { ok: false, field: 'place', message: `Select “All of England” for a national role${suffix}` }
    return { ok: true, assignment: { role, place: null } }
  }
  const parsed = parsePlace(place)
  if (!parsed || parsed.kind !== kind)
    return { ok: false, field: 'place', message: `Select the ${PLACE_NAMES[kind]}${suffix}` }
  return { ok: true, assignment: { role, place: parsed } }
}

const optionalText = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : value),
  z.string().max(200).optional(),
)

const emailField = z
  .string({ error: 'Enter their email address' })
  .trim()
  .min(1, 'Enter their email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email('Enter an email address in the correct format, like name@example.nhs.uk'))
  .transform((email) => email.toLowerCase())

const rowFields = Object.fromEntries(
  Array.from({ length: ROLE_ROWS }, (_, i) => [
    [`role${i + 1}`, optionalText],
    [`place${i + 1}`, optionalText],
  ]).flat(),
) as Record<`role${number}` | `place${number}`, typeof optionalText>

export const InviteSchema = z
  .object({
    email: emailField,
    name: z
      .string({ error: 'Enter their full name' })
      .trim()
      .min(1, 'Enter their full name')
      .max(120, 'Full name must be 120 characters or fewer'),
    jobTitle: z
      .string()
      .trim()
      .max(120, 'Job title must be 120 characters or fewer')
      .optional()
      .transform((value) => value ?? ''),
    ...rowFields,
  })
  .transform((value, ctx) => {
    const assignments: Assignment[] = []
    const seen = new Map<string, number>()
    let rowErrors = false
    for (let n = 1; n <= ROLE_ROWS; n++) {
      const role = (value as Record<string, string | undefined>)[`role${n}`] ?? ''
      const place = (value as Record<string, string | undefined>)[`place${n}`] ?? ''
      if (!role && !place) continue
      const checked = checkAssignment(role, place, ` for role ${n}`)
      if (!checked.ok) {
        ctx.addIssue({ code: 'custom', path: [`${checked.field}${n}`], message: checked.message })
        rowErrors = true
        continue
      }
      const key = `${role}|${place}`
      const earlier = seen.get(key)
      if (earlier) {
        ctx.addIssue({
          code: 'custom',
          path: [`role${n}`],
          message: `Role ${n} is the same as role ${earlier}: choose another role or place, or leave it empty`,
        })
        rowErrors = true
        continue
      }
      seen.set(key, n)
      assignments.push(checked.assignment)
    }
    if (assignments.length === 0 && !rowErrors) {
      ctx.addIssue({ code: 'custom', path: ['role1'], message: 'Select at least one role' })
    }
    return { email: value.email, name: value.name, jobTitle: value.jobTitle, assignments }
  })
export type InviteInput = z.output<typeof InviteSchema>

/** The date and time the person's record last changed, as the page saw it: two admins cannot overwrite each other. */
const versionField = z.string({ error: 'Reload the page and try again' }).min(1, 'Reload the page and try again')

export const AddRoleSchema = z
  .object({ intent: z.literal('add-role'), version: versionField, role: optionalText, place: optionalText })
  .transform((value, ctx) => {
    const checked = checkAssignment(value.role ?? '', value.place ?? '')
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', path: [checked.field], message: checked.message })
      return z.NEVER
    }
    return { version: value.version, assignment: checked.assignment }
  })

export const UserActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('remove-role'), version: versionField, assignmentId: z.string().min(1) }),
  z.object({ intent: z.literal('deactivate'), version: versionField }),
  z.object({ intent: z.literal('reactivate'), version: versionField }),
  z.object({ intent: z.literal('resend'), version: versionField }),
  z.object({ intent: z.literal('reset-two-step'), version: versionField }),
])

/** The list's filters, from the query string. Unknown values are reported, never thrown. */
export type UserFilters = {
  q?: string
  role?: Role
  place?: Place
  status?: UserStatus
  page: number
}
export type UserFilterValues = { q: string; role: string; place: string; status: string }

export function parseUserFilters(params: URLSearchParams): {
  filters: UserFilters
  values: UserFilterValues
  errors: Partial<Record<keyof UserFilterValues, string>>
} {
  const text = (name: string) => params.get(name)?.trim() ?? ''
  const values: UserFilterValues = { q: text('q'), role: text('role'), place: text('place'), status: text('status') }
  const errors: Partial<Record<keyof UserFilterValues, string>> = {}
  const page = Number(text('page') || '1')
  const filters: UserFilters = { page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1 }
  if (values.q.length > SEARCH_MAX) errors.q = `Name or email address must be ${SEARCH_MAX} characters or fewer`
  else if (values.q) filters.q = values.q
  if (values.role) {
    if (isRole(values.role)) filters.role = values.role
    else errors.role = 'Select a role from the list'
  }
  if (values.place) {
    const place = parsePlace(values.place)
    if (place) filters.place = place
    else errors.place = 'Select a library service, organisation or region from the list'
  }
  if (values.status) {
    if ((USER_STATUSES as readonly string[]).includes(values.status)) filters.status = values.status as UserStatus
    else errors.status = 'Select a status from the list'
  }
  return { filters, values, errors }
}
