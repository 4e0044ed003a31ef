import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { BackLink, Button, ErrorSummary, Radios, Table, Textarea, TextInput } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { getPlanSummary, loadPlanContext, planSignOffState } from '~/modules/improvement/plan.server'
import { recordPlanSponsorDecision } from '~/modules/improvement/workflow.server'
import { SignOffSchema } from '~/modules/submissions/schema'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Sign off the Service Improvement Plan - ${data?.organisationName ?? ''} - LKS Quality Portal` },
]

const FIELDS = ['decision', 'signerName', 'signerRole', 'reason'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '', 'sip:sign-off')
  const [{ outcomes, actions }, state] = await Promise.all([getPlanSummary(context), planSignOffState(context)])
  return {
    planId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    libraryServiceName: context.libraryService.name,
    outcomes: outcomes.map((o) => ({
      number: o.number,
      shortTitle: o.shortTitle,
      current: o.currentText,
      target: o.targetText,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      outcomeNumber: a.outcomeNumber,
      what: a.what,
      owner: a.owner,
      dueDate: a.dueDate,
    })),
    canDecide: context.status === 'AWAITING_SIGN_OFF' && state.kind === 'AWAITING',
    signer: { name: user.name, role: user.jobTitle },
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '', 'sip:sign-off')
  const submission = parseWithZod(await request.formData(), { schema: SignOffSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await recordPlanSponsorDecision({
    actor: user,
    context,
    ipAddress: loadContext.clientAddress,
    ...submission.value,
  })
  if (!result.ok) return data({ result: submission.reply({ formErrors: [result.message] }) }, { status: 409 })
  return redirectWithFlash(
    request,
    `/plans/${context.id}`,
    submission.value.decision === 'SIGNED_OFF'
      ? {
          type: 'success',
          title: 'Service Improvement Plan signed off',
          description: 'The service lead can now submit it.',
        }
      : {
          type: 'success',
          title: 'Plan returned to the service',
          description: 'The service lead can see your reason.',
        },
  )
}

export default function PlanSignOffPage() {
  const { planId, organisationName, cycleName, libraryServiceName, outcomes, actions, canDecide, signer } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'plan-sign-off',
    lastResult: actionData?.result,
    defaultValue: { decision: '', signerName: signer.name, signerRole: signer.role, reason: '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignOffSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <>
      <BackLink href={`/plans/${planId}`}>Back to the plan</BackLink>
      <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>Review and sign off the Service Improvement Plan</h1>
      <p>
        {libraryServiceName} has sent this plan for your sign-off. Read it (the PDF has every detail:{' '}
        <a href={`/plans/${planId}/plan.pdf`}>download the plan</a>), then sign it off or return it with your reason.
      </p>
      <Table
        caption="Targets"
        captionSize="m"
        responsive
        head={['Outcome', 'Current agreed grade', 'Target']}
        rows={outcomes.map((o) => [`${o.number}. ${o.shortTitle}`, o.current ?? 'None yet', o.target ?? 'Not set'])}
      />
      <Table
        caption="Actions"
        captionSize="m"
        responsive
        head={['Outcome', 'Action', 'Owner', 'Due']}
        rows={actions.map((a) => [String(a.outcomeNumber), a.what, a.owner, formatDate(a.dueDate)])}
      />
      {canDecide ? (
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
                  { value: 'SIGNED_OFF', text: 'Sign off the plan', hint: 'The service lead can then submit it.' },
                  { value: 'RETURNED', text: 'Return it to the service', hint: 'Say what needs to change.' },
                ]}
              />
              <TextInput
                name="signerName"
                id="signerName"
                label="Your name"
                autoComplete="name"
                defaultValue={String(fields.signerName.initialValue ?? '')}
                error={fields.signerName.errors?.[0]}
              />
              <TextInput
                name="signerRole"
                id="signerRole"
                label="Your role"
                autoComplete="organization-title"
                defaultValue={String(fields.signerRole.initialValue ?? '')}
                error={fields.signerRole.errors?.[0]}
              />
              <Textarea
                name="reason"
                id="reason"
                label="Reason for returning it"
                hint="Needed only if you return the plan."
                rows={4}
                defaultValue={String(fields.reason.initialValue ?? '')}
                error={fields.reason.errors?.[0]}
              />
              <Button type="submit">Confirm decision</Button>
            </Form>
          </div>
        </div>
      ) : (
        <p>This plan is not waiting for your sign-off.</p>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('improvement')
