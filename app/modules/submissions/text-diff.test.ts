import { describe, expect, it } from 'vitest'
import { MAX_EDIT_WORDS, diffText } from './text-diff'

describe('diffText', () => {
  it('finds nothing changed in the same text', () => {
    expect(diffText('We run outreach clinics.', 'We run outreach clinics.')).toEqual({ kind: 'unchanged' })
  })

  it('marks the words added and removed, keeping the rest as it was', () => {
    const diff = diffText('We run two outreach clinics a week.', 'We run three outreach clinics a week on wards.')
    expect(diff).toMatchObject({ kind: 'changed', added: 3, removed: 1 })
    if (diff.kind !== 'changed') throw new Error('expected a change')
    expect(diff.parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toEqual(['two'])
    expect(
      diff.parts
        .filter((p) => p.kind === 'added')
        .map((p) => p.text.trim())
        .join(' '),
    ).toBe('three on wards')
    // Read in order without the removed words, the parts are the new text.
    expect(
      diff.parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('We run three outreach clinics a week on wards.')
  })

  it('calls a text rewritten past the limit rewritten, rather than listing every word', () => {
    const before = Array.from({ length: MAX_EDIT_WORDS + 10 }, (_, i) => `old${i}`).join(' ')
    const after = Array.from({ length: MAX_EDIT_WORDS + 10 }, (_, i) => `new${i}`).join(' ')
    expect(diffText(before, after)).toEqual({ kind: 'rewritten' })
  })
})
