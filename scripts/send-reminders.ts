// Sends the deadline reminders due today (14, 7 and 1 days before each open cycle's submission
// deadline) and the regional leads' alerts of validations past their due date, and prints what it did. The daily run also removes the sessions that have expired. Safe to run as often as you like: a reminder goes once only.
//
//   npm run reminders                      # with the portal's configuration in the environment
//   npm run reminders -- --today 2027-01-15  # as if it were that day (to catch up a missed day, or in tests)
//
// Exits 1 when the configuration is invalid or any reminder could not be sent (a later run retries it).
import { parseArgs } from 'node:util'
import { getEnv } from '~/utils/env.server'

async function main(): Promise<number> {
  getEnv() // validates the configuration first, with a message naming any wrong setting
  const { prisma } = await import('~/utils/db.server')
  const { describeOverdueSummary, describeReminderSummary, sendDeadlineReminders, sendOverdueValidationAlerts } =
    await import('~/modules/notifications/reminders.server')
  const { deleteExpiredSessions } = await import('~/modules/auth/session.server')
  try {
    const { values } = parseArgs({ options: { today: { type: 'string' } } })
    if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
      throw new Error('--today must be a date like 2027-01-15')
    // Midday UTC is the same calendar day in London all year round.
    const now = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date()
    if (Number.isNaN(now.getTime())) throw new Error(`--today is not a real date: ${values.today}`)
    const summary = await sendDeadlineReminders(now)
    process.stdout.write(`${describeReminderSummary(summary, now)}\n`)
    const overdue = await sendOverdueValidationAlerts(now)
    process.stdout.write(`${describeOverdueSummary(overdue)}\n`)
    // By the real clock, never --today: a day in the future must not end sessions still in use.
    const removed = await deleteExpiredSessions()
    process.stdout.write(`Removed ${removed} expired ${removed === 1 ? 'session' : 'sessions'}.\n`)
    return summary.failed > 0 || overdue.failed > 0 ? 1 : 0
  } finally {
    await prisma.$disconnect()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
