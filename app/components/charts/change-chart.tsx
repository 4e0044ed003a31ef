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
  const compared = change.filter((row) => row.compared > 0)
  if (compared.length === 0) return `No organisation has agreed grades in both this cycle and ${previousCycle.name}.`
  const improved = highestShare(
    compared,
    (row) => row.improved,
    (row) => row.compared,
    format,
  )
  const declined = highestShare(
    compared,
    (row) => row.declined,
    (row) => row.compared,
    format,
  )
  const outcomesOf = (rows: ChangeRow[]) => outcomeList(rows.map((row) => row.outcomeNumber))
  const since = `Since ${previousCycle.name}, agreed grades`
  if (improved && declined) {
    return `${since} improved most often on ${outcomesOf(improved.rows)} (${improved.percent}) and declined most often on ${outcomesOf(declined.rows)} (${declined.percent}).`
  }
  if (improved) return `${since} improved most often on ${outcomesOf(improved.rows)} (${improved.percent}).`
  if (declined) return `${since} declined most often on ${outcomesOf(declined.rows)} (${declined.percent}).`
  if (
    compared.every(
      (row) => row.improved === 0 && row.declined === 0 && allShown(format, [row.improved, row.declined, row.compared]),
    )
  ) {
    return `${since} have stayed the same on every outcome.`
  }
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
  if (previousCycle === null || !change.some((row) => row.compared > 0)) {
    return <ChartFrame id={id} className="app-change-chart" summary={summariseChange(change, previousCycle, format)} />
  }
  const caption = title ?? `Change in agreed grades since ${previousCycle.name}`

  const rows: BarRowInput[] = change.map((row) => ({
    key: `outcome-${row.outcomeNumber}`,
    label: outcomeLabel(row.outcomeNumber),
    note: row.compared > 0 ? `${format(row.compared)} compared` : 'None compared',
    total: row.compared,
    parts:
      row.compared > 0
        ? [
            { key: 'declined', name: 'Declined', count: row.declined, fill: DIVERGING_FILLS.lower },
            { key: 'same', name: 'Same', count: row.same, fill: DIVERGING_FILLS.same },
            { key: 'improved', name: 'Improved', count: row.improved, fill: DIVERGING_FILLS.higher },
          ]
        : [],
  }))
  const layout = layoutBars(rows, 'diverging', format, countAndPercentLabels(format))
  const hidden = hasHiddenSegments(layout)
  const keyItems: KeyItem[] = [
    { key: 'declined', kind: 'fill', fill: DIVERGING_FILLS.lower, label: 'Declined (left)' },
    { key: 'same', kind: 'fill', fill: DIVERGING_FILLS.same, label: 'Same (centre)' },
    { key: 'improved', kind: 'fill', fill: DIVERGING_FILLS.higher, label: 'Improved (right)' },
    ...(hidden ? [HIDDEN_KEY_ITEM] : []),
  ]
  const description =
    `Diverging bar chart with one bar per outcome of the organisations with agreed grades in both this cycle and ${previousCycle.name}, ` +
    'centred on those whose grade stayed the same; declines extend to the left and improvements to the right. ' +
    `${hidden ? `${HIDDEN_DESCRIPTION} ` : ''}The figures are in the table below the chart.`

  return (
    <ChartFrame
      id={id}
      className="app-change-chart"
      summary={summary ?? summariseChange(change, previousCycle, format)}
    >
      <BarChartSvg id={id} title={caption} description={description} layout={layout} />
      <ChartKey id={id} items={keyItems} />
      <Table
        id={`${id}-table`}
        className="app-chart__table"
        caption={caption}
        head={['Outcome', 'Improved', 'Same', 'Declined', 'Compared']}
        rows={change.map((row) => [
          outcomeHeading(row.outcomeNumber, outcomes),
          countWithPercent(format, row.improved, row.compared),
          countWithPercent(format, row.same, row.compared),
          countWithPercent(format, row.declined, row.compared),
          format(row.compared),
        ])}
        firstCellIsHeader
        responsive
      />
    </ChartFrame>
  )
}
