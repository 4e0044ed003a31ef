import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { PlanItemFields, planItemErrors } from '~/components/development-plan-fields'
import { BackLink, Button, ErrorSummary } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice } from '~/components/restored-notice'
import { createPlanItem, getPlanFormOptions } from '~/modules/results/development-plan.server'
import { NewPlanItemSchema } from '~/modules/results/schema'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Add a development plan item - ${data.organisationName}, ${data.cycleName} - LKS Quality Portal`
      : 'Add a development plan item - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'development-plan:edit')
  const requiredActions = await getPlanFormOptions(context)
  // "Add an item" beside a required action opens the form with that action chosen, its text as the
  // action to start from.
  const requested = new URL(request.url).searchParams.get('requiredActionId')
  const chosen = requiredActions.find((a) => a.id === requested) ?? null
  return {
    // What the person posted when their session had ended, to check and save (once).
    restored: await restoredForm(request, user, NewPlanItemSchema),
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    requiredActions,
    requiredActionId: chosen?.id ?? null,
    requiredActionText: chosen?.text ?? '',
    // This rendering's idempotency key: the create it sends, if sent again, adds no second item.
    saveKey: randomUUID(),
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'development-plan:edit')
  const submission = parseWithZod(await request.formData(), { schema: NewPlanItemSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createPlanItem({
    actor: user,
    context,
    form: submission.value,
    ipAddress: loadContext.clientAddress,
  })
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 })
  // A create sent again with the same key is answered as the first was: the same item, not a new one.
  return redirectWithFlash(request, `/submissions/${context.id}/development-plan`, {
    type: 'success',
    title: 'Item added to the development plan',
  })
}

export default function NewPlanItemPage() {
  const { submissionId, organisationName, cycleName, requiredActions, requiredActionId, requiredActionText, saveKey } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { restored } = useLoaderData<typeof loader>()
  const [form, fields] = useForm({
    id: 'new-plan-item',
    lastResult: actionData?.result ?? restored ?? undefined,
    defaultValue: { status: 'NOT_STARTED', requiredActionId: requiredActionId ?? '', action: requiredActionText },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPlanItemSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const plan = `/submissions/${submissionId}/development-plan`
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={plan}>Back to the development plan</BackLink>
        <ErrorSummary errors={planItemErrors(form.allErrors)} />
        <RestoredNotice show={Boolean(restored) && !actionData} />
        <span className="nhsuk-caption-l">
          {organisationName}, {cycleName}
        </span>
        <h1>Add a development plan item</h1>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="saveKey" value={saveKey} />
          <PlanItemFields fields={fields} requiredActions={requiredActions} />
          <div className="nhsuk-button-group">
            <Button type="submit">Add item</Button>
            <a className="nhsuk-link" href={plan}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
