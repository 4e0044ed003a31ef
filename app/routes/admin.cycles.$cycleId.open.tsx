import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Table } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { openCycle, previewOpening } from '~/modules/cycles/admin.server'
import { confirmCycleMove } from '~/utils/cycle-move.server'
import { OdsCode } from '~/components/abbr'
import { CycleMoveConfirm } from '~/components/admin/cycle-move-confirm'
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

export async function action(args: ActionFunctionArgs) {
  return confirmCycleMove(args, openCycle, {
    conflict:
      'Someone else changed this cycle since you opened this page. Check who will take part below, then open the cycle again.',
    done: (result) => {
      const skipped = result.cannotTakePart.length
      return {
        type: 'success',
        title: 'Cycle opened',
        description: `${result.created} ${result.plans ? 'Service Improvement Plan' : 'submission'}${result.created === 1 ? '' : 's'} created.${skipped ? ` ${skipped} organisation${skipped === 1 ? '' : 's'} cannot take part: ${result.cannotTakePart.map((c) => `${c.name} (${c.message.replace('cannot take part: ', '')})`).join('; ')}.` : ''}`,
      }
    },
  })
}

export default function OpenCyclePage() {
  const { cycle, taking, cannotTakePart } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <CycleMoveConfirm
      cycle={cycle}
      verb="Open"
      error={actionData?.error}
      wide
      warning={
        <p>
          {taking.length} organisation{taking.length === 1 ? '' : 's'} will get{' '}
          {cycle.type === 'SERVICE_IMPROVEMENT_REVIEW' ? 'a Service Improvement Plan' : 'a submission'} against the{' '}
          {cycle.edition.name}, and their library services can start work. Once the cycle is open its framework edition
          cannot change.
        </p>
      }
    >
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
          No organisation can take part yet. <a href={`/admin/cycles/${cycle.id}/participants`}>Choose organisations</a>{' '}
          that a library service serves.
        </p>
      )}
    </CycleMoveConfirm>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
