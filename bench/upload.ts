// Upload benchmark (issue 3, "Performance"): a 200 MB file through the real new-evidence route of
// the production server, against a minimal node:http server that streams the request body to disk,
// measured in the same run on the same machine. Reports throughput for both, the ratio, and how
// much the portal's resident memory grows over its idle baseline while it receives the file.
//
// Usage (after `npm run build`):
//   npx tsx bench/upload.ts [--size-mb 200] [--runs 3] [--keep]
//
// Everything lives in bench/.out/upload/: a fresh demo database (scripts/prepare-database.mjs), the
// upload folder and the generated file. It is removed at the end unless --keep is given.
// Targets: memory growth under 50 MB; portal throughput at least half the minimal server's.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes, randomFillSync } from 'node:crypto'
import { once } from 'node:events'
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import http from 'node:http'
import { cpus } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createClient } from '@libsql/client'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT = path.join(ROOT, 'bench', '.out', 'upload')
const PORTAL_PORT = 3311
const MINIMAL_PORT = 3312
const DEMO_PASSWORD = 'Quality-Portal-2026'
const SERVICE = 'Ribble Valley Library and Knowledge Service'
const MB = 1024 * 1024

const { values: args } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
})
const SIZE_BYTES = Number(args['size-mb']) * MB
const RUNS = Number(args.runs)

function log(line: string) {
  process.stderr.write(`${line}\n`)
}

// The minimal comparison: stream the request body to a file, answer 204. Nothing else.
const MINIMAL_SERVER = `
import http from 'node:http'
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import path from 'node:path'
let count = 0
http.createServer(async (req, res) => {
  await pipeline(req, createWriteStream(path.join(process.env.DIR, 'upload-' + ++count)))
  res.writeHead(204).end()
}).listen(Number(process.env.PORT))
`

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
}

/** Resident memory of a process in bytes, from /proc. */
function rssBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024
}

/** Samples a process's RSS every 50 ms until stopped; returns the samples. */
function sampleRss(pid: number): () => number[] {
  const samples: number[] = [rssBytes(pid)]
  const timer = setInterval(() => samples.push(rssBytes(pid)), 50)
  return () => {
    clearInterval(timer)
    samples.push(rssBytes(pid))
    return samples
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * A valid PDF of the given size: one page, and an embedded-file stream of random bytes to bring it
 * up to size. A comment near the start carries a run number, rewritten before each upload so each
 * run is a new file to the library (it refuses a file it already holds).
 */
const RUN_MARK = '%run-000000\n'
function writeLargePdf(file: string, size: number): number {
  const header = `%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n${RUN_MARK}`
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>\nendobj\n',
  ]
  const text = 'BT /F1 18 Tf 72 770 Td (Upload benchmark) Tj ET'
  objects.push(`4 0 obj\n<< /Length ${text.length} >>\nstream\n${text}\nendstream\nendobj\n`)
  const trailerFor = (offsets: number[], xrefAt: number) =>
    `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  const latin1 = (s: string) => Buffer.from(s, 'latin1')
  const head = latin1(header + objects.join(''))
  const padOpen = (length: number) => latin1(`5 0 obj\n<< /Type /EmbeddedFile /Length ${length} >>\nstream\n`)
  const padClose = latin1('\nendstream\nendobj\n')
  const offsets: number[] = []
  let at = latin1(header).length
  for (const object of objects) {
    offsets.push(at)
    at += latin1(object).length
  }
  offsets.push(head.length) // object 5, the padding, follows the others
  // Size the padding so the whole file is exactly `size` bytes (the trailer's length depends on offsets).
  let padding = size - head.length - padOpen(0).length - padClose.length - 200
  for (let i = 0; i < 3; i++) {
    const xrefAt = head.length + padOpen(padding).length + padding + padClose.length
    padding += size - (xrefAt + latin1(trailerFor(offsets, xrefAt)).length)
  }
  const out = openSync(file, 'w')
  writeSync(out, head)
  writeSync(out, padOpen(padding))
  const chunk = Buffer.alloc(MB)
  for (let left = padding; left > 0; left -= chunk.length)
    writeSync(out, randomFillSync(chunk), 0, Math.min(chunk.length, left))
  writeSync(out, padClose)
  const xrefAt = head.length + padOpen(padding).length + padding + padClose.length
  writeSync(out, latin1(trailerFor(offsets, xrefAt)))
  closeSync(out)
  return Buffer.byteLength(header, 'latin1') - RUN_MARK.length
}

function markRun(file: string, markOffset: number, run: number) {
  const out = openSync(file, 'r+')
  writeSync(out, Buffer.from(`%run-${String(run).padStart(6, '0')}\n`, 'latin1'), 0, RUN_MARK.length, markOffset)
  closeSync(out)
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { highWaterMark: MB })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

type Sent = { ms: number; status: number; location: string | null }

/** Streams a request body (parts before the file, the file, parts after) and times it to the last byte of the answer. */
async function send(
  url: string,
  headers: Record<string, string>,
  before: Buffer,
  file: string,
  after: Buffer,
  fileSize: number,
): Promise<Sent> {
  const started = process.hrtime.bigint()
  const request = http.request(url, {
    method: 'POST',
    headers: { ...headers, 'Content-Length': String(before.length + fileSize + after.length) },
  })
  const answered = new Promise<Sent>((resolve, reject) => {
    request.on('error', reject)
    request.on('response', (response) => {
      response.resume()
      response.on('end', () =>
        resolve({
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          status: response.statusCode ?? 0,
          location: response.headers.location ?? null,
        }),
      )
    })
  })
  request.write(before)
  for await (const chunk of createReadStream(file, { highWaterMark: MB })) {
    if (!request.write(chunk)) await once(request, 'drain')
  }
  request.end(after)
  return answered
}

function multipart(
  boundary: string,
  fields: Record<string, string>,
  fileName: string,
): { before: Buffer; after: Buffer } {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`
  return {
    before: Buffer.from(parts.join('') + fileHead),
    after: Buffer.from(
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="url"\r\n\r\n\r\n--${boundary}--\r\n`,
    ),
  }
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'lead@demo.nhs.uk', password: DEMO_PASSWORD }),
  })
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lks_session='))
  if (response.status !== 302 || !cookie) throw new Error(`Signing in failed with ${response.status}`)
  return cookie.split(';')[0]!
}

const mbPerSecond = (bytes: number, ms: number) => bytes / MB / (ms / 1000)
const fmt = (value: number, digits = 1) => value.toFixed(digits)

async function main() {
  if (!existsSync(path.join(ROOT, 'build', 'server', 'index.js')))
    throw new Error('No production build: run `npm run build` first.')
  rmSync(OUT, { recursive: true, force: true })
  const uploadDir = path.join(OUT, 'uploads')
  const minimalDir = path.join(OUT, 'minimal')
  mkdirSync(uploadDir, { recursive: true })
  mkdirSync(minimalDir, { recursive: true })
  const databaseFile = path.join(OUT, 'portal.db')
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    PORT: String(PORTAL_PORT),
    DATABASE_URL: `file:${databaseFile}`,
    UPLOAD_DIR: uploadDir,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    APP_ORIGIN: `http://localhost:${PORTAL_PORT}`,
    MAIL_TO_FILES: 'true',
    MAX_UPLOAD_MB: '250',
  }
  log('Preparing a fresh demo database…')
  execFileSync('node', ['scripts/prepare-database.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })

  const portal = spawn('node', ['server.js'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const minimal = spawn(process.execPath, ['--input-type=module', '-e', MINIMAL_SERVER], {
    env: { ...process.env, PORT: String(MINIMAL_PORT), DIR: minimalDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    const base = `http://localhost:${PORTAL_PORT}`
    await Promise.all([waitFor(`${base}/healthcheck`), waitFor(`http://localhost:${MINIMAL_PORT}/`)])
    const cookie = await signIn(base)
    const client = createClient({ url: `file:${databaseFile}` })
    const serviceId = String(
      (await client.execute({ sql: 'SELECT id FROM LibraryService WHERE name = ?', args: [SERVICE] })).rows[0]?.[0],
    )
    const newItemUrl = `${base}/services/${serviceId}/evidence/new`

    log(`Writing a ${args['size-mb']} MB PDF…`)
    const file = path.join(OUT, 'large.pdf')
    const markOffset = writeLargePdf(file, SIZE_BYTES)

    // Warm up: load the route's modules, then measure the idle baseline for a second.
    await (await fetch(newItemUrl, { headers: { Cookie: cookie } })).text()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const stopIdle = sampleRss(portal.pid!)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const idleRss = median(stopIdle())

    // Runs alternate between the two servers, so neither gains from going first (disk cache, writeback).
    const portalRuns: Array<Sent & { peakRss: number }> = []
    const minimalRuns: Sent[] = []
    for (let run = 1; run <= RUNS; run++) {
      markRun(file, markOffset, run)
      const expectedSha = await sha256Of(file)
      const boundary = `----lks-bench-${randomBytes(8).toString('hex')}`
      const { before, after } = multipart(
        boundary,
        {
          title: `Upload benchmark run ${run}`,
          description: '',
          'evidenceDateFrom.day': '1',
          'evidenceDateFrom.month': '4',
          'evidenceDateFrom.year': '2025',
          'evidenceDateTo.day': '',
          'evidenceDateTo.month': '',
          'evidenceDateTo.year': '',
        },
        `benchmark-${run}.pdf`,
      )
      const stopSampling = sampleRss(portal.pid!)
      const sent = await send(
        newItemUrl,
        { Cookie: cookie, Origin: base, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
        before,
        file,
        after,
        SIZE_BYTES,
      )
      const peakRss = Math.max(...stopSampling())
      if (sent.status !== 302 || !sent.location?.startsWith('/evidence/'))
        throw new Error(`Portal run ${run} answered ${sent.status} (${sent.location ?? 'no redirect'})`)
      const stored = await client.execute({
        sql: 'SELECT sha256, sizeBytes, storageKey FROM EvidenceFileVersion WHERE originalName = ?',
        args: [`benchmark-${run}.pdf`],
      })
      const storedFile = path.join(uploadDir, String(stored.rows[0]?.[2]))
      if (
        stored.rows[0]?.[0] !== expectedSha ||
        Number(stored.rows[0]?.[1]) !== SIZE_BYTES ||
        (await sha256Of(storedFile)) !== expectedSha
      ) {
        throw new Error(`Portal run ${run} stored a different file`)
      }
      portalRuns.push({ ...sent, peakRss })
      log(`portal run ${run}: ${fmt(mbPerSecond(SIZE_BYTES, sent.ms))} MB/s, peak RSS ${fmt(peakRss / MB)} MB`)

      const plain = await send(
        `http://localhost:${MINIMAL_PORT}/`,
        { 'Content-Type': 'application/pdf' },
        Buffer.alloc(0),
        file,
        Buffer.alloc(0),
        SIZE_BYTES,
      )
      if (plain.status !== 204) throw new Error(`Minimal server run ${run} answered ${plain.status}`)
      minimalRuns.push(plain)
      log(`minimal run ${run}: ${fmt(mbPerSecond(SIZE_BYTES, plain.ms))} MB/s`)
      // Both copies go before the next pair, so unwritten pages of one run do not slow the next.
      rmSync(storedFile)
      rmSync(path.join(minimalDir, `upload-${run}`))
    }
    client.close()

    const portalRates = portalRuns.map((r) => mbPerSecond(SIZE_BYTES, r.ms))
    const minimalRates = minimalRuns.map((r) => mbPerSecond(SIZE_BYTES, r.ms))
    const ratio = median(portalRates) / median(minimalRates)
    const peak = Math.max(...portalRuns.map((r) => r.peakRss))
    const growth = peak - idleRss
    const memoryOk = growth < 50 * MB
    const throughputOk = ratio >= 0.5

    const freeLines = execFileSync('free', ['-g'], { encoding: 'utf8' }).trimEnd().split('\n')
    const lines = [
      `## Upload benchmark: ${args['size-mb']} MB PDF, ${RUNS} runs each`,
      '',
      `| Target | ${portalRuns.map((_, i) => `Run ${i + 1} (MB/s)`).join(' | ')} | Median (MB/s) |`,
      `|---|${portalRuns.map(() => '---:').join('|')}|---:|`,
      `| Portal, new-evidence route (stream, SHA-256, type check, store, database) | ${portalRates.map((r) => fmt(r)).join(' | ')} | ${fmt(median(portalRates))} |`,
      `| Minimal node:http stream to disk | ${minimalRates.map((r) => fmt(r)).join(' | ')} | ${fmt(median(minimalRates))} |`,
      '',
      '| Measure | Value | Target | Met |',
      '|---|---:|---:|:---:|',
      `| Portal throughput / minimal server | ${fmt(ratio * 100, 0)}% | at least 50% | ${throughputOk ? 'yes' : 'no'} |`,
      `| Portal RSS, idle baseline | ${fmt(idleRss / MB)} MB | | |`,
      `| Portal RSS, peak during uploads | ${fmt(peak / MB)} MB | | |`,
      `| Portal RSS growth | ${fmt(growth / MB)} MB | under 50 MB | ${memoryOk ? 'yes' : 'no'} |`,
      '',
      `Machine: ${cpus().length} CPUs (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}.`,
      '',
      '```',
      ...freeLines,
      '```',
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
    if (!memoryOk || !throughputOk) process.exitCode = 1
  } finally {
    await Promise.all([stop(portal), stop(minimal)])
    if (!args.keep) rmSync(OUT, { recursive: true, force: true })
  }
}

await main()
