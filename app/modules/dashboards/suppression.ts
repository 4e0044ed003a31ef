// Small-number suppression for figures meant for publication (issues 6 and 17). Pure: no I/O.
//
// The rule follows NHS Digital's and the ONS's disclosure control practice:
// - a count from 1 to threshold - 1, and any other count that would let one be worked out by
//   addition or subtraction (complementary suppression: complementary-suppression.ts, applied to a
//   whole dashboard by publish.ts), is shown as "[c]", the government statistics symbol for
//   confidential. One symbol for both, since "<5" beside a hidden 7 would mislead, and would point
//   at the small cell;
// - a zero is shown, because it describes nobody, and other counts are shown as they are, unless
//   hidden as a complement;
// - a derived figure (a median, a percentage) based on a hidden count is withheld and shown as
//   "Suppressed", because a median of three grades discloses those grades as surely as the counts
//   would; a percentage is also withheld when its numerator is hidden, since the percentage and
//   its base would give the count back;
// - with no values at all there is no figure to withhold: a median is "None".
//
// The dashboards' data is never changed: publishDashboard makes the copy that is shown or exported.

/**
 * A count hidden by complementary suppression (publishDashboard). Far above any real count, so a
 * sum that includes one is hidden too.
 */
export const HIDDEN_COUNT = 2 ** 40

/** The usual threshold: counts from 1 to 4 are suppressed. */
export const DEFAULT_SUPPRESSION_THRESHOLD = 5

/** `null` when figures are shown in full (for the team's own use); a threshold for publication. */
export type Suppression = { threshold: number } | null

/** Shown in place of a median or percentage based on too few values. */
export const WITHHELD_LABEL = 'Suppressed'

/** The threshold, checked: a mistyped setting (0, 2.5, NaN) must not quietly suppress nothing. */
function thresholdOf(suppression: NonNullable<Suppression>): number {
  const { threshold } = suppression
  if (!Number.isInteger(threshold) || threshold < 2) {
    throw new RangeError(`The suppression threshold must be a whole number of at least 2, not ${threshold}`)
  }
  return threshold
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count must be a whole number of at least 0, not ${n}`)
}

/** Suppression at a threshold, checked; the threshold comes from configuration. */
export function suppressionAt(threshold: number = DEFAULT_SUPPRESSION_THRESHOLD): NonNullable<Suppression> {
  const suppression = { threshold }
  thresholdOf(suppression)
  return suppression
}

/** "[c]": what a suppressed count is shown as, whether small or hidden as a complement. */
export const SUPPRESSED_COUNT_LABEL = '[c]'

export function suppressedCountLabel(suppression: NonNullable<Suppression>): string {
  thresholdOf(suppression)
  return SUPPRESSED_COUNT_LABEL
}

/** Whether a count is hidden: 1 to threshold - 1, or hidden as a complement. Zero and larger counts are shown. */
export function isSuppressed(n: number, suppression: Suppression): boolean {
  assertCount(n)
  if (suppression === null) return false
  return (n > 0 && n < thresholdOf(suppression)) || n >= HIDDEN_COUNT
}

/** Whether a median or percentage based on this many values is withheld: 1 to threshold - 1. */
export function isWithheld(basedOn: number, suppression: Suppression): boolean {
  return isSuppressed(basedOn, suppression)
}

/** A count as a table or export cell: the number itself, or the text "<5". */
export function countValue(n: number, suppression: Suppression): number | string {
  return suppression !== null && isSuppressed(n, suppression) ? suppressedCountLabel(suppression) : n
}

/** A count for display: "1,234", "0" or "<5". */
export function formatCount(n: number, suppression: Suppression): string {
  const value = countValue(n, suppression)
  return typeof value === 'string' ? value : value.toLocaleString('en-GB')
}

/** A median as a table or export cell: the number, null when there are no values, or "Suppressed". */
export function medianValue(median: number | null, basedOn: number, suppression: Suppression): number | null | string {
  if (isWithheld(basedOn, suppression)) return WITHHELD_LABEL
  return median
}

/** A median level for display: "2", "2.5", "None" when there are no values, or "Suppressed". */
export function formatMedian(median: number | null, basedOn: number, suppression: Suppression): string {
  const value = medianValue(median, basedOn, suppression)
  if (value === null) return 'None'
  return typeof value === 'string' ? value : value.toLocaleString('en-GB', { maximumFractionDigits: 1 })
}

/**
 * A proportion (0 to 1, to 4 decimal places) as a table or export cell: null when the base is 0,
 * "Suppressed" when the base is withheld or the numerator is a suppressed count.
 */
export function proportionValue(
  numerator: number,
  denominator: number,
  suppression: Suppression,
): number | null | string {
  assertCount(numerator)
  assertCount(denominator)
  if (isWithheld(denominator, suppression) || isSuppressed(numerator, suppression)) return WITHHELD_LABEL
  if (numerator > denominator) throw new RangeError(`A part (${numerator}) cannot exceed its whole (${denominator})`)
  if (denominator === 0) return null
  return Math.round((numerator / denominator) * 10_000) / 10_000
}

/** A percentage for display: "75%", "66.7%", "None" when the base is 0, or "Suppressed". */
export function formatPercent(numerator: number, denominator: number, suppression: Suppression): string {
  const value = proportionValue(numerator, denominator, suppression)
  if (value === null) return 'None'
  return typeof value === 'string'
    ? value
    : value.toLocaleString('en-GB', { style: 'percent', maximumFractionDigits: 1 })
}

/** For captions and the export's About sheet: "None", or the rule in one sentence. */
export function describeSuppression(suppression: Suppression): string {
  if (suppression === null) return 'None'
  const threshold = thresholdOf(suppression)
  return `Counts from 1 to ${threshold - 1} are shown as "${SUPPRESSED_COUNT_LABEL}", and so is any other count that would let one of them be worked out from the totals or another view; medians and percentages based on a hidden count are shown as "${WITHHELD_LABEL}". Zeros are shown unless hidden for that reason.`
}
