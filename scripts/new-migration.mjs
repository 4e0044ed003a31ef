#!/usr/bin/env node
// Creates prisma/migrations/<UTC timestamp>_<name>/migration.sql from the difference between the
// existing migrations and prisma/schema.prisma, using the offline CLI (`migrate dev` cannot run here).
// Usage: npm run db:new-migration -- <name>
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const name = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '')
if (!name) {
  console.error('Give the migration a name: npm run db:new-migration -- add_invitations')
  process.exit(1)
}
const migrationsDir = path.join('prisma', 'migrations')
const hasMigrations = existsSync(migrationsDir) && readdirSync(migrationsDir).some((d) => /^\d{14}_/.test(d))
const scratch = mkdtempSync(path.join(tmpdir(), 'lks-migration-'))
const out = path.join(scratch, 'migration.sql')
const from = hasMigrations ? ['--from-migrations', migrationsDir] : ['--from-empty']
try {
  execFileSync(
    'npx',
    ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script', '-o', out],
    {
      stdio: 'inherit',
      env: { ...process.env, CHECKPOINT_DISABLE: '1', DATABASE_URL: `file:${path.join(scratch, 'shadow.db')}` },
    },
  )
  const sql = readFileSync(out, 'utf8')
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/i.test(sql)) {
    console.log('The schema matches the migrations: nothing to write.')
    process.exit(0)
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
  const dir = path.join(migrationsDir, `${stamp}_${name}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'migration.sql'), sql)
  if (!existsSync(path.join(migrationsDir, 'migration_lock.toml'))) {
    writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "sqlite"\n')
  }
  console.log(`Wrote ${dir}/migration.sql`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
