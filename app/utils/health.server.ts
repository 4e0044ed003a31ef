// Liveness and readiness (issue 13, item 5). /healthcheck stays cheap: one read. /readiness also
// proves the database takes a write and that the database's folder and the upload folder have more
// free space than MIN_FREE_DISK_MB, so a load balancer stops sending people to a portal that would
// fail their saves and uploads.
import { statfs } from 'node:fs/promises'
import path from 'node:path'
import { prisma } from './db.server'
import { getEnv } from './env.server'

export async function checkDatabase(): Promise<boolean> {
  try {
    const rows = await prisma.$queryRaw<Array<{ ok: number | bigint }>>`SELECT 1 AS ok`
    return Number(rows[0]?.ok) === 1
  } catch {
    return false
  }
}

export type ReadinessCheck = {
  name: 'database-write' | 'database-disk' | 'upload-disk'
  ok: boolean
  detail: string
}

/**
 * A real write that changes nothing: the database's user version (unused by Prisma, which keeps
 * its own migrations table) written back as it is. It takes the write lock and commits a page, so
 * it fails as a save would on a read-only or full disk or a database that cannot be locked.
 */
async function checkWrite(): Promise<ReadinessCheck> {
  try {
    const rows = await prisma.$queryRawUnsafe<Array<{ user_version: number | bigint }>>('PRAGMA user_version')
    const version = Number(rows[0]?.user_version ?? 0)
    if (!Number.isInteger(version)) throw new Error('The database did not report its user version')
    await prisma.$executeRawUnsafe(`PRAGMA user_version = ${version}`)
    return { name: 'database-write', ok: true, detail: 'The database accepted a write.' }
  } catch (error) {
    return {
      name: 'database-write',
      ok: false,
      detail: `The database did not accept a write: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}

async function checkFreeSpace(
  name: 'database-disk' | 'upload-disk',
  folder: string,
  minFreeMb: number,
): Promise<ReadinessCheck> {
  try {
    const stats = await statfs(folder)
    const freeMb = Math.floor((Number(stats.bavail) * Number(stats.bsize)) / (1024 * 1024))
    return freeMb >= minFreeMb
      ? { name, ok: true, detail: `${freeMb} MB free in ${folder}.` }
      : { name, ok: false, detail: `Only ${freeMb} MB free in ${folder}, below the ${minFreeMb} MB minimum.` }
  } catch (error) {
    return {
      name,
      ok: false,
      detail: `The free space of ${folder} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
}

/** The folder that holds the SQLite file of DATABASE_URL ("file:./prisma/dev.db" → ./prisma). */
export function databaseFolder(databaseUrl: string): string {
  const file = databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '')
  return path.dirname(path.resolve(file))
}

/** Every readiness check; ready only when all pass. */
export async function checkReadiness(
  options: { minFreeMb?: number } = {},
): Promise<{ ready: boolean; checks: ReadinessCheck[] }> {
  const env = getEnv()
  const minFreeMb = options.minFreeMb ?? env.MIN_FREE_DISK_MB
  const checks = await Promise.all([
    checkWrite(),
    checkFreeSpace('database-disk', databaseFolder(env.DATABASE_URL), minFreeMb),
    checkFreeSpace('upload-disk', path.resolve(env.UPLOAD_DIR), minFreeMb),
  ])
  return { ready: checks.every((c) => c.ok), checks }
}
