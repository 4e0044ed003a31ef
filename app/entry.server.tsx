import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { getEnv } from '~/utils/env.server'
import { ServerPageStateProvider, type ServerPageState } from '~/components/page-title'
import { logger } from '~/utils/logger.server'
import { NonceProvider } from '~/utils/nonce'
import { RequestIdProvider } from '~/utils/request-id'

// Validate the configuration as the server starts, not on the first request: a production
// server with a missing or weak SESSION_SECRET must refuse to start.
getEnv()

export const streamTimeout = 5_000

// The server's request guard (server/request-guard.js) reports each refusal here.
export { recordRefusedRequest } from '~/modules/audit/security-events.server'

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdProvider value={() => loadContext.requestId}>
          <ServerPageStateProvider value={pageState(request, responseStatusCode, remixContext)}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </ServerPageStateProvider>
        </RequestIdProvider>
      </NonceProvider>,
      {
        nonce,
        // Once everything is rendered, the page only has to be written out: it is never cut off,
        // however long a busy server takes to send it.
        onAllReady() {
          clearTimeout(abortTimer)
        },
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          if (waitForAll) clearTimeout(abortTimer)
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          clearTimeout(abortTimer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) logger.error({ err: error }, 'Rendering the page failed')
        },
      },
    )
    // A render still waiting for data after this is stopped, and the reason logged, never silently.
    const abortTimer = setTimeout(() => {
      logger.error({ url: request.url, afterMs: streamTimeout + 1000 }, 'Rendering the page took too long: stopped')
      abort(new Error(`Rendering took longer than ${streamTimeout + 1000} ms`))
    }, streamTimeout + 1000)
  })
}

/**
 * The head is rendered before the body, so the title learns here whether this is an error page or a
 * form that came back with errors (a refused POST answers 4xx with the action's data).
 */
function pageState(request: Request, status: number, remixContext: EntryContext): ServerPageState {
  const { errors, actionData } = remixContext.staticHandlerContext
  if (errors) {
    const error = Object.values(errors)[0]
    return { errorStatus: isRouteErrorResponse(error) ? error.status : 500, formRejected: false }
  }
  const formRejected = request.method !== 'GET' && actionData != null && status >= 400 && status < 500
  return { errorStatus: null, formRejected }
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests and unknown URLs are not faults; everything else is logged for the team.
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status === 404) return
  // The line carries the request id (the logger adds it), which the error page shows the user.
  logger.error({ err: error }, 'Server error')
}
