import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Panel } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { formatDateTime } from '~/utils/dates'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Submission complete - LKS Quality Portal' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '')
  if (!context.submittedAt) notFound()
  return {
    id: context.id,
    reference: context.reference,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    submittedAt: context.submittedAt,
    isLate: context.isLate,
  }
}

export default function Confirmation() {
  const { id, reference, organisationName, cycleName, submittedAt, isLate } = useLoaderData<typeof loader>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Panel title="Submission complete">
          Your reference is
          <br />
          <strong>{reference}</strong>
        </Panel>
        <p>
          {organisationName}&apos;s submission for {cycleName} was submitted on {formatDateTime(submittedAt)}
          {isLate ? ', after the deadline' : ''}.
        </p>
        <h2>What happens next</h2>
        <p>
          The regional team will assign two validators. They may ask you questions about some outcomes; you will be able
          to answer them here.
        </p>
        <p>
          The submission is now locked: nobody can change it unless the validators reopen an outcome for clarification.
        </p>
        <p>
          <a href={`/submissions/${id}`}>Go back to the submission</a>
        </p>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
