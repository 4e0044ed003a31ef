import type { ReactNode } from 'react'
import { Footer, Header, SkipLink, type FooterProps, type HeaderNavigationItem } from '~/components/nhs'
import { SERVICE_NAME } from '~/components/page-title'

export type DocumentShellProps = {
  /** What the head holds besides the character set and viewport: title, styles, icons. */
  head: ReactNode
  user: { name: string } | null
  navigation: HeaderNavigationItem[]
  /** The footer's contact line, where the page knows it. */
  contact?: FooterProps['contact']
  /** What comes first in the body, before the skip link. */
  bodyStart?: ReactNode
  /** What comes after the footer: the app's scripts. */
  bodyEnd?: ReactNode
  /** The main content. */
  children: ReactNode
}

/**
 * The whole HTML document of the portal: the NHS header with the reader's navigation and account
 * links, the main content and the footer. The app's layout (root.tsx) and the refusal page of a
 * download (refusal-document.tsx) are both this document.
 */
export function DocumentShell({ head, user, navigation, contact, bodyStart, bodyEnd, children }: DocumentShellProps) {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {head}
      </head>
      <body suppressHydrationWarning>
        {bodyStart}
        <SkipLink href="#maincontent" />
        <Header
          serviceName={SERVICE_NAME}
          serviceHref="/"
          user={user}
          navigation={navigation}
          account={
            user
              ? [
                  { href: '/account', text: user.name, icon: true },
                  { text: 'Sign out', form: { action: '/sign-out', method: 'post' } },
                ]
              : undefined
          }
        />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            {children}
          </main>
        </div>
        <Footer
          links={[
            { href: '/framework', text: 'Quality and improvement outcomes framework' },
            { href: '/accessibility', text: 'Accessibility statement' },
            { href: '/privacy', text: 'Privacy notice' },
            { href: '/cookies', text: 'Cookies' },
            { href: '/glossary', text: 'Glossary' },
            { href: '/healthcheck', text: 'Service status' },
          ]}
          contact={contact}
          copyright="NHS England"
        />
        {bodyEnd}
      </body>
    </html>
  )
}
