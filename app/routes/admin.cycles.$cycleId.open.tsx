import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, ErrorSummary, Table, WarningCallout } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { openCycle, previewOpening } from '~/modules/cycles/admin.server'
import { CycleMoveSchema } from '~/modules/cycles/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { OdsCode } from '~/components/abbr'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Open ${data?.cycle.name ?? 'cycle'} - Administration - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const preview = await previewOpening(user, params.cycleId ?? '')
  if (preview.cycle.status !== 'DRAFT') throw redirect(`/admin/cycles/${preview.cycle.id}`)
  return preview
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const cycleId = params.cycleId ?? ''
  const parsed = CycleMoveSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'The page is out of date. Reload it and try again.' }, { status: 400 })
  const result = await openCycle({
    actor: user,
    cycleId,
    updatedAt: parsed.data.updatedAt,
    ipAddress: context.clientAddress,
  })
  if (!result.ok) {
    const error =
      result.kind === 'conflict'
        ? 'Someone else changed this cycle since you opened this page. Check who will take part below, then open the cycle again.'
        : result.message
    return data({ error }, { status: 409 })
  }
  const skipped = result.cannotTakePart.length
  return redirectWithFlash(request, `/admin/cycles/${cycleId}`, {
    type: 'success',
    title: 'Cycle opened',
    description: `${result.created} ${result.plans ? 'Service Improvement Plan' : 'submission'}${result.created === 1 ? '' : 's'} created.${skipped ? ` ${skipped} organisation${skipped === 1 ? '' : 's'} cannot take part: ${result.cannotTakePart.map((c) => `${c.name} (${c.message.replace('cannot take part: ', '')})`).join('; ')}.` : ''}`,
  })
}

export default function OpenCyclePage() {
  const { cycle, taking, cannotTakePart } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const back = `/admin/cycles/${cycle.id}`
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <BackLink href={back}>Back to {cycle.name}</BackLink>
        <ErrorSummary errors={actionData?.error ? [{ href: '#open-cycle', text: actionData.error }] : []} />
        <span className="nhsuk-caption-l">{cycle.name}</span>
        <h1>Open the cycle</h1>
        <WarningCallout heading="Opening cannot be undone">
          <p>
            {taking.length} organisation{taking.length === 1 ? '' : 's'} will get{' '}
            {cycle.type === 'SERVICE_IMPROVEMENT_REVIEW' ? 'a Service Improvement Plan' : 'a submission'} against the{' '}
            {cycle.edition.name}, and their library services can start work. Once the cycle is open its framework
            edition cannot change.
          </p>
        </WarningCallout>
        {cannotTakePart.length ? (
          <Table
            caption={`${cannotTakePart.length} organisation${cannotTakePart.length === 1 ? '' : 's'} cannot take part`}
            captionSize="m"
            responsive
            firstCellIsHeader
            head={['Organisation', <OdsCode key="ods" />, 'Reason']}
            rows={cannotTakePart.map((org) => [
              org.name,
              org.odsCode,
              org.message.replace('cannot take part: ', 'Cannot take part: '),
            ])}
          />
        ) : null}
        {taking.length ? (
          <Table
            caption="Organisations that will take part"
            captionSize="m"
            responsive
            firstCellIsHeader
            head={['Organisation', <OdsCode key="ods" />, 'Region', 'Library service']}
            rows={taking.map((org) => [org.name, org.odsCode, org.regionName, org.libraryServiceName])}
          />
        ) : (
          <p>
            No organisation can take part yet. <a href={`${back}/participants`}>Choose organisations</a> that a library
            service serves.
          </p>
        )}
        <Form method="post">
          <input type="hidden" name="updatedAt" value={new Date(cycle.updatedAt).toISOString()} />
          <div className="nhsuk-button-group">
            <Button type="submit" id="open-cycle" preventDoubleClick>
              Open cycle
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
