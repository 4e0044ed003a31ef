// Slow uploads against the real HTTP server (issue 12, finding 10): the portal's Express app and
// its timeouts, with the real new-evidence route, reached over a real socket that trickles the
// body. An upload that keeps moving succeeds however long it takes; one that stops is cut off
// after the idle timeout with a clear answer, its partial file removed and its place freed.
import { once } from 'node:events'
import type { Server } from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ServerBuild } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { createElement } from 'react'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as entryServer from '~/entry.server'
import * as newEvidence from '~/routes/services.$serviceId.evidence.new'
import { getEnv } from '~/utils/env.server'
import { prisma } from '~/utils/db.server'
import { createPortalApp } from '../../server/app'
import { applyTimeouts } from '../../server/lifecycle'
import { useDemoData } from '../setup/demo-data'
import { cookieFor, evidenceForm, evidenceRowCounts, serviceId, sha256, tempFiles } from './evidence-helpers'

// Made small for the test; the trickle's pauses are a tenth of it.
const IDLE_MS = 2_000

const routeEntry = (id: string, path: string, parentId?: string) => ({
  id,
  path,
  parentId,
  module: `/${id}.js`,
  hasAction: id === 'routes/evidence-new',
  hasLoader: false,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: false,
})

const build = {
  mode: 'production',
  entry: { module: entryServer },
  publicPath: '/',
  assetsBuildDirectory: 'build/client',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_singleFetch: true,
    v3_lazyRouteDiscovery: true,
  },
  isSpaMode: false,
  assets: {
    entry: { module: '/entry.client.js', imports: [] },
    url: '/manifest.js',
    version: 'test',
    routes: {
      root: routeEntry('root', ''),
      'routes/evidence-new': routeEntry('routes/evidence-new', 'services/:serviceId/evidence/new', 'root'),
      'routes/ping': routeEntry('routes/ping', 'ping', 'root'),
    },
  },
  routes: {
    root: {
      id: 'root',
      path: '',
      module: {
        default: () => createElement('html', { lang: 'en-GB' }, createElement('body', null, createElement(Outlet))),
      },
    },
    'routes/evidence-new': {
      id: 'routes/evidence-new',
      parentId: 'root',
      path: 'services/:serviceId/evidence/new',
      module: { action: newEvidence.action, default: () => createElement('p', null, 'New evidence') },
    },
    'routes/ping': {
      id: 'routes/ping',
      parentId: 'root',
      path: 'ping',
      module: { loader: () => Response.json({ ok: true }) },
    },
  },
} as unknown as ServerBuild

let server: Server
let port: number
let ribble: string
let cookie: string
const warnings: Array<Record<string, unknown>> = []

beforeAll(async () => {
  await useDemoData()
  ribble = await serviceId()
  cookie = await cookieFor('contributor@demo.nhs.uk')
  // One request at a time in this process: a stalled upload left holding its place would turn
  // every later request away as busy.
  const env = { ...getEnv(), BODY_IDLE_TIMEOUT_MS: IDLE_MS, MAX_IN_FLIGHT_REQUESTS: 1 }
  const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) })
  server = createPortalApp({ env, logger, build }).listen(0, '127.0.0.1')
  applyTimeouts(server, env)
  await once(server, 'listening')
  port = (server.address() as AddressInfo).port
}, 60_000)
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

/** A new-evidence form with one PDF, as the bytes a browser sends, and its Content-Type. */
async function multipartUpload(title: string, fileBytes: Buffer<ArrayBuffer>) {
  const form = evidenceForm({ title }, [new File([fileBytes], 'slow-line.pdf', { type: 'application/pdf' })])
  const encoded = new Response(form)
  return {
    contentType: encoded.headers.get('Content-Type')!,
    body: Buffer.from(await encoded.arrayBuffer()),
  }
}

function pdfBytes(size: number): Buffer<ArrayBuffer> {
  const bytes = Buffer.alloc(size, 'x')
  bytes.write('%PDF-1.7\n', 0)
  return bytes
}

/** Opens a socket to the server and sends a POST's head; the body is written by the caller. */
async function openUpload(upload: { contentType: string; body: Buffer }) {
  const socket = net.connect(port, '127.0.0.1')
  await once(socket, 'connect')
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  const closed = once(socket, 'close').then(() => Buffer.concat(chunks).toString('utf8'))
  socket.on('error', () => undefined)
  socket.write(
    [
      `POST /services/${ribble}/evidence/new HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      `Cookie: ${cookie}`,
      `Content-Type: ${upload.contentType}`,
      `Content-Length: ${upload.body.length}`,
      '',
      '',
    ].join('\r\n'),
  )
  return { socket, answer: closed }
}

function statusOf(answer: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1])
}

describe('a slow upload', () => {
  it('succeeds when it keeps moving, though it takes longer than the idle timeout', async () => {
    const file = pdfBytes(40_000)
    const upload = await multipartUpload('Sent over a slow line', file)
    const { socket, answer } = await openUpload(upload)
    // Twenty small pieces, each well within the idle timeout of the last: twice the idle timeout
    // in all, as a modem line would take.
    const pieces = 20
    const size = Math.ceil(upload.body.length / pieces)
    for (let at = 0; at < upload.body.length; at += size) {
      socket.write(upload.body.subarray(at, at + size))
      await sleep(IDLE_MS / 10)
    }
    const received = await Promise.race([once(socket, 'data').then(([chunk]) => String(chunk)), answer])
    socket.destroy()
    expect(statusOf(received)).toBe(302)
    const stored = await prisma.evidenceFileVersion.findFirst({
      where: { evidenceFile: { evidenceItem: { title: 'Sent over a slow line' } } },
      select: { sha256: true, sizeBytes: true },
    })
    expect(stored).toEqual({ sha256: sha256(file), sizeBytes: file.length })
  }, 120_000)

  it('is cut off with 408 when it stops arriving: its partial file removed, its place freed', async () => {
    const rowsBefore = await evidenceRowCounts()
    const upload = await multipartUpload('Stalled on the way', pdfBytes(200_000))
    const { socket, answer } = await openUpload(upload)
    // The text fields and the start of the file, then nothing more.
    socket.write(upload.body.subarray(0, 100_000))
    await vi.waitFor(async () => expect(await tempFiles()).toHaveLength(1), { timeout: IDLE_MS, interval: 50 })

    const text = await answer
    expect(statusOf(text)).toBe(408)
    expect(text).toContain('Connection: close')
    expect(text).toContain('Sorry, what you sent did not arrive')
    expect(text).toContain(`Nothing arrived from your browser for ${IDLE_MS / 1000} seconds`)
    expect(warnings).toContainEqual(
      expect.objectContaining({ msg: 'A request body stopped arriving: request ended with 408', idleMs: IDLE_MS }),
    )

    await vi.waitFor(async () => expect(await tempFiles()).toEqual([]), { timeout: 10_000 })
    expect(await evidenceRowCounts()).toEqual(rowsBefore)
    // The only place for a request in this process is free again.
    const ping = await fetch(`http://127.0.0.1:${port}/ping`)
    expect(ping.status).toBe(200)
  }, 120_000)
})
