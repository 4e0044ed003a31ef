import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { unlessOutOfSpace } from '~/modules/content/out-of-space.server'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, ErrorSummary, WarningCallout } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice, restoredVersion } from '~/components/restored-notice'
import { partsFromDate } from '~/utils/date-input'
import { getPlanFormOptions, getPlanItem, updatePlanItem } from '~/modules/results/development-plan.server'
import { EditPlanItemSchema, isPlanItemStatus, PLAN_ITEM_STATUS_LABELS } from '~/modules/results/schema'
import {
  applyPlanItemChoices,
  datePartsOf,
  isPlanItemTextField,
  planItemFieldValues,
  planItemFormValue,
  planItemInputName,
} from '~/modules/results/plan-item-fields'
import { CONFLICTS_FIELD, parseBase } from '~/modules/submissions/merge'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { PlanItemFields, planItemErrors } from '~/components/development-plan-fields'
import { ConflictField, conflictFieldId } from '~/components/conflict-field'
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
    // This rendering's idempotency key: the save it sends, if sent again, is answered as the first was.
    saveKey: randomUUID(),
    // The values as rendered: a save merges with what was saved since, field by field.
    base: JSON.stringify(planItemFieldValues(item)),
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'development-plan:edit')
  const formData = await request.formData()
  // On a conflict page: each field changed on both sides takes the value the person chose.
  const unresolved = applyPlanItemChoices(formData)
  const base = parseBase(formData.get('base'))
  const submission = parseWithZod(formData, { schema: EditPlanItemSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), conflict: null }, { status: 400 })
  const saved = await unlessOutOfSpace(
    () =>
      updatePlanItem({
        actor: user,
        context,
        itemId: params.itemId ?? '',
        form: submission.value,
        ipAddress: loadContext.clientAddress,
        base,
        unresolved,
      }),
    'development plan item',
  )
  if (!saved.stored)
    return data({ result: submission.reply({ formErrors: [saved.message] }), conflict: null }, { status: 507 })
  const result = saved.value
  if (!result.ok && result.kind === 'invalid')
    return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 })
  if (!result.ok) {
    const keys = result.fields.map((f) => f.key)
    return data(
      {
        result: null,
        conflict: {
          // A new form each time a conflict is answered, built from the merged values.
          id: randomUUID(),
          version: result.current.version,
          updatedAt: result.current.updatedAt.toISOString(),
          byYou: result.updatedBy?.id === user.id,
          updatedByName: result.updatedBy?.name ?? null,
          fields: result.fields,
          unresolved: unresolved.filter((key) => keys.includes(key)),
          base: JSON.stringify(result.theirs),
          form: planItemFormValue(result.merged),
        },
      },
      { status: 409 },
    )
  }
  return redirectWithFlash(request, `/submissions/${context.id}/development-plan`, {
    type: 'success',
    title: 'Development plan item updated',
  })
}

const FIELD_LABELS: Record<string, string> = {
  action: 'Action',
  requiredActionId: 'Required action it answers',
  owner: 'Owner',
  dueDate: 'Due date',
  status: 'Status',
  progressNotes: 'Progress notes',
}

export default function EditPlanItemPage() {
  const {
    submissionId,
    organisationName,
    cycleName,
    item,
    requiredActions,
    saveKey,
    base: loadedBase,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.conflict ?? null
  const { restored } = useLoaderData<typeof loader>()
  // On a conflict page the form is built again from the merged values (what only the other save
  // changed is in), so every field starts from them.
  const lastResult = conflict ? undefined : (actionData?.result ?? restored ?? undefined)
  // The values this page was rendered with, which a save is merged against: after a conflict, the
  // values stored then; after an error or a restored stash, the base the person's form came from.
  const postedBase = (lastResult?.initialValue as Record<string, unknown> | null | undefined)?.base
  const renderedBase = conflict ? conflict.base : typeof postedBase === 'string' ? postedBase : loadedBase
  const [form, fields] = useForm({
    id: conflict ? `plan-item-${item.id}-${conflict.id}` : `plan-item-${item.id}`,
    lastResult,
    defaultValue: conflict
      ? conflict.form
      : {
          action: item.action,
          requiredActionId: item.requiredActionId ?? '',
          owner: item.owner,
          dueDate: partsFromDate(item.dueDate) ?? { day: '', month: '', year: '' },
          status: item.status,
          progressNotes: item.progressNotes,
        },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditPlanItemSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const plan = `/submissions/${submissionId}/development-plan`

  // The conflict page: the fields both changed, each with both values and a choice.
  const otherName = conflict?.byYou ? 'your other window' : (conflict?.updatedByName ?? 'the other person')
  const inputNameOf = (key: string) => planItemInputName(key) ?? key
  const labelOf = (key: string) => FIELD_LABELS[key] ?? key
  const displayValue = (key: string) => (value: string) => {
    if (key === 'dueDate') return formatDate(`${value}T00:00:00Z`)
    if (key === 'status') return isPlanItemStatus(value) ? PLAN_ITEM_STATUS_LABELS[value] : value
    if (key === 'requiredActionId') {
      const required = requiredActions.find((a) => a.id === value)
      return required ? `Outcome ${required.outcomeNumber}: ${required.text}` : 'A required action'
    }
    return value
  }
  const conflictError = (key: string) =>
    conflict?.unresolved.includes(key) ? `Choose which ${labelOf(key).toLowerCase()} to save` : undefined
  // The browser's check needs a due date and a status: a choice of them carries this person's
  // value until the server puts the chosen one in its place.
  const carried = (key: string, mine: string) => {
    if (key === 'status') return <input type="hidden" name="status" value={mine} />
    if (key !== 'dueDate') return null
    const parts = datePartsOf(mine)
    return (['day', 'month', 'year'] as const).map((part) => (
      <input key={part} type="hidden" name={`dueDate.${part}`} value={parts[part]} />
    ))
  }
  const conflicts = Object.fromEntries(
    (conflict?.fields ?? []).map((field) => [
      field.key,
      <div key={field.key}>
        {carried(field.key, field.mine)}
        <ConflictField
          fieldKey={field.key}
          inputName={inputNameOf(field.key)}
          label={labelOf(field.key)}
          otherName={otherName}
          mine={field.mine}
          theirs={field.theirs}
          text={isPlanItemTextField(field.key)}
          display={displayValue(field.key)}
          empty={field.key === 'requiredActionId' ? 'None' : undefined}
          error={conflictError(field.key)}
        />
      </div>,
    ]),
  )
  const errors = planItemErrors(form.allErrors).concat(
    (conflict?.fields ?? []).map((field) => ({
      href: `#${conflictFieldId(inputNameOf(field.key))}`,
      text: conflictError(field.key) ?? `${labelOf(field.key)}: changed by you and by ${otherName}`,
    })),
  )
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={plan}>Back to the development plan</BackLink>
        <ErrorSummary errors={errors} />
        <RestoredNotice show={Boolean(restored) && !actionData} />
        <span className="nhsuk-caption-l">
          {organisationName}, {cycleName}
        </span>
        <h1>Change a development plan item</h1>
        {conflict ? (
          <WarningCallout
            heading={conflict.byYou ? 'You saved this item in another window' : 'Someone else changed this item'}
          >
            <p>
              {conflict.byYou ? 'You saved it in another window (or tab)' : `${otherName} saved it`} on{' '}
              {formatDateTime(conflict.updatedAt)}, after you opened this page. What only that save changed is now in
              the form below, with what only you changed.
            </p>
            <p>Both changed {conflict.fields.length === 1 ? 'this field' : 'these fields'}:</p>
            <ul>
              {conflict.fields.map((field) => (
                <li key={field.key}>
                  <a href={`#${conflictFieldId(inputNameOf(field.key))}`}>{labelOf(field.key)}</a>
                </li>
              ))}
            </ul>
            <p>For each, choose which to keep (or, for text, a merged version), then save again.</p>
          </WarningCallout>
        ) : null}
        {/* A conflict rebuilds the form, so its fields show the merged values, not those typed. */}
        <Form key={conflict ? `conflict-${conflict.id}` : 'form'} method="post" {...getFormProps(form)}>
          <input
            type="hidden"
            name="version"
            value={conflict ? conflict.version : restoredVersion(restored, item.version)}
          />
          <input type="hidden" name="saveKey" value={saveKey} />
          <input type="hidden" name="base" value={renderedBase} />
          {conflict ? (
            <input type="hidden" name={CONFLICTS_FIELD} value={JSON.stringify(conflict.fields.map((f) => f.key))} />
          ) : null}
          <PlanItemFields fields={fields} requiredActions={requiredActions} replace={conflicts} />
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
