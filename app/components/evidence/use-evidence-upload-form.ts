import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'
import { FILES_FIELD } from '~/modules/evidence/files'
import type { DuplicateFile } from '~/modules/evidence/files'
import { countSelectedFiles, evidenceErrorSummary } from './evidence-form-parts'
import {
  UPLOAD_FAILED_MESSAGE,
  UPLOAD_RESPONSE_ATTRIBUTE,
  uploadResponseAttribute,
  useUploadProgress,
} from './upload-progress'

/** Shown when a refused form came back without the files the person had chosen. */
export const SELECT_FILES_AGAIN_MESSAGE =
  'If you chose files, select them again: files are not kept when there is an error'

/** What an upload route's action answers when it refuses an upload (see refuseUpload). */
type RefusedUpload = { result: SubmissionResult<string[]>; duplicates: readonly DuplicateFile[] }

function isRefusedUpload<ActionData>(
  actionData: ActionData | undefined,
): actionData is Extract<ActionData, RefusedUpload> {
  return typeof actionData === 'object' && actionData !== null && 'result' in actionData
}

/**
 * The Conform form of an evidence upload page, sent with upload progress. The page's answer is
 * the server's refusal, read either from the progress request or (without JavaScript) from the
 * action data; `schema` is the form's schema for a number of selected files, and `fieldOrder`
 * the order of the error summary.
 */
export function useEvidenceUploadForm<
  ActionData,
  Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>,
>({
  id,
  actionData,
  schema,
  fieldOrder,
  shouldRevalidate,
}: {
  id: string
  actionData: ActionData | undefined
  schema: (limits: { fileCount: number }) => Schema
  fieldOrder: readonly string[]
  shouldRevalidate?: 'onSubmit' | 'onBlur' | 'onInput'
}) {
  const upload = useUploadProgress<Extract<ActionData, RefusedUpload>>(id)
  const answer = upload.response ?? (isRefusedUpload(actionData) ? actionData : undefined)
  const [form, fields] = useForm({
    id,
    lastResult: answer?.result,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: schema({ fileCount: countSelectedFiles(formData) }) }),
    shouldValidate: 'onSubmit',
    shouldRevalidate,
    onSubmit(event, { formData }) {
      event.preventDefault()
      upload.send(event.currentTarget, formData)
    },
  })
  // Without JavaScript the refused form comes back as a new page, and no browser lets a page fill in
  // a file input: say so, rather than let the chosen files vanish unremarked.
  const filesDropped = !upload.response && isRefusedUpload(actionData) && !form.allErrors[FILES_FIELD]?.length
  const filesError = upload.failed
    ? UPLOAD_FAILED_MESSAGE
    : (form.allErrors[FILES_FIELD]?.[0] ?? (filesDropped ? SELECT_FILES_AGAIN_MESSAGE : undefined))
  const errors = evidenceErrorSummary(
    form.allErrors,
    fieldOrder,
    upload.failed
      ? [{ href: `#${FILES_FIELD}`, text: UPLOAD_FAILED_MESSAGE }]
      : filesDropped
        ? [{ href: `#${FILES_FIELD}`, text: SELECT_FILES_AGAIN_MESSAGE }]
        : [],
  )
  const uploading = upload.percent !== null
  /** For the `<form>`: Conform's props, and the server's answer for the progress request to read. */
  const formProps = { ...getFormProps(form), [UPLOAD_RESPONSE_ATTRIBUTE]: uploadResponseAttribute(actionData) }
  return { form, fields, upload, answer, filesError, errors, uploading, formProps }
}
