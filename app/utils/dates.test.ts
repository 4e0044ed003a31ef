import { describe, expect, it } from 'vitest'
import { formatDate, formatDateRange, formatDateTime } from './dates'

describe('dates', () => {
  it('formats a date the NHS way, in London time', () => {
    expect(formatDate(new Date('2026-03-14T12:00:00Z'))).toBe('14 March 2026')
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (British Summer Time)
    expect(formatDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026')
  })

  it('formats a time in the 12-hour clock with am or pm', () => {
    expect(formatDateTime(new Date('2026-01-14T14:05:00Z'))).toBe('14 January 2026 at 2:05pm')
    expect(formatDateTime(new Date('2026-07-14T08:00:00Z'))).toBe('14 July 2026 at 9:00am')
  })

  it('formats a range', () => {
    expect(formatDateRange('2026-04-01T00:00:00Z', '2027-03-31T00:00:00Z')).toBe('1 April 2026 to 31 March 2027')
  })
})
