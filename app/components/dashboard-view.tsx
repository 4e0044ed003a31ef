import { Form } from '@remix-run/react'
import { CalibrationChart, ChangeChart, HeatMap, LevelDistributionChart, ProgressChart } from '~/components/charts'
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  InsetText,
  Select,
  SummaryList,
  Table,
  WarningCallout,
} from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import type { Dashboard, DashboardFilter, FilterOptions } from '~/modules/dashboards/model'
import { formatCount, formatPercent, type Suppression } from '~/modules/dashboards/suppression'
import { sortOrganisations, type OrganisationSort } from '~/modules/dashboards/sort'
import { formatGrade, stepsToGrade } from '~/modules/framework/grading'
import type { ImprovementView } from '~/modules/improvement/dashboard'

type Kind = 'national' | 'regional'

export type DashboardViewProps = {
  kind: Kind
  options: FilterOptions
  filter: DashboardFilter | null
  suppression: Suppression
  dashboard: Dashboard | null
  /** The filter as a query string, for export links and sort links. */
  query: string
  /** Filter values in the address that could not be used, each saying what is shown instead. */
  notices?: string[]
  sort: OrganisationSort
  /** For a service improvement review cycle: its plans' views, shown instead of attainment. */
  improvement?: ImprovementView[] | null
}

function ExportLink({ kind, query, view, title }: { kind: Kind; query: string; view: string; title: string }) {
  return (
    <p className="nhsuk-body-s">
      <a href={`/dashboards/${kind}/export.csv?${query}&view=${view}`} download>
        Download {title.toLowerCase()} (CSV)
      </a>
    </p>
  )
}

function FilterForm({
  kind,
  options,
  filter,
  suppression,
}: Pick<DashboardViewProps, 'kind' | 'options' | 'filter' | 'suppression'>) {
  const showRegion = kind === 'national' || options.regions.length > 1
  return (
    <Form method="get" className="app-dashboard-filter" aria-labelledby="filter-heading">
      <h2 id="filter-heading" className="nhsuk-heading-s">
        Filter the figures
      </h2>
      <Select
        name="cycle"
        label="Cycle"
        defaultValue={filter?.cycleId}
        options={options.cycles.map((c) => ({ value: c.id, text: `${c.name} (${c.editionName})` }))}
      />
      <Select
        name="edition"
        label="Framework edition"
        hint="Choosing an edition shows its newest cycle unless you also choose one of its cycles."
        defaultValue={filter?.editionId ?? ''}
        options={[{ value: '', text: 'All editions' }, ...options.editions.map((e) => ({ value: e.id, text: e.name }))]}
      />
      {showRegion ? (
        <Select
          name="region"
          label="Region"
          defaultValue={filter?.regionId ?? ''}
          options={[
            ...(kind === 'national' ? [{ value: '', text: 'All regions' }] : []),
            ...options.regions.map((r) => ({ value: r.id, text: r.name })),
          ]}
        />
      ) : null}
      <Select
        name="type"
        label="Organisation type"
        defaultValue={filter?.organisationType ?? ''}
        options={[
          { value: '', text: 'All types' },
          ...options.organisationTypes.map((t) => ({ value: t.value, text: t.label })),
        ]}
      />
      <Checkboxes
        name="suppress"
        legend="Publication"
        legendSize="s"
        items={[
          {
            value: 'yes',
            text: 'Suppress small numbers',
            hint: 'For figures you will publish: small counts, and any count that would let one be worked out from the totals, are shown as "[c]"; medians and percentages based on them are withheld.',
          },
        ]}
        defaultValues={suppression ? ['yes'] : []}
      />
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
    </Form>
  )
}

const SORT_LABELS: Record<string, string> = { name: 'Organisation', status: 'Status' }

function SortHeader({
  column,
  label,
  query,
  sort,
}: {
  column: string
  label: string
  query: string
  sort: OrganisationSort
}) {
  const active = sort.column === column
  const nextDirection = active && sort.direction === 'asc' ? 'desc' : 'asc'
  return (
    <a href={`?${query}&sort=${column}&dir=${nextDirection}#organisations`} className="app-sort-link">
      {label}
      {active ? (
        <span className="nhsuk-u-visually-hidden">
          {sort.direction === 'asc' ? ' (sorted A to Z, lowest first)' : ' (sorted Z to A, highest first)'}
        </span>
      ) : null}
      {active ? <span aria-hidden="true">{sort.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
    </a>
  )
}

function OrganisationsTable({
  dashboard,
  query,
  sort,
}: {
  dashboard: Dashboard
  query: string
  sort: OrganisationSort
}) {
  const rows = sortOrganisations(dashboard.organisations ?? [], sort)
  const columns = [
    { key: 'name', label: SORT_LABELS.name! },
    { key: 'status', label: SORT_LABELS.status! },
    ...dashboard.outcomes.map((o) => ({ key: `o${o.number}`, label: `Outcome ${o.number}` })),
  ]
  return (
    <section aria-labelledby="organisations-heading" id="organisations">
      <h2 id="organisations-heading">Organisations by outcome</h2>
      <p>
        Agreed grades of each organisation. Choose a column heading to sort by it; choose an organisation to open its
        submission.
      </p>
      {rows.length === 0 ? (
        <InsetText>
          <p>No organisation in this region takes part in this cycle with these filters.</p>
        </InsetText>
      ) : (
        // The design system's scrolling table: a wide table scrolls inside its region, not the page.
        <div className="nhsuk-scroll">
          <div className="nhsuk-scroll__content" role="region" aria-labelledby="organisations-caption" tabIndex={0}>
            <table className="nhsuk-table app-organisations-table">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s" id="organisations-caption">
                Agreed grades by organisation and outcome
              </caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  {columns.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      className="nhsuk-table__header"
                      aria-sort={
                        sort.column === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                      }
                    >
                      <SortHeader column={c.key} label={c.label} query={query} sort={sort} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {rows.map((o) => (
                  <tr key={o.submissionId} className="nhsuk-table__row">
                    <th scope="row" className="nhsuk-table__header app-organisations-table__name">
                      <a href={`/submissions/${o.submissionId}`}>{o.name}</a>{' '}
                      <span className="nhsuk-body-s">({o.odsCode})</span>
                    </th>
                    <td className="nhsuk-table__cell">
                      <SubmissionStatusTag status={o.status} />
                    </td>
                    {o.agreedSteps.map((steps, i) => (
                      <td key={i} className="nhsuk-table__cell">
                        {steps === null ? 'Not agreed' : formatGrade(stepsToGrade(steps))}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <ExportLink kind="regional" query={query} view="organisations" title="Organisations by outcome" />
    </section>
  )
}

export function DashboardView({
  kind,
  options,
  filter,
  suppression,
  dashboard,
  query,
  sort,
  notices = [],
  improvement = null,
}: DashboardViewProps) {
  const format = (n: number) => formatCount(n, suppression)
  const heading = dashboard?.scope.kind === 'region' ? `${dashboard.scope.regionName} dashboard` : 'National dashboard'
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <span className="nhsuk-caption-l">Attainment</span>
      <h1>{heading}</h1>
      {notices.length > 0 ? (
        <WarningCallout heading="Some of the filters could not be used" headingLevel={2}>
          {notices.map((notice) => (
            <p key={notice}>{notice}.</p>
          ))}
        </WarningCallout>
      ) : null}
      <FilterForm kind={kind} options={options} filter={filter} suppression={suppression} />
      {!dashboard ? (
        <InsetText>
          <p>There are no cycles to show yet. Figures appear here once a cycle has opened.</p>
        </InsetText>
      ) : improvement ? (
        <ImprovementBody
          kind={kind}
          dashboard={dashboard}
          views={improvement}
          suppression={suppression}
          query={query}
        />
      ) : (
        <DashboardBody
          kind={kind}
          dashboard={dashboard}
          suppression={suppression}
          query={query}
          sort={sort}
          format={format}
        />
      )}
    </>
  )
}

function DashboardBody({
  kind,
  dashboard,
  suppression,
  query,
  sort,
  format,
}: {
  kind: Kind
  dashboard: Dashboard
  suppression: Suppression
  query: string
  sort: OrganisationSort
  format: (n: number) => string
}) {
  const statusCount = (status: string) =>
    dashboard.progress.totals[dashboard.progress.statuses.indexOf(status as never)] ?? 0
  const graded = statusCount('VALIDATED') + statusCount('PUBLISHED')
  const { actions } = dashboard
  return (
    <>
      <h2 className="nhsuk-heading-m">
        {dashboard.cycle.name} <span className="nhsuk-caption-m">{dashboard.cycle.editionName}</span>
      </h2>
      {dashboard.appliedFilters.length || suppression ? (
        <p>
          Showing{' '}
          {dashboard.appliedFilters.map((f) => `${f.label.toLowerCase()}: ${f.value}`).join('; ') ||
            'every submission in scope'}
          {suppression
            ? `. Small numbers are suppressed for publication: "[c]" marks a count of 1 to ${suppression.threshold - 1}, or a count hidden so that no such count can be worked out from the totals.`
            : '.'}
        </p>
      ) : null}
      {/* Where there is nothing to count, say so in words rather than "0 of 0 (None)" (issue 16). */}
      <SummaryList
        rows={[
          {
            key: 'Submissions',
            value: dashboard.progress.total === 0 ? 'No submissions yet' : format(dashboard.progress.total),
          },
          {
            key: 'With agreed grades',
            value: dashboard.progress.total > 0 && graded === 0 ? 'None agreed yet' : format(graded),
          },
          {
            key: 'Open required actions',
            value:
              actions.requiredActions === 0
                ? 'No required actions yet'
                : `${format(actions.openRequiredActions)} of ${format(actions.requiredActions)}`,
          },
          {
            key: 'Development plan items complete',
            value:
              actions.planItems === 0
                ? 'No development plan items yet'
                : `${format(actions.planItemsComplete)} of ${format(actions.planItems)} (${formatPercent(actions.planItemsComplete, actions.planItems, suppression)})`,
          },
        ]}
      />
      <p>
        <a href={`/dashboards/${kind}/export.xlsx?${query}`} download>
          Download every view as an Excel workbook
        </a>
      </p>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Submission progress</h2>
        <ProgressChart id="progress" progress={dashboard.progress} format={format} />
        <ExportLink kind={kind} query={query} view="progress" title="Submission progress" />
      </section>

      <section aria-labelledby="attainment-heading">
        <h2 id="attainment-heading">Agreed levels by outcome</h2>
        <LevelDistributionChart
          id="attainment"
          attainment={dashboard.attainment}
          outcomes={dashboard.outcomes}
          format={format}
        />
        <ExportLink kind={kind} query={query} view="attainment" title="Agreed levels by outcome" />
      </section>

      <section aria-labelledby="heat-map-heading">
        <h2 id="heat-map-heading">Median agreed level by region</h2>
        <HeatMap id="heat-map" heatMap={dashboard.heatMap} outcomes={dashboard.outcomes} format={format} />
        <ExportLink kind={kind} query={query} view="heat-map" title="Median agreed level by region" />
      </section>

      <section aria-labelledby="calibration-heading">
        <h2 id="calibration-heading">Self-assessment against agreed grades</h2>
        <CalibrationChart
          id="calibration"
          calibration={dashboard.calibration}
          outcomes={dashboard.outcomes}
          format={format}
        />
        <ExportLink kind={kind} query={query} view="calibration" title="Self-assessment against agreed grades" />
      </section>

      <section aria-labelledby="change-heading">
        <h2 id="change-heading">Change since the previous cycle</h2>
        <ChangeChart
          id="change"
          change={dashboard.change}
          previousCycle={dashboard.previousCycle}
          outcomes={dashboard.outcomes}
          format={format}
        />
        {dashboard.previousCycle ? (
          <ExportLink kind={kind} query={query} view="change" title="Change since the previous cycle" />
        ) : null}
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Required actions and development plans</h2>
        <p>
          {actions.requiredActions === 0
            ? 'No agreed result in scope has a required action.'
            : `${format(actions.openRequiredActions)} of ${format(actions.requiredActions)} required actions are open: no completed development plan item answers them yet.`}
        </p>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Required actions by outcome</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Outcome
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                Required actions
              </th>
              <th scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
                Open
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {actions.byOutcome.map((row) => (
              <tr key={row.outcomeNumber} className="nhsuk-table__row">
                <th scope="row" className="nhsuk-table__header">
                  Outcome {row.outcomeNumber}:{' '}
                  {dashboard.outcomes.find((o) => o.number === row.outcomeNumber)?.shortTitle}
                </th>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{format(row.requiredActions)}</td>
                <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{format(row.openRequiredActions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ExportLink kind={kind} query={query} view="actions" title="Required actions and development plans" />
      </section>

      {kind === 'regional' && dashboard.organisations ? (
        <OrganisationsTable dashboard={dashboard} query={query} sort={sort} />
      ) : null}
      {kind === 'regional' && suppression ? (
        <section aria-labelledby="organisations-heading" id="organisations">
          <h2 id="organisations-heading">Organisations by outcome</h2>
          <p>
            The table of each organisation&apos;s agreed grades is not shown while small numbers are suppressed: it
            would give every suppressed count away.
          </p>
        </section>
      ) : null}
    </>
  )
}

/** A service improvement review cycle on the dashboard: its plans' three views, in the dashboard's scope. */
function ImprovementBody({
  kind,
  dashboard,
  views,
  suppression,
  query,
}: {
  kind: Kind
  dashboard: Dashboard
  views: ImprovementView[]
  suppression: Suppression
  query: string
}) {
  return (
    <>
      <h2 className="nhsuk-heading-m">
        {dashboard.cycle.name} <span className="nhsuk-caption-m">{dashboard.cycle.editionName}</span>
      </h2>
      <p>
        A service improvement review: each organisation taking part writes a Service Improvement Plan instead of a
        self-assessment. Showing{' '}
        {dashboard.appliedFilters.map((f) => `${f.label.toLowerCase()}: ${f.value}`).join('; ') ||
          'every plan in scope'}
        {suppression
          ? `. Small numbers are suppressed for publication: "[c]" marks a count of 1 to ${suppression.threshold - 1}, or a count hidden so that no such count can be worked out from the totals; medians based on them are withheld.`
          : '.'}{' '}
        <a href={`/improvement?cycle=${encodeURIComponent(dashboard.cycle.id)}`}>
          See each organisation&apos;s plan on the Service improvement page
        </a>
        .
      </p>
      <p>
        <a href={`/dashboards/${kind}/export.xlsx?${query}`} download>
          Download every view as an Excel workbook
        </a>
      </p>
      {views.map((view) => (
        <section key={view.key} aria-labelledby={`sip-${view.key}-heading`}>
          <h2 id={`sip-${view.key}-heading`}>{view.title}</h2>
          <Table
            caption={view.title}
            captionSize="s"
            responsive
            firstCellIsHeader
            head={view.head}
            rows={view.rows.map((row) => row.map(String))}
          />
          <p className="nhsuk-body-s">
            <a href={`/dashboards/${kind}/export.csv?${query}&view=sip-${view.key}`} download>
              Download {view.title.charAt(0).toLowerCase() + view.title.slice(1)} (CSV)
            </a>
          </p>
        </section>
      ))}
    </>
  )
}
