import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { BackLink, Button, ErrorSummary, SummaryList } from '~/components/nhs'
import { UnevidencedWarning } from '~/components/unevidenced-warning'
import { SignedOffNote } from '~/components/signed-off-note'
import { can } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { getSubmissionProgress, sendForSignOff, submit } from '~/modules/submissions/workflow.server'
import { getSignOffSummary } from '~/modules/submissions/sign-off.server'
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
  const [progress, summary] = await Promise.all([getSubmissionProgress(context), getSignOffSummary(context)])
  return {
    penPortrait: summary.penPortrait,
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
  const {
    penPortrait,
    submissionId,
    organisationName,
    cycleName,
    deadline,
    status,
    progress,
    canSend,
    canSubmit,
    isLead,
  } = useLoaderData<typeof loader>()
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
            key: 'Status',
            value: responseStatusLabel(progress.penPortraitStatus),
          },
          ...penPortrait.map((row) => ({
            ...row,
            action: { href: `${base}/pen-portrait`, text: 'Change', visuallyHiddenText: row.key.toLowerCase() },
          })),
        ]}
      />
      <UnevidencedWarning outcomes={progress.outcomes} base={base} />
      {progress.outcomes.map((o) => {
        const href = `${base}/outcomes/${o.number}`
        const hidden = (what: string) => `${what} for outcome ${o.number}`
        return (
          <section key={o.number} aria-labelledby={`outcome-${o.number}-heading`}>
            <h2 className="nhsuk-heading-m" id={`outcome-${o.number}-heading`}>
              Outcome {o.number}: {o.shortTitle}
            </h2>
            <SummaryList
              rows={[
                { key: 'Status', value: responseStatusLabel(o.status) },
                {
                  key: 'Self-assessed grade',
                  value: o.grade ?? 'Not graded',
                  action: {
                    href: `${href}#selfLevel`,
                    text: 'Change',
                    visuallyHiddenText: hidden('self-assessed grade'),
                  },
                },
                {
                  key: 'Narrative',
                  value: (
                    <>
                      <p className="nhsuk-body">{o.narrativeOpening || 'Not written'}</p>
                      <p className="nhsuk-body-s">{`${o.narrativeLength.toLocaleString('en-GB')} characters`}</p>
                    </>
                  ),
                  action: { href: `${href}#narrative`, text: 'Change', visuallyHiddenText: hidden('narrative') },
                },
                {
                  key: 'Evidence linked',
                  value: `${o.evidenceCount} ${o.evidenceCount === 1 ? 'item' : 'items'}`,
                  action: { href: `${href}#linked-evidence`, text: 'Change', visuallyHiddenText: hidden('evidence') },
                },
                {
                  key: 'Indicators without evidence',
                  value: o.unevidenced.length ? o.unevidenced.join(', ') : 'None',
                  action: { href: `${href}#indicators`, text: 'Change', visuallyHiddenText: hidden('indicators') },
                },
              ]}
            />
          </section>
        )
      })}

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
