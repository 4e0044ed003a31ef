// A validator's judgement of one outcome as the field-by-field merge sees it (issue 14, item 2):
// the grade, rationale, notes and each indicator judgement, by a key that does not depend on the
// order of the indicators. The same validator may have the page open in two tabs.
import type { FieldValues } from '~/modules/submissions/merge'

export type ValidationValues = {
  level: number | null
  subLevel: string | null
  rationale: string
  notes: string
  judgements: { id: string; status: string | null }[]
}

export const judgementKey = (indicatorId: string) => `judgement/${indicatorId}`

const PLAIN_FIELDS = ['level', 'subLevel', 'rationale', 'notes'] as const

export function validationFieldValues(values: ValidationValues, indicatorIds: string[]): FieldValues {
  const byId = new Map(values.judgements.map((j) => [j.id, j.status]))
  const fields: FieldValues = {
    level: values.level === null ? '' : String(values.level),
    subLevel: values.subLevel ?? '',
    rationale: values.rationale,
    notes: values.notes,
  }
  for (const id of indicatorIds) fields[judgementKey(id)] = byId.get(id) ?? ''
  return fields
}

export function validationValuesOf(fields: FieldValues, indicatorIds: string[]): ValidationValues {
  const level = fields.level ? Number(fields.level) : null
  return {
    level: level !== null && Number.isInteger(level) ? level : null,
    subLevel: fields.subLevel || null,
    rationale: fields.rationale ?? '',
    notes: fields.notes ?? '',
    judgements: indicatorIds.map((id) => ({ id, status: fields[judgementKey(id)] || null })),
  }
}

/** The form's input name for a field key (judgements are posted by their place on the page). */
export function validationInputName(key: string, indicatorIds: string[]): string | null {
  if ((PLAIN_FIELDS as readonly string[]).includes(key)) return key
  const match = /^judgement\/(.+)$/.exec(key)
  if (!match) return null
  const index = indicatorIds.indexOf(match[1]!)
  return index < 0 ? null : `judgements[${index}].status`
}

/** Text may be edited into a merged version; the grade and judgements are a choice of one value. */
export const isValidationTextField = (key: string) => key === 'rationale' || key === 'notes'
