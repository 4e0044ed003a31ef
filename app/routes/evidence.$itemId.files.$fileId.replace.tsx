import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Button, ErrorSummary } from '~/components/nhs'
import { EvidenceBreadcrumbs, EvidenceFilesUpload } from '~/components/evidence/evidence-form-parts'
import { UploadProgress } from '~/components/evidence/upload-progress'
import { useEvidenceUploadForm } from '~/components/evidence/use-evidence-upload-form'
import { requireUser } from '~/modules/auth/session.server'
import { getEvidenceFileSummary, replaceEvidenceFile } from '~/modules/evidence/evidence.server'
import { FILES_FIELD } from '~/modules/evidence/files'
import { replaceFileSchema } from '~/modules/evidence/schema'
import {
  defaultUploadLimits,
  refuseUpload,
  respondAfterUpload,
  withEvidenceUpload,
} from '~/modules/evidence/upload.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

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
  return withEvidenceUpload(
    request,
    defaultUploadLimits(1),
    {
      actorId: user.id,
      libraryServiceId: file.libraryService.id,
      evidenceItemId: file.item.id,
      ipAddress: context.clientAddress,
    },
    async (upload) => {
      const submission = parseWithZod(upload.fields, { schema: replaceFileSchema({ fileCount: upload.fileCount }) })
      const [newFile] = upload.files
      if (submission.status !== 'success' || upload.problems.length || !newFile)
        return refuseUpload(submission, upload.problems, [], upload.problemStatus)
      const result = await replaceEvidenceFile({
        actor: user,
        itemId: file.item.id,
        fileId: file.id,
        file: newFile,
        ipAddress: context.clientAddress,
      })
      if (!result.ok) return refuseUpload(submission, result.messages, result.duplicates)
      return respondAfterUpload(request, `/evidence/${file.item.id}`, {
        type: 'success',
        title: 'File replaced',
        description: `${newFile.originalName} is now version ${result.version}. Earlier versions are kept.`,
      })
    },
  )
}

export default function ReplaceFile() {
  const { file, maxFileBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { upload, answer, filesError, errors, uploading, formProps } = useEvidenceUploadForm({
    id: FORM_ID,
    actionData,
    schema: replaceFileSchema,
    fieldOrder: [FILES_FIELD],
  })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <EvidenceBreadcrumbs libraryServiceId={file.libraryService.id} item={file.item} />
        <ErrorSummary errors={errors} />
        <span className="nhsuk-caption-l">{file.item.title}</span>
        <h1>Replace {file.currentName}</h1>
        <p>
          The new file becomes version {file.currentVersion + 1}. Version {file.currentVersion} and any earlier versions
          are kept, and can still be downloaded.
        </p>
        <form method="post" encType="multipart/form-data" {...formProps}>
          <EvidenceFilesUpload
            label="Upload the new version"
            maxFileBytes={maxFileBytes}
            error={filesError}
            disabled={uploading}
            duplicates={answer?.duplicates ?? []}
          />
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

export const ErrorBoundary = areaErrorBoundary('evidence')
