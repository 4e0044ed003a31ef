// Retried saves (issue 14, item 3): each save carries an idempotency key, made when the form is
// rendered or when an autosave fires. The answer is stored with the key, in the save's own
// transaction, for RECEIPT_HOURS; a save that comes again with the same key (the browser gave up
// waiting and resent it) is answered with the stored result, never treated as a conflict.
import { type prisma } from '~/utils/db.server'

export const RECEIPT_HOURS = 24

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]
type Db = Tx | typeof prisma

export type SaveReceiptKey = { userId: string; key: string }
/** A save's answer; `entityId` is the record a create made, so a repeated create answers with it. */
export type StoredSave = { version: number; savedAt: Date; status: string; entityId?: string }

export async function findReceipt(db: Db, receipt: SaveReceiptKey, now = new Date()): Promise<StoredSave | null> {
  const row = await db.saveReceipt.findUnique({
    where: { userId_key: receipt },
    select: { result: true, createdAt: true },
  })
  if (!row || now.getTime() - row.createdAt.getTime() > RECEIPT_HOURS * 60 * 60 * 1000) return null
  const stored = JSON.parse(row.result) as { version: number; savedAt: string; status: string; entityId?: string }
  return {
    version: stored.version,
    savedAt: new Date(stored.savedAt),
    status: stored.status,
    ...(typeof stored.entityId === 'string' ? { entityId: stored.entityId } : {}),
  }
}

export async function recordReceipt(tx: Tx, receipt: SaveReceiptKey, result: StoredSave, now = new Date()) {
  await tx.saveReceipt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - RECEIPT_HOURS * 3_600_000) } } })
  await tx.saveReceipt.create({
    data: { ...receipt, createdAt: now, result: JSON.stringify({ ...result, savedAt: result.savedAt.toISOString() }) },
    select: { userId: true },
  })
}
