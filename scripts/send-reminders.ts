// Sends the deadline reminders due today (14, 7 and 1 days before each open cycle's submission
// deadline) and prints what it did. Safe to run as often as you like: a reminder goes once only.
//
//   npm run reminders                      # with the portal's configuration in the environment
//
// Exits 1 when the configuration is invalid or any reminder could not be sent (a later run retries it).
import { getEnv } from '~/utils/env.server'

async function main(): Promise<number> {
  getEnv() // validates the configuration first, with a message naming any wrong setting
  const { prisma } = await import('~/utils/db.server')
  const { describeReminderSummary, sendDeadlineReminders } = await import('~/modules/notifications/reminders.server')
  try {
    const now = new Date()
    const summary = await sendDeadlineReminders(now)
    process.stdout.write(`${describeReminderSummary(summary, now)}\n`)
    return summary.failed > 0 ? 1 : 0
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
