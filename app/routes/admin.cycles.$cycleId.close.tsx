import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { closeCycle, getCycleForAdmin } from '~/modules/cycles/admin.server'
import { confirmCycleMove } from '~/utils/cycle-move.server'
import { formatDate } from '~/utils/dates'
import { CycleMoveConfirm } from '~/components/admin/cycle-move-confirm'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Close ${data?.cycle.name ?? 'cycle'} - Administration - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const cycle = await getCycleForAdmin(user, params.cycleId ?? '')
  if (cycle.status !== 'OPEN') throw redirect(`/admin/cycles/${cycle.id}`)
  return { cycle }
}

export async function action(args: ActionFunctionArgs) {
  return confirmCycleMove(args, closeCycle, {
    conflict: 'Someone else changed this cycle since you opened this page. Check it, then close it again.',
    done: () => ({ type: 'success', title: 'Cycle closed' }),
  })
}

export default function CloseCyclePage() {
  const { cycle } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <CycleMoveConfirm
      cycle={cycle}
      verb="Close"
      error={actionData?.error}
      warning={
        <p>
          The submission deadline was {formatDate(cycle.submissionDeadline)}.{' '}
          {cycle.notSubmitted === 0
            ? 'Every submission has been submitted.'
            : `${cycle.notSubmitted} of ${cycle.submissionCount} submission${cycle.submissionCount === 1 ? ' has' : 's have'} not been submitted.`}{' '}
          Once closed, the cycle cannot be opened again and no organisations can be added.
        </p>
      }
    />
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
