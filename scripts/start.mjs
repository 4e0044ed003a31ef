#!/usr/bin/env node
// `npm start`: everything a fresh machine needs to serve the portal, in one command. Creates and
// migrates the embedded database (demo data on first run), builds, and serves the production build.
// Without a SESSION_SECRET it makes a strong one for this installation and keeps it in
// data/session-secret, so sessions survive restarts; set SESSION_SECRET to manage it yourself. The
// same for TOTP_ENCRYPTION_KEY (data/totp-encryption-key), which encrypts two-step keys.
// Without APP_ORIGIN it serves http://localhost:<PORT>, and without SMTP_URL it writes email to files.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SERVER_NODE_FLAGS } from './server-flags.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

function installationSecret(name, what) {
  const file = path.join(root, 'data', name)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  process.stdout.write(`Made ${what} for this installation in ${path.relative(root, file)}.\n`)
  return secret
}

// The demo data's two-step keys are encrypted with the key the server will use.
const totpEncryptionKey =
  process.env.TOTP_ENCRYPTION_KEY || installationSecret('totp-encryption-key', 'a two-step key encryption key')
execFileSync('node', [path.join(root, 'scripts/prepare-database.mjs')], {
  cwd: root,
  env: { ...process.env, TOTP_ENCRYPTION_KEY: totpEncryptionKey },
  stdio: 'inherit',
})
execFileSync(bin('remix'), ['vite:build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })

const env = { ...process.env, NODE_ENV: 'production', TOTP_ENCRYPTION_KEY: totpEncryptionKey }
env.SESSION_SECRET ||= installationSecret('session-secret', 'a session secret')
// The quick start serves this machine: links in emails point here, and without a mail server
// every message is written to data/mail (readable at /admin/mail). A real installation sets
// APP_ORIGIN and SMTP_URL itself.
env.APP_ORIGIN ||= `http://localhost:${env.PORT || 3000}`
if (!env.SMTP_URL) env.MAIL_TO_FILES ||= 'true'

const server = spawn('node', [...SERVER_NODE_FLAGS, path.join(root, 'server.js')], { cwd: root, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
