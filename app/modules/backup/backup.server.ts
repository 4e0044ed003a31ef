// Backups (issue 7, item 7): an online, consistent copy of the database and every uploaded file it
// refers to, with a manifest of their SHA-256 hashes; and a check that a backup is whole.
//
// - The database is copied with `VACUUM INTO`, one statement that reads a single snapshot, so the
//   copy is consistent while the portal keeps running: in WAL mode it blocks no writer, and a write
//   committed during the copy is simply not in it. The copy is a plain (rollback journal) file.
// - The files to copy are read from the copy, not the live database, so the manifest describes
//   exactly the database in the backup. A file uploaded after the snapshot belongs to the next one.
// - Each file is hashed as it is copied and checked against the SHA-256 and size the database holds.
//   A missing or changed file is reported, the rest is still written, and the manifest records the
//   problems, so the backup can never later pass as whole.
// - Layout: <dir>/database.db, <dir>/uploads/<storageKey>, <dir>/manifest.json (written last: a
//   backup without a manifest did not finish).
// Plain paths in, results out: the scripts in scripts/ read the configuration and print.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createClient, type Client } from '@libsql/client'
import { z } from 'zod'

export const DATABASE_FILE = 'database.db'
export const UPLOADS_FOLDER = 'uploads'
export const MANIFEST_FILE = 'manifest.json'

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const FileEntry = z.object({ storageKey: z.string().min(1), sizeBytes: z.number().int().min(0), sha256: Sha256 })

export const ManifestSchema = z.object({
  format: z.literal('lks-quality-portal-backup'),
  formatVersion: z.literal(1),
  createdAt: z.iso.datetime(),
  portalVersion: z.string(),
  database: z.object({ file: z.literal(DATABASE_FILE), sizeBytes: z.number().int().min(0), sha256: Sha256 }),
  files: z.array(FileEntry),
  /** What went wrong while the backup was taken; empty for a whole backup. */
  problems: z.array(z.string()),
})

export type BackupManifest = z.infer<typeof ManifestSchema>
export type ManifestFile = z.infer<typeof FileEntry>

/** The database file a `file:` URL names, as DATABASE_URL gives it. */
export function databasePathFromUrl(url: string): string {
  if (!url.startsWith('file:')) throw new Error('DATABASE_URL must be a SQLite file URL, such as file:./prisma/dev.db')
  return url.startsWith('file://') ? fileURLToPath(url) : path.resolve(url.slice('file:'.length))
}

/** backups/2026-03-14T14-30-05Z under the backup folder: sortable, and valid on every file system. */
export function defaultBackupDir(backupRoot: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-')
  return path.resolve(backupRoot, stamp)
}

/**
 * The path of a stored file under a folder. Refuses a key that could reach outside it (absolute,
 * "..", backslashes), whatever the database says.
 */
export function pathForKey(root: string, storageKey: string): string {
  const parts = storageKey.split('/')
  if (storageKey.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`Not a storage key: ${storageKey}`)
  }
  return path.join(root, ...parts)
}

export type Hashed = { sha256: string; sizeBytes: number }

/** A file's SHA-256 and size, read as a stream. */
export async function hashFile(file: string): Promise<Hashed> {
  const hash = createHash('sha256')
  let sizeBytes = 0
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer)
    sizeBytes += (chunk as Buffer).length
  }
  return { sha256: hash.digest('hex'), sizeBytes }
}

/** Copies a file, hashing it on the way: one read, whatever its size. Never overwrites. */
async function copyHashed(from: string, to: string): Promise<Hashed> {
  const hash = createHash('sha256')
  let sizeBytes = 0
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      sizeBytes += chunk.length
      done(null, chunk)
    },
  })
  // Open the source first, so a missing file leaves no empty copy behind.
  const source = await open(from, 'r')
  await mkdir(path.dirname(to), { recursive: true })
  try {
    await pipeline(source.createReadStream(), hashing, createWriteStream(to, { flags: 'wx' }))
  } catch (error) {
    await rm(to, { force: true })
    throw error
  } finally {
    await source.close().catch(() => undefined)
  }
  return { sha256: hash.digest('hex'), sizeBytes }
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/** Opens a database file for reading only: nothing run through it can write. */
async function openReadOnly(file: string): Promise<Client> {
  const client = createClient({ url: `file:${file}` })
  await client.execute('PRAGMA query_only = ON')
  return client
}

async function storedFiles(client: Client): Promise<ManifestFile[]> {
  const result = await client.execute(
    'SELECT storageKey, sizeBytes, sha256 FROM EvidenceFileVersion ORDER BY storageKey',
  )
  return result.rows.map((row) => ({
    storageKey: String(row.storageKey),
    sizeBytes: Number(row.sizeBytes),
    sha256: String(row.sha256),
  }))
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'
}

export type BackupOptions = {
  databaseUrl: string
  uploadDir: string
  outDir: string
  portalVersion: string
  now?: Date
}

export type BackupResult = { outDir: string; manifest: BackupManifest; problems: string[] }

/** Takes a backup into `outDir`, which must be new or empty. Problems are returned, not thrown. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const outDir = path.resolve(options.outDir)
  const uploadRoot = path.resolve(options.uploadDir)
  const existing = await readdir(outDir).catch((error: unknown) => {
    if (isMissing(error)) return []
    throw error
  })
  if (existing.length) throw new Error(`The backup folder ${outDir} is not empty: choose a new folder.`)
  await mkdir(outDir, { recursive: true })

  const databaseCopy = path.join(outDir, DATABASE_FILE)
  const live = createClient({ url: options.databaseUrl })
  try {
    await live.execute(`VACUUM INTO ${sqlString(databaseCopy)}`)
  } finally {
    live.close()
  }

  const snapshot = await openReadOnly(databaseCopy)
  let files: ManifestFile[]
  try {
    files = await storedFiles(snapshot)
  } finally {
    snapshot.close()
  }

  const problems: string[] = []
  for (const file of files) {
    let source: string
    try {
      source = pathForKey(uploadRoot, file.storageKey)
    } catch (error) {
      problems.push(`${file.storageKey}: ${(error as Error).message}`)
      continue
    }
    try {
      const copied = await copyHashed(source, pathForKey(path.join(outDir, UPLOADS_FOLDER), file.storageKey))
      if (copied.sha256 !== file.sha256)
        problems.push(`${file.storageKey}: its SHA-256 is ${copied.sha256}, but the database records ${file.sha256}`)
      else if (copied.sizeBytes !== file.sizeBytes)
        problems.push(`${file.storageKey}: it is ${copied.sizeBytes} bytes, but the database records ${file.sizeBytes}`)
    } catch (error) {
      problems.push(
        isMissing(error)
          ? `${file.storageKey}: missing from the upload folder`
          : `${file.storageKey}: could not be copied (${(error as Error).message})`,
      )
    }
  }

  const database = await hashFile(databaseCopy)
  const manifest: BackupManifest = {
    format: 'lks-quality-portal-backup',
    formatVersion: 1,
    createdAt: (options.now ?? new Date()).toISOString(),
    portalVersion: options.portalVersion,
    database: { file: DATABASE_FILE, ...database },
    files,
    problems,
  }
  const manifestPath = path.join(outDir, MANIFEST_FILE)
  await writeFile(`${manifestPath}.part`, `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' })
  await rename(`${manifestPath}.part`, manifestPath)
  return { outDir, manifest, problems }
}

export type VerifyResult = {
  ok: boolean
  problems: string[]
  /** What was checked, for the summary. */
  manifest: BackupManifest | null
  filesChecked: number
  bytesChecked: number
}

async function readManifest(dir: string): Promise<{ manifest: BackupManifest } | { problem: string }> {
  let text: string
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), 'utf8')
  } catch (error) {
    return {
      problem: isMissing(error)
        ? `${MANIFEST_FILE} is missing: the backup did not finish, or this is not a backup folder`
        : `${MANIFEST_FILE} could not be read (${(error as Error).message})`,
    }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problem: `${MANIFEST_FILE} is not valid JSON` }
  }
  const parsed = ManifestSchema.safeParse(json)
  if (!parsed.success)
    return {
      problem: `${MANIFEST_FILE} is not a backup manifest: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'} ${i.message}`).join('; ')}`,
    }
  return { manifest: parsed.data }
}

/** The database's own checks: integrity, foreign keys, and the stored files it lists. */
async function checkDatabase(file: string, manifest: BackupManifest, problems: string[]): Promise<void> {
  let client: Client | undefined
  try {
    client = await openReadOnly(file)
    const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((row) => String(row[0]))
    if (integrity.length !== 1 || integrity[0] !== 'ok')
      problems.push(`${DATABASE_FILE} fails its integrity check: ${integrity.slice(0, 5).join('; ')}`)
    const orphans = (await client.execute('PRAGMA foreign_key_check')).rows
    if (orphans.length) {
      const tables = [...new Set(orphans.map((row) => String(row[0])))]
      problems.push(
        `${DATABASE_FILE} has ${orphans.length} rows whose linked record is missing (tables: ${tables.join(', ')})`,
      )
    }
    const listed = new Map(manifest.files.map((f) => [f.storageKey, f]))
    for (const stored of await storedFiles(client)) {
      const entry = listed.get(stored.storageKey)
      if (!entry) problems.push(`${stored.storageKey}: in the database but not in the manifest`)
      else if (entry.sha256 !== stored.sha256 || entry.sizeBytes !== stored.sizeBytes)
        problems.push(`${stored.storageKey}: the manifest and the database disagree about it`)
    }
  } catch (error) {
    problems.push(`${DATABASE_FILE} could not be read as a database (${(error as Error).message})`)
  } finally {
    client?.close()
  }
}

/** Checks a backup folder: its database and every file against the manifest. Never throws for a bad backup. */
export async function verifyBackup(dir: string): Promise<VerifyResult> {
  const root = path.resolve(dir)
  const problems: string[] = []
  const read = await readManifest(root)
  if ('problem' in read)
    return { ok: false, problems: [read.problem], manifest: null, filesChecked: 0, bytesChecked: 0 }
  const { manifest } = read
  for (const problem of manifest.problems) problems.push(`Recorded when the backup was taken: ${problem}`)

  const databaseFile = path.join(root, DATABASE_FILE)
  const database = await hashFile(databaseFile).catch((error: unknown) => {
    problems.push(
      isMissing(error)
        ? `${DATABASE_FILE} is missing`
        : `${DATABASE_FILE} could not be read (${(error as Error).message})`,
    )
    return null
  })
  if (database) {
    if (database.sha256 !== manifest.database.sha256 || database.sizeBytes !== manifest.database.sizeBytes) {
      problems.push(`${DATABASE_FILE} has changed since the backup was taken: its SHA-256 does not match the manifest`)
    }
    await checkDatabase(databaseFile, manifest, problems)
  }

  let filesChecked = 0
  let bytesChecked = 0
  const uploads = path.join(root, UPLOADS_FOLDER)
  for (const file of manifest.files) {
    let actual: Hashed
    try {
      actual = await hashFile(pathForKey(uploads, file.storageKey))
    } catch (error) {
      problems.push(
        isMissing(error)
          ? `${file.storageKey}: missing from the backup`
          : `${file.storageKey}: could not be read (${(error as Error).message})`,
      )
      continue
    }
    filesChecked++
    bytesChecked += actual.sizeBytes
    if (actual.sizeBytes !== file.sizeBytes)
      problems.push(`${file.storageKey}: ${actual.sizeBytes} bytes, but the manifest says ${file.sizeBytes}`)
    else if (actual.sha256 !== file.sha256) problems.push(`${file.storageKey}: its SHA-256 does not match the manifest`)
  }
  return { ok: problems.length === 0, problems, manifest, filesChecked, bytesChecked }
}

/** "1.5 MB", for the commands' summaries. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/** Checks that a path is an existing folder, for the verify command's argument. */
export async function isFolder(dir: string): Promise<boolean> {
  return (await stat(dir).catch(() => null))?.isDirectory() ?? false
}
