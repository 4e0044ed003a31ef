import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useEffect, useMemo, type ReactNode } from 'react'
import { NotificationBanner } from '~/components/nhs'
import { DocumentShell } from '~/components/document-shell'
import { ErrorPage, errorPageHeading } from '~/components/error-page'
import { DocumentMeta, PageTitleProvider, SERVICE_NAME } from '~/components/page-title'
import { getSessionUser } from '~/modules/auth/session.server'
import { navigationFor } from '~/modules/auth/navigation'
import { readFlash } from '~/utils/flash.server'
import { getEnv } from '~/utils/env.server'
import { contactDetails } from '~/modules/content/contact.server'
import { SessionTimeout } from '~/components/session-timeout'
import { useNonce } from '~/utils/nonce'
import stylesheet from '~/styles/app.scss?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  // The NHS frontend's favicon and touch icons, copied into public/ (served from the site's root).
  { rel: 'icon', href: '/favicon.ico', sizes: '48x48' },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'apple-touch-icon', href: '/apple-touch-icon.png' },
  { rel: 'manifest', href: '/manifest.webmanifest' },
]

export const meta: MetaFunction = () => [{ title: SERVICE_NAME }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  const { flash, setCookie } = await readFlash(request)
  const contact = await contactDetails()
  return data(
    {
      // The footer's contact line: the same details as the statement and the privacy notice.
      contact: { team: contact.team, email: contact.email },
      user: user ? { name: user.name, email: user.email } : null,
      navigation: user ? navigationFor(user) : [],
      flash,
      // When the session ends unless used again (the warning before it, WCAG 2.2.1).
      session: user
        ? {
            expiresAt: user.expiresAt.toISOString(),
            now: new Date().toISOString(),
            idleHours: getEnv().SESSION_TTL_HOURS,
          }
        : null,
    },
    { headers: setCookie ? { 'Set-Cookie': setCookie } : undefined },
  )
}

/** Starts the design system's scripts for what is on the page (character counts, radios...). */
function useNhsFrontend() {
  const location = useLocation()
  useEffect(() => {
    let cancelled = false
    void import('~/utils/nhsuk-frontend.client').then(({ initNhsFrontend }) => {
      if (!cancelled) initNhsFrontend()
    })
    return () => {
      cancelled = true
    }
  }, [location.key])
}

/** Marks the page as started (hydrated), for browser tests that must know the scripts are running. */
function useHydratedMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true'
  }, [])
}

export function Layout({ children }: { children: ReactNode }) {
  useHydratedMarker()
  const nonce = useNonce()
  const rootData = useRouteLoaderData<typeof loader>('root')
  const location = useLocation()
  const navigation = (rootData?.navigation ?? []).map((item) => ({
    ...item,
    current: item.href === '/' ? location.pathname === '/' : location.pathname.startsWith(item.href),
  }))
  return (
    <PageTitleProvider>
      <DocumentShell
        head={
          <>
            <DocumentMeta errorHeading={errorPageHeading} />
            <Links />
          </>
        }
        user={rootData?.user ?? null}
        navigation={navigation}
        contact={rootData?.contact}
        bodyStart={
          // The design system's CSS shows JavaScript-only parts only once this class is set.
          <script
            nonce={nonce}
            dangerouslySetInnerHTML={{ __html: "document.body.className += ' nhsuk-frontend-supported'" }}
          />
        }
        bodyEnd={
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
            <HydrationKey pathname={location.pathname} />
          </>
        }
      >
        {rootData?.session ? <SessionClock session={rootData.session} /> : null}
        {rootData?.flash ? (
          <NotificationBanner
            title={rootData.flash.type === 'success' ? 'Success' : 'Important'}
            success={rootData.flash.type === 'success'}
          >
            <p className="nhsuk-notification-banner__heading">{rootData.flash.title}</p>
            {rootData.flash.description ? <p className="nhsuk-body">{rootData.flash.description}</p> : null}
            {rootData.flash.items?.length ? (
              <ul className="nhsuk-list nhsuk-list--bullet">
                {rootData.flash.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </NotificationBanner>
        ) : null}
        {children}
      </DocumentShell>
    </PageTitleProvider>
  )
}

// Renders nothing; keeps the design-system scripts in step with client-side navigation.
function HydrationKey(_: { pathname: string }) {
  useNhsFrontend()
  return null
}

// The session's times as one object that changes only when the server says something new.
function SessionClock({ session }: { session: { expiresAt: string; now: string; idleHours: number } }) {
  const { expiresAt, now, idleHours } = session
  const times = useMemo(() => ({ expiresAt, now }), [expiresAt, now])
  return <SessionTimeout times={times} idleHours={idleHours} />
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  if (isRouteErrorResponse(error)) {
    return <ErrorPage status={error.status} />
  }
  return <ErrorPage status={500} />
}
