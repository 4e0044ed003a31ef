// Single-use links sent by email: an invitation to set up an account, and a password reset. The
// random token goes in the link only; the database keeps its SHA-256 (like sessions), so a copy of
// the database cannot be used to take over an account. A token is spent by one conditional update
// (`usedAt` still empty), so two submissions of the same link cannot both succeed.
import { randomBytes } from 'node:crypto'
import type { Db } from '~/utils/db.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { hashToken } from './session.server'

export const TOKEN_PURPOSES = ['INVITATION', 'PASSWORD_RESET'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]

/** What a link is worth: usable, too old, or spent (or never issued, or its account is closed). */
export type TokenState =
  { state: 'valid'; userId: string; email: string; name: string } | { state: 'expired' } | { state: 'invalid' }

/** 32 random bytes as base64url: the only shape of token the portal issues. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function tokenLifetimeMs(purpose: TokenPurpose): number {
  const env = getEnv()
  return purpose === 'INVITATION'
    ? env.INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000
    : env.PASSWORD_RESET_TTL_MINUTES * 60 * 1000
}

/**
 * Issues a new token for the user, after withdrawing their earlier unused tokens for the same
 * purpose (so only the newest link works). Returns the token to put in the link.
 */
export async function issueUserToken(
  db: Db,
  input: { userId: string; purpose: TokenPurpose; createdById: string | null; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const now = input.now ?? new Date()
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + tokenLifetimeMs(input.purpose))
  await db.userToken.deleteMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null } })
  await db.userToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      createdById: input.createdById,
      createdAt: now,
      expiresAt,
    },
    select: { id: true },
  })
  return { token, expiresAt }
}

/** Withdraws every unused token of the user (deactivation). */
export async function withdrawUserTokens(db: Db, userId: string): Promise<void> {
  await db.userToken.deleteMany({ where: { userId, usedAt: null } })
}

/** Whether a link can still be used, without using it. */
export async function inspectUserToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<TokenState> {
  if (!TOKEN_PATTERN.test(token)) return { state: 'invalid' }
  const row = await prisma.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, name: true, active: true } },
    },
  })
  if (!row || row.purpose !== purpose || row.usedAt || !row.user.active) return { state: 'invalid' }
  if (row.expiresAt <= now) return { state: 'expired' }
  return { state: 'valid', userId: row.user.id, email: row.user.email, name: row.user.name }
}

/**
 * Spends a token inside the caller's transaction: true for exactly one caller, while the token is
 * unused, unexpired and its account active.
 */
export async function spendUserToken(
  db: Db,
  input: { token: string; purpose: TokenPurpose; userId: string; now: Date },
): Promise<boolean> {
  if (!TOKEN_PATTERN.test(input.token)) return false
  const { count } = await db.userToken.updateMany({
    where: {
      tokenHash: hashToken(input.token),
      purpose: input.purpose,
      userId: input.userId,
      usedAt: null,
      expiresAt: { gt: input.now },
      user: { active: true },
    },
    data: { usedAt: input.now },
  })
  return count === 1
}
