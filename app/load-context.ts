import '@remix-run/node'

// What server.js hands every loader and action.
declare module '@remix-run/node' {
  interface AppLoadContext {
    cspNonce: string
    clientAddress: string
  }
}
