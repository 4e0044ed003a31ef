import { randomUUID } from 'node:crypto'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
import { runWithRequestContext, type RequestContext } from '~/utils/request-context.server'

/**
 * Gives every request an id (sent back as X-Request-Id, shown on the error page, written on every
 * log line about it) and, when `logRequests` is on, logs one line when the response ends: method,
 * route pattern (never the URL, which may carry a token), status, duration, user id and request id.
 * Handlers record the route pattern in `res.locals.route`; the session records the user.
 */
export function requestLogging({ logger, logRequests }: { logger: Logger; logRequests: boolean }): RequestHandler {
  return (req, res, next) => {
    const context: RequestContext = { requestId: randomUUID() }
    res.locals.requestId = context.requestId
    res.setHeader('X-Request-Id', context.requestId)
    if (logRequests) {
      const started = process.hrtime.bigint()
      let logged = false
      const log = () => {
        if (logged) return
        logged = true
        logger.info(
          {
            requestId: context.requestId,
            method: req.method,
            route: (res.locals.route as string | undefined) ?? null,
            status: res.statusCode,
            durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
            userId: context.userId ?? null,
            ...(res.writableFinished ? {} : { aborted: true }),
          },
          'request',
        )
      }
      res.on('finish', log)
      res.on('close', log)
    }
    runWithRequestContext(context, next)
  }
}

/** The HTTP status an error asks for, as static-file and body-parsing errors carry one (404, 413...). */
function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null
}

/**
 * Errors that reach Express rather than Remix. A client error (a missing static file) is answered
 * with its status; anything else is logged with its stack and request id and answered with the
 * reference to quote.
 */
export function serverErrors({ logger }: { logger: Logger }): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error)
    const clientError = statusOf(error)
    if (clientError) {
      res
        .status(clientError)
        .type('text/plain')
        .send(clientError === 404 ? 'Not found' : 'Bad request')
      return
    }
    const requestId = res.locals.requestId as string | undefined
    logger.error({ err: error, requestId }, 'Server error')
    res
      .status(500)
      .type('text/plain')
      .send(
        `Sorry, there is a problem with the service. Try again later.\n` +
          (requestId ? `If you contact the national team, quote this reference: ${requestId}\n` : ''),
      )
  }
}
