import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  InsetText,
  SummaryList,
  Table,
  TaskList,
  type TaskListItem,
} from '~/components/nhs'
import { PlanStatusTag } from '~/components/plan-status-tag'
import { can } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getPlanOverview, listVisibleReviews, loadPlanContext } from '~/modules/improvement/plan.server'
import { PlanMoveSchema } from '~/modules/improvement/schema'
import { isReviewOutcome, REVIEW_OUTCOME_LABELS } from '~/modules/improvement/status'
import {
  resubmitPlan,
  sendPlanForSignOff,
  submitPlan,
  withdrawPlanFromSignOff,
} from '~/modules/improvement/workflow.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Service Improvement Plan - ${data.plan.organisation.name}, ${data.plan.cycle.name} - LKS Quality Portal`
      : 'Service Improvement Plan - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '')
  const overview = await getPlanOverview(context)
  const seesDrafts = can(user, 'sip:confirm-review', context.target) || can(user, 'sip:review', context.target)
  const reviews = await listVisibleReviews(context, seesDrafts)
  const { target: _target, ...plan } = context
  return {
    plan,
    overview,
    reviews,
    may: {
      edit: can(user, 'sip:edit', context.target),
      send: can(user, 'sip:send-for-sign-off', context.target),
      submit: can(user, 'sip:submit', context.target),
      signOff: can(user, 'sip:sign-off', context.target),
      review:
        can(user, 'sip:assign-reviewer', context.target) ||
        can(user, 'sip:review', context.target) ||
        can(user, 'sip:confirm-review', context.target),
    },
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = PlanMoveSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Choose an action from the page' }, { status: 400 })
  const context = await loadPlanContext(user, params.planId ?? '')
  // The page's version: a stale page cannot move the plan.
  if (parsed.data.version !== context.version)
    return data(
      { error: 'This plan has moved on since the page was loaded. Reload it to see where it is now.' },
      { status: 409 },
    )
  const input = { actor: user, context, ipAddress: loadContext.clientAddress }
  const here = `/plans/${context.id}`
  const { intent } = parsed.data
  const result =
    intent === 'send-for-sign-off'
      ? await sendPlanForSignOff(input)
      : intent === 'withdraw'
        ? await withdrawPlanFromSignOff(input)
        : intent === 'submit'
          ? await submitPlan(input)
          : intent === 'resubmit'
            ? await resubmitPlan(input)
            : { ok: false as const, message: 'Choose an action from the page' }
  if (!result.ok) return data({ error: result.message }, { status: 409 })
  const titles = {
    'send-for-sign-off': 'Plan sent to the executive sponsor for sign-off',
    withdraw: 'Plan taken back from sign-off',
    submit: 'Service Improvement Plan submitted',
    resubmit: 'Service Improvement Plan resubmitted to the reviewer',
  } as Record<string, string>
  return redirectWithFlash(request, here, { type: 'success', title: titles[intent] ?? 'Saved' })
}

function MoveButton({
  intent,
  version,
  text,
  variant,
}: {
  intent: string
  version: number
  text: string
  variant?: 'secondary'
}) {
  return (
    <Form method="post" className="nhsuk-u-margin-bottom-4">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant={variant}>
        {text}
      </Button>
    </Form>
  )
}

const OUTCOME_LABELS = { NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', COMPLETED: 'Completed' } as const

export default function PlanPage() {
  const { plan, overview, reviews, may } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/plans/${plan.id}`
  const drafting = plan.status === 'NOT_STARTED' || plan.status === 'IN_PROGRESS'
  const items: TaskListItem[] = [
    {
      id: 'context',
      title: 'Context: what has changed since the last validation',
      href: `${base}/context`,
      status: overview.contextCompleted ? { text: 'Completed' } : { text: 'Incomplete', tag: { colour: 'blue' } },
    },
    ...overview.outcomes.map((o) => ({
      id: `outcome-${o.number}`,
      title: `Outcome ${o.number}: ${o.shortTitle}`,
      href: `${base}/outcomes/${o.number}`,
      hint: o.reopened
        ? 'Reopened by the reviewer: revise this outcome'
        : `Current agreed grade: ${o.currentText ?? 'none yet'}. Target: ${o.targetText ?? 'not set'}.`,
      status:
        o.status === 'COMPLETED' && !o.reopened
          ? { text: OUTCOME_LABELS.COMPLETED }
          : {
              text: o.reopened ? 'Reopened' : OUTCOME_LABELS[o.status],
              tag: { colour: o.reopened ? 'orange' : 'blue' } as const,
            },
    })),
  ]
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/improvement', text: 'Service improvement' },
        ]}
      />
      {actionData?.error ? <ErrorSummary errors={[{ href: '#plan-actions', text: actionData.error }]} /> : null}
      <span className="nhsuk-caption-l">{plan.cycle.name}: Service Improvement Plan</span>
      <h1>{plan.organisation.name}</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: <PlanStatusTag status={plan.status} /> },
          { key: 'Reference', value: plan.reference },
          { key: 'Library service', value: plan.libraryService.name },
          { key: 'Region', value: plan.region.name },
          { key: 'Framework', value: plan.cycle.edition.name },
          { key: 'Plan period', value: `${formatDate(plan.planPeriodStart)} to ${formatDate(plan.planPeriodEnd)}` },
          { key: 'Submission deadline', value: formatDate(plan.cycle.submissionDeadline) },
          {
            key: 'Submitted',
            value: plan.submittedAt
              ? `${formatDateTime(plan.submittedAt)}${plan.isLate ? ' (after the deadline)' : ''}`
              : 'Not yet submitted',
          },
          { key: 'Reviewer', value: plan.reviewer?.name ?? 'Not yet assigned' },
          ...(plan.nextReviewDate ? [{ key: 'Next review due', value: formatDate(plan.nextReviewDate) }] : []),
          {
            key: 'Actions',
            value: `${overview.actions.complete} of ${overview.actions.total} complete${overview.actions.overdue ? `, ${overview.actions.overdue} overdue` : ''}`,
          },
        ]}
      />
      <ul className="nhsuk-list">
        <li>
          <a href={`${base}/plan.pdf`}>Download the Service Improvement Plan (PDF)</a>
        </li>
        {may.review ? (
          <li>
            <a href={`${base}/review`}>Review of the plan</a>
          </li>
        ) : null}
        {may.signOff && plan.status === 'AWAITING_SIGN_OFF' ? (
          <li>
            <a href={`${base}/sign-off`}>Review and sign off the plan</a>
          </li>
        ) : null}
      </ul>

      {plan.interimRequestedAt ? (
        <InsetText>
          <p>
            <strong>Interim update asked for on {formatDate(plan.interimRequestedAt)}:</strong>{' '}
            {plan.interimRequestNote}
          </p>
          <p>
            {plan.interimUpdatedAt
              ? `Progress last updated on ${formatDateTime(plan.interimUpdatedAt)}.`
              : 'Update the status and progress notes of your actions on each outcome.'}
          </p>
        </InsetText>
      ) : null}

      {overview.signOff.kind === 'RETURNED' ? (
        <InsetText>
          <p>
            <strong>Returned by the executive sponsor on {formatDateTime(overview.signOff.at)}:</strong>{' '}
            {overview.signOff.reason}
          </p>
        </InsetText>
      ) : null}

      <h2>The plan</h2>
      <TaskList items={items} />

      <div id="plan-actions">
        {may.send && drafting ? (
          overview.problems.length ? (
            <>
              <h2 className="nhsuk-heading-m">Before you send the plan for sign-off</h2>
              <ul className="nhsuk-list nhsuk-list--bullet">
                {overview.problems.map((p) => (
                  <li key={p.text}>
                    <a href={`${base}/${p.href}`}>{p.text}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <MoveButton intent="send-for-sign-off" version={plan.version} text="Send for sign-off" />
          )
        ) : null}
        {plan.status === 'AWAITING_SIGN_OFF' ? (
          overview.signOff.kind === 'SIGNED_OFF' ? (
            <>
              <p>
                Signed off by {overview.signOff.signerName}, {overview.signOff.signerRole}, on{' '}
                {formatDateTime(overview.signOff.at)}.
              </p>
              {may.submit ? <MoveButton intent="submit" version={plan.version} text="Submit the plan" /> : null}
            </>
          ) : (
            <>
              <p>Waiting for the executive sponsor to sign off the plan.</p>
              {may.send ? (
                <MoveButton
                  intent="withdraw"
                  version={plan.version}
                  text="Take back to change it"
                  variant="secondary"
                />
              ) : null}
            </>
          )
        ) : null}
        {plan.status === 'RESUBMISSION_REQUESTED' && may.submit ? (
          <MoveButton intent="resubmit" version={plan.version} text="Resubmit the plan" />
        ) : null}
      </div>

      {reviews.length ? <h2>Reviews</h2> : null}
      {reviews.map((review) => (
        <section key={review.id} aria-labelledby={`review-${review.round}`}>
          <h3 id={`review-${review.round}`}>
            Review {review.round}
            {review.confirmedAt ? '' : ' (draft, not yet shown to the service)'}
          </h3>
          <SummaryList
            rows={[
              {
                key: 'Outcome',
                value: isReviewOutcome(review.outcome) ? REVIEW_OUTCOME_LABELS[review.outcome] : 'Not yet recorded',
              },
              { key: 'Reviewer', value: review.reviewer.name },
              { key: 'Meeting', value: review.meetingDate ? formatDate(review.meetingDate) : 'Not yet held' },
              { key: 'Attendees', value: review.attendees || 'None recorded' },
              {
                key: 'Meeting notes',
                value: <div className="app-preserve-lines">{review.meetingNotes || 'None'}</div>,
              },
              ...(review.summary
                ? [{ key: 'Recommendations', value: <div className="app-preserve-lines">{review.summary}</div> }]
                : []),
            ]}
          />
          {review.comments.some((c) => c.comment) ? (
            <Table
              caption={`Comments on each outcome, review ${review.round}`}
              captionSize="s"
              head={['Outcome', 'Comment', 'To revise']}
              rows={review.comments
                .filter((c) => c.comment)
                .map((c) => [`Outcome ${c.outcome.number}`, c.comment, c.resubmit ? 'Yes' : 'No'])}
            />
          ) : null}
        </section>
      ))}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('improvement')
