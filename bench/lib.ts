// Shared pieces of the benchmark scripts: a production portal on its own database, signing in over
// HTTP, timing requests, and reading a process's memory. Everything stays on this machine.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, mkdirSync, rmSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import path from 'node:path'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'

export const ROOT = path.resolve(import.meta.dirname, '..')
export const OUT = path.join(ROOT, 'bench', '.out')
export const DEMO_PASSWORD = 'Quality-Portal-2026'

export type Portal = {
  url: string
  process: ChildProcess
  databaseUrl: string
  uploadDir: string
  stop: () => Promise<void>
}

/** Builds (unless asked not to), prepares a fresh demo database and starts the production server. */
export async function startPortal(options: {
  name: string
  port: number
  env?: Record<string, string>
  build?: boolean
  databaseFile?: string
}): Promise<Portal> {
  const dir = path.join(OUT, options.name)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'uploads'), { recursive: true })
  const databaseUrl = `file:${options.databaseFile ?? path.join(dir, 'portal.db')}`
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    PORT: String(options.port),
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    APP_ORIGIN: `http://localhost:${options.port}`,
    MAIL_TO_FILES: 'true',
    // The benchmark's generated admins sign in with a password only: it measures the portal's
    // pages, not two-step verification.
    TWO_STEP_REQUIRED_ROLES: '',
    ...options.env,
  }
  if (options.build !== false)
    execFileSync(path.join(ROOT, 'node_modules/.bin/remix'), ['vite:build'], { cwd: ROOT, stdio: 'ignore' })
  if (!options.databaseFile) execFileSync('node', ['scripts/prepare-database.mjs'], { cwd: ROOT, env, stdio: 'ignore' })
  const child = spawn('node', [...SERVER_NODE_FLAGS, 'server.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = `http://localhost:${options.port}`
  await waitFor(`${url}/healthcheck`)
  return {
    url,
    process: child,
    databaseUrl,
    uploadDir: env.UPLOAD_DIR,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`)
}

/** Signs in over HTTP like a browser and returns the Cookie header to send. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  })
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lks_session='))
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed with ${response.status}`)
  return cookie.split(';')[0]!
}

export type Timing = { samples: number; medianMs: number; p95Ms: number; minMs: number }

/** Times `count` sequential requests after `warmup` unmeasured ones. */
export async function timeRequests(
  request: () => Promise<Response>,
  count: number,
  warmup = 20,
): Promise<Timing & { bytes: number }> {
  let bytes = 0
  for (let i = 0; i < warmup; i++) await (await request()).arrayBuffer()
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint()
    const response = await request()
    const body = await response.arrayBuffer()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
    if (!response.ok) throw new Error(`Request failed with ${response.status}`)
    bytes = body.byteLength
  }
  return { ...summarise(times), bytes }
}

export function summarise(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2
  return { samples: sorted.length, medianMs: round(median), p95Ms: round(at(0.95)), minMs: round(sorted[0]!) }
}

export const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return round(kb / 1024, 1)
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GiB memory, Node ${process.version}`
}
