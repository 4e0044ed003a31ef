import { Table } from '~/components/nhs'
import type { Dashboard } from '~/modules/dashboards/model'
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from '~/modules/submissions/status'
import {
  BarChartSvg,
  ChartFrame,
  ChartKey,
  HIDDEN_DESCRIPTION,
  HIDDEN_KEY_ITEM,
  countAndPercentLabels,
  hasHiddenSegments,
  layoutBars,
  type BarPart,
  type BarRowInput,
  type KeyItem,
} from './bars'
import { allShown, formatCount, formatPercent, highestShare, isShown, joinWords, type CountFormat } from './format'
import { LEVEL_FILLS, type Fill } from '~/modules/charts/palette'

export type ProgressChartProps = {
  /** Submissions by status for each region, statuses in workflow order (`Dashboard['progress']`). */
  progress: Dashboard['progress']
  /** Id of the chart's wrapper; also prefixes the ids of its parts. Unique on the page. */
  id: string
  /** One sentence shown above the chart; computed from the data when left out. */
  summary?: string
  /** Formats counts, e.g. a suppression formatter showing small counts as "<5". Defaults to "1,234". */
  format?: CountFormat
  /** Names the chart (SVG `<title>`) and captions its data table. */
  title?: string
}

type StageKey = 'not-started' | 'preparing' | 'validating' | 'validated'

/**
 * Nine statuses are too many to tell apart by colour, so the bars group them into four stages of
 * the workflow (domain.md §6), each with its own colour and pattern; the table gives every
 * status.
 */
const STAGES: ReadonlyArray<{ key: StageKey; name: string; fill: Fill }> = [
  { key: 'not-started', name: 'Not started', fill: LEVEL_FILLS[0] },
  { key: 'preparing', name: 'In progress or awaiting sign-off', fill: LEVEL_FILLS[1] },
  { key: 'validating', name: 'Submitted, in validation or moderation', fill: LEVEL_FILLS[2] },
  { key: 'validated', name: 'Validated or published', fill: LEVEL_FILLS[3] },
]

const STAGE_OF: Record<SubmissionStatus, StageKey> = {
  NOT_STARTED: 'not-started',
  IN_PROGRESS: 'preparing',
  AWAITING_SIGN_OFF: 'preparing',
  SUBMITTED: 'validating',
  IN_VALIDATION: 'validating',
  CLARIFICATION_REQUESTED: 'validating',
  IN_MODERATION: 'validating',
  VALIDATED: 'validated',
  PUBLISHED: 'validated',
}

/** The counts of the statuses in one stage. */
function stageComponents(statuses: readonly SubmissionStatus[], counts: readonly number[], stage: StageKey): number[] {
  return statuses.flatMap((status, index) => (STAGE_OF[status] === stage ? [counts[index] ?? 0] : []))
}

function stageParts(statuses: readonly SubmissionStatus[], counts: readonly number[]): BarPart[] {
  return STAGES.map((stage) => {
    const components = stageComponents(statuses, counts, stage.key)
    return {
      key: stage.key,
      name: stage.name,
      count: components.reduce((sum, c) => sum + c, 0),
      components,
      fill: stage.fill,
    }
  })
}

function submissions(format: CountFormat, count: number): string {
  return `${format(count)} ${isShown(format, count) && count === 1 ? 'submission' : 'submissions'}`
}

/**
 * "Of 120 submissions, 45 (38%) have been validated or published; North West has the highest share
 * (60%)." A share is given only when every count it is made of is shown by the formatter.
 */
export function summariseProgress(progress: Dashboard['progress'], format: CountFormat = formatCount): string {
  if (progress.total === 0) return 'There are no submissions in this cycle yet.'
  const done = stageComponents(progress.statuses, progress.totals, 'validated')
  const doneCount = done.reduce((sum, c) => sum + c, 0)
  if (!allShown(format, [...done, doneCount, progress.total])) {
    return `The table below gives the number of submissions at each status${progress.regions.length > 1 ? ' in each region' : ''}.`
  }
  const doneText =
    doneCount === 0
      ? 'none has been validated or published yet'
      : `${format(doneCount)} (${formatPercent(doneCount, progress.total)}) ${doneCount === 1 ? 'has' : 'have'} been validated or published`
  const regions = progress.regions
    .map((region) => ({ region, done: stageComponents(progress.statuses, region.counts, 'validated') }))
    .filter(({ done }) => allShown(format, done))
    .map(({ region, done }) => ({
      name: region.regionName,
      done: done.reduce((sum, c) => sum + c, 0),
      total: region.total,
    }))
  const leaders =
    progress.regions.length > 1
      ? highestShare(
          regions,
          (r) => r.done,
          (r) => r.total,
          format,
        )
      : null
  const leaderText = leaders
    ? `; ${joinWords(leaders.rows.map((r) => r.name))} ${leaders.rows.length === 1 ? 'has' : 'have'} the highest share (${leaders.percent})`
    : ''
  return `Of ${submissions(format, progress.total)}, ${doneText}${leaderText}.`
}

/**
 * Submission progress by region (issue 6): a 100% stacked bar per region (and one for all regions
 * when there are several) of its submissions at four stages of the workflow (light and dark in turn, each with its own pattern), with
 * counts inside where they fit; a key, and a data table with every status as a column, a Total
 * column and a Total row. With no submissions, a message instead.
 */
export function ProgressChart({
  progress,
  id,
  summary,
  format = formatCount,
  title = 'Submissions by status and region',
}: ProgressChartProps): JSX.Element {
  if (progress.total === 0)
    return <ChartFrame id={id} className="app-progress-chart" summary={summariseProgress(progress, format)} />

  const barRow = (key: string, label: string, counts: readonly number[], total: number): BarRowInput => ({
    key,
    label,
    note: total > 0 ? submissions(format, total) : 'No submissions',
    total,
    parts: total > 0 ? stageParts(progress.statuses, counts) : [],
  })
  const rows = progress.regions.map((region) =>
    barRow(`region-${region.regionId}`, region.regionName, region.counts, region.total),
  )
  if (progress.regions.length > 1) rows.push(barRow('all-regions', 'All regions', progress.totals, progress.total))
  const layout = layoutBars(rows, 'stacked', format, countAndPercentLabels(format))
  const hidden = hasHiddenSegments(layout)
  const keyItems: KeyItem[] = [
    ...STAGES.map((stage): KeyItem => ({ key: stage.key, kind: 'fill', fill: stage.fill, label: stage.name })),
    ...(hidden ? [HIDDEN_KEY_ITEM] : []),
  ]
  const description =
    'Horizontal bar chart with one bar per region, divided into the shares of its submissions not started, in progress or awaiting sign-off, ' +
    'submitted or in validation or moderation, and validated or published, from left to right. ' +
    `${hidden ? `${HIDDEN_DESCRIPTION} ` : ''}The number at each status is in the table below the chart.`

  return (
    <ChartFrame id={id} className="app-progress-chart" summary={summary ?? summariseProgress(progress, format)}>
      <BarChartSvg id={id} title={title} description={description} layout={layout} />
      <ChartKey id={id} items={keyItems} />
      {/* Nine statuses and a total are wider than the page on a desktop: the table scrolls inside its own region. */}
      <div className="app-chart__scroll" role="region" aria-label={title} tabIndex={0}>
        <Table
          id={`${id}-table`}
          className="app-chart__table"
          caption={title}
          head={['Region', ...progress.statuses.map((status) => SUBMISSION_STATUS_LABELS[status]), 'Total']}
          rows={[
            ...progress.regions.map((region) => [
              region.regionName,
              ...region.counts.map((count) => format(count)),
              format(region.total),
            ]),
            ['Total', ...progress.totals.map((count) => format(count)), format(progress.total)],
          ]}
          firstCellIsHeader
          responsive
        />
      </div>
    </ChartFrame>
  )
}
