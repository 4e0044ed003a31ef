import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Button, Details, ErrorSummary, Select, Table, TextInput } from '~/components/nhs'
import {
  auditLogQuery,
  AUDIT_LOG_FIELDS,
  parseAuditLogFilter,
  parsePageRequest,
  type AuditLogField,
} from '~/modules/audit/audit-log-filter'
import { auditRecordTypes, getAuditLogPage, type AuditLogEvent } from '~/modules/audit/audit-log.server'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { formatDateTime } from '~/utils/dates'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Audit log - Administration - LKS Quality Portal' }]

// The audit log for national admins (issue 7, item 6): filtered by a GET form, paged by keyset.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'audit:view')
  const params = new URL(request.url).searchParams
  const { values, filter, errors } = parseAuditLogFilter(params)
  const recordTypes = await auditRecordTypes()
  // A type typed into the URL that the log has never held stays chosen, so the form shows what was asked.
  if (values.type && !recordTypes.includes(values.type)) recordTypes.unshift(values.type)
  if (Object.keys(errors).length) return data({ values, errors, recordTypes, page: null }, { status: 400 })
  const page = await getAuditLogPage(filter, parsePageRequest(params))
  return { values, errors, recordTypes, page }
}

function Who({ actor }: { actor: AuditLogEvent['actor'] }) {
  if (!actor) return <>System</>
  return (
    <>
      {actor.name}
      <br />
      <span className="nhsuk-body-s">{actor.email}</span>
    </>
  )
}

function RecordCell({ event }: { event: Pick<AuditLogEvent, 'entityType' | 'entityId' | 'submission'> }) {
  return (
    <>
      {event.entityType}
      <br />
      <span className="nhsuk-body-s app-preserve-lines">{event.entityId}</span>
      {event.submission ? (
        <>
          <br />
          <a href={`/submissions/${event.submission.id}/history`}>
            Submission {event.submission.reference}
            <span className="nhsuk-u-visually-hidden"> history</span>
          </a>
        </>
      ) : null}
    </>
  )
}

function Changes({ event }: { event: Pick<AuditLogEvent, 'changes' | 'preview' | 'before' | 'after' | 'clipped'> }) {
  if (!event.before && !event.after) return <>None</>
  return (
    <>
      {event.changes.length ? (
        <ul className="nhsuk-list">
          {event.changes.map((change, index) => (
            <li key={index}>{change}</li>
          ))}
        </ul>
      ) : (
        <p className="nhsuk-body-s app-preserve-lines">{event.preview}</p>
      )}
      <Details summary="Full record">
        {event.before ? (
          <>
            <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">Before</h3>
            <p className="nhsuk-body-s app-preserve-lines">{event.before}</p>
          </>
        ) : null}
        {event.after ? (
          <>
            <h3 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">After</h3>
            <p className="nhsuk-body-s app-preserve-lines">{event.after}</p>
          </>
        ) : null}
        {event.clipped ? <p className="nhsuk-body-s">This record is long: the CSV export has all of it.</p> : null}
      </Details>
    </>
  )
}

export default function AuditLogPage() {
  const { values, errors, recordTypes, page } = useLoaderData<typeof loader>()
  const fieldErrors = errors as Partial<Record<AuditLogField, string>>
  const query = auditLogQuery(values)
  const filtered = AUDIT_LOG_FIELDS.some((field) => values[field])
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
        ]}
      />
      <ErrorSummary
        errors={AUDIT_LOG_FIELDS.flatMap((field) =>
          fieldErrors[field] ? [{ href: `#${field}`, text: fieldErrors[field] }] : [],
        )}
      />
      <h1>Audit log</h1>
      <p>Every change recorded in the portal, newest first. Times are UK time.</p>
      <Form method="get" aria-labelledby="filter-heading">
        <h2 id="filter-heading" className="nhsuk-heading-m">
          Filter the log
        </h2>
        <TextInput
          name="person"
          label="Person"
          hint="Part of a name or email address"
          defaultValue={values.person}
          error={fieldErrors.person}
          autoComplete="off"
          spellCheck={false}
        />
        <Select
          name="type"
          label="Record type"
          defaultValue={values.type}
          error={fieldErrors.type}
          options={[
            { value: '', text: 'All record types' },
            ...recordTypes.map((type) => ({ value: type, text: type })),
          ]}
        />
        <TextInput
          name="record"
          label="Record ID or submission reference"
          hint="For example, LKS-2627-RXH"
          defaultValue={values.record}
          error={fieldErrors.record}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          name="action"
          label="Action"
          hint="An action such as submission.submitted, or the start of one such as submission to see every submission action"
          defaultValue={values.action}
          error={fieldErrors.action}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          name="from"
          label="From"
          hint="For example, 1/4/2026"
          defaultValue={values.from}
          error={fieldErrors.from}
          width={10}
          autoComplete="off"
          inputMode="numeric"
        />
        <TextInput
          name="to"
          label="To"
          hint="For example, 30/4/2026"
          defaultValue={values.to}
          error={fieldErrors.to}
          width={10}
          autoComplete="off"
          inputMode="numeric"
        />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {filtered ? (
          <p>
            <a href="/admin/audit">Clear the filter</a>
          </p>
        ) : null}
      </Form>
      {page ? (
        <>
          <h2 className="nhsuk-heading-m">
            {page.total === 1 ? '1 event' : `${page.total.toLocaleString('en-GB')} events`}
          </h2>
          {page.total > 0 ? (
            <p>
              <a href={`/admin/audit/export.csv${query}`} download>
                Download {filtered ? 'these events' : 'the whole log'} as CSV
              </a>
            </p>
          ) : (
            <p>No events match the filter.</p>
          )}
          {page.events.length ? (
            <Table
              caption="Recorded events, newest first"
              captionSize="s"
              responsive
              head={['When', 'Who', 'Action', 'Record', 'Changes']}
              rows={page.events.map((event) => [
                formatDateTime(event.at),
                <Who key="who" actor={event.actor} />,
                <>
                  {event.description}
                  {event.description !== event.action ? (
                    <>
                      <br />
                      <span className="nhsuk-body-s">{event.action}</span>
                    </>
                  ) : null}
                </>,
                <RecordCell key="record" event={event} />,
                <Changes key="changes" event={event} />,
              ])}
            />
          ) : null}
          <Pagination query={values} newer={page.newer} older={page.older} />
        </>
      ) : null}
    </>
  )
}

function Pagination({
  query,
  newer,
  older,
}: {
  query: Record<AuditLogField, string>
  newer: string | null
  older: string | null
}) {
  if (!newer && !older) return null
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pagination">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {newer ? (
          <li className="nhsuk-pagination-item--previous">
            <a
              className="nhsuk-pagination__link nhsuk-pagination__link--prev"
              href={`/admin/audit${auditLogQuery(query, { newer })}`}
              rel="prev"
            >
              <span className="nhsuk-pagination__title">Newer events</span>
            </a>
          </li>
        ) : null}
        {older ? (
          <li className="nhsuk-pagination-item--next">
            <a
              className="nhsuk-pagination__link nhsuk-pagination__link--next"
              href={`/admin/audit${auditLogQuery(query, { older })}`}
              rel="next"
            >
              <span className="nhsuk-pagination__title">Older events</span>
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
