// A development plan item as the field-by-field merge sees it (issue 14, item 2): its action,
// the required action it answers, owner, due date, status and progress notes. The service lead
// and a contributor may change one item at once; what only one of them changed is kept without a
// question, and a field both changed is asked about.
import { applyConflictChoices, type FieldValues } from '~/modules/submissions/merge'

export type PlanItemValues = {
  action: string
  requiredActionId: string | null
  owner: string
  dueDate: Date
  status: string
  progressNotes: string
}

/** The input a conflict page's choice of due date goes into, before it is put in the day, month and year. */
const DUE_DATE_CHOICE = 'dueDateChoice'

const TEXT_FIELDS = ['action', 'owner', 'progressNotes']
const PLAIN_FIELDS = [...TEXT_FIELDS, 'requiredActionId', 'status']

/** A browser posts a textarea's lines with CRLF: not a change. */
const plain = (text: string) => text.replace(/\r\n?/g, '\n')

/** A due date as the merge compares it: the day, as YYYY-MM-DD. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10)

export function planItemFieldValues(values: PlanItemValues): FieldValues {
  return {
    action: plain(values.action),
    requiredActionId: values.requiredActionId ?? '',
    owner: plain(values.owner),
    dueDate: dayOf(values.dueDate),
    status: values.status,
    progressNotes: plain(values.progressNotes),
  }
}

export function planItemValuesOf(fields: FieldValues, fallbackDueDate: Date): PlanItemValues {
  const due = /^\d{4}-\d{2}-\d{2}$/.test(fields.dueDate ?? '') ? new Date(`${fields.dueDate}T00:00:00Z`) : null
  return {
    action: fields.action ?? '',
    requiredActionId: fields.requiredActionId || null,
    owner: fields.owner ?? '',
    dueDate: due && !Number.isNaN(due.getTime()) ? due : fallbackDueDate,
    status: fields.status ?? '',
    progressNotes: fields.progressNotes ?? '',
  }
}

/** The form's input name for a field key (the due date's choice is put into its three boxes). */
export function planItemInputName(key: string): string | null {
  if (PLAIN_FIELDS.includes(key)) return key
  return key === 'dueDate' ? DUE_DATE_CHOICE : null
}

/** Text may be edited into a merged version; the other fields are a choice of one of the two values. */
export const isPlanItemTextField = (key: string) => TEXT_FIELDS.includes(key)

/** The day, month and year boxes of a due date. */
export function datePartsOf(day: string): { day: string; month: string; year: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return { day: '', month: '', year: '' }
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! }
}

/**
 * Applies the choices made on a conflict page to the posted form, before it is parsed (see
 * applyConflictChoices); the due date chosen goes into its day, month and year. Returns the keys
 * with no choice made.
 */
export function applyPlanItemChoices(formData: FormData): string[] {
  const unresolved = applyConflictChoices(formData, planItemInputName)
  const chosen = formData.get(DUE_DATE_CHOICE)
  if (typeof chosen === 'string') {
    formData.delete(DUE_DATE_CHOICE)
    const parts = datePartsOf(chosen)
    formData.set('dueDate.day', parts.day)
    formData.set('dueDate.month', parts.month)
    formData.set('dueDate.year', parts.year)
  }
  return unresolved
}

/** The form's values (as Conform takes them) for the merged item a conflict page shows. */
export function planItemFormValue(fields: FieldValues) {
  return {
    action: fields.action ?? '',
    requiredActionId: fields.requiredActionId ?? '',
    owner: fields.owner ?? '',
    dueDate: datePartsOf(fields.dueDate ?? ''),
    status: fields.status ?? '',
    progressNotes: fields.progressNotes ?? '',
  }
}
