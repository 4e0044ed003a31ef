import type { RequestHandler } from 'express'

// Checks every request before the portal sees it (issue 12, findings 2 and 9): the Host must be
// the configured APP_ORIGIN's (so no link or redirect is ever built from a forged Host), and a
// request that changes something must come from the portal's own pages: no foreign Origin, no
// `Origin: null` (sandboxed frames, file: pages, cross-site redirects; it used to reach Remix and
// answer 500), no cross-site fetch metadata. A request without Origin (a script, not a browser)
// carries no ambient cookie risk worth refusing for.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type RequestFacts = {
  method: string
  protocol: string
  host: string | undefined
  origin: string | undefined
  secFetchSite: string | undefined
}

export type Verdict =
  { refused: false } | { refused: true; status: 400 | 403; reason: 'FOREIGN_HOST' | 'CROSS_SITE'; message: string }

export type RefusedRequest = {
  reason: string
  method: string
  path: string
  host: string
  origin: string
  ipAddress: string
}

export type GuardConfig = {
  /** APP_ORIGIN when it is set on purpose; null compares Origin with the request's own host. */
  appOrigin: string | null
  trustProxy: boolean
  onRefused?: (event: RefusedRequest) => void
}

export function checkRequest(request: RequestFacts, appOrigin: string | null): Verdict {
  const expected = appOrigin ? new URL(appOrigin) : null
  if (expected && (request.host ?? '').toLowerCase() !== expected.host.toLowerCase()) {
    return {
      refused: true,
      status: 400,
      reason: 'FOREIGN_HOST',
      message: `This portal answers only at ${expected.origin}.`,
    }
  }
  if (SAFE_METHODS.has(request.method)) return { refused: false }
  const origin = request.origin
  const expectedOrigin = expected?.origin ?? `${request.protocol}://${request.host ?? ''}`
  const crossSite = request.secFetchSite === 'cross-site'
  if (origin === 'null' || crossSite || (origin && origin !== expectedOrigin)) {
    return {
      refused: true,
      status: 403,
      reason: 'CROSS_SITE',
      message: 'This request came from another site and has been refused.',
    }
  }
  return { refused: false }
}

/** Express middleware; `onRefused` hears of each refusal (the portal records it as a security event). */
export function requestGuard(config: GuardConfig): RequestHandler {
  return (req, res, next) => {
    // Behind a trusted proxy the public host arrives in X-Forwarded-Host.
    const host = (config.trustProxy && req.get('x-forwarded-host')?.split(',')[0]?.trim()) || req.get('host')
    const origin = req.get('origin')
    const verdict = checkRequest(
      { method: req.method, protocol: req.protocol, host, origin, secFetchSite: req.get('sec-fetch-site') },
      config.appOrigin,
    )
    if (!verdict.refused) return next()
    config.onRefused?.({
      reason: verdict.reason,
      method: req.method,
      path: req.path.slice(0, 300),
      host: (host ?? '').slice(0, 200),
      origin: (origin ?? '').slice(0, 200),
      ipAddress: req.ip ?? '',
    })
    res.status(verdict.status).type('text/plain').send(verdict.message)
  }
}
