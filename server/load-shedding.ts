// Past capacity, the portal answers quickly that it is busy instead of slowly failing (issue 13):
// a request that would wait behind too many others in this process, or arrive while the event
// loop is already running late, gets 503 with Retry-After and a "Sorry, the service is busy" page.
// Saves are worth more than page views, so a form post is let in until twice the limit. A form
// post that is turned away gets its text back on the busy page, in a form that sends it again, so
// nothing typed is lost. Every request turned away is logged.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { RequestHandler } from 'express'
import type { Logger } from 'pino'

export type LoadSheddingOptions = {
  logger: Logger
  /** Requests this process handles at once before page views are turned away. */
  maxInFlight: number
  /** Event-loop delay (p99 over the last half second, ms) past which page views are turned away. */
  maxEventLoopDelayMs: number
  /** Seconds to suggest in Retry-After. */
  retryAfterSeconds: number
  /** Stylesheets of the design system for the busy page. */
  stylesheets?: () => string[]
  /** Measures the event loop; replaced in tests. */
  eventLoopDelayMs?: () => number
}

const EXEMPT = /^\/(healthcheck|readiness)$/
const MAX_KEPT_BODY_BYTES = 1024 * 1024

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}

/** The event loop's recent delay: p99 of a histogram reset every half second. */
function eventLoopMonitor(): () => number {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  let recent = 0
  setInterval(() => {
    recent = histogram.percentile(99) / 1e6
    histogram.reset()
  }, 500).unref()
  return () => recent
}

/** The busy page; a form post's fields come back in a form that sends them again. */
export function busyPage(input: {
  path: string
  fields: Array<[string, string]> | null
  stylesheets: string[]
}): string {
  const kept = input.fields?.filter(([name]) => name !== 'intent') ?? []
  const form = input.fields
    ? `<p class="nhsuk-body">What you typed has not been saved yet, but it has been kept on this page. Select "Send it again" in a minute or two.</p>
    <form method="post" action="${escapeHtml(input.path)}" novalidate>
      ${kept
        .map(([name, value], i) =>
          value.length > 120 || value.includes('\n')
            ? `<div class="nhsuk-form-group"><label class="nhsuk-label" for="kept-${i}">${escapeHtml(name)}</label><textarea class="nhsuk-textarea" id="kept-${i}" name="${escapeHtml(name)}" rows="8">${escapeHtml(value)}</textarea></div>`
            : `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
        )
        .join('\n      ')}
      ${input.fields
        .filter(([name]) => name === 'intent')
        .map(([, value]) => `<input type="hidden" name="intent" value="${escapeHtml(value)}">`)
        .join('')}
      <button class="nhsuk-button" type="submit">Send it again</button>
    </form>`
    : `<p class="nhsuk-body">Try again in a minute or two. If you were sending a file, select the file again; the text you typed is still on the page you came from (use your browser's back button).</p>`
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sorry, the service is busy - LKS Quality Portal</title>
  ${input.stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n  ')}
</head>
<body>
  <main class="nhsuk-main-wrapper" id="maincontent">
    <div class="nhsuk-width-container">
      <h1 class="nhsuk-heading-l">Sorry, the service is busy</h1>
      <p class="nhsuk-body">A lot of people are using the LKS Quality Portal at the moment.</p>
      ${form}
    </div>
  </main>
</body>
</html>
`
}

async function readFormFields(req: Parameters<RequestHandler>[0]): Promise<Array<[string, string]> | null> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return null
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_KEPT_BODY_BYTES) return null
    chunks.push(chunk)
  }
  return [...new URLSearchParams(Buffer.concat(chunks).toString('utf8'))]
}

export function loadShedding(options: LoadSheddingOptions): RequestHandler {
  const delay = options.eventLoopDelayMs ?? eventLoopMonitor()
  let inFlight = 0
  return (req, res, next) => {
    if (EXEMPT.test(req.path)) return next()
    const isPost = req.method !== 'GET' && req.method !== 'HEAD'
    const limit = isPost ? options.maxInFlight * 2 : options.maxInFlight
    const maxDelay = isPost ? options.maxEventLoopDelayMs * 3 : options.maxEventLoopDelayMs
    const lag = delay()
    if (inFlight >= limit || lag > maxDelay) {
      options.logger.warn(
        { method: req.method, path: req.path, inFlight, eventLoopDelayMs: Math.round(lag) },
        'Busy: request turned away with 503',
      )
      void (isPost ? readFormFields(req) : Promise.resolve(null))
        .catch(() => null)
        .then((fields) => {
          res
            .status(503)
            .set({ 'Retry-After': String(options.retryAfterSeconds), 'Cache-Control': 'no-store', Connection: 'close' })
            .type('html')
            .send(busyPage({ path: req.originalUrl, fields, stylesheets: options.stylesheets?.() ?? [] }))
        })
      return
    }
    inFlight++
    res.once('close', () => inFlight--)
    next()
  }
}
