// Dates in the interface: "14 March 2026", London time (domain.md §8).
const TIME_ZONE = 'Europe/London'

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
