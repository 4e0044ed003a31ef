import { ReportLinks } from '~/components/report-links'
import { submissionReportLinks } from '~/modules/reports/links'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import {
  Breadcrumbs,
  Button,
  ButtonLink,
  ErrorSummary,
  InsetText,
  SummaryList,
  Table,
  TaskList,
  type TaskListItem,
} from '~/components/nhs'
import { GradeText } from '~/components/grade'
import { SignedOffNote } from '~/components/signed-off-note'
import { SubmissionStatusTag } from '~/components/status-tag'
import { DeadlineText } from '~/components/submission-to-do'
import { taskStatus } from '~/components/task-status'
import { can, isReviewer } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { copyForward } from '~/modules/submissions/copy-forward.server'
import { deadlineState, progressFigure } from '~/modules/submissions/next-step'
import {
  hasValidationStarted,
  isNotYetSubmitted,
  isResultVisible,
  responseStatusLabel,
} from '~/modules/submissions/status'
import { overviewOf } from '~/modules/submissions/submission.server'
import {
  findPreviousSubmission,
  getSubmissionProgress,
  withdrawFromSignOff,
} from '~/modules/submissions/workflow.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { OdsCode } from '~/components/abbr'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.submission.organisation.name}, ${data.submission.cycle.name} - LKS Quality Portal`
      : 'Submission - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  // Missing and out-of-reach submissions both give 404, so a changed id reveals nothing.
  const context = await loadSubmissionContext(user, params.submissionId ?? '')
  const submission = await overviewOf(user, context)
  const serviceView = can(user, 'submission:edit', context.target)
  const progress =
    serviceView || can(user, 'submission:sign-off', context.target) ? await getSubmissionProgress(context) : null
  const previous = serviceView && context.status === 'NOT_STARTED' ? await findPreviousSubmission(context) : null
  const status = context.status
  const validationStarted = hasValidationStarted(status)
  const reviewer = isReviewer(user, context.target)
  const resultVisible = isResultVisible(status, { reviewer })
  const links = [
    ...(can(user, 'validation:assign', context.target) && ['SUBMITTED', 'IN_VALIDATION'].includes(status)
      ? [{ href: 'assign', text: 'Assign validators' }]
      : []),
    ...(validationStarted && (reviewer || can(user, 'clarification:answer', context.target))
      ? [{ href: 'clarifications', text: 'Questions from the validators' }]
      : []),
    ...(validationStarted && reviewer ? [{ href: 'agreement', text: 'Validators’ grades and the agreed result' }] : []),
    ...(resultVisible && can(user, 'result:view', context.target) ? [{ href: 'result', text: 'Result' }] : []),
    ...(status === 'PUBLISHED' && can(user, 'development-plan:view', context.target)
      ? [{ href: 'development-plan', text: 'Development plan' }]
      : []),
    ...(can(user, 'audit:view', context.target) ? [{ href: 'history', text: 'History' }] : []),
  ]
  return {
    submission,
    // The days left are counted on the server, so the page and the home page agree on "today".
    deadline: isNotYetSubmitted(status) ? deadlineState(context.cycle.submissionDeadline, new Date()) : null,
    progressText: progress && isNotYetSubmitted(status) ? progressFigure(progress.tasks).text : null,
    links,
    reports: submissionReportLinks(user, context),
    serviceView,
    progress,
    previousCycle: previous?.cycle.name ?? null,
    canWithdraw: can(user, 'submission:send-for-sign-off', context.target) && context.status === 'AWAITING_SIGN_OFF',
    canSignOff:
      can(user, 'submission:sign-off', context.target) &&
      context.status === 'AWAITING_SIGN_OFF' &&
      progress?.signOff.kind === 'AWAITING',
  }
}

const IntentSchema = z.object({ intent: z.enum(['copy-forward', 'withdraw']) })

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = IntentSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Choose an action from the page' }, { status: 400 })
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:start')
  const here = `/submissions/${context.id}`
  if (parsed.data.intent === 'copy-forward') {
    const result = await copyForward({ actor: user, context, ipAddress: loadContext.clientAddress })
    if (!result.ok) return data({ error: result.message }, { status: 409 })
    return redirectWithFlash(request, here, {
      type: 'success',
      title: `Answers copied from ${result.fromCycle}`,
      description:
        'Check and update every outcome: copied outcomes are marked until you edit them. Grades were not copied.',
    })
  }
  const result = await withdrawFromSignOff({ actor: user, context, ipAddress: loadContext.clientAddress })
  if (!result.ok) return data({ error: result.message }, { status: 409 })
  return redirectWithFlash(request, here, {
    type: 'success',
    title: 'Submission taken back from sign-off',
    description: 'You can change it and send it for sign-off again.',
  })
}

export default function SubmissionPage() {
  const {
    submission,
    deadline,
    progressText,
    links,
    reports,
    serviceView,
    progress,
    previousCycle,
    canWithdraw,
    canSignOff,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/submissions/${submission.id}`
  const tasks = progress?.tasks
  const items: TaskListItem[] = tasks
    ? [
        {
          id: 'pen-portrait',
          title: 'Pen portrait',
          href: `${base}/pen-portrait`,
          status: taskStatus(tasks.penPortrait).status,
        },
        ...submission.outcomes.map((o) => {
          const status = tasks.outcomes.find((t) => t.number === o.number)?.status ?? 'NOT_STARTED'
          const display = taskStatus(status)
          return {
            id: `outcome-${o.number}`,
            title: `Outcome ${o.number}: ${o.shortTitle}`,
            href: `${base}/outcomes/${o.number}`,
            hint: status === 'COPIED' ? 'Copied from the last cycle: check and edit' : undefined,
            status: display.status,
          }
        }),
        {
          id: 'sign-off',
          title: 'Check your answers and send for sign-off',
          href: taskStatus(tasks.signOff).linked ? `${base}/check` : undefined,
          status: taskStatus(tasks.signOff).status,
        },
        {
          id: 'submit',
          title: 'Submit',
          href: taskStatus(tasks.submit).linked ? `${base}/check` : undefined,
          status: taskStatus(tasks.submit).status,
        },
      ]
    : []
  return (
    <>
      <Breadcrumbs items={[{ href: '/', text: 'Home' }]} />
      {actionData?.error ? <ErrorSummary errors={[{ href: '#submission-actions', text: actionData.error }]} /> : null}
      <span className="nhsuk-caption-l">{submission.cycle.name}</span>
      <h1>{submission.organisation.name}</h1>
      {progressText ? (
        <p className="nhsuk-body-l" id="progress">
          {progressText}
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: 'Status', value: <SubmissionStatusTag status={submission.status} /> },
          { key: 'Reference', value: submission.reference },
          { key: <OdsCode />, value: submission.organisation.odsCode },
          { key: 'Library service', value: submission.libraryServiceName },
          { key: 'Region', value: submission.regionName },
          { key: 'Framework', value: submission.cycle.editionName },
          {
            key: 'Submission deadline',
            value: deadline ? <DeadlineText deadline={deadline} /> : formatDate(submission.cycle.submissionDeadline),
          },
          {
            key: 'Submitted',
            value: submission.submittedAt
              ? `${formatDateTime(submission.submittedAt)}${submission.isLate ? ' (after the deadline)' : ''}`
              : 'Not yet submitted',
          },
        ]}
      />

      {links.length ? (
        <nav aria-label="Validation and results">
          <ul className="nhsuk-list">
            {links.map((link) => (
              <li key={link.href}>
                <a href={`${base}/${link.href}`}>{link.text}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <ReportLinks links={reports} />

      <div id="submission-actions">
        {progress?.signOff.kind === 'RETURNED' ? (
          <InsetText>
            <p>
              <strong>Returned by the executive sponsor on {formatDateTime(progress.signOff.at)}:</strong>{' '}
              {progress.signOff.reason}
            </p>
          </InsetText>
        ) : null}
        {progress?.signOff.kind === 'SIGNED_OFF' ? <SignedOffNote signOff={progress.signOff} /> : null}
        {canSignOff ? <ButtonLink href={`${base}/sign-off`}>Review and sign off</ButtonLink> : null}
        {serviceView && previousCycle ? (
          <Form method="post">
            <p>
              You can start from your answers to the {previousCycle} cycle: narratives, key strengths, evidence links
              and the pen portrait are copied. Grades are not, and you choose each indicator’s status again, with last
              cycle’s shown beside it.
            </p>
            <Button type="submit" name="intent" value="copy-forward" variant="secondary">
              Copy answers from {previousCycle}
            </Button>
          </Form>
        ) : null}
        {canWithdraw ? (
          <Form method="post">
            <p>The submission is with the executive sponsor. To change it, take it back first.</p>
            <Button type="submit" name="intent" value="withdraw" variant="secondary">
              Take back to make changes
            </Button>
          </Form>
        ) : null}
      </div>

      {serviceView && tasks ? (
        <>
          <h2>Your submission</h2>
          <TaskList items={items} />
        </>
      ) : (
        <Table
          caption="Outcomes"
          captionSize="m"
          responsive
          head={
            submission.showResults
              ? ['Outcome', 'Progress', 'Self-assessed grade', 'Agreed grade']
              : ['Outcome', 'Progress', 'Self-assessed grade']
          }
          rows={submission.outcomes.map((o) => {
            const row = [
              `${o.number}. ${o.shortTitle}`,
              responseStatusLabel(o.responseStatus),
              <GradeText key="self" grade={o.selfGrade} />,
            ]
            return submission.showResults ? [...row, <GradeText key="agreed" grade={o.agreedGrade} />] : row
          })}
        />
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
