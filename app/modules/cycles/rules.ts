// The rules of a cycle (domain.md §5): its statuses and the moves between them, the order its dates
// must follow, the reference each submission is given, and which library service submits for an
// organisation. Pure: no I/O, so the admin module and the unit tests share one version.
import type { TagColour } from '~/modules/submissions/status'

export const CYCLE_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const
export type CycleStatus = (typeof CYCLE_STATUSES)[number]

export const CYCLE_TYPES = ['FULL_VALIDATION', 'SERVICE_IMPROVEMENT_REVIEW'] as const
export type CycleType = (typeof CYCLE_TYPES)[number]

export const CYCLE_STATUS_COLOURS: Record<CycleStatus, TagColour> = { DRAFT: 'white', OPEN: 'green', CLOSED: 'grey' }

export function isCycleStatus(value: string): value is CycleStatus {
  return (CYCLE_STATUSES as readonly string[]).includes(value)
}

/** A draft opens once; an open cycle closes once. Nothing reopens. */
const TRANSITIONS: Record<CycleStatus, readonly CycleStatus[]> = { DRAFT: ['OPEN'], OPEN: ['CLOSED'], CLOSED: [] }

export function canMoveCycle(from: string, to: CycleStatus): boolean {
  return isCycleStatus(from) && TRANSITIONS[from].includes(to)
}

/** Submissions are made against the edition, so it is fixed once the cycle opens. */
export function editionCanChange(status: string): boolean {
  return status === 'DRAFT'
}

/** The organisations taking part can change before the cycle closes. */
export function participantsCanChange(status: string): boolean {
  return status === 'DRAFT' || status === 'OPEN'
}

export type CycleDates = {
  evidencePeriodStart: Date
  evidencePeriodEnd: Date
  opensAt: Date
  submissionDeadline: Date
  validationDeadline: Date
}

/** The date order a cycle must follow, as a message on the later field of each broken pair. */
export function cycleDateErrors(dates: CycleDates): Partial<Record<keyof CycleDates, string>> {
  const errors: Partial<Record<keyof CycleDates, string>> = {}
  if (dates.evidencePeriodEnd <= dates.evidencePeriodStart)
    errors.evidencePeriodEnd = 'The evidence period must end after it starts'
  if (dates.submissionDeadline <= dates.opensAt)
    errors.submissionDeadline = 'The submission deadline must be after the date the cycle opens'
  if (dates.validationDeadline <= dates.submissionDeadline)
    errors.validationDeadline = 'The validation deadline must be after the submission deadline'
  return errors
}

const last2 = (digits: string) => digits.slice(-2).padStart(2, '0')

/**
 * The short code of a cycle in its submissions' references: "2027/28" gives "2728" (as the demo
 * data's "LKS-2627-RXV"), "Pilot 2025" gives "2025", and a name without digits its initials or
 * first letters ("Pilot" gives "PILOT").
 */
export function cycleCodeFromName(name: string): string {
  const pair = name.match(/(\d{2,4})\s*[/\-–]\s*(\d{2,4})/)
  if (pair) return last2(pair[1]!) + last2(pair[2]!)
  const digits = (name.match(/\d+/g) ?? []).join('')
  if (digits) return digits.slice(0, 8)
  const words = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9\s]/g, '')
    .split(/\s+/)
    .filter(Boolean)
  const letters = words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? '')
  return letters.toUpperCase().slice(0, 6) || 'CYCLE'
}

/** The code itself when no other cycle uses it, or the code with the first free letter after it ("2728B"). */
export function uniqueCycleCode(code: string, taken: ReadonlySet<string>): string {
  if (!taken.has(code)) return code
  for (let i = 1; ; i++) {
    const candidate = code + (i < 26 ? String.fromCharCode(65 + i) : String(i))
    if (!taken.has(candidate)) return candidate
  }
}

export function submissionReference(cycleCode: string, odsCode: string): string {
  return `LKS-${cycleCode}-${odsCode}`
}

/** The cycle code inside a reference made by `submissionReference`, or null for any other reference. */
export function cycleCodeFromReference(reference: string, odsCode: string): string | null {
  const suffix = `-${odsCode}`
  if (!reference.startsWith('LKS-') || !reference.endsWith(suffix)) return null
  const code = reference.slice(4, reference.length - suffix.length)
  return code || null
}

type Effective = { from: Date; to: Date | null }

/** Whether an effective-dated record is in force at `now` (from inclusive, to exclusive). */
export function inForce({ from, to }: Effective, now: Date): boolean {
  return from <= now && (to === null || to > now)
}

export type ServiceLink = { libraryServiceId: string; servesFrom: Date; servesTo: Date | null; serviceActive: boolean }

/**
 * The library service that submits for an organisation: an active service that serves it now. If
 * the records overlap (a handover), the one that started serving most recently.
 */
export function currentServiceId(links: readonly ServiceLink[], now: Date): string | null {
  const current = links
    .filter((link) => link.serviceActive && inForce({ from: link.servesFrom, to: link.servesTo }, now))
    .sort(
      (a, b) => b.servesFrom.getTime() - a.servesFrom.getTime() || a.libraryServiceId.localeCompare(b.libraryServiceId),
    )
  return current[0]?.libraryServiceId ?? null
}

export const CANNOT_TAKE_PART = {
  NO_SERVICE: 'no library service serves it',
  INACTIVE: 'it is no longer active',
} as const
export type CannotTakePartReason = keyof typeof CANNOT_TAKE_PART

export type Candidate = {
  organisationId: string
  activeFrom: Date
  activeTo: Date | null
  links: readonly ServiceLink[]
}

/** Whether an organisation can take part, and through which library service. */
export function participation(
  candidate: Candidate,
  now: Date,
): { ok: true; libraryServiceId: string } | { ok: false; reason: CannotTakePartReason } {
  if (!inForce({ from: candidate.activeFrom, to: candidate.activeTo }, now)) return { ok: false, reason: 'INACTIVE' }
  const libraryServiceId = currentServiceId(candidate.links, now)
  return libraryServiceId ? { ok: true, libraryServiceId } : { ok: false, reason: 'NO_SERVICE' }
}
