import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Table } from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import { requireUser } from '~/modules/auth/session.server'
import { getRegionForUser } from '~/modules/organisations/organisation.server'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { notFound } from '~/utils/http.server'
import { listReportableCycles } from '~/modules/cycles/cycle.server'
import { regionsWithAgreedResults } from '~/modules/reports/download.server'
import { cycleReportLinks } from '~/modules/reports/links'
import { OdsCode } from '~/components/abbr'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.region.name ?? 'Region'} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const region = await getRegionForUser(user, params.regionId ?? '')
  if (!region) notFound()
  const cycles = await listReportableCycles()
  const withResults = await regionsWithAgreedResults(cycles.map((cycle) => cycle.id))
  const reports = cycles.flatMap((cycle) =>
    cycleReportLinks(user, cycle.id, [region], withResults.get(cycle.id)!).regions.map((links) => ({
      cycleName: cycle.name,
      ...links,
    })),
  )
  return { region, reports }
}

export default function RegionPage() {
  const { region, reports } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <span className="nhsuk-caption-l">Region {region.code}</span>
      <h1>{region.name}</h1>
      <Table
        caption="Organisations and their submissions in open cycles"
        captionSize="m"
        responsive
        head={['Organisation', <OdsCode key="ods" />, 'Type', 'Library service', 'Open cycle submission']}
        rows={region.organisations.map((o) => [
          <a key="o" href={`/organisations/${o.id}`}>
            {o.name}
          </a>,
          o.odsCode,
          ORGANISATION_TYPE_LABELS[o.type] ?? o.type,
          o.services.map((s) => s.libraryService.name).join(', ') || 'None recorded',
          o.submissions.length ? (
            <ul key="s" className="nhsuk-list">
              {o.submissions.map((s) => (
                <li key={s.id}>
                  <a href={`/submissions/${s.id}`}>{s.cycle.name}</a> <SubmissionStatusTag status={s.status} />
                </li>
              ))}
            </ul>
          ) : (
            'None'
          ),
        ])}
      />
      {reports.length ? (
        <Table
          caption="Reports"
          captionSize="m"
          responsive
          head={['Cycle', 'Summary', 'Outcome reports']}
          rows={reports.map((r) => [
            r.cycleName,
            <a key="s" href={r.summary.href} download>
              {r.summary.text}
            </a>,
            r.outcomeReports ? (
              <a key="z" href={r.outcomeReports.href} download>
                {r.outcomeReports.text}
              </a>
            ) : (
              'Not available'
            ),
          ])}
        />
      ) : null}
    </>
  )
}
