import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { REQUEST_REFERENCE_ATTRIBUTE, RequestIdProvider } from '~/utils/request-id'

// The reference the 500 page shows: the server's, when the page arrived as an error page; after
// that, the X-Request-Id of the last data request the server failed to answer.
let failedRequestId = document.querySelector(`[${REQUEST_REFERENCE_ATTRIBUTE}]`)?.textContent ?? undefined
const fetchFromServer = window.fetch.bind(window)
window.fetch = async (...args) => {
  const response = await fetchFromServer(...args)
  if (response.status >= 500) failedRequestId = response.headers.get('X-Request-Id') ?? undefined
  return response
}

declare global {
  interface Window {
    __remixContext?: { stream?: unknown }
  }
}

/**
 * Waits until Remix has decoded the page's data. With single fetch, RemixBrowser suspends while it
 * decodes the data streamed into the page; if the person types or clicks in that moment, React 18
 * hydrates synchronously, cannot suspend, gives up on the whole document and leaves a page that
 * never starts ("Root did not complete", React error 345; remix-run/remix#10214). Calling
 * RemixBrowser once before hydrating starts the decoding and hands back the promise it would have
 * suspended on (it runs no hooks before that point), so hydration starts with the data in hand.
 */
async function pageDataDecoded() {
  if (window.__remixContext?.stream === undefined) return
  try {
    RemixBrowser({})
  } catch (thrown) {
    if (thrown instanceof Promise) await thrown
  }
}

void pageDataDecoded().then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RequestIdProvider value={() => failedRequestId}>
          <RemixBrowser />
        </RequestIdProvider>
      </StrictMode>,
    )
  })
})
