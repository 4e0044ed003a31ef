import { regionsWithAgreedResults } from '~/modules/reports/download.server'
import { cycleReportLinks } from '~/modules/reports/links'
import { listRegions } from '~/modules/organisations/organisation.server'
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, SummaryList, Table } from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getCycleForUser } from '~/modules/cycles/cycle.server'
import { CYCLE_STATUS_LABELS, CYCLE_TYPE_LABELS } from '~/modules/cycles/labels'
import { formatDate, formatDateRange } from '~/utils/dates'
import { notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cycle.name ?? 'Cycle'} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:view')
  const cycle = await getCycleForUser(user, params.cycleId ?? '')
  if (!cycle) notFound()
  const [regions, withResults] = await Promise.all([listRegions(), regionsWithAgreedResults([cycle.id])])
  return { cycle, reports: cycleReportLinks(user, cycle.id, regions, withResults.get(cycle.id)!) }
}

export default function CyclePage() {
  const { cycle, reports } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <span className="nhsuk-caption-l">Cycle</span>
      <h1>{cycle.name}</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: CYCLE_STATUS_LABELS[cycle.status] ?? cycle.status },
          { key: 'Type', value: CYCLE_TYPE_LABELS[cycle.type] ?? cycle.type },
          { key: 'Framework', value: <a href={`/framework/${cycle.edition.code}`}>{cycle.edition.name}</a> },
          { key: 'Evidence period', value: formatDateRange(cycle.evidencePeriodStart, cycle.evidencePeriodEnd) },
          { key: 'Opens', value: formatDate(cycle.opensAt) },
          { key: 'Submission deadline', value: formatDate(cycle.submissionDeadline) },
          { key: 'Validation deadline', value: formatDate(cycle.validationDeadline) },
          {
            key: 'Minimum expected level',
            value: cycle.minimumExpectedLevel === null ? 'None' : `Level ${cycle.minimumExpectedLevel}`,
          },
        ]}
      />
      {reports.national || reports.regions.length ? (
        <section aria-labelledby="reports-heading">
          <h2 id="reports-heading" className="nhsuk-heading-m">
            Reports
          </h2>
          {reports.national ? (
            <p>
              <a href={reports.national.href} download>
                {reports.national.text}
              </a>
            </p>
          ) : null}
          {reports.publishedNational ? (
            <p>
              <a href={reports.publishedNational.href} download>
                {reports.publishedNational.text}
              </a>
            </p>
          ) : null}
          {reports.regions.length ? (
            <Table
              caption="Regional reports"
              captionSize="s"
              responsive
              head={['Region', 'Summary', 'Outcome reports']}
              rows={reports.regions.map((region) => [
                region.name,
                <a key="s" href={region.summary.href} download>
                  {region.summary.text}
                </a>,
                region.outcomeReports ? (
                  <a key="z" href={region.outcomeReports.href} download>
                    {region.outcomeReports.text}
                  </a>
                ) : (
                  'Not available'
                ),
              ])}
            />
          ) : null}
        </section>
      ) : null}
      <Table
        caption="Submissions you can see"
        captionSize="m"
        responsive
        head={['Organisation', 'Region', 'Status', 'Submitted']}
        rows={cycle.submissions.map((s) => [
          <a key="o" href={`/submissions/${s.id}`}>
            {s.organisation.name}
          </a>,
          s.region.name,
          <SubmissionStatusTag key="s" status={s.status} />,
          s.submittedAt ? `${formatDate(s.submittedAt)}${s.isLate ? ' (late)' : ''}` : 'Not yet',
        ])}
      />
    </>
  )
}
