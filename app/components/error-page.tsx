import { Link } from '@remix-run/react'
import { useErrorPageTitle } from './page-title'
import { REQUEST_REFERENCE_ATTRIBUTE, useRequestId } from '~/utils/request-id'

const PAGES: Record<number, { title: string; body: string[] }> = {
  403: {
    title: 'You do not have permission to view this page',
    body: [
      'This page belongs to a service, organisation or region your account does not cover.',
      'If you think you should have access, contact your regional lead or the national team.',
    ],
  },
  404: {
    title: 'Page not found',
    body: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  405: {
    title: 'This page cannot do that',
    body: ['Go back to the page you came from and try again.'],
  },
  409: {
    title: 'This can no longer be changed',
    body: [
      'The submission has moved on since you opened the page: it may have been sent for sign-off or submitted.',
      'Go back to the submission to see where it is now.',
    ],
  },
  500: {
    title: 'Sorry, there is a problem with the service',
    body: [
      'Try again later. Anything you saved before the problem is kept.',
      'If the problem continues, contact the national team.',
    ],
  },
}

function pageFor(status: number) {
  return PAGES[status] ?? (status >= 500 ? PAGES[500]! : PAGES[404]!)
}

/** The error page's heading and paragraphs, for pages rendered outside the app's layout. */
export function errorPageContent(status: number): { title: string; body: readonly string[] } {
  return pageFor(status)
}

/** The error page's heading, which is also the first part of its title ("Page not found"). */
export function errorPageHeading(status: number) {
  return pageFor(status).title
}

/**
 * NHS-style error pages (403, 404, 500): plain words, no technical detail. Any error boundary can
 * render it; the document title follows ("Page not found – LKS Quality Portal").
 */
export function ErrorPage({ status, back }: { status: number; back?: { href: string; text: string } | null }) {
  const page = pageFor(status)
  useErrorPageTitle(status)
  const requestId = useRequestId()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{page.title}</h1>
        {page.body.map((text) => (
          <p key={text}>{text}</p>
        ))}
        {status >= 500 && requestId ? (
          <p>
            If you contact the national team, quote this reference:{' '}
            <strong {...{ [REQUEST_REFERENCE_ATTRIBUTE]: '' }}>{requestId}</strong>
          </p>
        ) : null}
        {back ? (
          <p>
            <Link to={back.href}>{back.text}</Link>
          </p>
        ) : null}
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </div>
    </div>
  )
}
