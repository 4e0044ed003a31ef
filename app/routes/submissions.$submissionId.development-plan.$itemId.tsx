import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, ErrorSummary, SummaryList, WarningCallout } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice, restoredVersion } from '~/components/restored-notice'
import { partsFromDate } from '~/utils/date-input'
import { getPlanFormOptions, getPlanItem, updatePlanItem } from '~/modules/results/development-plan.server'
import { EditPlanItemSchema, PLAN_ITEM_STATUS_LABELS } from '~/modules/results/schema'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { PlanItemFields, planItemErrors } from '~/components/development-plan-fields'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Change a development plan item - ${data.organisationName}, ${data.cycleName} - LKS Quality Portal`
      : 'Change a development plan item - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'development-plan:edit')
  const [item, requiredActions] = await Promise.all([
    getPlanItem(context, params.itemId ?? ''),
    getPlanFormOptions(context),
  ])
  return {
    // What the person posted when their session had ended, to check and save (once).
    restored: await restoredForm(request, user, EditPlanItemSchema),
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    item,
    requiredActions,
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'development-plan:edit')
  const submission = parseWithZod(await request.formData(), { schema: EditPlanItemSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), conflict: null }, { status: 400 })
  const result = await updatePlanItem({
    actor: user,
    context,
    itemId: params.itemId ?? '',
    form: submission.value,
    ipAddress: loadContext.clientAddress,
  })
  if (!result.ok && result.kind === 'invalid')
    return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 })
  if (!result.ok) {
    return data(
      {
        result: submission.reply({
          formErrors: [
            'Someone else changed this item while you were editing it. Check their changes below, then save again to replace them with yours.',
          ],
        }),
        conflict: result.current,
      },
      { status: 409 },
    )
  }
  return redirectWithFlash(request, `/submissions/${context.id}/development-plan`, {
    type: 'success',
    title: 'Development plan item updated',
  })
}

export default function EditPlanItemPage() {
  const { submissionId, organisationName, cycleName, item, requiredActions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.conflict ?? null
  const { restored } = useLoaderData<typeof loader>()
  const [form, fields] = useForm({
    id: `plan-item-${item.id}`,
    lastResult: actionData?.result ?? restored ?? undefined,
    defaultValue: {
      action: item.action,
      requiredActionId: item.requiredActionId ?? '',
      owner: item.owner,
      dueDate: partsFromDate(item.dueDate),
      status: item.status,
      progressNotes: item.progressNotes,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditPlanItemSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const plan = `/submissions/${submissionId}/development-plan`
  const theirRequiredAction = conflict?.requiredActionId
    ? requiredActions.find((a) => a.id === conflict.requiredActionId)
    : undefined
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={plan}>Back to the development plan</BackLink>
        <ErrorSummary errors={planItemErrors(form.allErrors)} />
        <RestoredNotice show={Boolean(restored) && !actionData} />
        <span className="nhsuk-caption-l">
          {organisationName}, {cycleName}
        </span>
        <h1>Change a development plan item</h1>
        {conflict ? (
          <WarningCallout heading="Someone else changed this item">
            <p>
              They saved it on {formatDateTime(conflict.updatedAt)}. What they saved is below; what you typed is still
              in the form.
            </p>
            <SummaryList
              rows={[
                { key: 'Action', value: <span className="app-preserve-lines">{conflict.action}</span> },
                {
                  key: 'Required action',
                  value: theirRequiredAction
                    ? `Outcome ${theirRequiredAction.outcomeNumber}: ${theirRequiredAction.text}`
                    : 'None',
                },
                { key: 'Owner', value: conflict.owner },
                { key: 'Due date', value: formatDate(conflict.dueDate) },
                { key: 'Status', value: PLAN_ITEM_STATUS_LABELS[conflict.status] },
                {
                  key: 'Progress notes',
                  value: conflict.progressNotes ? (
                    <span className="app-preserve-lines">{conflict.progressNotes}</span>
                  ) : (
                    'None'
                  ),
                },
              ]}
            />
          </WarningCallout>
        ) : null}
        <Form method="post" {...getFormProps(form)}>
          {/* After a conflict the person has seen the other changes, so saving again replaces them. */}
          <input type="hidden" name="version" value={conflict?.version ?? restoredVersion(restored, item.version)} />
          <PlanItemFields fields={fields} requiredActions={requiredActions} />
          <div className="nhsuk-button-group">
            <Button type="submit">Save changes</Button>
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
