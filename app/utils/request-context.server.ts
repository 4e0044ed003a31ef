import { AsyncLocalStorage } from 'node:async_hooks'

/** What the portal knows about the request being handled, wherever in the code it is asked. */
export type RequestContext = {
  requestId: string
  /** Set once the session names the user, for the request's log line. */
  userId?: string
}

// One store per process, shared by the HTTP server (server/) and the Remix build, which each
// bundle their own copy of this module: the store itself lives on globalThis under a fixed key.
const KEY = Symbol.for('lks-quality-portal.request-context')
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestContext> }
const storage = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>())

/** Runs `fn` with `context` as the current request's context. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn)
}

/** The context of the request being handled, if any (none in scripts and at start-up). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore()
}

/** Records who is signed in, so the request's log line names them. */
export function noteSignedInUser(userId: string): void {
  const context = storage.getStore()
  if (context) context.userId = userId
}
