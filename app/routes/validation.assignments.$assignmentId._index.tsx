import { ReportLinks } from '~/components/report-links'
import { submissionReportLinks } from '~/modules/reports/links'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, ButtonLink, ErrorSummary, InsetText, SummaryList, Table, Tag } from '~/components/nhs'
import { GradeDifference } from '~/components/grade-difference'
import { SubmissionStatusTag } from '~/components/status-tag'
import { requireUser } from '~/modules/auth/session.server'
import { formatGrade } from '~/modules/framework/grading'
import { completeValidation, getWorkspaceOverview } from '~/modules/validation/workspace.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Validation of ${data?.organisationName ?? 'a submission'} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const overview = await getWorkspaceOverview(user, params.assignmentId ?? '')
  const { assignment, context } = overview
  return {
    assignment,
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    regionName: context.region.name,
    status: context.status,
    outcomes: overview.outcomes,
    both: overview.both,
    editable: overview.editable,
    reports: submissionReportLinks(user, context),
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const result = await completeValidation({
    actor: user,
    assignmentId: params.assignmentId ?? '',
    ipAddress: loadContext.clientAddress,
  })
  if (!result.ok) return data({ error: result.message, missing: result.missing }, { status: 400 })
  const titles = {
    WAITING: 'Your validation is complete. The other validator has not finished yet.',
    AGREEMENT:
      'Both validations are complete and agree within one sub-level. The primary validator records the agreed result.',
    MODERATION:
      'Both validations are complete. The regional lead moderates the outcomes whose grades differ by more than one sub-level; the primary validator records the agreed result of the others.',
  }
  return redirectWithFlash(request, `/validation/assignments/${params.assignmentId}`, {
    type: 'success',
    title: titles[result.next],
  })
}

export default function AssignmentOverview() {
  const {
    assignment,
    submissionId,
    organisationName,
    cycleName,
    regionName,
    status,
    outcomes,
    both,
    editable,
    reports,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/validation/assignments/${assignment.id}`
  const errors = actionData
    ? [
        { href: '#complete', text: actionData.error },
        ...actionData.missing.map((n) => ({
          href: `${base}/outcomes/${n}`,
          text: `Give a grade and rationale for outcome ${n}`,
        })),
      ]
    : []
  return (
    <>
      <BackLink href="/validation">Back to your validation queue</BackLink>
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">{cycleName}</span>
      <h1>Validation of {organisationName}</h1>
      <SummaryList
        rows={[
          {
            key: 'Your role',
            value:
              assignment.kind === 'PRIMARY'
                ? 'Primary validator (in region)'
                : 'Second validator (from another region)',
          },
          { key: 'Region', value: regionName },
          { key: 'Due', value: formatDate(assignment.dueDate) },
          { key: 'Submission status', value: <SubmissionStatusTag status={status} /> },
          {
            key: 'Your validation',
            value: assignment.completedAt ? `Completed ${formatDateTime(assignment.completedAt)}` : 'In progress',
          },
        ]}
      />
      <p>
        <a href={`/submissions/${submissionId}/clarifications`}>Questions to the service</a>
        {editable ? (
          <>
            {' '}
            · <a href={`/submissions/${submissionId}/clarifications/new`}>Ask the service a question</a>
          </>
        ) : null}
      </p>
      <ReportLinks links={reports} />
      <Table
        caption="Your grades"
        captionSize="m"
        responsive
        head={['Outcome', 'Your grade', 'Rationale']}
        rows={outcomes.map((o) => [
          <a key="o" href={`${base}/outcomes/${o.number}`}>
            {o.number}. {o.shortTitle}
          </a>,
          o.grade ? formatGrade(o.grade) : 'Not graded',
          o.hasRationale ? (
            'Given'
          ) : (
            <Tag key="r" colour="grey">
              Not given
            </Tag>
          ),
        ])}
      />
      {editable ? (
        <Form method="post" id="complete">
          <p>
            When you have graded every outcome, complete your validation. You will then see the other validator’s
            grades, once they have completed theirs.
          </p>
          <Button type="submit">Complete your validation</Button>
        </Form>
      ) : null}
      {both ? (
        <section aria-labelledby="difference">
          <h2 id="difference">Both validators’ grades</h2>
          <InsetText>
            <p>
              {both.agreement.kind === 'AGREED'
                ? 'The grades agree within one sub-level on every outcome: the primary validator records the agreed result.'
                : `The grades differ by more than one sub-level on ${both.agreement.differing.length === 1 ? 'outcome' : 'outcomes'} ${both.agreement.differing.map((d) => d.outcomeNumber).join(', ')}: the regional lead moderates ${both.agreement.differing.length === 1 ? 'it' : 'them'}. The primary validator records the agreed result of the other outcomes.`}
            </p>
          </InsetText>
          <GradeDifference both={both} />
          <ButtonLink href={`/submissions/${submissionId}/agreement`} variant="secondary">
            Go to the agreed result
          </ButtonLink>
        </section>
      ) : null}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('validation')
