// The record of email sent, for national admins at /admin/mail (issue 7, item 5): SentEmail rows,
// newest first, and a message read back from its .eml file in MAIL_DIR when there is one. The file
// is parsed with mailparser and only its headers and plain text are shown, never its HTML.
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { canAdminister } from '~/modules/admin/sections'
import type { Actor } from '~/modules/auth/permissions'
import { prisma } from '~/utils/db.server'
import { forbidden, notFound } from '~/utils/http.server'
import { mailDirectory } from './mailer.server'

export const SENT_MAIL_PAGE_SIZE = 50
/** Larger files are not read back: the portal's own messages are a few kilobytes. */
const MAX_EML_BYTES = 2 * 1024 * 1024

/** Only national admins (user:manage everywhere) read the email the portal has sent. */
export function requireMailReader(actor: Actor): void {
  if (!canAdminister(actor, 'user:manage')) forbidden()
}

const KIND_LABELS: Record<string, string> = {
  INVITATION: 'Invitation',
  PASSWORD_RESET: 'Password reset',
  SENT_FOR_SIGN_OFF: 'Sent for sign-off',
  RETURNED_BY_SPONSOR: 'Returned by the sponsor',
  SUBMITTED: 'Submitted',
  VALIDATOR_ASSIGNED: 'Validator assigned',
  CLARIFICATION_REQUESTED: 'Clarification requested',
  CLARIFICATION_ANSWERED: 'Clarification answered',
  RESULT_PUBLISHED: 'Result published',
  DEADLINE_REMINDER: 'Deadline reminder',
  SIP_SENT_FOR_SIGN_OFF: 'Service Improvement Plan sent for sign-off',
  SIP_RETURNED_BY_SPONSOR: 'Service Improvement Plan returned by the sponsor',
  SIP_SUBMITTED_RECEIPT: 'Service Improvement Plan receipt',
  SIP_SUBMITTED: 'Service Improvement Plan submitted',
  SIP_REVIEWER_ASSIGNED: 'Service Improvement Plan reviewer assigned',
  SIP_REVIEW_RECORDED: 'Service Improvement Plan review recorded',
  SIP_REVIEW_PUBLISHED: 'Service Improvement Plan review published',
  SIP_RESUBMISSION_REQUESTED: 'Service Improvement Plan resubmission requested',
  SIP_INTERIM_UPDATE_REQUESTED: 'Service Improvement Plan interim update requested',
  SIP_DEADLINE_REMINDER: 'Service Improvement Plan deadline reminder',
}

/** "Deadline reminder" for DEADLINE_REMINDER; an unknown kind is shown as it is stored. */
export function describeMailKind(kind: string): string {
  return KIND_LABELS[kind] ?? kind
}

/** One page of the email sent, newest first; null for a page past the last. */
export async function listSentEmail(actor: Actor, page: number) {
  requireMailReader(actor)
  const total = await prisma.sentEmail.count()
  const pageCount = Math.max(1, Math.ceil(total / SENT_MAIL_PAGE_SIZE))
  if (page < 1 || page > pageCount) return null
  const rows = await prisma.sentEmail.findMany({
    orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * SENT_MAIL_PAGE_SIZE,
    take: SENT_MAIL_PAGE_SIZE,
    select: { id: true, kind: true, recipients: true, subject: true, sentAt: true },
  })
  return {
    page,
    pageCount,
    pageSize: SENT_MAIL_PAGE_SIZE,
    total,
    messages: rows.map((row) => ({ ...row, kindLabel: describeMailKind(row.kind) })),
  }
}

/** The .eml file the mailer wrote for a SentEmail row (named `...-<id>.eml`), if it is there. */
async function findEmlFile(id: string): Promise<string | null> {
  const dir = mailDirectory()
  const names = await readdir(dir).catch(() => [] as string[])
  const name = names.find((n) => n.endsWith(`-${id}.eml`))
  return name ? path.join(dir, name) : null
}

export type MailHeader = { name: string; value: string }

/** Headers and plain text of an .eml file; HTML parts and attachments are ignored. */
export async function readEml(source: Buffer | string): Promise<{ headers: MailHeader[]; text: string }> {
  const parsed = await simpleParser(source, {
    skipHtmlToText: true,
    skipImageLinks: true,
    skipTextLinks: true,
    skipTextToHtml: true,
  })
  const addresses = (value: typeof parsed.to) =>
    value === undefined ? '' : (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ')
  const headers: MailHeader[] = [
    { name: 'From', value: addresses(parsed.from) },
    { name: 'To', value: addresses(parsed.to) },
    { name: 'Cc', value: addresses(parsed.cc) },
    { name: 'Subject', value: parsed.subject ?? '' },
    { name: 'Date', value: parsed.date ? parsed.date.toISOString() : '' },
    { name: 'Message-ID', value: parsed.messageId ?? '' },
  ].filter((h) => h.value !== '')
  return { headers, text: parsed.text ?? '' }
}

/** One message: its record and, when the .eml file is in MAIL_DIR, what it said. 404 when there is no such record. */
export async function getSentEmail(actor: Actor, id: string) {
  requireMailReader(actor)
  const row = await prisma.sentEmail.findUnique({
    where: { id },
    select: { id: true, kind: true, recipients: true, subject: true, sentAt: true, messageId: true },
  })
  if (!row) notFound('That email was not found')
  const base = { ...row, kindLabel: describeMailKind(row.kind) }
  const file = await findEmlFile(row.id)
  if (!file) return { ...base, content: { kind: 'NOT_IN_FOLDER' as const } }
  const { size } = await stat(file)
  if (size > MAX_EML_BYTES) return { ...base, content: { kind: 'TOO_LARGE' as const, size } }
  const { headers, text } = await readEml(await readFile(file))
  // Dates are shown as "14 March 2026 at 2:30pm" by the page; the Date header is kept as sent.
  return { ...base, content: { kind: 'EML' as const, fileName: path.basename(file), headers, text: maskTokens(text) } }
}

const TOKEN_LINK = /(\/(?:password-reset|invitations)\/)[A-Za-z0-9_-]{8,}/g

/**
 * Invitation and reset links are keys to an account: the viewer shows where they point but never
 * a usable token, so reading the mail folder through the portal cannot take over an account.
 */
export function maskTokens(text: string): string {
  return text.replace(TOKEN_LINK, (_match, prefix: string) => `${prefix}[hidden]`)
}
