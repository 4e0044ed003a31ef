import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, InsetText, Table } from '~/components/nhs'
import { Pagination } from '~/components/pagination'
import { requireUser } from '~/modules/auth/session.server'
import { listSentEmail, requireMailReader } from '~/modules/notifications/sent-mail.server'
import { formatDateTime } from '~/utils/dates'
import { integerParam, notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Email sent${data && data.pageCount > 1 ? ` (page ${data.page} of ${data.pageCount})` : ''} - Administration - LKS Quality Portal`,
  },
]

// Every email the portal has sent (issue 7, item 5), newest first, for national admins.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requireMailReader(user)
  const pageParam = new URL(request.url).searchParams.get('page')
  const page = pageParam === null ? 1 : integerParam(pageParam, 1, 1_000_000)
  const list = await listSentEmail(user, page)
  if (!list) notFound()
  return list
}

export default function SentEmailPage() {
  const { messages, page, pageCount, pageSize, total } = useLoaderData<typeof loader>()
  const first = (page - 1) * pageSize + 1
  const last = first + messages.length - 1
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
        ]}
      />
      <h1>Email sent</h1>
      <p>Every email the portal has sent, newest first. Times are UK time.</p>
      <InsetText>
        <p>
          Without a mail server (no SMTP_URL), messages are not delivered: they are written to the mail folder, and you
          can read them here.
        </p>
      </InsetText>
      {messages.length ? (
        <>
          <p>
            {pageCount > 1
              ? `Showing emails ${first} to ${last} of ${total}`
              : `${total} ${total === 1 ? 'email' : 'emails'}`}
          </p>
          <Table
            caption={pageCount > 1 ? `Email sent, page ${page} of ${pageCount}` : 'Email sent'}
            captionSize="s"
            responsive
            head={['Sent', 'Kind', 'To', 'Subject']}
            rows={messages.map((message) => [
              formatDateTime(message.sentAt),
              message.kindLabel,
              <span key="to" className="app-preserve-lines">
                {message.recipients.split(', ').join('\n')}
              </span>,
              <a key="subject" href={`/admin/mail/${message.id}`}>
                {message.subject}
              </a>,
            ])}
          />
          <Pagination page={page} pageCount={pageCount} href={(p) => `/admin/mail?page=${p}`} />
        </>
      ) : (
        <p>The portal has not sent any email yet.</p>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
