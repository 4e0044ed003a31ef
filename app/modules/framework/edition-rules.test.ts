import { describe, expect, it } from 'vitest'
import { editMode, normaliseLines, planOutcomeChanges, publishProblems, type OutcomeState } from './edition-rules'
import type { OutcomeForm } from './edition-schema'

const state: OutcomeState = {
  number: 2,
  shortTitle: 'Evidence',
  statement: 'Statement',
  scope: '',
  whyItMatters: '',
  keyQuestions: 'Why?',
  levels: [1, 2, 3, 4].map((level) => ({
    id: `l${level}`,
    level,
    summary: `Level ${level}`,
    indicators: [1, 2, 3].map((position) => ({
      id: `i${level}${position}`,
      position,
      code: `2.${level}.${position}`,
      text: `Text ${level}.${position}`,
    })),
  })),
  suggestedEvidence: [{ id: 'e1', position: 1, text: 'Strategy' }],
}

function unchanged(): OutcomeForm {
  return {
    editionVersion: 'v',
    shortTitle: state.shortTitle,
    statement: state.statement,
    scope: state.scope,
    whyItMatters: state.whyItMatters,
    keyQuestions: state.keyQuestions,
    levels: state.levels.map((l) => ({
      level: l.level,
      summary: l.summary,
      indicators: l.indicators.map((i) => ({ id: i.id, text: i.text, position: i.position })),
    })),
    suggestedEvidence: state.suggestedEvidence.map((e) => ({ id: e.id, text: e.text })),
  }
}

describe('edit mode', () => {
  it('allows every change only in a draft no cycle uses', () => {
    expect(editMode({ status: 'DRAFT', cycleCount: 0 })).toBe('full')
    expect(editMode({ status: 'DRAFT', cycleCount: 1 })).toBe('wording')
    expect(editMode({ status: 'PUBLISHED', cycleCount: 0 })).toBe('wording')
    expect(editMode({ status: 'RETIRED', cycleCount: 0 })).toBe('wording')
  })
})

describe('publish problems', () => {
  it('names each outcome and level with no indicators', () => {
    const full = [1, 2, 3, 4].map((level) => ({ level, indicatorCount: 1 }))
    expect(publishProblems([{ number: 1, levels: full }])).toEqual([])
    expect(
      publishProblems([
        { number: 1, levels: full },
        {
          number: 3,
          levels: full.map((l) => (l.level === 2 ? { ...l, indicatorCount: 0 } : l)).filter((l) => l.level !== 4),
        },
      ]),
    ).toEqual([
      'Outcome 3, level 2 has no indicators: add at least one',
      'Outcome 3, level 4 has no indicators: add at least one',
    ])
    expect(publishProblems([])).toEqual(['The edition has no outcomes'])
  })
})

describe('planning an outcome save', () => {
  it('finds nothing to do in an unchanged form', () => {
    const result = planOutcomeChanges(state, unchanged(), 'wording')
    expect(result.ok && result.plan.changed).toBe(false)
  })

  it('records a wording fix by indicator code, before and after', () => {
    const form = unchanged()
    form.levels[1]!.indicators[2]!.text = 'Fixed'
    form.keyQuestions = ' Why?\r\n\r\nHow? '
    const result = planOutcomeChanges(state, form, 'wording')
    if (!result.ok) throw new Error(result.message)
    expect(result.plan.before).toEqual({ keyQuestions: 'Why?', 'indicator 2.2.3': 'Text 2.3' })
    expect(result.plan.after).toEqual({ keyQuestions: 'Why?\nHow?', 'indicator 2.2.3': 'Fixed' })
    expect(result.plan.levels[1]!.reordered).toBe(false)
  })

  it('refuses structure changes in wording mode', () => {
    for (const change of [
      (f: OutcomeForm) => (f.levels[0]!.indicators[0]!.remove = 'yes'),
      (f: OutcomeForm) => (f.levels[0]!.newIndicator = 'New'),
      (f: OutcomeForm) => (f.levels[0]!.indicators[0]!.position = 3),
      (f: OutcomeForm) => (f.newSuggestedEvidence = 'Minutes'),
      (f: OutcomeForm) => (f.suggestedEvidence[0]!.remove = 'yes'),
    ]) {
      const form = unchanged()
      change(form)
      expect(planOutcomeChanges(state, form, 'wording')).toMatchObject({ ok: false, kind: 'wording-only' })
      expect(planOutcomeChanges(state, form, 'full').ok).toBe(true)
    }
  })

  it('reorders by the positions typed, ties keeping page order, then renumbers codes', () => {
    const form = unchanged()
    form.levels[2]!.indicators[0]!.position = 3
    form.levels[2]!.indicators[1]!.remove = 'yes'
    form.levels[2]!.newIndicator = 'Added'
    const result = planOutcomeChanges(state, form, 'full')
    if (!result.ok) throw new Error(result.message)
    const level = result.plan.levels[2]!
    expect(level.remove).toEqual(['i32'])
    expect(level.keep.map((i) => [i.id, i.code])).toEqual([
      ['i33', '2.3.1'],
      ['i31', '2.3.2'],
    ])
    expect(level.add).toEqual([{ position: 3, code: '2.3.3', text: 'Added' }])
    expect(level.reordered).toBe(true)
    expect(result.plan.after['level 3 indicators']).toEqual(['2.3.1 Text 3.3', '2.3.2 Text 3.1', '2.3.3 Added'])
  })

  it('treats a form naming other indicators than the database holds as out of date', () => {
    const form = unchanged()
    form.levels[0]!.indicators[0]!.id = 'someone-else'
    expect(planOutcomeChanges(state, form, 'full')).toMatchObject({ ok: false, kind: 'stale' })
    const dropped = unchanged()
    dropped.levels[0]!.indicators.pop()
    expect(planOutcomeChanges(state, dropped, 'full')).toMatchObject({ ok: false, kind: 'stale' })
  })

  it('normalises key questions to one per line', () => {
    expect(normaliseLines('  a \n\n b\r\nc  ')).toBe('a\nb\nc')
  })
})
