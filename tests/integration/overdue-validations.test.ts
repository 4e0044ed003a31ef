// The regional lead is told when a validation passes its due date (issue 15, item 9), by the daily
// `npm run reminders`: once per assignment and due date, only for validations still open.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { portalOrigin, recipientsFor } from '~/modules/notifications/notifications.server'
import { describeOverdueSummary, sendOverdueValidationAlerts } from '~/modules/notifications/reminders.server'
import { mailMark, sentSince } from './mail-helpers'

beforeAll(async () => {
  await useDemoData()
})

/** Every validation that is open in the demo data: in validation, not completed. */
async function openAssignments() {
  return prisma.validatorAssignment.findMany({
    where: { completedAt: null, submission: { status: 'IN_VALIDATION' } },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      dueDate: true,
      validator: { select: { name: true } },
      submission: {
        select: { id: true, reference: true, libraryServiceId: true, organisationId: true, regionId: true },
      },
    },
  })
}

describe('alerts of overdue validations', () => {
  it('tells nobody while every open validation is within its due date', async () => {
    const open = await openAssignments()
    expect(open.length).toBeGreaterThan(0)
    const earliest = open[0]!.dueDate
    const mark = await mailMark()
    const summary = await sendOverdueValidationAlerts(new Date(earliest.getTime() - 1))
    expect(summary).toEqual({ sent: 0, alreadySent: 0, noRecipients: 0, failed: 0 })
    expect(describeOverdueSummary(summary)).toBe('No validation is past its due date.')
    expect(await sentSince(mark)).toEqual([])
  })

  it('tells the region’s lead of each validation past its due date, once, naming the validator and the date', async () => {
    const open = await openAssignments()
    const after = new Date(Math.max(...open.map((a) => a.dueDate.getTime())) + 24 * 60 * 60 * 1000)
    const mark = await mailMark()
    const summary = await sendOverdueValidationAlerts(after)
    expect(summary.failed).toBe(0)
    expect(summary.sent).toBeGreaterThan(0)
    expect(summary.sent + summary.noRecipients).toBe(open.length)
    const mail = await sentSince(mark, 'VALIDATION_OVERDUE')
    expect(mail).toHaveLength(summary.sent)
    for (const assignment of open) {
      const leads = await recipientsFor(assignment.submission, ['REGIONAL_LEAD'])
      const message = mail.find(
        (m) => m.key === `validation-overdue:${assignment.id}:${assignment.dueDate.toISOString()}`,
      )
      if (leads.length === 0) {
        expect(message).toBeUndefined()
        continue
      }
      expect(message?.to).toEqual(leads)
      expect(message?.text).toContain(assignment.validator.name)
      expect(message?.text).toContain(`${portalOrigin()}/submissions/${assignment.submission.id}/assign`)
    }
    // The next day's run sends nothing again.
    const again = await sendOverdueValidationAlerts(new Date(after.getTime() + 24 * 60 * 60 * 1000))
    expect(again.sent).toBe(0)
    expect(again.alreadySent).toBe(summary.sent)
  })

  it('tells the lead again when a new due date passes, and never about completed validations', async () => {
    const candidates = await openAssignments()
    const withLead = await Promise.all(
      candidates.map(async (a) => (await recipientsFor(a.submission, ['REGIONAL_LEAD'])).length > 0),
    )
    const first = candidates.find((_, i) => withLead[i])
    expect(first).toBeDefined()
    const newDue = new Date(first!.dueDate.getTime() + 30 * 24 * 60 * 60 * 1000)
    await prisma.validatorAssignment.update({ where: { id: first!.id }, data: { dueDate: newDue } })
    const others = (await openAssignments()).filter((a) => a.id !== first!.id)
    await prisma.validatorAssignment.updateMany({
      where: { id: { in: others.map((a) => a.id) } },
      data: { completedAt: new Date() },
    })
    const mark = await mailMark()
    const summary = await sendOverdueValidationAlerts(new Date(newDue.getTime() + 60 * 60 * 1000))
    const mail = await sentSince(mark, 'VALIDATION_OVERDUE')
    expect(summary.alreadySent).toBe(0)
    expect(mail.map((m) => m.key)).toEqual([`validation-overdue:${first!.id}:${newDue.toISOString()}`])
    expect(summary).toEqual({ sent: 1, alreadySent: 0, noRecipients: 0, failed: 0 })
  })
})
