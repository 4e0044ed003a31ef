// Field-by-field merge of two people's saves of one form (issue 14, item 2). A form carries the
// values it was rendered with (the base); at save time the values now stored (theirs) and the
// values posted (mine) are compared with it field by field. A field only one side changed takes
// that side's value without asking; a field both changed, to different values, is a conflict the
// person resolves on the conflict page (keep mine, take theirs, or, for text, edit a merged version).

/** A form's values by field key, each as the text the form posts ('' for an empty choice). */
export type FieldValues = Record<string, string>

export type MergeResult = { merged: FieldValues; conflicts: string[] }

export function mergeFields(base: FieldValues, theirs: FieldValues, mine: FieldValues): MergeResult {
  const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])]
  const merged: FieldValues = {}
  const conflicts: string[] = []
  for (const key of keys) {
    const b = base[key] ?? ''
    const t = theirs[key] ?? ''
    const m = mine[key] ?? ''
    if (m === t || t === b) merged[key] = m
    else if (m === b) merged[key] = t
    else {
      merged[key] = m
      conflicts.push(key)
    }
  }
  return { merged, conflicts }
}

/** The base a form carries, from its hidden field; null when it is missing or not a map of strings. */
export function parseBase(raw: unknown): FieldValues | null {
  if (typeof raw !== 'string' || raw.length === 0) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null
    const entries = Object.entries(value as Record<string, unknown>)
    if (!entries.every(([, v]) => typeof v === 'string')) return null
    return Object.fromEntries(entries) as FieldValues
  } catch {
    return null
  }
}

export const CHOICES = ['mine', 'theirs', 'merged'] as const
export type Choice = (typeof CHOICES)[number]

/** Names of the conflict page's inputs for one field key. */
export const conflictNames = (key: string) => ({
  choice: `choice/${key}`,
  mine: `mine/${key}`,
  theirs: `theirs/${key}`,
})
export const CONFLICTS_FIELD = 'conflicts'

/**
 * Applies the person's choices on a conflict page to the posted form, before it is parsed: each
 * field in conflict gets their own value, the other person's, or the merged text typed in the
 * field itself. Returns the keys with no choice made: those stay in conflict.
 */
export function applyConflictChoices(formData: FormData, fieldName: (key: string) => string | null): string[] {
  const keys = parseKeys(formData.get(CONFLICTS_FIELD))
  const unresolved: string[] = []
  for (const key of keys) {
    const name = fieldName(key)
    if (!name) continue
    const names = conflictNames(key)
    const choice = formData.get(names.choice)
    const mine = String(formData.get(names.mine) ?? '')
    const theirs = String(formData.get(names.theirs) ?? '')
    if (choice === 'theirs') formData.set(name, theirs)
    else if (choice === 'merged' && formData.has(name)) continue
    else {
      formData.set(name, mine)
      if (choice !== 'mine') unresolved.push(key)
    }
  }
  return unresolved
}

function parseKeys(raw: FormDataEntryValue | null): string[] {
  if (typeof raw !== 'string') return []
  try {
    const value: unknown = JSON.parse(raw)
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string').slice(0, 200) : []
  } catch {
    return []
  }
}

/** The hidden field a conflict page keeps who made the other save in, for the page shown again. */
export const CONFLICT_FROM_FIELD = 'conflictFrom'

/** Who made the save this one conflicts with, as the conflict page says it. */
export type ConflictFrom = { updatedAt: string | null; updatedByName: string | null; byYou: boolean }

/** A field in conflict as the page shows it; `draft` is the merged text typed in its box so far. */
export type ConflictFieldState = { key: string; mine: string; theirs: string; draft?: string }

/** A conflict page as it was posted, to be shown again as it was. */
export type PostedConflict = {
  fields: ConflictFieldState[]
  /** The choices made so far, by field key. */
  choices: Record<string, Choice>
  /** Every field of the base as the form posted it (by key), the fields in conflict aside. */
  values: FieldValues
  /** The stored values the conflict was found against (the form's base), as the form carries them. */
  base: string
  version: number
  from: ConflictFrom
}

/**
 * The conflict page's state from a posted form, or null when the form is not a conflict page. A
 * submit that does not save (without JavaScript: "Add another post", "Remove") reloads the page;
 * with this the page comes back with the conflict as it was: both people's values, the base and
 * version it is merged against, the choices made so far and the merged text typed. Read it before
 * `applyConflictChoices`, which changes the form. `fieldName` gives the input a field's value is
 * typed in, as for `applyConflictChoices`.
 */
export function postedConflict(formData: FormData, fieldName: (key: string) => string | null): PostedConflict | null {
  if (!formData.has(CONFLICTS_FIELD)) return null
  const keys = parseKeys(formData.get(CONFLICTS_FIELD))
  const base = parseBase(formData.get('base'))
  const postedVersion = formData.get('version')
  const version = typeof postedVersion === 'string' && postedVersion !== '' ? Number(postedVersion) : Number.NaN
  if (keys.length === 0 || !base || !Number.isInteger(version)) return null
  const choices: Record<string, Choice> = {}
  const fields = keys.map((key): ConflictFieldState => {
    const names = conflictNames(key)
    const choice = formData.get(names.choice)
    if (CHOICES.includes(choice as Choice)) choices[key] = choice as Choice
    const name = fieldName(key)
    const draft = name ? formData.get(name) : null
    return {
      key,
      mine: String(formData.get(names.mine) ?? ''),
      theirs: String(formData.get(names.theirs) ?? ''),
      ...(typeof draft === 'string' ? { draft } : {}),
    }
  })
  const values: FieldValues = {}
  for (const key of Object.keys(base)) {
    const name = keys.includes(key) ? null : fieldName(key)
    const value = name ? formData.get(name) : null
    if (typeof value === 'string') values[key] = value
  }
  return {
    fields,
    choices,
    values,
    base: JSON.stringify(base),
    version,
    from: parseFrom(formData.get(CONFLICT_FROM_FIELD)),
  }
}

/** The value of a conflict page's CONFLICT_FROM_FIELD. */
export const conflictFromValue = (from: ConflictFrom) => JSON.stringify(from)

function parseFrom(raw: FormDataEntryValue | null): ConflictFrom {
  const unknown: ConflictFrom = { updatedAt: null, updatedByName: null, byYou: false }
  if (typeof raw !== 'string') return unknown
  try {
    const value = JSON.parse(raw) as Record<string, unknown> | null
    if (!value || typeof value !== 'object') return unknown
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : null)
    return { updatedAt: text(value.updatedAt), updatedByName: text(value.updatedByName), byYou: value.byYou === true }
  } catch {
    return unknown
  }
}
