// Sending email (issue 7, item 5) with nodemailer: over SMTP when SMTP_URL is set, otherwise as
// .eml files in MAIL_DIR (development, tests, demos), which /admin/mail lists. Every message sent
// is recorded in SentEmail; a message with a `key` is sent at most once, ever (the key is unique,
// and the row is written before the message goes, so two runs cannot both send it).
import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'

export type EmailMessage = {
  /** What the message is about, e.g. 'INVITATION' (see notifications.server.ts). */
  kind: string
  to: readonly string[]
  subject: string
  /** Plain text: the portal sends text only, which every mail client shows well. */
  text: string
  /** Makes the message once-only: a second send with the same key does nothing. */
  key?: string
}

export type SendResult = { sent: true; id: string } | { sent: false; reason: 'duplicate' | 'no-recipients' }

let transporter: Transporter | undefined

function getTransporter(): Transporter {
  const env = getEnv()
  transporter ??= env.SMTP_URL
    ? nodemailer.createTransport(env.SMTP_URL)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return transporter
}

/** Where .eml files go when there is no SMTP server. */
export function mailDirectory(): string {
  return path.resolve(getEnv().MAIL_DIR)
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code?: string }).code === 'P2002'
}

/** Sends one message (see the module comment). Recipients are de-duplicated and lower-cased. */
export async function sendEmail(message: EmailMessage): Promise<SendResult> {
  const to = [...new Set(message.to.map((address) => address.trim().toLowerCase()).filter(Boolean))]
  if (to.length === 0) return { sent: false, reason: 'no-recipients' }
  let record: { id: string }
  try {
    record = await prisma.sentEmail.create({
      data: { key: message.key ?? null, kind: message.kind, recipients: to.join(', '), subject: message.subject },
      select: { id: true },
    })
  } catch (error) {
    if (message.key && isUniqueViolation(error)) return { sent: false, reason: 'duplicate' }
    throw error
  }
  const env = getEnv()
  const messageId = `<${randomUUID()}@lks-quality-portal>`
  try {
    const info = await getTransporter().sendMail({
      from: env.MAIL_FROM,
      to,
      subject: message.subject,
      text: message.text,
      messageId,
    })
    if (!env.SMTP_URL) {
      const dir = mailDirectory()
      await mkdir(dir, { recursive: true })
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      await writeFile(path.join(dir, `${stamp}-${message.kind.toLowerCase()}-${record.id}.eml`), info.message as Buffer)
    }
    await prisma.sentEmail.update({ where: { id: record.id }, data: { messageId } })
    return { sent: true, id: record.id }
  } catch (error) {
    // Not sent: forget the record, so a keyed message can be tried again.
    await prisma.sentEmail.delete({ where: { id: record.id } }).catch(() => undefined)
    throw error
  }
}

/**
 * Sends without letting a mail failure undo the change that caused it: the change has been saved
 * (and audited); a message that cannot go is logged for the operators instead.
 */
export async function sendEmailSafely(message: EmailMessage): Promise<SendResult | null> {
  try {
    return await sendEmail(message)
  } catch (error) {
    logger.error({ err: error }, `Sending the ${message.kind} email failed`)
    return null
  }
}
