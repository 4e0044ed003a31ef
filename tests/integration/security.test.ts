// Account security findings of issue 12, through the route loaders and actions as a browser or an
// attacker would call them: links only from APP_ORIGIN (2), reset mail that never shows a usable
// token (4), same answer and no waiting on the email whatever the account (5), rate limits on
// account emails (6), the password policy (7), absolute session lifetime and re-authentication
// (8), and authorisation before a form body is read (9).
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { backgroundJobsPending, backgroundJobsSettled } from '~/utils/background.server'
import { createSession, getSessionUser, requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { mailDirectory } from '~/modules/notifications/mailer.server'
import { portalOrigin } from '~/modules/notifications/notifications.server'
import { getSentEmail } from '~/modules/notifications/sent-mail.server'
import { action as requestResetAction } from '~/routes/password-reset._index'
import { action as resetAction } from '~/routes/password-reset.$token'
import { action as reviewAction } from '~/routes/validation.assignments.$assignmentId.outcomes.$number'
import { seedDemoData } from '../../prisma/seed'
import { actorFor, createUser, requestWithCookie } from '../factories'

const context = { clientAddress: '192.0.2.10', cspNonce: 'test', requestId: 'test' }

async function run(
  fn: (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>,
  request: Request,
  params: Record<string, string> = {},
  clientAddress = context.clientAddress,
): Promise<Response> {
  try {
    const result = await fn({ request, params, context: { ...context, clientAddress } })
    if (result instanceof Response) return result
    if (result && typeof result === 'object' && 'type' in result && result.type === 'DataWithResponseInit') {
      const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null }
      return new Response(JSON.stringify(data), { status: init?.status ?? 200, headers: init?.headers })
    }
    return new Response(JSON.stringify(result), { status: 200 })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

function post(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(url, { method: 'POST', body: new URLSearchParams(fields), headers })
}

async function mailTo(email: string): Promise<string[]> {
  const files = await readdir(mailDirectory()).catch(() => [] as string[])
  const texts = await Promise.all(files.map((f) => readFile(path.join(mailDirectory(), f), 'utf8')))
  return texts.filter((t) => t.includes(`To: ${email}`)).map((t) => t.replace(/=\r?\n/g, '').replace(/=3D/g, '='))
}

beforeAll(async () => {
  await seedDemoData(prisma)
}, 120_000)

describe('password reset requests', { timeout: 60_000 }, () => {
  it('build the link from APP_ORIGIN, never from a forged Host (finding 2)', async () => {
    const { email } = await createUser({ email: 'host-victim@example.nhs.uk' })
    const request = post('http://evil.example/password-reset', { email }, { Host: 'evil.example' })
    await run(requestResetAction, request)
    await backgroundJobsSettled()
    const [message] = await mailTo(email)
    expect(message).toContain(`${portalOrigin()}/password-reset/`)
    expect(message).not.toContain('evil.example')
  })

  it('answer the same for a real and an unknown address, before any email work (finding 5)', async () => {
    const { email } = await createUser({ email: 'timing-real@example.nhs.uk' })
    const answers = []
    for (const address of [email, 'timing-nobody@example.nhs.uk']) {
      const response = await run(
        requestResetAction,
        post('http://localhost/password-reset', { email: address }),
        {},
        '192.0.2.20',
      )
      // The response is ready while the lookup and the email still wait their turn.
      expect(backgroundJobsPending()).toBe(1)
      answers.push({ status: response.status, location: response.headers.get('Location') })
      await backgroundJobsSettled()
    }
    expect(answers[0]).toEqual({ status: 302, location: '/password-reset' })
    expect(answers[1]).toEqual(answers[0])
    expect(await mailTo(email)).toHaveLength(1)
  })

  it('send at most 3 emails an hour to one address, and take 20 requests an hour from one IP (finding 6)', async () => {
    const { email } = await createUser({ email: 'flooded@example.nhs.uk' })
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) {
      const response = await run(
        requestResetAction,
        post('http://localhost/password-reset', { email }),
        {},
        '192.0.2.30',
      )
      statuses.push(response.status)
    }
    await backgroundJobsSettled()
    expect(statuses.slice(0, 3)).toEqual([302, 302, 302])
    expect(new Set(statuses.slice(3))).toEqual(new Set([429]))
    expect(await mailTo(email)).toHaveLength(3)
    // Another address from the same IP: allowed until the IP's 20 are used (30 asked, 20 taken).
    const other = await run(
      requestResetAction,
      post('http://localhost/password-reset', { email: 'x@example.nhs.uk' }),
      {},
      '192.0.2.30',
    )
    expect(other.status).toBe(429)
    expect(await other.text()).toContain('Too many reset links have been asked for')
  })

  it('are shown to admins in the mail viewer with the token hidden (finding 4)', async () => {
    const { email } = await createUser({ email: 'masked@example.nhs.uk' })
    await run(requestResetAction, post('http://localhost/password-reset', { email }), {}, '192.0.2.40')
    await backgroundJobsSettled()
    const row = await prisma.sentEmail.findFirstOrThrow({ where: { recipients: email }, select: { id: true } })
    const message = await getSentEmail(await actorFor('admin@demo.nhs.uk'), row.id)
    if (message.content.kind !== 'EML') throw new Error('expected the .eml file')
    expect(message.content.text).toContain('/password-reset/[hidden]')
    expect(message.content.text).not.toMatch(/\/password-reset\/[A-Za-z0-9_-]{8,}/)
  })
})

describe('new passwords', { timeout: 60_000 }, () => {
  it('refuse common and guessable ones in plain words (finding 7)', async () => {
    const person = await createUser({ email: 'weak@example.nhs.uk' })
    const { issueUserToken } = await import('~/modules/auth/user-tokens.server')
    const { token } = await prisma.$transaction((tx) =>
      issueUserToken(tx, { userId: person.id, purpose: 'PASSWORD_RESET', createdById: null }),
    )
    for (const weak of ['123456789012', 'Password1234', 'qwertyuiopas', 'liverpool1234']) {
      const response = await run(
        resetAction,
        post('http://localhost/x', { newPassword: weak, confirmPassword: weak }),
        { token },
      )
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('Password is too easy to guess because')
    }
    const strong = 'kettle orbit lantern'
    const accepted = await run(
      resetAction,
      post('http://localhost/x', { newPassword: strong, confirmPassword: strong }),
      { token },
    )
    expect(accepted.status).toBe(302)
  })
})

describe('sessions', { timeout: 60_000 }, () => {
  it('end SESSION_ABSOLUTE_HOURS (7 days) after sign-in however much they are used (finding 8)', async () => {
    const person = await createUser()
    const created = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000 - 1000)
    const cookie = await createSession(person.id, 'vitest', { secondFactorDone: true, now: created })
    // Kept alive by use: the sliding expiry is still ahead.
    await prisma.session.updateMany({
      where: { userId: person.id },
      data: { lastUsedAt: new Date(), expiresAt: new Date(Date.now() + 60 * 60 * 1000) },
    })
    expect(await getSessionUser(requestWithCookie(cookie))).toBeNull()
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0)
  })

  it('ask for the password again before a sensitive action once it is 15 minutes old (finding 8)', async () => {
    const person = await createUser()
    const cookie = await createSession(person.id, 'vitest')
    const request = requestWithCookie(cookie, '/admin/users/abc')
    const user = await requireUser(request)
    expect(() => requireRecentAuthentication(user, request)).not.toThrow()
    const later = new Date(Date.now() + 16 * 60 * 1000)
    const thrown = (() => {
      try {
        requireRecentAuthentication(user, request, later)
      } catch (error) {
        return error
      }
    })()
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).headers.get('Location')).toBe(
      '/account/confirm-password?redirectTo=%2Fadmin%2Fusers%2Fabc',
    )
  })
})

describe('a validator posting to someone else’s assignment', { timeout: 60_000 }, () => {
  it('is told it does not exist before the body is read (finding 9)', async () => {
    const others = await prisma.validatorAssignment.findFirstOrThrow({
      where: { validator: { email: { not: 'priya.shah@demo.nhs.uk' } } },
      select: { id: true },
    })
    const priya = await prisma.user.findUniqueOrThrow({
      where: { email: 'priya.shah@demo.nhs.uk' },
      select: { id: true },
    })
    const cookie = await createSession(priya.id, 'vitest')
    const url = `http://localhost/validation/assignments/${others.id}/outcomes/1`
    const request = new Request(url, {
      method: 'POST',
      headers: { Cookie: cookie.split(';')[0]!, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'level=banana&judgements[0].status=%%%',
    })
    const response = await run(reviewAction, request, { assignmentId: others.id, number: '1' })
    expect(response.status).toBe(404)
  })
})
