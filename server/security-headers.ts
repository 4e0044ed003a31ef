import type { RequestHandler, Response } from 'express'
import helmet from 'helmet'

/**
 * The security headers of every response: a Content Security Policy with this response's nonce for
 * pages, and a policy that runs and loads nothing for evidence previews (stored PDFs and images
 * served inline), which only the portal's own evidence pages may frame.
 */
export function securityHeaders({ isProduction }: { isProduction: boolean }): RequestHandler[] {
  const commonHeaders = {
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: isProduction ? { maxAge: 31536000, includeSubDomains: true } : false,
  }
  const pageHeaders = helmet({
    ...commonHeaders,
    contentSecurityPolicy: {
      // Vite's dev client injects inline scripts and a websocket, so development only reports.
      reportOnly: !isProduction,
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': isProduction ? ["'self'"] : ["'self'", 'ws:'],
        'frame-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
  })
  const previewHeaders = helmet({
    ...commonHeaders,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'none'"],
        'img-src': ["'self'"],
        'style-src': ["'unsafe-inline'"],
        'frame-ancestors': ["'self'"],
      },
    },
    xFrameOptions: { action: 'sameorigin' },
  })
  const PREVIEW_PATH = /^\/evidence\/files\/[^/]+\/preview$/
  return [
    (req, res, next) => (PREVIEW_PATH.test(req.path) ? previewHeaders : pageHeaders)(req, res, next),
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
      next()
    },
  ]
}
