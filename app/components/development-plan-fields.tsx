import type { ReactNode } from 'react'
import { errorSummaryItems } from '~/components/form-errors'
import {
  DateInput,
  datePartId,
  Radios,
  Select,
  Textarea,
  TextInput,
  type DateInputValue,
  type ErrorSummaryItem,
} from '~/components/nhs'
import {
  ACTION_MAX,
  PLAN_ITEM_FIELDS,
  PLAN_ITEM_STATUS_LABELS,
  PLAN_ITEM_STATUSES,
  PROGRESS_NOTES_MAX,
} from '~/modules/results/schema'

export type RequiredActionOption = { id: string; text: string; outcomeNumber: number }

type PlanItemFieldSet = Record<(typeof PLAN_ITEM_FIELDS)[number], { initialValue?: unknown; errors?: string[] }>

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')

function dateOf(value: unknown): DateInputValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const parts = value as Record<string, unknown>
  return { day: textOf(parts.day), month: textOf(parts.month), year: textOf(parts.year) }
}

function shorten(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}

/** The error summary of a plan item form: each field's first error, the due date linked to its day. */
export function planItemErrors(allErrors: Record<string, string[] | undefined>): ErrorSummaryItem[] {
  return errorSummaryItems(allErrors, PLAN_ITEM_FIELDS).map((item) =>
    item.href === '#dueDate' ? { ...item, href: `#${datePartId('dueDate', 'day')}` } : item,
  )
}

/**
 * The fields of a development plan item, the same on the add and change pages. On a conflict page
 * a field both people changed is shown in its place by `replace` (its choice of versions).
 */
export function PlanItemFields({
  fields,
  requiredActions,
  replace = {},
}: {
  fields: PlanItemFieldSet
  requiredActions: RequiredActionOption[]
  replace?: Partial<Record<(typeof PLAN_ITEM_FIELDS)[number], ReactNode>>
}) {
  return (
    <>
      {replace.action ?? (
        <Textarea
          name="action"
          id="action"
          label="Action"
          hint="What the service will do. For example, run a survey of staff knowledge needs in every directorate."
          rows={4}
          characterCount={{ maxLength: ACTION_MAX }}
          defaultValue={textOf(fields.action.initialValue)}
          error={fields.action.errors?.[0]}
        />
      )}
      {replace.requiredActionId ?? (
        <Select
          name="requiredActionId"
          id="requiredActionId"
          label="Required action it answers"
          hint={
            requiredActions.length
              ? 'Choose none if the item is an improvement of your own.'
              : 'The validated result has no required actions.'
          }
          options={[
            { value: '', text: 'None' },
            ...requiredActions.map((a) => ({ value: a.id, text: `Outcome ${a.outcomeNumber}: ${shorten(a.text)}` })),
          ]}
          defaultValue={textOf(fields.requiredActionId.initialValue)}
          error={fields.requiredActionId.errors?.[0]}
        />
      )}
      {replace.owner ?? (
        <TextInput
          name="owner"
          id="owner"
          label="Owner"
          hint="The person or team responsible. For example, Head of Library and Knowledge Services."
          defaultValue={textOf(fields.owner.initialValue)}
          error={fields.owner.errors?.[0]}
        />
      )}
      {replace.dueDate ?? (
        <DateInput
          name="dueDate"
          id="dueDate"
          legend="Due date"
          legendSize="s"
          hint="For example, 31 3 2027"
          defaultValue={dateOf(fields.dueDate.initialValue)}
          error={fields.dueDate.errors?.[0]}
        />
      )}
      {replace.status ?? (
        <Radios
          name="status"
          id="status"
          legend="Status"
          legendSize="s"
          defaultValue={textOf(fields.status.initialValue) || undefined}
          error={fields.status.errors?.[0]}
          items={PLAN_ITEM_STATUSES.map((status) => ({ value: status, text: PLAN_ITEM_STATUS_LABELS[status] }))}
        />
      )}
      {replace.progressNotes ?? (
        <Textarea
          name="progressNotes"
          id="progressNotes"
          label="Progress notes (optional)"
          hint="What has been done so far, and anything holding the action up."
          rows={5}
          characterCount={{ maxLength: PROGRESS_NOTES_MAX }}
          defaultValue={textOf(fields.progressNotes.initialValue)}
          error={fields.progressNotes.errors?.[0]}
        />
      )}
    </>
  )
}
