// Starts the production build for the browser tests on its own fresh database and upload folder.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// The pa11y check (scripts/pa11y.mjs) starts its own server in its own folder.
const dir = process.env.E2E_SERVER_DIR ?? path.join(root, 'tests/.tmp/e2e')
rmSync(dir, { recursive: true, force: true })
mkdirSync(path.join(dir, 'uploads'), { recursive: true })

const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: process.env.E2E_PORT ?? '3210',
  DATABASE_URL: `file:${path.join(dir, 'portal.db')}`,
  UPLOAD_DIR: path.join(dir, 'uploads'),
  MAIL_DIR: path.join(dir, 'mail'),
  SESSION_SECRET: randomBytes(32).toString('hex'),
  TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  // Browser tests run over plain http on localhost.
  COOKIE_SECURE: 'false',
  APP_ORIGIN: `http://localhost:${process.env.E2E_PORT ?? '3210'}`,
  MAIL_TO_FILES: 'true',
  // The busy page depends on how loaded the machine is, so the browser tests never see it: load
  // shedding has its own tests (tests/integration/server-capacity.test.ts).
  BUSY_EVENT_LOOP_DELAY_MS: '600000',
  // The sign-in fixture keeps the sessions of people who use two-step verification for later tests
  // (each code works once), so a sensitive action late in the run would ask for the password
  // again; the re-authentication test makes its own session old instead (tests/e2e/two-step.spec.ts).
  REAUTHENTICATE_AFTER_MINUTES: '720',
}
execFileSync('node', ['scripts/prepare-database.mjs'], { cwd: root, env, stdio: 'inherit' })
execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['tests/e2e/prepare-users.ts'], {
  cwd: root,
  env,
  stdio: 'inherit',
})

const server = spawn('node', [...SERVER_NODE_FLAGS, 'server.js'], { cwd: root, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
