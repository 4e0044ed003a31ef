// The server's request guard (issue 12, findings 2 and 9), on a real Express server: a foreign
// Host never reaches the portal, and a mutation with `Origin: null`, a foreign Origin or cross-site
// fetch metadata is a 403 (Origin: null used to reach Remix and answer 500).
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkRequest, requestGuard } from '../../server/request-guard'

const APP = 'http://portal.test:4120'
const refusals: Array<{ reason: string; ipAddress: string }> = []
let base: string
let close: () => void

beforeAll(async () => {
  const app = express()
  app.use(requestGuard({ appOrigin: APP, trustProxy: false, onRefused: (e) => refusals.push(e) }))
  app.all('*', (_req, res) => {
    res.send('reached the portal')
  })
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

/** A raw HTTP request (fetch would replace the Host header with the URL's). */
function send(method: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const body = method === 'POST' ? 'email=a%40b.c&password=x' : ''
    const request = http.request(
      `${base}/sign-in`,
      { method, headers: { Host: 'portal.test:4120', ...headers } },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }))
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

describe('the request guard', () => {
  it('lets the portal’s own pages through', async () => {
    expect(await send('GET', {})).toEqual({ status: 200, text: 'reached the portal' })
    expect(await send('POST', { Origin: APP, 'Sec-Fetch-Site': 'same-origin' })).toMatchObject({ status: 200 })
    // A script without Origin (no ambient cookies of a browser) is not a cross-site request.
    expect(await send('POST', {})).toMatchObject({ status: 200 })
  })

  it.each([
    ['Origin: null without fetch metadata', { Origin: 'null' }],
    ['Origin: null, cross-site', { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' }],
    ['a foreign Origin', { Origin: 'https://evil.example' }],
    ['the right host on another scheme', { Origin: 'https://portal.test:4120' }],
    ['cross-site fetch metadata without Origin', { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses a post with %s as 403', async (_name, headers) => {
    const answer = await send('POST', headers)
    expect(answer).toEqual({ status: 403, text: 'This request came from another site and has been refused.' })
  })

  it('refuses a foreign Host for every method, so no link is built from it', async () => {
    for (const method of ['GET', 'POST']) {
      const answer = await send(method, { Host: 'evil.example', Origin: 'http://evil.example' })
      expect(answer).toEqual({ status: 400, text: `This portal answers only at ${APP}.` })
    }
  })

  it('tells the portal of each refusal with the IP address, for the audit log', async () => {
    refusals.length = 0
    await send('POST', { Origin: 'null' })
    await send('GET', { Host: 'evil.example' })
    expect(refusals.map((r) => r.reason)).toEqual(['CROSS_SITE', 'FOREIGN_HOST'])
    expect(refusals[0]!.ipAddress).toMatch(/127\.0\.0\.1/)
  })

  it('without a configured origin compares Origin with the request’s own host', () => {
    const facts = { method: 'POST', protocol: 'http', host: 'localhost:3000', secFetchSite: undefined }
    expect(checkRequest({ ...facts, origin: 'http://localhost:3000' }, null)).toEqual({ refused: false })
    expect(checkRequest({ ...facts, origin: 'null' }, null)).toMatchObject({ refused: true, status: 403 })
  })
})
