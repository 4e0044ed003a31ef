// Accepting an invitation (issue 7, item 4): the invited person sets their password with the
// single-use link, and is signed in. Sending invitations is administration (admin/users.server.ts).
import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { hashPassword } from './password.server'
import { passwordWeakness } from './password-policy.server'
import { createSession } from './session.server'
import { storeNewPassword } from './sign-in.server'
import { inspectUserToken, spendUserToken } from './user-tokens.server'

export type AcceptInvitationResult =
  | { ok: true; userId: string; setCookie: string }
  | { ok: false; reason: 'expired' | 'invalid' }
  | { ok: false; reason: 'weak'; message: string }

/**
 * Sets the password, spends the link and starts a session. Two submissions of the same link: one
 * wins, the other is told the link has been used.
 */
export async function acceptInvitation(input: {
  token: string
  password: string
  userAgent: string
  ipAddress: string
  now?: Date
}): Promise<AcceptInvitationResult> {
  const now = input.now ?? new Date()
  const found = await inspectUserToken(input.token, 'INVITATION', now)
  if (found.state !== 'valid') return { ok: false, reason: found.state }
  const weakness = passwordWeakness(input.password, [found.name, found.email])
  if (weakness) return { ok: false, reason: 'weak', message: weakness }
  const userId = found.userId
  const passwordHash = await hashPassword(input.password)
  const accepted = await prisma.$transaction(async (tx) => {
    if (!(await spendUserToken(tx, { token: input.token, purpose: 'INVITATION', userId, now }))) return false
    await storeNewPassword(tx, { userId, passwordHash, now })
    await tx.user.update({ where: { id: userId }, data: { lastSignInAt: now }, select: { id: true } })
    await tx.userToken.deleteMany({ where: { userId, purpose: 'INVITATION', usedAt: null } })
    await recordAudit(tx, {
      actorId: userId,
      action: 'auth.invitation_accepted',
      entityType: 'User',
      entityId: userId,
      ipAddress: input.ipAddress,
    })
    return true
  })
  if (!accepted) {
    const again = await inspectUserToken(input.token, 'INVITATION', now)
    return { ok: false, reason: again.state === 'expired' ? 'expired' : 'invalid' }
  }
  return { ok: true, userId, setCookie: await createSession(userId, input.userAgent) }
}
