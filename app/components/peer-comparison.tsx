import { Table } from '~/components/nhs'
import { formatSteps } from '~/modules/results/compare'
import { describePeerComparison, medianCell, rangeCell, type PeerComparison } from '~/modules/results/peers'

/**
 * The organisation's agreed grade per outcome beside the regional and national median and range
 * (issue 17, item 2), or the sentence saying why it is not shown yet. The radar beside it carries
 * the national median as a series of its own.
 */
export function PeerComparisonTable({
  comparison,
  id,
  ownLabel = 'Agreed grade',
}: {
  comparison: PeerComparison
  id: string
  ownLabel?: string
}) {
  const summary = <p id={`${id}-summary`}>{describePeerComparison(comparison)}</p>
  if (!comparison.shown) return summary
  const withRegion = comparison.regionalOrganisations !== null
  return (
    <>
      {summary}
      <Table
        id={id}
        caption={`${ownLabel} beside the published results of ${withRegion ? `${comparison.regionName} and ` : ''}England, ${comparison.cycleName}`}
        captionSize="s"
        responsive
        firstCellIsHeader
        head={[
          'Outcome',
          ownLabel,
          ...(withRegion ? [`${comparison.regionName} median`, `${comparison.regionName} range`] : []),
          'National median',
          'National range',
        ]}
        rows={comparison.rows.map((row) => [
          `${row.number}. ${row.shortTitle}`,
          formatSteps(row.ownSteps),
          ...(withRegion ? [medianCell(row.regional), rangeCell(row.regional)] : []),
          medianCell(row.national),
          rangeCell(row.national),
        ])}
      />
    </>
  )
}
