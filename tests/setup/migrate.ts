import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'

const migrationsDir = path.resolve(import.meta.dirname, '../../prisma/migrations')

/** Builds a database file from every migration, in order, without the Prisma CLI (about 150 ms). */
export async function buildDatabaseFromMigrations(file: string): Promise<void> {
  const client = createClient({ url: `file:${file}` })
  try {
    const dirs = readdirSync(migrationsDir)
      .filter((d) => /^\d{14}_/.test(d))
      .sort()
    for (const dir of dirs) {
      await client.executeMultiple(readFileSync(path.join(migrationsDir, dir, 'migration.sql'), 'utf8'))
    }
  } finally {
    client.close()
  }
}
