import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { CycleStatusTag } from '~/components/cycle-status-tag'
import { Breadcrumbs, ButtonLink, InsetText, SummaryList } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getCycleForAdmin } from '~/modules/cycles/admin.server'
import { CYCLE_TYPE_LABELS } from '~/modules/cycles/labels'
import { participantsCanChange } from '~/modules/cycles/rules'
import { formatDate, formatDateRange } from '~/utils/dates'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cycle.name ?? 'Cycle'} - Administration - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  return { cycle: await getCycleForAdmin(user, params.cycleId ?? '') }
}

export default function AdminCyclePage() {
  const { cycle } = useLoaderData<typeof loader>()
  const noun = cycle.type === 'SERVICE_IMPROVEMENT_REVIEW' ? 'Service Improvement Plan' : 'submission'
  const base = `/admin/cycles/${cycle.id}`
  const taking = cycle.allOrganisations
    ? 'All active organisations'
    : `${cycle.participantCount} chosen organisation${cycle.participantCount === 1 ? '' : 's'}`
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
          { href: '/admin/cycles', text: 'Cycles' },
        ]}
      />
      <span className="nhsuk-caption-l">Cycle</span>
      <h1>{cycle.name}</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: <CycleStatusTag status={cycle.status} /> },
          { key: 'Type', value: CYCLE_TYPE_LABELS[cycle.type] ?? cycle.type },
          { key: 'Framework edition', value: cycle.edition.name },
          { key: 'Evidence period', value: formatDateRange(cycle.evidencePeriodStart, cycle.evidencePeriodEnd) },
          { key: 'Opens on', value: formatDate(cycle.opensAt) },
          { key: 'Submission deadline', value: formatDate(cycle.submissionDeadline) },
          { key: 'Validation deadline', value: formatDate(cycle.validationDeadline) },
          {
            key: 'Minimum expected level',
            value: cycle.minimumExpectedLevel === null ? 'None' : `Level ${cycle.minimumExpectedLevel}`,
          },
          {
            key: 'Organisations taking part',
            value:
              cycle.status === 'DRAFT'
                ? taking
                : `${taking} (${cycle.submissionCount} ${noun}${cycle.submissionCount === 1 ? '' : 's'})`,
          },
        ]}
      />
      <div className="nhsuk-button-group">
        <ButtonLink href={`${base}/edit`} variant="secondary">
          Edit details
        </ButtonLink>
        {participantsCanChange(cycle.status) ? (
          <ButtonLink href={`${base}/participants`} variant="secondary">
            Choose organisations
          </ButtonLink>
        ) : null}
      </div>
      {cycle.status === 'DRAFT' ? (
        <section aria-labelledby="open-heading">
          <h2 id="open-heading" className="nhsuk-heading-m">
            Open the cycle
          </h2>
          <p>
            Opening the cycle creates a {noun} for each organisation taking part, and its library service can start
            work. You can check who will take part before you confirm.
          </p>
          <ButtonLink href={`${base}/open`}>Open cycle</ButtonLink>
        </section>
      ) : null}
      {cycle.status === 'OPEN' ? (
        <section aria-labelledby="close-heading">
          <h2 id="close-heading" className="nhsuk-heading-m">
            Close the cycle
          </h2>
          <p>
            {cycle.notSubmitted === 0
              ? `Every ${noun} in this cycle has been submitted.`
              : `${cycle.notSubmitted} ${noun}${cycle.notSubmitted === 1 ? ' has' : 's have'} not been submitted.`}{' '}
            Once closed, the cycle cannot be opened again and no organisations can be added.
          </p>
          <ButtonLink href={`${base}/close`} variant="warning">
            Close cycle
          </ButtonLink>
        </section>
      ) : null}
      {cycle.status !== 'DRAFT' ? (
        <InsetText>
          <p>
            Services and reviewers see this cycle at <a href={`/cycles/${cycle.id}`}>its cycle page</a>.
          </p>
        </InsetText>
      ) : null}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
