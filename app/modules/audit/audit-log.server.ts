// The whole audit log for national admins (issue 7, item 6): every event, newest first, filtered by
// person, record, action and dates, 50 to a page, and as a CSV of everything the filter selects.
// The caller checks 'audit:view' everywhere; regional leads read a submission's history instead
// (history.server.ts).
//
// Each filter rides an index on AuditEvent, so a page costs the same on a log of millions:
// person (actorId, at), record type and id (entityType, entityId, at), record id alone
// (entityId, at), a submission (submissionId, at), action (action, at) as an exact match or a
// range for a prefix (LIKE would not use the index), and no filter or dates only (at, id). Pages
// are found by keyset from the last event shown, not by offset, so a late page is as quick as the
// first; the export walks the same keys in batches into a stream, so memory stays flat however
// many rows it writes.
import { prisma, type Prisma } from '~/utils/db.server'
import { BYTE_ORDER_MARK, csvLine } from '~/utils/csv'
import { formatLondonTimestamp, isoLondonDay } from '~/utils/dates'
import type { AuditLogCursor, AuditLogFilter, AuditLogPageRequest } from './audit-log-filter'
import { encodeCursor } from './audit-log-filter'
import { describeAuditAction, summariseChanges } from './history.server'

export const AUDIT_LOG_PAGE_SIZE = 50
export const AUDIT_LOG_EXPORT_BATCH = 500
/** The full before or after text shown on the page; the CSV export always has all of it. */
export const FULL_TEXT_LIMIT = 10_000
const PREVIEW_LENGTH = 120

/** The string just after every string that starts with the prefix, for a range on the index. */
function prefixEnd(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1)
  return prefix.slice(0, -1) + String.fromCharCode(last + 1)
}

/** The `where` for a filter. A submission reference or id in "record" selects that submission's events. */
export async function auditLogWhere(filter: AuditLogFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = []
  if (filter.person) {
    and.push({
      OR: [
        { actorId: filter.person },
        {
          actor: {
            is: { OR: [{ email: { contains: filter.person.toLowerCase() } }, { name: { contains: filter.person } }] },
          },
        },
      ],
    })
  }
  if (filter.recordType) and.push({ entityType: filter.recordType })
  if (filter.record) {
    const submission = await prisma.submission.findFirst({
      where: { OR: [{ reference: filter.record.toUpperCase() }, { id: filter.record }] },
      select: { id: true },
    })
    and.push(
      submission
        ? { OR: [{ submissionId: submission.id }, { entityType: 'Submission', entityId: submission.id }] }
        : { entityId: filter.record },
    )
  }
  if (filter.action) {
    const { match, value } = filter.action
    and.push({ action: match === 'exact' ? value : { gte: value, lt: prefixEnd(value) } })
  }
  if (filter.from || filter.until)
    and.push({ at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.until ? { lt: filter.until } : {}) } })
  return { AND: and }
}

function olderThan(cursor: AuditLogCursor): Prisma.AuditEventWhereInput {
  return { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }
}

function newerThan(cursor: AuditLogCursor): Prisma.AuditEventWhereInput {
  return { OR: [{ at: { gt: cursor.at } }, { at: cursor.at, id: { gt: cursor.id } }] }
}

const EVENT_SELECT = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  submissionId: true,
  before: true,
  after: true,
  ipAddress: true,
  actor: { select: { id: true, name: true, email: true } },
} as const satisfies Prisma.AuditEventSelect

type EventRow = Prisma.AuditEventGetPayload<{ select: typeof EVENT_SELECT }>

/** Submission references for the events' submissions, in one query. */
async function referencesFor(events: EventRow[]): Promise<Map<string, string>> {
  const ids = new Set<string>()
  for (const event of events) {
    if (event.submissionId) ids.add(event.submissionId)
    if (event.entityType === 'Submission') ids.add(event.entityId)
  }
  if (ids.size === 0) return new Map()
  const submissions = await prisma.submission.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, reference: true },
  })
  return new Map(submissions.map((s) => [s.id, s.reference]))
}

function submissionOf(event: EventRow): string | null {
  return event.submissionId ?? (event.entityType === 'Submission' ? event.entityId : null)
}

/** Stored JSON as text a person can read: indented when it parses, as stored when it does not. */
export function readableJson(json: string | null): string | null {
  if (json === null) return null
  try {
    return JSON.stringify(JSON.parse(json), null, 2)
  } catch {
    return json
  }
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}

export type AuditLogEvent = {
  id: string
  at: Date
  actor: { id: string; name: string; email: string } | null
  action: string
  description: string
  entityType: string
  entityId: string
  submission: { id: string; reference: string } | null
  /** One line per field that changed, in plain English. */
  changes: string[]
  /** A one-line preview of the stored before and after, for events whose fields are not described. */
  preview: string
  before: string | null
  after: string | null
  /** Whether before or after was cut to FULL_TEXT_LIMIT characters. */
  clipped: boolean
  ipAddress: string
}

function toLogEvent(event: EventRow, references: Map<string, string>): AuditLogEvent {
  const submissionId = submissionOf(event)
  const reference = submissionId ? references.get(submissionId) : undefined
  const before = readableJson(event.before)
  const after = readableJson(event.after)
  const raw = [event.before && `Before: ${event.before}`, event.after && `After: ${event.after}`]
    .filter(Boolean)
    .join(' ')
  return {
    id: event.id,
    at: event.at,
    actor: event.actor,
    action: event.action,
    description: describeAuditAction(event.action),
    entityType: event.entityType,
    entityId: event.entityId,
    submission: submissionId && reference ? { id: submissionId, reference } : null,
    changes: summariseChanges(event.entityType, event.before, event.after),
    preview: clip(raw, PREVIEW_LENGTH),
    before: before && clip(before, FULL_TEXT_LIMIT),
    after: after && clip(after, FULL_TEXT_LIMIT),
    clipped: (before?.length ?? 0) > FULL_TEXT_LIMIT || (after?.length ?? 0) > FULL_TEXT_LIMIT,
    ipAddress: event.ipAddress,
  }
}

export type AuditLogPage = {
  total: number
  events: AuditLogEvent[]
  /** The cursor for the page of newer events, or null on the newest page. */
  newer: string | null
  /** The cursor for the page of older events, or null on the oldest page. */
  older: string | null
}

/** One page of the log for a filter, newest first. */
export async function getAuditLogPage(filter: AuditLogFilter, request: AuditLogPageRequest): Promise<AuditLogPage> {
  const where = await auditLogWhere(filter)
  const towardsNewer = request?.direction === 'newer'
  const keyset = request ? (towardsNewer ? newerThan(request.cursor) : olderThan(request.cursor)) : {}
  const [total, found] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where: { AND: [where, keyset] },
      orderBy: towardsNewer ? [{ at: 'asc' }, { id: 'asc' }] : [{ at: 'desc' }, { id: 'desc' }],
      take: AUDIT_LOG_PAGE_SIZE + 1,
      select: EVENT_SELECT,
    }),
  ])
  const more = found.length > AUDIT_LOG_PAGE_SIZE
  const rows = found.slice(0, AUDIT_LOG_PAGE_SIZE)
  if (towardsNewer) rows.reverse()
  const first = rows[0]
  const last = rows[rows.length - 1]
  // Coming from a page, there is always that page to go back to; beyond it, only if more were found.
  const hasNewer = towardsNewer ? more : request !== null
  const hasOlder = towardsNewer ? true : more
  const references = await referencesFor(rows)
  return {
    total,
    events: rows.map((row) => toLogEvent(row, references)),
    newer: hasNewer && first ? encodeCursor(first) : null,
    older: hasOlder && last ? encodeCursor(last) : null,
  }
}

/** The record types that appear in the log, for the filter's choices. */
export async function auditRecordTypes(): Promise<string[]> {
  const groups = await prisma.auditEvent.groupBy({ by: ['entityType'], orderBy: { entityType: 'asc' } })
  return groups.map((g) => g.entityType)
}

// CSV export ------------------------------------------------------------------------------------

export const AUDIT_CSV_HEADERS = [
  'At (UTC, ISO 8601)',
  'At (UK time)',
  'Actor email',
  'Actor name',
  'Action',
  'Entity type',
  'Entity ID',
  'Submission reference',
  'Before',
  'After',
  'IP address',
] as const

function csvRow(event: EventRow, references: Map<string, string>): string {
  const submissionId = submissionOf(event)
  return csvLine([
    event.at.toISOString(),
    formatLondonTimestamp(event.at),
    event.actor?.email ?? '',
    event.actor?.name ?? '',
    event.action,
    event.entityType,
    event.entityId,
    (submissionId && references.get(submissionId)) ?? '',
    event.before ?? '',
    event.after ?? '',
    event.ipAddress,
  ])
}

/**
 * Every event the filter selects as CSV, newest first: a byte order mark and the header, then the
 * rows fetched a batch at a time as the reader asks for them, so a slow download never piles rows
 * up in memory.
 */
export function auditLogCsvStream(
  filter: AuditLogFilter,
  batchSize = AUDIT_LOG_EXPORT_BATCH,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let where: Prisma.AuditEventWhereInput | undefined
  let cursor: AuditLogCursor | null = null
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (where === undefined) {
          where = await auditLogWhere(filter)
          controller.enqueue(encoder.encode(BYTE_ORDER_MARK + csvLine(AUDIT_CSV_HEADERS)))
          return
        }
        const batch = await prisma.auditEvent.findMany({
          where: cursor ? { AND: [where, olderThan(cursor)] } : where,
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          take: batchSize,
          select: EVENT_SELECT,
        })
        if (batch.length === 0) {
          controller.close()
          return
        }
        const references = await referencesFor(batch)
        controller.enqueue(encoder.encode(batch.map((event) => csvRow(event, references)).join('')))
        const last = batch[batch.length - 1]!
        cursor = { at: last.at, id: last.id }
        if (batch.length < batchSize) controller.close()
      },
    },
    { highWaterMark: 0 },
  )
}

/** "audit-log-2026-03-14.csv", the day it was taken in UK time. */
export function auditLogCsvFileName(now = new Date()): string {
  return `audit-log-${isoLondonDay(now)}.csv`
}
