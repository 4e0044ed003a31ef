import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Table } from '~/components/nhs'
import { getSubmissionHistory } from '~/modules/audit/history.server'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { formatDateTime } from '~/utils/dates'
import { integerParam, notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `History${data.history.pageCount > 1 ? ` (page ${data.history.page} of ${data.history.pageCount})` : ''} - ${data.organisationName}, ${data.cycleName} - LKS Quality Portal` : 'History - LKS Quality Portal' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'audit:view')
  const pageParam = new URL(request.url).searchParams.get('page')
  const page = pageParam === null ? 1 : integerParam(pageParam, 1, 1_000_000)
  const history = await getSubmissionHistory(context, page)
  if (!history) notFound()
  return { submissionId: context.id, reference: context.reference, organisationName: context.organisation.name, cycleName: context.cycle.name, history }
}

function ArrowIcon({ direction }: { direction: 'left' | 'right' }) {
  return (
    <svg className={`nhsuk-icon nhsuk-icon--arrow-${direction}`} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
      <path
        d={
          direction === 'left'
            ? 'M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z'
            : 'm14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z'
        }
      />
    </svg>
  )
}

/** nhsuk-frontend v10 pagination (previous and next), for a list shown page by page. */
function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pagination">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {page > 1 ? (
          <li className="nhsuk-pagination-item--previous">
            <a className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={href(page - 1)} rel="prev">
              <span className="nhsuk-pagination__title">
                Previous<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page - 1} of {pageCount}
              </span>
              <ArrowIcon direction="left" />
            </a>
          </li>
        ) : null}
        {page < pageCount ? (
          <li className="nhsuk-pagination-item--next">
            <a className="nhsuk-pagination__link nhsuk-pagination__link--next" href={href(page + 1)} rel="next">
              <span className="nhsuk-pagination__title">
                Next<span className="nhsuk-u-visually-hidden"> page</span>
              </span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">
                Page {page + 1} of {pageCount}
              </span>
              <ArrowIcon direction="right" />
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export default function HistoryPage() {
  const { submissionId, reference, organisationName, cycleName, history } = useLoaderData<typeof loader>()
  const base = `/submissions/${submissionId}`
  const first = (history.page - 1) * history.pageSize + 1
  const last = first + history.events.length - 1
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }, { href: base, text: `${organisationName}, ${cycleName}` }]} />
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>History</h1>
      <p>
        Everything recorded about submission {reference}, newest first. Times are UK time.
      </p>
      {history.events.length ? (
        <>
          <p id="history-count">
            {history.pageCount > 1 ? `Showing events ${first} to ${last} of ${history.total}` : `${history.total} ${history.total === 1 ? 'event' : 'events'}`}
          </p>
          <Table
            caption={history.pageCount > 1 ? `Recorded events, page ${history.page} of ${history.pageCount}` : 'Recorded events'}
            captionSize="s"
            responsive
            head={['When', 'Who', 'What happened', 'Details']}
            rows={history.events.map((event) => [
              formatDateTime(event.at),
              event.who,
              event.description,
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
          <Pagination page={history.page} pageCount={history.pageCount} href={(page) => `${base}/history?page=${page}`} />
        </>
      ) : (
        <p>Nothing has been recorded about this submission yet.</p>
      )}
    </>
  )
}
