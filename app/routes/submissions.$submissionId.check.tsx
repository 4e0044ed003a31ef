import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { BackLink, Button, ErrorSummary, SummaryList, Table } from '~/components/nhs'
import { SignedOffNote } from '~/components/signed-off-note'
import { can } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { getSubmissionProgress, sendForSignOff, submit } from '~/modules/submissions/workflow.server'
import { responseStatusLabel } from '~/modules/submissions/status'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Check your answers - ${data?.organisationName ?? ''} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const progress = await getSubmissionProgress(context)
  return {
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    deadline: context.cycle.submissionDeadline,
    status: context.status,
    progress,
    canSend:
      can(user, 'submission:send-for-sign-off', context.target) &&
      context.status === 'IN_PROGRESS' &&
      progress.tasks.readyForSignOff,
    canSubmit:
      can(user, 'submission:submit', context.target) &&
      context.status === 'AWAITING_SIGN_OFF' &&
      progress.signOff.kind === 'SIGNED_OFF',
    isLead: can(user, 'submission:submit', context.target),
  }
}

const IntentSchema = z.object({ intent: z.enum(['send-for-sign-off', 'submit']) })

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const parsed = IntentSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: 'Choose an action from the page' }, { status: 400 })
  const input = { actor: user, context, ipAddress: loadContext.clientAddress }
  if (parsed.data.intent === 'send-for-sign-off') {
    const result = await sendForSignOff(input)
    if (!result.ok) return data({ error: result.message }, { status: 409 })
    return redirectWithFlash(request, `/submissions/${context.id}`, {
      type: 'success',
      title: 'Sent for sign-off',
      description: 'The executive sponsor can now review the submission and sign it off.',
    })
  }
  const result = await submit(input)
  if (!result.ok) return data({ error: result.message }, { status: 409 })
  throw redirect(`/submissions/${context.id}/confirmation`)
}

export default function CheckAnswers() {
  const { submissionId, organisationName, cycleName, deadline, status, progress, canSend, canSubmit, isLead } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const base = `/submissions/${submissionId}`
  const problems = progress.problems.map((p) => ({ href: `${base}/${p.href}`, text: p.text }))
  return (
    <>
      <BackLink href={base}>Back to the submission</BackLink>
      {actionData?.error ? <ErrorSummary errors={[{ href: '#actions', text: actionData.error }]} /> : null}
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>Check your answers</h1>
      {problems.length && ['NOT_STARTED', 'IN_PROGRESS'].includes(status) ? (
        <ErrorSummary title="You need to finish these before sending the submission for sign-off" errors={problems} />
      ) : null}

      <h2>Pen portrait</h2>
      <SummaryList
        rows={[
          {
            key: 'Pen portrait',
            value: responseStatusLabel(progress.penPortraitStatus),
            action: { href: `${base}/pen-portrait`, text: 'Change', visuallyHiddenText: 'pen portrait' },
          },
        ]}
      />
      <Table
        caption="Outcomes"
        captionSize="m"
        responsive
        head={['Outcome', 'Status', 'Self-assessed grade', 'Narrative', 'Evidence linked']}
        rows={progress.outcomes.map((o) => [
          <a key="o" href={`${base}/outcomes/${o.number}`}>
            {o.number}. {o.shortTitle}
          </a>,
          responseStatusLabel(o.status),
          o.grade ?? 'Not graded',
          `${o.narrativeLength.toLocaleString('en-GB')} characters`,
          String(o.evidenceCount),
        ])}
      />

      <div id="actions">
        {progress.signOff.kind === 'SIGNED_OFF' ? <SignedOffNote signOff={progress.signOff} /> : null}
        {canSend ? (
          <Form method="post">
            <h2>Send for sign-off</h2>
            <p>
              The executive sponsor will review the submission. You cannot change it while it is with them, unless you
              take it back.
            </p>
            <Button type="submit" name="intent" value="send-for-sign-off">
              Send for sign-off
            </Button>
          </Form>
        ) : null}
        {canSubmit ? (
          <Form method="post">
            <h2>Submit</h2>
            <p>
              Once you submit, the submission is locked and goes to the regional team for validation. The deadline is{' '}
              {formatDate(deadline)}.
            </p>
            <Button type="submit" name="intent" value="submit">
              Submit
            </Button>
          </Form>
        ) : null}
        {!isLead && progress.tasks.readyForSignOff && status === 'IN_PROGRESS' ? (
          <p>Everything is complete. Your service lead can now send the submission for sign-off.</p>
        ) : null}
        {status === 'AWAITING_SIGN_OFF' && progress.signOff.kind === 'AWAITING' ? (
          <p>The submission is waiting for the executive sponsor to sign it off.</p>
        ) : null}
      </div>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
