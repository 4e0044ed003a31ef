import { Table } from '~/components/nhs'
import { SUPPRESSED_COUNT_LABEL, type Suppression } from '~/modules/dashboards/suppression'
import { medianCell, rangeCell, type RegionAgainstNation } from '~/modules/results/peers'

/**
 * A regional lead's region against the nation (issue 17, item 2): per outcome, the median and range
 * of the region's published agreed grades beside the nation's, and the count at each level. The
 * nation's figures are already protected (results/peers.ts); with suppression on, the region's
 * own counts are left out too and its median only shown above the threshold, as for publication.
 */
export function RegionAgainstNationSection({
  view,
  suppression,
}: {
  view: RegionAgainstNation
  suppression: Suppression
}) {
  const region = view.regionName
  const nationShown = view.nationalOrganisations !== null
  const regionFigures = (row: RegionAgainstNation['rows'][number]) =>
    suppression && row.region.graded < suppression.threshold ? null : row.region.figures
  const count = (n: number | null) => (n === null ? SUPPRESSED_COUNT_LABEL : n.toLocaleString('en-GB'))
  return (
    <section aria-labelledby="against-nation-heading">
      <h2 id="against-nation-heading">{region} against the nation</h2>
      <p>
        Published results for {view.cycleName}, all organisation types: {view.regionalOrganisations} organisation
        {view.regionalOrganisations === 1 ? '' : 's'} in {region}
        {nationShown ? `, ${view.nationalOrganisations} in England.` : '.'}
        {nationShown
          ? ''
          : ` The nation's figures appear once at least ${view.threshold} organisations outside ${region} have published results, so that none of them can be identified.`}
      </p>
      <Table
        id="against-nation-medians"
        caption={`Median and range of the published agreed grades, ${region}${nationShown ? ' and England' : ''}`}
        captionSize="s"
        responsive
        firstCellIsHeader
        head={[
          'Outcome',
          `${region} median`,
          `${region} range`,
          ...(nationShown ? ['National median', 'National range'] : []),
        ]}
        rows={view.rows.map((row) => [
          `${row.number}. ${row.shortTitle}`,
          medianCell(regionFigures(row)),
          rangeCell(regionFigures(row)),
          ...(nationShown ? [medianCell(row.nation!.figures), rangeCell(row.nation!.figures)] : []),
        ])}
      />
      {suppression ? (
        <p>
          The counts at each level are not shown while small numbers are suppressed: {region}&apos;s own counts would
          need suppressing first.
        </p>
      ) : (
        <Table
          id="against-nation-levels"
          caption={`Published agreed grades at each level, ${region}${nationShown ? ' against England' : ''}`}
          captionSize="s"
          responsive
          firstCellIsHeader
          head={['Outcome', 'Level 0', 'Level 1', 'Level 2', 'Level 3', 'Level 4', 'Graded']}
          rows={view.rows.flatMap((row) => [
            [`Outcome ${row.number}, ${region}`, ...row.region.levelCounts.map(count), count(row.region.graded)],
            ...(row.nation
              ? [[`Outcome ${row.number}, England`, ...row.nation.levelCounts.map(count), count(row.nation.graded)]]
              : []),
          ])}
        />
      )}
      {nationShown && !suppression ? (
        <p>
          &quot;{SUPPRESSED_COUNT_LABEL}&quot; marks a national count withheld because the rest of the country&apos;s
          count could be worked out from it and {region}&apos;s.
        </p>
      ) : null}
    </section>
  )
}
