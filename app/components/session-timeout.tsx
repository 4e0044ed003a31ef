import { useCallback, useEffect, useRef, useState } from 'react'
import {
  announceSessionBack,
  SESSION_ENDED,
  SESSION_RENEWED,
  SIGNED_IN_KEY,
  type SessionTimes,
} from '~/utils/session-events'
import { hoursInWords } from '~/modules/auth/signed-out'
import { formatTime } from '~/utils/dates'

/** The warning comes this long before an idle session ends (WCAG 2.2.1 asks for at least 20 s; we give 5 min). */
export const WARN_BEFORE_MS = 5 * 60 * 1000

type Phase = 'active' | 'warning' | 'ended' | 'renewed'

/** When the session ends, in this browser's clock (the server's time may differ from it). */
function localDeadline(times: SessionTimes): number {
  return Date.now() + (Date.parse(times.expiresAt) - Date.parse(times.now))
}

/**
 * With JavaScript, on every signed-in page: a banner, announced by screen readers, a few minutes
 * before an idle session ends, with a button to stay signed in; and, once it has ended (or a
 * background save finds it gone), what happened and how to carry on without losing anything.
 */
export function SessionTimeout({ times, idleHours }: { times: SessionTimes; idleHours: number }) {
  const [deadline, setDeadline] = useState<number | null>(null)
  const [phase, setPhase] = useState<Phase>('active')
  const [busy, setBusy] = useState(false)
  const phaseRef = useRef(phase)
  phaseRef.current = phase

  // Every page load (and background save) says when the session now ends.
  useEffect(() => {
    setDeadline(localDeadline(times))
    // The server only sends these times to someone signed in.
    setPhase('active')
    window.localStorage.setItem(SIGNED_IN_KEY, String(Date.now()))
  }, [times])

  useEffect(() => {
    const renewed = (event: Event) => {
      const detail = (event as CustomEvent<SessionTimes>).detail
      setDeadline(localDeadline(detail))
      setPhase((current) => (current === 'warning' || current === 'ended' ? 'active' : current))
    }
    const ended = () => setPhase('ended')
    window.addEventListener(SESSION_RENEWED, renewed)
    window.addEventListener(SESSION_ENDED, ended)
    return () => {
      window.removeEventListener(SESSION_RENEWED, renewed)
      window.removeEventListener(SESSION_ENDED, ended)
    }
  }, [])

  // The warning and the end, each at its time.
  useEffect(() => {
    if (deadline === null) return
    const timers: Array<ReturnType<typeof setTimeout>> = []
    const now = Date.now()
    const at = (ms: number, next: Phase) => {
      const wait = ms - now
      if (wait <= 0) setPhase((current) => (current === 'ended' ? current : next))
      // Browsers cap timers near 24.8 days; an idle session is far shorter.
      else timers.push(setTimeout(() => setPhase((current) => (current === 'ended' ? current : next)), wait))
    }
    if (now < deadline - WARN_BEFORE_MS) setPhase((current) => (current === 'warning' ? 'active' : current))
    at(deadline - WARN_BEFORE_MS, 'warning')
    at(deadline, 'ended')
    return () => timers.forEach(clearTimeout)
  }, [deadline])

  const stay = useCallback(async () => {
    setBusy(true)
    try {
      const response = await fetch('/session/keep-alive', { method: 'POST', headers: { Accept: 'application/json' } })
      if (response.status === 401) {
        setPhase('ended')
        return
      }
      if (!response.ok) return
      const body = (await response.json()) as SessionTimes
      const wasEnded = phaseRef.current === 'ended'
      setDeadline(localDeadline(body))
      setPhase('renewed')
      if (wasEnded) announceSessionBack()
    } catch {
      // Offline: the banner stays, and the person can try again.
    } finally {
      setBusy(false)
    }
  }, [])

  // Signed out: when the person signs in again (in another tab, or comes back to this one), check.
  useEffect(() => {
    if (phase !== 'ended') return
    const check = () => void stay()
    const onStorage = (event: StorageEvent) => {
      if (event.key === SIGNED_IN_KEY) check()
    }
    window.addEventListener('storage', onStorage)
    window.addEventListener('focus', check)
    return () => {
      window.removeEventListener('storage', onStorage)
      window.removeEventListener('focus', check)
    }
  }, [phase, stay])

  const here = typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search
  // The alert is put on the page with its message (as the error summary is), so screen readers
  // announce it, and there is no empty alert on every page for anything else to be confused with.
  const message =
    phase === 'warning' && deadline !== null ? (
      <div className="nhsuk-notification-banner app-session-timeout__banner" aria-labelledby="session-timeout-title">
        <div className="nhsuk-notification-banner__header">
          <h2 className="nhsuk-notification-banner__title" id="session-timeout-title">
            Important
          </h2>
        </div>
        <div className="nhsuk-notification-banner__content">
          <p className="nhsuk-notification-banner__heading">You will be signed out soon</p>
          <p className="nhsuk-body">
            You have not used the portal for a while. To keep your information safe, you will be signed out at{' '}
            {formatTime(new Date(deadline))} unless you choose to stay signed in.
          </p>
          <button type="button" className="nhsuk-button nhsuk-u-margin-bottom-0" onClick={stay} disabled={busy}>
            Stay signed in
          </button>
        </div>
      </div>
    ) : phase === 'ended' ? (
      <div className="nhsuk-notification-banner app-session-timeout__banner" aria-labelledby="session-timeout-title">
        <div className="nhsuk-notification-banner__header">
          <h2 className="nhsuk-notification-banner__title" id="session-timeout-title">
            Important
          </h2>
        </div>
        <div className="nhsuk-notification-banner__content">
          <p className="nhsuk-notification-banner__heading">You have been signed out</p>
          <p className="nhsuk-body">
            Your session ended (after {hoursInWords(idleHours)} without use, or because it was ended elsewhere). Nothing
            you typed on this page has been lost: it is still here, and kept in this browser.
          </p>
          <p className="nhsuk-body">
            <a href={`/sign-in?${new URLSearchParams({ redirectTo: here })}`} target="_blank" rel="noreferrer">
              Sign in again in a new tab (opens in a new tab)
            </a>
            , then come back to this page: what you typed will be saved. Or press a save button on this page: you will
            be asked to sign in and brought back here with your text.
          </p>
        </div>
      </div>
    ) : phase === 'renewed' ? (
      <p className="nhsuk-u-visually-hidden">You are still signed in.</p>
    ) : null
  return <div className="app-session-timeout">{message ? <div role="alert">{message}</div> : null}</div>
}
