import { describe, expect, it } from 'vitest'
import {
  allShown,
  countWithPercent,
  formatCount,
  formatMedian,
  formatPercent,
  highestShare,
  isShown,
  joinWords,
  outcomeHeading,
  outcomeList,
  shownPercent,
} from './format'
import { suppress } from './test-markup'

describe('isShown', () => {
  it.each([
    { format: formatCount, n: 1234, shown: true },
    { format: formatCount, n: 0, shown: true },
    { format: suppress, n: 4, shown: false },
    { format: suppress, n: 12, shown: true },
    { format: suppress, n: 0, shown: true },
    { format: (n: number) => (n < 5 ? '[c]' : String(n)), n: 0, shown: false },
    { format: () => '', n: 0, shown: false },
    { format: (n: number) => String(n + 1), n: 3, shown: false },
  ])('$n with $format is shown: $shown', ({ format, n, shown }) => {
    expect(isShown(format, n)).toBe(shown)
  })

  it('allShown needs every count shown', () => {
    expect(allShown(suppress, [0, 10, 20])).toBe(true)
    expect(allShown(suppress, [10, 3])).toBe(false)
  })
})

describe('percentages', () => {
  it.each([
    [1, 3, '33%'],
    [2, 3, '67%'],
    [0, 5, '0%'],
    [5, 5, '100%'],
    [1, 1000, '<1%'],
    [999, 1000, '>99%'],
  ])('%i of %i is %s', (part, total, expected) => {
    expect(formatPercent(part, total)).toBe(expected)
  })

  it('refuses a total of 0', () => {
    expect(() => formatPercent(0, 0)).toThrow(RangeError)
  })

  it('gives no percentage of, or from, a hidden count', () => {
    expect(shownPercent(suppress, 10, 40)).toBe('25%')
    expect(shownPercent(suppress, 3, 40)).toBeNull()
    expect(shownPercent(suppress, 0, 8)).toBeNull()
    expect(shownPercent(suppress, 0, 0)).toBeNull()
    expect(countWithPercent(suppress, 10, 40)).toBe('10 (25%)')
    expect(countWithPercent(suppress, 3, 40)).toBe('<10')
  })
})

describe('words', () => {
  it('joins lists and names outcomes', () => {
    expect(joinWords([])).toBe('')
    expect(joinWords(['a'])).toBe('a')
    expect(joinWords(['a', 'b'])).toBe('a and b')
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c')
    expect(outcomeList([3])).toBe('outcome 3')
    expect(outcomeList([1, 2, 5])).toBe('outcomes 1, 2 and 5')
    expect(outcomeHeading(2, [{ number: 2, shortTitle: ' Resources ' }])).toBe('Outcome 2: Resources')
    expect(outcomeHeading(2, [{ number: 2, shortTitle: '' }])).toBe('Outcome 2')
    expect(outcomeHeading(2, undefined)).toBe('Outcome 2')
  })

  it('formats medians and counts', () => {
    expect(formatMedian(2)).toBe('2')
    expect(formatMedian(2.5)).toBe('2.5')
    expect(formatCount(12345)).toBe('12,345')
  })
})

describe('highestShare', () => {
  const rows = [
    { id: 'a', part: 2, total: 4 },
    { id: 'b', part: 3, total: 6 },
    { id: 'c', part: 1, total: 4 },
    { id: 'd', part: 9, total: 10 }, // 90%, but 9 is hidden by the suppression formatter
  ]
  const part = (r: (typeof rows)[number]) => r.part
  const total = (r: (typeof rows)[number]) => r.total

  it('names every row tied for the highest share', () => {
    expect(highestShare(rows.slice(0, 3), part, total, formatCount)).toEqual({
      rows: [rows[0], rows[1]],
      percent: '50%',
    })
  })

  it('leaves out rows with a hidden count', () => {
    expect(highestShare(rows, part, total, formatCount)?.rows.map((r) => r.id)).toEqual(['d'])
    expect(
      highestShare(
        [
          { id: 'd', part: 9, total: 20 },
          { id: 'e', part: 10, total: 40 },
        ],
        part,
        total,
        suppress,
      )?.rows.map((r) => r.id),
    ).toEqual(['e'])
  })

  it('is null when nothing has a share above 0', () => {
    expect(highestShare([{ id: 'a', part: 0, total: 4 }], part, total, formatCount)).toBeNull()
    expect(highestShare([], part, total, formatCount)).toBeNull()
  })
})
