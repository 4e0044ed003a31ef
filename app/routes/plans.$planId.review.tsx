import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import {
  BackLink,
  Button,
  Checkboxes,
  DateInput,
  datePartId,
  ErrorSummary,
  Radios,
  Select,
  SummaryList,
  Table,
  Textarea,
} from '~/components/nhs'
import { ActionStatusTag, PlanStatusTag } from '~/components/plan-status-tag'
import { can } from '~/modules/auth/permissions'
import { requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { getPlanSummary, loadPlanContext } from '~/modules/improvement/plan.server'
import {
  AssignReviewerSchema,
  ConfirmReviewSchema,
  InterimRequestSchema,
  NOTES_MAX,
  ReviewSchema,
  TEXT_MAX,
} from '~/modules/improvement/schema'
import { isReviewOutcome, REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES } from '~/modules/improvement/status'
import {
  assignReviewer,
  confirmReview,
  currentReview,
  listReviewerCandidates,
  requestInterimUpdate,
  saveReview,
} from '~/modules/improvement/workflow.server'
import { partsFromDate } from '~/utils/date-input'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review - ${data?.plan.organisation.name ?? 'Service Improvement Plan'} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '')
  const may = {
    assign: can(user, 'sip:assign-reviewer', context.target),
    review: can(user, 'sip:review', context.target) && context.reviewerId === user.id,
    confirm: can(user, 'sip:confirm-review', context.target),
    interim: can(user, 'sip:request-interim', context.target),
  }
  // Only the people who run the review see this page: the service reads confirmed reviews on the plan.
  if (!may.assign && !may.review && !may.confirm)
    throw new Response('You do not have permission to do this', { status: 403 })
  const [summary, review, candidates] = await Promise.all([
    getPlanSummary(context),
    currentReview(context.id),
    may.assign && ['SUBMITTED', 'IN_REVIEW'].includes(context.status) ? listReviewerCandidates(context) : [],
  ])
  const { target: _target, ...plan } = context
  return { plan, summary, review, candidates, may }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '')
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const input = { actor: user, context, ipAddress: loadContext.clientAddress }
  const here = `/plans/${context.id}/review`
  if (intent === 'assign') {
    const submission = parseWithZod(formData, { schema: AssignReviewerSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    const result = await assignReviewer({ ...input, reviewerId: submission.value.reviewerId })
    if (!result.ok)
      return data(
        {
          intent,
          result: submission.reply(
            'fieldErrors' in result ? { fieldErrors: result.fieldErrors } : { formErrors: [result.message] },
          ),
        },
        { status: 400 },
      )
    return redirectWithFlash(request, here, { type: 'success', title: 'Reviewer assigned' })
  }
  if (intent === 'save' || intent === 'record') {
    const submission = parseWithZod(formData, { schema: ReviewSchema })
    if (submission.status !== 'success') return data({ intent: 'review', result: submission.reply() }, { status: 400 })
    const result = await saveReview({ ...input, form: submission.value })
    if (!result.ok)
      return data({ intent: 'review', result: submission.reply({ formErrors: [result.message] }) }, { status: 409 })
    return redirectWithFlash(request, intent === 'record' ? `/plans/${context.id}` : here, {
      type: 'success',
      title: intent === 'record' ? 'Review recorded' : 'Draft review saved',
      description: intent === 'record' ? 'The regional lead will confirm it before the service sees it.' : undefined,
    })
  }
  if (intent === 'confirm' || intent === 'send-back') {
    // Confirming publishes the review to the service: a sensitive action, as publishing a result is.
    if (intent === 'confirm') requireRecentAuthentication(user, request)
    const parsed = ConfirmReviewSchema.parse({ intent })
    const result = await confirmReview({ ...input, intent: parsed.intent })
    if (!result.ok) return data({ intent, error: result.message }, { status: 409 })
    return redirectWithFlash(request, `/plans/${context.id}`, {
      type: 'success',
      title: intent === 'confirm' ? 'Review confirmed' : 'Review sent back to the reviewer',
    })
  }
  if (intent === 'interim') {
    const submission = parseWithZod(formData, { schema: InterimRequestSchema })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    const result = await requestInterimUpdate({ ...input, note: submission.value.note })
    if (!result.ok) return data({ intent, result: submission.reply({ formErrors: [result.message] }) }, { status: 409 })
    return redirectWithFlash(request, here, { type: 'success', title: 'Interim update asked for' })
  }
  return data({ intent, error: 'Choose an action from the page' }, { status: 400 })
}

export default function PlanReviewPage() {
  const { plan, summary, review, candidates, may } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const resultFor = (intent: string) =>
    actionData?.intent === intent && 'result' in actionData ? actionData.result : undefined
  const [assignForm, assignFields] = useForm({
    id: 'assign',
    lastResult: resultFor('assign'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AssignReviewerSchema }),
    shouldValidate: 'onSubmit',
  })
  const commentOf = (outcomeId: string) => review?.comments.find((c) => c.outcomeId === outcomeId)
  const [reviewForm, reviewFields] = useForm({
    id: 'review',
    lastResult: resultFor('review'),
    defaultValue: {
      meetingDate: review?.meetingDate ? partsFromDate(review.meetingDate) : undefined,
      attendees: review?.attendees ?? '',
      meetingNotes: review?.meetingNotes ?? '',
      outcome: review?.outcome ?? '',
      summary: review?.summary ?? '',
      comments: summary.outcomes.map((o) => ({
        outcomeId: o.outcomeId,
        comment: commentOf(o.outcomeId)?.comment ?? '',
        resubmit: commentOf(o.outcomeId)?.resubmit ? 'on' : '',
      })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSchema }),
    shouldValidate: 'onSubmit',
  })
  const [interimForm, interimFields] = useForm({
    id: 'interim',
    lastResult: resultFor('interim'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InterimRequestSchema }),
    shouldValidate: 'onSubmit',
  })
  const commentFields = reviewFields.comments.getFieldList()
  const errors = [
    ...errorSummaryItems(assignForm.allErrors, ['reviewerId']),
    ...errorSummaryItems(reviewForm.allErrors, ['outcome', 'meetingDate', 'attendees', 'meetingNotes', 'summary']).map(
      (e) => (e.href === '#meetingDate' ? { ...e, href: `#${datePartId('meetingDate', 'day')}` } : e),
    ),
    ...summary.outcomes.flatMap((o, index) => {
      const message = commentFields[index]?.getFieldset().comment.errors?.[0]
      return message ? [{ href: `#comment-${o.number}`, text: `Outcome ${o.number}: ${message}` }] : []
    }),
    ...errorSummaryItems(interimForm.allErrors, ['note']),
    ...(actionData && 'error' in actionData && actionData.error ? [{ href: '#confirm', text: actionData.error }] : []),
  ]
  const writing = may.review && plan.status === 'IN_REVIEW'
  return (
    <>
      <BackLink href={`/plans/${plan.id}`}>Back to the plan</BackLink>
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">
        {plan.organisation.name}, {plan.cycle.name}
      </span>
      <h1>Review of the Service Improvement Plan</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: <PlanStatusTag status={plan.status} /> },
          { key: 'Reviewer', value: plan.reviewer?.name ?? 'Not yet assigned' },
          ...(plan.nextReviewDate ? [{ key: 'Next review due', value: formatDate(plan.nextReviewDate) }] : []),
        ]}
      />

      {may.assign && candidates.length >= 0 && ['SUBMITTED', 'IN_REVIEW'].includes(plan.status) ? (
        <Form method="post" {...getFormProps(assignForm)}>
          <input type="hidden" name="intent" value="assign" />
          <Select
            name="reviewerId"
            id="reviewerId"
            label={plan.reviewer ? 'Change the reviewer' : 'Assign a reviewer'}
            hint={`A validator from ${plan.region.name} who does not belong to the organisation or its library service.`}
            options={[
              { value: '', text: 'Choose a reviewer' },
              ...candidates.map((c) => ({ value: c.id, text: c.name })),
            ]}
            defaultValue={plan.reviewer?.id ?? ''}
            error={assignFields.reviewerId.errors?.[0]}
          />
          <Button type="submit" variant="secondary">
            Assign reviewer
          </Button>
        </Form>
      ) : null}

      <Table
        caption="Targets"
        captionSize="m"
        responsive
        head={['Outcome', 'Current agreed grade', 'Target', 'Reason']}
        rows={summary.outcomes.map((o) => [
          `${o.number}. ${o.shortTitle}`,
          o.currentText ?? 'None yet',
          o.targetText ?? 'Not set',
          o.targetReason || '',
        ])}
      />
      <Table
        caption="Actions"
        captionSize="m"
        responsive
        head={['Outcome', 'Objective', 'Action', 'Owner', 'Due', 'Status']}
        rows={summary.actions.map((a) => [
          String(a.outcomeNumber),
          a.objective.text,
          a.what,
          a.owner,
          formatDate(a.dueDate),
          <ActionStatusTag key="s" status={a.status} overdue={a.overdue} />,
        ])}
      />

      {writing ? (
        <Form method="post" {...getFormProps(reviewForm)}>
          <input type="hidden" name="version" value={review?.version ?? 0} />
          <h2>Your comments on each outcome</h2>
          <p>The service does not see your comments until the regional lead confirms the review.</p>
          {summary.outcomes.map((o, index) => {
            const field = commentFields[index]?.getFieldset()
            return (
              <div key={o.outcomeId}>
                <input type="hidden" name={`comments[${index}].outcomeId`} value={o.outcomeId} />
                <Textarea
                  name={`comments[${index}].comment`}
                  id={`comment-${o.number}`}
                  label={`Outcome ${o.number}: ${o.shortTitle}`}
                  rows={3}
                  characterCount={{ maxLength: TEXT_MAX }}
                  defaultValue={String(field?.comment.initialValue ?? '')}
                  error={field?.comment.errors?.[0]}
                />
                <Checkboxes
                  name={`comments[${index}].resubmit`}
                  id={`resubmit-${o.number}`}
                  legend={`Outcome ${o.number} for resubmission`}
                  legendSize="s"
                  small
                  defaultValues={field?.resubmit.initialValue === 'on' ? ['on'] : []}
                  items={[{ value: 'on', text: `The service must revise outcome ${o.number}` }]}
                />
              </div>
            )
          })}
          <h2>The review meeting</h2>
          <DateInput
            name="meetingDate"
            id="meetingDate"
            legend="Date of the meeting"
            legendSize="s"
            defaultValue={
              reviewFields.meetingDate.initialValue as { day: string; month: string; year: string } | undefined
            }
            error={reviewFields.meetingDate.errors?.[0]}
          />
          <Textarea
            name="attendees"
            id="attendees"
            label="Attendees"
            rows={2}
            defaultValue={String(reviewFields.attendees.initialValue ?? '')}
            error={reviewFields.attendees.errors?.[0]}
          />
          <Textarea
            name="meetingNotes"
            id="meetingNotes"
            label="Notes of the meeting"
            rows={5}
            characterCount={{ maxLength: NOTES_MAX }}
            defaultValue={String(reviewFields.meetingNotes.initialValue ?? '')}
            error={reviewFields.meetingNotes.errors?.[0]}
          />
          <Radios
            name="outcome"
            id="outcome"
            legend="Outcome of the review"
            legendSize="m"
            defaultValue={String(reviewFields.outcome.initialValue ?? '') || undefined}
            error={reviewFields.outcome.errors?.[0]}
            items={REVIEW_OUTCOMES.map((o) => ({ value: o, text: REVIEW_OUTCOME_LABELS[o] }))}
          />
          <Textarea
            name="summary"
            id="summary"
            label="Recommendations, or the points to address"
            rows={5}
            characterCount={{ maxLength: NOTES_MAX }}
            defaultValue={String(reviewFields.summary.initialValue ?? '')}
            error={reviewFields.summary.errors?.[0]}
          />
          <div className="nhsuk-button-group">
            <Button type="submit" name="intent" value="record">
              Record the review
            </Button>
            <Button type="submit" name="intent" value="save" variant="secondary">
              Save as draft
            </Button>
          </div>
        </Form>
      ) : null}

      {review?.recordedAt && may.confirm && plan.status === 'REVIEW_RECORDED' ? (
        <section id="confirm" aria-labelledby="confirm-heading">
          <h2 id="confirm-heading">Confirm the review</h2>
          <SummaryList
            rows={[
              { key: 'Outcome', value: isReviewOutcome(review.outcome) ? REVIEW_OUTCOME_LABELS[review.outcome] : '' },
              { key: 'Meeting', value: review.meetingDate ? formatDate(review.meetingDate) : '' },
              { key: 'Attendees', value: review.attendees },
              { key: 'Recommendations', value: <div className="app-preserve-lines">{review.summary || 'None'}</div> },
              {
                key: 'To revise',
                value:
                  summary.outcomes
                    .filter((o) => review.comments.some((c) => c.outcomeId === o.outcomeId && c.resubmit))
                    .map((o) => `Outcome ${o.number}`)
                    .join(', ') || 'None',
              },
            ]}
          />
          <Table
            caption="The reviewer’s comments"
            captionSize="s"
            head={['Outcome', 'Comment']}
            rows={summary.outcomes.map((o) => [`Outcome ${o.number}`, commentOf(o.outcomeId)?.comment || 'None'])}
          />
          <p>Once you confirm, the service and the executive sponsor can read the review.</p>
          <div className="nhsuk-button-group">
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <Button type="submit">
                {review.outcome === 'RESUBMISSION_REQUESTED'
                  ? 'Confirm and ask for resubmission'
                  : 'Confirm and publish the review'}
              </Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="send-back" />
              <Button type="submit" variant="secondary">
                Send back to the reviewer
              </Button>
            </Form>
          </div>
        </section>
      ) : null}

      {may.interim && plan.status === 'PUBLISHED' ? (
        <Form method="post" {...getFormProps(interimForm)}>
          <input type="hidden" name="intent" value="interim" />
          <Textarea
            name="note"
            id="note"
            label="Ask for an interim update"
            hint="The service is emailed and asked to update its actions."
            rows={3}
            error={interimFields.note.errors?.[0]}
          />
          <Button type="submit" variant="secondary">
            Ask for an interim update
          </Button>
        </Form>
      ) : null}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('improvement')
