// The outcome form's fields as the merge sees them (issue 14, item 2): every field a person can
// change on the outcome page, by a key that does not depend on the order of the indicators.
import type { FieldValues } from './merge'

export type OutcomeValues = {
  narrative: string
  keyStrengths: string
  selfLevel: number | null
  selfSubLevel: string | null
  selfGradeReason: string
  indicators: { id: string; status: string | null; note: string }[]
}

export const indicatorKey = (id: string, part: 'status' | 'note') => `indicator/${id}/${part}`

export function outcomeFieldValues(values: OutcomeValues, indicatorIds: string[]): FieldValues {
  const byId = new Map(values.indicators.map((i) => [i.id, i]))
  const fields: FieldValues = {
    narrative: values.narrative,
    keyStrengths: values.keyStrengths,
    selfLevel: values.selfLevel === null ? '' : String(values.selfLevel),
    selfSubLevel: values.selfSubLevel ?? '',
    selfGradeReason: values.selfGradeReason,
  }
  for (const id of indicatorIds) {
    fields[indicatorKey(id, 'status')] = byId.get(id)?.status ?? ''
    fields[indicatorKey(id, 'note')] = byId.get(id)?.note ?? ''
  }
  return fields
}

export function outcomeValuesOf(fields: FieldValues, indicatorIds: string[]): OutcomeValues {
  const level = fields.selfLevel ? Number(fields.selfLevel) : null
  return {
    narrative: fields.narrative ?? '',
    keyStrengths: fields.keyStrengths ?? '',
    selfLevel: level !== null && Number.isInteger(level) ? level : null,
    selfSubLevel: fields.selfSubLevel || null,
    selfGradeReason: fields.selfGradeReason ?? '',
    indicators: indicatorIds.map((id) => ({
      id,
      status: fields[indicatorKey(id, 'status')] || null,
      note: fields[indicatorKey(id, 'note')] ?? '',
    })),
  }
}

/** The form's input name for a field key (indicators are posted by their place on the page). */
export function outcomeInputName(key: string, indicatorIds: string[]): string | null {
  if (['narrative', 'keyStrengths', 'selfLevel', 'selfSubLevel', 'selfGradeReason'].includes(key)) return key
  const match = /^indicator\/(.+)\/(status|note)$/.exec(key)
  if (!match) return null
  const index = indicatorIds.indexOf(match[1]!)
  return index < 0 ? null : `indicators[${index}].${match[2]}`
}

/** Text fields may be edited into a merged version; the others are a choice of one value. */
export const isTextField = (key: string) =>
  ['narrative', 'keyStrengths', 'selfGradeReason'].includes(key) || key.endsWith('/note')

/**
 * Whether the form shows values other than `values` (by the merge's keys): after a save, the form
 * is rebuilt only when what was stored differs from what it shows (the other person's changes
 * merged in). `read` gives an input's current value by name, or null when there is none. Line
 * endings are not a difference (a browser posts a textarea's lines with CRLF).
 */
export function formShowsOtherValues(
  read: (inputName: string) => string | null,
  values: FieldValues,
  indicatorIds: string[],
): boolean {
  const plain = (text: string) => text.replace(/\r\n?/g, '\n')
  return Object.entries(values).some(([key, value]) => {
    const name = outcomeInputName(key, indicatorIds)
    return name !== null && plain(read(name) ?? '') !== plain(value)
  })
}
