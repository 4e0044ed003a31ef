import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { FileUpload } from '~/components/evidence/file-upload'
import { Breadcrumbs, Button, Details, ErrorSummary } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { formatSizeLimit } from '~/modules/evidence/files'
import { listRegionsForAdmin } from '~/modules/organisations/admin.server'
import { MAX_IMPORT_BYTES, receiveCsvUpload, startOrganisationImport } from '~/modules/organisations/import.server'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { IMPORT_FILE_FIELD } from '~/modules/organisations/schema'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [
  { title: 'Import organisations from a CSV file - Administration - LKS Quality Portal' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  return { regions: await listRegionsForAdmin(user), maxBytes: MAX_IMPORT_BYTES }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  // Refuse before reading a byte of the upload.
  requirePermission(user, 'organisation:manage')
  const received = await receiveCsvUpload(request)
  if (!received.ok) return data({ error: received.message }, { status: received.status })
  const started = await startOrganisationImport({ actor: user, fileName: received.fileName, bytes: received.bytes })
  if (!started.ok) return data({ error: started.message }, { status: started.status })
  return redirect(`/admin/organisations/import/${started.importId}`)
}

export default function ImportOrganisations() {
  const { regions, maxBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const error = actionData?.error
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Breadcrumbs
          items={[
            { href: '/', text: 'Home' },
            { href: '/admin', text: 'Administration' },
            { href: '/admin/organisations', text: 'Organisations' },
          ]}
        />
        <ErrorSummary errors={error ? [{ href: `#${IMPORT_FILE_FIELD}`, text: error }] : []} />
        <h1>Import organisations from a CSV file</h1>
        <p>
          Add new organisations and update existing ones from a spreadsheet saved as CSV. Organisations are matched by
          their code from the Organisation Data Service (ODS code). You can check what will change before anything is
          saved.
        </p>
        <p>The file needs a heading row with these 4 columns, in any order:</p>
        <ul>
          <li>ODS code</li>
          <li>name</li>
          <li>type</li>
          <li>region, as its NHS England code or name</li>
        </ul>
        <Details summary="Types and regions the file can use">
          <p>Types: {Object.values(ORGANISATION_TYPE_LABELS).join(', ')}.</p>
          <p>Regions: {regions.map((r) => `${r.name} (${r.code})`).join(', ')}.</p>
          <p>For example:</p>
          <pre className="nhsuk-body-s">{`ODS code,Name,Type,Region\nRXV,Ribble Valley Teaching Hospitals NHS Foundation Trust,Acute trust,Y62\nQAF,NHS Arden Forest Integrated Care Board,Integrated care board,Midlands`}</pre>
        </Details>
        <form method="post" encType="multipart/form-data">
          <FileUpload
            name={IMPORT_FILE_FIELD}
            id={IMPORT_FILE_FIELD}
            label="Upload a CSV file"
            hint={`The file must be smaller than ${formatSizeLimit(maxBytes)}.`}
            accept=".csv,text/csv"
            error={error}
          />
          <div className="nhsuk-button-group">
            <Button type="submit">Upload and check</Button>
            <a className="nhsuk-link" href="/admin/organisations">
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
