import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Button, ErrorSummary } from '~/components/nhs'
import { DuplicateLinks, countSelectedFiles, evidenceErrorSummary } from '~/components/evidence/evidence-form-parts'
import { FileUpload } from '~/components/evidence/file-upload'
import { UPLOAD_FAILED_MESSAGE, UPLOAD_RESPONSE_ATTRIBUTE, UploadProgress, uploadResponseAttribute, useUploadProgress } from '~/components/evidence/upload-progress'
import { requireUser } from '~/modules/auth/session.server'
import { getEvidenceFileSummary, replaceEvidenceFile } from '~/modules/evidence/evidence.server'
import { ACCEPTED_TYPES_TEXT, ACCEPT_ATTRIBUTE, FILES_FIELD, formatSizeLimit } from '~/modules/evidence/files'
import { replaceFileSchema } from '~/modules/evidence/schema'
import { defaultUploadLimits, refuseUpload, respondAfterUpload, withEvidenceUpload } from '~/modules/evidence/upload.server'

export const meta: MetaFunction = () => [{ title: 'Replace a file - Evidence library - LKS Quality Portal' }]

const FORM_ID = 'replace-file'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const file = await getEvidenceFileSummary(user, params.itemId ?? '', params.fileId ?? '')
  return { file, maxFileBytes: defaultUploadLimits().maxFileBytes }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const file = await getEvidenceFileSummary(user, params.itemId ?? '', params.fileId ?? '')
  return withEvidenceUpload(request, defaultUploadLimits(1), async (upload) => {
    const submission = parseWithZod(upload.fields, { schema: replaceFileSchema({ fileCount: upload.fileCount }) })
    const [newFile] = upload.files
    if (submission.status !== 'success' || upload.problems.length || !newFile) return refuseUpload(submission, upload.problems, [], upload.problemStatus)
    const result = await replaceEvidenceFile({ actor: user, itemId: file.item.id, fileId: file.id, file: newFile, ipAddress: context.clientAddress })
    if (!result.ok) return refuseUpload(submission, result.messages, result.duplicates)
    return respondAfterUpload(request, `/evidence/${file.item.id}`, {
      type: 'success',
      title: 'File replaced',
      description: `${newFile.originalName} is now version ${result.version}. Earlier versions are kept.`,
    })
  })
}

export default function ReplaceFile() {
  const { file, maxFileBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const upload = useUploadProgress<Extract<NonNullable<typeof actionData>, { result: unknown }>>(FORM_ID)
  const answer = upload.response ?? (actionData && 'result' in actionData ? actionData : undefined)
  const [form] = useForm({
    id: FORM_ID,
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: replaceFileSchema({ fileCount: countSelectedFiles(formData) }) }),
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
            { href: `/services/${file.libraryService.id}/evidence`, text: 'Evidence library' },
            { href: `/evidence/${file.item.id}`, text: file.item.title },
          ]}
        />
        <ErrorSummary errors={evidenceErrorSummary(form.allErrors, [FILES_FIELD], upload.failed ? [{ href: `#${FILES_FIELD}`, text: UPLOAD_FAILED_MESSAGE }] : [])} />
        <span className="nhsuk-caption-l">{file.item.title}</span>
        <h1>Replace {file.currentName}</h1>
        <p>
          The new file becomes version {file.currentVersion + 1}. Version {file.currentVersion} and any earlier versions are kept, and can still be downloaded.
        </p>
        <form method="post" encType="multipart/form-data" {...getFormProps(form)} {...{ [UPLOAD_RESPONSE_ATTRIBUTE]: uploadResponseAttribute(actionData) }}>
          <FileUpload
            name={FILES_FIELD}
            label="Upload the new version"
            labelSize="s"
            accept={ACCEPT_ATTRIBUTE}
            hint={`It must be a ${ACCEPTED_TYPES_TEXT} file smaller than ${formatSizeLimit(maxFileBytes)}.`}
            error={filesError}
            disabled={uploading}
          >
            <DuplicateLinks duplicates={answer?.duplicates ?? []} />
          </FileUpload>
          <UploadProgress percent={upload.percent} />
          <div className="nhsuk-button-group">
            <Button type="submit" disabled={uploading}>
              Replace file
            </Button>
            <a className="nhsuk-link" href={`/evidence/${file.item.id}`}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  )
}
