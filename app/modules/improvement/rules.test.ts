import { describe, expect, it } from 'vitest'
import { isActionOverdue, isWithinPlanPeriod, nextReviewDate, planPeriodOf, targetNeedsReason } from './rules'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

describe('Service Improvement Plan rules', () => {
  it('asks for a reason only when the target is below the current agreed grade', () => {
    const current = { level: 2, subLevel: 'MEDIUM' } as const
    expect(targetNeedsReason(current, { level: 2, subLevel: 'LOW' })).toBe(true)
    expect(targetNeedsReason(current, { level: 0, subLevel: null })).toBe(true)
    expect(targetNeedsReason(current, { level: 2, subLevel: 'MEDIUM' })).toBe(false)
    expect(targetNeedsReason(current, { level: 3, subLevel: 'LOW' })).toBe(false)
    expect(targetNeedsReason(null, { level: 1, subLevel: 'LOW' })).toBe(false)
  })

  it('takes the plan period as whole days, both ends included', () => {
    const period = { start: day('2027-04-01'), end: day('2029-03-31') }
    expect(isWithinPlanPeriod(day('2027-04-01'), period)).toBe(true)
    expect(isWithinPlanPeriod(day('2029-03-31'), period)).toBe(true)
    expect(isWithinPlanPeriod(day('2027-03-31'), period)).toBe(false)
    expect(isWithinPlanPeriod(day('2029-04-01'), period)).toBe(false)
  })

  it('makes a two-year plan period from the opening day', () => {
    expect(planPeriodOf(new Date('2027-04-01T08:00:00Z'), 24)).toEqual({
      start: day('2027-04-01'),
      end: day('2029-03-31'),
    })
  })

  it('puts the next review the interval after publication, keeping month ends', () => {
    expect(nextReviewDate(new Date('2027-06-15T14:00:00Z'), 24)).toEqual(day('2029-06-15'))
    expect(nextReviewDate(day('2028-02-29'), 12)).toEqual(day('2029-02-28'))
  })

  it('treats an unfinished action as overdue from the day after it was due', () => {
    const action = { status: 'IN_PROGRESS', dueDate: day('2027-09-30') }
    expect(isActionOverdue(action, new Date('2027-09-30T23:00:00Z'))).toBe(false)
    expect(isActionOverdue(action, new Date('2027-10-01T00:00:00Z'))).toBe(true)
    expect(isActionOverdue({ ...action, status: 'COMPLETE' }, new Date('2028-01-01T00:00:00Z'))).toBe(false)
  })
})
