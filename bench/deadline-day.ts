// Deadline-day benchmark (issue 13): hundreds of library services at once, through the real routes
// of the production server, beside a bare node:http floor measured in the same run.
//
// Usage (it builds the portal first unless --no-build):
//   npm run bench:deadline-day                          # a short run (90 s of the deadline-day mix)
//   npm run bench:deadline-day -- --duration 600        # the 10-minute run of the targets
//   npm run bench:deadline-day -- --step                # 50, 100, 200, 400, 800 users: where p95 passes 1 s
//   npm run bench:deadline-day -- --burst --kills 5     # plus the burst, and five kill -9 during the mix
//   npm run bench:deadline-day -- --skip-mix --workers 1 --cpu-prof /tmp/prof   # CPU profile of the pages
//
// What it does, in bench/.out/deadline-day/ (removed at the start of each run):
// 1. Generates a database (bench/generate.ts) with enough organisations for --services library
//    services that each have a submission in progress, and adds --users people to them (a service
//    lead, then contributors) with passwords hashed by the app's own hashPassword.
// 2. Starts the production server (`node server.js`, --workers processes) and a bare node:http
//    server that answers every request with a page of the task list's size.
// 3. Signs every person in through POST /sign-in (reports sign-ins per second).
// 4. Throughput: --concurrency connections without pauses for --throughput seconds each on the
//    task list, the outcome page and the floor.
// 5. The deadline-day mix: --users people, each with a pause of --think-ms (0.5 to 1.5 times) between
//    requests, for --duration seconds: task list, outcome page, autosave (as the page's script
//    sends it), save (the no-JavaScript form with its version, then the page it redirects to),
//    upload of a 1 to 5 MB PDF to the evidence library, and linking that evidence to the outcome.
//    Each person edits outcomes no one else edits, so a conflict (409) is an error here.
//    --kills N sends kill -9 to a server process N times during the mix.
// 6. --burst: 300 simultaneous task-list requests, then 50 parallel 20 MB uploads.
// 7. --step: the mix for --step-duration seconds at each of --steps users.
// 8. Stops the server and checks: every acknowledged save and autosave is the outcome's narrative
//    (or a later one sent without an answer), every acknowledged upload is in the database with
//    its SHA-256 and its file on disk with that SHA-256, every acknowledged link exists, every file
//    row has its file and every stored file its row, no partial upload is left, and
//    PRAGMA integrity_check says ok.
// It prints a Markdown report with every figure beside its target, and writes it (and JSON) to
// bench/.out/deadline-day/. Only 127.0.0.1 is ever contacted. Exit code 1 if an integrity check fails.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes, randomFillSync } from 'node:crypto'
import { once } from 'node:events'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { loadavg } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createClient } from '@libsql/client'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { decode } from 'turbo-stream'
import { PrismaClient } from '../app/generated/prisma/client'
import { hashPassword } from '../app/modules/auth/password.server'
import { generate } from './generate'
import { machine, ROOT } from './lib'
import { SERVER_NODE_FLAGS } from '../scripts/server-flags.mjs'

const { values: args } = parseArgs({
  options: {
    services: { type: 'string', default: '200' },
    users: { type: 'string', default: '400' },
    'think-ms': { type: 'string', default: '5000' },
    duration: { type: 'string', default: '90' },
    concurrency: { type: 'string', default: '10' },
    throughput: { type: 'string', default: '15' },
    step: { type: 'boolean', default: false },
    steps: { type: 'string', default: '50,100,200,400,800' },
    'step-duration': { type: 'string', default: '60' },
    burst: { type: 'boolean', default: false },
    kills: { type: 'string', default: '0' },
    workers: { type: 'string' },
    port: { type: 'string', default: '4131' },
    'floor-port': { type: 'string', default: '4132' },
    'no-build': { type: 'boolean', default: false },
    'skip-mix': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
})

const OUT = path.join(ROOT, 'bench', '.out', 'deadline-day')
const PASSWORD = 'Deadline-Day-Benchmark-2026'
const MB = 1024 * 1024
const REQUEST_TIMEOUT_MS = 30_000
const SERVICES = Number(args.services)
const USERS = Number(args.users)
const THINK_MS = Number(args['think-ms'])
const STEPS = args.steps.split(',').map(Number)
const PORT = Number(args.port)
const FLOOR_PORT = Number(args['floor-port'])
const BASE = `http://127.0.0.1:${PORT}`
const FLOOR = `http://127.0.0.1:${FLOOR_PORT}`
const ORIGIN = BASE

const log = (line: string) => process.stderr.write(`${line}\n`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits })
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')

// ---------------------------------------------------------------------------------------------
// HTTP: node:http with keep-alive (cheaper per request than fetch, so the client steals less CPU
// from the server it measures on the same machine).

const agent = new http.Agent({ keepAlive: true, maxSockets: 2000 })

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number }
type Failure = { error: string; ms: number }

function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string; timeoutMs?: number } = {},
): Promise<Answer | Failure> {
  const started = performance.now()
  return new Promise((resolve) => {
    const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body
    const request = http.request(url, {
      method: options.method ?? 'GET',
      // A large body goes on a new connection: a browser would not send 20 MB down a keep-alive
      // connection the server may be closing, and node:http would report that as EPIPE.
      agent: body && body.length > 256 * 1024 ? false : agent,
      headers: { ...options.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) },
    })
    let settled = false
    const finish = (result: Answer | Failure) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    const timer = setTimeout(() => {
      finish({ error: 'timeout (30 s)', ms: performance.now() - started })
      request.destroy()
    }, options.timeoutMs ?? REQUEST_TIMEOUT_MS)
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ error: error.code ?? error.message, ms: performance.now() - started }),
    )
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', (error: NodeJS.ErrnoException) =>
        finish({ error: error.code ?? error.message, ms: performance.now() - started }),
      )
      response.on('end', () =>
        finish({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      )
    })
    request.end(body)
  })
}

const isAnswer = (r: Answer | Failure): r is Answer => 'status' in r

// ---------------------------------------------------------------------------------------------
// Measurements

type Kind = 'sign-in' | 'task list' | 'outcome page' | 'autosave' | 'save' | 'upload' | 'link evidence' | 'floor'

class Recorder {
  readonly times = new Map<Kind, number[]>()
  readonly errors = new Map<Kind, Map<string, number>>()
  started = performance.now()
  stopped: number | null = null

  record(kind: Kind, ms: number, error?: string) {
    if (error) {
      const byKind = this.errors.get(kind) ?? new Map<string, number>()
      byKind.set(error, (byKind.get(error) ?? 0) + 1)
      this.errors.set(kind, byKind)
    }
    const list = this.times.get(kind) ?? []
    list.push(ms)
    this.times.set(kind, list)
  }

  stop() {
    this.stopped ??= performance.now()
  }

  seconds() {
    return ((this.stopped ?? performance.now()) - this.started) / 1000
  }

  summary(kind: Kind) {
    const times = [...(this.times.get(kind) ?? [])].sort((a, b) => a - b)
    const at = (q: number) => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))]! : NaN)
    const errors = [...(this.errors.get(kind) ?? new Map<string, number>()).entries()]
    return {
      count: times.length,
      errors: errors.reduce((sum, [, n]) => sum + n, 0),
      errorKinds: errors.map(([what, n]) => `${n} × ${what}`).join(', '),
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      perSecond: times.length / this.seconds(),
    }
  }

  totals() {
    let count = 0
    let errors = 0
    for (const kind of this.times.keys()) {
      const s = this.summary(kind)
      count += s.count
      errors += s.errors
    }
    return { count, errors, perSecond: count / this.seconds() }
  }

  table(kinds: Kind[] = [...this.times.keys()]): string[] {
    const rows = [
      '| Request | Count | Errors | p50 (ms) | p95 (ms) | p99 (ms) | Per second |',
      '|---|---:|---:|---:|---:|---:|---:|',
    ]
    for (const kind of kinds) {
      const s = this.summary(kind)
      if (!s.count) continue
      rows.push(
        `| ${kind} | ${fmt(s.count)} | ${s.errors}${s.errors ? ` (${s.errorKinds})` : ''} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.perSecond, 1)} |`,
      )
    }
    return rows
  }
}

/** Resident memory of the server: its process and every process it started (the workers). */
function serverRssMb(pid: number): number {
  const pids = [pid]
  for (let i = 0; i < pids.length; i++) {
    try {
      const children = readFileSync(`/proc/${pids[i]}/task/${pids[i]}/children`, 'utf8').trim()
      if (children) pids.push(...children.split(/\s+/).map(Number))
    } catch {
      // gone
    }
  }
  let kb = 0
  for (const p of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // gone
    }
  }
  return kb / 1024
}

function childPids(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    return children ? children.split(/\s+/).map(Number) : []
  } catch {
    return []
  }
}

// ---------------------------------------------------------------------------------------------
// The data set

type Person = {
  email: string
  serviceId: string
  submissionId: string
  /** The outcome numbers this person (and no one else) edits. */
  outcomes: number[]
  cookie: string
  /** Their own evidence items, uploaded during the run, to link. */
  items: string[]
}

async function prepareData(databaseFile: string, people: number): Promise<Person[]> {
  const organisations = Math.max(60, Math.ceil(SERVICES * 4.5))
  log(`Generating ${fmt(organisations)} organisations to find ${SERVICES} services with a submission in progress…`)
  await generate({ organisations, cycles: 1, databaseFile, force: true })
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${databaseFile}` }) })
  try {
    const submissions = await prisma.submission.findMany({
      where: { status: 'IN_PROGRESS', cycle: { status: 'OPEN' } },
      select: { id: true, libraryServiceId: true, _count: { select: { outcomeResponses: true } } },
      orderBy: { reference: 'asc' },
    })
    const byService = new Map<string, { id: string; outcomes: number }>()
    for (const s of submissions)
      if (!byService.has(s.libraryServiceId))
        byService.set(s.libraryServiceId, { id: s.id, outcomes: s._count.outcomeResponses })
    const services = [...byService.entries()].slice(0, SERVICES)
    if (services.length < SERVICES) throw new Error(`Only ${services.length} services have a submission in progress`)
    // The app's own hashing (argon2id at today's settings); one hash serves every account.
    const passwordHash = await hashPassword(PASSWORD)
    const list: Person[] = []
    for (let i = 0; i < people; i++) {
      const [serviceId, submission] = services[i % services.length]!
      list.push({
        email: `deadline.${String(i + 1).padStart(4, '0')}@bench.nhs.uk`,
        serviceId,
        submissionId: submission.id,
        outcomes: [],
        cookie: '',
        items: [],
      })
    }
    // Outcomes are shared out within each service so no two people edit the same one.
    for (const [serviceId, submission] of services) {
      const team = list.filter((p) => p.serviceId === serviceId)
      for (let n = 1; n <= submission.outcomes; n++) team[(n - 1) % team.length]?.outcomes.push(n)
    }
    for (let i = 0; i < list.length; i += 200) {
      await prisma.$transaction(async (tx) => {
        for (const person of list.slice(i, i + 200)) {
          const lead = list.findIndex((p) => p.serviceId === person.serviceId) === list.indexOf(person)
          await tx.user.create({
            data: {
              email: person.email,
              name: `Deadline ${person.email.slice(9, 13)}`,
              jobTitle: lead ? 'Head of Library and Knowledge Services' : 'Librarian',
              passwordHash,
              roles: {
                create: [{ role: lead ? 'SERVICE_LEAD' : 'SERVICE_CONTRIBUTOR', libraryServiceId: person.serviceId }],
              },
            },
            select: { id: true },
          })
        }
      })
    }
    log(`${list.length} people in ${services.length} services.`)
    return list
  } finally {
    await prisma.$disconnect()
  }
}

// ---------------------------------------------------------------------------------------------
// Servers

type Server = { child: ChildProcess; env: NodeJS.ProcessEnv }

async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const answer = await send(url, { timeoutMs: 2000 })
    if (isAnswer(answer) && answer.status === 200) return
    await sleep(200)
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

async function startPortal(env: NodeJS.ProcessEnv): Promise<Server> {
  // --cpu-prof DIR: every server process writes a V8 CPU profile there when it stops.
  const profile = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args['cpu-prof'])}`] : []
  const child = spawn('node', [...SERVER_NODE_FLAGS, ...profile, 'server.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const errorLog = path.join(OUT, 'server-stderr.log')
  child.stderr?.on('data', (chunk: Buffer) => writeFileSync(errorLog, chunk, { flag: 'a' }))
  await waitForHealth(`${BASE}/healthcheck`)
  return { child, env }
}

async function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const [code] = (await exited) as [number | null]
  return code
}

const FLOOR_SERVER = `
import http from 'node:http'
const body = Buffer.alloc(Number(process.env.BYTES), 'x')
http.createServer((req, res) => {
  req.resume()
  req.on('end', () => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length }).end(body))
}).listen(Number(process.env.PORT), '127.0.0.1')
`

// ---------------------------------------------------------------------------------------------
// Forms, as a browser fills them in

function formBody(fields: Array<[string, string]>): string {
  return new URLSearchParams(fields).toString()
}

const formHeaders = (cookie: string) => ({
  Cookie: cookie,
  Origin: ORIGIN,
  'Content-Type': 'application/x-www-form-urlencoded',
})

function pageVersion(html: string): number | null {
  const match = /name="version" value="(\d+)"/.exec(html)
  return match ? Number(match[1]) : null
}

/** The version an autosave answered with, from the single-fetch (turbo-stream) answer the page's script reads. */
async function autosavedVersion(body: Buffer): Promise<number | null> {
  try {
    const decoded = await decode(new Blob([new Uint8Array(body)]).stream())
    await decoded.done
    const find = (value: unknown): number | null => {
      if (!value || typeof value !== 'object') return null
      const record = value as Record<string, unknown>
      const autosave = record.autosave as { ok?: boolean; version?: number } | undefined
      if (autosave?.ok && typeof autosave.version === 'number') return autosave.version
      for (const child of Object.values(record)) {
        const found = find(child)
        if (found !== null) return found
      }
      return null
    }
    return find(decoded.value)
  } catch {
    return null
  }
}

function indicatorIds(html: string): string[] {
  return [...html.matchAll(/name="indicators\[(\d+)\]\.id" value="([^"]+)"/g)].map((m) => m[2]!)
}

/** A valid PDF of about `size` bytes whose padding is random, so every upload is a new file. */
function makePdf(size: number): Buffer {
  const text = 'BT /F1 18 Tf 72 770 Td (Deadline day evidence) Tj ET'
  const objects = [
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>\nendobj\n',
    `4 0 obj\n<< /Length ${text.length} >>\nstream\n${text}\nendstream\nendobj\n`,
  ]
  const header = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'
  const offsets: number[] = []
  let at = Buffer.byteLength(header, 'latin1')
  for (const object of objects) {
    offsets.push(at)
    at += Buffer.byteLength(object, 'latin1')
  }
  const padding = Math.max(0, size - at - 400)
  offsets.push(at)
  const padOpen = `5 0 obj\n<< /Type /EmbeddedFile /Length ${padding} >>\nstream\n`
  const padClose = '\nendstream\nendobj\n'
  const xrefAt = at + Buffer.byteLength(padOpen) + padding + Buffer.byteLength(padClose)
  const trailer = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return Buffer.concat([
    Buffer.from(header + objects.join('') + padOpen, 'latin1'),
    randomFillSync(Buffer.alloc(padding)),
    Buffer.from(padClose + trailer, 'latin1'),
  ])
}

function multipart(fields: Array<[string, string]>, file: { name: string; bytes: Buffer }) {
  const boundary = `----deadline-${randomBytes(8).toString('hex')}`
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  const body = Buffer.concat([
    Buffer.from(
      `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="url"\r\n\r\n\r\n--${boundary}--\r\n`),
  ])
  return { body, contentType: `multipart/form-data; boundary=${boundary}` }
}

// ---------------------------------------------------------------------------------------------
// What was acknowledged, for the check afterwards

type NarrativeWrite = { narrative: string; acknowledged: boolean }
const narrativeWrites = new Map<string, NarrativeWrite[]>() // `${submissionId} ${outcome}` in send order
const acknowledgedUploads: Array<{ itemId: string; sha256: string; sizeBytes: number }> = []
const acknowledgedLinks: Array<{ submissionId: string; outcome: number; itemId: string }> = []

function noteNarrative(person: Person, outcome: number, narrative: string): NarrativeWrite {
  const key = `${person.submissionId} ${outcome}`
  const write = { narrative, acknowledged: false }
  narrativeWrites.set(key, [...(narrativeWrites.get(key) ?? []), write])
  return write
}

function failureOf(answer: Answer | Failure, expected: number, check?: (a: Answer) => boolean): string | undefined {
  if (!isAnswer(answer)) return answer.error
  if (answer.status !== expected) return `HTTP ${answer.status}`
  if (check && !check(answer)) return 'unexpected answer'
  return undefined
}

// ---------------------------------------------------------------------------------------------
// One person's deadline day

async function timed(
  recorder: Recorder,
  kind: Kind,
  run: () => Promise<Answer | Failure>,
  expected: number,
  check?: (a: Answer) => boolean,
): Promise<Answer | null> {
  const answer = await run()
  const error = failureOf(answer, expected, check)
  recorder.record(kind, answer.ms, error)
  return error || !isAnswer(answer) ? null : answer
}

async function personLoop(person: Person, recorder: Recorder, until: number, thinkMs: number, uploadShare: number) {
  const think = () => sleep(thinkMs * (0.5 + Math.random()))
  const alive = () => performance.now() < until
  // Start at a random moment of the first pause, so people do not arrive in step.
  await sleep(Math.random() * thinkMs)
  let round = 0
  while (alive()) {
    round++
    const outcome = person.outcomes[round % Math.max(1, person.outcomes.length)] ?? 1
    const page = `${BASE}/submissions/${person.submissionId}/outcomes/${outcome}`
    await timed(
      recorder,
      'task list',
      () => send(`${BASE}/submissions/${person.submissionId}`, { headers: { Cookie: person.cookie } }),
      200,
    )
    if (!alive()) break
    await think()
    const opened = await timed(recorder, 'outcome page', () => send(page, { headers: { Cookie: person.cookie } }), 200)
    let version = opened ? pageVersion(opened.body.toString('utf8')) : null
    const indicators = opened ? indicatorIds(opened.body.toString('utf8')) : []
    if (version === null) {
      await think()
      continue
    }
    const narrative = (n: number) =>
      `Deadline day narrative by ${person.email}, round ${round}, draft ${n}. ${randomBytes(24).toString('hex')}\n\nThe service supports staff and learners across the trust.`
    for (let draft = 1; draft <= 2 && alive(); draft++) {
      await think()
      const text = narrative(draft)
      const write = noteNarrative(person, outcome, text)
      const saved = await timed(
        recorder,
        'autosave',
        () =>
          send(`${page}.data`, {
            method: 'POST',
            headers: formHeaders(person.cookie),
            body: formBody([
              ['intent', 'autosave'],
              ['version', String(version)],
              ['narrative', text],
            ]),
          }),
        200,
      )
      if (!saved) {
        version = null
        break
      }
      write.acknowledged = true
      version = await autosavedVersion(saved.body)
      if (version === null) break
    }
    if (version === null || !alive()) continue
    await think()
    const text = narrative(3)
    const write = noteNarrative(person, outcome, text)
    const saved = await timed(
      recorder,
      'save',
      () =>
        send(page, {
          method: 'POST',
          headers: formHeaders(person.cookie),
          body: formBody([
            ['version', String(version)],
            ...indicators.flatMap((id, i): Array<[string, string]> => [
              [`indicators[${i}].id`, id],
              [`indicators[${i}].status`, 'MET'],
              [`indicators[${i}].note`, ''],
            ]),
            ['narrative', text],
            ['keyStrengths', `Key strengths, round ${round}.`],
            ['selfGradeReason', ''],
            ['intent', 'save'],
          ]),
        }),
      302,
      (a) => String(a.headers.location ?? '').endsWith(`/outcomes/${outcome}`),
    )
    if (saved) {
      write.acknowledged = true
      // The browser follows the redirect.
      await timed(recorder, 'outcome page', () => send(page, { headers: { Cookie: person.cookie } }), 200)
    }
    if (Math.random() >= uploadShare || !alive()) continue

    await think()
    const bytes = makePdf(Math.round((1 + Math.random() * 4) * MB))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const form = multipart(
      [
        ['title', `Deadline evidence ${round} from ${person.email}`],
        ['description', 'Uploaded on deadline day.'],
        ['evidenceDateFrom.day', '1'],
        ['evidenceDateFrom.month', '4'],
        ['evidenceDateFrom.year', '2025'],
        ['evidenceDateTo.day', ''],
        ['evidenceDateTo.month', ''],
        ['evidenceDateTo.year', ''],
      ],
      { name: `evidence-${round}.pdf`, bytes },
    )
    const uploaded = await timed(
      recorder,
      'upload',
      () =>
        send(`${BASE}/services/${person.serviceId}/evidence/new`, {
          method: 'POST',
          headers: { Cookie: person.cookie, Origin: ORIGIN, 'Content-Type': form.contentType },
          body: form.body,
          timeoutMs: 60_000,
        }),
      302,
      (a) => /^\/evidence\/[^/]+$/.test(String(a.headers.location ?? '')),
    )
    if (!uploaded) continue
    const itemId = String(uploaded.headers.location).split('/').pop()!
    acknowledgedUploads.push({ itemId, sha256, sizeBytes: bytes.length })
    person.items.push(itemId)
    if (!alive()) break
    await think()
    const linked = await timed(
      recorder,
      'link evidence',
      () =>
        send(`${page}/evidence`, {
          method: 'POST',
          headers: formHeaders(person.cookie),
          body: formBody([
            ['evidenceItemId', itemId],
            ['target', 'outcome'],
            ['pointer', 'page 1'],
          ]),
        }),
      302,
    )
    if (linked) acknowledgedLinks.push({ submissionId: person.submissionId, outcome, itemId })
  }
}

async function signInAll(people: Person[], recorder: Recorder, concurrency = 20): Promise<void> {
  let next = 0
  async function lane() {
    while (next < people.length) {
      const person = people[next++]!
      const answer = await timed(
        recorder,
        'sign-in',
        () =>
          send(`${BASE}/sign-in`, {
            method: 'POST',
            headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: formBody([
              ['email', person.email],
              ['password', PASSWORD],
            ]),
          }),
        302,
      )
      const cookie = answer?.headers['set-cookie']?.find((c) => c.startsWith('lks_session='))
      if (cookie) person.cookie = cookie.split(';')[0]!
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  recorder.stop()
}

/** Requests without pauses from `concurrency` connections for `seconds`. */
async function closedLoop(
  kind: Kind,
  urls: Array<{ url: string; cookie?: string }>,
  concurrency: number,
  seconds: number,
) {
  const recorder = new Recorder()
  const until = performance.now() + seconds * 1000
  let next = 0
  async function lane() {
    while (performance.now() < until) {
      const target = urls[next++ % urls.length]!
      await timed(
        recorder,
        kind,
        () => send(target.url, { headers: target.cookie ? { Cookie: target.cookie } : {} }),
        200,
      )
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  recorder.stop()
  return recorder.summary(kind)
}

type MemorySample = { s: number; mb: number }

function sampleMemory(pid: () => number, every = 2000) {
  const samples: MemorySample[] = []
  const started = performance.now()
  const timer = setInterval(
    () => samples.push({ s: (performance.now() - started) / 1000, mb: serverRssMb(pid()) }),
    every,
  )
  return () => {
    clearInterval(timer)
    return samples
  }
}

/** MB per minute over the second half of the samples (least squares), after warm-up. */
function memorySlope(samples: MemorySample[]): number {
  const half = samples.slice(Math.floor(samples.length / 2))
  if (half.length < 3) return 0
  const mx = half.reduce((s, p) => s + p.s, 0) / half.length
  const my = half.reduce((s, p) => s + p.mb, 0) / half.length
  const num = half.reduce((s, p) => s + (p.s - mx) * (p.mb - my), 0)
  const den = half.reduce((s, p) => s + (p.s - mx) ** 2, 0)
  return den ? (num / den) * 60 : 0
}

// ---------------------------------------------------------------------------------------------

async function main() {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(path.join(OUT, 'uploads'), { recursive: true })
  const databaseFile = path.join(OUT, 'portal.db')
  const people = Math.max(USERS, args.step ? Math.max(...STEPS) : 0)
  const report: string[] = []
  const result: Record<string, unknown> = {}
  const loadAtStart = load()

  if (!args['no-build']) {
    log('Building the portal…')
    execFileSync(path.join(ROOT, 'node_modules/.bin/remix'), ['vite:build'], { cwd: ROOT, stdio: 'ignore' })
  }
  const everyone = await prepareData(databaseFile, people)

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    DATABASE_URL: `file:${databaseFile}`,
    UPLOAD_DIR: path.join(OUT, 'uploads'),
    MAIL_DIR: path.join(OUT, 'mail'),
    MAIL_TO_FILES: 'true',
    APP_ORIGIN: BASE,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    TOTP_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    ...(args.workers ? { WEB_CONCURRENCY: args.workers } : {}),
  }
  let server = await startPortal(env)
  const serverPid = () => server.child.pid!
  let floor: ChildProcess | null = null
  let failed = false
  try {
    // Sign-in
    log(`Signing in ${everyone.length} people…`)
    const signIns = new Recorder()
    await signInAll(everyone, signIns)
    const signedIn = everyone.filter((p) => p.cookie)
    if (signedIn.length < everyone.length) log(`${everyone.length - signedIn.length} sign-ins failed`)
    const signInSummary = signIns.summary('sign-in')
    result.signIn = signInSummary

    // The floor serves a body the size of the task list.
    const sample = await send(`${BASE}/submissions/${everyone[0]!.submissionId}`, {
      headers: { Cookie: everyone[0]!.cookie },
    })
    const pageBytes = isAnswer(sample) ? sample.body.length : 60_000
    floor = spawn(process.execPath, ['--input-type=module', '-e', FLOOR_SERVER], {
      env: { ...process.env, PORT: String(FLOOR_PORT), BYTES: String(pageBytes) },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    await waitForHealth(FLOOR)

    // Throughput without pauses
    const concurrency = Number(args.concurrency)
    const seconds = Number(args.throughput)
    log(`Throughput: ${concurrency} connections, ${seconds} s each…`)
    const taskListUrls = signedIn.map((p) => ({ url: `${BASE}/submissions/${p.submissionId}`, cookie: p.cookie }))
    const outcomeUrls = signedIn.map((p) => ({
      url: `${BASE}/submissions/${p.submissionId}/outcomes/${p.outcomes[0] ?? 1}`,
      cookie: p.cookie,
    }))
    for (const u of taskListUrls.slice(0, 20)) await send(u.url, { headers: { Cookie: u.cookie! } }) // warm-up
    const taskList = await closedLoop('task list', taskListUrls, concurrency, seconds)
    const outcomePage = await closedLoop('outcome page', outcomeUrls, concurrency, seconds)
    const floorFigures = await closedLoop('floor', [{ url: FLOOR }], concurrency, seconds)
    const loadThroughput = load()
    result.throughput = { taskList, outcomePage, floor: floorFigures, concurrency, seconds, load: loadThroughput }

    report.push(
      `## Deadline-day benchmark (${new Date().toISOString().slice(0, 16)}Z)`,
      '',
      `Machine: ${machine()}. Server processes: ${args.workers ?? 'the default'} (WEB_CONCURRENCY). Load average (1, 5, 15 min) at the start: ${loadAtStart}.`,
      `Data: ${SERVICES} library services, ${everyone.length} people (a lead and contributors each), passwords hashed by the app.`,
      '',
      `### Sign-in (${everyone.length} people, 20 at a time)`,
      '',
      '| Measure | Value | Target |',
      '|---|---:|---:|',
      `| Sign-ins per second | ${fmt(signInSummary.perSecond, 1)} | at least 20 |`,
      `| p50 / p95 (ms) | ${fmt(signInSummary.p50)} / ${fmt(signInSummary.p95)} | |`,
      `| Errors | ${signInSummary.errors}${signInSummary.errors ? ` (${signInSummary.errorKinds})` : ''} | 0 |`,
      '',
      `### Throughput without pauses (${concurrency} connections, ${seconds} s each; load average after: ${loadThroughput})`,
      '',
      '| Page | Requests/s | p50 (ms) | p95 (ms) | p99 (ms) | Errors | Ratio to floor | Target |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...(
        [
          ['Task list', taskList, 'at least 150/s'],
          ['Outcome page', outcomePage, 'at least 150/s'],
          [`Bare node:http floor (${fmt(pageBytes)} bytes)`, floorFigures, ''],
        ] as const
      ).map(
        ([name, s, target]) =>
          `| ${name} | ${fmt(s.perSecond, 1)} | ${fmt(s.p50, 1)} | ${fmt(s.p95, 1)} | ${fmt(s.p99, 1)} | ${s.errors}${s.errors ? ` (${s.errorKinds})` : ''} | ${((s.perSecond / floorFigures.perSecond) * 100).toFixed(2)}% | ${target} |`,
      ),
      '',
    )
    log(report.join('\n'))

    // The deadline-day mix
    const runMix = async (users: number, durationS: number, kills: number) => {
      const recorder = new Recorder()
      const stopMemory = sampleMemory(serverPid)
      const until = performance.now() + durationS * 1000
      const killLog: string[] = []
      const killer = (async () => {
        for (let k = 1; k <= kills; k++) {
          await sleep((durationS * 1000) / (kills + 1))
          const workers = childPids(serverPid())
          if (workers.length > 0) {
            const victim = workers[Math.floor(Math.random() * workers.length)]!
            process.kill(victim, 'SIGKILL')
            killLog.push(`kill -9 of worker ${victim} at ${fmt((durationS * k) / (kills + 1))} s`)
          } else {
            server.child.kill('SIGKILL')
            await once(server.child, 'exit')
            killLog.push(`kill -9 of the server at ${fmt((durationS * k) / (kills + 1))} s, restarted`)
            server = await startPortal(env)
          }
        }
      })()
      await Promise.all(signedIn.slice(0, users).map((p) => personLoop(p, recorder, until, THINK_MS, 0.15)))
      await killer
      recorder.stop()
      return { recorder, memory: stopMemory(), killLog }
    }

    if (!args['skip-mix']) {
      const durationS = Number(args.duration)
      const kills = Number(args.kills)
      log(
        `Deadline-day mix: ${USERS} people, ${THINK_MS} ms pauses, ${durationS} s${kills ? `, ${kills} × kill -9` : ''}…`,
      )
      const mix = await runMix(Math.min(USERS, signedIn.length), durationS, kills)
      const loadMix = load()
      const totals = mix.recorder.totals()
      const pages = (['task list', 'outcome page', 'autosave', 'save', 'link evidence'] as Kind[]).map((k) =>
        mix.recorder.summary(k),
      )
      const worstPageP95 = Math.max(...pages.filter((p) => p.count).map((p) => p.p95))
      const upload = mix.recorder.summary('upload')
      const memory = mix.memory
      const peak = Math.max(...memory.map((m) => m.mb))
      const slope = memorySlope(memory)
      result.mix = { users: USERS, durationS, kills, totals, load: loadMix, memory, killLog: mix.killLog }
      // The floor at the same number of connections, without pauses, right after.
      const floorAtUsers = await closedLoop('floor', [{ url: FLOOR }], Math.min(USERS, 400), 10)
      report.push(
        `### Deadline day: ${USERS} people, ${THINK_MS / 1000} s pauses, ${durationS} s${kills ? `, ${kills} × kill -9 of a server process` : ''} (load average after: ${loadMix})`,
        '',
        ...mix.recorder.table(['task list', 'outcome page', 'autosave', 'save', 'upload', 'link evidence']),
        '',
        '| Measure | Value | Target |',
        '|---|---:|---:|',
        `| Requests served per second | ${fmt(totals.perSecond, 1)} | about ${fmt(USERS / (THINK_MS / 1000), 0)} offered |`,
        `| Errors (all kinds) | ${totals.errors} of ${fmt(totals.count)} | 0 |`,
        `| Worst p95 of pages and saves (ms) | ${fmt(worstPageP95)} | under 300 |`,
        `| Upload p95 (1 to 5 MB, ms) | ${fmt(upload.p95)} | under 2,000 for 5 MB |`,
        `| Server memory (all processes): first, peak, last (MB) | ${fmt(memory[0]?.mb ?? 0)}, ${fmt(peak)}, ${fmt(memory.at(-1)?.mb ?? 0)} | flat |`,
        `| Memory trend over the second half (MB/min) | ${fmt(slope, 1)} | about 0 |`,
        `| Bare node:http floor at ${Math.min(USERS, 400)} connections, no pauses | ${fmt(floorAtUsers.perSecond)}/s (p95 ${fmt(floorAtUsers.p95, 1)} ms) | |`,
        ...(mix.killLog.length ? ['', ...mix.killLog.map((k) => `- ${k}`)] : []),
        '',
        `Memory over time (s: MB): ${memory
          .filter((_, i) => i % Math.max(1, Math.floor(memory.length / 12)) === 0)
          .map((m) => `${fmt(m.s)}: ${fmt(m.mb)}`)
          .join(', ')}`,
        '',
      )
      log(report.slice(-20).join('\n'))
    }

    if (args.burst) {
      log('Burst: 300 simultaneous task-list requests…')
      const burst = new Recorder()
      await Promise.all(
        signedIn
          .slice(0, 300)
          .concat(
            signedIn.length < 300
              ? Array.from({ length: 300 - signedIn.length }, (_, i) => signedIn[i % signedIn.length]!)
              : [],
          )
          .map((p) =>
            timed(
              burst,
              'task list',
              () => send(`${BASE}/submissions/${p.submissionId}`, { headers: { Cookie: p.cookie } }),
              200,
            ),
          ),
      )
      log('Burst: 50 parallel 20 MB uploads…')
      await Promise.all(
        signedIn.slice(0, 50).map(async (p, i) => {
          const bytes = makePdf(20 * MB)
          const sha256 = createHash('sha256').update(bytes).digest('hex')
          const form = multipart(
            [
              ['title', `Burst upload ${i + 1}`],
              ['description', ''],
              ['evidenceDateFrom.day', '1'],
              ['evidenceDateFrom.month', '4'],
              ['evidenceDateFrom.year', '2025'],
              ['evidenceDateTo.day', ''],
              ['evidenceDateTo.month', ''],
              ['evidenceDateTo.year', ''],
            ],
            { name: `burst-${i + 1}.pdf`, bytes },
          )
          const answer = await timed(
            burst,
            'upload',
            () =>
              send(`${BASE}/services/${p.serviceId}/evidence/new`, {
                method: 'POST',
                headers: { Cookie: p.cookie, Origin: ORIGIN, 'Content-Type': form.contentType },
                body: form.body,
                timeoutMs: 120_000,
              }),
            302,
          )
          if (answer)
            acknowledgedUploads.push({
              itemId: String(answer.headers.location).split('/').pop()!,
              sha256,
              sizeBytes: bytes.length,
            })
        }),
      )
      burst.stop()
      const count500 = [...burst.errors.values()].reduce((sum, m) => sum + (m.get('HTTP 500') ?? 0), 0)
      result.burst = { taskList: burst.summary('task list'), upload: burst.summary('upload'), count500 }
      report.push(
        `### Burst: 300 simultaneous task-list requests, then 50 parallel 20 MB uploads (load average after: ${load()})`,
        '',
        ...burst.table(['task list', 'upload']),
        '',
        `500 answers: ${count500} (target 0). Every request answered: ${
          [...burst.errors.values()].every((m) => [...m.keys()].every((k) => k.startsWith('HTTP') && k !== 'HTTP 500'))
            ? 'yes (busy answers are 503 with Retry-After)'
            : 'no'
        }.`,
        '',
      )
    }

    if (args.step) {
      const stepS = Number(args['step-duration'])
      const rows = [
        '| People | Served/s | Errors | p50 (ms) | p95 (ms) | p99 (ms) | Load average after |',
        '|---:|---:|---:|---:|---:|---:|---|',
      ]
      let passed: number | null = null
      for (const users of STEPS) {
        if (users > signedIn.length) break
        log(`Step: ${users} people for ${stepS} s…`)
        const step = await runMix(users, stepS, 0)
        const all = step.recorder
        const times = [...all.times.entries()]
          .filter(([k]) => k !== 'upload')
          .flatMap(([, t]) => t)
          .sort((a, b) => a - b)
        const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN
        const totals = all.totals()
        rows.push(
          `| ${users} | ${fmt(totals.perSecond, 1)} | ${totals.errors} | ${fmt(at(0.5))} | ${fmt(at(0.95))} | ${fmt(at(0.99))} | ${load()} |`,
        )
        if (passed === null && at(0.95) > 1000) passed = users
      }
      report.push(
        `### Step mode: the mix for ${stepS} s at each step (pages and saves; uploads left out of the percentiles)`,
        '',
        ...rows,
        '',
        `p95 passes 1 s at: ${passed === null ? 'no step' : `${passed} people`}.`,
        '',
      )
    }
  } finally {
    if (floor) await stopProcess(floor)
    const exitCode = await stopProcess(server.child)
    result.serverExitCode = exitCode
  }

  // ---------------------------------------------------------------------------------------------
  // Integrity, with the server stopped
  log('Checking integrity…')
  const db = createClient({ url: `file:${databaseFile}` })
  const problems: string[] = []
  const integrity = String((await db.execute('PRAGMA integrity_check')).rows[0]?.[0])
  if (integrity !== 'ok') problems.push(`PRAGMA integrity_check: ${integrity}`)

  let savesChecked = 0
  for (const [key, writes] of narrativeWrites) {
    const lastAcknowledged = writes.findLastIndex((w) => w.acknowledged)
    if (lastAcknowledged === -1) continue
    savesChecked++
    const [submissionId, outcome] = key.split(' ')
    const row = await db.execute({
      sql: 'SELECT r.narrative FROM OutcomeResponse r JOIN Outcome o ON o.id = r.outcomeId WHERE r.submissionId = ? AND o.number = ?',
      args: [submissionId!, Number(outcome)],
    })
    const stored = String(row.rows[0]?.[0] ?? '')
    const allowed = writes.slice(lastAcknowledged).map((w) => w.narrative)
    if (!allowed.includes(stored))
      problems.push(`Outcome ${outcome} of ${submissionId}: an acknowledged save is not in the database`)
  }

  const uploadRoot = path.join(OUT, 'uploads')
  const sha256OfFile = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
  for (const upload of acknowledgedUploads) {
    const rows = await db.execute({
      sql: 'SELECT v.sha256, v.sizeBytes, v.storageKey FROM EvidenceFileVersion v JOIN EvidenceFile f ON f.id = v.evidenceFileId WHERE f.evidenceItemId = ?',
      args: [upload.itemId],
    })
    const row = rows.rows[0]
    if (!row || row[0] !== upload.sha256 || Number(row[1]) !== upload.sizeBytes)
      problems.push(`Upload ${upload.itemId}: acknowledged but not in the database as sent`)
  }
  let linksMissing = 0
  for (const link of acknowledgedLinks) {
    const rows = await db.execute({
      sql: 'SELECT l.id FROM EvidenceLink l JOIN OutcomeResponse r ON r.id = l.outcomeResponseId JOIN Outcome o ON o.id = r.outcomeId WHERE r.submissionId = ? AND o.number = ? AND l.evidenceItemId = ?',
      args: [link.submissionId, link.outcome, link.itemId],
    })
    if (!rows.rows.length) linksMissing++
  }
  if (linksMissing) problems.push(`${linksMissing} acknowledged evidence links are missing`)

  const versions = (await db.execute('SELECT storageKey, sha256 FROM EvidenceFileVersion')).rows
  const keys = new Set<string>()
  let badFiles = 0
  for (const version of versions) {
    const key = String(version[0])
    keys.add(key)
    const file = path.join(uploadRoot, ...key.split('/'))
    if (!existsSync(file) || sha256OfFile(file) !== version[1]) badFiles++
  }
  if (badFiles) problems.push(`${badFiles} file rows whose file is missing or has another SHA-256`)
  const onDisk = readdirSync(uploadRoot, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(uploadRoot, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
  const partial = onDisk.filter((f) => f.startsWith('tmp/'))
  const setAside = onDisk.filter((f) => f.startsWith('orphaned/'))
  const orphans = onDisk.filter((f) => !f.startsWith('tmp/') && !f.startsWith('orphaned/') && !keys.has(f))
  if (orphans.length) problems.push(`${orphans.length} stored files with no row`)
  if (partial.length) problems.push(`${partial.length} partial uploads left in tmp/`)
  db.close()

  report.push(
    '### Integrity afterwards (server stopped)',
    '',
    '| Check | Result | Target |',
    '|---|---|---|',
    `| Acknowledged saves and autosaves in the database | ${savesChecked - problems.filter((p) => p.startsWith('Outcome')).length} of ${savesChecked} outcomes hold their last acknowledged narrative | all |`,
    `| Acknowledged uploads in the database as sent | ${acknowledgedUploads.length - problems.filter((p) => p.startsWith('Upload')).length} of ${acknowledgedUploads.length} | all |`,
    `| Acknowledged evidence links | ${acknowledgedLinks.length - linksMissing} of ${acknowledgedLinks.length} | all |`,
    `| File rows with their file and SHA-256 | ${versions.length - badFiles} of ${versions.length} | all |`,
    `| Stored files with no row | ${orphans.length} | 0 |`,
    `| Partial uploads left | ${partial.length} | 0 |`,
    `| Files set aside at start-up (moved, never committed) | ${setAside.length} | |`,
    `| PRAGMA integrity_check | ${integrity} | ok |`,
    `| Server exit code after SIGTERM | ${String(result.serverExitCode)} | 0 |`,
    '',
  )
  if (problems.length) {
    failed = true
    report.push('Problems:', '', ...problems.slice(0, 50).map((p) => `- ${p}`), '')
  }
  result.problems = problems
  const text = report.join('\n')
  writeFileSync(path.join(OUT, 'report.md'), text)
  writeFileSync(path.join(OUT, 'result.json'), JSON.stringify(result, null, 2))
  process.stdout.write(`${text}\n`)
  agent.destroy()
  if (failed) process.exitCode = 1
}

await main()
