// The HTTP server past capacity and when it is stopped: busy answers that keep what was typed, and
// a graceful shutdown that finishes requests in flight. Gates, not timings, decide when requests end.
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import express from 'express'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { loadShedding } from '../../server/load-shedding'
import { closeGracefully } from '../../server/lifecycle'

const silent = pino({ level: 'silent' })

function gate() {
  let open: () => void = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

const servers: Array<import('node:http').Server> = []
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections()
})

async function listen(app: express.Express) {
  const server = app.listen(0, '127.0.0.1')
  servers.push(server)
  await once(server, 'listening')
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe('past capacity', () => {
  it('answers a page view 503 with Retry-After and the busy page while the process is full', async () => {
    const slow = gate()
    const entered = gate()
    const warnings: unknown[] = []
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) })
    const app = express()
    app.use(
      loadShedding({
        logger,
        maxInFlight: 1,
        maxEventLoopDelayMs: 1000,
        retryAfterSeconds: 7,
        eventLoopDelayMs: () => 0,
      }),
    )
    app.get('/task-list', (_req, res) => {
      entered.open()
      void slow.opened.then(() => res.send('task list'))
    })
    const { base } = await listen(app)

    const first = fetch(`${base}/task-list`)
    await entered.opened
    const busy = await fetch(`${base}/task-list`)
    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toBe('7')
    expect(await busy.text()).toContain('Sorry, the service is busy')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ msg: 'Busy: request turned away with 503', path: '/task-list' })

    slow.open()
    expect((await first).status).toBe(200)
    expect((await fetch(`${base}/task-list`)).status).toBe(200)
  })

  it('gives a turned-away form post its text back, in a form that sends it again', async () => {
    const app = express()
    app.use(
      loadShedding({
        logger: silent,
        maxInFlight: 10,
        maxEventLoopDelayMs: 100,
        retryAfterSeconds: 5,
        eventLoopDelayMs: () => 10_000,
      }),
    )
    app.post('/submissions/s1/outcomes/2', (_req, res) => res.send('saved'))
    const { base } = await listen(app)
    const narrative = 'Our service <supports> "everyone".\n\nA second paragraph that must not be lost.'
    const answer = await fetch(`${base}/submissions/s1/outcomes/2`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ version: '4', narrative, intent: 'save' }),
    })
    expect(answer.status).toBe(503)
    const html = await answer.text()
    expect(html).toContain('<form method="post" action="/submissions/s1/outcomes/2"')
    expect(html).toContain(
      'Our service &lt;supports&gt; &quot;everyone&quot;.\n\nA second paragraph that must not be lost.</textarea>',
    )
    expect(html).toContain('<input type="hidden" name="version" value="4">')
    expect(html).toContain('<input type="hidden" name="intent" value="save">')
  })

  it('never turns away the health and readiness checks', async () => {
    const app = express()
    app.use(
      loadShedding({
        logger: silent,
        maxInFlight: 1,
        maxEventLoopDelayMs: 1,
        retryAfterSeconds: 5,
        eventLoopDelayMs: () => 10_000,
      }),
    )
    app.get('/healthcheck', (_req, res) => res.send('OK'))
    const { base } = await listen(app)
    expect((await fetch(`${base}/healthcheck`)).status).toBe(200)
  })
})

describe('graceful shutdown', () => {
  it('stops taking connections, finishes the request in flight, then reports it finished', async () => {
    const slow = gate()
    const entered = gate()
    const app = express()
    app.get('/save', (_req, res) => {
      entered.open()
      void slow.opened.then(() => res.send('saved'))
    })
    const { server, base } = await listen(app)
    const inFlight = fetch(`${base}/save`)
    await entered.opened

    const closed = closeGracefully(server, 60_000)
    await expect(fetch(`${base}/save`)).rejects.toThrow()
    slow.open()
    const answer = await inFlight
    expect(answer.status).toBe(200)
    expect(await answer.text()).toBe('saved')
    expect(await closed).toBe(true)
  })

  it('gives up on a request still running at the timeout, and says so', async () => {
    const entered = gate()
    const app = express()
    app.get('/stuck', () => entered.open())
    const { server, base } = await listen(app)
    const stuck = fetch(`${base}/stuck`).catch((error: unknown) => error)
    await entered.opened
    expect(await closeGracefully(server, 1)).toBe(false)
    expect(await stuck).toBeInstanceOf(Error)
  })
})
