import { describe, expect, it } from 'vitest'
import { medianFromHistogram, medianLevel } from './median'

// The median the long way: expand the histogram, sort, take the middle.
function expandedMedian(counts: readonly number[]): number | null {
  const values = counts.flatMap((count, value) => Array<number>(count).fill(value))
  if (values.length === 0) return null
  const middle = values.length / 2
  return values.length % 2 === 1 ? values[Math.floor(middle)]! : (values[middle - 1]! + values[middle]!) / 2
}

describe('the median level of agreed grades', () => {
  it('is null when nothing has been graded', () => {
    expect(medianLevel([0, 0, 0, 0, 0])).toBeNull()
    expect(medianFromHistogram([])).toBeNull()
  })

  it('is the only grade when there is one', () => {
    expect(medianLevel([0, 0, 0, 1, 0])).toBe(3)
    expect(medianLevel([1, 0, 0, 0, 0])).toBe(0)
    expect(medianLevel([0, 0, 0, 0, 1])).toBe(4)
  })

  it('is the middle grade of an odd count', () => {
    // 1, 2, 2, 3, 4
    expect(medianLevel([0, 1, 2, 1, 1])).toBe(2)
    // 0, 0, 4
    expect(medianLevel([2, 0, 0, 0, 1])).toBe(0)
  })

  it('is the mean of the two middle grades of an even count, so it may end in .5', () => {
    // 1, 2
    expect(medianLevel([0, 1, 1, 0, 0])).toBe(1.5)
    // 0, 1, 3, 4: the middle two are 1 and 3
    expect(medianLevel([1, 1, 0, 1, 1])).toBe(2)
    // 0, 0, 4, 4
    expect(medianLevel([2, 0, 0, 0, 2])).toBe(2)
    // 2, 2, 2, 3, 3, 3
    expect(medianLevel([0, 0, 3, 3, 0])).toBe(2.5)
  })

  it('is that level when every grade is at one level', () => {
    expect(medianLevel([0, 0, 7, 0, 0])).toBe(2)
    expect(medianLevel([0, 0, 0, 0, 8])).toBe(4)
  })

  it('is not pulled by an extreme grade, unlike a mean', () => {
    // 0, 3, 3: the mean would be 2
    expect(medianLevel([1, 0, 0, 2, 0])).toBe(3)
  })

  it('works on a histogram of sub-level steps as well as levels', () => {
    const steps = [0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 1] // 4, 6, 6, 12
    expect(medianFromHistogram(steps)).toBe(6)
  })

  it('agrees with sorting the grades out for every small histogram', () => {
    let checked = 0
    for (let code = 0; code < 4 ** 5; code++) {
      const counts = [0, 1, 2, 3, 4].map((i) => Math.floor(code / 4 ** i) % 4) as [
        number,
        number,
        number,
        number,
        number,
      ]
      expect(medianLevel(counts), counts.join(',')).toBe(expandedMedian(counts))
      checked++
    }
    expect(checked).toBe(1024)
  })

  it('refuses a count that is negative or not a whole number', () => {
    expect(() => medianLevel([0, -1, 2, 0, 0])).toThrow(RangeError)
    expect(() => medianLevel([0, 1.5, 2, 0, 0])).toThrow(RangeError)
    expect(() => medianLevel([0, Number.NaN, 2, 0, 0])).toThrow(RangeError)
  })
})
