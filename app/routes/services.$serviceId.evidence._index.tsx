import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData, useLocation } from '@remix-run/react'
import {
  Breadcrumbs,
  Button,
  ButtonLink,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Select,
  Table,
  Tag,
  TextInput,
  datePartId,
  type ErrorSummaryItem,
} from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { listEvidence } from '~/modules/evidence/evidence.server'
import { formatFileSize } from '~/modules/evidence/files'
import { formatEvidencePeriod } from '~/modules/evidence/period'
import { parseEvidenceFilters } from '~/modules/evidence/schema'
import { formatDate } from '~/utils/dates'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Evidence library, ${data.library.name} - LKS Quality Portal`
      : 'Evidence library - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { filters, values, errors } = parseEvidenceFilters(new URL(request.url).searchParams)
  const library = await listEvidence(user, params.serviceId ?? '', filters)
  const filtered = Boolean(filters.q || filters.outcome || filters.from || filters.to || filters.includeArchived)
  return { ...library, values, errors, filtered }
}

function filesSummary(item: { isLink: boolean; fileCount: number; totalBytes: number }): string {
  if (item.isLink) return 'Web link'
  return `${item.fileCount} ${item.fileCount === 1 ? 'file' : 'files'}, ${formatFileSize(item.totalBytes)}`
}

export default function EvidenceLibrary() {
  const { library, outcomeNumbers, items, values, errors, filtered } = useLoaderData<typeof loader>()
  const location = useLocation()
  const summary: ErrorSummaryItem[] = [
    errors.q ? { href: '#q', text: errors.q } : null,
    errors.outcome ? { href: '#outcome', text: errors.outcome } : null,
    errors.from ? { href: `#${datePartId('from', 'day')}`, text: errors.from } : null,
    errors.to ? { href: `#${datePartId('to', 'day')}`, text: errors.to } : null,
  ].filter((item): item is ErrorSummaryItem => item !== null)
  const count = `${items.length} ${items.length === 1 ? 'item' : 'items'}`
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <ErrorSummary errors={summary} />
      <span className="nhsuk-caption-l">{library.name}</span>
      <h1>Evidence library</h1>
      <p>
        Your library service’s evidence, shared by every organisation you serve and kept from one cycle to the next.
        Link it to outcomes from each submission’s outcome pages.
      </p>
      <p className="nhsuk-body-s">
        {formatFileSize(library.usedBytes)} of {formatFileSize(library.quotaBytes)} used.
      </p>
      <ButtonLink href={`/services/${library.id}/evidence/new`}>Add evidence</ButtonLink>

      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="nhsuk-heading-m">
          Filter evidence
        </h2>
        {/* Keyed by the query so "Clear filters" empties the fields after a client-side navigation. */}
        <Form method="get" key={location.search}>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <TextInput name="q" label="Title contains" defaultValue={values.q} error={errors.q} />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <Select
                name="outcome"
                label="Linked to outcome"
                defaultValue={values.outcome}
                error={errors.outcome}
                options={[
                  { value: '', text: 'Any outcome' },
                  ...outcomeNumbers.map((n) => ({ value: String(n), text: `Outcome ${n}` })),
                ]}
              />
            </div>
          </div>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <DateInput
                name="from"
                legend="Evidence date from"
                legendSize="s"
                hint="For example, 1 4 2025"
                defaultValue={values.from}
                error={errors.from}
              />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <DateInput
                name="to"
                legend="Evidence date to"
                legendSize="s"
                hint="For example, 31 3 2026"
                defaultValue={values.to}
                error={errors.to}
              />
            </div>
          </div>
          <Checkboxes
            name="archived"
            legend="Archived evidence"
            legendSize="s"
            small
            items={[{ value: 'yes', text: 'Include archived evidence' }]}
            defaultValues={values.archived ? ['yes'] : []}
          />
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
          {filtered ? `${count} ${items.length === 1 ? 'matches' : 'match'} your filters` : count}
        </h2>
        {items.length === 0 ? (
          <p>{filtered ? 'No evidence matches these filters.' : 'There is no evidence in your library yet.'}</p>
        ) : (
          <Table
            caption="Evidence"
            captionSize="s"
            responsive
            head={['Title', 'Evidence date', 'Files', 'Linked outcomes', 'Last updated']}
            rows={items.map((item) => [
              <span key="title">
                <a href={`/evidence/${item.id}`}>{item.title}</a>
                {item.archived ? (
                  <>
                    {' '}
                    <Tag colour="grey">Archived</Tag>
                  </>
                ) : null}
              </span>,
              formatEvidencePeriod(item.evidenceDateFrom, item.evidenceDateTo),
              filesSummary(item),
              item.outcomeNumbers.length ? item.outcomeNumbers.join(', ') : 'None',
              formatDate(item.updatedAt),
            ])}
          />
        )}
      </section>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('evidence')
