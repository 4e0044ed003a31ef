import { DateInput, Radios, Textarea, TextInput, type DateInputValue } from '~/components/nhs'
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '~/modules/improvement/status'
import { TEXT_MAX } from '~/modules/improvement/schema'

type Field = { initialValue?: unknown; errors?: string[] }
type ActionFieldSet = Record<'what' | 'owner' | 'dueDate' | 'measure' | 'status' | 'progressNotes', Field>

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')
function dateOf(value: unknown): DateInputValue | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const parts = value as Record<string, unknown>
  return { day: textOf(parts.day), month: textOf(parts.month), year: textOf(parts.year) }
}

/** The fields of a Service Improvement Plan action, the same on the outcome page and the action page. */
export function PlanActionFields({ fields, periodText }: { fields: ActionFieldSet; periodText: string }) {
  return (
    <>
      <Textarea
        name="what"
        id="what"
        label="What will be done"
        rows={3}
        characterCount={{ maxLength: TEXT_MAX }}
        defaultValue={textOf(fields.what.initialValue)}
        error={fields.what.errors?.[0]}
      />
      <TextInput
        name="owner"
        id="owner"
        label="Owner"
        hint="The person or team responsible."
        defaultValue={textOf(fields.owner.initialValue)}
        error={fields.owner.errors?.[0]}
      />
      <DateInput
        name="dueDate"
        id="dueDate"
        legend="Due date"
        legendSize="s"
        hint={`Within the plan period, ${periodText}. For example, 31 3 2028`}
        defaultValue={dateOf(fields.dueDate.initialValue)}
        error={fields.dueDate.errors?.[0]}
      />
      <Textarea
        name="measure"
        id="measure"
        label="Measure of success"
        hint="How you will know the action has worked."
        rows={3}
        characterCount={{ maxLength: TEXT_MAX }}
        defaultValue={textOf(fields.measure.initialValue)}
        error={fields.measure.errors?.[0]}
      />
      <Radios
        name="status"
        id="status"
        legend="Status"
        legendSize="s"
        defaultValue={textOf(fields.status.initialValue) || undefined}
        error={fields.status.errors?.[0]}
        items={ACTION_STATUSES.map((s) => ({ value: s, text: ACTION_STATUS_LABELS[s] }))}
      />
      <Textarea
        name="progressNotes"
        id="progressNotes"
        label="Progress notes (optional)"
        rows={3}
        characterCount={{ maxLength: TEXT_MAX }}
        defaultValue={textOf(fields.progressNotes.initialValue)}
        error={fields.progressNotes.errors?.[0]}
      />
    </>
  )
}
