import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { FileUpload } from '~/components/evidence/file-upload'
import { BackLink, Button, ErrorSummary, Table } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { EDITION_JSON_MAX_BYTES, parseEditionJson, type EditionJsonError } from '~/modules/framework/edition-json'
import { IMPORT_FILE_FIELD } from '~/modules/framework/edition-schema'
import { importEdition } from '~/modules/framework/editions.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Import an edition - LKS Quality Portal' }]

const SUMMARY_LIMIT = 10

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  return null
}

type Refusal = { fieldError: string; fileName: string | null; errors: EditionJsonError[] }

const refuse = (fieldError: string, fileName: string | null = null, errors: EditionJsonError[] = []) =>
  data<Refusal>({ fieldError, fileName, errors }, { status: 400 })

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data'))
    return refuse('Select a JSON file')
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: EDITION_JSON_MAX_BYTES }),
    )
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse('The selected file must be smaller than 1MB')
    throw error
  }
  const file = formData.get(IMPORT_FILE_FIELD)
  if (!(file instanceof Blob) || file.size === 0)
    return refuse(file instanceof File && file.name ? 'The selected file is empty' : 'Select a JSON file')
  const fileName = file instanceof File ? file.name : 'edition.json'
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer())
  } catch {
    return refuse('The selected file must be a JSON file saved as UTF-8 text', fileName)
  }
  const parsed = parseEditionJson(text)
  if (!parsed.ok)
    return refuse(
      `${fileName} has ${parsed.errors.length === 1 ? '1 error' : `${parsed.errors.length} errors`}. Correct the file and select it again`,
      fileName,
      parsed.errors,
    )
  const result = await importEdition({
    actor: user,
    content: parsed.content,
    fileName,
    ipAddress: context.clientAddress,
  })
  if (!result.ok) return refuse(result.message, fileName, [])
  return redirectWithFlash(request, `/admin/editions/${encodeURIComponent(result.code)}`, {
    type: 'success',
    title: 'Edition imported as a draft',
    description: 'Check its content, then publish it.',
  })
}

export default function ImportEdition() {
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors ?? []
  const summary = actionData
    ? [
        { href: `#${IMPORT_FILE_FIELD}`, text: actionData.fieldError },
        ...errors.slice(0, SUMMARY_LIMIT).map((e) => ({ href: '#import-errors', text: e.text })),
        ...(errors.length > SUMMARY_LIMIT
          ? [{ href: '#import-errors', text: `and ${errors.length - SUMMARY_LIMIT} more errors, listed below` }]
          : []),
      ]
    : []
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/admin/editions">Back to framework editions</BackLink>
        <ErrorSummary errors={summary} />
        <h1>Import an edition</h1>
        <p>
          Upload a framework edition saved as JSON, in the format of an edition exported from this portal. It becomes a
          draft edition you can check and publish.
        </p>
        <p>
          Every field of the format is needed and no other field is allowed. If anything is wrong, nothing is imported
          and each error says where it is.
        </p>
        <Form method="post" encType="multipart/form-data">
          <FileUpload
            name={IMPORT_FILE_FIELD}
            id={IMPORT_FILE_FIELD}
            label="JSON file"
            hint="A .json file smaller than 1MB"
            accept=".json,application/json"
            error={actionData?.fieldError}
          />
          <Button type="submit">Import</Button>
        </Form>
      </div>
      {errors.length > 0 ? (
        <div className="nhsuk-grid-column-full" id="import-errors" tabIndex={-1}>
          <Table
            caption={`Errors in ${actionData?.fileName ?? 'the file'}`}
            captionSize="m"
            responsive
            head={['Where', 'Field in the file', 'What is wrong']}
            rows={errors.map((e) => [
              e.location || 'The whole file',
              e.path ? <code key="path">{e.path}</code> : 'None',
              e.message,
            ])}
          />
        </div>
      ) : null}
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
