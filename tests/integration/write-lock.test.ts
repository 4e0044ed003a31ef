// Several server processes share one SQLite file (ADR 012). These tests stand in for "another
// process" with a second connection of their own to the test database, and check that the portal's
// writes take the write lock at the start of a transaction, never hold it while a file is moved,
// and wait for another process's write instead of failing.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { makePdf } from '../fixtures/files'
import { cookieFor, evidenceForm, fileFrom, post, runAction, serviceId, sha256OfFile } from './evidence-helpers'
import { action as newEvidence } from '~/routes/services.$serviceId.evidence.new'
import { storagePath } from '~/modules/evidence/storage.server'

/** What "another process" found each time a file was moved into storage: could it write? */
const probes: Array<'free' | 'locked'> = []

let other: Client

/** Whether another connection could take the write lock right now (without waiting). */
async function writeLockIsFree(): Promise<boolean> {
  try {
    await other.execute('BEGIN IMMEDIATE')
    await other.execute('ROLLBACK')
    return true
  } catch (error) {
    if (String(error).includes('SQLITE_BUSY') || String(error).includes('database is locked')) return false
    throw error
  }
}

vi.mock('~/modules/evidence/storage.server', async (importOriginal) => {
  const original = await importOriginal<typeof import('~/modules/evidence/storage.server')>()
  return {
    ...original,
    moveIntoPlace: async (tempPath: string, storageKey: string) => {
      probes.push((await writeLockIsFree()) ? 'free' : 'locked')
      return original.moveIntoPlace(tempPath, storageKey)
    },
  }
})

beforeAll(async () => {
  await useDemoData()
  other = createClient({ url: process.env.DATABASE_URL! })
  await other.execute('PRAGMA busy_timeout = 0')
}, 60_000)

afterAll(() => other.close())

async function pdf(name: string): Promise<File> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'write-lock-')), name)
  await makePdf(file, [name, String(Math.random())])
  return fileFrom(file, name, 'application/pdf')
}

describe('the database connection', () => {
  it('is in WAL mode and waits for another writer, on every connection (the driver opens one per transaction)', async () => {
    const settings = async () => {
      const [timeout] = await prisma.$queryRawUnsafe<Array<{ timeout: number | bigint }>>('PRAGMA busy_timeout')
      const [mode] = await prisma.$queryRawUnsafe<Array<{ journal_mode: string }>>('PRAGMA journal_mode')
      return { timeout: Number(timeout?.timeout), mode: mode?.journal_mode }
    }
    expect(await settings()).toEqual({ timeout: 5000, mode: 'wal' })
    await prisma.$transaction(async (tx) => tx.region.count())
    expect(await settings()).toEqual({ timeout: 5000, mode: 'wal' })
  })

  it('takes the write lock when a transaction begins, so a write by another process cannot make it fail half-way', async () => {
    const region = await prisma.region.findFirstOrThrow({ select: { id: true, name: true } })
    let otherCouldWrite: boolean | undefined
    await prisma.$transaction(async (tx) => {
      await tx.region.findUniqueOrThrow({ where: { id: region.id }, select: { name: true } })
      // Another process tries to write between this transaction's read and its write.
      otherCouldWrite = await writeLockIsFree()
      await tx.region.update({ where: { id: region.id }, data: { name: `${region.name} ` }, select: { id: true } })
    })
    expect(otherCouldWrite).toBe(false)
    await prisma.region.update({ where: { id: region.id }, data: { name: region.name }, select: { id: true } })
  })
})

describe('storing uploaded evidence', () => {
  it('moves the files into storage before the transaction, never while holding the write lock', async () => {
    const ribble = await serviceId()
    const cookie = await cookieFor('lead@demo.nhs.uk')
    probes.length = 0
    const files = [await pdf('strategy.pdf'), await pdf('annual-report.pdf')]
    const outcome = await runAction(
      newEvidence,
      post(`/services/${ribble}/evidence/new`, evidenceForm({ title: 'Strategy and report' }, files), cookie),
      { serviceId: ribble },
    )
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302)
    expect(probes).toEqual(['free', 'free'])

    // Each file is stored exactly once, under its row, with the SHA-256 it was sent with.
    const itemId = outcome.location!.split('/').pop()!
    const versions = await prisma.evidenceFileVersion.findMany({
      where: { evidenceFile: { evidenceItemId: itemId } },
      select: { storageKey: true, sha256: true },
    })
    expect(versions).toHaveLength(2)
    for (const version of versions) expect(await sha256OfFile(storagePath(version.storageKey))).toBe(version.sha256)
  })
})
