// A request body that stops arriving is cut off (issue 12, finding 10). Node's requestTimeout
// limits a whole request, so on its own it must either be short, which fails a large upload on a
// slow line, or long, which lets a client that has stopped sending hold a connection (and one of
// the process's places for requests in flight, server/load-shedding.ts) for as long. So the total
// is generous (REQUEST_TIMEOUT_MS) and this watches progress instead: while the portal is waiting
// for more of a body, nothing arriving for BODY_IDLE_TIMEOUT_MS ends the request. A modem-speed
// upload that keeps sending is never cut off; a stalled one is, whatever its size.
//
// "Waiting" matters: when the portal itself stops reading (scanning a file, say), Node pauses the
// socket once its buffer is full, and that time never counts against the client.
//
// The answer is a 408 page, with Connection: close so the socket is closed once it is sent. Then
// the body the route was reading ends with an error, so the upload code removes its partial files
// as for any upload cut off; the route's own answer, when it comes, has nowhere to go and is dropped.
import type { RequestHandler, Response } from 'express'
import type { Logger } from 'pino'
import { escapeHtml } from './load-shedding'

export type BodyIdleTimeoutOptions = {
  logger: Logger
  /** Milliseconds with no body bytes, while the portal waits for them, before the request ends. */
  idleMs: number
  /** Stylesheets of the design system for the page. */
  stylesheets?: () => string[]
}

/** The error a stalled body ends with, for the code that was reading it. */
export class BodyIdleTimeoutError extends Error {
  constructor(idleMs: number) {
    super(`No part of the request body arrived for ${idleMs} ms`)
  }
}

/** Marks a response the idle timeout has already answered, so the route's late answer is dropped. */
export function answeredByBodyTimeout(res: Response): boolean {
  return res.locals.bodyIdleTimedOut === true
}

export function bodyTimeoutPage(input: { idleSeconds: number; stylesheets: string[] }): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sorry, what you sent did not arrive - LKS Quality Portal</title>
  ${input.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n  ')}
</head>
<body>
  <main class="nhsuk-main-wrapper" id="maincontent">
    <div class="nhsuk-width-container">
      <h1 class="nhsuk-heading-l">Sorry, what you sent did not arrive</h1>
      <p class="nhsuk-body">Nothing arrived from your browser for ${input.idleSeconds} seconds, so the portal stopped waiting. Nothing from this form has been saved.</p>
      <p class="nhsuk-body">Check your connection, then go back (use your browser's back button) and send the form again. If you were sending files, select them again; slow connections are fine as long as the upload keeps moving.</p>
    </div>
  </main>
</body>
</html>
`
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true
  const length = Number(headers['content-length'] ?? 0)
  return Number.isFinite(length) && length > 0
}

export function bodyIdleTimeout(options: BodyIdleTimeoutOptions): RequestHandler {
  // Checked a few times within the timeout: precise enough, and one cheap timer per body.
  const every = Math.max(25, Math.min(1_000, Math.floor(options.idleMs / 4)))
  return (req, res, next) => {
    if (req.complete || !hasBody(req.headers)) return next()
    const socket = req.socket
    let bytesRead = socket.bytesRead
    let lastProgress = Date.now()
    const progressed = () => {
      if (socket.bytesRead === bytesRead && !socket.isPaused()) return false
      bytesRead = socket.bytesRead
      lastProgress = Date.now()
      return true
    }
    const timer = setInterval(() => {
      if (req.complete || socket.destroyed) return stop()
      if (progressed() || Date.now() - lastProgress < options.idleMs) return
      // Timers run before the event loop reads sockets: on a busy process, bytes may be waiting
      // unread. Look again once pending reads are done, so only the client's silence counts.
      setImmediate(checkAgain)
    }, every)
    const checkAgain = () => {
      if (req.complete || socket.destroyed || progressed() || answeredByBodyTimeout(res)) return
      stop()
      res.locals.bodyIdleTimedOut = true
      options.logger.warn(
        {
          method: req.method,
          route: res.locals.route ?? null,
          idleMs: options.idleMs,
          requestId: res.locals.requestId,
        },
        'A request body stopped arriving: request ended with 408',
      )
      // Ending the body with an error is what tells the route reading it (and removes its partial
      // files): once the answer is sent Node no longer ties the request to its socket.
      const cutOff = () => req.destroy(new BodyIdleTimeoutError(options.idleMs))
      if (res.headersSent) return cutOff()
      res.once('finish', cutOff)
      res
        .status(408)
        .set({ Connection: 'close', 'Cache-Control': 'no-store' })
        .type('html')
        .send(
          bodyTimeoutPage({
            idleSeconds: Math.max(1, Math.round(options.idleMs / 1000)),
            stylesheets: options.stylesheets?.() ?? [],
          }),
        )
    }
    timer.unref()
    function stop() {
      clearInterval(timer)
    }
    res.once('close', stop)
    next()
  }
}
