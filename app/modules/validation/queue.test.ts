import { describe, expect, it } from 'vitest'
import { queueSummary, splitQueue } from './queue'

const row = (id: string, completedAt: string | null, overdue = false) => ({
  id,
  completedAt: completedAt ? new Date(completedAt) : null,
  overdue,
})

describe('the validator’s queue', () => {
  it('puts open work first, in the chosen order, and completed work apart, latest first', () => {
    const { open, completed, counts } = splitQueue([
      row('a', '2026-11-01T10:00:00Z'),
      row('b', null, true),
      row('c', '2026-11-20T10:00:00Z'),
      row('d', null),
    ])
    expect(open.map((r) => r.id)).toEqual(['b', 'd'])
    expect(completed.map((r) => r.id)).toEqual(['c', 'a'])
    expect(counts).toEqual({ open: 2, overdue: 1, completed: 2 })
  })

  it('counts only open work as overdue', () => {
    expect(splitQueue([row('a', '2026-11-01T10:00:00Z', false), row('b', null, true)]).counts.overdue).toBe(1)
  })

  it('says how much is left, how much is overdue and how much is done', () => {
    expect(queueSummary({ open: 2, overdue: 1, completed: 3 })).toBe(
      '2 submissions to validate, 1 overdue. You have completed 3.',
    )
    expect(queueSummary({ open: 1, overdue: 0, completed: 0 })).toBe('1 submission to validate.')
    expect(queueSummary({ open: 0, overdue: 0, completed: 0 })).toBe('Nothing to validate at the moment.')
  })
})
