import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Button, ErrorSummary } from '~/components/nhs'
import {
  DuplicateLinks,
  EvidenceDetailsFields,
  WebLinkField,
  countSelectedFiles,
  dateValue,
  evidenceErrorSummary,
  textValue,
} from '~/components/evidence/evidence-form-parts'
import { FileUpload } from '~/components/evidence/file-upload'
import { UPLOAD_FAILED_MESSAGE, UPLOAD_RESPONSE_ATTRIBUTE, UploadProgress, uploadResponseAttribute, useUploadProgress } from '~/components/evidence/upload-progress'
import { requireUser } from '~/modules/auth/session.server'
import { createEvidenceItem, getEvidenceLibrary } from '~/modules/evidence/evidence.server'
import { ACCEPTED_TYPES_TEXT, ACCEPT_ATTRIBUTE, FILES_FIELD, MAX_FILES_PER_UPLOAD, formatSizeLimit } from '~/modules/evidence/files'
import { newEvidenceSchema } from '~/modules/evidence/schema'
import { defaultUploadLimits, refuseUpload, respondAfterUpload, withEvidenceUpload } from '~/modules/evidence/upload.server'

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
  return withEvidenceUpload(request, defaultUploadLimits(), async (upload) => {
    const submission = parseWithZod(upload.fields, { schema: newEvidenceSchema({ fileCount: upload.fileCount }) })
    if (submission.status !== 'success' || upload.problems.length) return refuseUpload(submission, upload.problems, [], upload.problemStatus)
    const { url, ...details } = submission.value
    const result = await createEvidenceItem({ actor: user, libraryServiceId: library.id, details, url: url ?? null, files: upload.files, ipAddress: context.clientAddress })
    if (!result.ok) return refuseUpload(submission, result.messages, result.duplicates)
    return respondAfterUpload(request, `/evidence/${result.itemId}`, { type: 'success', title: 'Evidence added', description: `‘${details.title}’ is now in your evidence library.` })
  })
}

export default function NewEvidence() {
  const { library, maxFileBytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const upload = useUploadProgress<{ result: NonNullable<Extract<typeof actionData, { result: unknown }>>['result']; duplicates: Array<{ fileName: string; itemId: string; title: string }> }>(FORM_ID)
  const answer = upload.response ?? (actionData && 'result' in actionData ? actionData : undefined)
  const [form, fields] = useForm({
    id: FORM_ID,
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newEvidenceSchema({ fileCount: countSelectedFiles(formData) }) }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onSubmit(event, { formData }) {
      event.preventDefault()
      upload.send(event.currentTarget, formData)
    },
  })
  const filesError = upload.failed ? UPLOAD_FAILED_MESSAGE : form.allErrors[FILES_FIELD]?.[0]
  const errors = evidenceErrorSummary(form.allErrors, FIELDS, upload.failed ? [{ href: `#${FILES_FIELD}`, text: UPLOAD_FAILED_MESSAGE }] : [])
  const uploading = upload.percent !== null
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Breadcrumbs items={[{ href: '/', text: 'Home' }, { href: `/services/${library.id}/evidence`, text: 'Evidence library' }]} />
        <ErrorSummary errors={errors} />
        <span className="nhsuk-caption-l">{library.name}</span>
        <h1>Add evidence</h1>
        <p>Evidence in your library can be linked to outcomes in every submission your service makes, in this cycle and later ones.</p>
        <form method="post" encType="multipart/form-data" {...getFormProps(form)} {...{ [UPLOAD_RESPONSE_ATTRIBUTE]: uploadResponseAttribute(actionData) }}>
          <EvidenceDetailsFields
            values={{
              title: textValue(fields.title.initialValue),
              description: textValue(fields.description.initialValue),
              evidenceDateFrom: dateValue(fields.evidenceDateFrom.initialValue),
              evidenceDateTo: dateValue(fields.evidenceDateTo.initialValue),
            }}
            errors={{
              title: fields.title.errors?.[0],
              description: fields.description.errors?.[0],
              evidenceDateFrom: fields.evidenceDateFrom.errors?.[0],
              evidenceDateTo: fields.evidenceDateTo.errors?.[0],
            }}
          />
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
