import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, ErrorSummary, WarningCallout } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { closeCycle, getCycleForAdmin } from '~/modules/cycles/admin.server'
import { CycleMoveSchema } from '~/modules/cycles/schema'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const cycleId = params.cycleId ?? ''
  const parsed = CycleMoveSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'The page is out of date. Reload it and try again.' }, { status: 400 })
  const result = await closeCycle({
    actor: user,
    cycleId,
    updatedAt: parsed.data.updatedAt,
    ipAddress: context.clientAddress,
  })
  if (!result.ok) {
    const error =
      result.kind === 'conflict'
        ? 'Someone else changed this cycle since you opened this page. Check it, then close it again.'
        : result.message
    return data({ error }, { status: 409 })
  }
  return redirectWithFlash(request, `/admin/cycles/${cycleId}`, { type: 'success', title: 'Cycle closed' })
}

export default function CloseCyclePage() {
  const { cycle } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const back = `/admin/cycles/${cycle.id}`
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={back}>Back to {cycle.name}</BackLink>
        <ErrorSummary errors={actionData?.error ? [{ href: '#close-cycle', text: actionData.error }] : []} />
        <span className="nhsuk-caption-l">{cycle.name}</span>
        <h1>Close the cycle</h1>
        <WarningCallout heading="Closing cannot be undone">
          <p>
            The submission deadline was {formatDate(cycle.submissionDeadline)}.{' '}
            {cycle.notSubmitted === 0
              ? 'Every submission has been submitted.'
              : `${cycle.notSubmitted} of ${cycle.submissionCount} submission${cycle.submissionCount === 1 ? ' has' : 's have'} not been submitted.`}{' '}
            Once closed, the cycle cannot be opened again and no organisations can be added.
          </p>
        </WarningCallout>
        <Form method="post">
          <input type="hidden" name="updatedAt" value={new Date(cycle.updatedAt).toISOString()} />
          <div className="nhsuk-button-group">
            <Button type="submit" id="close-cycle" variant="warning" preventDoubleClick>
              Close cycle
            </Button>
            <a className="nhsuk-link" href={back}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
