import { VisuallyHidden, cx } from '~/components/nhs'
import type { Dashboard } from '~/modules/dashboards/model'
import { WITHHELD_LABEL } from '~/modules/dashboards/suppression'
import { ChartFrame } from './bars'
import { formatCount, formatMedian, isMedianShown, joinWords, outcomeLabel, type CountFormat } from './format'

export type HeatMapProps = {
  /** Region x outcome: median agreed level and how many grades it is the median of (`Dashboard['heatMap']`). */
  heatMap: Dashboard['heatMap']
  /** The columns, in order, with their short titles (`Dashboard['outcomes']`). */
  outcomes: Dashboard['outcomes']
  /** Id of the heat map's wrapper; also prefixes the ids of its parts. Unique on the page. */
  id: string
  /** One sentence shown above the heat map; computed from the data when left out. */
  summary?: string
  /** Formats counts, e.g. a suppression formatter showing small counts as "<5". Defaults to "1,234". */
  format?: CountFormat
  /** Captions the table. */
  title?: string
}

/** The colour bucket of a median level: its whole level, 0..4 ("2.5" is in bucket 2). */
export function heatMapBucket(median: number): 0 | 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(0, Math.floor(median))) as 0 | 1 | 2 | 3 | 4
}

const BUCKET_LABELS = ['0 to less than 1', '1 to less than 2', '2 to less than 3', '3 to less than 4', '4'] as const

type Cell = { regionName: string; outcomeNumber: number; median: number }

/** "outcome 2 in London", "outcome 2 in London and outcome 4 in Cumbria", "…, outcome 4 in Cumbria and 3 more". */
function nameCells(cells: readonly Cell[]): string {
  const named = cells.slice(0, 2).map((cell) => `outcome ${cell.outcomeNumber} in ${cell.regionName}`)
  const more = cells.length - named.length
  return joinWords(more > 0 ? [...named, `${more} more`] : named)
}

/**
 * "Median agreed levels range from 1 (outcome 5 in London) to 3.5 (outcome 2 in North West)." Names at
 * most two cells for the highest and the lowest, then says how many more share it. Medians
 * suppressed (based on a count the formatter hides) are left out.
 */
export function summariseHeatMap(heatMap: Dashboard['heatMap'], format: CountFormat = formatCount): string {
  const graded = heatMap.flatMap((region) =>
    region.cells.filter((cell) => cell.graded > 0 && cell.medianLevel !== null).map((cell) => ({ region, cell })),
  )
  if (graded.length === 0) return 'No region has agreed grades yet.'
  const cells: Cell[] = graded.flatMap(({ region, cell }) =>
    cell.medianLevel !== null && isMedianShown(format, cell.graded)
      ? [{ regionName: region.regionName, outcomeNumber: cell.outcomeNumber, median: cell.medianLevel }]
      : [],
  )
  if (cells.length === 0) return 'Every median is suppressed, as each is based on too few agreed grades.'
  const medians = cells.map((cell) => cell.median)
  const highest = Math.max(...medians)
  const lowest = Math.min(...medians)
  if (cells.length === 1)
    return `The only median agreed level so far is ${formatMedian(highest)} (${nameCells(cells)}).`
  if (highest === lowest)
    return `Every region and outcome with agreed grades has a median agreed level of ${formatMedian(highest)}.`
  const at = (median: number) => cells.filter((cell) => cell.median === median)
  return `Median agreed levels range from ${formatMedian(lowest)} (${nameCells(at(lowest))}) to ${formatMedian(highest)} (${nameCells(at(highest))}).`
}

/**
 * Region x outcome heat map of the median agreed level (issue 6), as an accessible HTML table: each
 * cell gives the median and the number of grades in words and figures ("2.5", "n=12"), and is
 * shaded by its whole level from light to dark blue (`app-heat-map__cell--level-0` … `--level-4`,
 * with text of at least 4.5:1 contrast on each), so the colour only repeats what the text says.
 * Empty cells say "No grades"; a median of too few grades to show (its count hidden by the
 * formatter) says "Suppressed", unshaded. A key of the shades sits above the table; the table is
 * its own data table. With no regions, or no agreed grades anywhere, a message instead.
 */
export function HeatMap({
  heatMap,
  outcomes,
  id,
  summary,
  format = formatCount,
  title = 'Median agreed level by region and outcome',
}: HeatMapProps): JSX.Element {
  const anyGraded = heatMap.some((region) => region.cells.some((cell) => cell.graded > 0 && cell.medianLevel !== null))
  if (!anyGraded || outcomes.length === 0)
    return <ChartFrame id={id} className="app-heat-map" summary={summariseHeatMap([], format)} />
  const captionId = `${id}-caption`

  return (
    <ChartFrame id={id} className="app-heat-map" summary={summary ?? summariseHeatMap(heatMap, format)}>
      <p className="nhsuk-body-s app-chart__key-heading" id={`${id}-key-heading`}>
        Shading shows the median agreed level:
      </p>
      <ul className="app-chart__key" id={`${id}-key`} aria-labelledby={`${id}-key-heading`}>
        {BUCKET_LABELS.map((label, bucket) => (
          <li key={bucket} className="app-chart__key-item">
            <span className={cx('app-heat-map__swatch', `app-heat-map__cell--level-${bucket}`)} aria-hidden="true" />
            <span>{label}</span>
          </li>
        ))}
        <li className="app-chart__key-item">
          <span className="app-heat-map__swatch app-heat-map__cell--empty" aria-hidden="true" />
          <span>No grades, or median suppressed</span>
        </li>
      </ul>
      {/* A wide table scrolls sideways on small screens; the region is focusable so keyboards can scroll it. */}
      <div className="app-heat-map__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="nhsuk-table app-heat-map__table" id={`${id}-table`}>
          <caption className="nhsuk-table__caption" id={captionId}>
            {title}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">
                Region
              </th>
              {outcomes.map((outcome) => (
                <th key={outcome.number} className="nhsuk-table__header app-heat-map__outcome" scope="col">
                  {outcomeLabel(outcome.number)}
                  {outcome.shortTitle.trim() ? (
                    <>
                      {' '}
                      <span className="app-heat-map__outcome-title">{outcome.shortTitle}</span>
                    </>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {heatMap.map((region) => (
              <tr key={region.regionId} className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="row">
                  {region.regionName}
                </th>
                {outcomes.map((outcome) => {
                  const cell = region.cells.find((c) => c.outcomeNumber === outcome.number)
                  if (!cell || cell.graded === 0 || cell.medianLevel === null) {
                    return (
                      <td
                        key={outcome.number}
                        className="nhsuk-table__cell app-heat-map__cell app-heat-map__cell--empty"
                      >
                        No grades
                      </td>
                    )
                  }
                  if (!isMedianShown(format, cell.graded)) {
                    // Unshaded: a shade would tell the median that is being withheld.
                    return (
                      <td
                        key={outcome.number}
                        className="nhsuk-table__cell app-heat-map__cell app-heat-map__cell--empty app-heat-map__cell--suppressed"
                      >
                        <span className="app-heat-map__median">
                          <VisuallyHidden>Median </VisuallyHidden>
                          {WITHHELD_LABEL}
                        </span>{' '}
                        <span className="app-heat-map__count">n={format(cell.graded)}</span>
                      </td>
                    )
                  }
                  return (
                    <td
                      key={outcome.number}
                      className={cx(
                        'nhsuk-table__cell',
                        'app-heat-map__cell',
                        `app-heat-map__cell--level-${heatMapBucket(cell.medianLevel)}`,
                      )}
                    >
                      <span className="app-heat-map__median">
                        <VisuallyHidden>Median </VisuallyHidden>
                        {formatMedian(cell.medianLevel)}
                      </span>{' '}
                      <span className="app-heat-map__count">n={format(cell.graded)}</span>
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  )
}
