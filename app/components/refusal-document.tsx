import { DocumentShell } from '~/components/document-shell'
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
 * bare words of the refusal. The same document (components/document-shell.tsx) and words as the app's error pages; no script.
 */
export function RefusalDocument({ status, detail, stylesheet, user, navigation }: RefusalDocumentProps) {
  const page = errorPageContent(status)
  return (
    <DocumentShell
      head={
        <>
          <title>{`${page.title} - ${SERVICE_NAME}`}</title>
          <link rel="stylesheet" href={stylesheet} />
          <link rel="icon" href="/nhsuk/images/favicon.ico" sizes="48x48" />
        </>
      }
      user={user}
      navigation={[...navigation]}
    >
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
    </DocumentShell>
  )
}
