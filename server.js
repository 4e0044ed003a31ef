// The portal's HTTP server: Express in front of the Remix request handler, so every response gets
// the security headers and a per-request Content Security Policy nonce, and every mutation is
// checked for a same-origin Origin before Remix sees it. `NODE_ENV=development` serves through
// Vite's middleware with hot reload; otherwise the production build in ./build is served.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'

const isProduction = process.env.NODE_ENV !== 'development'
const port = Number(process.env.PORT ?? 3000)
const trustProxy = ['true', '1', 'yes'].includes(process.env.TRUST_PROXY ?? '')
const configuredOrigin = process.env.APP_ORIGIN ? new URL(process.env.APP_ORIGIN).origin : null
const logRequests = ['true', '1', 'yes'].includes(process.env.LOG_REQUESTS ?? '')

const vite = isProduction
  ? null
  : await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
if (trustProxy) app.set('trust proxy', true)
app.use(compression())

if (logRequests) {
  app.use((req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      process.stdout.write(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms\n`)
    })
    next()
  })
}

app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
})

const commonHeaders = {
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'same-origin' },
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
      'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
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
// An evidence preview (a stored PDF or image served inline) runs nothing and loads nothing, and
// may be framed only by the portal's own evidence pages.
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
app.use((req, res, next) => (PREVIEW_PATH.test(req.path) ? previewHeaders : pageHeaders)(req, res, next))
app.use((req, res, next) => {
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
  next()
})

// Mutations only from this site's own pages. Browsers send Origin with every POST; a request
// without one (a script, not a browser) carries no ambient cookie risk worth refusing for.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next()
  const origin = req.get('origin')
  const expected = configuredOrigin ?? `${req.protocol}://${req.get('host')}`
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
})

// The design system's images and favicon, straight from the package.
app.use(
  '/nhsuk',
  express.static(path.resolve('node_modules/nhsuk-frontend/dist/nhsuk/assets'), { maxAge: '7d', fallthrough: false }),
)

app.get('/favicon.ico', (req, res) => {
  res.sendFile(path.resolve('node_modules/nhsuk-frontend/dist/nhsuk/assets/images/favicon.ico'), { maxAge: '7d' })
})

if (vite) {
  app.use(vite.middlewares)
} else {
  app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y', fallthrough: false }))
  app.use(express.static('build/client', { maxAge: '1h' }))
}

app.all(
  '*',
  createRequestHandler({
    build: vite ? () => vite.ssrLoadModule('virtual:remix/server-build') : await import('./build/server/index.js'),
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? '' }),
  }),
)

const server = app.listen(port, () => {
  process.stdout.write(`LKS Quality Portal listening on http://localhost:${port}\n`)
})

function shutdown() {
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
