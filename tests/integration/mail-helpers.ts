// Reading back the email a test caused: SentEmail rows and the .eml files the mailer wrote to
// MAIL_DIR (each test file has its own), parsed as a mail client would.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { mailDirectory } from '~/modules/notifications/mailer.server'
import { readEml } from '~/modules/notifications/sent-mail.server'
import { prisma } from '~/utils/db.server'

export type SentMessage = {
  id: string
  kind: string
  key: string | null
  to: string[]
  subject: string
  text: string
  headers: Record<string, string>
}

/** A point in the record of email: messages sent after it are what `sentSince` returns. */
export async function mailMark(): Promise<Set<string>> {
  return new Set((await prisma.sentEmail.findMany({ select: { id: true } })).map((r) => r.id))
}

/** Every message sent since the mark, oldest first, each read back from its .eml file. */
export async function sentSince(mark: Set<string>, kind?: string): Promise<SentMessage[]> {
  const rows = await prisma.sentEmail.findMany({
    where: kind ? { kind } : {},
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
    select: { id: true, kind: true, key: true, recipients: true, subject: true },
  })
  const files = await readdir(mailDirectory()).catch(() => [] as string[])
  const messages: SentMessage[] = []
  for (const row of rows.filter((r) => !mark.has(r.id))) {
    const file = files.find((f) => f.endsWith(`-${row.id}.eml`))
    if (!file) throw new Error(`No .eml file for SentEmail ${row.id}`)
    const eml = await readEml(await readFile(path.join(mailDirectory(), file)))
    const headers = Object.fromEntries(eml.headers.map((h) => [h.name, h.value]))
    messages.push({
      id: row.id,
      kind: row.kind,
      key: row.key,
      to: row.recipients.split(', '),
      subject: eml.headers.find((h) => h.name === 'Subject')?.value ?? '',
      text: eml.text,
      headers,
    })
  }
  return messages
}
