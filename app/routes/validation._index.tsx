import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Table, Tag } from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import { canSomewhere } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { QUEUE_SORTS, type QueueSort } from '~/modules/validation/queue'
import { getQueue } from '~/modules/validation/workspace.server'
import { formatDate } from '~/utils/dates'
import { forbidden } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Your validation queue - LKS Quality Portal' }]

const SORT_LABELS: Record<QueueSort, string> = { due: 'due date', organisation: 'organisation', status: 'status' }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!canSomewhere(user, 'validation:grade')) forbidden()
  const requested = new URL(request.url).searchParams.get('sort')
  const sort: QueueSort = (QUEUE_SORTS as readonly string[]).includes(requested ?? '')
    ? (requested as QueueSort)
    : 'due'
  return { sort, rows: await getQueue(user, sort) }
}

export default function ValidationQueue() {
  const { sort, rows } = useLoaderData<typeof loader>()
  const overdue = rows.filter((r) => r.overdue).length
  return (
    <>
      <h1>Your validation queue</h1>
      <p>
        {rows.length} {rows.length === 1 ? 'submission is' : 'submissions are'} assigned to you
        {overdue ? `, ${overdue} overdue` : ''}.
      </p>
      <p className="nhsuk-body-s">
        Sort by:{' '}
        {QUEUE_SORTS.map((key, i) => (
          <span key={key}>
            {i > 0 ? ', ' : ''}
            {key === sort ? (
              <strong aria-current="true">{SORT_LABELS[key]}</strong>
            ) : (
              <a href={`/validation?sort=${key}`}>{SORT_LABELS[key]}</a>
            )}
          </span>
        ))}
      </p>
      <Table
        caption="Submissions assigned to you"
        captionSize="s"
        responsive
        head={['Organisation', 'Region', 'Cycle', 'Your role', 'Due', 'Status']}
        rows={rows.map((r) => [
          <a key="o" href={`/validation/assignments/${r.id}`}>
            {r.submission.organisation.name}
          </a>,
          r.submission.region.name,
          r.submission.cycle.name,
          r.kind === 'PRIMARY' ? 'Primary validator' : 'Second validator',
          r.overdue ? (
            <span key="d">
              {formatDate(r.dueDate)} <Tag colour="red">Overdue</Tag>
            </span>
          ) : (
            formatDate(r.dueDate)
          ),
          r.completedAt ? (
            <Tag key="s" colour="green">
              You have completed
            </Tag>
          ) : (
            <SubmissionStatusTag key="s" status={r.submission.status} />
          ),
        ])}
      />
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('validation')
