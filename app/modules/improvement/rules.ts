// Rules of a Service Improvement Plan (issue 18): when a target needs a reason, whether an
// action's due date falls within the plan period, when an action is overdue, and when the next
// review is due. Pure: no I/O.
import { compareGrades, type Grade } from '~/modules/framework/grading'
import { addMonthsUtc, startOfUtcDay } from '~/utils/dates'

/** A target below the current agreed grade needs a reason; with no agreed grade, none does. */
export function targetNeedsReason(current: Grade | null, target: Grade): boolean {
  return current !== null && compareGrades(target, current) < 0
}

/** Due dates are days: inside the plan period when on or after its first day and on or before its last. */
export function isWithinPlanPeriod(dueDate: Date, period: { start: Date; end: Date }): boolean {
  const due = startOfUtcDay(dueDate).getTime()
  return due >= startOfUtcDay(period.start).getTime() && due <= startOfUtcDay(period.end).getTime()
}

/** An action not complete is overdue from the day after its due date. */
export function isActionOverdue(action: { status: string; dueDate: Date }, now: Date): boolean {
  return action.status !== 'COMPLETE' && startOfUtcDay(action.dueDate).getTime() + 86_400_000 <= now.getTime()
}

/** The plan period of a cycle's plans: from the cycle's opening for the review interval. */
export function planPeriodOf(opensAt: Date, intervalMonths: number): { start: Date; end: Date } {
  const start = startOfUtcDay(opensAt)
  const end = new Date(addMonthsUtc(start, intervalMonths).getTime() - 86_400_000)
  return { start, end }
}

/** The next review is due the review interval (two years by default) after the review is published. */
export function nextReviewDate(publishedAt: Date, intervalMonths: number): Date {
  return addMonthsUtc(startOfUtcDay(publishedAt), intervalMonths)
}
