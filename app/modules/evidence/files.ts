// Pure rules for evidence files, shared by the server and the browser: which files the library
// accepts, how a file's name must agree with its content, how names are cleaned for display and
// downloads, and how sizes read. No I/O here: upload.server.ts does the sniffing and streaming.

/** The form field that carries files, on every evidence upload form. */
export const FILES_FIELD = 'files'

/** At most this many files in one upload (issue 3: "twenty files at once" is refused). */
export const MAX_FILES_PER_UPLOAD = 10

/** Sent by the upload progress script, so the server answers with data instead of a redirect. */
export const UPLOAD_PROGRESS_HEADER = 'X-Upload-Progress'

export type AcceptedFileType = {
  /** The file name extension, lower case, without the dot. */
  extension: string
  /** How the interface names the kind of file: "a PDF file", "an Excel file". */
  label: string
  /** The MIME type the file is stored and served with, whatever the browser claimed. */
  mimeType: string
  /**
   * What the content must be: the `ext` values file-type reports for it, or 'text' for formats
   * with no signature (valid UTF-8 without NUL or other binary control bytes).
   */
  content: readonly string[] | 'text'
  /** Whether the browser may show it in the page (`Content-Disposition: inline`). */
  preview: 'pdf' | 'image' | null
}

const OOXML = 'application/vnd.openxmlformats-officedocument'
const ODF = 'application/vnd.oasis.opendocument'

// .doc and .xls are both Compound File Binary containers: the signature cannot tell them apart,
// so the name decides between the two once the content is known to be CFB.
export const ACCEPTED_FILE_TYPES: readonly AcceptedFileType[] = [
  { extension: 'pdf', label: 'PDF', mimeType: 'application/pdf', content: ['pdf'], preview: 'pdf' },
  {
    extension: 'docx',
    label: 'Word',
    mimeType: `${OOXML}.wordprocessingml.document`,
    content: ['docx'],
    preview: null,
  },
  { extension: 'doc', label: 'Word', mimeType: 'application/msword', content: ['cfb'], preview: null },
  { extension: 'xlsx', label: 'Excel', mimeType: `${OOXML}.spreadsheetml.sheet`, content: ['xlsx'], preview: null },
  { extension: 'xls', label: 'Excel', mimeType: 'application/vnd.ms-excel', content: ['cfb'], preview: null },
  {
    extension: 'pptx',
    label: 'PowerPoint',
    mimeType: `${OOXML}.presentationml.presentation`,
    content: ['pptx'],
    preview: null,
  },
  { extension: 'odt', label: 'OpenDocument text', mimeType: `${ODF}.text`, content: ['odt'], preview: null },
  {
    extension: 'ods',
    label: 'OpenDocument spreadsheet',
    mimeType: `${ODF}.spreadsheet`,
    content: ['ods'],
    preview: null,
  },
  {
    extension: 'odp',
    label: 'OpenDocument presentation',
    mimeType: `${ODF}.presentation`,
    content: ['odp'],
    preview: null,
  },
  { extension: 'csv', label: 'CSV', mimeType: 'text/csv', content: 'text', preview: null },
  { extension: 'txt', label: 'text', mimeType: 'text/plain', content: 'text', preview: null },
  { extension: 'png', label: 'PNG', mimeType: 'image/png', content: ['png', 'apng'], preview: 'image' },
  { extension: 'jpg', label: 'JPEG', mimeType: 'image/jpeg', content: ['jpg'], preview: 'image' },
  { extension: 'jpeg', label: 'JPEG', mimeType: 'image/jpeg', content: ['jpg'], preview: 'image' },
]

export const ACCEPTED_TYPES_TEXT = 'PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG'

/** For `<input type="file" accept>`: a courtesy to the file picker, never a check. */
export const ACCEPT_ATTRIBUTE = ACCEPTED_FILE_TYPES.map((type) => `.${type.extension}`).join(',')

/** The extension of a file name, lower case and without the dot, or '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : ''
}

export function acceptedTypeForName(name: string): AcceptedFileType | undefined {
  const extension = extensionOf(name)
  return ACCEPTED_FILE_TYPES.find((type) => type.extension === extension)
}

/** What sniffing found in a file's first bytes. */
export type SniffedContent = {
  /** The `ext` file-type detected, or undefined when it found no signature. */
  detected: string | undefined
  /** Whether the first bytes are text (see isTextContent). */
  text: boolean
}

export type FileTypeCheck =
  | { ok: true; type: AcceptedFileType }
  | { ok: false; reason: 'UNSUPPORTED' }
  | { ok: false; reason: 'MISMATCH'; type: AcceptedFileType }

/** Whether a file's name and content agree on one accepted type. */
export function checkFileType(name: string, content: SniffedContent): FileTypeCheck {
  const type = acceptedTypeForName(name)
  if (!type) return { ok: false, reason: 'UNSUPPORTED' }
  const matches =
    type.content === 'text'
      ? content.detected === undefined && content.text
      : content.detected !== undefined && type.content.includes(content.detected)
  return matches ? { ok: true, type } : { ok: false, reason: 'MISMATCH', type }
}

function withArticle(label: string): string {
  return /^[AEIOU]/.test(label) ? `an ${label}` : `a ${label}`
}

/**
 * Field error messages for one file. `single` is true when the upload held one file, so the
 * message can say "The selected file" as the design system does; otherwise it names the file.
 */
export const fileMessages = {
  unsupported: (name: string, single: boolean) =>
    `${single ? 'The selected file' : name} must be a ${ACCEPTED_TYPES_TEXT} file`,
  mismatch: (name: string, type: AcceptedFileType) => `${name} is not ${withArticle(type.label)} file`,
  empty: (name: string, single: boolean) => (single ? 'The selected file is empty' : `${name} is empty`),
  tooLarge: (name: string, single: boolean, limitBytes: number) =>
    `${single ? 'The selected file' : name} must be smaller than ${formatSizeLimit(limitBytes)}`,
  tooMany: (max: number) => (max === 1 ? 'Select one file' : `Select up to ${max} files at a time`),
  selectedTwice: (name: string) => `${name} has been selected more than once`,
  infected: (name: string, single: boolean) =>
    `${single ? 'The selected file' : name} contains a virus or other harmful software, so it has not been uploaded. Do not open it again; ask your IT service desk to check the computer it came from`,
  notScanned: (name: string, single: boolean) =>
    `${single ? 'The selected file' : name} could not be checked for viruses just now, so it has not been uploaded. Try again later`,
  notARealDocument: (name: string, single: boolean, label: string) =>
    `${single ? 'The selected file' : name} is damaged or is not a real ${label} file. Open it, save it again and upload the new copy`,
  inflatesTooLarge: (name: string, single: boolean) =>
    `${single ? 'The selected file' : name} is too large when opened (over 500 MB, or too many parts). Save it as a smaller file or split it up`,
  outOfSpace: (name: string, single: boolean, contactEmail: string) =>
    `${single ? 'The file' : name} could not be saved because the portal is out of storage space. Your text has been kept. Try again later, or contact ${contactEmail}`,
  duplicate: (name: string, single: boolean, title: string) =>
    `${single ? 'This file' : name} is already in your evidence library as ‘${title}’`,
}

export function fileTypeMessage(name: string, single: boolean, check: Exclude<FileTypeCheck, { ok: true }>): string {
  return check.reason === 'UNSUPPORTED'
    ? fileMessages.unsupported(name, single)
    : fileMessages.mismatch(name, check.type)
}

// Bytes no text file contains: NUL and the C0 controls other than tab, line feed, vertical tab,
// form feed, carriage return and escape.
function isBinaryControl(byte: number): boolean {
  return byte <= 0x08 || (byte >= 0x0e && byte <= 0x1f && byte !== 0x1b)
}

/** How many bytes a UTF-8 sequence starting with this lead byte has (0 for a continuation byte). */
function utf8SequenceLength(byte: number): number {
  if (byte < 0x80) return 1
  if (byte >= 0xf0) return 4
  if (byte >= 0xe0) return 3
  if (byte >= 0xc0) return 2
  return 0
}

/**
 * Whether bytes are plain text: valid UTF-8 (ASCII included) with no NUL or binary control bytes.
 * `complete` is false when the bytes are only the start of a file, so a character cut in two at
 * the end is allowed.
 */
export function isTextContent(bytes: Uint8Array, complete: boolean): boolean {
  for (const byte of bytes) if (isBinaryControl(byte)) return false
  let end = bytes.length
  if (!complete) {
    // Step back over a trailing partial sequence: at most three continuation bytes and their lead.
    let start = end - 1
    while (start >= 0 && start >= end - 4 && utf8SequenceLength(bytes[start]!) === 0) start--
    if (start >= 0 && start + utf8SequenceLength(bytes[start]!) > end) end = start
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end))
    return true
  } catch {
    return false
  }
}

const MAX_NAME_LENGTH = 200

// Control characters (C0, DEL, C1), bidirectional overrides and isolates (which can disguise
// "evil‮fdp.exe" as "evilexe.pdf"), zero-width characters and the byte order mark.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/**
 * A file name as the user gave it, made safe to show and to offer in a download: the last path
 * segment only, no control or direction characters, tidy spaces, no leading dots, at most 200
 * characters (keeping the extension). The stored file never uses this name.
 */
export function cleanFileName(raw: string): string {
  const lastSegment = raw.split(/[/\\]/).pop() ?? ''
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
  const characters = Array.from(cleaned)
  if (characters.length <= MAX_NAME_LENGTH) return cleaned || 'file'
  const extension = extensionOf(cleaned)
  const suffix = extension ? `.${extension}` : ''
  return (
    characters
      .slice(0, MAX_NAME_LENGTH - suffix.length)
      .join('')
      .trimEnd() + suffix
  )
}

// RFC 5987 attr-char: everything else is percent-encoded in filename*.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * A Content-Disposition header value (RFC 6266): an ASCII `filename` for old clients and the
 * exact name as UTF-8 in `filename*`.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', name: string): string {
  const clean = cleanFileName(name)
  const ascii = clean
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(clean)}`
}

const KB = 1024
const MB = KB * 1024
const GB = MB * 1024

function oneDecimal(value: number): string {
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value)
  return String(rounded)
}

/** "512 bytes", "12 KB", "2.4 MB", "1.5 GB" */
export function formatFileSize(bytes: number): string {
  if (bytes < KB) return bytes === 1 ? '1 byte' : `${bytes} bytes`
  if (bytes < MB) return `${oneDecimal(bytes / KB)} KB`
  if (bytes < GB) return `${oneDecimal(bytes / MB)} MB`
  return `${oneDecimal(bytes / GB)} GB`
}

/** A limit as the design system writes it in error messages: "50MB", "500KB". */
export function formatSizeLimit(bytes: number): string {
  if (bytes >= GB) return `${oneDecimal(bytes / GB)}GB`
  if (bytes >= MB) return `${oneDecimal(bytes / MB)}MB`
  return `${Math.max(1, Math.floor(bytes / KB))}KB`
}

/** The first 12 hex digits of a SHA-256: enough to tell versions apart when reading. */
export function shortSha256(sha256: string): string {
  return sha256.slice(0, 12)
}

/** How the browser may preview a stored file, from its MIME type. */
export function previewKind(mimeType: string): 'pdf' | 'image' | null {
  return ACCEPTED_FILE_TYPES.find((type) => type.mimeType === mimeType)?.preview ?? null
}

/** The reader-facing kind of a stored file: "PDF", "Word", "OpenDocument text"... */
export function fileKindLabel(mimeType: string): string {
  const label = ACCEPTED_FILE_TYPES.find((type) => type.mimeType === mimeType)?.label ?? 'File'
  return label === 'text' ? 'Text' : label
}

/** A file streamed to a temporary path by upload.server.ts, sniffed and hashed, not yet stored. */
export type UploadedFile = {
  originalName: string
  tempPath: string
  sizeBytes: number
  sha256: string
  mimeType: string
}

/** A file the service already holds: named on the upload form with a link to the item holding it. */
export type DuplicateFile = { fileName: string; itemId: string; title: string }
