import { describe, expect, it } from 'vitest'
import {
  calendarDaysBetween,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatLondonTimestamp,
  isoLondonDay,
  londonDay,
  londonDayAsUtc,
  londonMidnight,
  nextCalendarDay,
} from './dates'

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

// The clocks go forward at 1am UTC on the last Sunday of March (29 March 2026) and back at 1am UTC
// on the last Sunday of October (25 October 2026).
describe('London time across the clock changes', () => {
  it('puts London midnight at 0:00 UTC in winter and 23:00 UTC the evening before in summer', () => {
    expect(londonMidnight(2026, 1, 14).toISOString()).toBe('2026-01-14T00:00:00.000Z')
    expect(londonMidnight(2026, 7, 14).toISOString()).toBe('2026-07-13T23:00:00.000Z')
  })

  it('gets midnight right on both sides of the change in March', () => {
    expect(londonMidnight(2026, 3, 29).toISOString()).toBe('2026-03-29T00:00:00.000Z') // still GMT at midnight
    expect(londonMidnight(2026, 3, 30).toISOString()).toBe('2026-03-29T23:00:00.000Z') // BST
    // The Sunday of the change is 23 hours long.
    expect(londonMidnight(2026, 3, 30).getTime() - londonMidnight(2026, 3, 29).getTime()).toBe(23 * 3_600_000)
  })

  it('gets midnight right on both sides of the change in October', () => {
    expect(londonMidnight(2026, 10, 25).toISOString()).toBe('2026-10-24T23:00:00.000Z') // still BST at midnight
    expect(londonMidnight(2026, 10, 26).toISOString()).toBe('2026-10-26T00:00:00.000Z') // GMT
    // The Sunday of the change is 25 hours long.
    expect(londonMidnight(2026, 10, 26).getTime() - londonMidnight(2026, 10, 25).getTime()).toBe(25 * 3_600_000)
  })

  it('reads the London calendar day either side of midnight', () => {
    expect(londonDay(new Date('2026-01-14T23:59:59Z'))).toEqual({ year: 2026, month: 1, day: 14 })
    expect(londonDay(new Date('2026-01-15T00:00:00Z'))).toEqual({ year: 2026, month: 1, day: 15 })
    expect(londonDay(new Date('2026-07-14T22:59:59Z'))).toEqual({ year: 2026, month: 7, day: 14 })
    expect(londonDay(new Date('2026-07-14T23:00:00Z'))).toEqual({ year: 2026, month: 7, day: 15 })
    // The last second of 28 March (GMT) and the first of 29 March; 24 October 23:00 UTC is 25 October in BST.
    expect(isoLondonDay(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28')
    expect(isoLondonDay(new Date('2026-03-29T00:00:00Z'))).toBe('2026-03-29')
    expect(isoLondonDay(new Date('2026-10-24T22:59:59Z'))).toBe('2026-10-24')
    expect(isoLondonDay(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25')
    expect(londonDayAsUtc(new Date('2026-10-24T23:30:00Z')).toISOString()).toBe('2026-10-25T00:00:00.000Z')
  })

  it('shows the wall-clock time through the hour that repeats and the hour that is skipped', () => {
    expect(formatLondonTimestamp(new Date('2026-03-29T00:59:59Z'))).toBe('29/03/2026 00:59:59')
    expect(formatLondonTimestamp(new Date('2026-03-29T01:00:00Z'))).toBe('29/03/2026 02:00:00')
    expect(formatLondonTimestamp(new Date('2026-10-25T00:30:00Z'))).toBe('25/10/2026 01:30:00')
    expect(formatLondonTimestamp(new Date('2026-10-25T01:30:00Z'))).toBe('25/10/2026 01:30:00')
    expect(formatLondonTimestamp(new Date('2026-10-25T02:00:00Z'))).toBe('25/10/2026 02:00:00')
    expect(formatLondonTimestamp(new Date('2026-07-14T23:00:00Z'))).toBe('15/07/2026 00:00:00')
  })

  it('counts calendar days, not hours, across both changes', () => {
    // 28 March to 4 April across the March change; 24 October to 31 October across the October one.
    expect(calendarDaysBetween(new Date('2026-03-28T12:00:00Z'), new Date('2026-04-04T11:00:00Z'))).toBe(7)
    // 00:30 BST on 25 October to 00:30 GMT on 1 November.
    expect(calendarDaysBetween(new Date('2026-10-24T23:30:00Z'), new Date('2026-11-01T00:30:00Z'))).toBe(7)
    expect(calendarDaysBetween(new Date('2026-10-24T22:30:00Z'), new Date('2026-10-31T23:30:00Z'))).toBe(7)
    expect(calendarDaysBetween(new Date('2026-10-24T23:30:00Z'), new Date('2026-10-24T22:30:00Z'))).toBe(-1)
  })

  it('steps to the next day across month and year ends', () => {
    expect(nextCalendarDay({ year: 2026, month: 3, day: 31 })).toEqual({ year: 2026, month: 4, day: 1 })
    expect(nextCalendarDay({ year: 2026, month: 12, day: 31 })).toEqual({ year: 2027, month: 1, day: 1 })
  })
})
