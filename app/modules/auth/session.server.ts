// Server-side sessions: the cookie holds a random token, signed; the database keeps only the
// token's SHA-256, so a copy of the database cannot be replayed as a session. Sessions expire
// after SESSION_TTL_HOURS without use, are renewed on use, end SESSION_ABSOLUTE_HOURS after sign-in
// however much they are used, and can be revoked by deleting rows. A session whose owner uses
// two-step verification (or must) lets them reach nothing until the second factor is given.
import { createHash, randomBytes } from 'node:crypto'
import { createCookie, redirect } from '@remix-run/node'
import { recordAudit } from '~/modules/audit/audit.server'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { safeRedirect } from '~/utils/http.server'
import { noteSignedInUser } from '~/utils/request-context.server'
import { isRole, type RoleGrant } from './roles'
import type { Actor } from './permissions'
import { secondFactorRequired } from './two-step'
import { stashPostedForm } from './form-stash.server'

const RENEW_AFTER_MS = 5 * 60 * 1000

export type SessionUser = Actor & {
  email: string
  name: string
  jobTitle: string
  sessionId: string
  /** When the password was last typed in this session. */
  authenticatedAt: Date
  twoStepEnabled: boolean
  /** When the session ends if it is not used again. */
  expiresAt: Date
}

/** Why a request's session cookie no longer signs anyone in. */
export type EndedReason = 'IDLE' | 'ABSOLUTE' | 'ENDED'
export type EndedSession = { reason: EndedReason; userId: string | null }
const endedSessions = new WeakMap<Request, EndedSession>()

/** What a session still owes before it reaches the portal: nothing, a code, or enrolment. */
export type SessionState = 'COMPLETE' | 'SECOND_FACTOR_DUE' | 'ENROLMENT_DUE'

let sessionCookie: ReturnType<typeof createCookie> | undefined
function getSessionCookie() {
  const env = getEnv()
  // No Max-Age: the cookie ends with the browser session; the server decides expiry.
  sessionCookie ??= createCookie('lks_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE,
    path: '/',
    secrets: [env.SESSION_SECRET],
  })
  return sessionCookie
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function ttlMs() {
  return getEnv().SESSION_TTL_HOURS * 60 * 60 * 1000
}

function absoluteEnd(createdAt: Date): number {
  return createdAt.getTime() + getEnv().SESSION_ABSOLUTE_HOURS * 60 * 60 * 1000
}

/**
 * Starts a session and returns the Set-Cookie header value. `secondFactorDone: false` starts it
 * owing the second factor (the user has two-step verification turned on).
 */
export async function createSession(
  userId: string,
  userAgent: string,
  options: { secondFactorDone: boolean; now?: Date } = { secondFactorDone: true },
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const now = options.now ?? new Date()
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(Math.min(now.getTime() + ttlMs(), absoluteEnd(now))),
      userAgent: userAgent.slice(0, 300),
      authenticatedAt: now,
      secondFactorAt: options.secondFactorDone ? now : null,
    },
    select: { id: true },
  })
  return getSessionCookie().serialize(token)
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await getSessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

type SessionRow = {
  id: string
  createdAt: Date
  expiresAt: Date
  lastUsedAt: Date
  authenticatedAt: Date | null
  secondFactorAt: Date | null
  userId: string
  email: string
  name: string
  jobTitle: string
  active: boolean
  totpEnabledAt: Date | null
  /** JSON: the user's role assignments. */
  roles: string
}
type RoleRow = { role: string; libraryServiceId: string | null; organisationId: string | null; regionId: string | null }

/**
 * The session, its user and the user's roles in one statement. Every signed-in request reads this,
 * and each Prisma query costs its own compilation (about a millisecond of the event loop in Prisma
 * 6's JavaScript engine): as `findUnique` with its relations this was three queries (ADR 017).
 */
async function findSession(id: string) {
  const [row] = await prisma.$queryRaw<SessionRow[]>`
    SELECT s.id, s.createdAt, s.expiresAt, s.lastUsedAt, s.authenticatedAt, s.secondFactorAt,
      u.id AS userId, u.email, u.name, u.jobTitle, u.active, u.totpEnabledAt,
      (SELECT json_group_array(json_object('role', r.role, 'libraryServiceId', r.libraryServiceId,
          'organisationId', r.organisationId, 'regionId', r.regionId))
        FROM RoleAssignment r WHERE r.userId = u.id) AS roles
    FROM Session s JOIN User u ON u.id = s.userId
    WHERE s.id = ${id}`
  if (!row) return null
  return {
    id: row.id,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    authenticatedAt: row.authenticatedAt,
    secondFactorAt: row.secondFactorAt,
    user: {
      id: row.userId,
      email: row.email,
      name: row.name,
      jobTitle: row.jobTitle,
      active: Boolean(row.active),
      totpEnabledAt: row.totpEnabledAt,
      roles: JSON.parse(row.roles) as RoleRow[],
    },
  }
}

/** The session's user and what the session still owes, or null. Renews the session when it is used. */
export async function readSession(request: Request): Promise<{ user: SessionUser; state: SessionState } | null> {
  const token = await readToken(request)
  if (!token) return null
  const id = hashToken(token)
  const now = new Date()
  const session = await findSession(id)
  if (!session || session.expiresAt <= now || absoluteEnd(session.createdAt) <= now.getTime() || !session.user.active) {
    endedSessions.set(request, {
      reason: !session || !session.user.active ? 'ENDED' : session.expiresAt <= now ? 'IDLE' : 'ABSOLUTE',
      userId: session?.user.id ?? null,
    })
    if (session) await prisma.session.deleteMany({ where: { id } })
    return null
  }
  let expiresAt = session.expiresAt
  if (now.getTime() - session.lastUsedAt.getTime() > RENEW_AFTER_MS) {
    expiresAt = new Date(Math.min(now.getTime() + ttlMs(), absoluteEnd(session.createdAt)))
    await prisma.session.updateMany({ where: { id }, data: { lastUsedAt: now, expiresAt } })
  }
  noteSignedInUser(session.user.id)
  const grants: RoleGrant[] = session.user.roles.flatMap((r) =>
    isRole(r.role)
      ? [{ role: r.role, libraryServiceId: r.libraryServiceId, organisationId: r.organisationId, regionId: r.regionId }]
      : [],
  )
  const twoStepEnabled = session.user.totpEnabledAt !== null
  const state: SessionState = twoStepEnabled
    ? session.secondFactorAt
      ? 'COMPLETE'
      : 'SECOND_FACTOR_DUE'
    : secondFactorRequired(grants, getEnv().TWO_STEP_REQUIRED_ROLES)
      ? 'ENROLMENT_DUE'
      : 'COMPLETE'
  return {
    state,
    user: {
      id: session.user.id,
      email: session.user.email,
      name: session.user.name,
      jobTitle: session.user.jobTitle,
      grants,
      sessionId: session.id,
      authenticatedAt: session.authenticatedAt ?? session.createdAt,
      twoStepEnabled,
      expiresAt,
    },
  }
}

/**
 * Why this request's session cookie signed no one in, once readSession has found it: it lapsed
 * unused, reached its absolute end, or was ended (signed out elsewhere, a password change,
 * deactivation). Null when the request carried no session cookie at all.
 */
export function endedSessionOf(request: Request): EndedSession | null {
  return endedSessions.get(request) ?? null
}

/** "Stay signed in": the session runs for another SESSION_TTL_HOURS (never past its absolute end). */
export async function renewSession(user: SessionUser, now = new Date()): Promise<Date> {
  const session = await prisma.session.findUnique({ where: { id: user.sessionId }, select: { createdAt: true } })
  if (!session) return now
  const expiresAt = new Date(Math.min(now.getTime() + ttlMs(), absoluteEnd(session.createdAt)))
  await prisma.session.updateMany({ where: { id: user.sessionId }, data: { lastUsedAt: now, expiresAt } })
  return expiresAt
}

/** The signed-in user, or null (also while the session still owes its second factor). */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const found = await readSession(request)
  return found?.state === 'COMPLETE' ? found.user : null
}

/** Where a session that owes something goes next, keeping the page asked for. */
export function pendingStepPath(state: Exclude<SessionState, 'COMPLETE'>, back: string): string {
  const path = state === 'SECOND_FACTOR_DUE' ? '/sign-in/two-step' : '/account/two-step/set-up'
  return back === '/' ? path : `${path}?${new URLSearchParams({ redirectTo: back })}`
}

/** The signed-in user, or a redirect to the sign-in page (or the step still owed) that brings them back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const found = await readSession(request)
  if (found?.state === 'COMPLETE') return found.user
  const url = new URL(request.url)
  const back = safeRedirect(url.pathname + url.search, '/')
  if (found) throw redirect(pendingStepPath(found.state, back))
  const ended = endedSessionOf(request)
  // A form posted after the session ended: what it carried waits for the person to sign in again.
  const stash = request.method === 'POST' ? await stashPostedForm(request, back, ended) : null
  const query = new URLSearchParams()
  if (back !== '/') query.set('redirectTo', back)
  if (ended) query.set('reason', ended.reason.toLowerCase())
  if (stash) query.set('kept', '1')
  throw redirect(query.size ? `/sign-in?${query}` : '/sign-in', {
    headers: stash ? { 'Set-Cookie': stash } : undefined,
  })
}

/**
 * For a sensitive action (changing a password, adding a role, publishing): the user must have
 * typed their password within REAUTHENTICATE_AFTER_MINUTES, or confirm it first and come back.
 */
export function requireRecentAuthentication(user: SessionUser, request: Request, now = new Date()): void {
  const limitMs = getEnv().REAUTHENTICATE_AFTER_MINUTES * 60 * 1000
  if (now.getTime() - user.authenticatedAt.getTime() <= limitMs) return
  const url = new URL(request.url)
  const back = safeRedirect(url.pathname + url.search, '/')
  throw redirect(`/account/confirm-password?${new URLSearchParams({ redirectTo: back })}`)
}

/** Records that the password was typed again in this session. */
export async function markReauthenticated(sessionId: string, now = new Date()): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId }, data: { authenticatedAt: now } })
}

/** Records that this session's second factor has been given. */
export async function markSecondFactorDone(sessionId: string, now = new Date()): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId }, data: { secondFactorAt: now } })
}

/** Ends the current session and returns the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const token = await readToken(request)
  if (token) await prisma.session.deleteMany({ where: { id: hashToken(token) } })
  return getSessionCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } })
  return count
}

/** How many other sessions the person has open (other browsers or devices). */
export function otherSessionCount(user: { id: string; sessionId: string }, now = new Date()): Promise<number> {
  return prisma.session.count({ where: { userId: user.id, id: { not: user.sessionId }, expiresAt: { gt: now } } })
}

/**
 * Signs the person out of every other browser and device, keeping this session: for a lost laptop
 * or a shared computer left signed in. Audited with how many sessions ended.
 */
export async function signOutOtherSessions(input: {
  user: { id: string; sessionId: string }
  ipAddress: string
}): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({
      where: { userId: input.user.id, id: { not: input.user.sessionId } },
    })
    await recordAudit(tx, {
      actorId: input.user.id,
      action: 'auth.signed_out_elsewhere',
      entityType: 'User',
      entityId: input.user.id,
      after: { sessionsEnded: count },
      ipAddress: input.ipAddress,
    })
    return count
  })
}
