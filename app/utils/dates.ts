// Dates in the interface: "14 March 2026", London time (domain.md §8). Every rule that needs the
// calendar day or the wall-clock time in London lives here, on @date-fns/tz's TZDate, so the clock
// changes (last Sunday of March and of October, at 1am UTC) are handled in one place.
import { TZDate } from '@date-fns/tz'

export const TIME_ZONE = 'Europe/London'

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: TIME_ZONE,
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
  timeZone: TIME_ZONE,
})

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value)
}

/** "14 March 2026" */
export function formatDate(value: Date | string | number): string {
  return dateFormat.format(toDate(value))
}

/** "14 March 2026 at 2:30pm" */
export function formatDateTime(value: Date | string | number): string {
  const date = toDate(value)
  const time = timeFormat.format(date).replace(/\s/g, '').toLowerCase()
  return `${formatDate(date)} at ${time}`
}

/** "2:30pm" */
export function formatTime(value: Date | string | number): string {
  return timeFormat.format(toDate(value)).replace(/\s/g, '').toLowerCase()
}

/** "14 March 2026 to 31 March 2027" */
export function formatDateRange(from: Date | string | number, to: Date | string | number): string {
  return `${formatDate(from)} to ${formatDate(to)}`
}

/** Midnight UTC of the date's UTC day: how the portal stores a day (date inputs give midnight UTC). */
export function startOfUtcDay(value: Date): Date {
  return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()))
}

/** The same UTC day `months` later; the 31st of a shorter month becomes its last day. */
export function addMonthsUtc(value: Date, months: number): Date {
  const target = new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth() + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(value.getUTCDate(), lastDay))
  return new Date(target.getTime() + (value.getTime() - startOfUtcDay(value).getTime()))
}

export type CalendarDay = { year: number; month: number; day: number }

function inLondon(value: Date | string | number): TZDate {
  return new TZDate(toDate(value).getTime(), TIME_ZONE)
}

/** The calendar day in London at an instant (month 1 to 12). */
export function londonDay(value: Date | string | number): CalendarDay {
  const date = inLondon(value)
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() }
}

/** Midnight in London at the start of a calendar day, as an instant (month 1 to 12). */
export function londonMidnight(year: number, month: number, day: number): Date {
  return new Date(new TZDate(year, month - 1, day, TIME_ZONE).getTime())
}

/** The day after a calendar day. */
export function nextCalendarDay({ year, month, day }: CalendarDay): CalendarDay {
  const date = new Date(Date.UTC(year, month - 1, day + 1))
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** The London calendar day of an instant, as midnight UTC: how the portal stores a day. */
export function londonDayAsUtc(value: Date | string | number): Date {
  const { year, month, day } = londonDay(value)
  return new Date(Date.UTC(year, month - 1, day))
}

/** Whole calendar days from `from` to `to`, each taken as its date in London (so BST never shifts a day). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round((londonDayAsUtc(to).getTime() - londonDayAsUtc(from).getTime()) / 86_400_000)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** "2026-03-14", the London calendar day (for file names). */
export function isoLondonDay(value: Date | string | number): string {
  const { year, month, day } = londonDay(value)
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** "14/03/2026 14:30:05", the wall-clock time in London (for exports). */
export function formatLondonTimestamp(value: Date | string | number): string {
  const date = inLondon(value)
  const day = `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${pad(date.getFullYear(), 4)}`
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}
