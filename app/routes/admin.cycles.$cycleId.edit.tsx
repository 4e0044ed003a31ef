import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CycleFields, cycleFormErrors } from '~/components/cycle-fields'
import { BackLink, Button, ErrorSummary, SummaryList, WarningCallout } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getCycleForAdmin, listEditionOptions, updateCycle } from '~/modules/cycles/admin.server'
import { CYCLE_TYPE_LABELS } from '~/modules/cycles/labels'
import { editionCanChange } from '~/modules/cycles/rules'
import { EditCycleSchema } from '~/modules/cycles/schema'
import { partsFromDate } from '~/utils/date-input'
import { formatDate, formatDateRange, formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.cycle.name ?? 'cycle'} - Administration - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const cycle = await getCycleForAdmin(user, params.cycleId ?? '')
  return { cycle, editions: await listEditionOptions(user, cycle.editionId) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const cycleId = params.cycleId ?? ''
  const submission = parseWithZod(await request.formData(), { schema: EditCycleSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), conflict: null }, { status: 400 })
  const result = await updateCycle({ actor: user, cycleId, form: submission.value, ipAddress: context.clientAddress })
  if (!result.ok && result.kind === 'invalid')
    return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 })
  if (!result.ok) {
    return data(
      {
        result: submission.reply({
          formErrors: [
            'Someone else changed this cycle while you were editing it. Check their changes below, then save again to replace them with yours.',
          ],
        }),
        conflict: result.current,
      },
      { status: 409 },
    )
  }
  return redirectWithFlash(request, `/admin/cycles/${cycleId}`, { type: 'success', title: 'Cycle details saved' })
}

export default function EditCyclePage() {
  const { cycle, editions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.conflict ?? null
  const locked = !editionCanChange(cycle.status)
  const [form, fields] = useForm({
    id: `cycle-${cycle.id}`,
    lastResult: actionData?.result,
    defaultValue: {
      name: cycle.name,
      type: cycle.type,
      editionId: cycle.editionId,
      evidencePeriodStart: partsFromDate(cycle.evidencePeriodStart),
      evidencePeriodEnd: partsFromDate(cycle.evidencePeriodEnd),
      opensAt: partsFromDate(cycle.opensAt),
      submissionDeadline: partsFromDate(cycle.submissionDeadline),
      validationDeadline: partsFromDate(cycle.validationDeadline),
      minimumExpectedLevel: cycle.minimumExpectedLevel === null ? '' : String(cycle.minimumExpectedLevel),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditCycleSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const back = `/admin/cycles/${cycle.id}`
  const theirEdition = conflict ? (editions.find((e) => e.id === conflict.editionId)?.name ?? cycle.edition.name) : ''
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={back}>Back to {cycle.name}</BackLink>
        <ErrorSummary errors={cycleFormErrors(form.allErrors)} />
        <span className="nhsuk-caption-l">{cycle.name}</span>
        <h1>Edit details</h1>
        {cycle.status !== 'DRAFT' ? (
          <p>
            The cycle is {cycle.status === 'OPEN' ? 'open' : 'closed'}. Services see any change to its dates at once,
            and every change is recorded in the audit log.
          </p>
        ) : null}
        {conflict ? (
          <WarningCallout heading="Someone else changed this cycle">
            <p>
              They saved it on {formatDateTime(conflict.updatedAt)}. What they saved is below; what you typed is still
              in the form.
            </p>
            <SummaryList
              rows={[
                { key: 'Name', value: conflict.name },
                { key: 'Type', value: CYCLE_TYPE_LABELS[conflict.type] ?? conflict.type },
                { key: 'Framework edition', value: theirEdition },
                {
                  key: 'Evidence period',
                  value: formatDateRange(conflict.evidencePeriodStart, conflict.evidencePeriodEnd),
                },
                { key: 'Opens on', value: formatDate(conflict.opensAt) },
                { key: 'Submission deadline', value: formatDate(conflict.submissionDeadline) },
                { key: 'Validation deadline', value: formatDate(conflict.validationDeadline) },
                {
                  key: 'Minimum expected level',
                  value: conflict.minimumExpectedLevel === null ? 'None' : `Level ${conflict.minimumExpectedLevel}`,
                },
              ]}
            />
          </WarningCallout>
        ) : null}
        <Form method="post" {...getFormProps(form)}>
          {/* After a conflict the person has seen the other changes, so saving again replaces them. */}
          <input
            type="hidden"
            name="updatedAt"
            value={new Date(conflict?.updatedAt ?? cycle.updatedAt).toISOString()}
          />
          <CycleFields fields={fields} editions={editions} lockedEdition={locked ? cycle.edition.name : undefined} />
          <div className="nhsuk-button-group">
            <Button type="submit">Save cycle</Button>
            <a className="nhsuk-link" href={back}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
