import '@remix-run/node'

// What the HTTP server (server/app.ts) hands every loader and action.
declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string
    clientAddress: string
    /** This request's id, in every log line about it and on the error page. */
    requestId: string
  }
}
