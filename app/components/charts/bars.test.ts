import { describe, expect, it } from 'vitest'
import { SUPPRESSED_SHARE, barShares, type BarPart } from './bars'
import { formatCount } from './format'
import { LEVEL_FILLS } from '~/modules/charts/palette'
import { suppress } from './test-markup'

const part = (key: string, count: number, components?: number[]): BarPart => ({
  key,
  name: key,
  count,
  components,
  fill: LEVEL_FILLS[0],
})
const shares = (parts: BarPart[], format = formatCount) =>
  barShares(parts, format).map((s) => [s.part.key, s.shown, s.share])

describe('barShares', () => {
  it('sizes shown counts in proportion and leaves out zeros', () => {
    expect(shares([part('a', 10), part('b', 0), part('c', 30)])).toEqual([
      ['a', true, expect.closeTo(0.25, 6)],
      ['c', true, expect.closeTo(0.75, 6)],
    ])
  })

  it('gives each hidden count a fixed share, whatever its value, and the shown ones the rest in proportion', () => {
    const withSeven = shares([part('a', 7), part('b', 20), part('c', 60)], suppress)
    expect(withSeven).toEqual([
      ['a', false, expect.closeTo(SUPPRESSED_SHARE, 6)],
      ['b', true, expect.closeTo((1 - SUPPRESSED_SHARE) * 0.25, 6)],
      ['c', true, expect.closeTo((1 - SUPPRESSED_SHARE) * 0.75, 6)],
    ])
    const raw = (count: number) =>
      barShares([part('a', count), part('b', 20), part('c', 60)], suppress).map((s) => s.share)
    expect(raw(1)).toEqual(raw(7))
  })

  it('keeps hidden counts to half the bar at most', () => {
    const parts = [...'abcdefgh'].map((key) => part(key, 3)).concat(part('z', 40))
    const result = barShares(parts, suppress)
    expect(result.filter((s) => !s.shown).every((s) => s.share === 0.5 / 8)).toBe(true)
    expect(result.find((s) => s.part.key === 'z')!.share).toBeCloseTo(0.5)
  })

  it('shares the bar by hidden counts when nothing is shown', () => {
    expect(shares([part('a', 3, [1, 2]), part('b', 4)], suppress)).toEqual([
      ['a', false, expect.closeTo(2 / 3, 6)],
      ['b', false, expect.closeTo(1 / 3, 6)],
    ])
  })

  it('hides a sum with a hidden component, sizing it by its shown components plus a share per hidden one', () => {
    // a = 30 + 4 (hidden): 34 would give the 4 away, so a is hidden and sized as 30 plus one hidden share.
    expect(shares([part('a', 34, [30, 4]), part('b', 30, [10, 20])], suppress)).toEqual([
      ['a', false, expect.closeTo((1 - SUPPRESSED_SHARE) * 0.5 + SUPPRESSED_SHARE, 6)],
      ['b', true, expect.closeTo((1 - SUPPRESSED_SHARE) * 0.5, 6)],
    ])
  })

  it('draws a zero the formatter hides, so as not to tell it apart from a small count', () => {
    const hideSmall = (n: number) => (n < 10 ? '<10' : String(n))
    expect(shares([part('a', 0), part('b', 50)], hideSmall)).toEqual([
      ['a', false, expect.closeTo(SUPPRESSED_SHARE, 6)],
      ['b', true, expect.closeTo(1 - SUPPRESSED_SHARE, 6)],
    ])
  })

  it('draws nothing for nothing', () => {
    expect(barShares([part('a', 0)], formatCount)).toEqual([])
  })
})
