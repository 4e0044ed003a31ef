import { Footer, Header, SkipLink } from '~/components/nhs'
import { errorPageContent } from '~/components/error-page'
import { SERVICE_NAME } from '~/components/page-title'

export type RefusalDocumentProps = {
  status: number
  /** What was refused, in words, when the refusal says more than the page does. */
  detail?: string
  stylesheet: string
  user: { name: string } | null
  navigation: ReadonlyArray<{ href: string; text: string }>
}

/**
 * The NHS-style error page as a whole document, for a download (a PDF, a ZIP, an export) that is
 * refused: a resource route has no layout of its own, so without this the browser would show the
 * bare words of the refusal. The same header, words and footer as the app's error pages; no script.
 */
export function RefusalDocument({ status, detail, stylesheet, user, navigation }: RefusalDocumentProps) {
  const page = errorPageContent(status)
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${page.title} - ${SERVICE_NAME}`}</title>
        <link rel="stylesheet" href={stylesheet} />
        <link rel="icon" href="/nhsuk/images/favicon.ico" sizes="48x48" />
      </head>
      <body>
        <SkipLink href="#maincontent" />
        <Header
          serviceName={SERVICE_NAME}
          serviceHref="/"
          user={user}
          navigation={navigation.map((item) => ({ ...item, current: false }))}
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
            <div className="nhsuk-grid-row">
              <div className="nhsuk-grid-column-two-thirds">
                <h1>{page.title}</h1>
                {detail ? <p>{detail.endsWith('.') ? detail : `${detail}.`}</p> : null}
                {page.body.map((text) => (
                  <p key={text}>{text}</p>
                ))}
                <p>
                  <a href="/">Go to the home page</a>
                </p>
              </div>
            </div>
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
          copyright="NHS England"
        />
      </body>
    </html>
  )
}
