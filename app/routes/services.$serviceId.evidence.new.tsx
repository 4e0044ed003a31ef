import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Button, ErrorSummary } from '~/components/nhs'
import {
  EvidenceBreadcrumbs,
  EvidenceDetailsFields,
  EvidenceFilesUpload,
  WebLinkField,
  evidenceDetailsProps,
  textValue,
} from '~/components/evidence/evidence-form-parts'
import { UploadProgress } from '~/components/evidence/upload-progress'
import { useEvidenceUploadForm } from '~/components/evidence/use-evidence-upload-form'
import { requireUser } from '~/modules/auth/session.server'
import { createEvidenceItem, getEvidenceLibrary } from '~/modules/evidence/evidence.server'
import { FILES_FIELD } from '~/modules/evidence/files'
import { newEvidenceSchema } from '~/modules/evidence/schema'
import {
  defaultUploadLimits,
  partlyStoredFlash,
  refuseUpload,
  respondAfterUpload,
  withEvidenceUpload,
} from '~/modules/evidence/upload.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Add evidence - LKS Quality Portal' }]

const FORM_ID = 'new-evidence'
const FIELDS = ['title', 'description', 'evidenceDateFrom', 'evidenceDateTo', FILES_FIELD, 'url'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const library = await getEvidenceLibrary(user, params.serviceId ?? '')
  return { library: { id: library.id, name: library.name }, maxFileBytes: defaultUploadLimits().maxFileBytes }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  // Refuse before reading a byte of the upload.
  const library = await getEvidenceLibrary(user, params.serviceId ?? '')
  return withEvidenceUpload(
    request,
    defaultUploadLimits(),
    { actorId: user.id, libraryServiceId: library.id, ipAddress: context.clientAddress },
    async (upload) => {
      const submission = parseWithZod(upload.fields, { schema: newEvidenceSchema({ fileCount: upload.fileCount }) })
      // A bad file among good ones is reported by name after the others are stored.
      if (submission.status !== 'success' || (upload.problems.length && !upload.separable))
        return refuseUpload(submission, upload.problems, [], upload.problemStatus)
      const { url, ...details } = submission.value
      const result = await createEvidenceItem({
        actor: user,
        libraryServiceId: library.id,
        details,
        url: url ?? null,
        files: upload.files,
        ipAddress: context.clientAddress,
      })
      if (!result.ok) return refuseUpload(submission, result.messages, result.duplicates)
      const notStored = [...upload.problems, ...result.notStored]
      return respondAfterUpload(
        request,
        `/evidence/${result.itemId}`,
        notStored.length
          ? partlyStoredFlash({ stored: result.stored, title: details.title, notStored })
          : {
              type: 'success',
              title: 'Evidence added',
              description: `‘${details.title}’ is now in your evidence library.`,
            },
      )
    },
  )
}

export default function NewEvidence() {
  const { library, maxFileBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { fields, upload, answer, filesError, errors, uploading, formProps } = useEvidenceUploadForm({
    id: FORM_ID,
    actionData,
    schema: newEvidenceSchema,
    fieldOrder: FIELDS,
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <EvidenceBreadcrumbs libraryServiceId={library.id} />
        <ErrorSummary errors={errors} />
        <span className="nhsuk-caption-l">{library.name}</span>
        <h1>Add evidence</h1>
        <p>
          Evidence in your library can be linked to outcomes in every submission your service makes, in this cycle and
          later ones.
        </p>
        <form method="post" encType="multipart/form-data" {...formProps}>
          <EvidenceDetailsFields {...evidenceDetailsProps(fields)} />
          <EvidenceFilesUpload
            label="Upload files"
            multiple
            maxFileBytes={maxFileBytes}
            error={filesError}
            disabled={uploading}
            duplicates={answer?.duplicates ?? []}
          />
          <WebLinkField
            defaultValue={textValue(fields.url.initialValue)}
            error={fields.url.errors?.[0]}
            hint="Or, instead of files, give the address of a web page. For example, https://www.example.nhs.uk/annual-report"
          />
          <UploadProgress percent={upload.percent} />
          <Button type="submit" disabled={uploading}>
            Add evidence
          </Button>
        </form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('evidence')
