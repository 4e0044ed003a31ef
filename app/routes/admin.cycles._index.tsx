import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, ButtonLink, Table } from '~/components/nhs'
import { CycleStatusTag } from '~/components/cycle-status-tag'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { listCyclesForAdmin } from '~/modules/cycles/admin.server'
import { CYCLE_TYPE_LABELS } from '~/modules/cycles/labels'
import { formatDate } from '~/utils/dates'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Cycles - Administration - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  return { cycles: await listCyclesForAdmin(user) }
}

export default function AdminCyclesPage() {
  const { cycles } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
        ]}
      />
      <h1>Cycles</h1>
      <p>
        A cycle is a round of self-assessment and validation against one edition of the framework. Create it as a draft,
        choose the organisations taking part, then open it.
      </p>
      <ButtonLink href="/admin/cycles/new">Create a cycle</ButtonLink>
      {cycles.length ? (
        <Table
          caption="All cycles"
          captionSize="m"
          responsive
          firstCellIsHeader
          head={['Cycle', 'Status', 'Type', 'Framework edition', 'Opens', 'Submission deadline', 'Submissions']}
          rows={cycles.map((cycle) => [
            <a key="name" href={`/admin/cycles/${cycle.id}`}>
              {cycle.name}
            </a>,
            <CycleStatusTag key="status" status={cycle.status} />,
            CYCLE_TYPE_LABELS[cycle.type] ?? cycle.type,
            cycle.edition.name,
            formatDate(cycle.opensAt),
            formatDate(cycle.submissionDeadline),
            String(cycle._count.submissions),
          ])}
        />
      ) : (
        <p>There are no cycles yet.</p>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
