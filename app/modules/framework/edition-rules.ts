// The rules for editing a framework edition (issue 7). Pure, so each rule has a unit test.
//
// - A draft that no cycle uses can change in every way: add, remove and reorder indicators and
//   suggested evidence as well as fix wording.
// - Anything else (a published or retired edition, or any edition a cycle uses) takes wording fixes
//   only: the indicators that submissions and evidence point at must keep their place and meaning.
//   A published edition no cycle uses yet is treated the same way: once people can see it, a cycle
//   may be set up on it at any moment, and a new draft copy is cheap.
// - An edition can be published when every outcome has at least one indicator on each of levels 1 to 4.
import { indicatorCode } from './edition-json'
import type { OutcomeForm } from './edition-schema'

export type EditMode = 'full' | 'wording'

export function editMode(edition: { status: string; cycleCount: number }): EditMode {
  return edition.status === 'DRAFT' && edition.cycleCount === 0 ? 'full' : 'wording'
}

export const WORDING_ONLY_NOTICE = 'This edition is in use: you can only fix wording.'

/** What stops an edition being published, one sentence each; empty when it can be. */
export function publishProblems(
  outcomes: ReadonlyArray<{ number: number; levels: ReadonlyArray<{ level: number; indicatorCount: number }> }>,
): string[] {
  if (outcomes.length === 0) return ['The edition has no outcomes']
  const problems: string[] = []
  for (const outcome of outcomes) {
    for (const level of [1, 2, 3, 4]) {
      const count = outcome.levels.find((l) => l.level === level)?.indicatorCount ?? 0
      if (count === 0) problems.push(`Outcome ${outcome.number}, level ${level} has no indicators: add at least one`)
    }
  }
  return problems
}

/** One per line, blank lines dropped: how key questions are stored. */
export function normaliseLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
}

export type OutcomeState = {
  number: number
  shortTitle: string
  statement: string
  scope: string
  whyItMatters: string
  keyQuestions: string
  levels: Array<{
    id: string
    level: number
    summary: string
    indicators: Array<{ id: string; position: number; code: string; text: string }>
  }>
  suggestedEvidence: Array<{ id: string; position: number; text: string }>
}

const TEXT_FIELDS = ['shortTitle', 'statement', 'scope', 'whyItMatters', 'keyQuestions'] as const

export type LevelPlan = {
  levelId: string
  level: number
  summary: string | null
  /** Indicators to delete, by id. */
  remove: string[]
  /** Every indicator kept, with its final position, code and text. */
  keep: Array<{ id: string; position: number; code: string; text: string }>
  add: Array<{ position: number; code: string; text: string }>
  /** Whether positions change, so the writer must step around the unique (level, position). */
  reordered: boolean
}

export type OutcomePlan = {
  outcomeFields: Partial<Record<(typeof TEXT_FIELDS)[number], string>>
  levels: LevelPlan[]
  suggestedEvidence: {
    remove: string[]
    keep: Array<{ id: string; position: number; text: string }>
    add: Array<{ position: number; text: string }>
    reordered: boolean
  }
  /** Only what changed, for the audit log: field name to text (or list of texts). */
  before: Record<string, string | string[]>
  after: Record<string, string | string[]>
  changed: boolean
}

export type PlanResult =
  { ok: true; plan: OutcomePlan } | { ok: false; kind: 'wording-only' | 'stale'; message: string }

const STALE = {
  ok: false as const,
  kind: 'stale' as const,
  message: 'The outcome has changed since you opened it. Reload the page and make your changes again.',
}
const WORDING_ONLY = {
  ok: false as const,
  kind: 'wording-only' as const,
  message: `${WORDING_ONLY_NOTICE} Adding, removing or reordering indicators and suggested evidence is not allowed.`,
}

/** Same members, each once: the form speaks of exactly the items the database holds. */
function sameIds(existing: readonly string[], submitted: readonly string[]): boolean {
  return (
    existing.length === submitted.length &&
    new Set(submitted).size === submitted.length &&
    submitted.every((id) => existing.includes(id))
  )
}

/**
 * Kept items in their new order, by the position typed (or where they were). An item moved onto
 * another's number lands just past it in the direction it moved: "move 1 to 3" puts it after the
 * third, "move 3 to 1" before the first. Remaining ties keep page order.
 */
function ordered<T extends { id: string; position?: number; remove?: 'yes' }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => {
      const was = index + 1
      const to = item.position ?? was
      return { item, key: to === was ? to : to + (to > was ? 0.5 : -0.5), index }
    })
    .filter(({ item }) => !item.remove)
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ item }) => item)
}

/**
 * Turns a submitted outcome form into the writes to make, or refuses it. In wording mode anything
 * beyond changed text (a removal, an addition, a new position) is refused as a whole.
 */
export function planOutcomeChanges(existing: OutcomeState, form: OutcomeForm, mode: EditMode): PlanResult {
  const before: Record<string, string | string[]> = {}
  const after: Record<string, string | string[]> = {}

  const outcomeFields: OutcomePlan['outcomeFields'] = {}
  for (const field of TEXT_FIELDS) {
    const value = field === 'keyQuestions' ? normaliseLines(form.keyQuestions) : form[field]
    if (value !== existing[field]) {
      outcomeFields[field] = value
      before[field] = existing[field]
      after[field] = value
    }
  }

  const levels: LevelPlan[] = []
  for (const current of existing.levels) {
    const submitted = form.levels.find((l) => l.level === current.level)
    if (
      !submitted ||
      !sameIds(
        current.indicators.map((i) => i.id),
        submitted.indicators.map((i) => i.id),
      )
    )
      return STALE
    const structural =
      submitted.indicators.some((i, index) => i.remove || (i.position !== undefined && i.position !== index + 1)) ||
      Boolean(submitted.newIndicator) ||
      submitted.indicators.some((i, index) => i.id !== current.indicators[index]?.id)
    if (structural && mode === 'wording') return WORDING_ONLY

    const kept = ordered(submitted.indicators)
    const keep = kept.map((item, index) => ({
      id: item.id,
      position: index + 1,
      code: indicatorCode(existing.number, current.level, index + 1),
      text: item.text ?? '',
    }))
    const add = submitted.newIndicator
      ? [
          {
            position: keep.length + 1,
            code: indicatorCode(existing.number, current.level, keep.length + 1),
            text: submitted.newIndicator,
          },
        ]
      : []
    const remove = submitted.indicators.filter((i) => i.remove).map((i) => i.id)
    const reordered = keep.some((item) => current.indicators.find((i) => i.id === item.id)?.position !== item.position)

    const summary = submitted.summary !== current.summary ? submitted.summary : null
    if (summary !== null) {
      before[`level ${current.level} summary`] = current.summary
      after[`level ${current.level} summary`] = summary
    }
    if (structural) {
      before[`level ${current.level} indicators`] = current.indicators.map((i) => `${i.code} ${i.text}`)
      after[`level ${current.level} indicators`] = [...keep, ...add].map((i) => `${i.code} ${i.text}`)
    } else {
      for (const item of keep) {
        const was = current.indicators.find((i) => i.id === item.id)!
        if (was.text !== item.text) {
          before[`indicator ${was.code}`] = was.text
          after[`indicator ${was.code}`] = item.text
        }
      }
    }
    levels.push({ levelId: current.id, level: current.level, summary, remove, keep, add, reordered })
  }

  const evidence = form.suggestedEvidence
  if (
    !sameIds(
      existing.suggestedEvidence.map((e) => e.id),
      evidence.map((e) => e.id),
    )
  )
    return STALE
  const evidenceStructural =
    evidence.some((e, index) => e.remove || e.id !== existing.suggestedEvidence[index]?.id) ||
    Boolean(form.newSuggestedEvidence)
  if (evidenceStructural && mode === 'wording') return WORDING_ONLY
  const keptEvidence = evidence
    .filter((e) => !e.remove)
    .map((e, index) => ({ id: e.id, position: index + 1, text: e.text ?? '' }))
  const addEvidence = form.newSuggestedEvidence
    ? [{ position: keptEvidence.length + 1, text: form.newSuggestedEvidence }]
    : []
  if (evidenceStructural) {
    before['suggested evidence'] = existing.suggestedEvidence.map((e) => e.text)
    after['suggested evidence'] = [...keptEvidence, ...addEvidence].map((e) => e.text)
  } else {
    for (const item of keptEvidence) {
      const was = existing.suggestedEvidence.find((e) => e.id === item.id)!
      if (was.text !== item.text) {
        before[`suggested evidence ${was.position}`] = was.text
        after[`suggested evidence ${was.position}`] = item.text
      }
    }
  }

  return {
    ok: true,
    plan: {
      outcomeFields,
      levels,
      suggestedEvidence: {
        remove: evidence.filter((e) => e.remove).map((e) => e.id),
        keep: keptEvidence,
        add: addEvidence,
        reordered: keptEvidence.some(
          (item) => existing.suggestedEvidence.find((e) => e.id === item.id)?.position !== item.position,
        ),
      },
      before,
      after,
      changed: Object.keys(after).length > 0,
    },
  }
}
