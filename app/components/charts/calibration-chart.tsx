import { Table } from '~/components/nhs'
import type { Dashboard } from '~/modules/dashboards/model'
import {
  BarChartSvg,
  ChartFrame,
  ChartKey,
  HIDDEN_DESCRIPTION,
  HIDDEN_KEY_ITEM,
  countAndPercentLabels,
  hasHiddenSegments,
  layoutBars,
  type BarRowInput,
  type KeyItem,
} from './bars'
import {
  allShown,
  countWithPercent,
  formatCount,
  highestShare,
  outcomeHeading,
  outcomeLabel,
  outcomeList,
  type CountFormat,
} from './format'
import { DIVERGING_FILLS } from '~/modules/charts/palette'

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

/**
 * "Self-assessments were most often higher than the agreed grade for outcome 3 (45%) and most often
 * lower for outcome 1 (30%)." Only outcomes whose counts the formatter shows take part.
 */
export function summariseCalibration(calibration: Dashboard['calibration'], format: CountFormat = formatCount): string {
  const compared = calibration.filter((row) => row.compared > 0)
  if (compared.length === 0) return 'No outcome has both a self-assessed and an agreed grade yet.'
  const higher = highestShare(
    compared,
    (row) => row.above,
    (row) => row.compared,
    format,
  )
  const lower = highestShare(
    compared,
    (row) => row.below,
    (row) => row.compared,
    format,
  )
  const outcomesOf = (rows: CalibrationRow[]) => outcomeList(rows.map((row) => row.outcomeNumber))
  if (higher && lower) {
    return `Self-assessments were most often higher than the agreed grade for ${outcomesOf(higher.rows)} (${higher.percent}) and most often lower for ${outcomesOf(lower.rows)} (${lower.percent}).`
  }
  if (higher)
    return `Self-assessments were most often higher than the agreed grade for ${outcomesOf(higher.rows)} (${higher.percent}).`
  if (lower)
    return `Self-assessments were most often lower than the agreed grade for ${outcomesOf(lower.rows)} (${lower.percent}).`
  if (
    compared.every(
      (row) => row.above === 0 && row.below === 0 && allShown(format, [row.above, row.below, row.compared]),
    )
  ) {
    return 'Every self-assessed grade matched the agreed grade.'
  }
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
  if (!calibration.some((row) => row.compared > 0))
    return <ChartFrame id={id} className="app-calibration-chart" summary={summariseCalibration([], format)} />

  const rows: BarRowInput[] = calibration.map((row) => ({
    key: `outcome-${row.outcomeNumber}`,
    label: outcomeLabel(row.outcomeNumber),
    note: row.compared > 0 ? `${format(row.compared)} compared` : 'None compared',
    total: row.compared,
    parts:
      row.compared > 0
        ? [
            { key: 'lower', name: 'Rated lower than agreed', count: row.below, fill: DIVERGING_FILLS.lower },
            { key: 'same', name: 'Same as agreed', count: row.equal, fill: DIVERGING_FILLS.same },
            { key: 'higher', name: 'Rated higher than agreed', count: row.above, fill: DIVERGING_FILLS.higher },
          ]
        : [],
  }))
  const layout = layoutBars(rows, 'diverging', format, countAndPercentLabels(format))
  const hidden = hasHiddenSegments(layout)
  const keyItems: KeyItem[] = [
    { key: 'lower', kind: 'fill', fill: DIVERGING_FILLS.lower, label: 'Rated lower than agreed (left)' },
    { key: 'same', kind: 'fill', fill: DIVERGING_FILLS.same, label: 'Same as agreed (centre)' },
    { key: 'higher', kind: 'fill', fill: DIVERGING_FILLS.higher, label: 'Rated higher than agreed (right)' },
    ...(hidden ? [HIDDEN_KEY_ITEM] : []),
  ]
  const description =
    'Diverging bar chart with one bar per outcome, centred on the self-assessed grades that matched the agreed grade; ' +
    'self-assessments lower than the agreed grade extend to the left and higher ones to the right. ' +
    `${hidden ? `${HIDDEN_DESCRIPTION} ` : ''}The figures are in the table below the chart.`

  return (
    <ChartFrame
      id={id}
      className="app-calibration-chart"
      summary={summary ?? summariseCalibration(calibration, format)}
    >
      <BarChartSvg id={id} title={title} description={description} layout={layout} />
      <ChartKey id={id} items={keyItems} />
      <Table
        id={`${id}-table`}
        className="app-chart__table"
        caption={title}
        head={[
          'Outcome',
          'Rated higher than agreed',
          'Same',
          'Rated lower',
          'Compared',
          'Differences in sub-level steps (self minus agreed)',
        ]}
        rows={calibration.map((row) => [
          outcomeHeading(row.outcomeNumber, outcomes),
          countWithPercent(format, row.above, row.compared),
          countWithPercent(format, row.equal, row.compared),
          countWithPercent(format, row.below, row.compared),
          format(row.compared),
          formatDifferences(row.differences, format),
        ])}
        firstCellIsHeader
        responsive
      />
    </ChartFrame>
  )
}
