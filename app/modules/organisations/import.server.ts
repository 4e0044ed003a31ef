// Importing organisations from a CSV file (issue 7): receiving the upload, keeping it between the
// preview and the confirmation, and writing the import in one transaction with its audit events.
//
// The uploaded file is kept on the server, decoded, as UPLOAD_DIR/tmp/organisation-imports/<id>.json
// with a random 128-bit id and the uploader's user id. The preview page's address carries the id, so
// the journey works without JavaScript and the file never travels back through the browser: there
// is nothing for the browser to tamper with (no hidden field to sign), no 2MB form to post twice,
// and only the admin who uploaded it can open it. Each step re-reads the file and compares it with
// the portal as it is then; the confirmation also checks that the plan is the one the admin saw.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { UploadHandlerPart } from '@remix-run/node'
import {
  checkOrganisationRows,
  decodeCsvBytes,
  planOrganisationImport,
  readOrganisationCsv,
  rowErrorText,
  type ImportPlan,
  type ImportRegion,
  type RowError,
} from '~/modules/admin/organisation-import'
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { formatSizeLimit } from '~/modules/evidence/files'
import { MultipartError, multipartBoundary, parseMultipartFormData } from '~/modules/evidence/multipart.server'
import { tempDir } from '~/modules/evidence/storage.server'
import { prisma } from '~/utils/db.server'
import { invariantResponse } from '~/utils/http.server'
import { effectiveToday, isActive } from './admin.server'
import { IMPORT_FILE_FIELD } from './schema'

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024
export { IMPORT_FILE_FIELD }
/** An upload not confirmed within a day is removed the next time anyone uploads. */
const IMPORT_TTL_MS = 24 * 60 * 60 * 1000
const BODY_MARGIN_BYTES = 64 * 1024
const IMPORT_ID = /^[0-9a-f]{32}$/

type StoredImport = { userId: string; fileName: string; uploadedAt: string; encoding: string; text: string }

function importDir(): string {
  return path.join(tempDir(), 'organisation-imports')
}

function importPath(importId: string): string {
  if (!IMPORT_ID.test(importId)) throw new Error('Not an import id')
  return path.join(importDir(), `${importId}.json`)
}

class BodyTooLarge extends Error {}

export type ReceivedCsv =
  { ok: true; fileName: string; bytes: Buffer } | { ok: false; message: string; status: 400 | 413 }

/**
 * Reads the upload form: the one file, held in memory up to MAX_IMPORT_BYTES (it is small), and
 * nothing else. A request that is not multipart is refused with 415; every other problem is a
 * message for the file field.
 */
export async function receiveCsvUpload(request: Request): Promise<ReceivedCsv> {
  invariantResponse(
    multipartBoundary(request.headers.get('Content-Type')),
    'Send this form as multipart/form-data',
    415,
  )
  const tooLarge = {
    ok: false as const,
    message: `The selected file must be smaller than ${formatSizeLimit(MAX_IMPORT_BYTES)}`,
    status: 413 as const,
  }
  const bodyLimit = MAX_IMPORT_BYTES + BODY_MARGIN_BYTES
  const declared = Number(request.headers.get('Content-Length') ?? '')
  if (Number.isFinite(declared) && declared > bodyLimit) return tooLarge

  let bodyBytes = 0
  let file: { name: string; chunks: Buffer[]; size: number } | null = null
  let fileTooLarge = false
  const count = (chunk: Uint8Array) => {
    bodyBytes += chunk.byteLength
    if (bodyBytes > bodyLimit) throw new BodyTooLarge()
  }
  try {
    await parseMultipartFormData(request, async (part: UploadHandlerPart) => {
      const isFile = part.name === IMPORT_FILE_FIELD && part.filename !== undefined && file === null
      const received = isFile ? { name: part.filename ?? '', chunks: [] as Buffer[], size: 0 } : null
      for await (const chunk of part.data) {
        count(chunk)
        if (!received || fileTooLarge) continue
        received.size += chunk.byteLength
        if (received.size > MAX_IMPORT_BYTES) fileTooLarge = true
        else received.chunks.push(Buffer.from(chunk))
      }
      if (received) file = received
      return undefined
    })
  } catch (error) {
    if (error instanceof BodyTooLarge) return tooLarge
    if (error instanceof MultipartError)
      return { ok: false, message: 'The file could not be uploaded. Try again', status: 400 }
    throw error
  }
  if (fileTooLarge) return tooLarge
  const received = file as { name: string; chunks: Buffer[]; size: number } | null
  if (!received || (received.name === '' && received.size === 0))
    return { ok: false, message: 'Select a CSV file', status: 400 }
  return { ok: true, fileName: received.name, bytes: Buffer.concat(received.chunks) }
}

async function removeStaleImports(now: number): Promise<void> {
  const names = await readdir(importDir()).catch(() => [] as string[])
  for (const name of names) {
    const file = path.join(importDir(), name)
    const info = await stat(file).catch(() => null)
    if (info?.isFile() && now - info.mtimeMs > IMPORT_TTL_MS) await rm(file, { force: true })
  }
}

async function loadRegions(): Promise<ImportRegion[]> {
  return prisma.region.findMany({ orderBy: { name: 'asc' }, select: { id: true, code: true, name: true } })
}

export type StartImportResult = { ok: true; importId: string } | { ok: false; message: string; status: 400 | 413 }

/**
 * Checks an uploaded file as a whole (encoding, CSV, columns) and keeps it for the preview. Row
 * problems do not stop it: the preview lists them.
 */
export async function startOrganisationImport(input: {
  actor: Actor
  fileName: string
  bytes: Uint8Array
  now?: Date
}): Promise<StartImportResult> {
  requirePermission(input.actor, 'organisation:manage')
  const name = input.fileName.toLowerCase()
  if (name && !name.endsWith('.csv') && !name.endsWith('.txt'))
    return { ok: false, message: 'The selected file must be a CSV file', status: 400 }
  const decoded = decodeCsvBytes(input.bytes)
  if (!decoded.ok) return { ok: false, message: decoded.message, status: 400 }
  const table = readOrganisationCsv(decoded.text)
  if (!table.ok) return { ok: false, message: table.message, status: 400 }
  const now = (input.now ?? new Date()).getTime()
  await mkdir(importDir(), { recursive: true })
  await removeStaleImports(now)
  const importId = randomBytes(16).toString('hex')
  const stored: StoredImport = {
    userId: input.actor.id,
    fileName: input.fileName,
    uploadedAt: new Date(now).toISOString(),
    encoding: decoded.encoding,
    text: decoded.text,
  }
  await writeFile(importPath(importId), JSON.stringify(stored), { flag: 'wx' })
  return { ok: true, importId }
}

async function readStoredImport(actor: Actor, importId: string, now: number): Promise<StoredImport | null> {
  if (!IMPORT_ID.test(importId)) return null
  const raw = await readFile(importPath(importId), 'utf8').catch(() => null)
  if (raw === null) return null
  const stored = JSON.parse(raw) as StoredImport
  if (stored.userId !== actor.id) return null
  if (now - new Date(stored.uploadedAt).getTime() > IMPORT_TTL_MS) return null
  return stored
}

export type ImportPreview = {
  importId: string
  fileName: string
  encoding: string
  ignoredColumns: string[]
  rowCount: number
  errors: Array<RowError & { text: string }>
  plan: ImportPlan
  /** Organisations the import would write: created and updated. */
  writeCount: number
  /** A fingerprint of the plan: the confirmation must match it. */
  digest: string
  regionNames: Record<string, string>
}

function digestOf(plan: ImportPlan): string {
  const essentials = {
    creates: plan.creates.map((r) => [r.odsCode, r.name, r.type, r.regionId]),
    updates: plan.updates.map((r) => [r.id, r.version, r.odsCode, r.name, r.type, r.regionId]),
  }
  return createHash('sha256').update(JSON.stringify(essentials)).digest('hex')
}

/** What the stored file would do to the portal as it is now, or null when there is no such upload. */
export async function previewOrganisationImport(
  actor: Actor,
  importId: string,
  now = new Date(),
): Promise<ImportPreview | null> {
  requirePermission(actor, 'organisation:manage')
  const stored = await readStoredImport(actor, importId, now.getTime())
  if (!stored) return null
  const table = readOrganisationCsv(stored.text)
  if (!table.ok) return null
  const regions = await loadRegions()
  const { valid, errors } = checkOrganisationRows(table.rows, regions)
  const existing = await prisma.organisation.findMany({
    where: { odsCode: { in: valid.map((r) => r.odsCode) } },
    select: { id: true, odsCode: true, name: true, type: true, regionId: true, updatedAt: true, activeTo: true },
  })
  const plan = planOrganisationImport(
    valid,
    existing.map((o) => ({ ...o, active: isActive(o, now) })),
    regions,
  )
  return {
    importId,
    fileName: stored.fileName,
    encoding: stored.encoding,
    ignoredColumns: table.ignoredColumns,
    rowCount: table.rows.length,
    errors: errors.map((e) => ({ ...e, text: rowErrorText(e) })),
    plan,
    writeCount: plan.creates.length + plan.updates.length,
    digest: digestOf(plan),
    regionNames: Object.fromEntries(regions.map((r) => [r.id, r.name])),
  }
}

class PlanChanged extends Error {}

export type ApplyImportResult =
  { ok: true; created: number; updated: number } | { ok: false; reason: 'missing' | 'errors' | 'changed' | 'nothing' }

/**
 * Writes the import the admin confirmed: every create and update, each with an audit event, in
 * one transaction. Refused when the file has errors, when it would do nothing, or when the portal
 * changed since the preview so the plan is no longer the one the admin checked (`digest`).
 */
export async function applyOrganisationImport(input: {
  actor: Actor
  importId: string
  digest: string
  ipAddress?: string
  now?: Date
}): Promise<ApplyImportResult> {
  const { actor } = input
  requirePermission(actor, 'organisation:manage')
  const now = input.now ?? new Date()
  const preview = await previewOrganisationImport(actor, input.importId, now)
  if (!preview) return { ok: false, reason: 'missing' }
  if (preview.errors.length) return { ok: false, reason: 'errors' }
  if (preview.digest !== input.digest) return { ok: false, reason: 'changed' }
  if (preview.writeCount === 0) return { ok: false, reason: 'nothing' }
  const { plan } = preview
  const activeFrom = effectiveToday(now)
  const source = { import: preview.fileName }
  try {
    await prisma.$transaction(async (tx) => {
      for (const row of plan.creates) {
        const created = await tx.organisation.create({
          data: { odsCode: row.odsCode, name: row.name, type: row.type, regionId: row.regionId, activeFrom },
          select: { id: true },
        })
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'organisation.created',
          entityType: 'Organisation',
          entityId: created.id,
          after: { odsCode: row.odsCode, name: row.name, type: row.type, regionId: row.regionId, ...source },
          ipAddress: input.ipAddress,
        })
      }
      for (const row of plan.updates) {
        const before = await tx.organisation.findUnique({
          where: { id: row.id },
          select: { odsCode: true, name: true, type: true, regionId: true },
        })
        const { count } = await tx.organisation.updateMany({
          where: { id: row.id, updatedAt: new Date(row.version) },
          data: { name: row.name, type: row.type, regionId: row.regionId },
        })
        if (count !== 1 || !before) throw new PlanChanged()
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'organisation.updated',
          entityType: 'Organisation',
          entityId: row.id,
          before,
          after: { odsCode: row.odsCode, name: row.name, type: row.type, regionId: row.regionId, ...source },
          ipAddress: input.ipAddress,
        })
      }
    })
  } catch (error) {
    // Another admin created or changed one of these organisations after the plan was made.
    if (
      error instanceof PlanChanged ||
      (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002')
    )
      return { ok: false, reason: 'changed' }
    throw error
  }
  await rm(importPath(input.importId), { force: true })
  return { ok: true, created: plan.creates.length, updated: plan.updates.length }
}
