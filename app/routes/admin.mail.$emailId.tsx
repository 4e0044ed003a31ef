import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BackLink, Breadcrumbs, InsetText, SummaryList } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { getSentEmail, requireMailReader } from '~/modules/notifications/sent-mail.server'
import { formatDateTime } from '~/utils/dates'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? data.subject : 'Email'} - Email sent - Administration - LKS Quality Portal` },
]

// One email the portal sent: its record, and its headers and plain text read back from the .eml file.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requireMailReader(user)
  return getSentEmail(user, params.emailId ?? '')
}

export default function SentEmailMessagePage() {
  const email = useLoaderData<typeof loader>()
  const { content } = email
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
          { href: '/admin/mail', text: 'Email sent' },
        ]}
      />
      <span className="nhsuk-caption-l">Email sent</span>
      <h1 className="app-preserve-lines">{email.subject}</h1>
      <SummaryList
        rows={[
          { key: 'Sent', value: formatDateTime(email.sentAt) },
          { key: 'Kind', value: email.kindLabel },
          { key: 'To', value: <span className="app-preserve-lines">{email.recipients.split(', ').join('\n')}</span> },
        ]}
      />
      {content.kind === 'EML' ? (
        <>
          <h2>Headers</h2>
          <SummaryList
            rows={content.headers.map((header) => ({
              key: header.name,
              value: <span className="app-preserve-lines">{header.value}</span>,
            }))}
          />
          <h2>Message</h2>
          <div className="nhsuk-inset-text">
            <p className="app-preserve-lines">{content.text}</p>
          </div>
          <p className="nhsuk-body-s">
            From the file {content.fileName} in the mail folder. Only the plain text is shown.
          </p>
        </>
      ) : content.kind === 'TOO_LARGE' ? (
        <InsetText>
          <p>The file of this email is too large to show here.</p>
        </InsetText>
      ) : (
        <InsetText>
          <p>
            No copy of this email is in the mail folder: it was sent over SMTP, and the portal keeps only who it went
            to, its subject and when it was sent.
          </p>
        </InsetText>
      )}
      <BackLink href="/admin/mail">Back to email sent</BackLink>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
