import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, SummaryList, Table } from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import { requireUser } from '~/modules/auth/session.server'
import { getOrganisationForUser } from '~/modules/organisations/organisation.server'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { formatDate } from '~/utils/dates'
import { notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? 'Organisation'} - LKS Quality Portal` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const organisation = await getOrganisationForUser(user, params.organisationId ?? '')
  if (!organisation) notFound()
  return { organisation }
}

export default function OrganisationPage() {
  const { organisation } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <h1>{organisation.name}</h1>
      <SummaryList
        rows={[
          { key: 'ODS code', value: organisation.odsCode },
          { key: 'Type', value: ORGANISATION_TYPE_LABELS[organisation.type] ?? organisation.type },
          { key: 'Region', value: organisation.region.name },
          { key: 'Library service', value: organisation.services.map((s) => s.libraryService.name).join(', ') || 'None recorded' },
          { key: 'Active', value: `From ${formatDate(organisation.activeFrom)}${organisation.activeTo ? ` to ${formatDate(organisation.activeTo)}` : ''}` },
        ]}
      />
      <Table
        caption="Submissions"
        captionSize="m"
        responsive
        head={['Cycle', 'Reference', 'Status', 'Submitted']}
        rows={organisation.submissions.map((s) => [
          <a key="c" href={`/submissions/${s.id}`}>{s.cycle.name}</a>,
          s.reference,
          <SubmissionStatusTag key="s" status={s.status} />,
          s.submittedAt ? formatDate(s.submittedAt) : 'Not yet',
        ])}
      />
    </>
  )
}
