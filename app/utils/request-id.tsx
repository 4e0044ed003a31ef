import { createContext, useContext } from 'react'

// The id of the request that failed, for the 500 page to show as a reference to quote. On the
// server it is this response's id; in the browser, after a client-side navigation, the id of the
// last data request the server could not answer (entry.client.tsx keeps it).
const RequestIdContext = createContext<() => string | undefined>(() => undefined)
export const RequestIdProvider = RequestIdContext.Provider
export const useRequestId = () => useContext(RequestIdContext)()

/** Marks the element that shows the reference, so the browser can pick it up as it hydrates. */
export const REQUEST_REFERENCE_ATTRIBUTE = 'data-request-reference'
