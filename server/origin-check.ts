import type { RequestHandler } from 'express'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Mutations only from this site's own pages. Browsers send Origin with every POST; a request
 * without one (a script, not a browser) carries no ambient cookie risk worth refusing for.
 * `appOrigin` is the configured public address (APP_ORIGIN); without it, the request's own host.
 */
export function sameOriginMutations({ appOrigin }: { appOrigin: string | null }): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const origin = req.get('origin')
    const expected = appOrigin ?? `${req.protocol}://${req.get('host')}`
    const crossSite = req.get('sec-fetch-site') === 'cross-site'
    if (
      (origin && origin !== 'null' && origin !== expected) ||
      (origin === 'null' && crossSite) ||
      (!origin && crossSite)
    ) {
      res.status(403).type('text/plain').send('This request came from another site and has been refused.')
      return
    }
    next()
  }
}
