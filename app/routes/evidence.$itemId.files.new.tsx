import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Button, ErrorSummary } from '~/components/nhs'
import { EvidenceBreadcrumbs, EvidenceFilesUpload } from '~/components/evidence/evidence-form-parts'
import { UploadProgress } from '~/components/evidence/upload-progress'
import { useEvidenceUploadForm } from '~/components/evidence/use-evidence-upload-form'
import { requireUser } from '~/modules/auth/session.server'
import { addEvidenceFiles, getEvidenceItemSummary } from '~/modules/evidence/evidence.server'
import { FILES_FIELD } from '~/modules/evidence/files'
import { addFilesSchema } from '~/modules/evidence/schema'
import {
  defaultUploadLimits,
  partlyStoredFlash,
  refuseUpload,
  respondAfterUpload,
  withEvidenceUpload,
} from '~/modules/evidence/upload.server'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Add files - Evidence library - LKS Quality Portal' }]

const FORM_ID = 'add-files'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const item = await getEvidenceItemSummary(user, params.itemId ?? '')
  // An item is files or a web link, never both.
  if (item.isLink) notFound()
  return {
    item: { id: item.id, title: item.title, libraryService: item.libraryService },
    maxFileBytes: defaultUploadLimits().maxFileBytes,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const item = await getEvidenceItemSummary(user, params.itemId ?? '')
  return withEvidenceUpload(
    request,
    defaultUploadLimits(),
    {
      actorId: user.id,
      libraryServiceId: item.libraryService.id,
      evidenceItemId: item.id,
      ipAddress: context.clientAddress,
    },
    async (upload) => {
      const submission = parseWithZod(upload.fields, { schema: addFilesSchema({ fileCount: upload.fileCount }) })
      // A bad file among good ones is reported by name after the others are stored.
      if (submission.status !== 'success' || (upload.problems.length && !upload.separable))
        return refuseUpload(submission, upload.problems, [], upload.problemStatus)
      const result = await addEvidenceFiles({
        actor: user,
        itemId: item.id,
        files: upload.files,
        ipAddress: context.clientAddress,
      })
      if (!result.ok) return refuseUpload(submission, result.messages, result.duplicates)
      const notStored = [...upload.problems, ...result.notStored]
      if (notStored.length)
        return respondAfterUpload(
          request,
          `/evidence/${item.id}`,
          partlyStoredFlash({ stored: result.stored, title: item.title, notStored }),
        )
      const added = result.stored === 1 ? '1 file has' : `${result.stored} files have`
      return respondAfterUpload(request, `/evidence/${item.id}`, {
        type: 'success',
        title: 'Files added',
        description: `${added} been added to ‘${item.title}’.`,
      })
    },
  )
}

export default function AddFiles() {
  const { item, maxFileBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { upload, answer, filesError, errors, uploading, formProps } = useEvidenceUploadForm({
    id: FORM_ID,
    actionData,
    schema: addFilesSchema,
    fieldOrder: [FILES_FIELD],
  })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <EvidenceBreadcrumbs libraryServiceId={item.libraryService.id} item={item} />
        <ErrorSummary errors={errors} />
        <span className="nhsuk-caption-l">{item.title}</span>
        <h1>Add files</h1>
        <form method="post" encType="multipart/form-data" {...formProps}>
          <EvidenceFilesUpload
            label="Upload files"
            multiple
            maxFileBytes={maxFileBytes}
            error={filesError}
            disabled={uploading}
            duplicates={answer?.duplicates ?? []}
          />
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

export const ErrorBoundary = areaErrorBoundary('evidence')
