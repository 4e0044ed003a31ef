// /readiness (issue 13, item 5) against this test file's real SQLite database and upload folder.
import { mkdir } from 'node:fs/promises'
import { createClient } from '@libsql/client'
import { beforeAll, describe, expect, it } from 'vitest'
import { loader } from '~/routes/readiness'
import { getEnv } from '~/utils/env.server'
import { checkReadiness, databaseFolder } from '~/utils/health.server'
import { useDemoData } from '../setup/demo-data'

beforeAll(async () => {
  await useDemoData()
  await mkdir(getEnv().UPLOAD_DIR, { recursive: true })
  // Write-ahead logging, as scripts/prepare-database.mjs sets before the portal starts. The test
  // copy of the database is not in WAL mode, and the portal's first connection switches it, which
  // cannot happen while the lock test's other connection holds the write lock: whichever test ran
  // first decided whether the portal's connection could open at all.
  const client = createClient({ url: getEnv().DATABASE_URL })
  await client.execute('PRAGMA journal_mode = WAL')
  client.close()
})

describe('/readiness', () => {
  it('is ready when the database takes a write and both folders have room, and says so per check', async () => {
    const response = await loader()
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const body = (await response.json()) as { status: string; checks: Array<{ name: string; ok: boolean }> }
    expect(body.status).toBe('ready')
    expect(body.checks.map((c) => [c.name, c.ok])).toEqual([
      ['database-write', true],
      ['database-disk', true],
      ['upload-disk', true],
    ])
  })

  it('really writes: while another connection holds the write lock, the write check fails', async () => {
    // A read would still succeed here; only a write waits for the lock and gives up.
    const other = createClient({ url: getEnv().DATABASE_URL })
    await other.execute('BEGIN IMMEDIATE')
    try {
      const result = await checkReadiness()
      const write = result.checks.find((c) => c.name === 'database-write')
      expect(result.ready).toBe(false)
      expect(write?.ok).toBe(false)
      expect(write?.detail).toMatch(/^The database did not accept a write: /)
    } finally {
      await other.execute('ROLLBACK')
      other.close()
    }
    expect((await checkReadiness()).ready).toBe(true)
  }, 30_000)

  it('is not ready, naming each folder, when free space is below MIN_FREE_DISK_MB', async () => {
    const result = await checkReadiness({ minFreeMb: Number.MAX_SAFE_INTEGER })
    expect(result.ready).toBe(false)
    const failing = result.checks.filter((c) => !c.ok)
    expect(failing.map((c) => c.name)).toEqual(['database-disk', 'upload-disk'])
    expect(failing[0]!.detail).toMatch(/^Only \d+ MB free in .+, below the \d+ MB minimum\.$/)
    expect(result.checks.find((c) => c.name === 'database-write')?.ok).toBe(true)
  })

  it('finds the database folder from DATABASE_URL', () => {
    expect(databaseFolder('file:/var/lib/lks/portal.db')).toBe('/var/lib/lks')
    expect(databaseFolder('file:/var/lib/lks/portal.db?mode=rwc')).toBe('/var/lib/lks')
  })
})
