// Nothing typed is lost when a session ends (issue 14): a form posted after the session ended is
// kept here for STASH_MINUTES under a single-use key the browser holds in a cookie, tied to the
// person whose session it was (their user id when the ended session was still on record, else the
// account the browser's device cookie names). Once they sign in again and land back on the form,
// its loader takes the fields (once) and the page shows them with a message to check and save.
import { createHash, randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { parseWithZod } from '@conform-to/zod/v4'
import type { SubmissionResult } from '@conform-to/react'
import type { z } from 'zod'
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { accountHash, deviceAccountOf } from './device.server'

export const STASH_MINUTES = 30
const MAX_BODY_BYTES = 512 * 1024
// Never kept: anything secret a form might carry.
const SECRET_FIELD = /password|token|code|secret/i

let stashCookie: ReturnType<typeof createCookie> | undefined
function getStashCookie() {
  const env = getEnv()
  stashCookie ??= createCookie('lks_form_stash', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE,
    path: '/',
    maxAge: STASH_MINUTES * 60,
    secrets: [env.SESSION_SECRET],
  })
  return stashCookie
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex')

/** The page a form was posted from, as a person would open it (without Remix's `index` marker). */
function pagePath(path: string): string {
  const url = new URL(path, 'http://portal.invalid')
  url.searchParams.delete('index')
  url.searchParams.delete('_data')
  return url.pathname + (url.searchParams.size ? `?${url.searchParams}` : '')
}

/**
 * Keeps what a form posted after its session ended, and returns the Set-Cookie header carrying
 * the key; null when there is nothing to keep (no text, an upload, or no way to tell whose it is).
 */
export async function stashPostedForm(
  request: Request,
  path: string,
  ended: { userId: string | null } | null,
  now = new Date(),
): Promise<string | null> {
  const type = request.headers.get('Content-Type') ?? ''
  if (!type.startsWith('application/x-www-form-urlencoded') || request.bodyUsed) return null
  const length = Number(request.headers.get('Content-Length') ?? 0)
  if (length > MAX_BODY_BYTES) return null
  const cookieHeader = request.headers.get('Cookie')
  const userId = ended?.userId ?? null
  const account = userId ? null : await deviceAccountOf(cookieHeader)
  if (!userId && !account) return null
  let body: string
  try {
    body = await request.text()
  } catch {
    return null
  }
  if (body.length > MAX_BODY_BYTES) return null
  const fields = [...new URLSearchParams(body)].filter(([name]) => !SECRET_FIELD.test(name))
  if (!fields.some(([name, value]) => name !== 'intent' && value.trim())) return null
  const key = randomBytes(24).toString('base64url')
  await prisma.$transaction([
    prisma.formStash.deleteMany({ where: { expiresAt: { lte: now } } }),
    prisma.formStash.create({
      data: {
        id: hash(key),
        userId,
        accountHash: account,
        path: pagePath(path),
        fields: JSON.stringify(fields),
        createdAt: now,
        expiresAt: new Date(now.getTime() + STASH_MINUTES * 60 * 1000),
      },
      select: { id: true },
    }),
  ])
  return getStashCookie().serialize(key)
}

/**
 * The fields kept for this page and this person, taken once (the row is deleted as it is read),
 * or null. Another person signing in on the same browser never sees them.
 */
export async function takeStashedForm(
  request: Request,
  user: { id: string; email: string },
  now = new Date(),
): Promise<FormData | null> {
  const key: unknown = await getStashCookie().parse(request.headers.get('Cookie'))
  if (typeof key !== 'string' || !key) return null
  const url = new URL(request.url)
  const stash = await prisma.formStash.findUnique({ where: { id: hash(key) } })
  if (!stash || stash.expiresAt <= now || stash.path !== pagePath(url.pathname + url.search)) return null
  const owner = stash.userId ? stash.userId === user.id : stash.accountHash === accountHash(user.email)
  if (!owner) return null
  const { count } = await prisma.formStash.deleteMany({ where: { id: stash.id } })
  if (count !== 1) return null
  const formData = new FormData()
  for (const [name, value] of JSON.parse(stash.fields) as Array<[string, string]>) formData.append(name, value)
  return formData
}

/**
 * For a form's loader: what the person typed before their session ended, as the form's last
 * result (Conform shows it as the fields' values, with any problems the schema finds), or null.
 */
export async function restoredForm<Schema extends z.ZodType>(
  request: Request,
  user: { id: string; email: string },
  schema: Schema,
): Promise<SubmissionResult<string[]> | null> {
  const formData = await takeStashedForm(request, user)
  if (!formData) return null
  return parseWithZod(formData, { schema }).reply()
}
