// The evidence library (issue 3, item 4): one per library service, shared by every organisation
// it serves and kept across cycles. Managed by the service's contributors and lead
// ('evidence:manage'); files are also readable by anyone who may view a submission that links
// them. Every query is scoped by the permissions matrix, so a forged id reaches nothing.
import { prisma, type Db, type Prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { invariantResponse, notFound } from '~/utils/http.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { reachOf, requirePermission, submissionScope, type Actor } from '~/modules/auth/permissions'
import { SUBMISSION_STATUSES, isEditableByService } from '~/modules/submissions/status'
import { fileMessages, formatFileSize, formatSizeLimit, type DuplicateFile, type UploadedFile } from './files'
import type { EvidenceDetails, EvidenceFilters } from './schema'
import { moveIntoPlace, newStorageKey, removeStoredFiles, type StoredFile } from './storage.server'

/** Why files were not stored: messages for the files field, and the items already holding them. */
export type FilesRefused = { ok: false; messages: string[]; duplicates: DuplicateFile[] }

type AuditContext = { actor: Actor; ipAddress?: string }

/** Submissions the service may no longer change: evidence linked to them is kept, not deleted. */
const LOCKED_STATUSES = SUBMISSION_STATUSES.filter((status) => !isEditableByService(status))

function managedServiceIds(actor: Actor): string[] {
  return reachOf(actor, 'evidence:manage').serviceIds
}

/** The item, if the actor manages its service; otherwise a 404, as for an item that does not exist. */
async function findManagedItem(actor: Actor, itemId: string) {
  const item = await prisma.evidenceItem.findFirst({
    where: { id: itemId, libraryServiceId: { in: managedServiceIds(actor) } },
    select: {
      id: true,
      libraryServiceId: true,
      title: true,
      description: true,
      evidenceDateFrom: true,
      evidenceDateTo: true,
      url: true,
      archivedAt: true,
      _count: { select: { files: { where: { removedAt: null } } } },
    },
  })
  if (!item) notFound()
  return item
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** The library service whose evidence the actor is about to manage: 403 unless they may. */
export async function getEvidenceLibrary(actor: Actor, libraryServiceId: string) {
  requirePermission(actor, 'evidence:manage', { libraryServiceIds: [libraryServiceId] })
  const service = await prisma.libraryService.findUnique({
    where: { id: libraryServiceId },
    select: { id: true, name: true, evidenceQuotaBytes: true },
  })
  if (!service) notFound()
  const used = await storageUsedBytes(prisma, service.id)
  const quota = service.evidenceQuotaBytes ?? getEnv().SERVICE_QUOTA_BYTES
  return { id: service.id, name: service.name, usedBytes: used, quotaBytes: quota }
}

async function storageUsedBytes(db: Db, libraryServiceId: string): Promise<number> {
  const sum = await db.evidenceFileVersion.aggregate({ where: { libraryServiceId }, _sum: { sizeBytes: true } })
  return sum._sum.sizeBytes ?? 0
}

/** The period filter: an item's period (from, to or just from) overlaps the range asked for. */
function periodOverlaps(filters: EvidenceFilters): Prisma.EvidenceItemWhereInput[] {
  const conditions: Prisma.EvidenceItemWhereInput[] = []
  if (filters.to) conditions.push({ evidenceDateFrom: { lte: filters.to } })
  if (filters.from) {
    conditions.push({
      OR: [
        { evidenceDateTo: { gte: filters.from } },
        { evidenceDateTo: null, evidenceDateFrom: { gte: filters.from } },
      ],
    })
  }
  return conditions
}

/** The library's items that match the filters, newest evidence first, with the filter choices. */
export async function listEvidence(actor: Actor, libraryServiceId: string, filters: EvidenceFilters) {
  const library = await getEvidenceLibrary(actor, libraryServiceId)
  const ofThisService = { submission: { libraryServiceId: library.id } }
  const where: Prisma.EvidenceItemWhereInput = {
    libraryServiceId: library.id,
    ...(filters.includeArchived ? {} : { archivedAt: null }),
    AND: [
      ...(filters.q ? [{ title: { contains: filters.q } }] : []),
      ...(filters.outcome
        ? [{ links: { some: { outcomeResponse: { ...ofThisService, outcome: { number: filters.outcome } } } } }]
        : []),
      ...periodOverlaps(filters),
    ],
  }
  const [items, outcomes] = await Promise.all([
    prisma.evidenceItem.findMany({
      where,
      orderBy: [{ evidenceDateFrom: 'desc' }, { title: 'asc' }],
      select: {
        id: true,
        title: true,
        evidenceDateFrom: true,
        evidenceDateTo: true,
        url: true,
        archivedAt: true,
        updatedAt: true,
        files: {
          where: { removedAt: null },
          select: { versions: { orderBy: { version: 'desc' }, take: 1, select: { sizeBytes: true } } },
        },
        links: {
          where: { outcomeResponse: ofThisService },
          select: { outcomeResponse: { select: { outcome: { select: { number: true } } } } },
        },
      },
    }),
    prisma.outcome.findMany({ distinct: ['number'], orderBy: { number: 'asc' }, select: { number: true } }),
  ])
  return {
    library,
    outcomeNumbers: outcomes.map((o) => o.number),
    items: items.map((item) => ({
      id: item.id,
      title: item.title,
      evidenceDateFrom: item.evidenceDateFrom,
      evidenceDateTo: item.evidenceDateTo,
      isLink: item.url !== null,
      archived: item.archivedAt !== null,
      updatedAt: item.updatedAt,
      fileCount: item.files.length,
      totalBytes: item.files.reduce((sum, file) => sum + (file.versions[0]?.sizeBytes ?? 0), 0),
      outcomeNumbers: [...new Set(item.links.map((link) => link.outcomeResponse.outcome.number))].sort((a, b) => a - b),
    })),
  }
}

async function isLockedBySubmission(db: Db, itemId: string): Promise<boolean> {
  const locked = { status: { in: LOCKED_STATUSES } }
  const [links, documents] = await Promise.all([
    db.evidenceLink.count({ where: { evidenceItemId: itemId, outcomeResponse: { submission: locked } } }),
    db.penPortraitDocument.count({ where: { evidenceItemId: itemId, penPortrait: { submission: locked } } }),
  ])
  return links + documents > 0
}

/** Everything the item page shows: details, each file with its versions, and where it is linked. */
export async function getEvidenceItem(actor: Actor, itemId: string) {
  const item = await prisma.evidenceItem.findFirst({
    where: { id: itemId, libraryServiceId: { in: managedServiceIds(actor) } },
    select: {
      id: true,
      title: true,
      description: true,
      evidenceDateFrom: true,
      evidenceDateTo: true,
      url: true,
      archivedAt: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      libraryService: { select: { id: true, name: true } },
      files: {
        where: { removedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          versions: {
            orderBy: { version: 'desc' },
            select: {
              id: true,
              version: true,
              originalName: true,
              mimeType: true,
              sizeBytes: true,
              sha256: true,
              uploadedAt: true,
              uploadedBy: { select: { name: true } },
            },
          },
        },
      },
      links: {
        where: { outcomeResponse: { submission: submissionScope(actor, 'submission:view') } },
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          pointer: true,
          indicator: { select: { code: true } },
          outcomeResponse: {
            select: {
              outcome: { select: { number: true, shortTitle: true } },
              submission: {
                select: {
                  id: true,
                  reference: true,
                  organisation: { select: { name: true } },
                  cycle: { select: { name: true } },
                },
              },
            },
          },
        },
      },
    },
  })
  if (!item) return null
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    evidenceDateFrom: item.evidenceDateFrom,
    evidenceDateTo: item.evidenceDateTo,
    url: item.url,
    archivedAt: item.archivedAt,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    createdByName: item.createdBy.name,
    libraryService: item.libraryService,
    lockedBySubmission: await isLockedBySubmission(prisma, item.id),
    files: item.files.flatMap((file) => {
      const [current, ...older] = file.versions
      if (!current) return []
      return [{ id: file.id, current: versionRow(current), olderVersions: older.map(versionRow) }]
    }),
    links: item.links.map((link) => ({
      id: link.id,
      pointer: link.pointer,
      indicatorCode: link.indicator?.code ?? null,
      outcomeNumber: link.outcomeResponse.outcome.number,
      outcomeTitle: link.outcomeResponse.outcome.shortTitle,
      submission: {
        id: link.outcomeResponse.submission.id,
        reference: link.outcomeResponse.submission.reference,
        organisationName: link.outcomeResponse.submission.organisation.name,
        cycleName: link.outcomeResponse.submission.cycle.name,
      },
    })),
  }
}

function versionRow(version: {
  id: string
  version: number
  originalName: string
  mimeType: string
  sizeBytes: number
  sha256: string
  uploadedAt: Date
  uploadedBy: { name: string }
}) {
  return {
    id: version.id,
    version: version.version,
    originalName: version.originalName,
    mimeType: version.mimeType,
    sizeBytes: version.sizeBytes,
    sha256: version.sha256,
    uploadedAt: version.uploadedAt,
    uploadedByName: version.uploadedBy.name,
  }
}

/** The item's details for its edit, add-files, archive and delete pages. */
export async function getEvidenceItemSummary(actor: Actor, itemId: string) {
  const item = await findManagedItem(actor, itemId)
  const service = await prisma.libraryService.findUniqueOrThrow({
    where: { id: item.libraryServiceId },
    select: { id: true, name: true },
  })
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    evidenceDateFrom: item.evidenceDateFrom,
    evidenceDateTo: item.evidenceDateTo,
    url: item.url,
    isLink: item.url !== null,
    archived: item.archivedAt !== null,
    fileCount: item._count.files,
    libraryService: service,
    lockedBySubmission: await isLockedBySubmission(prisma, item.id),
  }
}

/** One file of an item, for its replace page; 404 unless the actor manages the item. */
export async function getEvidenceFileSummary(actor: Actor, itemId: string, fileId: string) {
  const file = await prisma.evidenceFile.findFirst({
    where: {
      id: fileId,
      evidenceItemId: itemId,
      removedAt: null,
      evidenceItem: { libraryServiceId: { in: managedServiceIds(actor) } },
    },
    select: {
      id: true,
      evidenceItem: { select: { id: true, title: true, libraryService: { select: { id: true, name: true } } } },
      versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true, originalName: true } },
    },
  })
  const current = file?.versions[0]
  if (!file || !current) notFound()
  return {
    id: file.id,
    currentName: current.originalName,
    currentVersion: current.version,
    item: { id: file.evidenceItem.id, title: file.evidenceItem.title },
    libraryService: file.evidenceItem.libraryService,
  }
}

/**
 * A stored file version the actor may read: their service's own evidence, or evidence linked to
 * a submission they may view (validators and sponsors open linked evidence). Otherwise null.
 */
export async function getEvidenceFileForDownload(actor: Actor, versionId: string): Promise<StoredFile | null> {
  return prisma.evidenceFileVersion.findFirst({
    where: {
      id: versionId,
      evidenceFile: {
        evidenceItem: {
          OR: [
            { libraryServiceId: { in: managedServiceIds(actor) } },
            { links: { some: { outcomeResponse: { submission: submissionScope(actor, 'submission:view') } } } },
          ],
        },
      },
    },
    select: { storageKey: true, originalName: true, mimeType: true, sizeBytes: true },
  })
}

/**
 * Evidence a submission's outcome pages can link: the service's items that are not archived,
 * newest evidence date first. Throws a 403 response unless the actor manages the service's evidence.
 */
export async function listEvidenceForLinking(
  actor: Actor,
  libraryServiceId: string,
): Promise<
  Array<{
    id: string
    title: string
    evidenceDateFrom: Date
    evidenceDateTo: Date | null
    url: string | null
    files: Array<{ originalName: string; sizeBytes: number; mimeType: string }>
  }>
> {
  requirePermission(actor, 'evidence:manage', { libraryServiceIds: [libraryServiceId] })
  const items = await prisma.evidenceItem.findMany({
    where: { libraryServiceId, archivedAt: null },
    orderBy: [{ evidenceDateFrom: 'desc' }, { title: 'asc' }],
    select: {
      id: true,
      title: true,
      evidenceDateFrom: true,
      evidenceDateTo: true,
      url: true,
      files: {
        where: { removedAt: null },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          versions: {
            orderBy: { version: 'desc' },
            take: 1,
            select: { originalName: true, sizeBytes: true, mimeType: true },
          },
        },
      },
    },
  })
  return items.map((item) => ({
    id: item.id,
    title: item.title,
    evidenceDateFrom: item.evidenceDateFrom,
    evidenceDateTo: item.evidenceDateTo,
    url: item.url,
    files: item.files.flatMap((file) => file.versions.slice(0, 1)),
  }))
}

/**
 * Refuses (400) unless every id names an item of this service's library that is not archived:
 * for forms that link evidence, so a forged id from another service changes nothing.
 */
export async function assertItemsBelongToService(db: Db, itemIds: string[], libraryServiceId: string): Promise<void> {
  const unique = [...new Set(itemIds)]
  if (unique.length === 0) return
  const found = await db.evidenceItem.count({ where: { id: { in: unique }, libraryServiceId, archivedAt: null } })
  invariantResponse(found === unique.length, 'Choose evidence from your library service’s evidence library', 400)
}

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

class Refusal extends Error {
  constructor(readonly refused: FilesRefused) {
    super('Files refused')
  }
}

/** The incoming files the service already holds, on items that are not archived. */
async function findLibraryDuplicates(
  db: Db,
  libraryServiceId: string,
  files: UploadedFile[],
): Promise<DuplicateFile[]> {
  const existing = await db.evidenceFileVersion.findMany({
    where: {
      libraryServiceId,
      sha256: { in: files.map((f) => f.sha256) },
      evidenceFile: { evidenceItem: { archivedAt: null } },
    },
    select: { sha256: true, evidenceFile: { select: { evidenceItem: { select: { id: true, title: true } } } } },
  })
  return files.flatMap((file) => {
    const match = existing.find((version) => version.sha256 === file.sha256)
    return match
      ? [
          {
            fileName: file.originalName,
            itemId: match.evidenceFile.evidenceItem.id,
            title: match.evidenceFile.evidenceItem.title,
          },
        ]
      : []
  })
}

/** Files the service already holds (on items that are not archived), and the service's quota. */
async function refuseIncomingFiles(
  db: Db,
  libraryServiceId: string,
  files: UploadedFile[],
): Promise<FilesRefused | null> {
  const single = files.length === 1
  const duplicates = await findLibraryDuplicates(db, libraryServiceId, files)
  if (duplicates.length) {
    return {
      ok: false,
      messages: duplicates.map((d) => fileMessages.duplicate(d.fileName, single, d.title)),
      duplicates,
    }
  }

  const service = await db.libraryService.findUniqueOrThrow({
    where: { id: libraryServiceId },
    select: { evidenceQuotaBytes: true },
  })
  const quota = service.evidenceQuotaBytes ?? getEnv().SERVICE_QUOTA_BYTES
  const used = await storageUsedBytes(db, libraryServiceId)
  const incoming = files.reduce((sum, file) => sum + file.sizeBytes, 0)
  if (used + incoming > quota) {
    const subject = single ? 'This file' : 'These files'
    return {
      ok: false,
      messages: [
        `${subject} would take your evidence library over its limit of ${formatSizeLimit(quota)} (${formatFileSize(used)} is in use). Delete evidence you no longer need, or ask the national team for more space`,
      ],
      duplicates: [],
    }
  }
  return null
}

/**
 * Runs `work` in one short transaction after checking the incoming files against the library (no
 * duplicates, within the quota). The files were hashed while they streamed in, and are moved from
 * the temporary folder to new storage keys before the transaction begins: the write lock is never
 * held while a file is on the move, so other writers are not kept waiting. `storageKeyOf` gives
 * the key a file was moved to. If the transaction fails or refuses the files, they are removed
 * again, so a file is stored exactly when its row is committed. (A crash between the move and the
 * commit can leave a stored file with no row; start-up sets such files aside, see
 * storage.server.ts.)
 */
/**
 * Of several files, those the library already holds are left out, so the others can be stored;
 * each left-out file is reported by name with the item that holds it. When every file is a
 * duplicate (or there is only one), nothing is left to store and the upload is refused as before.
 */
async function setAsideDuplicates(
  libraryServiceId: string,
  files: UploadedFile[],
): Promise<{ files: UploadedFile[]; notStored: string[]; duplicates: DuplicateFile[] } | FilesRefused> {
  const duplicates = await findLibraryDuplicates(prisma, libraryServiceId, files)
  if (!duplicates.length) return { files, notStored: [], duplicates: [] }
  const fresh = files.filter((file) => !duplicates.some((d) => d.fileName === file.originalName))
  if (!fresh.length) {
    const single = files.length === 1
    return {
      ok: false,
      messages: duplicates.map((d) => fileMessages.duplicate(d.fileName, single, d.title)),
      duplicates,
    }
  }
  return {
    files: fresh,
    notStored: duplicates.map((d) => fileMessages.duplicate(d.fileName, false, d.title)),
    duplicates,
  }
}

async function writeWithFiles<T>(
  libraryServiceId: string,
  files: UploadedFile[],
  work: (tx: Db, storageKeyOf: (file: UploadedFile) => string) => Promise<T>,
): Promise<T | FilesRefused> {
  // A cheap check first, outside the lock, so a refused upload is never moved at all.
  const refusedEarly = await refuseIncomingFiles(prisma, libraryServiceId, files)
  if (refusedEarly) return refusedEarly
  const placed = new Map<UploadedFile, string>()
  try {
    for (const file of files) {
      const storageKey = newStorageKey()
      await moveIntoPlace(file.tempPath, storageKey)
      placed.set(file, storageKey)
    }
    return await prisma.$transaction(async (tx) => {
      // Checked again inside the transaction: another upload may have committed in the meantime.
      const refused = await refuseIncomingFiles(tx, libraryServiceId, files)
      if (refused) throw new Refusal(refused)
      return work(tx, (file) => {
        const storageKey = placed.get(file)
        if (!storageKey) throw new Error(`${file.originalName} was not moved into storage`)
        return storageKey
      })
    })
  } catch (error) {
    await removeStoredFiles(placed.values())
    if (error instanceof Refusal) return error.refused
    throw error
  }
}

function versionData(
  file: UploadedFile,
  storageKey: string,
  input: { libraryServiceId: string; uploadedById: string; version: number },
) {
  return {
    libraryServiceId: input.libraryServiceId,
    version: input.version,
    originalName: file.originalName,
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    storageKey,
    uploadedById: input.uploadedById,
  }
}

function fileFacts(files: UploadedFile[]) {
  return files.map((file) => ({ name: file.originalName, sizeBytes: file.sizeBytes, sha256: file.sha256 }))
}

async function addFilesInTransaction(
  tx: Db,
  storageKeyOf: (file: UploadedFile) => string,
  input: { itemId: string; libraryServiceId: string; uploadedById: string; files: UploadedFile[] },
) {
  for (const file of input.files) {
    const storageKey = storageKeyOf(file)
    await tx.evidenceFile.create({
      data: {
        evidenceItemId: input.itemId,
        versions: {
          create: versionData(file, storageKey, {
            libraryServiceId: input.libraryServiceId,
            uploadedById: input.uploadedById,
            version: 1,
          }),
        },
      },
      select: { id: true },
    })
  }
}

/** Adds an item to the service's library, with its files (already checked) or its web link. */
export async function createEvidenceItem(
  input: AuditContext & {
    libraryServiceId: string
    details: EvidenceDetails
    url: string | null
    files: UploadedFile[]
  },
): Promise<{ ok: true; itemId: string; stored: number; notStored: string[] } | FilesRefused> {
  const { actor, libraryServiceId, details } = input
  requirePermission(actor, 'evidence:manage', { libraryServiceIds: [libraryServiceId] })
  const url = input.files.length ? null : input.url
  invariantResponse(input.files.length > 0 || url, 'Evidence needs files or a web link')
  const sorted = await setAsideDuplicates(libraryServiceId, input.files)
  if ('ok' in sorted) return sorted
  const { files, notStored } = sorted
  return writeWithFiles(libraryServiceId, files, async (tx, storageKeyOf) => {
    const item = await tx.evidenceItem.create({
      data: { libraryServiceId, ...details, url, createdById: actor.id },
      select: { id: true },
    })
    await addFilesInTransaction(tx, storageKeyOf, { itemId: item.id, libraryServiceId, uploadedById: actor.id, files })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'evidence.item_created',
      entityType: 'EvidenceItem',
      entityId: item.id,
      after: { ...details, url, files: fileFacts(files) },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, itemId: item.id, stored: files.length, notStored }
  })
}

/** Changes an item's title, description, evidence dates and (for a web link) its address. */
export async function updateEvidenceItem(
  input: AuditContext & { itemId: string; details: EvidenceDetails; url: string | null },
): Promise<void> {
  const item = await findManagedItem(input.actor, input.itemId)
  const isLink = item.url !== null
  invariantResponse(
    isLink ? Boolean(input.url) : input.url === null,
    isLink ? 'Enter a web link' : 'Evidence with files cannot also have a web link',
  )
  const before = {
    title: item.title,
    description: item.description,
    evidenceDateFrom: item.evidenceDateFrom,
    evidenceDateTo: item.evidenceDateTo,
    url: item.url,
  }
  const after = { ...input.details, url: isLink ? input.url : null }
  await prisma.$transaction(async (tx) => {
    await tx.evidenceItem.update({ where: { id: item.id }, data: after, select: { id: true } })
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'evidence.item_updated',
      entityType: 'EvidenceItem',
      entityId: item.id,
      before,
      after,
      ipAddress: input.ipAddress,
    })
  })
}

/** Adds more files to an item of files (not to a web link). */
export async function addEvidenceFiles(
  input: AuditContext & { itemId: string; files: UploadedFile[] },
): Promise<{ ok: true; stored: number; notStored: string[] } | FilesRefused> {
  const item = await findManagedItem(input.actor, input.itemId)
  invariantResponse(item.url === null, 'This evidence is a web link, so files cannot be added to it')
  invariantResponse(input.files.length > 0, 'Select a file')
  const sorted = await setAsideDuplicates(item.libraryServiceId, input.files)
  if ('ok' in sorted) return sorted
  const { files, notStored } = sorted
  return writeWithFiles(item.libraryServiceId, files, async (tx, storageKeyOf) => {
    await addFilesInTransaction(tx, storageKeyOf, {
      itemId: item.id,
      libraryServiceId: item.libraryServiceId,
      uploadedById: input.actor.id,
      files,
    })
    await tx.evidenceItem.update({ where: { id: item.id }, data: { updatedAt: new Date() }, select: { id: true } })
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'evidence.files_added',
      entityType: 'EvidenceItem',
      entityId: item.id,
      after: { files: fileFacts(files) },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, stored: files.length, notStored }
  })
}

/** Stores a new version of one file of an item; the older versions are kept. */
export async function replaceEvidenceFile(
  input: AuditContext & { itemId: string; fileId: string; file: UploadedFile },
): Promise<{ ok: true; version: number } | FilesRefused> {
  const summary = await getEvidenceFileSummary(input.actor, input.itemId, input.fileId)
  const libraryServiceId = summary.libraryService.id
  return writeWithFiles(libraryServiceId, [input.file], async (tx, storageKeyOf) => {
    const latest = await tx.evidenceFileVersion.findFirstOrThrow({
      where: { evidenceFileId: summary.id },
      orderBy: { version: 'desc' },
      select: { version: true, originalName: true, sha256: true, sizeBytes: true },
    })
    const version = latest.version + 1
    const storageKey = storageKeyOf(input.file)
    await tx.evidenceFileVersion.create({
      data: {
        evidenceFileId: summary.id,
        ...versionData(input.file, storageKey, { libraryServiceId, uploadedById: input.actor.id, version }),
      },
      select: { id: true },
    })
    await tx.evidenceItem.update({
      where: { id: summary.item.id },
      data: { updatedAt: new Date() },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'evidence.file_replaced',
      entityType: 'EvidenceItem',
      entityId: summary.item.id,
      before: {
        fileId: summary.id,
        version: latest.version,
        name: latest.originalName,
        sha256: latest.sha256,
        sizeBytes: latest.sizeBytes,
      },
      after: { fileId: summary.id, version, ...fileFacts([input.file])[0] },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, version }
  })
}

/** Archives an item (hidden from the library and from linking) or restores it. */
export async function setEvidenceArchived(
  input: AuditContext & { itemId: string; archived: boolean },
): Promise<{ libraryServiceId: string }> {
  const item = await findManagedItem(input.actor, input.itemId)
  const archivedAt = input.archived ? (item.archivedAt ?? new Date()) : null
  await prisma.$transaction(async (tx) => {
    await tx.evidenceItem.update({ where: { id: item.id }, data: { archivedAt }, select: { id: true } })
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: input.archived ? 'evidence.item_archived' : 'evidence.item_restored',
      entityType: 'EvidenceItem',
      entityId: item.id,
      before: { archivedAt: item.archivedAt },
      after: { archivedAt },
      ipAddress: input.ipAddress,
    })
  })
  return { libraryServiceId: item.libraryServiceId }
}

/**
 * Deletes an item, its links and its files, unless a submission the service can no longer change
 * uses it (then it can only be archived). Rows go in one transaction; the files on disk are
 * removed only after it commits, so a failed delete never loses a file.
 */
export async function deleteEvidenceItem(
  input: AuditContext & { itemId: string },
): Promise<{ ok: true; libraryServiceId: string } | { ok: false; reason: 'LOCKED_BY_SUBMISSION' }> {
  const item = await findManagedItem(input.actor, input.itemId)
  const result = await prisma.$transaction(async (tx) => {
    if (await isLockedBySubmission(tx, item.id)) return { ok: false as const, reason: 'LOCKED_BY_SUBMISSION' as const }
    const versions = await tx.evidenceFileVersion.findMany({
      where: { evidenceFile: { evidenceItemId: item.id } },
      select: { storageKey: true, originalName: true, sha256: true, version: true },
    })
    const links = await tx.evidenceLink.findMany({
      where: { evidenceItemId: item.id },
      select: { outcomeResponseId: true, indicatorId: true },
    })
    await tx.evidenceLink.deleteMany({ where: { evidenceItemId: item.id } })
    await tx.penPortraitDocument.deleteMany({ where: { evidenceItemId: item.id } })
    await tx.evidenceFileVersion.deleteMany({ where: { evidenceFile: { evidenceItemId: item.id } } })
    await tx.evidenceFile.deleteMany({ where: { evidenceItemId: item.id } })
    await tx.evidenceItem.delete({ where: { id: item.id }, select: { id: true } })
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'evidence.item_deleted',
      entityType: 'EvidenceItem',
      entityId: item.id,
      before: {
        title: item.title,
        evidenceDateFrom: item.evidenceDateFrom,
        evidenceDateTo: item.evidenceDateTo,
        url: item.url,
        files: versions.map((v) => ({ name: v.originalName, version: v.version, sha256: v.sha256 })),
        links,
      },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, storageKeys: versions.map((v) => v.storageKey) }
  })
  if (!result.ok) return result
  await removeStoredFiles(result.storageKeys)
  return { ok: true, libraryServiceId: item.libraryServiceId }
}
