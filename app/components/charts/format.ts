// Words and numbers shared by the dashboard charts. A page may pass a suppression formatter for
// counts (small counts shown as "<5"); these helpers make sure a chart never gives such a count
// away through a percentage, a sum, a bar width or a sentence. Pure: no I/O.

/** Formats a count for display: "1,234" by default, or e.g. "<5" from a suppression formatter. */
export type CountFormat = (n: number) => string

/** The default count formatter: the number with thousands separators. */
export const formatCount: CountFormat = (n) => n.toLocaleString('en-GB')

/**
 * Whether `format` shows `n` as the number itself ("12", "1,234"), rather than hiding it ("<5",
 * "[c]"). Only such counts may be printed in a chart, turned into percentages, or summed.
 */
export function isShown(format: CountFormat, n: number): boolean {
  const text = format(n).replace(/,/g, '').trim()
  return text !== '' && Number(text) === n
}

/** Whether `format` shows every one of `counts` as the number itself. */
export function allShown(format: CountFormat, counts: readonly number[]): boolean {
  return counts.every((count) => isShown(format, count))
}

/** "38%": rounded to a whole per cent, but never "0%" for a part above nothing nor "100%" for less than the whole. */
export function formatPercent(part: number, total: number): string {
  if (total <= 0) throw new RangeError(`A percentage needs a total above 0, not ${total}`)
  const percent = Math.round((100 * part) / total)
  if (percent === 0 && part > 0) return '<1%'
  if (percent === 100 && part < total) return '>99%'
  return `${percent}%`
}

/** The percentage, or null when either count is hidden by `format` (it could give the hidden one away). */
export function shownPercent(format: CountFormat, part: number, total: number): string | null {
  if (total <= 0 || !isShown(format, part) || !isShown(format, total)) return null
  return formatPercent(part, total)
}

/** "4 (40%)" when both counts are shown, else just the formatted count ("<5"). */
export function countWithPercent(format: CountFormat, part: number, total: number): string {
  const percent = shownPercent(format, part, total)
  return percent === null ? format(part) : `${format(part)} (${percent})`
}

/** A median level as a number: "2", "2.5". */
export function formatMedian(median: number): string {
  return String(Math.round(median * 100) / 100)
}

/**
 * Whether a median based on `basedOn` values may be shown: not when the formatter hides that count,
 * since a median of a few grades gives them away as surely as the counts would (suppression.ts).
 */
export function isMedianShown(format: CountFormat, basedOn: number): boolean {
  return isShown(format, basedOn)
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

/** "outcome 3", "outcomes 2 and 3", "outcomes 1, 2 and 5". */
export function outcomeList(numbers: readonly number[]): string {
  return `${numbers.length === 1 ? 'outcome' : 'outcomes'} ${joinWords(numbers.map(String))}`
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The label of an outcome in a chart: "Outcome 3". */
export function outcomeLabel(outcomeNumber: number): string {
  return `Outcome ${outcomeNumber}`
}

/** The row heading of an outcome in a data table: "Outcome 3: Short title", or "Outcome 3" without a title. */
export function outcomeHeading(
  outcomeNumber: number,
  outcomes: ReadonlyArray<{ number: number; shortTitle: string }> | undefined,
): string {
  const title = outcomes?.find((outcome) => outcome.number === outcomeNumber)?.shortTitle.trim()
  return title ? `${outcomeLabel(outcomeNumber)}: ${title}` : outcomeLabel(outcomeNumber)
}

/**
 * The rows with the highest share `part / total` above 0, among those whose part and total are
 * both shown by `format` (a hidden count never decides what a summary says); null if there are none.
 */
export function highestShare<T>(
  rows: readonly T[],
  part: (row: T) => number,
  total: (row: T) => number,
  format: CountFormat,
): { rows: T[]; percent: string } | null {
  const eligible = rows.filter(
    (row) => total(row) > 0 && part(row) > 0 && isShown(format, part(row)) && isShown(format, total(row)),
  )
  if (eligible.length === 0) return null
  const share = (row: T) => part(row) / total(row)
  const best = Math.max(...eligible.map(share))
  const leaders = eligible.filter((row) => share(row) === best)
  return { rows: leaders, percent: formatPercent(part(leaders[0]!), total(leaders[0]!)) }
}
