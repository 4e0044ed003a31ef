import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Table } from '~/components/nhs'
import { Pagination } from '~/components/pagination'
import { getSubmissionHistory } from '~/modules/audit/history.server'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { formatDateTime } from '~/utils/dates'
import { integerParam, notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `History${data.history.pageCount > 1 ? ` (page ${data.history.page} of ${data.history.pageCount})` : ''} - ${data.organisationName}, ${data.cycleName} - LKS Quality Portal`
      : 'History - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'audit:view')
  const pageParam = new URL(request.url).searchParams.get('page')
  const page = pageParam === null ? 1 : integerParam(pageParam, 1, 1_000_000)
  const history = await getSubmissionHistory(user, context, page)
  if (!history) notFound()
  return {
    submissionId: context.id,
    reference: context.reference,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    history,
  }
}

export default function HistoryPage() {
  const { submissionId, reference, organisationName, cycleName, history } = useLoaderData<typeof loader>()
  const base = `/submissions/${submissionId}`
  const first = (history.page - 1) * history.pageSize + 1
  const last = first + history.events.length - 1
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: base, text: `${organisationName}, ${cycleName}` },
        ]}
      />
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>History</h1>
      <p>Everything recorded about submission {reference}, newest first. Times are UK time.</p>
      {history.events.length ? (
        <>
          <p id="history-count">
            {history.pageCount > 1
              ? `Showing events ${first} to ${last} of ${history.total}`
              : `${history.total} ${history.total === 1 ? 'event' : 'events'}`}
          </p>
          <Table
            caption={
              history.pageCount > 1
                ? `Recorded events, page ${history.page} of ${history.pageCount}`
                : 'Recorded events'
            }
            captionSize="s"
            responsive
            head={['When', 'Who', 'What happened', 'Details']}
            rows={history.events.map((event) => [
              formatDateTime(event.at),
              event.who,
              event.href ? (
                <a key="d" href={event.href}>
                  {event.description}
                </a>
              ) : (
                event.description
              ),
              event.changes.length ? (
                <ul key="c" className="nhsuk-list">
                  {event.changes.map((change, index) => (
                    <li key={index}>{change}</li>
                  ))}
                </ul>
              ) : (
                'None'
              ),
            ])}
          />
          <Pagination
            page={history.page}
            pageCount={history.pageCount}
            href={(page) => `${base}/history?page=${page}`}
          />
        </>
      ) : (
        <p>Nothing has been recorded about this submission yet.</p>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
