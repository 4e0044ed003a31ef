// Server-side sessions: the cookie holds a random token, signed; the database keeps only the
// token's SHA-256, so a copy of the database cannot be replayed as a session. Sessions expire
// after SESSION_TTL_HOURS without use, are renewed on use, and can be revoked by deleting rows.
import { createHash, randomBytes } from 'node:crypto'
import { createCookie, redirect } from '@remix-run/node'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { safeRedirect } from '~/utils/http.server'
import { noteSignedInUser } from '~/utils/request-context.server'
import { isRole, type RoleGrant } from './roles'
import type { Actor } from './permissions'

const RENEW_AFTER_MS = 5 * 60 * 1000

export type SessionUser = Actor & {
  email: string
  name: string
  jobTitle: string
  sessionId: string
}

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

/** Starts a session and returns the Set-Cookie header value. */
export async function createSession(userId: string, userAgent: string): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const now = new Date()
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + ttlMs()),
      userAgent: userAgent.slice(0, 300),
    },
    select: { id: true },
  })
  return getSessionCookie().serialize(token)
}

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await getSessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

/** The signed-in user, or null. Renews the session when it is used. */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request)
  if (!token) return null
  const id = hashToken(token)
  const now = new Date()
  const session = await prisma.session.findUnique({
    where: { id },
    select: {
      id: true,
      expiresAt: true,
      lastUsedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          jobTitle: true,
          active: true,
          roles: { select: { role: true, libraryServiceId: true, organisationId: true, regionId: true } },
        },
      },
    },
  })
  if (!session || session.expiresAt <= now || !session.user.active) {
    if (session) await prisma.session.deleteMany({ where: { id } })
    return null
  }
  if (now.getTime() - session.lastUsedAt.getTime() > RENEW_AFTER_MS) {
    await prisma.session.updateMany({
      where: { id },
      data: { lastUsedAt: now, expiresAt: new Date(now.getTime() + ttlMs()) },
    })
  }
  noteSignedInUser(session.user.id)
  const grants: RoleGrant[] = session.user.roles.flatMap((r) =>
    isRole(r.role)
      ? [{ role: r.role, libraryServiceId: r.libraryServiceId, organisationId: r.organisationId, regionId: r.regionId }]
      : [],
  )
  return {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    jobTitle: session.user.jobTitle,
    grants,
    sessionId: session.id,
  }
}

/** The signed-in user, or a redirect to the sign-in page that brings them back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request)
  if (user) return user
  const url = new URL(request.url)
  const back = safeRedirect(url.pathname + url.search, '/')
  const query = back === '/' ? '' : `?${new URLSearchParams({ redirectTo: back })}`
  throw redirect(`/sign-in${query}`)
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
