// How the page's parts tell one another about the session, in the browser (no server code):
// a background save that learns the session's new end, or that it has ended; the warning that
// finds the person signed in again. Another tab signing in is told through local storage.

export type SessionTimes = { expiresAt: string; now: string }

export const SESSION_RENEWED = 'lks:session-renewed'
export const SESSION_ENDED = 'lks:session-ended'
export const SESSION_BACK = 'lks:session-back'
/** Local storage key written whenever a page loads signed in, so other tabs learn of a new sign-in. */
export const SIGNED_IN_KEY = 'lks:signed-in'

export function announceSessionRenewed(times: SessionTimes) {
  window.dispatchEvent(new CustomEvent<SessionTimes>(SESSION_RENEWED, { detail: times }))
}

export function announceSessionEnded() {
  window.dispatchEvent(new Event(SESSION_ENDED))
}

export function announceSessionBack() {
  window.dispatchEvent(new Event(SESSION_BACK))
}
