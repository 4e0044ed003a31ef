import argon2 from 'argon2'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/utils/db.server'
import { attemptSignIn, changePassword } from '~/modules/auth/sign-in.server'
import { hashPassword, passwordNeedsRehash, verifyPassword } from '~/modules/auth/password.server'
import { destroySession, getSessionUser, requireUser } from '~/modules/auth/session.server'
import { resetPassword } from '~/modules/auth/password-reset.server'
import { issueUserToken } from '~/modules/auth/user-tokens.server'
import { createUser, requestWithCookie, TEST_PASSWORD } from '../factories'

const attempt = (email: string, password: string) =>
  attemptSignIn({ email, password, userAgent: 'vitest', ipAddress: '127.0.0.1' })
const stranger = { userAgent: 'curl', ipAddress: '203.0.113.9' }

describe('signing in', { timeout: 90_000 }, () => {
  let email: string
  beforeEach(async () => {
    email = (await createUser()).email
  })

  it('starts a session for the right email and password, whatever the email case', async () => {
    const result = await attempt(email.toUpperCase(), TEST_PASSWORD)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.setCookie).toMatch(/^lks_session=.+; Path=\/; HttpOnly; SameSite=Lax$/)
    const user = await getSessionUser(requestWithCookie(result.setCookie))
    expect(user?.email).toBe(email)
    const events = await prisma.auditEvent.findMany({ where: { entityId: result.userId }, select: { action: true } })
    expect(events.map((e) => e.action)).toEqual(['auth.signed_in'])
  })

  it('stores only a hash of the session token', async () => {
    const result = await attempt(email, TEST_PASSWORD)
    if (!result.ok) throw new Error('sign-in failed')
    const sessions = await prisma.session.findMany({ where: { userId: result.userId }, select: { id: true } })
    expect(sessions).toHaveLength(1)
    const cookieValue = decodeURIComponent(result.setCookie.split(';')[0]!.split('=').slice(1).join('='))
    expect(cookieValue).not.toContain(sessions[0]!.id)
    expect(sessions[0]!.id).toMatch(/^[0-9a-f]{64}$/)
  })

  it('gives the same answer for a wrong password and an unknown email', async () => {
    expect(await attempt(email, 'wrong-password')).toEqual({ ok: false, reason: 'INVALID' })
    expect(await attempt('nobody@example.nhs.uk', TEST_PASSWORD)).toEqual({ ok: false, reason: 'INVALID' })
  })

  it('refuses a deactivated user', async () => {
    const inactive = await createUser({ active: false })
    expect(await attempt(inactive.email, TEST_PASSWORD)).toEqual({ ok: false, reason: 'INVALID' })
  })

  it('never locks: ten anonymous failures leave the owner signed in, with every session working', async () => {
    const owner = await attempt(email, TEST_PASSWORD)
    if (!owner.ok) throw new Error('sign-in failed')
    for (let i = 1; i <= 10; i++) await attemptSignIn({ ...stranger, email, password: `wrong-${i}` })
    expect(await getSessionUser(requestWithCookie(owner.setCookie))).not.toBeNull()
    expect(await prisma.session.count({ where: { userId: owner.userId } })).toBe(1)
    const failures = await prisma.auditEvent.findMany({
      where: { entityId: owner.userId, action: { in: ['auth.sign_in_failed', 'auth.sign_in_throttled'] } },
      select: { ipAddress: true },
    })
    expect(failures.length).toBeGreaterThanOrEqual(5)
    expect(new Set(failures.map((f) => f.ipAddress))).toEqual(new Set(['203.0.113.9']))
  })

  it('makes each failure beyond the fifth wait longer, the same for a real and an unknown address', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'))
    const story = async (address: string) => {
      const seen: string[] = []
      for (let i = 1; i <= 5; i++)
        seen.push(outcome(await attemptSignIn({ ...stranger, email: address, password: 'x' })))
      // The sixth failure earns 1 second; at once, the next try is refused without a check.
      seen.push(outcome(await attemptSignIn({ ...stranger, email: address, password: 'x' })))
      seen.push(outcome(await attemptSignIn({ ...stranger, email: address, password: TEST_PASSWORD })))
      vi.setSystemTime(new Date(Date.now() + 1500))
      seen.push(outcome(await attemptSignIn({ ...stranger, email: address, password: 'x' })))
      seen.push(outcome(await attemptSignIn({ ...stranger, email: address, password: 'x' })))
      vi.setSystemTime(new Date(Date.now() + 2500))
      seen.push(outcome(await attemptSignIn({ ...stranger, email: address, password: 'x' })))
      seen.push(outcome(await attemptSignIn({ ...stranger, email: address, password: 'x' })))
      return seen
    }
    const real = await story(email)
    vi.setSystemTime(new Date('2026-11-22T10:00:00Z'))
    const unknown = await story('nobody-at-all@example.nhs.uk')
    expect(real).toEqual([
      'INVALID',
      'INVALID',
      'INVALID',
      'INVALID',
      'INVALID',
      'INVALID',
      'THROTTLED 1',
      'INVALID',
      'THROTTLED 2',
      'INVALID',
      'THROTTLED 4',
    ])
    expect(unknown).toEqual(real)
    vi.useRealTimers()
  })

  it('lets the owner in from a browser they have signed in with, whatever a stranger tries', async () => {
    const owner = await attempt(email, TEST_PASSWORD)
    if (!owner.ok) throw new Error('sign-in failed')
    for (let i = 1; i <= 8; i++) await attemptSignIn({ ...stranger, email, password: `wrong-${i}` })
    expect(await attemptSignIn({ ...stranger, email, password: TEST_PASSWORD })).toMatchObject({ reason: 'THROTTLED' })
    const fromOwnBrowser = await attemptSignIn({
      email,
      password: TEST_PASSWORD,
      userAgent: 'vitest',
      ipAddress: '198.51.100.1',
      cookieHeader: owner.deviceCookie.split(';')[0]!,
    })
    expect(fromOwnBrowser.ok).toBe(true)
  })

  it('lets the owner in after a password reset, which clears the waits on the address', async () => {
    for (let i = 1; i <= 8; i++) await attemptSignIn({ ...stranger, email, password: `wrong-${i}` })
    expect(await attempt(email, TEST_PASSWORD)).toMatchObject({ reason: 'THROTTLED' })
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    const { token } = await prisma.$transaction((tx) =>
      issueUserToken(tx, { userId: user.id, purpose: 'PASSWORD_RESET', createdById: null }),
    )
    expect((await resetPassword({ token, password: 'a-new-password-for-me', ipAddress: '' })).ok).toBe(true)
    expect((await attempt(email, 'a-new-password-for-me')).ok).toBe(true)
  })

  it('resets the count of failures after a successful sign-in', async () => {
    for (let i = 0; i < 5; i++) await attempt(email, 'wrong')
    expect((await attempt(email, TEST_PASSWORD)).ok).toBe(true)
    expect(await attempt(email, 'wrong')).toEqual({ ok: false, reason: 'INVALID' })
  })
})

function outcome(result: Awaited<ReturnType<typeof attemptSignIn>>): string {
  return result.ok ? 'OK' : result.reason === 'THROTTLED' ? `THROTTLED ${result.retryAfterSeconds}` : result.reason
}

describe('password hashing', () => {
  it("uses argon2id at or above OWASP's minimum of 19 MiB and 2 passes", async () => {
    const hash = await hashPassword(TEST_PASSWORD)
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash)
    expect(match).not.toBeNull()
    expect(Number(match![1])).toBeGreaterThanOrEqual(19 * 1024)
    expect(Number(match![2])).toBeGreaterThanOrEqual(2)
    expect(passwordNeedsRehash(hash)).toBe(false)
  })

  it("signs in with a hash made at the old settings and replaces it with one at today's", async () => {
    const { email, id } = await createUser()
    const oldHash = await argon2.hash(TEST_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 65_536,
      timeCost: 3,
      parallelism: 4,
    })
    await prisma.user.update({ where: { id }, data: { passwordHash: oldHash } })

    expect((await attempt(email, TEST_PASSWORD)).ok).toBe(true)

    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })
    expect(passwordHash).not.toBe(oldHash)
    expect(passwordNeedsRehash(passwordHash!)).toBe(false)
    expect(await verifyPassword(passwordHash!, TEST_PASSWORD)).toBe(true)
  })

  it('leaves the hash alone after a wrong password', async () => {
    const { email, id } = await createUser()
    const oldHash = await argon2.hash(TEST_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 65_536,
      timeCost: 3,
      parallelism: 4,
    })
    await prisma.user.update({ where: { id }, data: { passwordHash: oldHash } })
    expect((await attempt(email, 'wrong-password')).ok).toBe(false)
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })
    expect(passwordHash).toBe(oldHash)
  })
})

describe('sessions', () => {
  it('expires, and is renewed on use', async () => {
    const { email } = await createUser()
    const result = await attempt(email, TEST_PASSWORD)
    if (!result.ok) throw new Error('sign-in failed')
    const request = requestWithCookie(result.setCookie)
    const [session] = await prisma.session.findMany({ where: { userId: result.userId }, select: { id: true } })

    // Used 10 minutes ago: renewed.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000)
    await prisma.session.update({
      where: { id: session!.id },
      data: { lastUsedAt: tenMinutesAgo, expiresAt: new Date(Date.now() + 60 * 1000) },
    })
    expect(await getSessionUser(request)).not.toBeNull()
    const renewed = await prisma.session.findUniqueOrThrow({ where: { id: session!.id }, select: { expiresAt: true } })
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 60 * 60 * 1000)

    // Expired: refused and removed.
    await prisma.session.update({ where: { id: session!.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await getSessionUser(request)).toBeNull()
    expect(await prisma.session.count({ where: { id: session!.id } })).toBe(0)
  })

  it('ends at once when the user is deactivated', async () => {
    const { email } = await createUser()
    const result = await attempt(email, TEST_PASSWORD)
    if (!result.ok) throw new Error('sign-in failed')
    await prisma.user.update({ where: { email }, data: { active: false } })
    expect(await getSessionUser(requestWithCookie(result.setCookie))).toBeNull()
  })

  it('refuses a forged or tampered cookie', async () => {
    expect(
      await getSessionUser(new Request('http://localhost/', { headers: { Cookie: 'lks_session=forged' } })),
    ).toBeNull()
    const { email } = await createUser()
    const result = await attempt(email, TEST_PASSWORD)
    if (!result.ok) throw new Error('sign-in failed')
    const tampered = result.setCookie.replace(/=(.)/, (_m, c: string) => `=${c === 'a' ? 'b' : 'a'}`)
    expect(await getSessionUser(requestWithCookie(tampered))).toBeNull()
  })

  it('signs out by deleting the session', async () => {
    const { email } = await createUser()
    const result = await attempt(email, TEST_PASSWORD)
    if (!result.ok) throw new Error('sign-in failed')
    const request = requestWithCookie(result.setCookie)
    expect(await destroySession(request)).toMatch(/lks_session=; Max-Age=0/)
    expect(await getSessionUser(request)).toBeNull()
  })

  it('sends a signed-out visitor to sign in, coming back to the page they asked for', async () => {
    const error = await requireUser(new Request('http://localhost/submissions/abc?tab=2')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Response)
    expect((error as Response).headers.get('Location')).toBe('/sign-in?redirectTo=%2Fsubmissions%2Fabc%3Ftab%3D2')
  })
})

describe('changing password', { timeout: 60_000 }, () => {
  it('needs the current password, and ends every other session', async () => {
    const { email } = await createUser()
    const first = await attempt(email, TEST_PASSWORD)
    const second = await attempt(email, TEST_PASSWORD)
    if (!first.ok || !second.ok) throw new Error('sign-in failed')
    const current = await getSessionUser(requestWithCookie(first.setCookie))
    const input = {
      userId: first.userId,
      sessionId: current!.sessionId,
      newPassword: 'a-brand-new-password',
      ipAddress: '',
    }

    expect(await changePassword({ ...input, currentPassword: 'wrong' })).toEqual({
      ok: false,
      field: 'currentPassword',
      message: 'Your current password is not correct',
    })
    expect(await changePassword({ ...input, currentPassword: TEST_PASSWORD })).toEqual({ ok: true })

    expect(await getSessionUser(requestWithCookie(first.setCookie))).not.toBeNull()
    expect(await getSessionUser(requestWithCookie(second.setCookie))).toBeNull()
    expect((await attempt(email, TEST_PASSWORD)).ok).toBe(false)
    expect((await attempt(email, 'a-brand-new-password')).ok).toBe(true)
  })
})
