// Deadline reminders (issue 7, item 5): 14, 7 and 1 calendar days (London time) before an open
// cycle's submission deadline, each submission not yet submitted gets one reminder. Each reminder
// has a key naming the submission and the day, so running the command again, the same day or
// later, never sends the same reminder twice (see sendEmail). Run by `npm run reminders` from cron.
import { prisma } from '~/utils/db.server'
import { sendEmail } from './mailer.server'
import {
  deadlineReminderMessage,
  REMINDER_DAYS,
  validationOverdueMessage,
  type ReminderDays,
  type ReminderStatus,
} from './messages'
import { portalOrigin, recipientsFor, submissionFacts, type RecipientRole } from './notifications.server'
import { planFacts } from './plan-notifications.server'
import { planDeadlineReminderMessage } from './plan-messages'
import { logger } from '~/utils/logger.server'
import { calendarDaysBetween, isoLondonDay } from '~/utils/dates'
import { NOT_YET_SUBMITTED_STATUSES } from '~/modules/submissions/status'

const REMINDER_STATUSES = NOT_YET_SUBMITTED_STATUSES

/** What a reminder needs of a submission or plan: who to send it to (its scope) and what to call it. */
const RECIPIENT_FACTS = {
  id: true,
  reference: true,
  status: true,
  libraryServiceId: true,
  organisationId: true,
  regionId: true,
  organisation: { select: { name: true } },
  libraryService: { select: { name: true } },
  cycle: { select: { name: true } },
} as const

export function reminderKey(submissionId: string, days: ReminderDays): string {
  return `deadline-reminder:${submissionId}:${days}`
}

export type ReminderSummary = {
  /** Reminders sent by this run. */
  sent: number
  /** Reminders already sent by an earlier run. */
  alreadySent: number
  /** Submissions whose service has nobody to remind. */
  noRecipients: number
  /** Reminders that could not be sent (logged; a later run tries again). */
  failed: number
  byDays: Record<ReminderDays, { sent: number; alreadySent: number }>
  cycles: Array<{ name: string; days: ReminderDays; submissions: number }>
}

const isReminderDays = (days: number): days is ReminderDays => (REMINDER_DAYS as readonly number[]).includes(days)

/** Sends the reminders due on `now`'s date (see the module comment) and says what it did. */
export async function sendDeadlineReminders(now = new Date()): Promise<ReminderSummary> {
  const summary: ReminderSummary = {
    sent: 0,
    alreadySent: 0,
    noRecipients: 0,
    failed: 0,
    byDays: { 14: { sent: 0, alreadySent: 0 }, 7: { sent: 0, alreadySent: 0 }, 1: { sent: 0, alreadySent: 0 } },
    cycles: [],
  }
  const cycles = await prisma.cycle.findMany({
    where: { status: 'OPEN' },
    orderBy: { submissionDeadline: 'asc' },
    select: { id: true, name: true, submissionDeadline: true },
  })
  const origin = portalOrigin()
  for (const cycle of cycles) {
    const days = calendarDaysBetween(now, cycle.submissionDeadline)
    if (!isReminderDays(days)) continue
    const submissions = await prisma.submission.findMany({
      where: { cycleId: cycle.id, status: { in: [...REMINDER_STATUSES] } },
      orderBy: { reference: 'asc' },
      select: RECIPIENT_FACTS,
    })
    // A service improvement review cycle has Service Improvement Plans instead of submissions.
    const plans = await prisma.serviceImprovementPlan.findMany({
      where: { cycleId: cycle.id, status: { in: [...REMINDER_STATUSES] } },
      orderBy: { reference: 'asc' },
      select: RECIPIENT_FACTS,
    })
    summary.cycles.push({ name: cycle.name, days, submissions: submissions.length + plans.length })
    for (const plan of plans) {
      const roles: RecipientRole[] =
        plan.status === 'AWAITING_SIGN_OFF'
          ? ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR', 'EXECUTIVE_SPONSOR']
          : ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR']
      try {
        const to = await recipientsFor(plan, roles)
        const message = planDeadlineReminderMessage({
          origin,
          plan: planFacts(plan),
          days,
          deadline: cycle.submissionDeadline,
          status: plan.status,
        })
        const result = await sendEmail({ ...message, to, key: `deadline-reminder:plan:${plan.id}:${days}` })
        if (result.sent) {
          summary.sent++
          summary.byDays[days].sent++
        } else if (result.reason === 'duplicate') {
          summary.alreadySent++
          summary.byDays[days].alreadySent++
        } else {
          summary.noRecipients++
        }
      } catch (error) {
        summary.failed++
        logger.error({ err: error }, `The ${days}-day deadline reminder for plan ${plan.reference} could not be sent`)
      }
    }
    for (const submission of submissions) {
      const status = submission.status as ReminderStatus
      // The sponsor is told too while the submission waits for them.
      const roles: RecipientRole[] =
        status === 'AWAITING_SIGN_OFF'
          ? ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR', 'EXECUTIVE_SPONSOR']
          : ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR']
      try {
        const to = await recipientsFor(submission, roles)
        const message = deadlineReminderMessage({
          origin,
          submission: submissionFacts(submission),
          days,
          submissionDeadline: cycle.submissionDeadline,
          status,
        })
        const result = await sendEmail({ ...message, to, key: reminderKey(submission.id, days) })
        if (result.sent) {
          summary.sent++
          summary.byDays[days].sent++
        } else if (result.reason === 'duplicate') {
          summary.alreadySent++
          summary.byDays[days].alreadySent++
        } else {
          summary.noRecipients++
        }
      } catch (error) {
        summary.failed++
        logger.error(
          { err: error },
          `The ${days}-day deadline reminder for submission ${submission.reference} could not be sent`,
        )
      }
    }
  }
  return summary
}

/** The summary in a sentence or two, for the command's output. */
export function describeReminderSummary(summary: ReminderSummary, now: Date): string {
  const day = isoLondonDay(now)
  if (summary.cycles.length === 0)
    return `${day}: no open cycle has its submission deadline in 14, 7 or 1 days. No reminders sent.`
  const lines = summary.cycles.map(
    (c) =>
      `${c.name}: deadline in ${c.days} ${c.days === 1 ? 'day' : 'days'}, ${c.submissions} ${c.submissions === 1 ? 'submission' : 'submissions'} not yet submitted`,
  )
  lines.push(
    `Sent ${summary.sent}; already sent earlier ${summary.alreadySent}; nobody to send to ${summary.noRecipients}; failed ${summary.failed}.`,
  )
  return `${day}:\n${lines.join('\n')}`
}

export type OverdueSummary = { sent: number; alreadySent: number; noRecipients: number; failed: number }

/**
 * Tells the region's regional leads about each validation whose due date has passed while it is
 * still open (the submission in validation, the validator not finished). Once per assignment and
 * due date: a later run sends nothing again, but a new due date that passes is reported again.
 */
export async function sendOverdueValidationAlerts(now = new Date()): Promise<OverdueSummary> {
  const summary: OverdueSummary = { sent: 0, alreadySent: 0, noRecipients: 0, failed: 0 }
  const assignments = await prisma.validatorAssignment.findMany({
    where: { completedAt: null, dueDate: { lt: now }, submission: { status: 'IN_VALIDATION' } },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      kind: true,
      dueDate: true,
      validator: { select: { name: true } },
      submission: { select: RECIPIENT_FACTS },
    },
  })
  const origin = portalOrigin()
  for (const assignment of assignments) {
    try {
      const to = await recipientsFor(assignment.submission, ['REGIONAL_LEAD'])
      const message = validationOverdueMessage({
        origin,
        submission: submissionFacts(assignment.submission),
        validatorName: assignment.validator.name,
        kind: assignment.kind === 'PRIMARY' ? 'PRIMARY' : 'SECONDARY',
        dueDate: assignment.dueDate,
      })
      const key = `validation-overdue:${assignment.id}:${assignment.dueDate.toISOString()}`
      const result = await sendEmail({ ...message, to, key })
      if (result.sent) summary.sent++
      else if (result.reason === 'duplicate') summary.alreadySent++
      else summary.noRecipients++
    } catch (error) {
      summary.failed++
      logger.error(
        { err: error },
        `The overdue validation alert for submission ${assignment.submission.reference} could not be sent`,
      )
    }
  }
  return summary
}

export function describeOverdueSummary(summary: OverdueSummary): string {
  const total = summary.sent + summary.alreadySent + summary.noRecipients + summary.failed
  if (total === 0) return 'No validation is past its due date.'
  return `Validations past their due date: ${total}. Regional leads told ${summary.sent}; already told earlier ${summary.alreadySent}; nobody to tell ${summary.noRecipients}; failed ${summary.failed}.`
}
