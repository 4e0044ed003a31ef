// What the portal does with its upload folder as it starts, before any server process takes
// requests: every partial upload left by a stop or a crash is removed, and any stored file that no
// row names (moved into storage by an upload whose process was killed before it committed) is set
// aside in UPLOAD_DIR/orphaned rather than left among the evidence.
import { prisma } from '~/utils/db.server'
import { removePartialUploads, setAsideUnknownFiles } from './storage.server'

export async function prepareUploadFolder(): Promise<{ partialUploadsRemoved: number; filesSetAside: string[] }> {
  const partialUploadsRemoved = await removePartialUploads()
  const rows = await prisma.evidenceFileVersion.findMany({ select: { storageKey: true } })
  const known = new Set(rows.map((row) => row.storageKey))
  const filesSetAside = await setAsideUnknownFiles((key) => known.has(key))
  return { partialUploadsRemoved, filesSetAside }
}
