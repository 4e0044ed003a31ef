import { formatDate, formatDateRange } from '~/utils/dates'

/** The period an item of evidence covers: "14 March 2026", or "1 April 2025 to 31 March 2026". */
export function formatEvidencePeriod(from: Date | string, to: Date | string | null): string {
  if (to === null || new Date(to).getTime() === new Date(from).getTime()) return formatDate(from)
  return formatDateRange(from, to)
}
