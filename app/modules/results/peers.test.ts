import { describe, expect, it } from 'vitest'
import { recoverableCells } from '~/modules/dashboards/complementary-suppression'
import {
  comparePeers,
  describePeerComparison,
  formatMedianSteps,
  formatRangeSteps,
  nationalMedianSeries,
  peerFigures,
  regionAgainstNation,
  type PeerGroup,
  type StepHistogram,
} from './peers'

/** A histogram from a list of grades in steps. */
function grades(...steps: number[]): number[] {
  const histogram = Array<number>(13).fill(0)
  for (const s of steps) histogram[s]! += 1
  return histogram
}

function group(organisations: number, byOutcome: Record<number, StepHistogram>): PeerGroup {
  return { organisations, outcomes: new Map(Object.entries(byOutcome).map(([n, h]) => [Number(n), h])) }
}

const OUTCOMES = [
  { number: 1, shortTitle: 'Strategy', ownSteps: 5 },
  { number: 2, shortTitle: 'Evidence', ownSteps: 7 },
]

describe('peer figures of one outcome', () => {
  it('are the median, lowest and highest grade', () => {
    expect(peerFigures(grades(2, 5, 5, 8, 11), 5)).toEqual({
      graded: 5,
      medianSteps: 5,
      lowestSteps: 2,
      highestSteps: 11,
    })
  })

  it('take the mean of the middle two grades of an even count', () => {
    expect(peerFigures(grades(4, 5, 6, 7, 8, 9), 5)?.medianSteps).toBe(6.5)
  })

  it('are withheld below the threshold, and absent with no grades', () => {
    expect(peerFigures(grades(4, 5, 6, 7), 5)).toBeNull()
    expect(peerFigures(grades(), 5)).toBeNull()
    expect(peerFigures(undefined, 5)).toBeNull()
  })

  it('refuse a malformed histogram', () => {
    expect(() => peerFigures([1, -1], 5)).toThrow(RangeError)
    expect(() => peerFigures(Array<number>(14).fill(1), 5)).toThrow(RangeError)
  })
})

/** London's organisations and the nation's in 2026/27, compared at a threshold. */
const LONDON = { cycleName: '2026/27', regionName: 'London' }

describe('comparing an organisation with its peers', () => {
  const national = group(6, { 1: grades(2, 3, 5, 6, 8, 9), 2: grades(4, 7, 7, 10) })
  const regional = group(2, { 1: grades(5, 6), 2: grades(7) })
  const compareAt = (threshold: number) =>
    comparePeers({ ...LONDON, threshold, outcomes: OUTCOMES, national, regional })

  it('shows nothing of the peers until enough organisations have published results', () => {
    const comparison = compareAt(7)
    expect(comparison).toEqual({ shown: false, threshold: 7, cycleName: '2026/27' })
    expect(nationalMedianSeries(comparison)).toEqual([])
    expect(describePeerComparison(comparison)).toBe(
      'The comparison with other organisations appears once at least 7 organisations have published results for 2026/27, so that no organisation can be identified.',
    )
  })

  it('shows the nation at the threshold, without a region that is below it', () => {
    const comparison = compareAt(5)
    if (!comparison.shown) throw new Error('expected the comparison to be shown')
    expect(comparison.regionalOrganisations).toBeNull()
    expect(comparison.rows[0]).toEqual({
      number: 1,
      shortTitle: 'Strategy',
      ownSteps: 5,
      regional: null,
      national: { graded: 6, medianSteps: 5.5, lowestSteps: 2, highestSteps: 9 },
    })
    // Outcome 2 has only four national grades: not compared.
    expect(comparison.rows[1]!.national).toBeNull()
    expect(nationalMedianSeries(comparison)).toEqual([5.5 / 3, null])
    expect(describePeerComparison(comparison)).toBe(
      'Medians and ranges of the agreed grades published by 6 organisations in England for 2026/27. London is not shown separately: fewer than 5 of its organisations have published results, so one could be identified. Outcome 2 has fewer than 5 published grades and is not compared.',
    )
  })

  it('shows the region once it reaches the threshold', () => {
    const comparison = compareAt(2)
    if (!comparison.shown) throw new Error('expected the comparison to be shown')
    expect(comparison.regionalOrganisations).toBe(2)
    expect(comparison.rows[0]!.regional).toEqual({ graded: 2, medianSteps: 5.5, lowestSteps: 5, highestSteps: 6 })
    // One regional grade for outcome 2: below the threshold of 2.
    expect(comparison.rows[1]!.regional).toBeNull()
    expect(describePeerComparison(comparison)).toMatch(
      /^Medians and ranges .* by 6 organisations in England for 2026\/27, 2 of them in London\./,
    )
  })

  it('refuses a threshold that would suppress nothing', () => {
    for (const threshold of [0, 1, 2.5, Number.NaN]) {
      expect(() => compareAt(threshold)).toThrow(RangeError)
    }
  })
})

describe('grades in words', () => {
  it('says a median between two sub-levels as such', () => {
    expect(formatMedianSteps(5)).toBe('Level 2, Medium')
    expect(formatMedianSteps(5.5)).toBe('Between Level 2, Medium and Level 2, High')
    expect(formatMedianSteps(0)).toBe('Level 0')
  })

  it('says a range from the lowest to the highest grade', () => {
    expect(formatRangeSteps({ lowestSteps: 3, highestSteps: 7 })).toBe('Level 1, High to Level 3, Low')
    expect(formatRangeSteps({ lowestSteps: 4, highestSteps: 4 })).toBe('All Level 2, Low')
  })
})

describe("a region's distribution against the nation", () => {
  /** London against the nation for outcome 1 alone, at a threshold (the nation's grades include London's). */
  const viewAt = (threshold: number, national: PeerGroup, regional: PeerGroup) =>
    regionAgainstNation({ ...LONDON, threshold, outcomes: [{ number: 1, shortTitle: 'Strategy' }], national, regional })

  it('shows the region in full and leaves the nation out while the rest of the country is below the threshold', () => {
    // Six organisations nationally, two of them in the region: the rest of the country is four.
    const view = viewAt(5, group(6, { 1: grades(2, 3, 5, 6, 8, 9) }), group(2, { 1: grades(5, 6) }))
    expect(view.nationalOrganisations).toBeNull()
    expect(view.rows[0]!.nation).toBeNull()
    expect(view.rows[0]!.region).toEqual({
      levelCounts: [0, 0, 2, 0, 0],
      graded: 2,
      figures: { graded: 2, medianSteps: 5.5, lowestSteps: 5, highestSteps: 6 },
    })
  })

  it("hides the nation's count at a level wherever the rest of the country's could be worked out", () => {
    // Rest of the country: level 1: 6, level 2: 3, level 3: 6 (level 2 small, so a complement goes too).
    const rest = [1, 1, 1, 1, 1, 1, 4, 4, 4, 7, 7, 7, 7, 7, 7]
    const region = [4, 4, 4, 4, 4, 4, 7]
    const view = viewAt(5, group(22, { 1: grades(...rest, ...region) }), group(7, { 1: grades(...region) }))
    const nation = view.rows[0]!.nation!
    expect(nation.levelCounts[2]).toBeNull()
    expect(nation.levelCounts.filter((c) => c === null).length).toBeGreaterThanOrEqual(2)
    // As the lead reads it: every hidden cell is an unknown of the rest of the country's row.
    const regionLevels = view.rows[0]!.region.levelCounts
    const cells = new Map<string, number>()
    const hidden = new Set<string>()
    nation.levelCounts.forEach((count, level) => {
      cells.set(`l${level}`, count === null ? 0 : count - regionLevels[level]!)
      if (count === null) hidden.add(`l${level}`)
    })
    cells.set('all', nation.graded === null ? 0 : nation.graded - view.rows[0]!.region.graded)
    if (nation.graded === null) hidden.add('all')
    const relations = [{ total: 'all', parts: ['l0', 'l1', 'l2', 'l3', 'l4'] }]
    expect(recoverableCells({ cells, relations }, hidden)).toEqual([])
  })

  it('refuses a region with more grades than the nation', () => {
    expect(() => viewAt(2, group(3, { 1: grades(1) }), group(1, { 1: grades(1, 1) }))).toThrow(RangeError)
  })
})
