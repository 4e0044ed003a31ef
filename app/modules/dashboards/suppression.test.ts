import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  HIDDEN_COUNT,
  countValue,
  describeSuppression,
  formatCount,
  formatMedian,
  formatPercent,
  isSuppressed,
  isWithheld,
  medianValue,
  proportionValue,
  suppressedCountLabel,
  suppressionAt,
} from './suppression'

const publication = suppressionAt()

describe('small-number suppression of counts for publication', () => {
  it('uses a threshold of 5 unless configured otherwise', () => {
    expect(DEFAULT_SUPPRESSION_THRESHOLD).toBe(5)
    expect(publication).toEqual({ threshold: 5 })
    expect(suppressionAt(10)).toEqual({ threshold: 10 })
  })

  it('hides counts from 1 to 4 as "[c]", and shows 0 and counts of 5 or more', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 1234].map((n) => formatCount(n, publication))).toEqual([
      '0',
      '[c]',
      '[c]',
      '[c]',
      '[c]',
      '5',
      '6',
      '1,234',
    ])
    expect([0, 1, 4, 5].map((n) => isSuppressed(n, publication))).toEqual([false, true, true, false])
  })

  it('gives export cells a number, or the text "[c]" when suppressed', () => {
    expect(countValue(0, publication)).toBe(0)
    expect(countValue(4, publication)).toBe('[c]')
    expect(countValue(5, publication)).toBe(5)
  })

  it('follows a configured threshold', () => {
    const ten = suppressionAt(10)
    expect(suppressedCountLabel(ten)).toBe('[c]')
    expect(formatCount(9, ten)).toBe('[c]')
    expect(formatCount(10, ten)).toBe('10')
    expect(formatCount(1, { threshold: 2 })).toBe('[c]')
    expect(formatCount(2, { threshold: 2 })).toBe('2')
  })

  it('hides a count hidden as a complement, and any sum that includes one', () => {
    expect(formatCount(HIDDEN_COUNT, publication)).toBe('[c]')
    expect(formatCount(HIDDEN_COUNT + 12, publication)).toBe('[c]')
    expect(countValue(HIDDEN_COUNT * 3, publication)).toBe('[c]')
    expect(formatMedian(2, HIDDEN_COUNT, publication)).toBe('Suppressed')
    expect(formatPercent(HIDDEN_COUNT, 20, publication)).toBe('Suppressed')
    expect(formatPercent(3, HIDDEN_COUNT, publication)).toBe('Suppressed')
  })

  it('shows every count when there is no suppression', () => {
    expect([0, 1, 4, 5].map((n) => formatCount(n, null))).toEqual(['0', '1', '4', '5'])
    expect(countValue(1, null)).toBe(1)
    expect(isSuppressed(1, null)).toBe(false)
  })

  it('refuses a threshold that would quietly suppress nothing or make no sense', () => {
    for (const threshold of [0, 1, 2.5, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => suppressionAt(threshold)).toThrow(RangeError)
      expect(() => isSuppressed(3, { threshold })).toThrow(RangeError)
    }
  })

  it('refuses a count that is not a whole number of at least 0', () => {
    for (const n of [-1, 1.5, Number.NaN]) expect(() => formatCount(n, publication)).toThrow(RangeError)
  })
})

describe('medians and percentages based on too few values', () => {
  it('withholds a median of 1 to 4 grades, and shows one of 5 or more', () => {
    expect(isWithheld(4, publication)).toBe(true)
    expect(isWithheld(5, publication)).toBe(false)
    expect(formatMedian(2, 4, publication)).toBe('Suppressed')
    expect(medianValue(2, 4, publication)).toBe('Suppressed')
    expect(formatMedian(2.5, 5, publication)).toBe('2.5')
    expect(medianValue(2.5, 5, publication)).toBe(2.5)
    expect(formatMedian(3, 12, publication)).toBe('3')
  })

  it('has no median to withhold when nothing has been graded', () => {
    expect(formatMedian(null, 0, publication)).toBe('None')
    expect(medianValue(null, 0, publication)).toBeNull()
  })

  it('shows every median when there is no suppression', () => {
    expect(formatMedian(1.5, 2, null)).toBe('1.5')
    expect(medianValue(1, 1, null)).toBe(1)
  })

  it('withholds a percentage of a base of 1 to 4, or whose numerator is a suppressed count', () => {
    expect(formatPercent(2, 4, publication)).toBe('Suppressed')
    expect(formatPercent(0, 3, publication)).toBe('Suppressed')
    expect(formatPercent(3, 200, publication)).toBe('Suppressed')
    expect(proportionValue(3, 200, publication)).toBe('Suppressed')
  })

  it('shows other percentages, and proportions to four decimal places for export', () => {
    expect(formatPercent(0, 10, publication)).toBe('0%')
    expect(formatPercent(6, 8, publication)).toBe('75%')
    expect(formatPercent(10, 15, publication)).toBe('66.7%')
    expect(proportionValue(10, 15, publication)).toBe(0.6667)
    expect(proportionValue(5, 5, publication)).toBe(1)
    expect(formatPercent(1, 3, null)).toBe('33.3%')
  })

  it('has no percentage of nothing', () => {
    expect(formatPercent(0, 0, publication)).toBe('None')
    expect(proportionValue(0, 0, null)).toBeNull()
  })

  it('refuses a part larger than its whole', () => {
    expect(() => proportionValue(6, 5, null)).toThrow(RangeError)
  })
})

describe('describing the rule', () => {
  it('says "None" when figures are shown in full, and the rule when they are not', () => {
    expect(describeSuppression(null)).toBe('None')
    expect(describeSuppression(publication)).toBe(
      'Counts from 1 to 4 are shown as "[c]", and so is any other count that would let one of them be worked out from the totals or another view; medians and percentages based on a hidden count are shown as "Suppressed". Zeros are shown unless hidden for that reason.',
    )
    expect(describeSuppression(suppressionAt(10))).toContain('Counts from 1 to 9 are shown as "[c]"')
  })
})
