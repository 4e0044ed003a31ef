import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useLocation } from '@remix-run/react'
import { Breadcrumbs, Button, ButtonLink, Select, Table, Tag, TextInput } from '~/components/nhs'
import { Pagination } from '~/components/pagination'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { listOrganisationsForAdmin, listRegionsForAdmin } from '~/modules/organisations/admin.server'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { OrganisationFilterSchema } from '~/modules/organisations/schema'
import { OdsCode } from '~/components/abbr'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Organisations - Administration - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const filter = OrganisationFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const [list, regions] = await Promise.all([listOrganisationsForAdmin(user, filter), listRegionsForAdmin(user)])
  return { ...list, regions, filter }
}

export default function Organisations() {
  const { organisations, total, page, pageCount, regions, filter } = useLoaderData<typeof loader>()
  const location = useLocation()
  const pageLink = (n: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(n))
    return `${location.pathname}?${params}`
  }
  const count = `${total} ${total === 1 ? 'organisation' : 'organisations'}`
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
        ]}
      />
      <h1>Organisations</h1>
      <p>
        The NHS bodies that hold an education contract. Each one takes part in cycles through the library service that
        serves it.
      </p>
      <div className="nhsuk-button-group">
        <ButtonLink href="/admin/organisations/new">Add an organisation</ButtonLink>
        <ButtonLink href="/admin/organisations/import" variant="secondary">
          Import from a CSV file
        </ButtonLink>
      </div>

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="nhsuk-heading-m">
          Filter organisations
        </h2>
        <Form method="get" key={location.search}>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <TextInput
                name="q"
                id="q"
                label="Name or ODS code"
                hint="The ODS code is the organisation's code from the Organisation Data Service, for example RXV."
                defaultValue={filter.q}
                spellCheck={false}
              />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <Select
                name="region"
                id="region"
                label="Region"
                defaultValue={filter.region}
                options={[{ value: '', text: 'Any region' }, ...regions.map((r) => ({ value: r.id, text: r.name }))]}
              />
            </div>
          </div>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <Select
                name="type"
                id="type"
                label="Type"
                defaultValue={filter.type}
                options={[
                  { value: '', text: 'Any type' },
                  ...Object.entries(ORGANISATION_TYPE_LABELS).map(([value, text]) => ({ value, text })),
                ]}
              />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <Select
                name="status"
                id="status"
                label="Status"
                defaultValue={filter.status}
                options={[
                  { value: 'active', text: 'Active' },
                  { value: 'inactive', text: 'Deactivated' },
                  { value: 'all', text: 'Active and deactivated' },
                ]}
              />
            </div>
          </div>
          <div className="nhsuk-button-group">
            <Button type="submit" variant="secondary">
              Filter organisations
            </Button>
            <a className="nhsuk-link" href="/admin/organisations">
              Clear filters
            </a>
          </div>
        </Form>
      </section>

      <p role="status">{count}</p>
      {organisations.length ? (
        <Table
          caption={pageCount > 1 ? `Organisations, page ${page} of ${pageCount}` : 'Organisations'}
          captionSize="m"
          responsive
          head={['Name', <OdsCode key="ods" />, 'Type', 'Region', 'Library service', 'Status']}
          rows={organisations.map((o) => [
            <a key="name" href={`/admin/organisations/${o.id}/edit`}>
              {o.name}
            </a>,
            o.odsCode,
            o.typeLabel,
            o.regionName,
            o.services.length ? o.services.join(', ') : 'None',
            o.active ? (
              <Tag key="status" colour="green">
                Active
              </Tag>
            ) : (
              <Tag key="status" colour="grey">
                Deactivated
              </Tag>
            ),
          ])}
        />
      ) : (
        <p>No organisations match these filters.</p>
      )}
      <Pagination page={page} pageCount={pageCount} href={pageLink} />
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
