// Password reset by emailed link (issue 7, item 4). Asking for a link gives the same answer whether
// or not the account exists; only an active account is sent one. Using the link sets the password,
// clears any lockout and ends every session.
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { sendEmailSafely } from '~/modules/notifications/mailer.server'
import { passwordResetMessage } from './account-messages'
import { hashPassword } from './password.server'
import { storeNewPassword } from './sign-in.server'
import { inspectUserToken, issueUserToken, spendUserToken } from './user-tokens.server'

/** Sends a reset link to an active account with this email; does nothing otherwise, silently. */
export async function requestPasswordReset(input: {
  email: string
  origin: string
  ipAddress: string
  now?: Date
}): Promise<void> {
  const now = input.now ?? new Date()
  const user = await prisma.user.findUnique({
    where: { email: input.email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, active: true },
  })
  if (!user?.active) return
  const { token, expiresAt } = await prisma.$transaction(async (tx) => {
    const issued = await issueUserToken(tx, { userId: user.id, purpose: 'PASSWORD_RESET', createdById: null, now })
    await recordAudit(tx, {
      actorId: null,
      action: 'auth.password_reset_requested',
      entityType: 'User',
      entityId: user.id,
      ipAddress: input.ipAddress,
    })
    return issued
  })
  const message = passwordResetMessage({
    origin: input.origin,
    token,
    name: user.name,
    expiresAt,
    minutes: getEnv().PASSWORD_RESET_TTL_MINUTES,
  })
  await sendEmailSafely({ ...message, to: [user.email] })
}

export type ResetPasswordResult = { ok: true; userId: string } | { ok: false; reason: 'expired' | 'invalid' }

/** Sets the new password with a reset link, once. */
export async function resetPassword(input: {
  token: string
  password: string
  ipAddress: string
  now?: Date
}): Promise<ResetPasswordResult> {
  const now = input.now ?? new Date()
  const found = await inspectUserToken(input.token, 'PASSWORD_RESET', now)
  if (found.state !== 'valid') return { ok: false, reason: found.state }
  const userId = found.userId
  const passwordHash = await hashPassword(input.password)
  const reset = await prisma.$transaction(async (tx) => {
    if (!(await spendUserToken(tx, { token: input.token, purpose: 'PASSWORD_RESET', userId, now }))) return false
    await storeNewPassword(tx, { userId, passwordHash, now })
    await tx.userToken.deleteMany({ where: { userId, purpose: 'PASSWORD_RESET', usedAt: null } })
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.password_reset',
      entityType: 'User',
      entityId: userId,
      ipAddress: input.ipAddress,
    })
    return true
  })
  if (!reset) {
    const again = await inspectUserToken(input.token, 'PASSWORD_RESET', now)
    return { ok: false, reason: again.state === 'expired' ? 'expired' : 'invalid' }
  }
  return { ok: true, userId }
}
