import { previewKind } from '~/modules/evidence/files'
import { pointerPage, previewHref } from '~/modules/evidence/pointer'

/**
 * "Preview annual-report.pdf at page 2": a PDF opens in a new tab at the page the link's pointer
 * names; a pointer that names no page is shown beside the link by the caller. Nothing for a file
 * the browser cannot preview (it is only ever a download).
 */
export function PreviewLink({
  file,
  pointer,
}: {
  file: { id: string; originalName: string; mimeType: string }
  pointer: string
}) {
  const kind = previewKind(file.mimeType)
  if (!kind) return null
  const page = kind === 'pdf' ? pointerPage(pointer) : null
  return (
    <a href={previewHref(file.id, kind, pointer)} target="_blank" rel="noopener noreferrer">
      Preview {file.originalName}
      {page === null ? null : ` at page ${page}`}
      <span className="nhsuk-u-visually-hidden"> (opens in a new tab)</span>
    </a>
  )
}
