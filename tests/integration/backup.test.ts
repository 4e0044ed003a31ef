// Backups (issue 7, item 7) on a database with real uploads: a backup taken and verified, then
// broken in each way a backup can break (a changed file, a missing file, a changed database, rows
// the manifest does not know), and a backup taken while another process is writing.
import { spawn } from 'node:child_process'
import { cp, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import {
  createBackup,
  hashFile,
  MANIFEST_FILE,
  verifyBackup,
  type BackupManifest,
} from '~/modules/backup/backup.server'
import { action as newEvidence } from '~/routes/services.$serviceId.evidence.new'
import { useDemoData } from '../setup/demo-data'
import { makeFixtureFiles } from '../fixtures/files'
import { cookieFor, evidenceForm, fileFrom, post, runAction, serviceId, uploadDir } from './evidence-helpers'

let scratch = ''
let good = ''
let goodManifest: BackupManifest

const databaseUrl = () => process.env.DATABASE_URL!

async function backup(name: string, uploads = uploadDir()) {
  return createBackup({
    databaseUrl: databaseUrl(),
    uploadDir: uploads,
    outDir: path.join(scratch, name),
    portalVersion: '0.1.0',
  })
}

/** A copy of the good backup to break. */
async function copyOfGood(name: string): Promise<string> {
  const dir = path.join(scratch, name)
  await cp(good, dir, { recursive: true })
  return dir
}

async function flipByte(file: string, position: number): Promise<void> {
  const handle = await open(file, 'r+')
  try {
    const byte = Buffer.alloc(1)
    await handle.read(byte, 0, 1, position)
    byte[0] = byte[0]! ^ 0xff
    await handle.write(byte, 0, 1, position)
  } finally {
    await handle.close()
  }
}

async function rewriteManifest(dir: string, change: (manifest: BackupManifest) => void): Promise<void> {
  const file = path.join(dir, MANIFEST_FILE)
  const manifest = JSON.parse(await readFile(file, 'utf8')) as BackupManifest
  change(manifest)
  await writeFile(file, JSON.stringify(manifest))
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'lks-backup-'))
  await useDemoData()
  // As `npm start` leaves it: write-ahead logging, so readers and a writer work side by side.
  const client = createClient({ url: databaseUrl() })
  await client.execute('PRAGMA journal_mode = WAL')
  client.close()
  const files = await makeFixtureFiles(path.join(scratch, 'fixtures'))
  const service = await serviceId()
  const form = evidenceForm({ title: 'Backed-up evidence' }, [
    await fileFrom(files.pdf, 'annual-report.pdf', 'application/pdf'),
    await fileFrom(files.png, 'chart.png', 'image/png'),
    await fileFrom(files.csv, 'searches.csv', 'text/csv'),
  ])
  const outcome = await runAction(
    newEvidence,
    post(`/services/${service}/evidence/new`, form, await cookieFor('lead@demo.nhs.uk')),
    { serviceId: service },
  )
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302)
  const result = await backup('good')
  good = result.outDir
  goodManifest = result.manifest
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('a backup', () => {
  it('holds the database and every uploaded file, listed with their SHA-256', async () => {
    const versions = await prisma.evidenceFileVersion.findMany({
      orderBy: { storageKey: 'asc' },
      select: { storageKey: true, sizeBytes: true, sha256: true },
    })
    expect(versions.length).toBeGreaterThanOrEqual(3)
    expect(goodManifest.files).toEqual(versions)
    expect(goodManifest.problems).toEqual([])
    expect(goodManifest.portalVersion).toBe('0.1.0')
    for (const file of versions) {
      const copy = await readFile(path.join(good, 'uploads', ...file.storageKey.split('/')))
      expect(copy.equals(await readFile(path.join(uploadDir(), ...file.storageKey.split('/'))))).toBe(true)
    }
    expect(await hashFile(path.join(good, 'database.db'))).toEqual({
      sha256: goodManifest.database.sha256,
      sizeBytes: goodManifest.database.sizeBytes,
    })
    const copy = createClient({ url: `file:${path.join(good, 'database.db')}` })
    const rows = await copy.execute(
      'SELECT (SELECT count(*) FROM Submission) AS submissions, (SELECT count(*) FROM AuditEvent) AS events',
    )
    copy.close()
    expect(rows.rows[0]).toMatchObject({
      submissions: await prisma.submission.count(),
      events: await prisma.auditEvent.count(),
    })
  })

  it('passes verification', async () => {
    const result = await verifyBackup(good)
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.filesChecked).toBe(goodManifest.files.length)
    expect(result.bytesChecked).toBe(goodManifest.files.reduce((sum, f) => sum + f.sizeBytes, 0))
  })

  it('refuses a folder that is not empty', async () => {
    await expect(backup('good')).rejects.toThrow(/is not empty/)
  })
})

describe('verification fails', () => {
  it('when a file has changed, naming it', async () => {
    const dir = await copyOfGood('changed-file')
    const victim = goodManifest.files[1]!
    await flipByte(path.join(dir, 'uploads', ...victim.storageKey.split('/')), 10)
    const result = await verifyBackup(dir)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([`${victim.storageKey}: its SHA-256 does not match the manifest`])
  })

  it('when a file is missing, naming it', async () => {
    const dir = await copyOfGood('missing-file')
    const victim = goodManifest.files[0]!
    await rm(path.join(dir, 'uploads', ...victim.storageKey.split('/')))
    const result = await verifyBackup(dir)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([`${victim.storageKey}: missing from the backup`])
  })

  it('when the database has changed', async () => {
    const dir = await copyOfGood('changed-database')
    await flipByte(path.join(dir, 'database.db'), goodManifest.database.sizeBytes - 100)
    const result = await verifyBackup(dir)
    expect(result.ok).toBe(false)
    expect(result.problems).toContain(
      'database.db has changed since the backup was taken: its SHA-256 does not match the manifest',
    )
  })

  it('when the database is damaged, even with a manifest rewritten to match', async () => {
    const dir = await copyOfGood('damaged-database')
    const file = path.join(dir, 'database.db')
    const handle = await open(file, 'r+')
    await handle.write(Buffer.alloc(8192, 0x41), 0, 8192, 8192)
    await handle.close()
    const hashed = await hashFile(file)
    await rewriteManifest(dir, (m) => Object.assign(m.database, hashed))
    const result = await verifyBackup(dir)
    expect(result.ok).toBe(false)
    expect(result.problems.join('\n')).toMatch(
      /database\.db (fails its integrity check|could not be read as a database)/,
    )
  })

  it('when the database lists a file the manifest does not, or a row whose record is missing', async () => {
    const dir = await copyOfGood('extra-row')
    const file = path.join(dir, 'database.db')
    const client = createClient({ url: `file:${file}` })
    await client.execute('PRAGMA foreign_keys = OFF')
    await client.execute(
      "INSERT INTO EvidenceFileVersion (id, evidenceFileId, libraryServiceId, version, originalName, mimeType, sizeBytes, sha256, storageKey, uploadedById, uploadedAt) VALUES ('ghost', 'no-such-file', 'x', 1, 'ghost.pdf', 'application/pdf', 3, 'abc', '2026/01/ghost', 'no-such-user', 0)",
    )
    client.close()
    const hashed = await hashFile(file)
    await rewriteManifest(dir, (m) => Object.assign(m.database, hashed))
    const result = await verifyBackup(dir)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([
      'database.db has 2 rows whose linked record is missing (tables: EvidenceFileVersion)',
      '2026/01/ghost: in the database but not in the manifest',
    ])
  })

  it('when there is no manifest', async () => {
    const dir = await copyOfGood('no-manifest')
    await rm(path.join(dir, MANIFEST_FILE))
    const result = await verifyBackup(dir)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([
      'manifest.json is missing: the backup did not finish, or this is not a backup folder',
    ])
  })
})

describe('a backup of uploads with problems', () => {
  it('writes what it can, names each problem, and does not pass verification', async () => {
    const uploads = path.join(scratch, 'broken-uploads')
    await cp(uploadDir(), uploads, { recursive: true })
    const [missing, changed, intact] = goodManifest.files
    await rm(path.join(uploads, ...missing!.storageKey.split('/')))
    await flipByte(path.join(uploads, ...changed!.storageKey.split('/')), 20)
    const result = await backup('with-problems', uploads)
    expect(result.problems).toHaveLength(2)
    expect(result.problems[result.problems.findIndex((p) => p.startsWith(missing!.storageKey))]).toBe(
      `${missing!.storageKey}: missing from the upload folder`,
    )
    expect(result.problems.find((p) => p.startsWith(changed!.storageKey))).toMatch(
      /its SHA-256 is [0-9a-f]{64}, but the database records/,
    )
    expect(result.manifest.problems).toEqual(result.problems)
    // The intact file was still copied.
    const copy = await readFile(path.join(result.outDir, 'uploads', ...intact!.storageKey.split('/')))
    expect((await hashFile(path.join(uploadDir(), ...intact!.storageKey.split('/')))).sha256).toBe(intact!.sha256)
    expect(copy.length).toBe(intact!.sizeBytes)
    const verified = await verifyBackup(result.outDir)
    expect(verified.ok).toBe(false)
    expect(verified.problems).toEqual(
      expect.arrayContaining([
        `Recorded when the backup was taken: ${missing!.storageKey}: missing from the upload folder`,
        `${missing!.storageKey}: missing from the backup`,
        `${changed!.storageKey}: its SHA-256 does not match the manifest`,
      ]),
    )
  })
})

// A writer in another process, so it runs while this one is inside VACUUM INTO: each transaction
// inserts two events with the same pair id, pausing between them, until its input closes.
const WRITER = `
import { createClient } from '@libsql/client'
const client = createClient({ url: process.env.DATABASE_URL })
await client.execute('PRAGMA busy_timeout = 5000')
const pause = new Int32Array(new SharedArrayBuffer(4))
let stop = false
process.stdin.on('end', () => { stop = true }).resume()
let pairs = 0
while (!stop) {
  const tx = await client.transaction('write')
  for (const half of ['a', 'b']) {
    await tx.execute({ sql: "INSERT INTO AuditEvent (id, at, action, entityType, entityId, ipAddress) VALUES (?, ?, 'backup.concurrent_write', 'Pair', ?, '')", args: ['pair-' + pairs + half, Date.now(), 'pair-' + pairs] })
    Atomics.wait(pause, 0, 0, 2)
  }
  await tx.commit()
  pairs++
  if (pairs === 1) process.stdout.write('writing\\n')
  await new Promise((resolve) => setImmediate(resolve))
}
client.close()
process.stdout.write('wrote ' + pairs + '\\n')
`

describe('a backup taken while another process writes', () => {
  it('is a consistent snapshot that passes verification', async () => {
    const countPairs = async () => prisma.auditEvent.count({ where: { action: 'backup.concurrent_write' } })
    const writer = spawn(process.execPath, ['--input-type=module', '-e', WRITER], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env },
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    let output = ''
    const started = new Promise<void>((resolve) =>
      writer.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('writing')) resolve()
      }),
    )
    const exited = new Promise<number | null>((resolve) => writer.on('exit', resolve))
    await started
    const before = await countPairs()
    const result = await backup('during-writes')
    const after = await countPairs()
    writer.stdin.end()
    expect(await exited).toBe(0)
    expect(output).toMatch(/wrote \d+/)
    // The writer committed while the backup was being taken.
    expect(after).toBeGreaterThan(before)

    expect(result.problems).toEqual([])
    const verified = await verifyBackup(result.outDir)
    expect(verified.problems).toEqual([])
    const copy = createClient({ url: `file:${path.join(result.outDir, 'database.db')}` })
    const pairs = await copy.execute(
      "SELECT entityId, count(*) AS n FROM AuditEvent WHERE action = 'backup.concurrent_write' GROUP BY entityId",
    )
    copy.close()
    // Whole transactions only: every pair complete, none half-written.
    expect(pairs.rows.length).toBeGreaterThanOrEqual(before / 2)
    expect(pairs.rows.length).toBeLessThanOrEqual(after / 2)
    expect(pairs.rows.every((row) => Number(row.n) === 2)).toBe(true)
  })
})
