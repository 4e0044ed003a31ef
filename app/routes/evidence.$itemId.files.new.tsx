import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Button, ErrorSummary } from '~/components/nhs'
import { DuplicateLinks, countSelectedFiles, evidenceErrorSummary } from '~/components/evidence/evidence-form-parts'
import { FileUpload } from '~/components/evidence/file-upload'
import { UPLOAD_FAILED_MESSAGE, UPLOAD_RESPONSE_ATTRIBUTE, UploadProgress, uploadResponseAttribute, useUploadProgress } from '~/components/evidence/upload-progress'
import { requireUser } from '~/modules/auth/session.server'
import { addEvidenceFiles, getEvidenceItemSummary } from '~/modules/evidence/evidence.server'
import { ACCEPTED_TYPES_TEXT, ACCEPT_ATTRIBUTE, FILES_FIELD, MAX_FILES_PER_UPLOAD, formatSizeLimit } from '~/modules/evidence/files'
import { addFilesSchema } from '~/modules/evidence/schema'
import { defaultUploadLimits, refuseUpload, respondAfterUpload, withEvidenceUpload } from '~/modules/evidence/upload.server'
import { notFound } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Add files - Evidence library - LKS Quality Portal' }]

const FORM_ID = 'add-files'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const item = await getEvidenceItemSummary(user, params.itemId ?? '')
  // An item is files or a web link, never both.
  if (item.isLink) notFound()
  return { item: { id: item.id, title: item.title, libraryService: item.libraryService }, maxFileBytes: defaultUploadLimits().maxFileBytes }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const item = await getEvidenceItemSummary(user, params.itemId ?? '')
  return withEvidenceUpload(request, defaultUploadLimits(), async (upload) => {
    const submission = parseWithZod(upload.fields, { schema: addFilesSchema({ fileCount: upload.fileCount }) })
    if (submission.status !== 'success' || upload.problems.length) return refuseUpload(submission, upload.problems, [], upload.problemStatus)
    const result = await addEvidenceFiles({ actor: user, itemId: item.id, files: upload.files, ipAddress: context.clientAddress })
    if (!result.ok) return refuseUpload(submission, result.messages, result.duplicates)
    const added = upload.files.length === 1 ? '1 file has' : `${upload.files.length} files have`
    return respondAfterUpload(request, `/evidence/${item.id}`, { type: 'success', title: 'Files added', description: `${added} been added to ‘${item.title}’.` })
  })
}

export default function AddFiles() {
  const { item, maxFileBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const upload = useUploadProgress<Extract<NonNullable<typeof actionData>, { result: unknown }>>(FORM_ID)
  const answer = upload.response ?? (actionData && 'result' in actionData ? actionData : undefined)
  const [form] = useForm({
    id: FORM_ID,
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addFilesSchema({ fileCount: countSelectedFiles(formData) }) }),
    shouldValidate: 'onSubmit',
    onSubmit(event, { formData }) {
      event.preventDefault()
      upload.send(event.currentTarget, formData)
    },
  })
  const filesError = upload.failed ? UPLOAD_FAILED_MESSAGE : form.allErrors[FILES_FIELD]?.[0]
  const uploading = upload.percent !== null
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Breadcrumbs
          items={[
            { href: '/', text: 'Home' },
            { href: `/services/${item.libraryService.id}/evidence`, text: 'Evidence library' },
            { href: `/evidence/${item.id}`, text: item.title },
          ]}
        />
        <ErrorSummary errors={evidenceErrorSummary(form.allErrors, [FILES_FIELD], upload.failed ? [{ href: `#${FILES_FIELD}`, text: UPLOAD_FAILED_MESSAGE }] : [])} />
        <span className="nhsuk-caption-l">{item.title}</span>
        <h1>Add files</h1>
        <form method="post" encType="multipart/form-data" {...getFormProps(form)} {...{ [UPLOAD_RESPONSE_ATTRIBUTE]: uploadResponseAttribute(actionData) }}>
          <FileUpload
            name={FILES_FIELD}
            label="Upload files"
            labelSize="s"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            hint={`Select up to ${MAX_FILES_PER_UPLOAD} files. Each must be a ${ACCEPTED_TYPES_TEXT} file smaller than ${formatSizeLimit(maxFileBytes)}.`}
            error={filesError}
            disabled={uploading}
          >
            <DuplicateLinks duplicates={answer?.duplicates ?? []} />
          </FileUpload>
          <UploadProgress percent={upload.percent} />
          <div className="nhsuk-button-group">
            <Button type="submit" disabled={uploading}>
              Add files
            </Button>
            <a className="nhsuk-link" href={`/evidence/${item.id}`}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  )
}
