import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CompletedQueueTable, OpenQueueTable } from '~/components/validation-queue'
import { canSomewhere } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { QUEUE_SORTS, queueSummary, type QueueSort } from '~/modules/validation/queue'
import { getQueue } from '~/modules/validation/workspace.server'
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
  return { sort, queue: await getQueue(user, sort) }
}

export default function ValidationQueue() {
  const { sort, queue } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Your validation queue</h1>
      <p>{queueSummary(queue.counts)}</p>
      <h2>To validate ({queue.counts.open})</h2>
      {queue.open.length ? (
        <>
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
          <OpenQueueTable rows={queue.open} caption="Submissions assigned to you" />
        </>
      ) : (
        <p>There is nothing for you to validate at the moment.</p>
      )}
      <h2>Completed ({queue.counts.completed})</h2>
      {queue.completed.length ? (
        <CompletedQueueTable rows={queue.completed} caption="Validations you have completed" />
      ) : (
        <p>You have not completed a validation yet.</p>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('validation')
