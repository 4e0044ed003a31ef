// CSV as RFC 4180 writes it, for every export: fields quoted when they hold a comma, quote or line
// break; each line ends in CRLF; files start with a byte order mark so Excel reads "Zoë" as UTF-8;
// text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's list of starts).

export const BYTE_ORDER_MARK = '\uFEFF'

export type CsvCell = string | number | null

/** Text a spreadsheet would run as a formula is kept as text with a leading apostrophe. */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** One cell: blank for null, a finite number as written, text guarded and quoted as needed. */
export function csvCell(value: CsvCell): string {
  if (value === null) return ''
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`A cell must hold a finite number, not ${value}`)
    return String(value)
  }
  return quote(guardFormula(value))
}

/** One line of cells, ending in CRLF. */
export function csvLine(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}
