// Two-step verification (issue 12): enrolment, the second step at sign-in, single-use codes and
// recovery codes, throttled code attempts, the code as a way in past strangers' failures,
// turning it off, an admin's reset, and the roles that must use it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.TWO_STEP_REQUIRED_ROLES = 'NATIONAL_ADMIN,REGIONAL_LEAD'
})

import { prisma } from '~/utils/db.server'
import { attemptSignIn } from '~/modules/auth/sign-in.server'
import { createSession, getSessionUser, readSession, requireUser } from '~/modules/auth/session.server'
import {
  checkSecondFactor,
  confirmEnrolment,
  currentCode,
  startEnrolment,
  turnOffTwoStep,
} from '~/modules/auth/two-step.server'
import { resetTwoStep } from '~/modules/admin/users.server'
import { action as twoStepAction, loader as twoStepLoader } from '~/routes/sign-in_.two-step'
import { action as signInAction } from '~/routes/sign-in'
import { action as recoveryCodesAction, loader as recoveryCodesLoader } from '~/routes/account.two-step.recovery-codes'
import { actorFor, createUser, requestWithCookie, TEST_PASSWORD } from '../factories'

const ip = '198.51.100.7'
const signIn = (email: string, extra: { secondFactorCode?: string; ipAddress?: string } = {}) =>
  attemptSignIn({ email, password: TEST_PASSWORD, userAgent: 'vitest', ipAddress: ip, ...extra })

async function thrownBy(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
  throw new Error('expected a thrown response')
}

const context = { clientAddress: ip, cspNonce: 'test', requestId: 'test' }
type RouteFn = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>
async function call(fn: RouteFn, request: Request): Promise<Response> {
  try {
    const result = await fn({ request, params: {}, context })
    if (result instanceof Response) return result
    const { init } = result as { init?: ResponseInit | null }
    return new Response(null, { status: init?.status ?? 200, headers: init?.headers })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

function post(path: string, cookie: string | null, fields: Record<string, string>): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: cookie ? { Cookie: cookie.split(';')[0]! } : {},
    body: new URLSearchParams(fields),
  })
}

/** A person with two-step verification set up, and the time step of the code that set it up. */
async function enrolled(roles: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(roles)
  const enrolment = await startEnrolment(user.id)
  if (!enrolment) throw new Error('no enrolment')
  const done = await confirmEnrolment({ userId: user.id, code: await currentCode(enrolment.secret), ipAddress: ip })
  if (!done.ok) throw new Error('enrolment refused')
  // The enrolment used the current code; later tests move the clock on to get new ones.
  return { ...user, secret: enrolment.secret, recoveryCodes: done.recoveryCodes }
}

const later = (steps: number) => new Date(Date.now() + steps * 30_000)

describe('two-step verification', { timeout: 90_000 }, () => {
  beforeEach(() => {
    vi.useRealTimers()
  })

  it('is set up by a national admin before they reach any page: QR code, key, a code, ten hashed recovery codes', async () => {
    const admin = await createUser({ roles: [{ role: 'NATIONAL_ADMIN' }] })
    const result = await signIn(admin.email)
    expect(result).toMatchObject({ ok: true, next: 'ENROLMENT_DUE' })
    if (!result.ok) return
    const request = requestWithCookie(result.setCookie, '/admin/users')
    expect(await getSessionUser(request)).toBeNull()
    const away = await thrownBy(requireUser(request))
    expect(away.headers.get('Location')).toBe('/account/two-step/set-up?redirectTo=%2Fadmin%2Fusers')

    const enrolment = await startEnrolment(admin.id)
    expect(enrolment?.qrCodeSvg).toMatch(/^<svg/)
    expect(enrolment?.uri).toMatch(/^otpauth:\/\/totp\/LKS%20Quality%20Portal:/)
    expect(enrolment?.groupedSecret.replace(/ /g, '')).toBe(enrolment?.secret)
    // A reload offers the same key until it is confirmed.
    expect((await startEnrolment(admin.id))?.secret).toBe(enrolment!.secret)

    expect(await confirmEnrolment({ userId: admin.id, code: '000000', ipAddress: ip })).toEqual({
      ok: false,
      reason: 'INVALID',
    })
    const confirmed = await confirmEnrolment({
      userId: admin.id,
      code: await currentCode(enrolment!.secret),
      ipAddress: ip,
    })
    if (!confirmed.ok) throw new Error('refused')
    expect(new Set(confirmed.recoveryCodes).size).toBe(10)
    const stored = await prisma.recoveryCode.findMany({ where: { userId: admin.id }, select: { codeHash: true } })
    expect(stored).toHaveLength(10)
    for (const code of confirmed.recoveryCodes) {
      expect(stored.some((row) => row.codeHash.includes(code) || row.codeHash.includes(code.replace(/-/g, '')))).toBe(
        false,
      )
    }
    expect((await readSession(request))?.state).toBe('COMPLETE')
    const events = await prisma.auditEvent.findMany({
      where: { entityId: admin.id, action: 'auth.two_step_enabled' },
      select: { ipAddress: true },
    })
    expect(events).toEqual([{ ipAddress: ip }])
  })

  it('asks for a code after the password, accepts each code once, and a recovery code once', async () => {
    const person = await enrolled()
    const first = await signIn(person.email)
    expect(first).toMatchObject({ ok: true, next: 'SECOND_FACTOR_DUE' })
    if (!first.ok) return
    const request = requestWithCookie(first.setCookie, '/framework')
    expect(await getSessionUser(request)).toBeNull()
    expect((await thrownBy(requireUser(request))).headers.get('Location')).toBe(
      '/sign-in/two-step?redirectTo=%2Fframework',
    )

    // The code that set it up has been used: it is refused, the next one is accepted, once.
    const used = await currentCode(person.secret)
    expect(await checkSecondFactor({ userId: person.id, code: used, ipAddress: ip })).toEqual({
      ok: false,
      reason: 'INVALID',
    })
    const next = await currentCode(person.secret, later(1))
    expect((await checkSecondFactor({ userId: person.id, code: next, ipAddress: ip })).ok).toBe(true)
    expect((await checkSecondFactor({ userId: person.id, code: next, ipAddress: ip })).ok).toBe(false)

    const recovery = person.recoveryCodes[0]!
    expect(await checkSecondFactor({ userId: person.id, code: recovery.toUpperCase(), ipAddress: ip })).toEqual({
      ok: true,
      recoveryCodeUsed: true,
      recoveryCodesLeft: 9,
    })
    expect((await checkSecondFactor({ userId: person.id, code: recovery, ipAddress: ip })).ok).toBe(false)
  })

  it('lets the person in through the second-step page, back to the page they asked for', async () => {
    const person = await enrolled()
    const first = await signIn(person.email)
    if (!first.ok) throw new Error('sign-in failed')
    const page = '/sign-in/two-step?redirectTo=%2Fframework'
    expect((await call(twoStepLoader, requestWithCookie(first.setCookie, page))).status).toBe(200)
    const wrong = await call(twoStepAction, post(page, first.setCookie, { code: '123 456', redirectTo: '/framework' }))
    expect(wrong.status).toBe(400)
    const right = await call(
      twoStepAction,
      post(page, first.setCookie, {
        code: await currentCode(person.secret, later(1)),
        redirectTo: '/framework',
      }),
    )
    expect(right.status).toBe(302)
    expect(right.headers.get('Location')).toBe('/framework')
    expect(await getSessionUser(requestWithCookie(first.setCookie))).not.toBeNull()
  })

  it('makes wrong codes wait, so six guesses leave even the right code waiting', async () => {
    const person = await enrolled()
    for (let i = 0; i < 6; i++) await checkSecondFactor({ userId: person.id, code: '000000', ipAddress: '203.0.113.1' })
    const right = await checkSecondFactor({
      userId: person.id,
      code: await currentCode(person.secret, later(1)),
      ipAddress: ip,
    })
    expect(right).toMatchObject({ ok: false, reason: 'THROTTLED' })
    const events = await prisma.auditEvent.findMany({
      where: { entityId: person.id, action: { in: ['auth.two_step_failed', 'auth.two_step_throttled'] } },
      select: { action: true, ipAddress: true },
    })
    expect(events).toHaveLength(6)
    expect(events.at(-1)).toEqual({ action: 'auth.two_step_throttled', ipAddress: '203.0.113.1' })
  })

  it('lets the owner in with a code while strangers’ failures hold the address back', async () => {
    const person = await enrolled()
    for (let i = 1; i <= 8; i++) {
      await attemptSignIn({ email: person.email, password: `wrong-${i}`, userAgent: 'curl', ipAddress: '203.0.113.9' })
    }
    expect(await signIn(person.email)).toMatchObject({ ok: false, reason: 'THROTTLED' })
    expect(await signIn(person.email, { secondFactorCode: '999999' })).toMatchObject({
      ok: false,
      reason: 'THROTTLED',
    })
    const withCode = await signIn(person.email, { secondFactorCode: await currentCode(person.secret, later(1)) })
    expect(withCode).toMatchObject({ ok: true, next: 'COMPLETE' })
    if (!withCode.ok) return
    expect(await getSessionUser(requestWithCookie(withCode.setCookie))).not.toBeNull()
  })

  it('offers the code field on the sign-in page once the address is held back', async () => {
    const person = await enrolled()
    for (let i = 1; i <= 8; i++) {
      await attemptSignIn({ email: person.email, password: `wrong-${i}`, userAgent: 'curl', ipAddress: '203.0.113.9' })
    }
    const held = await signInAction({
      request: post('/sign-in', null, { email: person.email, password: TEST_PASSWORD }),
      params: {},
      context,
    })
    expect(held).toMatchObject({ data: { throttled: true }, init: { status: 429 } })
    const answer = await call(
      signInAction as RouteFn,
      post('/sign-in', null, {
        email: person.email,
        password: TEST_PASSWORD,
        code: await currentCode(person.secret, later(1)),
        redirectTo: '/framework',
      }),
    )
    expect(answer.status).toBe(302)
    expect(answer.headers.get('Location')).toBe('/framework')
  })

  it('is turned off only with the password, and never by someone whose role requires it', async () => {
    const person = await enrolled()
    expect(await turnOffTwoStep({ userId: person.id, password: 'not-it', ipAddress: ip })).toEqual({
      ok: false,
      reason: 'WRONG_PASSWORD',
    })
    expect(await turnOffTwoStep({ userId: person.id, password: TEST_PASSWORD, ipAddress: ip })).toEqual({ ok: true })
    expect(await prisma.recoveryCode.count({ where: { userId: person.id } })).toBe(0)
    expect(await signIn(person.email)).toMatchObject({ ok: true, next: 'COMPLETE' })

    const lead = await enrolled({ roles: [{ role: 'NATIONAL_ADMIN' }] })
    expect(await turnOffTwoStep({ userId: lead.id, password: TEST_PASSWORD, ipAddress: ip })).toEqual({
      ok: false,
      reason: 'REQUIRED',
    })
  })

  it('is reset by an admin (audited): secret, recovery codes and sessions go, and set-up comes next', async () => {
    const adminUser = await createUser({ roles: [{ role: 'NATIONAL_ADMIN' }] })
    const admin = await actorFor(adminUser.email)
    const person = await enrolled({ roles: [{ role: 'NATIONAL_ADMIN' }] })
    const session = await signIn(person.email)
    if (!session.ok) throw new Error('sign-in failed')
    const { updatedAt } = await prisma.user.findUniqueOrThrow({ where: { id: person.id }, select: { updatedAt: true } })
    expect(
      await resetTwoStep(admin, { userId: person.id, version: updatedAt.toISOString(), ipAddress: '192.0.2.44' }),
    ).toEqual({ ok: true })
    const after = await prisma.user.findUniqueOrThrow({
      where: { id: person.id },
      select: { totpSecret: true, totpEnabledAt: true, _count: { select: { recoveryCodes: true, sessions: true } } },
    })
    expect(after).toEqual({ totpSecret: null, totpEnabledAt: null, _count: { recoveryCodes: 0, sessions: 0 } })
    const event = await prisma.auditEvent.findFirst({
      where: { entityId: person.id, action: 'auth.two_step_reset' },
      select: { actorId: true, ipAddress: true },
    })
    expect(event).toEqual({ actorId: admin.id, ipAddress: '192.0.2.44' })
    expect(await signIn(person.email)).toMatchObject({ ok: true, next: 'ENROLMENT_DUE' })
  })
})

describe('new recovery codes', { timeout: 90_000 }, () => {
  const page = '/account/two-step/recovery-codes'

  it('are made by the person after typing their password again, shown once, audited; the old ones stop working', async () => {
    const person = await enrolled()
    // A session whose password was typed 20 minutes ago is asked for it first, and nothing changes.
    const earlier = await createSession(person.id, 'vitest', {
      secondFactorDone: true,
      now: new Date(Date.now() - 20 * 60 * 1000),
    })
    const confirmFirst = `/account/confirm-password?${new URLSearchParams({ redirectTo: page })}`
    expect((await call(recoveryCodesLoader as RouteFn, requestWithCookie(earlier, page))).headers.get('Location')).toBe(
      confirmFirst,
    )
    const refused = await call(recoveryCodesAction as RouteFn, post(page, earlier, { intent: 'renew' }))
    expect(refused.headers.get('Location')).toBe(confirmFirst)
    const oldHashes = await prisma.recoveryCode.findMany({ where: { userId: person.id }, select: { codeHash: true } })
    expect(oldHashes).toHaveLength(10)

    const fresh = await createSession(person.id, 'vitest')
    expect((await call(recoveryCodesLoader as RouteFn, requestWithCookie(fresh, page))).status).toBe(200)
    const answer = (await (recoveryCodesAction as RouteFn)({
      request: post(page, fresh, { intent: 'renew' }),
      params: {},
      context,
    })) as { data: { codes: string[] }; init: ResponseInit }
    expect(new Headers(answer.init.headers).get('Cache-Control')).toBe('private, no-store')
    const codes = answer.data.codes
    expect(new Set(codes).size).toBe(10)
    expect(codes.some((code) => person.recoveryCodes.includes(code))).toBe(false)

    expect(await checkSecondFactor({ userId: person.id, code: person.recoveryCodes[0]!, ipAddress: ip })).toEqual({
      ok: false,
      reason: 'INVALID',
    })
    expect(await checkSecondFactor({ userId: person.id, code: codes[0]!, ipAddress: ip })).toMatchObject({
      ok: true,
      recoveryCodeUsed: true,
      recoveryCodesLeft: 9,
    })
    const events = await prisma.auditEvent.findMany({
      where: { entityId: person.id, action: 'auth.recovery_codes_renewed' },
      select: { actorId: true, ipAddress: true, before: true, after: true },
    })
    expect(events).toEqual([
      {
        actorId: person.id,
        ipAddress: ip,
        before: JSON.stringify({ recoveryCodesLeft: 10 }),
        after: JSON.stringify({ recoveryCodesLeft: 10 }),
      },
    ])
  })

  it('are not offered to someone without two-step verification', async () => {
    const person = await createUser()
    const cookie = await createSession(person.id, 'vitest')
    expect((await call(recoveryCodesLoader as RouteFn, requestWithCookie(cookie, page))).headers.get('Location')).toBe(
      '/account',
    )
    expect(
      (await call(recoveryCodesAction as RouteFn, post(page, cookie, { intent: 'renew' }))).headers.get('Location'),
    ).toBe('/account')
    expect(await prisma.recoveryCode.count({ where: { userId: person.id } })).toBe(0)
  })
})
