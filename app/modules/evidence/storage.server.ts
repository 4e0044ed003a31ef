// Where evidence files live on disk. Every stored file has a generated key, `yyyy/mm/uuid`, under
// UPLOAD_DIR; the user's file name is only ever metadata. Uploads stream first into UPLOAD_DIR/tmp,
// on the same file system, so moving one into place is a rename.
import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { getEnv } from '~/utils/env.server'
import { notFound } from '~/utils/http.server'
import { contentDisposition } from './files'

const STORAGE_KEY = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function uploadRoot(): string {
  return path.resolve(getEnv().UPLOAD_DIR)
}

/** The folder uploads stream into before they are checked. */
export function tempDir(): string {
  return path.join(uploadRoot(), 'tmp')
}

/**
 * Removes temporary upload files left by a server that stopped mid-upload. Files younger than
 * `olderThanMs` may belong to an upload still under way in another process, so they stay.
 */
export async function removeStaleTempFiles(olderThanMs = 60 * 60 * 1000, now = Date.now()): Promise<number> {
  const dir = tempDir()
  const names = await readdir(dir).catch(() => [] as string[])
  let removed = 0
  for (const name of names) {
    const file = path.join(dir, name)
    const info = await stat(file).catch(() => null)
    if (info?.isFile() && now - info.mtimeMs > olderThanMs) {
      await rm(file, { force: true })
      removed++
    }
  }
  return removed
}

/** Where files with no row are set aside at start-up, for someone to look at rather than lose. */
export function setAsideDir(): string {
  return path.join(uploadRoot(), 'orphaned')
}

const PARTIAL_UPLOAD = /^(\d+)-[0-9a-f-]{36}\.part$/

/**
 * A new temporary file path for one uploaded part, named by the process receiving it, so that when
 * a server process dies its partial uploads can be told from those of the processes still running.
 */
export async function newTempPath(): Promise<string> {
  const dir = tempDir()
  await mkdir(dir, { recursive: true })
  return path.join(dir, `${process.pid}-${randomUUID()}.part`)
}

/**
 * Removes partial uploads left in the temporary folder: every one (at start-up, before any server
 * process takes requests), or only those of one process that has died (`ofProcess`). Other files
 * there (such as organisation import previews) are left alone. Returns how many were removed.
 */
export async function removePartialUploads(ofProcess?: number): Promise<number> {
  const dir = tempDir()
  const names = await readdir(dir).catch(() => [] as string[])
  let removed = 0
  for (const name of names) {
    const match = PARTIAL_UPLOAD.exec(name) ?? (name.endsWith('.part') ? [name, ''] : null)
    if (!match || (ofProcess !== undefined && match[1] !== String(ofProcess))) continue
    await rm(path.join(dir, name), { force: true })
    removed++
  }
  return removed
}

/**
 * Moves every stored file that no row names (`isKnown` is false for its key) into the set-aside
 * folder, keeping its key as its path there. Such a file was moved into storage by an upload whose
 * transaction never committed because its process was killed in between (ADR 012). Run only when
 * no server process is taking requests. Returns the keys set aside.
 */
export async function setAsideUnknownFiles(isKnown: (storageKey: string) => boolean): Promise<string[]> {
  const root = uploadRoot()
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => [])
  const setAside: string[] = []
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const key = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    if (!STORAGE_KEY.test(key) || isKnown(key)) continue
    const target = path.join(setAsideDir(), ...key.split('/'))
    await mkdir(path.dirname(target), { recursive: true })
    await rename(path.join(root, ...key.split('/')), target)
    setAside.push(key)
  }
  return setAside
}

/** A new storage key, filed by year and month so no folder grows without bound. */
export function newStorageKey(now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0')
  return `${now.getUTCFullYear()}/${month}/${randomUUID()}`
}

/** The path of a stored file. Refuses anything that is not a key this module made. */
export function storagePath(storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error(`Not an evidence storage key: ${storageKey}`)
  return path.join(uploadRoot(), ...storageKey.split('/'))
}

/** Moves a checked upload from the temporary folder to its storage key. */
export async function moveIntoPlace(tempPath: string, storageKey: string): Promise<void> {
  const target = storagePath(storageKey)
  await mkdir(path.dirname(target), { recursive: true })
  await rename(tempPath, target)
}

/** Removes files, ignoring any already gone. */
export async function removeFiles(paths: Iterable<string>): Promise<void> {
  await Promise.all([...paths].map((file) => rm(file, { force: true })))
}

export async function removeStoredFiles(storageKeys: Iterable<string>): Promise<void> {
  await removeFiles([...storageKeys].map(storagePath))
}

export type StoredFile = { storageKey: string; originalName: string; mimeType: string; sizeBytes: number }

/**
 * A stored file as a response streamed from disk, never buffered: the stored MIME type, the
 * original name in Content-Disposition, no sniffing and no caching outside the browser session.
 */
export async function storedFileResponse(file: StoredFile, disposition: 'attachment' | 'inline'): Promise<Response> {
  const filePath = storagePath(file.storageKey)
  const found = await stat(filePath).catch(() => null)
  if (!found?.isFile()) notFound('File not found')
  return new Response(createReadableStreamFromReadable(createReadStream(filePath)), {
    status: 200,
    headers: {
      'Content-Type': file.mimeType,
      'Content-Length': String(found.size),
      'Content-Disposition': contentDisposition(disposition, file.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}
