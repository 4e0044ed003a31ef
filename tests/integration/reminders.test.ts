// Deadline reminders (issue 7, item 5) against the seeded demo data: the open cycle 2026/27 has its
// submission deadline on 29 January 2027, with five submissions not yet submitted (RXV and RWK in
// progress, RWV and QAF not started, RYV awaiting sign-off). Reminders go 14, 7 and 1 calendar days
// before, once each, to the service (and the sponsor while it waits for sign-off); never on other days,
// never to a submitted submission, never twice. The command cron runs is tested as a process too.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { useDemoData } from '../setup/demo-data'
import { portalOrigin } from '~/modules/notifications/notifications.server'
import { reminderKey, sendDeadlineReminders } from '~/modules/notifications/reminders.server'
import { calendarDaysBetween } from '~/utils/dates'
import { backToAwaitingSignOff, createUser } from '../factories'
import { mailMark, sentSince, type SentMessage } from './mail-helpers'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')

const RIBBLE = ['contributor@demo.nhs.uk', 'lead@demo.nhs.uk']
// Who each unsubmitted submission's reminder goes to.
const EXPECTED: Record<string, string[]> = {
  'LKS-2627-QAF': ['anna.bright@demo.nhs.uk'],
  'LKS-2627-RWK': ['mark.lewis@demo.nhs.uk'],
  'LKS-2627-RWV': RIBBLE,
  'LKS-2627-RXV': RIBBLE,
  'LKS-2627-RYV': [...RIBBLE, 'sponsor.ryv@demo.nhs.uk'],
}
const references = new Map<string, string>() // submission id -> reference

/** "At 9am in London on" a January date (GMT, so the same as UTC). */
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00Z`)

/** Each message as reference -> recipients, checking its kind and key. */
function byReference(messages: SentMessage[], days: number): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const message of messages) {
    expect(message.kind).toBe('DEADLINE_REMINDER')
    const id = message.key?.match(/^deadline-reminder:(.+):(\d+)$/)
    expect(id?.[2]).toBe(String(days))
    result[references.get(id![1]!)!] = message.to
  }
  return result
}

beforeAll(async () => {
  await useDemoData()
  await backToAwaitingSignOff('LKS-2627-RYV')
  for (const s of await prisma.submission.findMany({ select: { id: true, reference: true } }))
    references.set(s.id, s.reference)
  // Someone who has left the Ribble Valley service is not reminded.
  const ribble = await prisma.libraryService.findUniqueOrThrow({
    where: { name: 'Ribble Valley Library and Knowledge Service' },
    select: { id: true },
  })
  await createUser({
    email: 'left.the.service@demo.nhs.uk',
    active: false,
    roles: [{ role: 'SERVICE_CONTRIBUTOR', libraryServiceId: ribble.id }],
  })
})

describe('calendarDaysBetween', () => {
  it('counts calendar days in London, whatever the time of day or the clocks', () => {
    expect(calendarDaysBetween(at('2027-01-15', '00:01'), at('2027-01-29', '00:00'))).toBe(14)
    expect(calendarDaysBetween(at('2027-01-15', '23:59'), at('2027-01-29', '00:00'))).toBe(14)
    expect(calendarDaysBetween(at('2027-01-28', '23:59'), at('2027-01-29', '00:00'))).toBe(1)
    // 11:30pm UTC on 14 June is 12:30am on 15 June in London (BST): 14 days to 29 June, not 15.
    expect(calendarDaysBetween(new Date('2027-06-14T23:30:00Z'), new Date('2027-06-29T00:00:00Z'))).toBe(14)
    // Across the change to BST on 28 March 2027.
    expect(calendarDaysBetween(new Date('2027-03-22T12:00:00Z'), new Date('2027-03-29T11:00:00Z'))).toBe(7)
    expect(calendarDaysBetween(at('2027-01-29'), at('2027-01-15'))).toBe(-14)
  })
})

// One journey: the runs build on each other, as the days do (a reminder sent 14 days before is
// "already sent" the next run, a submission submitted since is left out), so the steps run in order
// even when Vitest shuffles. It starts from the seeded deadline with no reminders sent: the cron
// test below moves the deadline and sends reminders of its own, and may run first.
describe('sendDeadlineReminders', { shuffle: false }, () => {
  beforeAll(async () => {
    await prisma.cycle.update({
      where: { name: '2026/27' },
      data: { submissionDeadline: new Date('2027-01-29T00:00:00Z') },
    })
    await prisma.sentEmail.deleteMany({ where: { kind: 'DEADLINE_REMINDER' } })
  })

  it('sends nothing 15 and 13 days before the deadline', async () => {
    const mark = await mailMark()
    for (const day of ['2027-01-14', '2027-01-16']) {
      const summary = await sendDeadlineReminders(at(day))
      expect(summary).toMatchObject({ sent: 0, alreadySent: 0, failed: 0, cycles: [] })
    }
    expect(await sentSince(mark)).toEqual([])
  })

  it('14 days before: one reminder for each unsubmitted submission, to its service, and the sponsor while awaiting sign-off', async () => {
    const mark = await mailMark()
    const summary = await sendDeadlineReminders(at('2027-01-15'))
    expect(summary).toMatchObject({
      sent: 5,
      alreadySent: 0,
      noRecipients: 0,
      failed: 0,
      byDays: { 14: { sent: 5, alreadySent: 0 }, 7: { sent: 0 }, 1: { sent: 0 } },
      cycles: [{ name: '2026/27', days: 14, submissions: 5 }],
    })
    const sent = await sentSince(mark)
    expect(byReference(sent, 14)).toEqual(EXPECTED)
    const rxv = sent.find((m) => references.get(m.key!.split(':')[1]!) === 'LKS-2627-RXV')!
    expect(rxv.subject).toBe(
      '14 days left: submit the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust by 29 January 2027',
    )
    expect(rxv.text).toContain(`${portalOrigin()}/submissions/${rxv.key!.split(':')[1]}\n`)
    expect(rxv.headers.To).toBe('contributor@demo.nhs.uk, lead@demo.nhs.uk')
    const ryv = sent.find((m) => references.get(m.key!.split(':')[1]!) === 'LKS-2627-RYV')!
    expect(ryv.text).toContain('waiting for the executive sponsor to sign it off')
  })

  it('never sends the same reminder twice: again the same day, later that day, or the next day', async () => {
    const mark = await mailMark()
    expect(await sendDeadlineReminders(at('2027-01-15'))).toMatchObject({
      sent: 0,
      alreadySent: 5,
      byDays: { 14: { sent: 0, alreadySent: 5 } },
    })
    expect(await sendDeadlineReminders(at('2027-01-15', '23:45'))).toMatchObject({ sent: 0, alreadySent: 5 })
    expect(await sendDeadlineReminders(at('2027-01-16'))).toMatchObject({ sent: 0, alreadySent: 0, cycles: [] })
    expect(await sentSince(mark)).toEqual([])
    expect(await prisma.sentEmail.count({ where: { kind: 'DEADLINE_REMINDER' } })).toBe(5)
  })

  it('sends nothing 8 days before, and the 7-day reminders 7 days before', async () => {
    const mark = await mailMark()
    expect(await sendDeadlineReminders(at('2027-01-21'))).toMatchObject({ sent: 0, cycles: [] })
    expect(await sentSince(mark)).toEqual([])
    const summary = await sendDeadlineReminders(at('2027-01-22', '06:00'))
    expect(summary).toMatchObject({
      sent: 5,
      alreadySent: 0,
      byDays: { 7: { sent: 5, alreadySent: 0 }, 14: { sent: 0 } },
    })
    const sent = await sentSince(mark)
    expect(byReference(sent, 7)).toEqual(EXPECTED)
    expect(sent.every((m) => m.subject.startsWith('7 days left: '))).toBe(true)
    expect(await sendDeadlineReminders(at('2027-01-22', '18:00'))).toMatchObject({ sent: 0, alreadySent: 5 })
  })

  it('1 day before: none to a submission submitted since, nor to any other cycle', async () => {
    const rwk = [...references].find(([, ref]) => ref === 'LKS-2627-RWK')![0]
    await prisma.submission.update({ where: { id: rwk }, data: { status: 'SUBMITTED', submittedAt: at('2027-01-27') } })
    // A closed cycle whose deadline is also tomorrow is not reminded.
    await prisma.cycle.update({
      where: { name: '2021/22 baseline' },
      data: { submissionDeadline: at('2027-01-29', '00:00') },
    })
    const mark = await mailMark()
    const summary = await sendDeadlineReminders(at('2027-01-28', '17:00'))
    expect(summary).toMatchObject({
      sent: 4,
      alreadySent: 0,
      failed: 0,
      byDays: { 1: { sent: 4 } },
      cycles: [{ name: '2026/27', days: 1, submissions: 4 }],
    })
    const sent = await sentSince(mark)
    const { 'LKS-2627-RWK': _submitted, ...rest } = EXPECTED
    expect(byReference(sent, 1)).toEqual(rest)
    expect(sent.every((m) => m.subject.startsWith('1 day left: '))).toBe(true)
    expect(await prisma.sentEmail.count({ where: { key: reminderKey(rwk, 1) } })).toBe(0)
    // And nothing on the day itself.
    expect(await sendDeadlineReminders(at('2027-01-29'))).toMatchObject({ sent: 0, cycles: [] })
  })
})

describe('npm run reminders (scripts/send-reminders.ts)', () => {
  it('sends today’s reminders once, prints what it did, and exits 0', async () => {
    // Move the open cycle's deadline to 7 days from today in London, as cron would find it.
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date())
    const deadline = new Date(`${today}T12:00:00Z`)
    deadline.setUTCDate(deadline.getUTCDate() + 7)
    await prisma.cycle.update({ where: { name: '2026/27' }, data: { submissionDeadline: deadline } })
    const open = await prisma.submission.count({
      where: { cycle: { name: '2026/27' }, status: { in: ['NOT_STARTED', 'IN_PROGRESS', 'AWAITING_SIGN_OFF'] } },
    })
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: getEnv().DATABASE_URL,
      MAIL_DIR: getEnv().MAIL_DIR,
      NODE_ENV: 'test',
    }
    const mark = await mailMark()
    // The 7-day reminders of the earlier test were for the old deadline's day; the keys are the same,
    // so clear them to see this run send.
    await prisma.sentEmail.deleteMany({ where: { key: { endsWith: ':7' } } })
    // The daily run also clears expired sessions, and only those.
    const { id: userId } = await prisma.user.findFirstOrThrow({ select: { id: true } })
    await prisma.session.createMany({
      data: [
        { id: 'expired-session-for-the-cleanup', userId, expiresAt: new Date(Date.now() - 60_000) },
        { id: 'live-session-for-the-cleanup', userId, expiresAt: new Date(Date.now() + 3_600_000) },
      ],
    })
    const first = await run('npx', ['tsx', 'scripts/send-reminders.ts'], { cwd: ROOT, env })
    expect(first.stdout).toMatch(/Removed [1-9]\d* expired sessions?\./)
    const left = await prisma.session.findMany({
      where: { id: { endsWith: '-for-the-cleanup' } },
      select: { id: true },
    })
    expect(left.map((s) => s.id)).toEqual(['live-session-for-the-cleanup'])
    expect(first.stdout).toContain(`2026/27: deadline in 7 days, ${open} submissions not yet submitted`)
    expect(first.stdout).toContain(`Sent ${open}; already sent earlier 0; nobody to send to 0; failed 0.`)
    expect((await sentSince(mark, 'DEADLINE_REMINDER')).length).toBe(open)
    const second = await run('npx', ['tsx', 'scripts/send-reminders.ts'], { cwd: ROOT, env })
    expect(second.stdout).toContain(`Sent 0; already sent earlier ${open};`)
    expect((await sentSince(mark, 'DEADLINE_REMINDER')).length).toBe(open)
  }, 60_000)

  it('exits 1 with a message when the configuration is wrong', async () => {
    const failure = await run('npx', ['tsx', 'scripts/send-reminders.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: 'postgres://nowhere' },
    }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toContain('DATABASE_URL must be a SQLite file URL')
  }, 60_000)
})
