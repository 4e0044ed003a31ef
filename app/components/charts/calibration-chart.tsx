import type { Dashboard } from '~/modules/dashboards/model'
import { DivergingBarChart, divergingExtremes, type DivergingRow } from './diverging-bar-chart'
import { formatCount, type CountFormat } from './format'

export type CalibrationChartProps = {
  /** Per outcome: self-assessed against agreed grade (`Dashboard['calibration']`). */
  calibration: Dashboard['calibration']
  /** Short titles for the table's row headings ("Outcome 1: Leadership"); without them, "Outcome 1". */
  outcomes?: Dashboard['outcomes']
  /** Id of the chart's wrapper; also prefixes the ids of its parts. Unique on the page. */
  id: string
  /** One sentence shown above the chart; computed from the data when left out. */
  summary?: string
  /** Formats counts, e.g. a suppression formatter showing small counts as "<5". Defaults to "1,234". */
  format?: CountFormat
  /** Names the chart (SVG `<title>`) and captions its data table. */
  title?: string
}

type CalibrationRow = Dashboard['calibration'][number]

const MINUS = '\u2212'

/** "+1: 4, +2: 1, −1: 3": the step differences, higher self-assessments first, each nearest first; "None" when there are none. */
export function formatDifferences(
  differences: CalibrationRow['differences'],
  format: CountFormat = formatCount,
): string {
  const nonZero = differences.filter((d) => d.steps !== 0 && d.count > 0)
  if (nonZero.length === 0) return 'None'
  const ordered = [
    ...nonZero.filter((d) => d.steps > 0).sort((a, b) => a.steps - b.steps),
    ...nonZero.filter((d) => d.steps < 0).sort((a, b) => b.steps - a.steps),
  ]
  return ordered.map((d) => `${d.steps > 0 ? '+' : MINUS}${Math.abs(d.steps)}: ${format(d.count)}`).join(', ')
}

const asDiverging = (row: CalibrationRow): DivergingRow => ({
  outcomeNumber: row.outcomeNumber,
  compared: row.compared,
  lower: row.below,
  same: row.equal,
  higher: row.above,
})

/**
 * "Self-assessments were most often higher than the agreed grade for outcome 3 (45%) and most often
 * lower for outcome 1 (30%)." Only outcomes whose counts the formatter shows take part.
 */
export function summariseCalibration(calibration: Dashboard['calibration'], format: CountFormat = formatCount): string {
  const extremes = divergingExtremes(calibration.map(asDiverging), format)
  if (!extremes) return 'No outcome has both a self-assessed and an agreed grade yet.'
  const { higher, lower } = extremes
  if (higher && lower) {
    return `Self-assessments were most often higher than the agreed grade for ${higher.outcomes} (${higher.percent}) and most often lower for ${lower.outcomes} (${lower.percent}).`
  }
  if (higher)
    return `Self-assessments were most often higher than the agreed grade for ${higher.outcomes} (${higher.percent}).`
  if (lower)
    return `Self-assessments were most often lower than the agreed grade for ${lower.outcomes} (${lower.percent}).`
  if (extremes.allSame) return 'Every self-assessed grade matched the agreed grade.'
  return 'The table below compares self-assessed with agreed grades for each outcome.'
}

/**
 * Self-assessed against agreed grades (issue 6): per outcome a diverging bar centred on the
 * self-assessments that matched the agreed grade (grey), with those rated lower to the left
 * (vermillion) and higher to the right (blue), each labelled with its count and percentage where it
 * fits; a key, and a data table (Outcome | Rated higher than agreed | Same | Rated lower | Compared
 * | Differences in sub-level steps). With nothing compared, a message instead.
 */
export function CalibrationChart({
  calibration,
  outcomes,
  id,
  summary,
  format = formatCount,
  title = 'Self-assessed against agreed grades',
}: CalibrationChartProps): JSX.Element {
  return (
    <DivergingBarChart
      rows={calibration.map(asDiverging)}
      sides={{
        lower: {
          key: 'lower',
          name: 'Rated lower than agreed',
          keyLabel: 'Rated lower than agreed (left)',
          column: 'Rated lower',
        },
        same: { key: 'same', name: 'Same as agreed', keyLabel: 'Same as agreed (centre)', column: 'Same' },
        higher: {
          key: 'higher',
          name: 'Rated higher than agreed',
          keyLabel: 'Rated higher than agreed (right)',
          column: 'Rated higher than agreed',
        },
      }}
      outcomes={outcomes}
      id={id}
      className="app-calibration-chart"
      title={title}
      description={
        'Diverging bar chart with one bar per outcome, centred on the self-assessed grades that matched the agreed grade; ' +
        'self-assessments lower than the agreed grade extend to the left and higher ones to the right.'
      }
      summary={summary ?? summariseCalibration(calibration, format)}
      emptySummary={summariseCalibration([], format)}
      format={format}
      extraColumn={{
        heading: 'Differences in sub-level steps (self minus agreed)',
        cell: (index) => formatDifferences(calibration[index]!.differences, format),
      }}
    />
  )
}
