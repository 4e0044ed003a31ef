// How an organisation compares with its peers (issue 17, item 2): its agreed grade per outcome
// beside the regional and national median and range of the published results of the same cycle
// (and so the same edition), and a region's distribution per outcome against the nation's. Pure:
// the server counts published grades (results/peers.server.ts), these rules decide what may be
// shown and describe it.
//
// Disclosure: peers' figures appear only once at least `threshold` organisations (the dashboards'
// suppression threshold) have published results in the group, and an outcome's figures only once
// that many grades are counted for it, so that no one organisation's grade can be singled out. A
// region below the threshold is left out while the nation is shown. The nation's count at each
// level, shown to regional leads beside their region's, is hidden as the published dashboards hide
// counts (complementary suppression), applied to the rest of the country, which the lead could
// otherwise work out by taking their own region away (see regionAgainstNation).
import { formatGrade, stepsToGrade } from '~/modules/framework/grading'
import { medianFromHistogram } from '~/modules/attainment/median'
import { complementarySuppression } from '~/modules/dashboards/complementary-suppression'

/** Highest grade in sub-level steps (level 4, High). */
const MAX_STEPS = 12

/** Counts of agreed grades by sub-level step, index 0 (level 0) to 12 (level 4, High). */
export type StepHistogram = readonly number[]

/** The published grades of a group of organisations (a region or the nation) in one cycle. */
export type PeerGroup = {
  /** Organisations with a published result in the cycle. */
  organisations: number
  /** Agreed grades by outcome number. An outcome with no grade may be absent. */
  outcomes: ReadonlyMap<number, StepHistogram>
}

/** Median and range of a group's grades for one outcome, in sub-level steps. */
export type PeerFigures = {
  graded: number
  /** May end in .5: the mean of the two middle grades when the count is even. */
  medianSteps: number
  lowestSteps: number
  highestSteps: number
}

export type PeerRow = {
  number: number
  shortTitle: string
  /** The organisation's own agreed grade. */
  ownSteps: number | null
  /** Null when the region is left out, or too few of its grades are counted for this outcome. */
  regional: PeerFigures | null
  /** Null when too few grades are counted nationally for this outcome. */
  national: PeerFigures | null
}

export type PeerComparison =
  | { shown: false; threshold: number; cycleName: string }
  | {
      shown: true
      threshold: number
      cycleName: string
      regionName: string
      nationalOrganisations: number
      /** The region's count, only when it reaches the threshold (a smaller one is not published). */
      regionalOrganisations: number | null
      rows: PeerRow[]
    }

function assertHistogram(histogram: StepHistogram): void {
  if (histogram.length > MAX_STEPS + 1) throw new RangeError(`A grade histogram has ${MAX_STEPS + 1} steps at most`)
  for (const count of histogram) {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`A grade count must be a whole number of at least 0, not ${count}`)
  }
}

/** Median, lowest and highest grade of a histogram, or null when it counts fewer than `threshold` grades. */
export function peerFigures(histogram: StepHistogram | undefined, threshold: number): PeerFigures | null {
  if (!histogram) return null
  assertHistogram(histogram)
  const graded = histogram.reduce((sum, count) => sum + count, 0)
  if (graded === 0 || graded < threshold) return null
  const present = [...histogram.keys()].filter((steps) => histogram[steps]! > 0)
  return {
    graded,
    medianSteps: medianFromHistogram(histogram)!,
    lowestSteps: present[0]!,
    highestSteps: present.at(-1)!,
  }
}

function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 2)
    throw new RangeError(`The suppression threshold must be a whole number of at least 2, not ${threshold}`)
}

/**
 * The organisation's grades beside its region's and the nation's: nothing of the peers until at
 * least `threshold` organisations have published results nationally; the region only once it has
 * that many itself.
 */
export function comparePeers(input: {
  threshold: number
  cycleName: string
  regionName: string
  outcomes: ReadonlyArray<{ number: number; shortTitle: string; ownSteps: number | null }>
  national: PeerGroup
  regional: PeerGroup
}): PeerComparison {
  const { threshold, cycleName, national, regional } = input
  assertThreshold(threshold)
  if (national.organisations < threshold) return { shown: false, threshold, cycleName }
  const regionShown = regional.organisations >= threshold
  return {
    shown: true,
    threshold,
    cycleName,
    regionName: input.regionName,
    nationalOrganisations: national.organisations,
    regionalOrganisations: regionShown ? regional.organisations : null,
    rows: input.outcomes.map((outcome) => ({
      number: outcome.number,
      shortTitle: outcome.shortTitle,
      ownSteps: outcome.ownSteps,
      regional: regionShown ? peerFigures(regional.outcomes.get(outcome.number), threshold) : null,
      national: peerFigures(national.outcomes.get(outcome.number), threshold),
    })),
  }
}

/** "Level 2, Medium", or "Between Level 2, Medium and Level 2, High" for a median that ends in .5. */
export function formatMedianSteps(steps: number): string {
  if (Number.isInteger(steps)) return formatGrade(stepsToGrade(steps))
  return `Between ${formatGrade(stepsToGrade(Math.floor(steps)))} and ${formatGrade(stepsToGrade(Math.ceil(steps)))}`
}

/** "Level 1, High to Level 3, Low", or one grade when every grade is the same. */
export function formatRangeSteps(figures: Pick<PeerFigures, 'lowestSteps' | 'highestSteps'>): string {
  const lowest = formatGrade(stepsToGrade(figures.lowestSteps))
  if (figures.lowestSteps === figures.highestSteps) return `All ${lowest}`
  return `${lowest} to ${formatGrade(stepsToGrade(figures.highestSteps))}`
}

/** Shown in a table cell for a figure left out. */
export const PEER_WITHHELD = 'Not shown'

export function medianCell(figures: PeerFigures | null): string {
  return figures ? formatMedianSteps(figures.medianSteps) : PEER_WITHHELD
}

export function rangeCell(figures: PeerFigures | null): string {
  return figures ? formatRangeSteps(figures) : PEER_WITHHELD
}

/** The national median per outcome as chart values (0..4), for the radar's third series. */
export function nationalMedianSeries(comparison: PeerComparison): Array<number | null> {
  if (!comparison.shown) return []
  return comparison.rows.map((row) => (row.national ? row.national.medianSteps / 3 : null))
}

/**
 * A chart value (0..4) in words for a radar's table, where a median may fall between two
 * sub-levels: "Level 2, Medium", "Between Level 2, Medium and Level 2, High"; "Not graded" for null.
 */
export function formatChartValueWithMedians(value: number | null): string {
  return value === null ? 'Not graded' : formatMedianSteps(Math.round(value * 6) / 2)
}

/** The sentences above the comparison: who it compares with, and what is left out and why. */
export function describePeerComparison(comparison: PeerComparison): string {
  const { threshold, cycleName } = comparison
  if (!comparison.shown) {
    return `The comparison with other organisations appears once at least ${threshold} organisations have published results for ${cycleName}, so that no organisation can be identified.`
  }
  const sentences = [
    `Medians and ranges of the agreed grades published by ${comparison.nationalOrganisations} organisations in England for ${cycleName}${
      comparison.regionalOrganisations === null
        ? ''
        : `, ${comparison.regionalOrganisations} of them in ${comparison.regionName}`
    }.`,
  ]
  if (comparison.regionalOrganisations === null)
    sentences.push(
      `${comparison.regionName} is not shown separately: fewer than ${threshold} of its organisations have published results, so one could be identified.`,
    )
  const thin = comparison.rows.filter((row) => !row.national).map((row) => row.number)
  if (thin.length)
    sentences.push(
      `Outcome${thin.length === 1 ? '' : 's'} ${thin.join(', ')} ${thin.length === 1 ? 'has' : 'have'} fewer than ${threshold} published grades and ${thin.length === 1 ? 'is' : 'are'} not compared.`,
    )
  return sentences.join(' ')
}

/** One outcome of a region against the nation: grades by level (0..4), median and range. */
export type DistributionRow = {
  number: number
  shortTitle: string
  region: { levelCounts: number[]; graded: number; figures: PeerFigures | null }
  /** Null until the nation reaches the threshold. Level counts may be hidden (null) by suppression. */
  nation: { levelCounts: Array<number | null>; graded: number | null; figures: PeerFigures | null } | null
}

export type RegionAgainstNation = {
  threshold: number
  cycleName: string
  regionName: string
  regionalOrganisations: number
  /** Null while the rest of the country has fewer than `threshold` organisations with published results. */
  nationalOrganisations: number | null
  rows: DistributionRow[]
}

function levelCountsOf(histogram: StepHistogram | undefined): number[] {
  const levels = [0, 0, 0, 0, 0]
  for (const [steps, count] of (histogram ?? []).entries()) levels[stepsToGrade(steps).level]! += count
  return levels
}

/**
 * A regional lead's view of the region's published grades per outcome beside the nation's. The
 * region's own figures are the lead's to see in full (as on the regional dashboard). The lead knows
 * them, so the nation's figures give away the rest of the country's (nation minus region): they
 * appear only once the rest of the country has at least `threshold` organisations with published
 * results, and the nation's count at a level is hidden whenever the rest of the country's count
 * there is (from 1 to threshold - 1, or hidden as a complement, with one relation per outcome: the
 * levels add up to the grades counted).
 */
export function regionAgainstNation(input: {
  threshold: number
  cycleName: string
  regionName: string
  outcomes: ReadonlyArray<{ number: number; shortTitle: string }>
  national: PeerGroup
  regional: PeerGroup
}): RegionAgainstNation {
  const { threshold, national, regional } = input
  assertThreshold(threshold)
  const nationShown = national.organisations - regional.organisations >= threshold
  const nationCells = new Map<string, number>()
  const restCells = new Map<string, number>()
  const relations: Array<{ total: string; parts: string[] }> = []
  for (const outcome of input.outcomes) {
    const nation = levelCountsOf(national.outcomes.get(outcome.number))
    const region = levelCountsOf(regional.outcomes.get(outcome.number))
    const parts = nation.map((count, level) => {
      const rest = count - region[level]!
      if (rest < 0) throw new RangeError(`Outcome ${outcome.number} has more grades in the region than the nation`)
      nationCells.set(`${outcome.number}:${level}`, count)
      restCells.set(`${outcome.number}:${level}`, rest)
      return `${outcome.number}:${level}`
    })
    const sum = (levels: number[]) => levels.reduce((a, b) => a + b, 0)
    nationCells.set(`${outcome.number}:all`, sum(nation))
    restCells.set(`${outcome.number}:all`, sum(nation) - sum(region))
    relations.push({ total: `${outcome.number}:all`, parts })
  }
  const hidden = nationShown ? complementarySuppression({ cells: restCells, relations }, threshold) : new Set<string>()
  const shown = (key: string) => (hidden.has(key) ? null : nationCells.get(key)!)
  return {
    threshold,
    cycleName: input.cycleName,
    regionName: input.regionName,
    regionalOrganisations: regional.organisations,
    nationalOrganisations: nationShown ? national.organisations : null,
    rows: input.outcomes.map((outcome) => {
      const regionHistogram = regional.outcomes.get(outcome.number)
      const regionLevels = levelCountsOf(regionHistogram)
      return {
        number: outcome.number,
        shortTitle: outcome.shortTitle,
        region: {
          levelCounts: regionLevels,
          graded: regionLevels.reduce((a, b) => a + b, 0),
          // The lead sees every grade of the region, so its median and range need no threshold.
          figures: peerFigures(regionHistogram, 1),
        },
        nation: nationShown
          ? {
              levelCounts: [0, 1, 2, 3, 4].map((level) => shown(`${outcome.number}:${level}`)),
              graded: shown(`${outcome.number}:all`),
              // Withheld with its base, as a dashboard's median is.
              figures: hidden.has(`${outcome.number}:all`)
                ? null
                : peerFigures(national.outcomes.get(outcome.number), threshold),
            }
          : null,
      }
    }),
  }
}
