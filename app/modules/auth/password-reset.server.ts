// Password reset by emailed link (issue 7, item 4). Asking for a link gives the same answer, in the
// same time, whether or not the account exists: the route checks only the quotas (keyed by the
// address typed and the IP address, never by whether an account has it) and sends the email after
// responding. Only an active account is sent one. Using the link sets the password, ends every
// session, clears the sign-in throttle on the address and trusts the browser that used it.
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { sendEmailSafely } from '~/modules/notifications/mailer.server'
import { portalOrigin } from '~/modules/notifications/notifications.server'
import { passwordResetMessage } from './account-messages'
import { hashPassword } from './password.server'
import { passwordWeakness } from './password-policy.server'
import { storeNewPassword } from './sign-in.server'
import { inspectUserToken, issueUserToken, spendUserToken } from './user-tokens.server'
import { takeFromQuota } from './throttle.server'
import { accountThrottleKey } from './sign-in.server'
import { clearFailures } from './throttle.server'

const HOUR = 60 * 60

/**
 * Takes one reset request from the IP address's and the typed address's hourly quotas. Returns 0,
 * or the seconds to wait. The answer depends only on the address typed, never on its account.
 */
export async function takeResetQuota(input: { email: string; ipAddress: string }): Promise<number> {
  const env = getEnv()
  const byIp = await takeFromQuota(`reset:ip:${input.ipAddress}`, {
    points: env.RESET_REQUESTS_PER_IP_PER_HOUR,
    durationSeconds: HOUR,
  })
  if (byIp > 0) return byIp
  return takeFromQuota(`account-email:${input.email.trim().toLowerCase()}`, {
    points: env.ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR,
    durationSeconds: HOUR,
  })
}

/** Sends a reset link to an active account with this email; does nothing otherwise, silently. */
export async function requestPasswordReset(input: { email: string; ipAddress: string; now?: Date }): Promise<void> {
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
    origin: portalOrigin(),
    token,
    name: user.name,
    expiresAt,
    minutes: getEnv().PASSWORD_RESET_TTL_MINUTES,
  })
  await sendEmailSafely({ ...message, to: [user.email] })
}

export type ResetPasswordResult =
  | { ok: true; userId: string; email: string }
  | { ok: false; reason: 'expired' | 'invalid' }
  | { ok: false; reason: 'weak'; message: string }

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
  const weakness = passwordWeakness(input.password, [found.name, found.email])
  if (weakness) return { ok: false, reason: 'weak', message: weakness }
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
  const { email } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } })
  await clearFailures(accountThrottleKey(email))
  return { ok: true, userId, email }
}
