import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { BackLink, Button, ErrorSummary, InsetText, Table, Textarea } from '~/components/nhs'
import { GradeDifference } from '~/components/grade-difference'
import { GradeText } from '~/components/grade'
import { SubmissionStatusTag } from '~/components/status-tag'
import { requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { can } from '~/modules/auth/permissions'
import { getAssignments } from '~/modules/validation/assignment.server'
import {
  finaliseAgreement,
  getAgreement,
  loadForAgreement,
  publishResult,
  reopenResult,
  reopenValidation,
} from '~/modules/validation/agreement.server'
import { DECIDED_BY_LABELS } from '~/modules/validation/labels'
import { ReasonSchema } from '~/modules/validation/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Agreed result - ${data?.organisationName ?? ''} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadForAgreement(user, params.submissionId ?? '')
  const canReopenValidation =
    can(user, 'validation:moderate', context.target) && ['IN_VALIDATION', 'IN_MODERATION'].includes(context.status)
  const [agreement, assignments] = await Promise.all([
    getAgreement(user, context),
    canReopenValidation ? getAssignments(context.id) : [],
  ])
  return {
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    status: context.status,
    agreement,
    completedValidations: assignments
      .filter((a) => a.completedAt)
      .map((a) => ({ id: a.id, name: a.validator.name, kind: a.kind })),
  }
}

const IntentSchema = z.object({ intent: z.enum(['finalise', 'publish', 'reopen', 'reopen-validation']) })

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadForAgreement(user, params.submissionId ?? '')
  const formData = await request.formData()
  const parsed = IntentSchema.safeParse({ intent: formData.get('intent') })
  if (!parsed.success) return data({ error: 'Choose an action from the page', reason: '' }, { status: 400 })
  // Publishing shows a result to the service: a sensitive action, after the password typed recently.
  if (parsed.data.intent === 'publish') requireRecentAuthentication(user, request)
  const input = { actor: user, context, ipAddress: loadContext.clientAddress }
  const here = `/submissions/${context.id}/agreement`
  if (parsed.data.intent === 'reopen-validation') {
    const reason = parseWithZod(formData, { schema: ReasonSchema })
    if (reason.status !== 'success')
      return data(
        { error: 'Enter the reason for reopening the validation', reason: String(formData.get('reason') ?? '') },
        { status: 400 },
      )
    const result = await reopenValidation({
      ...input,
      assignmentId: String(formData.get('assignmentId') ?? ''),
      reason: reason.value.reason,
    })
    if (!result.ok) return data({ error: result.message, reason: reason.value.reason }, { status: 409 })
    return redirectWithFlash(request, here, {
      type: 'success',
      title: 'Validation reopened',
      description: 'The validator can change their grades and complete again.',
    })
  }
  if (parsed.data.intent === 'reopen') {
    const reason = parseWithZod(formData, { schema: ReasonSchema })
    if (reason.status !== 'success')
      return data(
        { error: 'Enter the reason for reopening the result', reason: String(formData.get('reason') ?? '') },
        { status: 400 },
      )
    const result = await reopenResult({ ...input, reason: reason.value.reason })
    if (!result.ok) return data({ error: result.message, reason: reason.value.reason }, { status: 409 })
    return redirectWithFlash(request, here, {
      type: 'success',
      title: 'Result reopened',
      description: 'The service no longer sees it until you publish it again.',
    })
  }
  const result = parsed.data.intent === 'finalise' ? await finaliseAgreement(input) : await publishResult(input)
  if (!result.ok) return data({ error: result.message, reason: '' }, { status: 409 })
  return redirectWithFlash(
    request,
    here,
    parsed.data.intent === 'finalise'
      ? { type: 'success', title: 'Submission validated', description: 'The regional lead can now publish the result.' }
      : {
          type: 'success',
          title: 'Result published',
          description: 'The service and its executive sponsor can now read it.',
        },
  )
}

/** "outcome 2", "outcomes 2 and 5", "outcomes 1, 2 and 5" */
function outcomeList(numbers: number[]): string {
  if (numbers.length === 1) return `outcome ${numbers[0]}`
  return `outcomes ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`
}

export default function Agreement() {
  const { submissionId, organisationName, cycleName, status, agreement, completedValidations } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/submissions/${submissionId}/agreement`
  return (
    <>
      <BackLink href={`/submissions/${submissionId}`}>Back to the submission</BackLink>
      {actionData?.error ? <ErrorSummary errors={[{ href: '#agreement-actions', text: actionData.error }]} /> : null}
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>Agreed result</h1>
      <p>
        Status: <SubmissionStatusTag status={status} />
      </p>
      {agreement.both ? (
        <>
          <InsetText>
            <p>
              {agreement.both.agreement.kind === 'AGREED'
                ? 'The two validators agree within one sub-level on every outcome. The primary validator records the agreed result.'
                : `The two validators differ by more than one sub-level on ${outcomeList(agreement.both.agreement.differing.map((d) => d.outcomeNumber))}: the regional lead moderates ${agreement.both.agreement.differing.length === 1 ? 'it' : 'them'}. The primary validator records the agreed result of the other outcomes.`}
            </p>
          </InsetText>
          <GradeDifference both={agreement.both} />
        </>
      ) : (
        <p>Both validators must complete their validation before the agreed result can be recorded.</p>
      )}
      <Table
        caption="Agreed grades"
        captionSize="m"
        responsive
        head={['Outcome', 'Decided', 'Agreed grade', 'Required actions', agreement.canRecord ? 'Action' : '']}
        rows={agreement.outcomes.map((o) => [
          `${o.number}. ${o.shortTitle}`,
          o.decidedBy === null ? '' : DECIDED_BY_LABELS[o.decidedBy],
          <GradeText key="g" grade={o.agreed} />,
          o.agreed ? String(o.agreed.requiredActions.length) : '',
          o.canRecord ? (
            <a key="a" href={`${base}/outcomes/${o.number}`}>
              {o.agreed ? 'Change' : o.decidedBy === 'MODERATION' ? 'Moderate' : 'Record'}
              <span className="nhsuk-u-visually-hidden"> the agreed result of outcome {o.number}</span>
            </a>
          ) : o.decidedBy === 'MODERATION' && !o.agreed ? (
            'Waiting for the regional lead'
          ) : o.decidedBy === 'VALIDATORS' && !o.agreed ? (
            'Waiting for the primary validator'
          ) : (
            ''
          ),
        ])}
      />
      <div id="agreement-actions">
        {agreement.canFinalise ? (
          <Form method="post">
            <p>Every outcome has its agreed result. Confirm it to mark the submission as validated.</p>
            <Button type="submit" name="intent" value="finalise">
              Confirm the agreed result
            </Button>
          </Form>
        ) : null}
        {agreement.canPublish ? (
          <Form method="post">
            <p>
              Publishing lets the service and its executive sponsor read the result, and starts their development plan
              if there are required actions.
            </p>
            <Button type="submit" name="intent" value="publish">
              Publish the result
            </Button>
          </Form>
        ) : null}
        {completedValidations.map((validation) => (
          <Form method="post" key={validation.id}>
            <h2>Reopen {validation.name}’s validation</h2>
            <input type="hidden" name="assignmentId" value={validation.id} />
            <Textarea
              name="reason"
              id={`reason-${validation.id}`}
              label={`Why should ${validation.name} (${validation.kind === 'PRIMARY' ? 'primary' : 'second'} validator) change their grades?`}
              rows={3}
            />
            <Button type="submit" name="intent" value="reopen-validation" variant="secondary">
              Reopen {validation.name}’s validation
            </Button>
          </Form>
        ))}
        {agreement.canReopen ? (
          <Form method="post">
            <h2>Reopen the result</h2>
            <Textarea
              name="reason"
              id="reason"
              label="Why are you reopening it?"
              rows={3}
              defaultValue={actionData?.reason ?? ''}
              error={actionData?.error && actionData.reason !== undefined ? actionData.error : undefined}
            />
            <Button type="submit" name="intent" value="reopen" variant="warning">
              Reopen the result
            </Button>
          </Form>
        ) : null}
      </div>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
