import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Button, ButtonLink, Details, ErrorSummary, Table, WarningCallout } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { applyOrganisationImport, previewOrganisationImport } from '~/modules/organisations/import.server'
import { IMPORT_FIELD_LABELS, ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { redirectWithFlash } from '~/utils/flash.server'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [
  { title: 'Check the organisations to import - Administration - LKS Quality Portal' },
]

const MISSING = 'This upload has expired or was already imported. Upload the file again'
const SUMMARY_LIMIT = 10

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const preview = await previewOrganisationImport(user, params.importId ?? '')
  if (!preview) notFound(MISSING)
  return { preview }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const importId = params.importId ?? ''
  const digest = String((await request.formData()).get('digest') ?? '')
  const result = await applyOrganisationImport({ actor: user, importId, digest, ipAddress: context.clientAddress })
  if (result.ok) {
    const total = result.created + result.updated
    const parts = [
      result.created ? `${result.created} added` : '',
      result.updated ? `${result.updated} updated` : '',
    ].filter(Boolean)
    return redirectWithFlash(request, '/admin/organisations', {
      type: 'success',
      title: `${total} ${total === 1 ? 'organisation' : 'organisations'} imported`,
      description: `${parts.join(' and ')}.`,
    })
  }
  if (result.reason === 'missing') notFound(MISSING)
  // The portal or the file no longer matches what the admin checked: show the plan as it is now.
  const preview = await previewOrganisationImport(user, importId)
  if (!preview) notFound(MISSING)
  const problem =
    result.reason === 'nothing'
      ? 'There is nothing to import: every organisation in the file is already in the portal as it is'
      : result.reason === 'errors'
        ? 'Fix the errors in the file and upload it again'
        : 'The organisations in the portal changed after you checked this file. Check the changes again before you import'
  return data({ problem, preview }, { status: 409 })
}

const typeLabel = (code: string) => ORGANISATION_TYPE_LABELS[code] ?? code

export default function CheckImport() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const preview = actionData?.preview ?? loaded.preview
  const { plan, errors, regionNames, writeCount } = preview
  const summaryErrors = errors.length
    ? [
        { href: '#errors', text: 'Fix the errors in the file and upload it again' },
        ...errors.slice(0, SUMMARY_LIMIT).map((e) => ({ href: '#errors', text: e.text })),
        ...(errors.length > SUMMARY_LIMIT
          ? [{ href: '#errors', text: `And ${errors.length - SUMMARY_LIMIT} more errors, listed below` }]
          : []),
      ]
    : actionData?.problem
      ? [{ href: '#changes', text: actionData.problem }]
      : []
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
          { href: '/admin/organisations', text: 'Organisations' },
        ]}
      />
      <ErrorSummary errors={summaryErrors} />
      <span className="nhsuk-caption-l">{preview.fileName}</span>
      <h1>Check the organisations to import</h1>
      <p id="changes">
        The file has {plural(preview.rowCount, 'organisation', 'organisations')}:{' '}
        {plural(plan.creates.length, 'new organisation', 'new organisations')},{' '}
        {plural(plan.updates.length, 'to update', 'to update')} and{' '}
        {plural(plan.unchanged.length, 'unchanged', 'unchanged')}
        {errors.length ? `, with ${plural(errors.length, 'error', 'errors')}` : ''}. Nothing has been saved yet.
      </p>
      {preview.encoding !== 'UTF-8' ? (
        <p>
          The file was read as {preview.encoding} text. Check that names with accents, like Hôpital, look right below.
        </p>
      ) : null}
      {preview.ignoredColumns.length ? <p>These columns were not used: {preview.ignoredColumns.join(', ')}.</p> : null}

      {errors.length ? (
        <section aria-labelledby="errors">
          <h2 id="errors" tabIndex={-1}>
            Errors in the file
          </h2>
          <p>Fix the errors in the file and upload it again. Nothing can be imported until the file has no errors.</p>
          <Table
            caption={plural(errors.length, 'error', 'errors')}
            captionSize="s"
            responsive
            head={['Row', 'Column', 'Problem']}
            rows={errors.map((e) => [e.rows.join(', '), IMPORT_FIELD_LABELS[e.column], e.message])}
          />
          <ButtonLink href="/admin/organisations/import">Upload a corrected file</ButtonLink>
        </section>
      ) : null}

      {plan.creates.length ? (
        <Table
          caption={`New organisations (${plan.creates.length})`}
          captionSize="m"
          responsive
          head={['Row', 'ODS code', 'Name', 'Type', 'Region']}
          rows={plan.creates.map((r) => [
            String(r.row),
            r.odsCode,
            r.name,
            typeLabel(r.type),
            regionNames[r.regionId] ?? '',
          ])}
        />
      ) : null}

      {plan.updates.length ? (
        <Table
          caption={`Organisations to update (${plan.updates.length})`}
          captionSize="m"
          responsive
          head={['Row', 'ODS code', 'Name', 'Changes']}
          rows={plan.updates.map((r) => [
            String(r.row),
            r.odsCode,
            r.active ? r.name : `${r.name} (deactivated)`,
            <ul key="changes" className="nhsuk-list">
              {r.changes.map((c) => (
                <li key={c.field}>
                  {c.field === 'name' ? 'Name' : c.field === 'type' ? 'Type' : 'Region'}: {c.from} to {c.to}
                </li>
              ))}
            </ul>,
          ])}
        />
      ) : null}

      {plan.unchanged.length ? (
        <Details summary={`Organisations that will not change (${plan.unchanged.length})`}>
          <Table
            head={['Row', 'ODS code', 'Name']}
            rows={plan.unchanged.map((r) => [String(r.row), r.odsCode, r.name])}
          />
        </Details>
      ) : null}

      {!errors.length && writeCount > 0 ? (
        <Form method="post">
          <input type="hidden" name="digest" value={preview.digest} />
          {actionData?.problem ? (
            <WarningCallout heading="The organisations have changed">{actionData.problem}</WarningCallout>
          ) : null}
          <div className="nhsuk-button-group">
            <Button type="submit" preventDoubleClick>
              {`Import ${plural(writeCount, 'organisation', 'organisations')}`}
            </Button>
            <a className="nhsuk-link" href="/admin/organisations">
              Cancel
            </a>
          </div>
        </Form>
      ) : !errors.length ? (
        <>
          <p>There is nothing to import: every organisation in the file is already in the portal as it is.</p>
          <ButtonLink href="/admin/organisations">Back to organisations</ButtonLink>
        </>
      ) : null}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
