// The record of email sent (/admin/mail, issue 7, item 5) through its route loaders with a
// signed-in request: national admins only; newest first, 50 to a page; a message read back from its
// .eml file (headers and plain text, never HTML), or said to have gone over SMTP when there is none.
import { readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import { mailDirectory, sendEmail } from '~/modules/notifications/mailer.server'
import { SENT_MAIL_PAGE_SIZE } from '~/modules/notifications/sent-mail.server'
import { loader as listLoader } from '~/routes/admin.mail._index'
import { loader as messageLoader } from '~/routes/admin.mail.$emailId'
import { useDemoData } from '../setup/demo-data'
import { requestWithCookie } from '../factories'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>
type List = Awaited<ReturnType<typeof listLoader>>
type Message = Awaited<ReturnType<typeof messageLoader>>

const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const cookies = new Map<string, string>()
const DEMO_ROLES = [
  'viewer@demo.nhs.uk',
  'regional.lead@demo.nhs.uk',
  'validator@demo.nhs.uk',
  'lead@demo.nhs.uk',
  'contributor@demo.nhs.uk',
  'sponsor@demo.nhs.uk',
]
let first: string // the first message sent by these tests
let smtpOnly: string

async function signedIn(email: string, urlPath: string): Promise<Request> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, await createSession(user.id, 'vitest'))
  }
  return requestWithCookie(cookies.get(email)!, urlPath)
}

/** The loader's answer, returned or thrown: a Response, or the page's data. */
async function call(loader: Loader, request: Request, params: Record<string, string> = {}): Promise<unknown> {
  try {
    return await loader({ request, params, context })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const status = (answer: unknown) => (answer instanceof Response ? answer.status : 200)

beforeAll(async () => {
  await useDemoData()
  const sent = await sendEmail({
    kind: 'SENT_FOR_SIGN_OFF',
    to: ['sponsor@demo.nhs.uk'],
    subject: 'Sign off the 2026/27 submission for Ribble Valley <Teaching> Hospitals',
    text: 'Ribble Valley Library and Knowledge Service has sent it to you.\n\n<script>alert(1)</script> is just text here.\nhttps://portal.example/submissions/x/sign-off\n',
  })
  if (!sent.sent) throw new Error('not sent')
  first = sent.id
  // 54 more, so there are two pages; then one whose file is gone, as if sent over SMTP.
  for (let i = 1; i <= 54; i++)
    await sendEmail({
      kind: 'DEADLINE_REMINDER',
      to: [`lead${i}@demo.nhs.uk`],
      subject: `Reminder ${i}`,
      text: `Reminder ${i}`,
    })
  const last = await sendEmail({
    kind: 'RESULT_PUBLISHED',
    to: ['lead@demo.nhs.uk', 'sponsor@demo.nhs.uk'],
    subject: 'The result is ready',
    text: 'Read it.',
  })
  if (!last.sent) throw new Error('not sent')
  smtpOnly = last.id
  const file = (await readdir(mailDirectory())).find((f) => f.endsWith(`-${smtpOnly}.eml`))!
  await rm(path.join(mailDirectory(), file))
  // Spread the times so "newest first" is certain.
  const rows = await prisma.sentEmail.findMany({ orderBy: { sentAt: 'asc' }, select: { id: true } })
  const start = Date.parse('2026-11-01T09:00:00Z')
  for (const [index, row] of rows.entries())
    await prisma.sentEmail.update({ where: { id: row.id }, data: { sentAt: new Date(start + index * 60_000) } })
})

describe('who may read the email sent', () => {
  it('lets the national admin in, and refuses every other demo role with 403, on both pages', async () => {
    expect(status(await call(listLoader, await signedIn('admin@demo.nhs.uk', '/admin/mail')))).toBe(200)
    expect(
      status(
        await call(messageLoader, await signedIn('admin@demo.nhs.uk', `/admin/mail/${first}`), { emailId: first }),
      ),
    ).toBe(200)
    for (const email of DEMO_ROLES) {
      expect(status(await call(listLoader, await signedIn(email, '/admin/mail'))), email).toBe(403)
      expect(
        status(await call(messageLoader, await signedIn(email, `/admin/mail/${first}`), { emailId: first })),
        email,
      ).toBe(403)
    }
  })

  it('sends someone who is not signed in to sign in', async () => {
    const answer = await call(listLoader, new Request('http://localhost/admin/mail'))
    expect(answer).toBeInstanceOf(Response)
    expect((answer as Response).status).toBe(302)
    expect((answer as Response).headers.get('Location')).toMatch(/^\/sign-in/)
  })
})

describe('the list', () => {
  it('shows 50 a page, newest first, with when, kind, recipients and subject', async () => {
    const page1 = (await call(listLoader, await signedIn('admin@demo.nhs.uk', '/admin/mail'))) as List
    expect(SENT_MAIL_PAGE_SIZE).toBe(50)
    expect(page1).toMatchObject({ page: 1, pageCount: 2, total: 56 })
    expect(page1.messages).toHaveLength(50)
    expect(page1.messages[0]).toMatchObject({
      id: smtpOnly,
      kindLabel: 'Result published',
      recipients: 'lead@demo.nhs.uk, sponsor@demo.nhs.uk',
      subject: 'The result is ready',
    })
    expect(page1.messages[1]).toMatchObject({ kindLabel: 'Deadline reminder', subject: 'Reminder 54' })
    const times = page1.messages.map((m) => new Date(m.sentAt).getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const page2 = (await call(listLoader, await signedIn('admin@demo.nhs.uk', '/admin/mail?page=2'))) as List
    expect(page2.messages).toHaveLength(6)
    expect(page2.messages.at(-1)).toMatchObject({ id: first, kindLabel: 'Sent for sign-off' })
    expect(new Set([...page1.messages, ...page2.messages].map((m) => m.id)).size).toBe(56)
  })

  it('answers 404 for a page past the last or a page that is not a number', async () => {
    for (const query of ['?page=3', '?page=0', '?page=two', '?page=-1']) {
      expect(status(await call(listLoader, await signedIn('admin@demo.nhs.uk', `/admin/mail${query}`))), query).toBe(
        404,
      )
    }
  })
})

describe('one message', () => {
  it('shows the headers and the plain text from its .eml file, as text', async () => {
    const message = (await call(messageLoader, await signedIn('admin@demo.nhs.uk', `/admin/mail/${first}`), {
      emailId: first,
    })) as Message
    expect(message).toMatchObject({ id: first, kindLabel: 'Sent for sign-off', recipients: 'sponsor@demo.nhs.uk' })
    if (message.content.kind !== 'EML') throw new Error(`expected the .eml file, got ${message.content.kind}`)
    const headers = Object.fromEntries(message.content.headers.map((h) => [h.name, h.value]))
    expect(headers).toMatchObject({
      To: 'sponsor@demo.nhs.uk',
      Subject: 'Sign off the 2026/27 submission for Ribble Valley <Teaching> Hospitals',
    })
    expect(headers.From).toMatch(/^"LKS Quality Portal" <no-reply@/)
    expect(headers['Message-ID']).toMatch(/@lks-quality-portal>$/)
    expect(message.content.text).toBe(
      'Ribble Valley Library and Knowledge Service has sent it to you.\n\n<script>alert(1)</script> is just text here.\nhttps://portal.example/submissions/x/sign-off\n',
    )
    expect(message.content).not.toHaveProperty('html')
  })

  it('never shows the HTML part of a message', async () => {
    const row = await prisma.sentEmail.create({
      data: { kind: 'TEST', recipients: 'someone@example.nhs.uk', subject: 'HTML' },
      select: { id: true },
    })
    const eml = [
      'From: someone@example.nhs.uk',
      'To: someone@example.nhs.uk',
      'Subject: HTML',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The plain words.',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p onclick="steal()">The HTML words.</p>',
      '--b--',
      '',
    ].join('\r\n')
    await writeFile(path.join(mailDirectory(), `2026-11-22T00-00-00-000Z-test-${row.id}.eml`), eml)
    const message = (await call(messageLoader, await signedIn('admin@demo.nhs.uk', `/admin/mail/${row.id}`), {
      emailId: row.id,
    })) as Message
    if (message.content.kind !== 'EML') throw new Error('expected the .eml file')
    expect(message.content.text.trim()).toBe('The plain words.')
    expect(JSON.stringify(message)).not.toContain('HTML words')
  })

  it('says a message without a file went over SMTP', async () => {
    const message = (await call(messageLoader, await signedIn('admin@demo.nhs.uk', `/admin/mail/${smtpOnly}`), {
      emailId: smtpOnly,
    })) as Message
    expect(message).toMatchObject({ id: smtpOnly, subject: 'The result is ready', content: { kind: 'NOT_IN_FOLDER' } })
  })

  it('answers 404 for an id that is not a message, including a path', async () => {
    for (const id of ['nope', '../../etc/passwd', first.slice(1)]) {
      expect(
        status(await call(messageLoader, await signedIn('admin@demo.nhs.uk', `/admin/mail/x`), { emailId: id })),
        id,
      ).toBe(404)
    }
  })
})
