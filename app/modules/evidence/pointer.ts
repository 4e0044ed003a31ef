// Where to look in a piece of evidence: the pointer a service writes beside a link ("page 2",
// "pp. 4-6", "section 3", 'sheet "CPD"'). A pointer that starts with a page number opens a PDF's
// preview at that page (the browser's viewer reads `#page=N`); any other pointer is shown as written.

const PAGE = /^\s*(?:(?:pages?|pp?)\.?\s*)?(\d{1,4})(?=\s*(?:$|[-–—,;:(]|to\b|and\b))/i

/** The first page a pointer names, or null: "page 2" is 2, "pp. 4-6" is 4, "section 3" is null. */
export function pointerPage(pointer: string): number | null {
  const match = PAGE.exec(pointer)
  if (!match) return null
  const page = Number(match[1])
  return page >= 1 ? page : null
}

/** The preview address of a stored file, at the pointer's page when the file is a PDF and one is named. */
export function previewHref(fileVersionId: string, preview: 'pdf' | 'image', pointer: string): string {
  const base = `/evidence/files/${fileVersionId}/preview`
  const page = preview === 'pdf' ? pointerPage(pointer) : null
  return page === null ? base : `${base}#page=${page}`
}
