// Importing organisations from a CSV file (issue 7): the pure part. The bytes are decoded (UTF-8,
// UTF-16 with a byte order mark, or Windows-1252 as Excel saves "CSV" on Windows), the columns are
// found by header whatever their order or spelling, each row is checked, and the rows are compared
// with the organisations already in the portal to show what would be created, updated or left
// alone. Nothing here touches the database; organisations/import.server.ts does that.
import { parse, type CsvError } from 'csv-parse/sync'
import { IMPORT_FIELD_LABELS, type ImportField, ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { MAX_ORGANISATION_NAME_LENGTH, normaliseOdsCode, ODS_CODE_PATTERN } from '~/modules/organisations/schema'

export { IMPORT_FIELD_LABELS, type ImportField }

const FIELDS: readonly ImportField[] = ['odsCode', 'name', 'type', 'region']

// Header spellings we accept, compared lower-case with everything but letters and digits removed,
// so "ODS code", "ods_code", "ODS-Code" and "OdsCode" are all "odscode".
const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  odsCode: [
    'odscode',
    'ods',
    'code',
    'organisationcode',
    'organizationcode',
    'orgcode',
    'organisationodscode',
    'organizationodscode',
  ],
  name: ['name', 'organisationname', 'organizationname', 'orgname', 'organisation', 'organization'],
  type: ['type', 'organisationtype', 'organizationtype', 'orgtype'],
  region: ['region', 'regioncode', 'regionname', 'nhsenglandregion', 'nhseregion', 'nhsregion', 'nhsenglandregioncode'],
}

// Short forms people use for a type, beside the code (ACUTE_TRUST) and the label (Acute trust).
const TYPE_ALIASES: Record<string, string> = {
  acute: 'ACUTE_TRUST',
  mentalhealth: 'MENTAL_HEALTH_TRUST',
  community: 'COMMUNITY_TRUST',
  ambulance: 'AMBULANCE_TRUST',
  icb: 'INTEGRATED_CARE_BOARD',
  hei: 'HIGHER_EDUCATION',
  highereducation: 'HIGHER_EDUCATION',
  university: 'HIGHER_EDUCATION',
}

const MAX_ROWS = 20_000

const squash = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '')
const quote = (value: string) => `‘${value}’`

// ---------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------

export type DecodedFile =
  { ok: true; text: string; encoding: 'UTF-8' | 'UTF-16' | 'Windows-1252' } | { ok: false; message: string }

const NOT_CSV =
  'The selected file must be a CSV file. In Excel, choose File, Save As, and ‘CSV UTF-8 (comma delimited)’'

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte)
}

// Control characters no text file holds (tab, line feed and carriage return are allowed).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/

function refuseBinary(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return 'The selected file is a PDF, not a CSV file. Upload the organisations as a CSV file'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return 'The selected file is a spreadsheet or document, not a CSV file. In Excel, choose File, Save As, and ‘CSV UTF-8 (comma delimited)’'
  }
  return null
}

function decodeWith(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

// Windows-1252's characters for bytes 0x80 to 0x9F; the rest are Latin-1. Written out because
// Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 and turns these bytes into controls.
// The five bytes with no character stay as C1 controls, which the control check then refuses.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes)
    text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
  return text
}

/** UTF-16 without a byte order mark shows as a zero byte beside nearly every ASCII character. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1)
  if (sample.length < 4) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros++
    if (sample[i + 1] === 0) oddZeros++
  }
  const pairs = sample.length / 2
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le'
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be'
  return null
}

/**
 * The text of an uploaded file, or why it cannot be read. UTF-8 (with or without a byte order
 * mark) and UTF-16 are decoded exactly; a file that is not valid UTF-8 but has no control bytes is
 * read as Windows-1252, which is how Excel on Windows saves "CSV (comma delimited)". Anything with
 * control bytes, or a PDF, spreadsheet or document, is refused.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) return { ok: false, message: 'The selected file is empty' }
  const binary = refuseBinary(bytes)
  if (binary) return { ok: false, message: binary }

  let text: string | null = null
  let encoding: 'UTF-8' | 'UTF-16' | 'Windows-1252' = 'UTF-8'
  const utf16 = startsWith(bytes, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(bytes, [0xfe, 0xff])
      ? 'utf-16be'
      : guessUtf16(bytes)
  if (utf16) {
    text = decodeWith(utf16, bytes)
    encoding = 'UTF-16'
  } else {
    text = decodeWith('utf-8', bytes)
    if (text === null) {
      text = decodeWindows1252(bytes)
      encoding = 'Windows-1252'
    }
  }
  if (text === null)
    return {
      ok: false,
      message:
        'The selected file could not be read as text. Save it as ‘CSV UTF-8 (comma delimited)’ and upload it again',
    }
  text = text.replace(/^\ufeff/, '')
  // Windows-1252 leaves five bytes undefined; TextDecoder turns them into C1 controls, caught here.
  if (CONTROL.test(text)) return { ok: false, message: NOT_CSV }
  if (text.trim() === '') return { ok: false, message: 'The selected file is empty' }
  return { ok: true, text, encoding }
}

// ---------------------------------------------------------------------------
// Reading the table
// ---------------------------------------------------------------------------

/** One data row as found in the file, with its row number as a spreadsheet shows it (the header is row 1). */
export type RawRow = { row: number } & Record<ImportField, string>

export type ReadTable = { ok: true; rows: RawRow[]; ignoredColumns: string[] } | { ok: false; message: string }

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => ({ d, n: headerLine.split(d).length - 1 }))
  const best = counts.reduce((a, b) => (b.n > a.n ? b : a))
  return best.n > 0 ? best.d : ','
}

/**
 * The rows of a decoded CSV file, with the four columns found by their headers (in any order, in
 * any case, with common variants). Fails with one message when the file as a whole cannot be used:
 * CSV it cannot parse, missing or repeated columns, or no rows under the header.
 */
export function readOrganisationCsv(text: string): ReadTable {
  const headerLine = text.split(/\r\n|\n|\r/, 1)[0] ?? ''
  let records: Array<{ record: string[]; info: { lines: number } }>
  try {
    records = parse(text, {
      delimiter: delimiterOf(headerLine),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>
  } catch (error) {
    const lines = (error as CsvError & { lines?: number }).lines
    return {
      ok: false,
      message: `The file could not be read as CSV${lines ? ` near row ${lines}` : ''}. Check that every quotation mark is closed, then upload it again`,
    }
  }
  const [header, ...body] = records
  if (!header) return { ok: false, message: 'The selected file is empty' }

  const columns = new Map<ImportField, number>()
  const ignoredColumns: string[] = []
  for (const [index, heading] of header.record.entries()) {
    const key = squash(heading)
    const field = FIELDS.find((f) => HEADER_ALIASES[f].includes(key))
    if (!field) {
      if (heading) ignoredColumns.push(heading)
      continue
    }
    const earlier = columns.get(field)
    if (earlier !== undefined) {
      return {
        ok: false,
        message: `The file has more than one column for ${IMPORT_FIELD_LABELS[field]}: ${quote(header.record[earlier]!)} and ${quote(heading)}. Remove one of them`,
      }
    }
    columns.set(field, index)
  }
  const missing = FIELDS.filter((f) => !columns.has(f)).map((f) => IMPORT_FIELD_LABELS[f])
  if (missing.length)
    return {
      ok: false,
      message: `The file must have columns for ODS code, name, type and region. It is missing: ${listWords(missing)}`,
    }
  if (body.length === 0)
    return { ok: false, message: 'The file has column headings but no organisations. Add a row for each organisation' }
  if (body.length > MAX_ROWS)
    return {
      ok: false,
      message: `The file must have ${MAX_ROWS.toLocaleString('en-GB')} organisations or fewer. Split it into smaller files`,
    }

  const rows = body.map(({ record, info }) => {
    const cell = (field: ImportField) => (record[columns.get(field)!] ?? '').replace(/\s+/g, ' ').trim()
    return { row: info.lines, odsCode: cell('odsCode'), name: cell('name'), type: cell('type'), region: cell('region') }
  })
  return { ok: true, rows, ignoredColumns }
}

// ---------------------------------------------------------------------------
// Checking rows
// ---------------------------------------------------------------------------

export type ImportRegion = { id: string; code: string; name: string }

/** A row that passed every check, with its type and region resolved. */
export type ImportRow = { row: number; odsCode: string; name: string; type: string; regionId: string }

/** A problem with one or more rows; `rows` has two or more numbers only for a repeated ODS code. */
export type RowError = { rows: number[]; column: ImportField; message: string }

/** "Row 4: Enter a region we know: ‘Atlantis’ is not a region" */
export function rowErrorText(error: RowError): string {
  const rows = error.rows.length === 1 ? `Row ${error.rows[0]}` : `Rows ${listWords(error.rows.map(String))}`
  return `${rows}: ${error.message}`
}

export function matchType(value: string): string | null {
  const key = squash(value)
  for (const [code, label] of Object.entries(ORGANISATION_TYPE_LABELS)) {
    if (key === squash(code) || key === squash(label)) return code
  }
  return TYPE_ALIASES[key] ?? null
}

export function matchRegion(value: string, regions: readonly ImportRegion[]): ImportRegion | null {
  const key = squash(value)
  return (
    regions.find((r) => squash(r.code) === key || squash(r.name) === key || squash(`NHS England ${r.name}`) === key) ??
    null
  )
}

/** Checks every row, and that no ODS code appears twice. Errors come in row order. */
export function checkOrganisationRows(
  rows: readonly RawRow[],
  regions: readonly ImportRegion[],
): { valid: ImportRow[]; errors: RowError[] } {
  const errors: RowError[] = []
  const valid: ImportRow[] = []
  const rowsByCode = new Map<string, number[]>()
  for (const raw of rows) {
    const rowErrors: RowError[] = []
    const fail = (column: ImportField, message: string) => rowErrors.push({ rows: [raw.row], column, message })
    const odsCode = normaliseOdsCode(raw.odsCode)
    if (!odsCode) fail('odsCode', 'Enter an ODS code')
    else if (!ODS_CODE_PATTERN.test(odsCode))
      fail('odsCode', `ODS code ${quote(raw.odsCode)} must be 3 to 10 letters and numbers`)
    else rowsByCode.set(odsCode, [...(rowsByCode.get(odsCode) ?? []), raw.row])

    if (!raw.name) fail('name', 'Enter a name')
    else if (raw.name.length > MAX_ORGANISATION_NAME_LENGTH)
      fail('name', `Name must be ${MAX_ORGANISATION_NAME_LENGTH} characters or fewer`)

    const type = raw.type ? matchType(raw.type) : null
    if (!raw.type) fail('type', 'Enter a type')
    else if (!type)
      fail(
        'type',
        `Enter a type we know: ${quote(raw.type)} is not a type. Use one of: ${Object.values(ORGANISATION_TYPE_LABELS).join(', ')}`,
      )

    const region = raw.region ? matchRegion(raw.region, regions) : null
    if (!raw.region) fail('region', 'Enter a region')
    else if (!region) fail('region', `Enter a region we know: ${quote(raw.region)} is not a region`)

    if (rowErrors.length) errors.push(...rowErrors)
    else valid.push({ row: raw.row, odsCode, name: raw.name, type: type!, regionId: region!.id })
  }
  for (const [code, numbers] of rowsByCode) {
    if (numbers.length > 1)
      errors.push({
        rows: numbers,
        column: 'odsCode',
        message: `ODS code ${code} is on more than one row. Keep one row for each organisation`,
      })
  }
  errors.sort((a, b) => a.rows[0]! - b.rows[0]!)
  const repeated = new Set([...rowsByCode].filter(([, numbers]) => numbers.length > 1).map(([code]) => code))
  return { valid: valid.filter((row) => !repeated.has(row.odsCode)), errors }
}

// ---------------------------------------------------------------------------
// Comparing with the portal
// ---------------------------------------------------------------------------

export type ExistingOrganisation = {
  id: string
  odsCode: string
  name: string
  type: string
  regionId: string
  updatedAt: Date
  active: boolean
}

export type FieldChange = { field: 'name' | 'type' | 'region'; from: string; to: string }

export type ImportPlan = {
  creates: ImportRow[]
  updates: Array<ImportRow & { id: string; version: string; active: boolean; changes: FieldChange[] }>
  unchanged: Array<ImportRow & { id: string; active: boolean }>
}

/** What importing the rows would do: organisations matched by ODS code, changes described for people. */
export function planOrganisationImport(
  rows: readonly ImportRow[],
  existing: readonly ExistingOrganisation[],
  regions: readonly ImportRegion[],
): ImportPlan {
  const byCode = new Map(existing.map((o) => [o.odsCode, o]))
  const regionName = (id: string) => regions.find((r) => r.id === id)?.name ?? 'Unknown region'
  const typeLabel = (code: string) => ORGANISATION_TYPE_LABELS[code] ?? code
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [] }
  for (const row of rows) {
    const current = byCode.get(row.odsCode)
    if (!current) {
      plan.creates.push(row)
      continue
    }
    const changes: FieldChange[] = []
    if (current.name !== row.name) changes.push({ field: 'name', from: current.name, to: row.name })
    if (current.type !== row.type)
      changes.push({ field: 'type', from: typeLabel(current.type), to: typeLabel(row.type) })
    if (current.regionId !== row.regionId)
      changes.push({ field: 'region', from: regionName(current.regionId), to: regionName(row.regionId) })
    if (changes.length)
      plan.updates.push({
        ...row,
        id: current.id,
        version: current.updatedAt.toISOString(),
        active: current.active,
        changes,
      })
    else plan.unchanged.push({ ...row, id: current.id, active: current.active })
  }
  return plan
}
