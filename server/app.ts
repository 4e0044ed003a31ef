import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import type { Logger } from 'pino'
import type { Env } from '~/utils/env.server'
import { answeredByBodyTimeout, bodyIdleTimeout } from './body-idle-timeout'
import { loadShedding } from './load-shedding'
import { requestGuard, type RefusedRequest } from './request-guard'
import { requestLogging, serverErrors } from './request-logging'
import { routePattern } from './route-pattern'
import { securityHeaders } from './security-headers'

export type PortalAppOptions = {
  env: Env
  logger: Logger
  /** The Remix server build, or (in development) a function that loads the current one. */
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** Vite's middleware in development: it serves the client modules in place of build/client. */
  viteMiddleware?: RequestHandler
}

type EntryWithSecurityEvents = { recordRefusedRequest?: (event: RefusedRequest) => Promise<void> }

const NHSUK_ASSETS = path.resolve('node_modules/nhsuk-frontend/dist/nhsuk/assets')

/** Names the route pattern of a static mount for the request log. */
function routeNamed(route: string): RequestHandler {
  return (_req, res, next) => {
    res.locals.route = route
    next()
  }
}

/** A fresh Content Security Policy nonce for each response. */
const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
}

/**
 * The portal's HTTP application: Express in front of the Remix request handler, so every response
 * gets the security headers and a per-request Content Security Policy nonce, and every mutation is
 * checked for a same-origin Origin before Remix sees it. Each step is one small middleware, in order.
 */
export function createPortalApp({ env, logger, build, viteMiddleware }: PortalAppOptions): express.Express {
  const app = express()
  app.disable('x-powered-by')
  if (env.TRUST_PROXY) app.set('trust proxy', true)

  app.use(requestLogging({ logger, logRequests: env.LOG_REQUESTS }))
  // A body that stops arriving ends its request with 408, however slowly it came before.
  const rootStyles = typeof build === 'function' ? [] : (build.assets.routes.root?.css ?? [])
  app.use(bodyIdleTimeout({ logger, idleMs: env.BODY_IDLE_TIMEOUT_MS, stylesheets: () => rootStyles }))
  app.use(compression())
  app.use(cspNonce)
  app.use(securityHeaders({ isProduction: env.isProduction }))
  // Only the configured Host, and mutations only from the portal's own pages; each refusal is
  // recorded in the audit log by the Remix build's entry module (app/entry.server.tsx).
  const loadBuild = typeof build === 'function' ? build : () => Promise.resolve(build)
  app.use(
    requestGuard({
      appOrigin: env.APP_ORIGIN_CONFIGURED ? env.APP_ORIGIN : null,
      trustProxy: env.TRUST_PROXY,
      onRefused: (event) => {
        loadBuild()
          .then((current) => (current.entry.module as EntryWithSecurityEvents).recordRefusedRequest?.(event))
          .catch((error: unknown) => logger.error({ err: error }, 'Could not record a refused request'))
      },
    }),
  )

  // The design system's images (the icons its styles use), straight from the package. The favicon,
  // touch icons, robots.txt and the web manifest are in public/, which the build copies into build/client.
  app.use('/nhsuk', routeNamed('/nhsuk/*'), express.static(NHSUK_ASSETS, { maxAge: '7d', fallthrough: false }))

  if (viteMiddleware) {
    app.use(viteMiddleware)
  } else {
    app.use(
      '/assets',
      routeNamed('/assets/*'),
      express.static('build/client/assets', { immutable: true, maxAge: '1y', fallthrough: false }),
    )
    // Fingerprinted files (above) are kept for a year; the rest of public/ an hour, as its names never change.
    app.use(express.static('build/client', { maxAge: '1h' }))
  }

  // Past capacity, a quick 503 with a busy page rather than a slow failure (static files above are never turned away).
  app.use(
    loadShedding({
      logger,
      maxInFlight: env.MAX_IN_FLIGHT_REQUESTS,
      maxEventLoopDelayMs: env.BUSY_EVENT_LOOP_DELAY_MS,
      retryAfterSeconds: env.BUSY_RETRY_AFTER_SECONDS,
      stylesheets: () => rootStyles,
    }),
  )
  const handleWithRemix = createRequestHandler({
    // The built server as an object, not a function: Remix derives its routes and its data router
    // from a function's build again on every request (for Vite's reloads in development), which was
    // about a tenth of a page's CPU in production.
    build,
    mode: env.isProduction ? 'production' : 'development',
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      clientAddress: req.ip ?? '',
      requestId: res.locals.requestId as string,
    }),
  })
  app.all('*', async (req, res, next) => {
    try {
      res.locals.route = routePattern(await loadBuild(), req.path)
    } catch (error) {
      return next(error)
    }
    // A request the body idle timeout has answered: the route's late answer (or its failure to
    // write one) has nowhere to go.
    return handleWithRemix(req, res, (error?: unknown) => (answeredByBodyTimeout(res) ? undefined : next(error)))
  })

  app.use(serverErrors({ logger }))
  return app
}
