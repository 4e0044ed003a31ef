import { Table } from '~/components/nhs'
import type { Dashboard } from '~/modules/dashboards/model'
import { WITHHELD_LABEL } from '~/modules/dashboards/suppression'
import {
  BarChartSvg,
  ChartFrame,
  ChartKey,
  HIDDEN_DESCRIPTION,
  HIDDEN_KEY_ITEM,
  MedianMark,
  hasHiddenSegments,
  layoutBars,
  markSpan,
  type BarRowInput,
  type KeyItem,
  type Segment,
} from './bars'
import {
  capitalise,
  formatCount,
  formatMedian,
  isMedianShown,
  outcomeHeading,
  outcomeLabel,
  outcomeList,
  type CountFormat,
} from './format'
import { LEVEL_FILLS } from '~/modules/charts/palette'

export type LevelDistributionChartProps = {
  /** Agreed grades per outcome at each level, with the median level (`Dashboard['attainment']`). */
  attainment: Dashboard['attainment']
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

const LEVELS = [0, 1, 2, 3, 4] as const

/**
 * "Outcome 3 has the highest median agreed level (3); outcome 1 the lowest (1.5)." Ties name every
 * outcome sharing the highest or lowest median; outcomes without agreed grades, or whose median is
 * suppressed (based on a count the formatter hides), are left out.
 */
export function summariseLevelDistribution(
  attainment: Dashboard['attainment'],
  format: CountFormat = formatCount,
): string {
  const withGrades = attainment.filter((row) => row.graded > 0 && row.medianLevel !== null)
  if (withGrades.length === 0) return 'No outcome has an agreed grade yet.'
  const graded = withGrades.flatMap((row) =>
    row.medianLevel !== null && isMedianShown(format, row.graded)
      ? [{ outcome: row.outcomeNumber, median: row.medianLevel }]
      : [],
  )
  if (graded.length === 0) return 'Every median is suppressed, as each is based on too few agreed grades.'
  if (graded.length === 1) {
    const only = graded[0]!
    return `Only outcome ${only.outcome} has agreed grades so far, with a median agreed level of ${formatMedian(only.median)}.`
  }
  const medians = graded.map((row) => row.median)
  const highest = Math.max(...medians)
  const lowest = Math.min(...medians)
  if (highest === lowest)
    return `Every outcome with agreed grades has a median agreed level of ${formatMedian(highest)}.`
  const at = (median: number) => graded.filter((row) => row.median === median).map((row) => row.outcome)
  const top = at(highest)
  return (
    `${capitalise(outcomeList(top))} ${top.length === 1 ? 'has' : 'have'} the highest median agreed level (${formatMedian(highest)}); ` +
    `${outcomeList(at(lowest))} the lowest (${formatMedian(lowest)}).`
  )
}

/** "2.5", "No grades", or "Suppressed" for a median of too few grades to show; with a prefix for the chart ("Median 2.5"). */
function medianText(row: Dashboard['attainment'][number], format: CountFormat, prefix = ''): string {
  if (row.graded === 0 || row.medianLevel === null) return 'No grades'
  if (!isMedianShown(format, row.graded)) return prefix ? `${prefix}suppressed` : WITHHELD_LABEL
  return `${prefix}${formatMedian(row.medianLevel)}`
}

/**
 * Where a bar's median mark goes: the middle of the median level's segment, or, for a median between
 * two levels (2.5, or 2 when the middle grades are 1 and 3), the boundary between the segments either
 * side. Worked out from the drawn segments, so the mark stays true when small numbers are hidden.
 */
function medianX(segments: readonly Segment[], median: number): number | null {
  const level = (segment: Segment) => Number(segment.key.replace('level-', ''))
  const exact = segments.find((segment) => level(segment) === median)
  if (exact) return exact.x + exact.width / 2
  const below = segments.filter((segment) => level(segment) < median).at(-1)
  const above = segments.find((segment) => level(segment) > median)
  if (below) return below.x + below.width
  return above ? above.x : null
}

/**
 * Agreed levels per outcome (issue 6): a 100% stacked bar per outcome of the agreed grades at levels
 * 0 (left, lightest) to 4 (right, darkest), with counts inside the segments where they fit, the
 * median marked by black triangles above and below the bar and given in words above it (or
 * "suppressed" when it rests on a count the formatter hides), a key, and a data table
 * (Outcome | Level 0 | … | Level 4 | Graded | Median). With no agreed grades at all, a message instead.
 */
export function LevelDistributionChart({
  attainment,
  outcomes,
  id,
  summary,
  format = formatCount,
  title = 'Agreed levels by outcome',
}: LevelDistributionChartProps): JSX.Element {
  const anyGraded = attainment.some((row) => row.graded > 0)
  if (!anyGraded)
    return <ChartFrame id={id} className="app-level-distribution" summary={summariseLevelDistribution([], format)} />

  const rows: BarRowInput[] = attainment.map((row) => ({
    key: `outcome-${row.outcomeNumber}`,
    label: outcomeLabel(row.outcomeNumber),
    note:
      row.graded > 0 && row.medianLevel !== null
        ? `${medianText(row, format, 'Median ')} (${format(row.graded)} graded)`
        : 'No agreed grades',
    total: row.graded,
    parts:
      row.graded > 0
        ? LEVELS.map((level) => ({
            key: `level-${level}`,
            name: `Level ${level}`,
            count: row.levelCounts[level],
            fill: LEVEL_FILLS[level],
          }))
        : [],
  }))
  const layout = layoutBars(rows, 'stacked', format, (part) => [format(part.count)])
  const hidden = hasHiddenSegments(layout)
  const keyItems: KeyItem[] = [
    ...LEVELS.map((level): KeyItem => ({
      key: `level-${level}`,
      kind: 'fill',
      fill: LEVEL_FILLS[level],
      label: `Level ${level}`,
    })),
    { key: 'median', kind: 'median', label: 'Median level' },
    ...(hidden ? [HIDDEN_KEY_ITEM] : []),
  ]
  const description =
    'Horizontal bar chart with one bar per outcome, divided into the shares of agreed grades at levels 0 to 4, from level 0 on the left to level 4 on the right; ' +
    `black triangles above and below each bar point to its median level. ${hidden ? `${HIDDEN_DESCRIPTION} ` : ''}` +
    'The figures are in the table below the chart.'

  return (
    <ChartFrame
      id={id}
      className="app-level-distribution"
      summary={summary ?? summariseLevelDistribution(attainment, format)}
    >
      <BarChartSvg id={id} title={title} description={description} layout={layout}>
        {layout.rows.map((row, index) => {
          const source = attainment[index]
          const median = source && isMedianShown(format, source.graded) ? source.medianLevel : null
          const x = median === null ? null : medianX(row.segments, median)
          return x === null ? null : <MedianMark key={row.key} className="app-chart__median" x={x} {...markSpan(row)} />
        })}
      </BarChartSvg>
      <ChartKey id={id} items={keyItems} />
      <Table
        id={`${id}-table`}
        className="app-chart__table"
        caption={title}
        head={['Outcome', ...LEVELS.map((level) => `Level ${level}`), 'Graded', 'Median']}
        rows={attainment.map((row) => [
          outcomeHeading(row.outcomeNumber, outcomes),
          ...row.levelCounts.map((count) => format(count)),
          format(row.graded),
          medianText(row, format),
        ])}
        firstCellIsHeader
        responsive
      />
    </ChartFrame>
  )
}
