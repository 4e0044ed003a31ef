// The audit log's filter (issue 7, item 6) read from the query string of its GET form, and the
// cursors that page through it. Pure, so the page, the CSV export and the tests read it alike.
//
// - Dates are days in UK time: "From 14/3/2026" starts at midnight in London on 14 March, "To" takes
//   in the whole of its day. People type 14/3/2026 (or 14-03-2026); 2026-03-14 is accepted as well.
// - An action with no full stop ("submission"), or ending in one ("submission.") or in "*", matches
//   every action that starts with it; otherwise the action must match exactly.

import { londonMidnight, nextCalendarDay } from '~/utils/dates'

export const AUDIT_LOG_FIELDS = ['person', 'type', 'record', 'action', 'from', 'to'] as const
export type AuditLogField = (typeof AUDIT_LOG_FIELDS)[number]

export const AUDIT_LOG_FIELD_LABELS: Record<AuditLogField, string> = {
  person: 'Person',
  type: 'Record type',
  record: 'Record ID or submission reference',
  action: 'Action',
  from: 'From',
  to: 'To',
}

export type AuditLogFilter = {
  /** A user's id, or part of their name or email address. */
  person: string
  recordType: string
  /** A record's id, a submission's id or a submission reference. */
  record: string
  action: { match: 'exact' | 'prefix'; value: string } | null
  /** The first instant included. */
  from: Date | null
  /** The first instant no longer included: midnight after the "To" day. */
  until: Date | null
}

export type AuditLogFilterResult = {
  /** What the form shows: exactly what was typed. */
  values: Record<AuditLogField, string>
  filter: AuditLogFilter
  errors: Partial<Record<AuditLogField, string>>
}

const MAX_LENGTH = 200

/** A calendar day typed as 14/3/2026, 14-03-2026, 14.3.2026 or 2026-03-14; null when it is not one. */
export function parseDay(text: string): { year: number; month: number; day: number } | null {
  const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  const [year, month, day] = british
    ? [british[3], british[2], british[1]].map(Number)
    : iso
      ? [iso[1], iso[2], iso[3]].map(Number)
      : []
  if (year === undefined || month === undefined || day === undefined) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return { year, month, day }
}

function parseAction(text: string): AuditLogFilter['action'] {
  if (!text) return null
  if (text.endsWith('*')) {
    const value = text.slice(0, -1).trim()
    return value ? { match: 'prefix', value } : null
  }
  if (!text.includes('.')) return { match: 'prefix', value: `${text}.` }
  return text.endsWith('.') ? { match: 'prefix', value: text } : { match: 'exact', value: text }
}

/** The filter in a query string, with a message for each field that cannot be used. */
export function parseAuditLogFilter(params: URLSearchParams): AuditLogFilterResult {
  const values = Object.fromEntries(
    AUDIT_LOG_FIELDS.map((field) => [field, (params.get(field) ?? '').trim()]),
  ) as Record<AuditLogField, string>
  const errors: Partial<Record<AuditLogField, string>> = {}
  for (const field of AUDIT_LOG_FIELDS) {
    if (values[field].length > MAX_LENGTH)
      errors[field] = `${AUDIT_LOG_FIELD_LABELS[field]} must be ${MAX_LENGTH} characters or fewer`
  }
  const fromDay = values.from ? parseDay(values.from) : null
  const toDay = values.to ? parseDay(values.to) : null
  if (values.from && !fromDay) errors.from ??= 'From must be a real date, like 14/3/2026'
  if (values.to && !toDay) errors.to ??= 'To must be a real date, like 31/3/2026'
  const from = fromDay ? londonMidnight(fromDay.year, fromDay.month, fromDay.day) : null
  const dayAfter = toDay ? nextCalendarDay(toDay) : null
  const until = dayAfter ? londonMidnight(dayAfter.year, dayAfter.month, dayAfter.day) : null
  if (from && until && until <= from) errors.to ??= 'To must be the same as or after From'
  return {
    values,
    errors,
    filter: {
      person: values.person,
      recordType: values.type,
      record: values.record,
      action: parseAction(values.action),
      from,
      until,
    },
  }
}

/** The query string of a filter as the form would send it, without empty fields. */
export function auditLogQuery(values: Record<AuditLogField, string>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  for (const field of AUDIT_LOG_FIELDS) if (values[field]) params.set(field, values[field])
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** A place in the log: an event's time and id, newest first. */
export type AuditLogCursor = { at: Date; id: string }
export type AuditLogPageRequest = { direction: 'older' | 'newer'; cursor: AuditLogCursor } | null

export function encodeCursor(cursor: AuditLogCursor): string {
  return `${cursor.at.getTime()}.${cursor.id}`
}

export function decodeCursor(text: string | null): AuditLogCursor | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(text ?? '')
  return match ? { at: new Date(Number(match[1])), id: match[2]! } : null
}

/** Which page the query string asks for: older or newer than an event, or the newest. */
export function parsePageRequest(params: URLSearchParams): AuditLogPageRequest {
  const older = decodeCursor(params.get('older'))
  if (older) return { direction: 'older', cursor: older }
  const newer = decodeCursor(params.get('newer'))
  if (newer) return { direction: 'newer', cursor: newer }
  return null
}
