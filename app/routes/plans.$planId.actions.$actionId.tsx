import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { BackLink, Button, datePartId, ErrorSummary, Radios, SummaryList, Textarea } from '~/components/nhs'
import { PlanActionFields } from '~/components/plan-action-fields'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice, restoredVersion } from '~/components/restored-notice'
import { getPlanAction, loadPlanContext, updatePlanAction } from '~/modules/improvement/plan.server'
import { ACTION_FIELDS, editActionSchema, ProgressSchema, TEXT_MAX } from '~/modules/improvement/schema'
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '~/modules/improvement/status'
import { partsFromDate } from '~/utils/date-input'
import { formatDate, formatDateRange } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Action - ${data?.organisationName ?? 'Service Improvement Plan'} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '', 'sip:edit')
  const action = await getPlanAction(context, params.actionId ?? '')
  const schema = action.editable
    ? editActionSchema({ start: context.planPeriodStart, end: context.planPeriodEnd })
    : ProgressSchema
  return {
    // What the person posted when their session had ended, to check and save (once).
    restored: await restoredForm(request, user, schema),
    planId: context.id,
    organisationName: context.organisation.name,
    period: { start: context.planPeriodStart.toISOString(), end: context.planPeriodEnd.toISOString() },
    action,
    // This rendering's idempotency key: the save it sends, if sent again, is answered as the first was.
    saveKey: randomUUID(),
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '', 'sip:edit')
  const formData = await request.formData()
  const schema =
    formData.get('intent') === 'edit'
      ? editActionSchema({ start: context.planPeriodStart, end: context.planPeriodEnd })
      : ProgressSchema
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await updatePlanAction({
    actor: user,
    context,
    actionId: params.actionId ?? '',
    form: submission.value,
    ipAddress: loadContext.clientAddress,
  })
  if (!result.ok) return data({ result: submission.reply({ formErrors: [result.message] }) }, { status: 409 })
  const outcome = (await getPlanAction(context, params.actionId ?? '')).outcomeNumber
  return redirectWithFlash(request, `/plans/${context.id}/outcomes/${outcome}`, {
    type: 'success',
    title: 'Action saved',
  })
}

export default function PlanActionPage() {
  const { planId, organisationName, period, action: item, restored, saveKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const periodDates = { start: new Date(period.start), end: new Date(period.end) }
  const full = item.editable
  const schema = full ? editActionSchema(periodDates) : ProgressSchema
  const [form, fields] = useForm({
    id: 'plan-action',
    lastResult: actionData?.result ?? restored ?? undefined,
    defaultValue: {
      what: item.what,
      owner: item.owner,
      dueDate: partsFromDate(item.dueDate),
      measure: item.measure,
      status: item.status,
      progressNotes: item.progressNotes,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const back = `/plans/${planId}/outcomes/${item.outcomeNumber}`
  const errors = errorSummaryItems(form.allErrors, full ? ACTION_FIELDS : ['status', 'progressNotes']).map((e) =>
    e.href === '#dueDate' ? { ...e, href: `#${datePartId('dueDate', 'day')}` } : e,
  )
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={back}>Back to outcome {item.outcomeNumber}</BackLink>
        <ErrorSummary errors={errors} />
        <RestoredNotice show={Boolean(restored) && !actionData && (full || item.progressEditable)} />
        <span className="nhsuk-caption-l">
          {organisationName}, outcome {item.outcomeNumber}
        </span>
        <h1>{full ? 'Change the action' : 'Update the progress of the action'}</h1>
        <p>Objective: {item.objective.text}</p>
        {!full ? (
          <SummaryList
            rows={[
              { key: 'Action', value: item.what },
              { key: 'Owner', value: item.owner },
              { key: 'Due', value: formatDate(item.dueDate) },
              { key: 'Measure of success', value: item.measure },
            ]}
          />
        ) : null}
        {full || item.progressEditable ? (
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value={full ? 'edit' : 'progress'} />
            <input type="hidden" name="version" value={restoredVersion(restored, item.version)} />
            <input type="hidden" name="saveKey" value={saveKey} />
            {full ? (
              <PlanActionFields fields={fields} periodText={formatDateRange(periodDates.start, periodDates.end)} />
            ) : (
              <>
                <Radios
                  name="status"
                  id="status"
                  legend="Status"
                  legendSize="s"
                  defaultValue={String(fields.status.initialValue ?? '')}
                  error={fields.status.errors?.[0]}
                  items={ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABELS[s] }))}
                />
                <Textarea
                  name="progressNotes"
                  id="progressNotes"
                  label="Progress notes"
                  rows={5}
                  characterCount={{ maxLength: TEXT_MAX }}
                  defaultValue={String(fields.progressNotes.initialValue ?? '')}
                  error={fields.progressNotes.errors?.[0]}
                />
              </>
            )}
            <Button type="submit">Save action</Button>
          </Form>
        ) : (
          <p>The plan is with the executive sponsor, so its actions cannot be changed until it comes back.</p>
        )}
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('improvement')
