// PDF reports benchmark (issues 5 and 17). Targets:
//   (a) a reviewer pack for 6 outcomes with 3,000-word narratives and 60 evidence items renders in
//       under 300 ms median;
//   (a2) the same with 5,000-word narratives, each with a pasted Word list, emoji, symbols and
//       Welsh, Polish, Hebrew and Arabic names (so the fallback fonts and lists are in the work),
//       under 400 ms median (issue 17); beside the floor: a one-paragraph PDF from the same writer;
//   (b) a ZIP of 50 outcome reports keeps the server's memory growth under 100 MB.
//
// Usage: npm run bench:reports [-- --runs 30 --warmup 5 --port 3320 --slow-ms 50 --skip-build --profile --heap --only render,e2e,zip --json FILE --keep]
//
// 1. Render only: the renderers called in this process on the fixture data of
//    tests/fixtures/reports.ts (the reviewer pack of target (a), and an outcome report for context).
// 2. End to end: a fresh demo database (scripts/prepare-database.mjs) in which the Thameside
//    submission (in validation) gets six 3,000-word narratives (the fixture's prose), 60 evidence
//    items made by the evidence module with real stored PDF files, linked through the submission
//    module, a pen portrait, and the primary validator's grades for every outcome; then the
//    production server (`npm run build` output, `node server.js`) on its own port, signed in as
//    that validator, answers sequential GETs of /submissions/:id/reviewer-pack.pdf. The loader and
//    the render of the same data are also timed in this process, so the overhead is visible.
// 3. ZIP memory: a second database from bench/generate.ts (closed cycles, every submission
//    published with agreed results), cut to exactly 50 published submissions in one region for
//    one cycle; the region's lead downloads /cycles/:cycleId/regions/:regionId/outcome-reports.zip
//    while this process samples the server's VmRSS from /proc every 20 ms (and resets and reads
//    the kernel's exact peak, VmHWM), once reading as fast as it can and once pausing after every
//    chunk. The ZIPs are opened with yauzl and every entry checked.
//
// Everything is written under bench/.out/reports/ (ignored by git) and removed at the end unless
// --keep is given. The server runs from a copy of ./build taken at the start, so a rebuild by
// someone else during the run does not disturb it. --skip-build copies the existing ./build
// instead of running `remix vite:build` first (which rewrites ./build, under any server using it).
// --profile adds a CPU profile of the reviewer pack render, summarised by package and function.
// --heap preloads a sampler into the ZIP server (node --require, no change to the app) that logs
// process.memoryUsage() every 20 ms, to show which part of the memory grows during the downloads.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { once } from 'node:events'
import {
  copyFileSync,
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import http from 'node:http'
import { Session } from 'node:inspector'
import { cpus, loadavg, totalmem } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'
import yauzl from 'yauzl'
import { PrismaClient } from '../app/generated/prisma/client'
import { renderOutcomeReport } from '../app/modules/reports/pdf/outcome-report.server'
import { renderReviewerPack } from '../app/modules/reports/pdf/reviewer-pack.server'
import { ReportWriter } from '../app/modules/reports/pdf/writer.server'
import { makePdf } from '../tests/fixtures/files'
import { LONG_URL, outcomeReportFixture, prose, READER, reviewerPackFixture } from '../tests/fixtures/reports'
import { generate } from './generate'
import { DEMO_PASSWORD, ROOT, signIn, waitFor } from './lib'

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
    port: { type: 'string', default: '3320' },
    'slow-ms': { type: 'string', default: '50' },
    organisations: { type: 'string', default: '420' },
    'skip-build': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    heap: { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
})
const RUNS = Number(args.runs)
const WARMUP = Number(args.warmup)
const PORT = Number(args.port)
const SLOW_MS = Number(args['slow-ms'])
const ORGANISATIONS = Number(args.organisations)
const STEPS = ['render', 'e2e', 'zip'] as const
const ONLY = args.only ? args.only.split(',') : [...STEPS]
if (ONLY.some((step) => !(STEPS as readonly string[]).includes(step)))
  throw new Error(`--only takes a comma-separated list of ${STEPS.join(', ')}`)
if (!Number.isInteger(RUNS) || RUNS < 20) throw new Error('--runs must be a whole number of 20 or more')
if (!Number.isInteger(WARMUP) || WARMUP < 1) throw new Error('--warmup must be a whole number of 1 or more')
if (!Number.isInteger(PORT) || PORT === 3210)
  throw new Error('--port must be a port number other than 3210 (the browser tests use it)')

const TARGET_RENDER_MS = 300
const TARGET_RENDER_5000_MS = 400
const TARGET_ZIP_GROWTH_MB = 100
const ZIP_REPORTS = 50
const OUT = path.join(ROOT, 'bench', '.out', 'reports')
const MB = 1024 * 1024
const benchStarted = performance.now()

function log(line: string) {
  process.stderr.write(`[${((performance.now() - benchStarted) / 1000).toFixed(1)} s] ${line}\n`)
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

type Stats = { runs: number; medianMs: number; p90Ms: number; minMs: number; maxMs: number }

const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places

function stats(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b)
  const n = sorted.length
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2
  const p90 = sorted[Math.ceil(0.9 * n) - 1]! // nearest rank
  return { runs: n, medianMs: round(median), p90Ms: round(p90), minMs: round(sorted[0]!), maxMs: round(sorted[n - 1]!) }
}

/**
 * Runs `work` WARMUP times unmeasured, then RUNS times measured, one after another: wall-clock time,
 * and the CPU time this process used meanwhile (all its threads), which other work on the machine
 * moves much less.
 */
async function timeRuns<T>(work: () => Promise<T>): Promise<{ stats: Stats; cpuMedianMs: number; last: T }> {
  for (let i = 0; i < WARMUP; i++) await work()
  const times: number[] = []
  const cpu: number[] = []
  let last: T | undefined
  for (let i = 0; i < RUNS; i++) {
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    last = await work()
    times.push(performance.now() - started)
    const used = process.cpuUsage(cpuBefore)
    cpu.push((used.user + used.system) / 1000)
  }
  return { stats: stats(times), cpuMedianMs: stats(cpu).medianMs, last: last! }
}

/** Pages in a PDF written by pdfkit (page dictionaries are never in compressed object streams). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
}

function procStatus(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return {
    rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
    hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
  }
}
const rssMb = (pid: number) => round(procStatus(pid).rssKb / 1024)

/** CPU time (user + system) a process has used, in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15 of stat)
  return (ticks * 1000) / 100 // USER_HZ is 100 on Linux
}

/** Bytes waiting in the kernel's buffers on the connections to and from `port`: sent by the server, not yet read by the client. */
function kernelQueuedBytes(port: number): number {
  let queued = 0
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const [, local, remote, state, queues] = line.trim().split(/\s+/)
      if (state !== '01' || !local || !remote || !queues) continue // 01: established
      const [tx, rx] = queues.split(':').map((hex) => parseInt(hex, 16))
      if (parseInt(local.split(':').at(-1)!, 16) === port) queued += tx ?? 0 // the server's send queue
      if (parseInt(remote.split(':').at(-1)!, 16) === port) queued += rx ?? 0 // the client's receive queue
    }
  }
  return queued
}

/**
 * Samples the server's resident memory and CPU time, and how much of the response it has written
 * (read by the client plus waiting in the kernel's socket buffers), every 20 ms until stopped. The
 * kernel's peak (VmHWM) is reset first, so the exact peak is known even between samples.
 */
function sampleServer(pid: number, port: number, received: () => number) {
  let hwmReset = true
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    hwmReset = false // older kernel or no permission: only the samples count
  }
  const started = performance.now()
  const cpuAtStart = cpuMs(pid)
  const samples: Array<{ ms: number; rssKb: number; cpuMs: number; received: number; queued: number }> = []
  const take = () => {
    const queued = kernelQueuedBytes(port)
    samples.push({
      ms: performance.now() - started,
      rssKb: procStatus(pid).rssKb,
      cpuMs: cpuMs(pid) - cpuAtStart,
      received: received(),
      queued,
    })
  }
  take()
  const timer = setInterval(take, 20)
  return (bodyBytes: number) => {
    clearInterval(timer)
    take()
    const sampledPeakKb = Math.max(...samples.map((s) => s.rssKb))
    const peakKb = hwmReset ? Math.max(sampledPeakKb, procStatus(pid).hwmKb) : sampledPeakKb
    // When the server had written (nearly) the whole ZIP, so had rendered every report: what the
    // client had read plus what sat in the socket buffers (which also hold the chunk framing).
    const wroteAllMs = samples.find((s) => s.received + s.queued >= 0.99 * bodyBytes)?.ms ?? samples.at(-1)!.ms
    const every = Math.max(1, Math.ceil(samples.length / 200))
    const series = samples
      .filter((_, i) => i % every === 0)
      .map((s) => [Math.round(s.ms), round(s.rssKb / 1024), Math.round(s.cpuMs), s.received, s.queued])
    return {
      samples: samples.length,
      sampledPeakMb: round(sampledPeakKb / 1024),
      peakMb: round(peakKb / 1024),
      hwmReset,
      serverCpuMs: Math.round(samples.at(-1)!.cpuMs),
      wroteAllMs: Math.round(wroteAllMs),
      peakQueuedMb: round(Math.max(...samples.map((s) => s.queued)) / MB, 2),
      series,
    }
  }
}

/** A CPU profile of `work`, summarised: self time by package and by function. */
async function profile(work: () => Promise<unknown>) {
  const session = new Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    )
  await post('Profiler.enable')
  await post('Profiler.setSamplingInterval', { interval: 200 })
  await post('Profiler.start')
  await work()
  const { profile: p } = (await post('Profiler.stop')) as {
    profile: {
      nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
      samples: number[]
      timeDeltas: number[]
    }
  }
  session.disconnect()
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]))
  const selfUs = new Map<number, number>()
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i + 1] ?? 0)))
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0)
  const packageOf = (url: string) => {
    if (!url) return '(V8: GC, native, idle)'
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
    if (nm) return nm[1]!
    if (url.startsWith('node:')) return 'node internals'
    if (url.includes('/app/')) return 'app (report code)'
    return 'other'
  }
  const byPackage = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!
    const pkg = packageOf(frame.url)
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us)
    const name =
      `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.replace(/^.*node_modules\//, '').replace(`file://${ROOT}/`, '')}:${frame.lineNumber + 1}` : ''}`.trim()
    byFunction.set(name, (byFunction.get(name) ?? 0) + us)
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, share: round((100 * us) / total) }))
  return { byPackage: top(byPackage, 8), byFunction: top(byFunction, 15) }
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

type Server = { url: string; child: ChildProcess; pid: number; stop: () => Promise<void> }

function serverEnv(name: string): NodeJS.ProcessEnv {
  const dir = path.join(OUT, name)
  mkdirSync(path.join(dir, 'uploads'), { recursive: true })
  return {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    DATABASE_URL: `file:${path.join(dir, 'portal.db')}`,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    MAIL_DIR: path.join(dir, 'mail'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    APP_ORIGIN: `http://localhost:${PORT}`,
    MAIL_TO_FILES: 'true',
  }
}

// Preloaded into the server with --heap: one line of process.memoryUsage() every 20 ms.
const MEMORY_SAMPLER = `const fs = require('node:fs')
const fd = fs.openSync(process.env.BENCH_MEMORY_LOG, 'w')
setInterval(() => {
  const m = process.memoryUsage()
  fs.writeSync(fd, Date.now() + ' ' + m.rss + ' ' + m.heapTotal + ' ' + m.heapUsed + ' ' + m.external + ' ' + m.arrayBuffers + '\\n')
}, 20).unref()
`

function withMemorySampler(env: NodeJS.ProcessEnv, name: string): NodeJS.ProcessEnv {
  const preload = path.join(OUT, 'memory-sampler.cjs')
  writeFileSync(preload, MEMORY_SAMPLER)
  return {
    ...env,
    NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
    BENCH_MEMORY_LOG: path.join(OUT, `${name}-memory.log`),
  }
}

type MemoryPart = 'rss' | 'heapTotal' | 'heapUsed' | 'external' | 'arrayBuffers'
const MEMORY_PARTS: MemoryPart[] = ['rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers']

/** From the sampler's log: each part of memory at the start of a time window and its peak within it. */
function memoryBreakdown(log: string, from: number, to: number) {
  const rows = readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(' ').map(Number))
    .filter((r) => r[0]! >= from - 100 && r[0]! <= to)
  if (rows.length === 0) return null
  return Object.fromEntries(
    MEMORY_PARTS.map((part, i) => {
      const values = rows.map((r) => r[i + 1]! / MB)
      return [part, { start: round(values[0]!), peak: round(Math.max(...values)) }]
    }),
  ) as Record<MemoryPart, { start: number; peak: number }>
}

/**
 * A private copy of ./build and server.js (node_modules linked), so that a rebuild of ./build by
 * anyone else during the run cannot pull files from under the server being measured.
 */
let serverDir: string | undefined
async function copyOfServer(): Promise<string> {
  if (serverDir) return serverDir
  const waitedFrom = Date.now()
  // Someone else may be building: Vite empties ./build first and writes the server bundle last.
  while (!existsSync(path.join(ROOT, 'build/server/index.js')) || !existsSync(path.join(ROOT, 'build/client/assets'))) {
    if (Date.now() - waitedFrom > 120_000)
      throw new Error('No complete build in ./build: run `npm run build`, or leave out --skip-build')
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  const dir = path.join(OUT, 'server')
  mkdirSync(dir, { recursive: true })
  cpSync(path.join(ROOT, 'build'), path.join(dir, 'build'), { recursive: true })
  for (const file of ['server.js', 'package.json']) copyFileSync(path.join(ROOT, file), path.join(dir, file))
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  serverDir = dir
  return dir
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn('node', [...SERVER_NODE_FLAGS, 'server.js'], {
    cwd: await copyOfServer(),
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const url = `http://localhost:${PORT}`
  const exited = once(child, 'exit')
  await Promise.race([
    waitFor(`${url}/healthcheck`),
    exited.then(() => Promise.reject(new Error(`The server stopped at start (is port ${PORT} in use?)`))),
  ])
  return {
    url,
    child,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** GET with node:http, written to `file`; with `slowMs`, the reader pauses that long after every chunk. */
function download(
  url: string,
  cookie: string,
  file: string,
  slowMs = 0,
  progress = { bytes: 0 },
): Promise<{ status: number; bytes: number; chunks: number; ms: number; firstByteMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const request = http.get(url, { headers: { Cookie: cookie } }, (response) => {
      const out = createWriteStream(file)
      let bytes = 0
      let chunks = 0
      let firstByteMs = 0
      response.on('data', (chunk: Buffer) => {
        if (chunks === 0) firstByteMs = performance.now() - started
        bytes += chunk.length
        progress.bytes = bytes
        chunks++
        const flushed = out.write(chunk)
        if (slowMs > 0) {
          response.pause()
          setTimeout(() => response.resume(), slowMs)
        } else if (!flushed) {
          response.pause()
          out.once('drain', () => response.resume())
        }
      })
      response.on('error', reject)
      response.on('end', () =>
        out.end(() =>
          resolve({ status: response.statusCode ?? 0, bytes, chunks, ms: performance.now() - started, firstByteMs }),
        ),
      )
    })
    request.on('error', reject)
  })
}

/** Opens a ZIP with yauzl and checks every entry is a whole PDF. */
async function checkZip(
  file: string,
): Promise<{ entries: number; pdfs: number; names: number; uncompressedMb: number }> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true })
  let entries = 0
  let pdfs = 0
  let uncompressed = 0
  const names = new Set<string>()
  for await (const entry of zip.eachEntry()) {
    entries++
    names.add(entry.fileName)
    uncompressed += entry.uncompressedSize
    const chunks: Buffer[] = []
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('latin1')
    if (text.startsWith('%PDF-') && text.trimEnd().endsWith('%%EOF')) pdfs++
  }
  zip.close()
  return { entries, pdfs, names: names.size, uncompressedMb: round(uncompressed / MB, 2) }
}

// ---------------------------------------------------------------------------------------------
// 1. Render only
// ---------------------------------------------------------------------------------------------

async function renderOnly() {
  const pack = reviewerPackFixture({ words: 3000, evidencePerOutcome: 10, withValidation: true })
  const evidence = pack.outcomes.reduce((n, o) => n + o.evidence.length, 0)
  const words = pack.outcomes.reduce((n, o) => n + o.narrative.split(/\s+/).length, 0)
  log(
    `Render only: reviewer pack fixture (${pack.outcomes.length} outcomes, ${words} words, ${evidence} evidence items), ${WARMUP} warm-up + ${RUNS} runs`,
  )
  const packRuns = await timeRuns(() => renderReviewerPack(pack, READER))
  // Issue 17: 5,000 words an outcome, with the characters that need the fallback fonts and a Word list.
  const pack5000 = reviewerPackFixture({ words: 5000, evidencePerOutcome: 10, withValidation: true })
  for (const outcome of pack5000.outcomes) {
    outcome.narrative = [
      'Led by Siân ap Rhŷs, Łukasz Żółkiewski, שרה כהן and فاطمة الزهراء 📚 ✅ → ≥ ★.',
      '•\tLiterature searches for the Board\n•\tCurrent awareness bulletins\no\tFor the emergency department',
      outcome.narrative,
    ].join('\n\n')
  }
  const words5000 = pack5000.outcomes.reduce((n, o) => n + o.narrative.split(/\s+/).length, 0)
  log(`Render only: reviewer pack with ${words5000} words, fallback fonts and lists, ${WARMUP} warm-up + ${RUNS} runs`)
  const pack5000Runs = await timeRuns(() => renderReviewerPack(pack5000, READER))
  log('Render only: the floor, a one-paragraph PDF from the same writer')
  const floorRuns = await timeRuns(() => {
    const writer = new ReportWriter({ title: 'Floor', subject: 'Floor', runningHeader: 'Floor', reader: READER })
    writer.paragraph('One paragraph.')
    return writer.finish()
  })
  const report = outcomeReportFixture({ previous: true })
  log('Render only: outcome report fixture')
  const reportRuns = await timeRuns(() => renderOutcomeReport(report, READER))
  const profiled = args.profile
    ? await profile(async () => {
        for (let i = 0; i < 10; i++) await renderReviewerPack(pack, READER)
      })
    : null
  return {
    reviewerPack: {
      ...packRuns.stats,
      cpuMedianMs: packRuns.cpuMedianMs,
      bytes: packRuns.last.length,
      pages: pageCount(packRuns.last),
      outcomes: pack.outcomes.length,
      words,
      evidence,
    },
    reviewerPack5000: {
      ...pack5000Runs.stats,
      cpuMedianMs: pack5000Runs.cpuMedianMs,
      bytes: pack5000Runs.last.length,
      pages: pageCount(pack5000Runs.last),
      words: words5000,
    },
    floor: { ...floorRuns.stats, cpuMedianMs: floorRuns.cpuMedianMs },
    outcomeReport: {
      ...reportRuns.stats,
      cpuMedianMs: reportRuns.cpuMedianMs,
      bytes: reportRuns.last.length,
      pages: pageCount(reportRuns.last),
    },
    profile: profiled,
  }
}

// ---------------------------------------------------------------------------------------------
// 2. End to end: the reviewer pack through the production server
// ---------------------------------------------------------------------------------------------

const THAMESIDE = 'LKS-2627-RTH' // in validation; Łukasz Nowak is its primary validator
const SERVICE_LEAD = 'mark.lewis@demo.nhs.uk'
const VALIDATOR = 'validator@demo.nhs.uk'

async function endToEnd() {
  const env = serverEnv('pack')
  log('End to end: fresh demo database (migrate and seed)')
  execFileSync('node', ['scripts/prepare-database.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })

  // The app's own modules, on this database and upload folder (they read the environment once, on import).
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATABASE_URL: env.DATABASE_URL,
    UPLOAD_DIR: env.UPLOAD_DIR,
    SESSION_SECRET: env.SESSION_SECRET,
    TOTP_ENCRYPTION_KEY: env.TOTP_ENCRYPTION_KEY,
  })
  const { prisma } = await import('~/utils/db.server')
  const { isRole } = await import('~/modules/auth/roles')
  const { createEvidenceItem } = await import('~/modules/evidence/evidence.server')
  const { newTempPath } = await import('~/modules/evidence/storage.server')
  const { loadSubmissionContext } = await import('~/modules/submissions/access.server')
  const { getOutcomePage, linkEvidence } = await import('~/modules/submissions/outcome.server')
  const { savePenPortrait } = await import('~/modules/submissions/pen-portrait.server')
  const { getReviewOutcome, saveValidation } = await import('~/modules/validation/workspace.server')
  const { getReviewerPack } = await import('~/modules/reports/reviewer-pack.server')

  const actorFor = async (email: string) => {
    const user = await prisma.user.findUniqueOrThrow({
      where: { email },
      select: {
        id: true,
        name: true,
        roles: { select: { role: true, libraryServiceId: true, organisationId: true, regionId: true } },
      },
    })
    return {
      id: user.id,
      name: user.name,
      grants: user.roles.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : [])),
    }
  }
  const lead = await actorFor(SERVICE_LEAD)
  const validator = await actorFor(VALIDATOR)
  const submission = await prisma.submission.findUniqueOrThrow({
    where: { reference: THAMESIDE },
    select: { id: true, status: true },
  })

  // The service's side is written while the submission is still with the service, as it would
  // have been before it was submitted; then it goes back into validation.
  log('End to end: narratives, 60 evidence items with stored files, links and pen portrait')
  await prisma.submission.update({ where: { id: submission.id }, data: { status: 'IN_PROGRESS' } })
  const context = await loadSubmissionContext(lead, submission.id, 'submission:edit')
  const itemIds: string[] = []
  for (let number = 1; number <= 6; number++) {
    // 3,000 words of the fixture's prose, written directly: about 25,000 characters, above the
    // outcome form's 20,000-character limit, so the form would refuse it (see docs/benchmarks.md).
    await prisma.outcomeResponse.updateMany({
      where: { submissionId: submission.id, outcome: { number } },
      data: {
        narrative: prose(3000, number),
        selfGradeReason:
          number === 1
            ? 'The indicators undersell the reach of our outreach librarians, described in the narrative.'
            : '',
      },
    })
    await prisma.indicatorResponse.updateMany({
      where: { outcomeResponse: { submissionId: submission.id }, indicator: { outcome: { number }, position: 1 } },
      data: { note: `Note on outcome ${number}: see the annual report, section 2.` },
    })
    const page = await getOutcomePage(context, number)
    const indicator = page.indicators.find((i) => i.code === `${number}.1.1`) ?? page.indicators[0]!
    for (let i = 0; i < 10; i++) {
      const files = []
      if (i > 0) {
        const tempPath = await newTempPath()
        await makePdf(tempPath, [
          `Evidence ${number}.${i + 1}: usage statistics and feedback`,
          `Reference ${randomUUID()}`,
          ...prose(400, number * 100 + i).split('\n\n'),
        ])
        const bytes = readFileSync(tempPath)
        files.push({
          originalName: `usage-statistics-${number}-${i}.pdf`,
          tempPath,
          sizeBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          mimeType: 'application/pdf',
        })
      }
      const created = await createEvidenceItem({
        actor: lead,
        libraryServiceId: context.libraryServiceId,
        details: {
          title: `Evidence ${number}.${i + 1}: ${i === 0 ? 'Adroddiad blynyddol Ysbyty Gwynedd (annual report)' : 'Usage statistics and feedback'}`,
          description: 'Benchmark evidence',
          evidenceDateFrom: new Date('2025-04-01T00:00:00Z'),
          evidenceDateTo: i % 2 ? new Date('2026-03-31T00:00:00Z') : null,
        },
        url: i === 0 ? LONG_URL : null,
        files,
        ipAddress: '',
      })
      if (!created.ok) throw new Error(`Evidence refused: ${created.messages.join(' ')}`)
      itemIds.push(created.itemId)
      const linked = await linkEvidence({
        actor: lead,
        context,
        number,
        evidenceItemId: created.itemId,
        target: i % 2 ? indicator.id : 'outcome',
        pointer: i % 3 === 0 ? `page ${i + 4}` : '',
        ipAddress: '',
      })
      if (!linked.ok) throw new Error(`Link refused: ${linked.message}`)
    }
  }
  const served = await prisma.serviceOrganisation.findMany({
    where: { libraryServiceId: context.libraryServiceId, servesTo: null },
    select: { organisationId: true },
  })
  const portrait = await savePenPortrait({
    actor: lead,
    context,
    ipAddress: '',
    form: {
      version: 0,
      organisations: served.map((o, i) => ({
        organisationId: o.organisationId,
        staffHeadcount: 5400 - 1000 * i,
        staffWte: 4800.5 - 900 * i,
      })),
      staffPosts: [
        { title: 'Head of Library and Knowledge Services', wte: 1, qualified: 'yes' },
        { title: 'Clinical librarian', wte: 2.6, qualified: 'yes' },
        { title: 'Library assistant', wte: 3, qualified: 'no' },
      ],
      budgetPounds: 412_000,
      strategyEvidenceId: itemIds[1],
      annualReportEvidenceId: itemIds[0],
      slaEvidenceIds: [itemIds[2]!],
      contextNotes: 'Two sites, one shared catalogue.',
    },
  })
  if (!portrait.ok) throw new Error(`Pen portrait refused: ${JSON.stringify(portrait)}`)
  await prisma.submission.update({ where: { id: submission.id }, data: { status: submission.status } })

  // The primary validator's grades, rationale, notes and level 1-2 judgements on every outcome.
  log('End to end: the primary validator grades all six outcomes')
  const assignment = await prisma.validatorAssignment.findFirstOrThrow({
    where: { submissionId: submission.id, validatorId: validator.id },
    select: { id: true },
  })
  for (let number = 1; number <= 6; number++) {
    const review = await getReviewOutcome(validator, assignment.id, number)
    const level = ((number % 4) + 1) as 1 | 2 | 3 | 4
    const saved = await saveValidation({
      actor: validator,
      assignmentId: assignment.id,
      number,
      ipAddress: '',
      form: {
        version: review.validation.version,
        level,
        subLevel: 'LOW',
        rationale:
          'Evidence supports the level; the sub-level is lower because reach outside the acute site is not shown.',
        notes: 'Private note for the moderation meeting.',
        judgements: review.indicators.filter((i) => i.level <= 2).map((i) => ({ id: i.id, status: 'MET' as const })),
      },
    })
    if (!saved.ok) throw new Error(`Validation refused: ${JSON.stringify(saved)}`)
  }

  // What the pack holds, read as the validator would.
  const base = `http://localhost:${PORT}`
  const pack = await getReviewerPack(validator, submission.id, base)
  const shape = {
    outcomes: pack.outcomes.length,
    words: pack.outcomes.reduce((n, o) => n + o.narrative.split(/\s+/).length, 0),
    evidence: pack.outcomes.reduce((n, o) => n + o.evidence.length, 0),
    files: pack.outcomes.reduce((n, o) => n + o.evidence.reduce((m, e) => m + e.files.length, 0), 0),
    validations: pack.outcomes.reduce((n, o) => n + o.validations.length, 0),
  }
  if (shape.outcomes !== 6 || shape.evidence !== 60 || shape.words !== 18_000)
    throw new Error(`The pack is not the one of the target: ${JSON.stringify(shape)}`)

  log(`End to end: production server on port ${PORT}`)
  const server = await startServer(env)
  try {
    const cookie = await signIn(server.url, VALIDATOR)
    const url = `${server.url}/submissions/${submission.id}/reviewer-pack.pdf`
    const idleRssMb = rssMb(server.pid)
    const getPack = async () => {
      const response = await fetch(url, { headers: { Cookie: cookie } })
      const body = Buffer.from(await response.arrayBuffer())
      if (
        response.status !== 200 ||
        response.headers.get('content-type') !== 'application/pdf' ||
        !body.subarray(0, 5).equals(Buffer.from('%PDF-'))
      ) {
        throw new Error(`Reviewer pack download failed: ${response.status} ${response.headers.get('content-type')}`)
      }
      return body
    }
    const reader = { name: validator.name, generatedAt: new Date() }
    // Interleaved, one of each per round, so the three see the same machine: the GET through the
    // server, and in this process the loader alone and the render of the same data.
    log(`End to end: ${WARMUP} warm-up + ${RUNS} rounds of a GET of the reviewer pack, the loader and the render`)
    const times = { http: [] as number[], loader: [] as number[], render: [] as number[] }
    let body: Buffer = Buffer.alloc(0)
    let rendered: Buffer = Buffer.alloc(0)
    for (let round = 0; round < WARMUP + RUNS; round++) {
      const measured = round >= WARMUP
      let started = performance.now()
      body = await getPack()
      if (measured) times.http.push(performance.now() - started)
      started = performance.now()
      await getReviewerPack(validator, submission.id, base)
      if (measured) times.loader.push(performance.now() - started)
      started = performance.now()
      rendered = await renderReviewerPack(pack, reader)
      if (measured) times.render.push(performance.now() - started)
    }
    const overHttp = { stats: stats(times.http), last: body }
    const loader = { stats: stats(times.loader) }
    const render = { stats: stats(times.render), last: rendered }
    return {
      shape,
      loader: loader.stats,
      render: { ...render.stats, bytes: render.last.length, pages: pageCount(render.last) },
      http: { ...overHttp.stats, bytes: overHttp.last.length, pages: pageCount(overHttp.last) },
      serverRssMb: { idle: idleRssMb, after: rssMb(server.pid) },
    }
  } finally {
    await server.stop()
    await prisma.$disconnect()
  }
}

// ---------------------------------------------------------------------------------------------
// 3. ZIP of 50 outcome reports: the server's memory
// ---------------------------------------------------------------------------------------------

async function zipMemory() {
  const env = serverEnv('zip')
  const file = env.DATABASE_URL!.slice('file:'.length)
  log(`ZIP: generating ${ORGANISATIONS} organisations x 3 cycles with bench/generate.ts`)
  await generate({ organisations: ORGANISATIONS, cycles: 3, databaseFile: file, seed: 1, force: true })

  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: env.DATABASE_URL! }) })
  let server: Server | undefined
  try {
    // The middle cycle: closed, every submission published, and a previous cycle to compare with.
    const cycle = await prisma.cycle.findFirstOrThrow({
      where: { status: 'CLOSED' },
      orderBy: { opensAt: 'desc' },
      select: { id: true, name: true },
    })
    const perRegion = await prisma.submission.groupBy({
      by: ['regionId'],
      where: { cycleId: cycle.id, status: 'PUBLISHED' },
      _count: { _all: true },
    })
    const busiest = perRegion.sort((a, b) => b._count._all - a._count._all)[0]
    if (!busiest || busiest._count._all < ZIP_REPORTS)
      throw new Error(`No region has ${ZIP_REPORTS} published submissions: raise --organisations`)
    const region = await prisma.region.findUniqueOrThrow({
      where: { id: busiest.regionId },
      select: { id: true, code: true, name: true },
    })
    // Exactly 50 in the ZIP: the first 50 by organisation name (the ZIP's order) stay published.
    const published = await prisma.submission.findMany({
      where: { cycleId: cycle.id, regionId: region.id, status: 'PUBLISHED' },
      orderBy: { organisation: { name: 'asc' } },
      select: { id: true },
    })
    const extra = published.slice(ZIP_REPORTS).map((s) => s.id)
    if (extra.length)
      await prisma.submission.updateMany({ where: { id: { in: extra } }, data: { status: 'IN_VALIDATION' } })
    const agreed = await prisma.agreedResult.count({
      where: { submission: { cycleId: cycle.id, regionId: region.id, status: 'PUBLISHED' } },
    })
    if (agreed !== ZIP_REPORTS * 6) throw new Error(`Expected ${ZIP_REPORTS * 6} agreed results, found ${agreed}`)
    const { hashPassword } = await import('~/modules/auth/password.server')
    const leadEmail = `bench.${region.code.toLowerCase()}@bench.nhs.uk` // the region's lead in generated data
    await prisma.user.update({ where: { email: leadEmail }, data: { passwordHash: await hashPassword(DEMO_PASSWORD) } })
    await prisma.$disconnect()

    log(`ZIP: production server on port ${PORT}, ${region.name}, cycle ${cycle.name}`)
    const serverEnvironment = args.heap ? withMemorySampler(env, 'zip') : env
    server = await startServer(serverEnvironment)
    const cookie = await signIn(server.url, leadEmail)
    const zipUrl = `${server.url}/cycles/${cycle.id}/regions/${region.id}/outcome-reports.zip`
    const settle = () => new Promise((r) => setTimeout(r, 1000))
    await (await fetch(`${server.url}/`, { headers: { Cookie: cookie } })).arrayBuffer()
    await settle()
    const idleMb = rssMb(server.pid)

    // Warm-up: three single outcome reports through the same loader and renderer.
    for (const { id } of published.slice(0, 3)) {
      const response = await fetch(`${server.url}/submissions/${id}/outcome-report.pdf`, {
        headers: { Cookie: cookie },
      })
      await response.arrayBuffer()
      if (response.status !== 200) throw new Error(`Outcome report warm-up failed: ${response.status}`)
    }
    await settle()

    const runs = []
    for (const [name, slowMs] of [
      ['As fast as the reader can', 0],
      [`Slow reader (${SLOW_MS} ms pause after each chunk)`, SLOW_MS],
    ] as const) {
      const beforeMb = rssMb(server.pid)
      log(`ZIP: ${name}`)
      const progress = { bytes: 0 }
      const stop = sampleServer(server.pid, PORT, () => progress.bytes)
      const from = Date.now()
      const zipFile = path.join(OUT, `outcome-reports-${slowMs}.zip`)
      const got = await download(zipUrl, cookie, zipFile, slowMs, progress)
      const memory = stop(got.bytes)
      const breakdown = serverEnvironment.BENCH_MEMORY_LOG
        ? memoryBreakdown(serverEnvironment.BENCH_MEMORY_LOG, from, Date.now())
        : null
      if (got.status !== 200) throw new Error(`ZIP download failed with ${got.status}`)
      const zip = await checkZip(zipFile)
      if (zip.entries !== ZIP_REPORTS || zip.pdfs !== ZIP_REPORTS || zip.names !== ZIP_REPORTS)
        throw new Error(`The ZIP should hold ${ZIP_REPORTS} distinct PDFs: ${JSON.stringify(zip)}`)
      runs.push({
        name,
        slowMs,
        beforeMb,
        ...memory,
        growthMb: round(memory.peakMb - beforeMb),
        afterMb: rssMb(server.pid),
        zipMb: round(got.bytes / MB, 2),
        chunks: got.chunks,
        seconds: round(got.ms / 1000, 2),
        firstByteMs: Math.round(got.firstByteMs),
        ...zip,
        breakdown,
      })
      await settle()
    }
    return { region: region.name, cycle: cycle.name, idleMb, warmedMb: runs[0]!.beforeMb, runs }
  } finally {
    await server?.stop()
    await prisma.$disconnect()
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function machine() {
  const os =
    /PRETTY_NAME="([^"]+)"/.exec(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')?.[1] ??
    process.platform
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 1024 ** 3),
    os,
    node: process.version,
  }
}

function gitState() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'app', 'server.js', 'package.json'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim()
    return { commit, uncommittedAppChanges: changed ? changed.split('\n').length : 0 }
  } catch {
    return { commit: 'unknown', uncommittedAppChanges: 0 }
  }
}

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 })

async function main() {
  const started = new Date()
  const loadBefore = round(loadavg()[0]!, 2)
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  try {
    if (!args['skip-build']) {
      log('Building the production server (remix vite:build)')
      execFileSync(path.join(ROOT, 'node_modules/.bin/remix'), ['vite:build'], { cwd: ROOT, stdio: 'ignore' })
    }
    if (ONLY.includes('e2e') || ONLY.includes('zip')) await copyOfServer()
    const render = ONLY.includes('render') ? await renderOnly() : null
    const e2e = ONLY.includes('e2e') ? await endToEnd() : null
    const zip = ONLY.includes('zip') ? await zipMemory() : null
    const seconds = round((performance.now() - benchStarted) / 1000)
    const result = {
      date: started.toISOString(),
      machine: machine(),
      git: gitState(),
      load: { before: loadBefore, after: round(loadavg()[0]!, 2) },
      runs: RUNS,
      warmup: WARMUP,
      render,
      e2e,
      zip,
      seconds,
    }

    const m = result.machine
    const lines = [
      `PDF reports (issue 5): ${WARMUP} warm-up runs, then ${RUNS} timed runs of each`,
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}, Node ${m.node}`,
      `Date: ${result.date}; commit ${result.git.commit}${result.git.uncommittedAppChanges ? ` with ${result.git.uncommittedAppChanges} uncommitted changes under app/` : ''}; load average ${result.load.before} before, ${result.load.after} after`,
    ]
    const targets: string[] = []
    if (render) {
      const pack = render.reviewerPack
      lines.push(
        '',
        '1. Render only (renderer called in this process, fixture data)',
        '',
        '| Document | Median (ms) | p90 (ms) | Fastest (ms) | Slowest (ms) | CPU time, median (ms) | Pages | Bytes |',
        '|---|---:|---:|---:|---:|---:|---:|---:|',
        `| Reviewer pack: ${pack.outcomes} outcomes, ${fmt(pack.words)} words, ${pack.evidence} evidence items | ${pack.medianMs} | ${pack.p90Ms} | ${pack.minMs} | ${pack.maxMs} | ${pack.cpuMedianMs} | ${pack.pages} | ${fmt(pack.bytes)} |`,
        `| Reviewer pack: 6 outcomes, ${fmt(render.reviewerPack5000.words)} words with lists, emoji, symbols, Hebrew and Arabic | ${render.reviewerPack5000.medianMs} | ${render.reviewerPack5000.p90Ms} | ${render.reviewerPack5000.minMs} | ${render.reviewerPack5000.maxMs} | ${render.reviewerPack5000.cpuMedianMs} | ${render.reviewerPack5000.pages} | ${fmt(render.reviewerPack5000.bytes)} |`,
        `| Floor: a one-paragraph PDF from the same writer | ${render.floor.medianMs} | ${render.floor.p90Ms} | ${render.floor.minMs} | ${render.floor.maxMs} | ${render.floor.cpuMedianMs} | 1 | |`,
        `| Outcome report (for context) | ${render.outcomeReport.medianMs} | ${render.outcomeReport.p90Ms} | ${render.outcomeReport.minMs} | ${render.outcomeReport.maxMs} | ${render.outcomeReport.cpuMedianMs} | ${render.outcomeReport.pages} | ${fmt(render.outcomeReport.bytes)} |`,
      )
      targets.push(
        `(a2) reviewer pack of 6 x 5,000 words render, median under ${TARGET_RENDER_5000_MS} ms: ${render.reviewerPack5000.medianMs} ms (floor ${render.floor.medianMs} ms). ${render.reviewerPack5000.medianMs < TARGET_RENDER_5000_MS ? 'Met' : 'NOT MET'}.`,
      )
      targets.push(
        `(a) reviewer pack render, median under ${TARGET_RENDER_MS} ms: ${pack.medianMs} ms. ${pack.medianMs < TARGET_RENDER_MS ? 'Met' : 'NOT MET'}.${e2e ? ` (End to end over HTTP: ${e2e.http.medianMs} ms, ${e2e.http.medianMs < TARGET_RENDER_MS ? 'also under' : 'over'} ${TARGET_RENDER_MS} ms.)` : ''}`,
      )
    }
    if (e2e) {
      lines.push(
        '',
        `2. Reviewer pack end to end (production server, signed in as the primary validator; ${e2e.shape.outcomes} outcomes, ${fmt(e2e.shape.words)} words, ${e2e.shape.evidence} evidence items with ${e2e.shape.files} stored files, ${e2e.shape.validations} validations; the three measures interleaved)`,
        '',
        '| Measure | Median (ms) | p90 (ms) | Fastest (ms) | Slowest (ms) |',
        '|---|---:|---:|---:|---:|',
        `| GET /submissions/:id/reviewer-pack.pdf (${e2e.http.pages} pages, ${fmt(e2e.http.bytes)} bytes) | ${e2e.http.medianMs} | ${e2e.http.p90Ms} | ${e2e.http.minMs} | ${e2e.http.maxMs} |`,
        `| Loader only (getReviewerPack, in this process) | ${e2e.loader.medianMs} | ${e2e.loader.p90Ms} | ${e2e.loader.minMs} | ${e2e.loader.maxMs} |`,
        `| Render only, the same data from the database (in this process) | ${e2e.render.medianMs} | ${e2e.render.p90Ms} | ${e2e.render.minMs} | ${e2e.render.maxMs} |`,
        ...(render
          ? [
              `| Render only, fixture (step 1) | ${render.reviewerPack.medianMs} | ${render.reviewerPack.p90Ms} | ${render.reviewerPack.minMs} | ${render.reviewerPack.maxMs} |`,
            ]
          : []),
        '',
        `Loader + HTTP overhead over the render of the same data: ${round(e2e.http.medianMs - e2e.render.medianMs)} ms at the median. Server memory ${e2e.serverRssMb.idle} MB idle, ${e2e.serverRssMb.after} MB after the runs.`,
      )
    }
    if (zip) {
      const worstGrowth = Math.max(...zip.runs.map((r) => r.growthMb))
      lines.push(
        '',
        `3. ZIP of ${ZIP_REPORTS} outcome reports (${zip.region}, ${zip.cycle}), server memory (VmRSS; peak includes the kernel's VmHWM)`,
        '',
        '| Download | Entries (PDFs) | ZIP (MB) | Time (s) | First byte (ms) | RSS before (MB) | Peak (MB) | Growth (MB) | Server wrote it all by (s) | Most in socket buffers (MB) |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        ...zip.runs.map(
          (r) =>
            `| ${r.name} | ${r.entries} (${r.pdfs}) | ${r.zipMb} | ${r.seconds} | ${r.firstByteMs} | ${r.beforeMb} | ${r.peakMb} | ${r.growthMb} | ${round(r.wroteAllMs / 1000, 2)} | ${r.peakQueuedMb} |`,
        ),
        '',
        `Server RSS idle after sign-in ${zip.idleMb} MB, after warm-up (3 outcome reports) ${zip.warmedMb} MB. The reader got ${zip.runs.map((r) => `${r.chunks} chunks (${fmt(Math.round((r.zipMb * MB) / r.chunks))} bytes on average)`).join(' and ')}. "Server wrote it all by": when what the reader had read plus what waited in the kernel's socket buffers (from /proc/net/tcp) first reached 99% of the ZIP, i.e. when the server had rendered every report; RSS after each download (1 s later): ${zip.runs.map((r) => `${r.afterMb} MB`).join(', ')}.`,
      )
      if (zip.runs.some((r) => r.breakdown)) {
        lines.push(
          '',
          'Server memory by part during each download, from process.memoryUsage() (--heap): start -> peak, MB',
          '',
          `| Download | ${MEMORY_PARTS.join(' | ')} |`,
          `|---|${MEMORY_PARTS.map(() => '---:').join('|')}|`,
          ...zip.runs.map(
            (r) =>
              `| ${r.name} | ${MEMORY_PARTS.map((part) => (r.breakdown ? `${r.breakdown[part].start} -> ${r.breakdown[part].peak}` : '')).join(' | ')} |`,
          ),
        )
      }
      targets.push(
        `(b) ZIP of ${ZIP_REPORTS} outcome reports, server memory growth under ${TARGET_ZIP_GROWTH_MB} MB: largest growth ${worstGrowth} MB. ${worstGrowth < TARGET_ZIP_GROWTH_MB ? 'Met' : 'NOT MET'}.`,
      )
    }
    if (targets.length) lines.push('', 'Targets', ...targets)
    if (render?.profile) {
      lines.push(
        '',
        'CPU profile of 10 reviewer pack renders (self time)',
        '',
        '| Package | Share |',
        '|---|---:|',
        ...render.profile.byPackage.map((p) => `| ${p.name} | ${p.share}% |`),
      )
      lines.push(
        '',
        '| Function | Share |',
        '|---|---:|',
        ...render.profile.byFunction.map((f) => `| \`${f.name}\` | ${f.share}% |`),
      )
    }
    lines.push('', `Bench took ${seconds} s.`, '')
    process.stdout.write(lines.join('\n'))
    if (args.json) writeFileSync(args.json, `${JSON.stringify(result, null, 2)}\n`)
  } finally {
    if (!args.keep) rmSync(OUT, { recursive: true, force: true })
  }
}

await main()
