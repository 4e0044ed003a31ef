import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, SummaryList, Table } from '~/components/nhs'
import { GradeText } from '~/components/grade'
import { SubmissionStatusTag } from '~/components/status-tag'
import { requireUser } from '~/modules/auth/session.server'
import { getSubmissionOverview } from '~/modules/submissions/submission.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { notFound } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.submission.organisation.name}, ${data.submission.cycle.name} - LKS Quality Portal` : 'Submission - LKS Quality Portal' },
]

const RESPONSE_LABELS: Record<string, string> = { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', COMPLETED: 'Completed' }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  // Missing and out-of-reach submissions both give 404, so a changed id reveals nothing.
  const submission = await getSubmissionOverview(user, params.submissionId ?? '')
  if (!submission) notFound()
  return { submission }
}

export default function SubmissionPage() {
  const { submission } = useLoaderData<typeof loader>()
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      <span className="nhsuk-caption-l">{submission.cycle.name}</span>
      <h1>{submission.organisation.name}</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: <SubmissionStatusTag status={submission.status} /> },
          { key: 'Reference', value: submission.reference },
          { key: 'ODS code', value: submission.organisation.odsCode },
          { key: 'Library service', value: submission.libraryServiceName },
          { key: 'Region', value: submission.regionName },
          { key: 'Framework', value: submission.cycle.editionName },
          { key: 'Submission deadline', value: formatDate(submission.cycle.submissionDeadline) },
          {
            key: 'Submitted',
            value: submission.submittedAt ? `${formatDateTime(submission.submittedAt)}${submission.isLate ? ' (after the deadline)' : ''}` : 'Not yet submitted',
          },
        ]}
      />
      <Table
        caption="Outcomes"
        captionSize="m"
        responsive
        head={submission.showResults ? ['Outcome', 'Progress', 'Self-assessed grade', 'Validated grade'] : ['Outcome', 'Progress', 'Self-assessed grade']}
        rows={submission.outcomes.map((o) => {
          const row = [`${o.number}. ${o.shortTitle}`, RESPONSE_LABELS[o.responseStatus] ?? o.responseStatus, <GradeText key="self" grade={o.selfGrade} />]
          return submission.showResults ? [...row, <GradeText key="agreed" grade={o.agreedGrade} />] : row
        })}
      />
    </>
  )
}
