import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { ServerBuild } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import * as entryServer from '~/entry.server'
import { ErrorPage } from '~/components/error-page'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { noteSignedInUser } from '~/utils/request-context.server'
import { createPortalApp } from './app'

// A small Remix build served by the real HTTP application and the real entry.server: a page whose
// loader fails (rendered by the real error page), resource routes with a token in the path, one
// that reads a posted password, and one that knows who is signed in.
const routeEntry = (id: string, extra: { parentId?: string; hasLoader?: boolean; hasErrorBoundary?: boolean }) => ({
  id,
  module: `/${id}.js`,
  hasAction: false,
  hasLoader: false,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: false,
  ...extra,
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
      root: { ...routeEntry('root', { hasErrorBoundary: true }), path: '' },
      'routes/broken': { ...routeEntry('routes/broken', { parentId: 'root', hasLoader: true }), path: 'broken' },
    },
  },
  routes: {
    root: {
      id: 'root',
      path: '',
      module: {
        default: () => (
          <html lang="en-GB">
            <body>
              <Outlet />
            </body>
          </html>
        ),
        ErrorBoundary: () => (
          <html lang="en-GB">
            <body>
              <ErrorPage status={500} />
            </body>
          </html>
        ),
      },
    },
    'routes/broken': {
      id: 'routes/broken',
      parentId: 'root',
      path: 'broken',
      module: {
        default: () => <p>Never shown</p>,
        loader: () => {
          throw new Error('The broken page failed on purpose')
        },
      },
    },
    'routes/reset': {
      id: 'routes/reset',
      parentId: 'root',
      path: 'password-reset/:token',
      module: {
        loader: () => Response.json({ ok: true }),
        action: async ({ request }: { request: Request }) => {
          const form = await request.formData()
          return Response.json({ received: form.has('password') })
        },
      },
    },
    'routes/me': {
      id: 'routes/me',
      parentId: 'root',
      path: 'me',
      module: {
        loader: () => {
          noteSignedInUser('user-signed-in-1')
          return Response.json({ ok: true })
        },
      },
    },
  },
} as unknown as ServerBuild

const SECRETS = {
  token: 'reset-token-7f3a9c2e41d8',
  cookie: 'lks_session=cookie-value-b81e66d0a5',
  password: 'Correct-Horse-Battery-91',
  authorization: 'Bearer bearer-token-55e0c1',
}

let server: Server
let base: string
let written: string[] = []

const logLines = () =>
  written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)

beforeAll(async () => {
  const env = { ...getEnv(), LOG_REQUESTS: true, isProduction: true }
  server = createPortalApp({ env, logger, build }).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

beforeEach(() => {
  written = []
  const write = process.stdout.write.bind(process.stdout)
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return rest.length ? write(chunk, ...(rest as [])) : true
  })
})

/** Waits for the request's log line, which is written once the response has ended. */
async function requestLine(requestId: string) {
  await vi.waitFor(() => {
    expect(logLines().some((line) => line.msg === 'request' && line.requestId === requestId)).toBe(true)
  })
  return logLines().find((line) => line.msg === 'request' && line.requestId === requestId)!
}

describe('the request log', () => {
  it('writes one JSON line a request: method, route pattern, status, duration, user id and request id', async () => {
    const response = await fetch(`${base}/me`)
    const requestId = response.headers.get('x-request-id')
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    const line = await requestLine(requestId!)
    expect(line).toMatchObject({
      level: 'info',
      requestId,
      method: 'GET',
      route: '/me',
      status: 200,
      userId: 'user-signed-in-1',
    })
    expect(typeof line.durationMs).toBe('number')
    expect(logLines().filter((l) => l.requestId === requestId)).toHaveLength(1)
  })

  it('names the route pattern, not the URL, so a token in the path is never logged', async () => {
    const response = await fetch(`${base}/password-reset/${SECRETS.token}?token=${SECRETS.token}`, {
      headers: { cookie: SECRETS.cookie, authorization: SECRETS.authorization },
    })
    const line = await requestLine(response.headers.get('x-request-id')!)
    expect(line).toMatchObject({ route: '/password-reset/:token', status: 200, userId: null })
    const everything = written.join('')
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret)
  })

  it('never logs a posted password, the cookie or the authorization header', async () => {
    const response = await fetch(`${base}/password-reset/${SECRETS.token}`, {
      method: 'POST',
      headers: { cookie: SECRETS.cookie, authorization: SECRETS.authorization },
      body: new URLSearchParams({ password: SECRETS.password, confirmPassword: SECRETS.password }),
    })
    expect(await response.json()).toEqual({ received: true })
    const line = await requestLine(response.headers.get('x-request-id')!)
    expect(line).toMatchObject({ method: 'POST', route: '/password-reset/:token', status: 200 })
    const everything = written.join('')
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret)
  })

  it('blanks secrets in any object logged', () => {
    logger.info(
      { password: SECRETS.password, headers: { cookie: SECRETS.cookie, authorization: SECRETS.authorization } },
      'an object with secrets',
    )
    const everything = written.join('')
    expect(everything).toContain('an object with secrets')
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret)
  })
})

describe('a missing static file', () => {
  it('is a 404, not a server error', async () => {
    const response = await fetch(`${base}/assets/missing-file.js`)
    expect(response.status).toBe(404)
    const line = await requestLine(response.headers.get('x-request-id')!)
    expect(line).toMatchObject({ route: '/assets/*', status: 404 })
    expect(logLines().filter((l) => l.level === 'error')).toEqual([])
  })
})

describe('a server error', () => {
  it('is logged with its stack and the request id, which the error page shows as a reference', async () => {
    const response = await fetch(`${base}/broken`, { headers: { cookie: SECRETS.cookie } })
    expect(response.status).toBe(500)
    const requestId = response.headers.get('x-request-id')!
    const page = await response.text()
    expect(page).toContain('Sorry, there is a problem with the service')
    expect(page).toMatch(
      new RegExp(`quote this reference:(<!-- -->)? <strong data-request-reference="">${requestId}</strong>`),
    )
    // Nothing of the fault reaches the browser.
    expect(page).not.toContain('failed on purpose')

    await requestLine(requestId)
    const errors = logLines().filter((line) => line.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ requestId, msg: 'Server error' })
    const err = errors[0]!.err as { message: string; stack: string }
    expect(err.message).toBe('The broken page failed on purpose')
    expect(err.stack).toContain('app.test.tsx')
    expect(logLines().find((line) => line.msg === 'request' && line.requestId === requestId)).toMatchObject({
      route: '/broken',
      status: 500,
    })
    expect(written.join('')).not.toContain(SECRETS.cookie)
  })
})
