import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, SummaryList, Table } from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import { requireUser } from '~/modules/auth/session.server'
import { getOrganisationAttainment, getOrganisationForUser } from '~/modules/organisations/organisation.server'
import { PeerComparisonTable } from '~/components/peer-comparison'
import { RadarChart } from '~/components/radar-chart'
import { chartValueOfSteps } from '~/modules/results/compare'
import { formatChartValueWithMedians, nationalMedianSeries } from '~/modules/results/peers'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { formatDate } from '~/utils/dates'
import { notFound } from '~/utils/http.server'
import { OdsCode } from '~/components/abbr'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? 'Organisation'} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const organisation = await getOrganisationForUser(user, params.organisationId ?? '')
  if (!organisation) notFound()
  return { organisation, attainment: await getOrganisationAttainment(user, organisation.id) }
}

export default function OrganisationPage() {
  const { organisation, attainment } = useLoaderData<typeof loader>()
  // The two latest cycles with a result the user may read, self-assessed and agreed for each.
  const shown = attainment.cycles.slice(0, 2)
  const series = shown.flatMap((c) => [
    { label: `Self-assessed, ${c.cycleName}`, values: c.selfSteps.map(chartValueOfSteps) },
    { label: `Agreed, ${c.cycleName}`, values: c.agreedSteps.map(chartValueOfSteps) },
  ])
  // The national median of the latest cycle, only above the suppression threshold (results/peers.ts).
  const peers = attainment.peers
  if (peers?.shown) series.push({ label: `National median, ${peers.cycleName}`, values: nationalMedianSeries(peers) })
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <h1>{organisation.name}</h1>
      <SummaryList
        rows={[
          { key: <OdsCode />, value: organisation.odsCode },
          { key: 'Type', value: ORGANISATION_TYPE_LABELS[organisation.type] ?? organisation.type },
          { key: 'Region', value: organisation.region.name },
          {
            key: 'Library service',
            value: organisation.services.map((s) => s.libraryService.name).join(', ') || 'None recorded',
          },
          {
            key: 'Active',
            value: `From ${formatDate(organisation.activeFrom)}${organisation.activeTo ? ` to ${formatDate(organisation.activeTo)}` : ''}`,
          },
        ]}
      />
      {shown.length ? (
        <section aria-labelledby="attainment-heading">
          <h2 id="attainment-heading">Self-assessed and agreed grades</h2>
          <RadarChart
            id="attainment-radar"
            title={`Self-assessed and agreed grades of ${organisation.name}`}
            summary={attainmentSummary(shown)}
            axes={attainment.outcomeNumbers.map((n) => `Outcome ${n}`)}
            series={series}
            formatValue={formatChartValueWithMedians}
          />
          {attainment.cycles.length > shown.length ? <p>Earlier results are on each cycle’s submission page.</p> : null}
          {peers ? (
            <>
              <h3 id="peers-heading">How the result compares</h3>
              <PeerComparisonTable id="peer-comparison" comparison={peers} />
            </>
          ) : null}
        </section>
      ) : null}
      <Table
        caption="Submissions"
        captionSize="m"
        responsive
        head={['Cycle', 'Reference', 'Status', 'Submitted']}
        rows={organisation.submissions.map((s) => [
          <a key="c" href={`/submissions/${s.id}`}>
            {s.cycle.name}
          </a>,
          s.reference,
          <SubmissionStatusTag key="s" status={s.status} />,
          s.submittedAt ? formatDate(s.submittedAt) : 'Not yet',
        ])}
      />
    </>
  )
}

/** One sentence: how the agreed grades compare with the self-assessment in the latest cycle, and with the one before. */
function attainmentSummary(
  cycles: ReadonlyArray<{ cycleName: string; selfSteps: Array<number | null>; agreedSteps: Array<number | null> }>,
): string {
  const [latest, earlier] = cycles
  if (!latest) return ''
  const pairs = latest.agreedSteps
    .map((agreed, i) => [latest.selfSteps[i] ?? null, agreed] as const)
    .filter((p): p is readonly [number, number] => p[0] !== null && p[1] !== null)
  const below = pairs.filter(([self, agreed]) => agreed < self).length
  let sentence = `In ${latest.cycleName}, ${below === 0 ? 'no agreed grade was below the self-assessment' : `${below} of ${pairs.length} agreed grades were below the self-assessment`}`
  if (earlier) {
    const improved = latest.agreedSteps.filter(
      (steps, i) => steps !== null && earlier.agreedSteps[i] != null && steps > earlier.agreedSteps[i]!,
    ).length
    sentence += `, and ${improved === 1 ? '1 outcome' : `${improved} outcomes`} improved on ${earlier.cycleName}`
  }
  return `${sentence}.`
}
