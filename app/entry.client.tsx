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
