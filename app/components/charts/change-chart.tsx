import type { Dashboard } from '~/modules/dashboards/model'
import { DivergingBarChart, divergingExtremes, type DivergingRow } from './diverging-bar-chart'
import { formatCount, type CountFormat } from './format'

export type ChangeChartProps = {
  /** Per outcome: organisations graded in both cycles, by direction of change (`Dashboard['change']`). */
  change: Dashboard['change']
  /** The cycle compared with (`Dashboard['previousCycle']`); null shows a message instead of a chart. */
  previousCycle: Dashboard['previousCycle']
  /** Short titles for the table's row headings ("Outcome 1: Leadership"); without them, "Outcome 1". */
  outcomes?: Dashboard['outcomes']
  /** Id of the chart's wrapper; also prefixes the ids of its parts. Unique on the page. */
  id: string
  /** One sentence shown above the chart; computed from the data when left out. */
  summary?: string
  /** Formats counts, e.g. a suppression formatter showing small counts as "<5". Defaults to "1,234". */
  format?: CountFormat
  /** Names the chart (SVG `<title>`) and captions its data table; defaults to "Change in agreed grades since <previous cycle>". */
  title?: string
}

type ChangeRow = Dashboard['change'][number]

const asDiverging = (row: ChangeRow): DivergingRow => ({
  outcomeNumber: row.outcomeNumber,
  compared: row.compared,
  lower: row.declined,
  same: row.same,
  higher: row.improved,
})

/**
 * "Since 2023 to 2024, agreed grades improved most often on outcome 2 (40%) and declined most often
 * on outcome 4 (20%)." Only outcomes whose counts the formatter shows take part.
 */
export function summariseChange(
  change: Dashboard['change'],
  previousCycle: Dashboard['previousCycle'],
  format: CountFormat = formatCount,
): string {
  if (previousCycle === null) return 'There is no previous cycle to compare with.'
  const extremes = divergingExtremes(change.map(asDiverging), format)
  if (!extremes) return `No organisation has agreed grades in both this cycle and ${previousCycle.name}.`
  const { higher: improved, lower: declined } = extremes
  const since = `Since ${previousCycle.name}, agreed grades`
  if (improved && declined) {
    return `${since} improved most often on ${improved.outcomes} (${improved.percent}) and declined most often on ${declined.outcomes} (${declined.percent}).`
  }
  if (improved) return `${since} improved most often on ${improved.outcomes} (${improved.percent}).`
  if (declined) return `${since} declined most often on ${declined.outcomes} (${declined.percent}).`
  if (extremes.allSame) return `${since} have stayed the same on every outcome.`
  return `The table below shows how agreed grades have changed since ${previousCycle.name} for each outcome.`
}

/**
 * Change since the previous cycle (issue 6): per outcome a diverging bar of the organisations graded
 * in both cycles, centred on those whose agreed grade stayed the same (grey), with those that
 * declined to the left (vermillion) and improved to the right (blue), each labelled with its count
 * and percentage where it fits; a key, and a data table (Outcome | Improved | Same | Declined |
 * Compared). Without a previous cycle, or with nobody graded in both, a message instead.
 */
export function ChangeChart({
  change,
  previousCycle,
  outcomes,
  id,
  summary,
  format = formatCount,
  title,
}: ChangeChartProps): JSX.Element {
  const rows = previousCycle === null ? [] : change.map(asDiverging)
  const since = previousCycle?.name ?? ''
  return (
    <DivergingBarChart
      rows={rows}
      sides={{
        lower: { key: 'declined', name: 'Declined', keyLabel: 'Declined (left)', column: 'Declined' },
        same: { key: 'same', name: 'Same', keyLabel: 'Same (centre)', column: 'Same' },
        higher: { key: 'improved', name: 'Improved', keyLabel: 'Improved (right)', column: 'Improved' },
      }}
      outcomes={outcomes}
      id={id}
      className="app-change-chart"
      title={title ?? `Change in agreed grades since ${since}`}
      description={
        `Diverging bar chart with one bar per outcome of the organisations with agreed grades in both this cycle and ${since}, ` +
        'centred on those whose grade stayed the same; declines extend to the left and improvements to the right.'
      }
      summary={summary ?? summariseChange(change, previousCycle, format)}
      emptySummary={summariseChange(change, previousCycle, format)}
      format={format}
    />
  )
}
