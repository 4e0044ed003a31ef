import { Table } from '~/components/nhs'
import type { Dashboard } from '~/modules/dashboards/model'
import { DIVERGING_FILLS } from '~/modules/charts/palette'
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

/** One outcome's bar: how many were compared, and how many of them came out lower, the same, higher. */
export type DivergingRow = { outcomeNumber: number; compared: number; lower: number; same: number; higher: number }

/** What one side of the bar is called: in the bar's tooltip and label, in the key, and as a table column. */
export type DivergingSide = { key: string; name: string; keyLabel: string; column: string }

export type DivergingBarChartProps = {
  rows: readonly DivergingRow[]
  sides: { lower: DivergingSide; same: DivergingSide; higher: DivergingSide }
  /** Short titles for the table's row headings ("Outcome 1: Leadership"); without them, "Outcome 1". */
  outcomes?: Dashboard['outcomes']
  /** Id of the chart's wrapper; also prefixes the ids of its parts. Unique on the page. */
  id: string
  className: string
  /** Names the chart (SVG `<title>`) and captions its data table. */
  title: string
  /** What the picture shows, for the SVG's description; the hidden-count and table sentences are added. */
  description: string
  summary: string
  /** Shown instead of the chart when nothing was compared. */
  emptySummary: string
  format?: CountFormat
  /** A last table column beyond Compared, e.g. the calibration's sub-level differences. */
  extraColumn?: { heading: string; cell: (index: number) => string }
}

/**
 * A diverging bar per outcome (issue 6): centred on those that stayed the same (grey), with the lower
 * ones to the left (vermillion) and the higher ones to the right (blue), each labelled with its count
 * and percentage where it fits; a key, and a data table (Outcome | higher | same | lower | Compared).
 * With nothing compared, the empty summary instead. The calibration and change charts are this chart
 * with their own words.
 */
export function DivergingBarChart({
  rows,
  sides,
  outcomes,
  id,
  className,
  title,
  description,
  summary,
  emptySummary,
  format = formatCount,
  extraColumn,
}: DivergingBarChartProps): JSX.Element {
  if (!rows.some((row) => row.compared > 0)) return <ChartFrame id={id} className={className} summary={emptySummary} />

  const order = ['lower', 'same', 'higher'] as const
  const bars: BarRowInput[] = rows.map((row) => ({
    key: `outcome-${row.outcomeNumber}`,
    label: outcomeLabel(row.outcomeNumber),
    note: row.compared > 0 ? `${format(row.compared)} compared` : 'None compared',
    total: row.compared,
    parts:
      row.compared > 0
        ? order.map((side) => ({
            key: sides[side].key,
            name: sides[side].name,
            count: row[side],
            fill: DIVERGING_FILLS[side],
          }))
        : [],
  }))
  const layout = layoutBars(bars, 'diverging', format, countAndPercentLabels(format))
  const hidden = hasHiddenSegments(layout)
  const keyItems: KeyItem[] = [
    ...order.map((side): KeyItem => ({
      key: sides[side].key,
      kind: 'fill',
      fill: DIVERGING_FILLS[side],
      label: sides[side].keyLabel,
    })),
    ...(hidden ? [HIDDEN_KEY_ITEM] : []),
  ]
  const fullDescription = `${description} ${hidden ? `${HIDDEN_DESCRIPTION} ` : ''}The figures are in the table below the chart.`

  return (
    <ChartFrame id={id} className={className} summary={summary}>
      <BarChartSvg id={id} title={title} description={fullDescription} layout={layout} />
      <ChartKey id={id} items={keyItems} />
      <Table
        id={`${id}-table`}
        className="app-chart__table"
        caption={title}
        head={[
          'Outcome',
          sides.higher.column,
          sides.same.column,
          sides.lower.column,
          'Compared',
          ...(extraColumn ? [extraColumn.heading] : []),
        ]}
        rows={rows.map((row, index) => [
          outcomeHeading(row.outcomeNumber, outcomes),
          countWithPercent(format, row.higher, row.compared),
          countWithPercent(format, row.same, row.compared),
          countWithPercent(format, row.lower, row.compared),
          format(row.compared),
          ...(extraColumn ? [extraColumn.cell(index)] : []),
        ])}
        firstCellIsHeader
        responsive
      />
    </ChartFrame>
  )
}

/**
 * What a diverging chart's one-sentence summary is made of: the outcomes with the highest share
 * higher and lower ("outcome 3", "45%"), or whether every compared one stayed the same. Only
 * outcomes whose counts the formatter shows take part. Null when nothing was compared.
 */
export function divergingExtremes(rows: readonly DivergingRow[], format: CountFormat = formatCount) {
  const compared = rows.filter((row) => row.compared > 0)
  if (compared.length === 0) return null
  const share = (count: (row: DivergingRow) => number) => {
    const found = highestShare(compared, count, (row) => row.compared, format)
    return found ? { outcomes: outcomeList(found.rows.map((row) => row.outcomeNumber)), percent: found.percent } : null
  }
  return {
    higher: share((row) => row.higher),
    lower: share((row) => row.lower),
    allSame: compared.every(
      (row) => row.higher === 0 && row.lower === 0 && allShown(format, [row.higher, row.lower, row.compared]),
    ),
  }
}
