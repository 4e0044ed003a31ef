import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import {
  BackLink,
  Button,
  Details,
  ErrorSummary,
  Radios,
  SummaryList,
  Table,
  Textarea,
  TextInput,
} from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { getSignOffSummary } from '~/modules/submissions/sign-off.server'
import { SignOffSchema } from '~/modules/submissions/schema'
import { recordSponsorDecision } from '~/modules/submissions/workflow.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { NarrativeText } from '~/components/narrative-text'
import { areaErrorBoundary } from '~/components/area-error-boundary'
import { UnevidencedWarning } from '~/components/unevidenced-warning'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Sign off - ${data?.summary.organisationName ?? ''} - LKS Quality Portal` },
]

const FIELDS = ['decision', 'signerName', 'signerRole', 'reason'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:sign-off')
  return { summary: await getSignOffSummary(context), signer: { name: user.name, role: user.jobTitle } }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:sign-off')
  const submission = parseWithZod(await request.formData(), { schema: SignOffSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await recordSponsorDecision({
    actor: user,
    context,
    ipAddress: loadContext.clientAddress,
    ...submission.value,
  })
  if (!result.ok) return data({ result: submission.reply({ formErrors: [result.message] }) }, { status: 409 })
  return redirectWithFlash(
    request,
    `/submissions/${context.id}`,
    submission.value.decision === 'SIGNED_OFF'
      ? { type: 'success', title: 'Submission signed off', description: 'The service lead can now submit it.' }
      : {
          type: 'success',
          title: 'Submission returned to the service',
          description: 'The service lead can see your reason.',
        },
  )
}

export default function SignOff() {
  const { summary, signer } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'sign-off',
    lastResult: actionData?.result,
    defaultValue: { decision: '', signerName: signer.name, signerRole: signer.role, reason: '' },
    shouldValidate: 'onSubmit',
    // The same schema as the action's, so the browser shows the errors without a round trip.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignOffSchema }),
  })
  return (
    <>
      <BackLink href={`/submissions/${summary.submissionId}`}>Back to the submission</BackLink>
      <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
      <span className="nhsuk-caption-l">
        {summary.organisationName}, {summary.cycleName}
      </span>
      <h1>Review and sign off</h1>
      <p>
        {summary.libraryServiceName} has sent this submission for your sign-off. Read it, then sign it off or return it
        to the service with your reason.
      </p>
      <UnevidencedWarning outcomes={summary.outcomes} />
      <h2>Pen portrait</h2>
      <SummaryList rows={summary.penPortrait} />
      <Table
        caption="Outcomes"
        captionSize="m"
        responsive
        head={['Outcome', 'Self-assessed grade', 'Evidence linked']}
        rows={summary.outcomes.map((o) => [
          `${o.number}. ${o.shortTitle}`,
          o.grade ?? 'Not graded',
          String(o.evidenceCount),
        ])}
      />
      {summary.outcomes.map((o) => (
        <Details key={o.number} summary={`Outcome ${o.number} narrative and key strengths`}>
          <h3 className="nhsuk-heading-s">Narrative</h3>
          <NarrativeText text={o.narrative} empty="No narrative." />
          <h3 className="nhsuk-heading-s">Key strengths</h3>
          <NarrativeText text={o.keyStrengths} empty="None given." />
        </Details>
      ))}
      {summary.canDecide ? (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <Form method="post" {...getFormProps(form)}>
              <Radios
                name="decision"
                id="decision"
                legend="Your decision"
                legendSize="m"
                defaultValue={(fields.decision.initialValue as string | undefined) || undefined}
                error={fields.decision.errors?.[0]}
                items={[
                  {
                    value: 'SIGNED_OFF',
                    text: 'Sign off the submission',
                    hint: 'The service lead can then submit it for validation.',
                  },
                  { value: 'RETURNED', text: 'Return it to the service', hint: 'Say what needs to change.' },
                ]}
              />
              <TextInput
                name="signerName"
                id="signerName"
                label="Your name"
                autoComplete="name"
                defaultValue={(fields.signerName.initialValue as string | undefined) ?? ''}
                error={fields.signerName.errors?.[0]}
              />
              <TextInput
                name="signerRole"
                id="signerRole"
                label="Your role"
                autoComplete="organization-title"
                defaultValue={(fields.signerRole.initialValue as string | undefined) ?? ''}
                error={fields.signerRole.errors?.[0]}
              />
              <Textarea
                name="reason"
                id="reason"
                label="Reason for returning it"
                hint="Needed only if you return the submission."
                rows={4}
                defaultValue={(fields.reason.initialValue as string | undefined) ?? ''}
                error={fields.reason.errors?.[0]}
              />
              <Button type="submit">Confirm decision</Button>
            </Form>
          </div>
        </div>
      ) : (
        <p>This submission is not waiting for your sign-off.</p>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
