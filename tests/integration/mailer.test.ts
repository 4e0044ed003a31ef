// The mailer without an SMTP server: each message becomes an .eml file in MAIL_DIR and a SentEmail
// row; a keyed message goes once only.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mailDirectory, sendEmail } from '~/modules/notifications/mailer.server'
import { prisma } from '~/utils/db.server'

async function emlFiles(): Promise<string[]> {
  return (await readdir(mailDirectory()).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort()
}

describe('sendEmail without SMTP', () => {
  it('writes the message as an .eml file with its recipients, subject and text, and records it', async () => {
    const before = await emlFiles()
    const result = await sendEmail({
      kind: 'TEST',
      to: ['Zoe.Hartley@Demo.NHS.uk', 'zoe.hartley@demo.nhs.uk'],
      subject: 'Zoë’s submission',
      text: 'Łukasz has assigned you.\nThank you.',
    })
    expect(result.sent).toBe(true)
    const added = (await emlFiles()).filter((f) => !before.includes(f))
    expect(added).toHaveLength(1)
    expect(added[0]).toMatch(/-test-.+\.eml$/)
    const eml = await readFile(path.join(mailDirectory(), added[0]!), 'utf8')
    expect(eml).toMatch(/^To: zoe\.hartley@demo\.nhs\.uk$/m)
    expect(eml).toMatch(/^From: LKS Quality Portal <no-reply@/m)
    // Non-ASCII headers are encoded; the body is quoted-printable or base64 UTF-8.
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m)
    expect(eml).toMatch(/charset=utf-8/i)
    const row = await prisma.sentEmail.findUniqueOrThrow({ where: { id: result.sent ? result.id : '' } })
    expect(row).toMatchObject({ kind: 'TEST', recipients: 'zoe.hartley@demo.nhs.uk', subject: 'Zoë’s submission' })
    expect(row.messageId).toMatch(/^<.+@lks-quality-portal>$/)
  })

  it('sends a keyed message once only', async () => {
    const message = {
      kind: 'REMINDER',
      to: ['lead@demo.nhs.uk'],
      subject: 'Seven days to the deadline',
      text: 'Reminder',
      key: 'reminder:test:7',
    }
    const first = await sendEmail(message)
    const second = await sendEmail(message)
    expect(first.sent).toBe(true)
    expect(second).toEqual({ sent: false, reason: 'duplicate' })
    expect(await prisma.sentEmail.count({ where: { key: 'reminder:test:7' } })).toBe(1)
    expect((await emlFiles()).filter((f) => f.includes('-reminder-'))).toHaveLength(1)
  })

  it('sends nothing to nobody', async () => {
    const count = await prisma.sentEmail.count()
    expect(await sendEmail({ kind: 'TEST', to: [' ', ''], subject: 'x', text: 'x' })).toEqual({
      sent: false,
      reason: 'no-recipients',
    })
    expect(await prisma.sentEmail.count()).toBe(count)
  })
})
