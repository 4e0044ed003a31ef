import { useCallback, useState } from 'react'
import { UPLOAD_PROGRESS_HEADER } from '~/modules/evidence/files'

/** Where the server's answer to an upload is written: a data attribute on the upload form. */
export const UPLOAD_RESPONSE_ATTRIBUTE = 'data-upload-response'

/** The attribute's value for an action's answer, or undefined when there is none yet. */
export function uploadResponseAttribute(actionData: unknown): string | undefined {
  return actionData === undefined || actionData === null ? undefined : JSON.stringify(actionData)
}

function readUploadResponse(html: string, formId: string): unknown {
  const value = new DOMParser()
    .parseFromString(html, 'text/html')
    .getElementById(formId)
    ?.getAttribute(UPLOAD_RESPONSE_ATTRIBUTE)
  if (!value) return null
  try {
    return JSON.parse(value)
  } catch {
    return null
  }
}

function redirectTarget(response: unknown): string | null {
  if (typeof response !== 'object' || response === null || !('redirectTo' in response)) return null
  const { redirectTo } = response
  return typeof redirectTo === 'string' && redirectTo.startsWith('/') && !redirectTo.startsWith('//')
    ? redirectTo
    : null
}

export type UploadProgressState<Response> = {
  /** 0 to 100 while uploading; null otherwise. */
  percent: number | null
  /** The server's answer when it refused the upload (the same data the page shows after a normal post). */
  response: Response | null
  /** The upload did not reach the server, or its answer could not be read. */
  failed: boolean
  /** Sends the form with XMLHttpRequest, reporting progress. */
  send: (form: HTMLFormElement, formData: FormData) => void
}

/**
 * Upload progress for a multipart form, which without JavaScript posts as usual. With it, the
 * form is sent with XMLHttpRequest (fetch cannot report upload progress). The server answers a
 * success with where to go next, and a refusal with the page it would have shown; the page's
 * own data is read from that answer so the form shows its errors and keeps what was typed.
 */
export function useUploadProgress<Response>(formId: string): UploadProgressState<Response> {
  const [percent, setPercent] = useState<number | null>(null)
  const [response, setResponse] = useState<Response | null>(null)
  const [failed, setFailed] = useState(false)

  const send = useCallback(
    (form: HTMLFormElement, formData: FormData) => {
      const action = form.action
      const xhr = new XMLHttpRequest()
      xhr.open('POST', action)
      xhr.setRequestHeader(UPLOAD_PROGRESS_HEADER, '1')
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && event.total > 0)
          setPercent(Math.min(100, Math.floor((event.loaded / event.total) * 100)))
      })
      xhr.addEventListener('load', () => {
        const answer = readUploadResponse(xhr.responseText, formId)
        const target = redirectTarget(answer)
        if (target) {
          window.location.assign(target)
          return
        }
        setPercent(null)
        if (answer) {
          setResponse(answer as Response)
          return
        }
        // Somewhere else answered, such as the sign-in page after the session ended.
        if (xhr.responseURL && new URL(xhr.responseURL).pathname !== new URL(action).pathname) {
          window.location.assign(xhr.responseURL)
          return
        }
        setFailed(true)
      })
      const fail = () => {
        setPercent(null)
        setFailed(true)
      }
      xhr.addEventListener('error', fail)
      xhr.addEventListener('abort', fail)
      setFailed(false)
      setPercent(0)
      xhr.send(formData)
    },
    [formId],
  )

  return { percent, response, failed, send }
}

export const UPLOAD_FAILED_MESSAGE = 'Your files could not be uploaded. Check your connection and try again'

/**
 * The progress bar while an upload is under way, with a live region that announces progress in
 * steps of 10% (announcing every percent would drown out everything else).
 */
export function UploadProgress({ percent, id = 'upload-progress' }: { percent: number | null; id?: string }) {
  const announcement =
    percent === null
      ? ''
      : percent >= 100
        ? 'Uploaded 100%. Checking your files'
        : `Uploaded ${Math.floor(percent / 10) * 10}%`
  return (
    <div className="nhsuk-form-group">
      {percent !== null ? (
        <>
          <label className="nhsuk-label" htmlFor={id}>
            Upload progress
          </label>
          <progress id={id} className="nhsuk-u-width-full" max={100} value={percent}>
            {`${percent}%`}
          </progress>
        </>
      ) : null}
      <div className="nhsuk-body" aria-live="polite">
        {announcement}
      </div>
    </div>
  )
}
