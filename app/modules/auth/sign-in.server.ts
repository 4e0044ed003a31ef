import { prisma, type Db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { hashPassword, passwordNeedsRehash, verifyAgainstDummy, verifyPassword } from './password.server'
import { createSession } from './session.server'

export type SignInResult =
  | { ok: true; userId: string; setCookie: string }
  | { ok: false; reason: 'INVALID' }
  | { ok: false; reason: 'LOCKED'; lockedUntil: Date }

type Attempt = { email: string; password: string; userAgent: string; ipAddress: string; now?: Date }

/**
 * Checks an email and password. A wrong email and a wrong password give the same answer in the
 * same time; after SIGN_IN_MAX_ATTEMPTS failures in a row the account is locked for
 * SIGN_IN_LOCKOUT_MINUTES, during which even the right password is refused.
 */
export async function attemptSignIn({
  email,
  password,
  userAgent,
  ipAddress,
  now = new Date(),
}: Attempt): Promise<SignInResult> {
  const env = getEnv()
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, active: true, passwordHash: true, lockedUntil: true },
  })
  if (!user || !user.active || !user.passwordHash) {
    await verifyAgainstDummy(password)
    return { ok: false, reason: 'INVALID' }
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    return { ok: false, reason: 'LOCKED', lockedUntil: user.lockedUntil }
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    return recordFailure(user.id, env.SIGN_IN_MAX_ATTEMPTS, env.SIGN_IN_LOCKOUT_MINUTES, ipAddress, now)
  }
  // A hash made with older settings is replaced now, while the password is at hand (hashed before
  // the transaction, so the write stays short).
  const upgradedHash = passwordNeedsRehash(user.passwordHash) ? await hashPassword(password) : undefined
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignInCount: 0, lockedUntil: null, lastSignInAt: now, passwordHash: upgradedHash },
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
  return { ok: true, userId: user.id, setCookie: await createSession(user.id, userAgent) }
}

async function recordFailure(
  userId: string,
  maxAttempts: number,
  lockoutMinutes: number,
  ipAddress: string,
  now: Date,
): Promise<SignInResult> {
  return prisma.$transaction(async (tx) => {
    const { failedSignInCount } = await tx.user.update({
      where: { id: userId },
      data: { failedSignInCount: { increment: 1 } },
      select: { failedSignInCount: true },
    })
    if (failedSignInCount < maxAttempts) return { ok: false, reason: 'INVALID' } as const
    const lockedUntil = new Date(now.getTime() + lockoutMinutes * 60 * 1000)
    await tx.user.update({ where: { id: userId }, data: { failedSignInCount: 0, lockedUntil }, select: { id: true } })
    await tx.session.deleteMany({ where: { userId } })
    await recordAudit(tx, {
      actorId: null,
      action: 'auth.account_locked',
      entityType: 'User',
      entityId: userId,
      after: { lockedUntil },
      ipAddress,
    })
    return { ok: false, reason: 'LOCKED', lockedUntil } as const
  })
}

/**
 * Saves a new password hash, clears any lockout and ends every session of the user but the one
 * to keep: whoever held the old password is signed out. Used by a password change, a reset and an
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
      failedSignInCount: 0,
      lockedUntil: null,
    },
    select: { id: true },
  })
  await db.session.deleteMany({
    where: { userId: input.userId, ...(input.keepSessionId ? { id: { not: input.keepSessionId } } : {}) },
  })
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: 'currentPassword'; message: string }

/** Changes the password and ends every other session of the user. */
export async function changePassword(input: {
  userId: string
  sessionId: string
  currentPassword: string
  newPassword: string
  ipAddress: string
}): Promise<ChangePasswordResult> {
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true } })
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', message: 'Your current password is not correct' }
  }
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
