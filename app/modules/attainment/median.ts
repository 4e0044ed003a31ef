// Medians of grades from histograms, so SQL only has to count (domain.md §7). Pure: no I/O.

/** How many grades at each level, from level 0 to level 4. */
export type LevelCounts = [number, number, number, number, number]

/** The value at a 0-based rank of the sorted values a histogram describes (index = value). */
function valueAtRank(counts: readonly number[], rank: number): number {
  let seen = 0
  for (const [value, count] of counts.entries()) {
    seen += count
    if (rank < seen) return value
  }
  throw new RangeError(`Rank ${rank} is beyond the histogram`)
}

/**
 * The median of the values a histogram describes, where counts[v] is how many times value v occurs:
 * the middle value, or the mean of the two middle values when the total is even (so it may end in
 * .5); null when the histogram is empty. Works for levels [c0..c4] and for sub-level steps alike.
 */
export function medianFromHistogram(counts: readonly number[]): number | null {
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`A histogram count must be a whole number of at least 0, not ${count}`)
  }
  const total = counts.reduce((sum, count) => sum + count, 0)
  if (total === 0) return null
  const lower = valueAtRank(counts, Math.floor((total - 1) / 2))
  const upper = valueAtRank(counts, Math.floor(total / 2))
  return (lower + upper) / 2
}

/** The median level of the agreed grades counted in [c0..c4]; null when there are none. */
export function medianLevel(counts: Readonly<LevelCounts>): number | null {
  return medianFromHistogram(counts)
}
