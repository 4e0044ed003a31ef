import { describe, expect, it } from 'vitest'
import { mergeFields } from '~/modules/submissions/merge'
import {
  isValidationTextField,
  judgementKey,
  validationFieldValues,
  validationInputName,
  validationValuesOf,
} from './validation-fields'

describe('a validator’s judgement as the merge sees it', () => {
  const ids = ['a', 'b']
  const values = { level: 2, subLevel: 'LOW', rationale: 'R', notes: '', judgements: [{ id: 'b', status: 'MET' }] }

  it('keys every field, judgements by indicator id, and reads them back', () => {
    const fields = validationFieldValues(values, ids)
    expect(fields).toEqual({
      level: '2',
      subLevel: 'LOW',
      rationale: 'R',
      notes: '',
      'judgement/a': '',
      'judgement/b': 'MET',
    })
    expect(validationValuesOf(fields, ids)).toEqual({
      ...values,
      judgements: [
        { id: 'a', status: null },
        { id: 'b', status: 'MET' },
      ],
    })
  })

  it('names the input of each key; rationale and notes are text', () => {
    expect(validationInputName('rationale', ids)).toBe('rationale')
    expect(validationInputName(judgementKey('b'), ids)).toBe('judgements[1].status')
    expect(validationInputName(judgementKey('z'), ids)).toBeNull()
    expect(validationInputName('version', ids)).toBeNull()
    expect(isValidationTextField('notes')).toBe(true)
    expect(isValidationTextField('level')).toBe(false)
  })

  it('merges notes saved in one tab with a judgement changed in another, and asks about a rationale both changed', () => {
    const base = validationFieldValues(values, ids)
    const theirs = validationFieldValues({ ...values, rationale: 'R, tab one', notes: 'Ask about B' }, ids)
    const mine = validationFieldValues(
      {
        ...values,
        rationale: 'R, tab two',
        judgements: [
          { id: 'a', status: 'MET' },
          { id: 'b', status: 'MET' },
        ],
      },
      ids,
    )
    const { merged, conflicts } = mergeFields(base, theirs, mine)
    expect(conflicts).toEqual(['rationale'])
    expect(validationValuesOf(merged, ids)).toMatchObject({
      notes: 'Ask about B',
      rationale: 'R, tab two',
      judgements: [
        { id: 'a', status: 'MET' },
        { id: 'b', status: 'MET' },
      ],
    })
  })
})
