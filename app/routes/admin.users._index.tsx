import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useLocation } from '@remix-run/react'
import {
  Breadcrumbs,
  Button,
  ButtonLink,
  ErrorSummary,
  Select,
  Table,
  Tag,
  TextInput,
  type ErrorSummaryItem,
  type TagColour,
} from '~/components/nhs'
import { PlaceSelect } from '~/components/place-select'
import { listUsers, placeOptions } from '~/modules/admin/users.server'
import { parseUserFilters, USER_STATUS_LABELS, USER_STATUSES, type UserStatus } from '~/modules/admin/users-schema'
import { requirePermission } from '~/modules/auth/permissions'
import { ROLE_LABELS, ROLES } from '~/modules/auth/roles'
import { requireUser } from '~/modules/auth/session.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'People - Administration - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'user:manage')
  const { filters, values, errors } = parseUserFilters(new URL(request.url).searchParams)
  const [list, places] = await Promise.all([listUsers(user, filters), placeOptions(user)])
  const filtered = Boolean(filters.q || filters.role || filters.place || filters.status)
  return { ...list, places, values, errors, filtered }
}

const STATUS_COLOURS: Record<UserStatus, TagColour> = { active: 'green', invited: 'blue', deactivated: 'grey' }

export default function People() {
  const { users, total, page, pageCount, places, values, errors, filtered } = useLoaderData<typeof loader>()
  const location = useLocation()
  const summary: ErrorSummaryItem[] = (['q', 'role', 'place', 'status'] as const).flatMap((name) =>
    errors[name] ? [{ href: `#${name}`, text: errors[name]! }] : [],
  )
  const pageLink = (n: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(n))
    return `${location.pathname}?${params}`
  }
  const count = `${total} ${total === 1 ? 'person' : 'people'}`
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
        ]}
      />
      <ErrorSummary errors={summary} />
      <h1>People</h1>
      <p>Everyone with an account, the roles they hold and where. Invite someone to give them an account.</p>
      <ButtonLink href="/admin/users/invite">Invite someone</ButtonLink>

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="nhsuk-heading-m">
          Filter people
        </h2>
        <Form method="get" key={location.search}>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <TextInput
                name="q"
                id="q"
                label="Name or email address"
                defaultValue={values.q}
                error={errors.q}
                spellCheck={false}
              />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <Select
                name="role"
                id="role"
                label="Role"
                defaultValue={values.role}
                error={errors.role}
                options={[
                  { value: '', text: 'Any role' },
                  ...ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] })),
                ]}
              />
            </div>
          </div>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <PlaceSelect
                id="place"
                name="place"
                label="Library service, organisation or region"
                hint="A region includes the organisations in it and the library services that serve them."
                options={places}
                defaultValue={values.place}
                error={errors.place}
                emptyText="Anywhere"
              />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <Select
                name="status"
                id="status"
                label="Account status"
                defaultValue={values.status}
                error={errors.status}
                options={[
                  { value: '', text: 'Any status' },
                  ...USER_STATUSES.map((status) => ({ value: status, text: USER_STATUS_LABELS[status] })),
                ]}
              />
            </div>
          </div>
          <div className="nhsuk-button-group">
            <Button type="submit" variant="secondary">
              Apply filters
            </Button>
            {filtered ? (
              <a className="nhsuk-link" href={location.pathname}>
                Clear filters
              </a>
            ) : null}
          </div>
        </Form>
      </section>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="nhsuk-heading-m">
          {filtered ? `${count} ${total === 1 ? 'matches' : 'match'} your filters` : count}
        </h2>
        {users.length === 0 ? (
          <p>{filtered ? 'No one matches these filters.' : 'There are no accounts yet.'}</p>
        ) : (
          <Table
            caption={pageCount > 1 ? `People, page ${page} of ${pageCount}` : 'People'}
            captionSize="s"
            responsive
            head={['Name', 'Email address', 'Roles', 'Status']}
            rows={users.map((person) => [
              <span key="name">
                <a href={`/admin/users/${person.id}`}>{person.name}</a>
                {person.jobTitle ? (
                  <>
                    <br />
                    <span className="nhsuk-body-s">{person.jobTitle}</span>
                  </>
                ) : null}
              </span>,
              person.email,
              person.roles.length ? (
                <ul key="roles" className="nhsuk-list">
                  {person.roles.map((role) => (
                    <li key={role}>{role}</li>
                  ))}
                </ul>
              ) : (
                'No roles'
              ),
              <Tag key="status" colour={STATUS_COLOURS[person.status]}>
                {USER_STATUS_LABELS[person.status]}
              </Tag>,
            ])}
          />
        )}
        {pageCount > 1 ? (
          <nav className="nhsuk-pagination" role="navigation" aria-label="Pagination">
            <ul className="nhsuk-list nhsuk-pagination__list">
              {page > 1 ? (
                <li className="nhsuk-pagination-item--previous">
                  <a
                    className="nhsuk-pagination__link nhsuk-pagination__link--prev"
                    href={pageLink(page - 1)}
                    rel="prev"
                  >
                    <span className="nhsuk-pagination__title">Previous</span>
                    <span className="nhsuk-u-visually-hidden">:</span>
                    <span className="nhsuk-pagination__page">
                      Page {page - 1} of {pageCount}
                    </span>
                  </a>
                </li>
              ) : null}
              {page < pageCount ? (
                <li className="nhsuk-pagination-item--next">
                  <a
                    className="nhsuk-pagination__link nhsuk-pagination__link--next"
                    href={pageLink(page + 1)}
                    rel="next"
                  >
                    <span className="nhsuk-pagination__title">Next</span>
                    <span className="nhsuk-u-visually-hidden">:</span>
                    <span className="nhsuk-pagination__page">
                      Page {page + 1} of {pageCount}
                    </span>
                  </a>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}
      </section>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
