import { describe, expect, it } from 'vitest'
import { applyConflictChoices, mergeFields, parseBase } from './merge'

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
