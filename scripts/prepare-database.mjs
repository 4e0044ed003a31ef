#!/usr/bin/env node
// Makes the embedded database ready: creates and migrates it when needed, and loads the demo data
// when it is empty. Safe to run on every start. Pass --no-seed to only migrate.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const url = process.env.DATABASE_URL ?? 'file:./prisma/dev.db'
if (!url.startsWith('file:')) {
  console.error('DATABASE_URL must be a SQLite file URL, such as file:./prisma/dev.db')
  process.exit(1)
}
mkdirSync(path.dirname(path.resolve(root, url.slice('file:'.length))), { recursive: true })

const env = { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' }
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

execFileSync(bin('prisma'), ['migrate', 'deploy'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })

// Write-ahead logging lets readers carry on while a write is under way; it is stored in the file.
const client = createClient({ url })
await client.execute('PRAGMA journal_mode = WAL')
client.close()

if (!process.argv.includes('--no-seed')) {
  execFileSync(bin('tsx'), ['prisma/seed.ts'], { cwd: root, env, stdio: 'inherit' })
}
