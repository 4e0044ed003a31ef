// Append-only audit trail (domain.md §5): who did what, to what, when, with before and after.
// Call it with the transaction that makes the change, so the event and the change land together.
import type { Db } from '~/utils/db.server'

export type AuditInput = {
  actorId: string | null
  action: string
  entityType: string
  entityId: string
  submissionId?: string | null
  before?: unknown
  after?: unknown
  ipAddress?: string
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value)
}

export async function recordAudit(db: Db, event: AuditInput): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      submissionId: event.submissionId ?? null,
      before: toJson(event.before),
      after: toJson(event.after),
      ipAddress: event.ipAddress ?? '',
    },
    select: { id: true },
  })
}
