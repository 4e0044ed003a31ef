import { prisma, type Db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { hashPassword, passwordNeedsRehash, verifyAgainstDummy, verifyPassword } from './password.server'
import { createSession, markReauthenticated, type SessionState, type SessionUser } from './session.server'
import { checkSecondFactor, twoStepRequiredFor } from './two-step.server'
import { passwordWeakness } from './password-policy.server'
import { trustDevice, trustedDeviceFor } from './device.server'
import { clearFailures, recordFailure, secondsToWait, type DelayPolicy } from './throttle.server'

export type SignInResult =
  | { ok: true; userId: string; setCookie: string; deviceCookie: string; next: SessionState }
  | { ok: false; reason: 'INVALID' }
  | { ok: false; reason: 'THROTTLED'; retryAfterSeconds: number }

type Attempt = {
  email: string
  password: string
  userAgent: string
  ipAddress: string
  /** The request's Cookie header, for the device cookie. */
  cookieHeader?: string | null
  /**
   * A code from the authenticator app (or a recovery code) given with the password: the way in for
   * the owner while strangers' failures hold the address back, and the second step done at once.
   */
  secondFactorCode?: string
}

export function signInPolicy(): DelayPolicy {
  const env = getEnv()
  return {
    freeAttempts: env.SIGN_IN_FREE_ATTEMPTS,
    firstDelaySeconds: 1,
    maxDelaySeconds: env.SIGN_IN_MAX_DELAY_MINUTES * 60,
  }
}

function ipPolicy(): DelayPolicy {
  const env = getEnv()
  return {
    freeAttempts: env.SIGN_IN_IP_FREE_ATTEMPTS,
    firstDelaySeconds: 1,
    maxDelaySeconds: env.SIGN_IN_MAX_DELAY_MINUTES * 60,
  }
}

/** The throttle key of an email address, whether or not an account has it, so answers never differ. */
export function accountThrottleKey(email: string): string {
  return `sign-in:account:${email.trim().toLowerCase()}`
}

/**
 * Checks an email and password. A wrong email and a wrong password give the same answer in the
 * same time. Failures are throttled, never locked: after SIGN_IN_FREE_ATTEMPTS failures on an
 * address each further try must wait, the wait doubling up to SIGN_IN_MAX_DELAY_MINUTES; the same
 * by IP address. A browser holding the account's device cookie is throttled on its own key, so a
 * stranger's guesses never keep the owner out, and never end the owner's sessions.
 */
export async function attemptSignIn({
  email,
  password,
  userAgent,
  ipAddress,
  cookieHeader = null,
  secondFactorCode,
}: Attempt): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase()
  const device = await trustedDeviceFor(cookieHeader, normalised)
  const ipKey = `sign-in:ip:${ipAddress}`
  const user = await prisma.user.findUnique({
    where: { email: normalised },
    select: { id: true, active: true, passwordHash: true, totpEnabledAt: true },
  })
  // A right second-factor code proves control of the account as a device cookie does: the owner
  // gets their own key, away from the waits that strangers' guesses put on the address.
  let secondFactorDone = false
  if (secondFactorCode?.trim() && user?.active && user.totpEnabledAt) {
    const checked = await checkSecondFactor({ userId: user.id, code: secondFactorCode, ipAddress })
    if (checked.ok === false && checked.reason === 'THROTTLED') {
      return { ok: false, reason: 'THROTTLED', retryAfterSeconds: checked.retryAfterSeconds }
    }
    secondFactorDone = checked.ok
  }
  const accountKey = secondFactorDone
    ? `sign-in:second-factor:${user!.id}`
    : device
      ? `sign-in:device:${device}`
      : accountThrottleKey(normalised)
  const ownKey = secondFactorDone || device !== null
  const wait = await secondsToWait(ownKey ? [accountKey] : [accountKey, ipKey])
  if (wait > 0) return { ok: false, reason: 'THROTTLED', retryAfterSeconds: wait }
  const valid =
    user?.active && user.passwordHash
      ? await verifyPassword(user.passwordHash, password)
      : (await verifyAgainstDummy(password), false)
  if (!user || !valid) {
    const [accountDelay, ipDelay] = await Promise.all([
      recordFailure(accountKey, signInPolicy()),
      ownKey ? Promise.resolve(0) : recordFailure(ipKey, ipPolicy()),
    ])
    await recordAudit(prisma, {
      actorId: null,
      action: accountDelay > 0 || ipDelay > 0 ? 'auth.sign_in_throttled' : 'auth.sign_in_failed',
      entityType: 'User',
      entityId: user?.id ?? normalised,
      after: accountDelay > 0 || ipDelay > 0 ? { waitSeconds: Math.max(accountDelay, ipDelay) } : undefined,
      ipAddress,
    })
    return { ok: false, reason: 'INVALID' }
  }
  await clearFailures(accountKey)
  const now = new Date()
  // A hash made with older settings is replaced now, while the password is at hand (hashed before
  // the transaction, so the write stays short).
  const upgradedHash = passwordNeedsRehash(user.passwordHash!) ? await hashPassword(password) : undefined
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { lastSignInAt: now, passwordHash: upgradedHash },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: user.id,
      action: 'auth.signed_in',
      entityType: 'User',
      entityId: user.id,
      ipAddress,
    })
  })
  const next: SessionState = user.totpEnabledAt
    ? secondFactorDone
      ? 'COMPLETE'
      : 'SECOND_FACTOR_DUE'
    : (await twoStepRequiredFor(user.id))
      ? 'ENROLMENT_DUE'
      : 'COMPLETE'
  const session = await createSession(user.id, userAgent, {
    secondFactorDone: !user.totpEnabledAt || secondFactorDone,
  })
  return { ok: true, userId: user.id, setCookie: session, deviceCookie: await trustDevice(normalised), next }
}

/**
 * Saves a new password hash and ends every session of the user but the one to keep: whoever held
 * the old password is signed out. Used by a password change, a reset and an
 * accepted invitation; call it inside the transaction that records the audit event.
 */
export async function storeNewPassword(
  db: Db,
  input: { userId: string; passwordHash: string; keepSessionId?: string; now?: Date },
): Promise<void> {
  await db.user.update({
    where: { id: input.userId },
    data: {
      passwordHash: input.passwordHash,
      passwordChangedAt: input.now ?? new Date(),
    },
    select: { id: true },
  })
  await db.session.deleteMany({
    where: { userId: input.userId, ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}) },
  })
}

export type ChangePasswordResult =
  { ok: true } | { ok: false; field: 'currentPassword' | 'newPassword'; message: string }

/** Changes the password and ends every other session of the user. */
export async function changePassword(input: {
  userId: string
  sessionId: string
  currentPassword: string
  newPassword: string
  ipAddress: string
}): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUnique({
    where: { id: input.userId },
    select: { passwordHash: true, name: true, email: true },
  })
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', message: 'Your current password is not correct' }
  }
  const weakness = passwordWeakness(input.newPassword, [user.name, user.email], 'New password')
  if (weakness) return { ok: false, field: 'newPassword', message: weakness }
  const passwordHash = await hashPassword(input.newPassword)
  await prisma.$transaction(async (tx) => {
    await storeNewPassword(tx, { userId: input.userId, passwordHash, keepSessionId: input.sessionId })
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'auth.password_changed',
      entityType: 'User',
      entityId: input.userId,
      ipAddress: input.ipAddress,
    })
  })
  return { ok: true }
}

export async function recordSignOut(userId: string, ipAddress: string): Promise<void> {
  await recordAudit(prisma, {
    actorId: userId,
    action: 'auth.signed_out',
    entityType: 'User',
    entityId: userId,
    ipAddress,
  })
}

/**
 * Re-authentication before a sensitive action: the password typed again, throttled on the
 * person's own key like sign-in, recorded on the session and in the audit log.
 */
export async function confirmPassword(input: {
  user: SessionUser
  password: string
  ipAddress: string
}): Promise<
  { ok: true } | { ok: false; reason: 'INVALID' } | { ok: false; reason: 'THROTTLED'; retryAfterSeconds: number }
> {
  const key = `reauthenticate:${input.user.id}`
  const wait = await secondsToWait([key])
  if (wait > 0) return { ok: false, reason: 'THROTTLED', retryAfterSeconds: wait }
  const found = await prisma.user.findUnique({ where: { id: input.user.id }, select: { passwordHash: true } })
  if (!found?.passwordHash || !(await verifyPassword(found.passwordHash, input.password))) {
    await recordFailure(key, signInPolicy())
    await recordAudit(prisma, {
      actorId: input.user.id,
      action: 'auth.reauthentication_failed',
      entityType: 'User',
      entityId: input.user.id,
      ipAddress: input.ipAddress,
    })
    return { ok: false, reason: 'INVALID' }
  }
  await clearFailures(key)
  await markReauthenticated(input.user.sessionId)
  await recordAudit(prisma, {
    actorId: input.user.id,
    action: 'auth.reauthenticated',
    entityType: 'User',
    entityId: input.user.id,
    ipAddress: input.ipAddress,
  })
  return { ok: true }
}
