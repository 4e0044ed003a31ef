import { describe, expect, it } from 'vitest'
import {
  formShowsOtherValues,
  indicatorKey,
  isTextField,
  outcomeFieldValues,
  outcomeInputName,
  outcomeValuesOf,
} from './outcome-fields'

describe('the outcome form as the merge sees it', () => {
  const ids = ['a', 'b']
  const values = {
    narrative: 'N',
    keyStrengths: 'K',
    selfLevel: 2,
    selfSubLevel: 'HIGH',
    selfGradeReason: '',
    indicators: [{ id: 'b', status: 'MET', note: 'seen' }],
  }

  it('keys every field, indicators by id, and reads them back', () => {
    const fields = outcomeFieldValues(values, ids)
    expect(fields).toEqual({
      narrative: 'N',
      keyStrengths: 'K',
      selfLevel: '2',
      selfSubLevel: 'HIGH',
      selfGradeReason: '',
      'indicator/a/status': '',
      'indicator/a/note': '',
      'indicator/b/status': 'MET',
      'indicator/b/note': 'seen',
    })
    expect(outcomeValuesOf(fields, ids)).toEqual({
      ...values,
      indicators: [
        { id: 'a', status: null, note: '' },
        { id: 'b', status: 'MET', note: 'seen' },
      ],
    })
  })

  it('names the input each key is posted in, and which keys are text', () => {
    expect(outcomeInputName('keyStrengths', ids)).toBe('keyStrengths')
    expect(outcomeInputName(indicatorKey('b', 'status'), ids)).toBe('indicators[1].status')
    expect(outcomeInputName(indicatorKey('z', 'note'), ids)).toBeNull()
    expect(outcomeInputName('version', ids)).toBeNull()
    expect(isTextField(indicatorKey('a', 'note'))).toBe(true)
    expect(isTextField(indicatorKey('a', 'status'))).toBe(false)
    expect(isTextField('selfLevel')).toBe(false)
  })

  it('tells whether a form shows other values than those stored, line endings aside', () => {
    const stored = outcomeFieldValues({ ...values, narrative: 'One\nTwo' }, ids)
    const shown: Record<string, string> = {
      narrative: 'One\r\nTwo',
      keyStrengths: 'K',
      selfLevel: '2',
      selfSubLevel: 'HIGH',
      'indicators[1].status': 'MET',
      'indicators[1].note': 'seen',
    }
    const read = (overrides: Record<string, string>) => (name: string) => ({ ...shown, ...overrides })[name] ?? null
    expect(formShowsOtherValues(read({}), stored, ids)).toBe(false)
    expect(formShowsOtherValues(read({ 'indicators[0].status': 'MET' }), stored, ids)).toBe(true)
    expect(formShowsOtherValues(read({ keyStrengths: 'K, and more' }), stored, ids)).toBe(true)
  })
})
