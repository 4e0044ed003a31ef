import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, ButtonLink, Table, Tag } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { listLibraryServicesForAdmin } from '~/modules/organisations/services.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Library services - Administration - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  return { services: await listLibraryServicesForAdmin(user) }
}

export default function LibraryServices() {
  const { services } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
        ]}
      />
      <h1>Library services</h1>
      <p>
        The library and knowledge services that submit for the organisations they serve. A service shares one evidence
        library across its submissions.
      </p>
      <ButtonLink href="/admin/services/new">Add a library service</ButtonLink>
      {services.length ? (
        <Table
          caption="Library services"
          captionSize="m"
          responsive
          head={['Name', 'Organisations served', 'Status']}
          rows={services.map((s) => [
            <a key="name" href={`/admin/services/${s.id}`}>
              {s.name}
            </a>,
            s.serves.length ? s.serves.map((o) => `${o.name} (${o.odsCode})`).join(', ') : 'None',
            s.active ? (
              <Tag key="status" colour="green">
                Active
              </Tag>
            ) : (
              <Tag key="status" colour="grey">
                Inactive
              </Tag>
            ),
          ])}
        />
      ) : (
        <p>There are no library services yet.</p>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
