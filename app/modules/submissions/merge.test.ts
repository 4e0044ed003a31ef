import { describe, expect, it } from 'vitest'
import { applyConflictChoices, mergeFields, parseBase, postedConflict } from './merge'

describe('mergeFields', () => {
  const base = { narrative: 'A', keyStrengths: 'S', 'indicator/1/status': '' }

  it('takes a change made on one side only, from either side', () => {
    const theirs = { ...base, keyStrengths: 'S by them', 'indicator/1/status': 'MET' }
    const mine = { ...base, narrative: 'A by me' }
    expect(mergeFields(base, theirs, mine)).toEqual({
      merged: { narrative: 'A by me', keyStrengths: 'S by them', 'indicator/1/status': 'MET' },
      conflicts: [],
    })
  })

  it('lists a field both changed to different values, and keeps mine in it for now', () => {
    const theirs = { ...base, keyStrengths: 'S by them', 'indicator/1/status': 'MET' }
    const mine = { ...base, narrative: 'A by me', keyStrengths: 'S by me' }
    const result = mergeFields(base, theirs, mine)
    expect(result.conflicts).toEqual(['keyStrengths'])
    expect(result.merged).toEqual({ narrative: 'A by me', keyStrengths: 'S by me', 'indicator/1/status': 'MET' })
  })

  it('is no conflict when both made the same change', () => {
    const same = { ...base, narrative: 'B' }
    expect(mergeFields(base, same, same).conflicts).toEqual([])
  })

  it('treats a missing key as empty (a field the base did not have)', () => {
    expect(mergeFields({}, { note: 'x' }, { note: '' })).toEqual({ merged: { note: 'x' }, conflicts: [] })
    expect(mergeFields({}, { note: 'x' }, { note: 'y' }).conflicts).toEqual(['note'])
  })
})

describe('parseBase', () => {
  it('reads a JSON map of strings and refuses anything else', () => {
    expect(parseBase('{"a":"1"}')).toEqual({ a: '1' })
    expect(parseBase('{"a":1}')).toBeNull()
    expect(parseBase('[]')).toBeNull()
    expect(parseBase('not json')).toBeNull()
    expect(parseBase(null)).toBeNull()
  })
})

describe('applyConflictChoices', () => {
  const posted = (choice?: string) => {
    const formData = new FormData()
    formData.set('conflicts', JSON.stringify(['keyStrengths']))
    formData.set('mine/keyStrengths', 'mine')
    formData.set('theirs/keyStrengths', 'theirs')
    formData.set('keyStrengths', 'edited')
    if (choice) formData.set('choice/keyStrengths', choice)
    return formData
  }
  const name = (key: string) => key

  it('puts the chosen value into the field', () => {
    for (const [choice, value] of [
      ['mine', 'mine'],
      ['theirs', 'theirs'],
      ['merged', 'edited'],
    ]) {
      const formData = posted(choice)
      expect(applyConflictChoices(formData, name)).toEqual([])
      expect(formData.get('keyStrengths')).toBe(value)
    }
  })

  it('leaves a field with no choice in conflict', () => {
    const formData = posted()
    expect(applyConflictChoices(formData, name)).toEqual(['keyStrengths'])
    expect(formData.get('keyStrengths')).toBe('mine')
  })
})

describe('postedConflict', () => {
  const conflictForm = (entries: [string, string][]) => {
    const form = new FormData()
    for (const [name, value] of entries) form.append(name, value)
    return form
  }
  const page: [string, string][] = [
    ['version', '4'],
    ['base', JSON.stringify({ notes: 'Theirs', budget: '10' })],
    ['conflicts', JSON.stringify(['notes', 'budget'])],
    ['conflictFrom', JSON.stringify({ updatedAt: '2026-12-03T10:00:00.000Z', updatedByName: 'Sam', byYou: false })],
    ['mine/notes', 'Mine'],
    ['theirs/notes', 'Theirs'],
    ['choice/notes', 'merged'],
    ['notes', 'Mine and theirs'],
    ['mine/budget', '20'],
    ['theirs/budget', '10'],
    ['budgetPounds', '20'],
  ]
  const withStrategy: [string, string][] = [
    ...page.map(([name, value]): [string, string] =>
      name === 'base' ? [name, JSON.stringify({ notes: 'Theirs', budget: '10', strategy: 'e1' })] : [name, value],
    ),
    ['strategyEvidenceId', 'e2'],
  ]
  const inputs = (key: string) => (key === 'notes' ? 'notes' : key === 'budget' ? 'budgetPounds' : null)

  it('gives back the conflict as posted: both values, choices made, text typed, base, version and who', () => {
    expect(postedConflict(conflictForm(page), inputs)).toEqual({
      fields: [
        { key: 'notes', mine: 'Mine', theirs: 'Theirs', draft: 'Mine and theirs' },
        { key: 'budget', mine: '20', theirs: '10', draft: '20' },
      ],
      choices: { notes: 'merged' },
      values: {},
      base: JSON.stringify({ notes: 'Theirs', budget: '10' }),
      version: 4,
      from: { updatedAt: '2026-12-03T10:00:00.000Z', updatedByName: 'Sam', byYou: false },
    })
  })

  it('gives the other fields of the base as posted', () => {
    const inputsToo = (key: string) => (key === 'strategy' ? 'strategyEvidenceId' : inputs(key))
    expect(postedConflict(conflictForm(withStrategy), inputsToo)?.values).toEqual({ strategy: 'e2' })
  })

  it('is null for a form that is not a conflict page, or whose base or version is missing', () => {
    expect(
      postedConflict(
        conflictForm([
          ['version', '4'],
          ['notes', 'x'],
        ]),
        inputs,
      ),
    ).toBeNull()
    expect(postedConflict(conflictForm(page.filter(([name]) => name !== 'base')), inputs)).toBeNull()
    expect(postedConflict(conflictForm(page.filter(([name]) => name !== 'version')), inputs)).toBeNull()
  })

  it('ignores a choice that is not one, and reads who as unknown when it is not given', () => {
    const posted = postedConflict(
      conflictForm([
        ...page.filter(([name]) => name !== 'conflictFrom' && name !== 'choice/notes'),
        ['choice/notes', 'x'],
      ]),
      inputs,
    )
    expect(posted?.choices).toEqual({})
    expect(posted?.from).toEqual({ updatedAt: null, updatedByName: null, byYou: false })
  })
})
