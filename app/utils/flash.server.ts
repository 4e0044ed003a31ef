import { createCookieSessionStorage, redirect } from '@remix-run/node'
import { z } from 'zod'
import { getEnv } from './env.server'

// One-time notification banners after a POST-redirect-GET, carried in a signed cookie.
export const FlashSchema = z.object({
  type: z.enum(['success', 'important']),
  title: z.string(),
  description: z.string().optional(),
  /** A short list under the description (for example, the files an upload left out and why). */
  items: z.array(z.string()).max(20).optional(),
})
export type Flash = z.infer<typeof FlashSchema>

type FlashStorage = ReturnType<typeof createCookieSessionStorage<Record<string, never>, { flash: Flash }>>
let storage: FlashStorage | undefined
function getStorage() {
  const env = getEnv()
  storage ??= createCookieSessionStorage<Record<string, never>, { flash: Flash }>({
    cookie: {
      name: 'lks_flash',
      httpOnly: true,
      sameSite: 'lax',
      secure: env.COOKIE_SECURE,
      path: '/',
      secrets: [env.SESSION_SECRET],
    },
  })
  return storage
}

export async function redirectWithFlash(
  request: Request,
  to: string,
  flash: Flash,
  init: { headers?: HeadersInit } = {},
) {
  const session = await getStorage().getSession(request.headers.get('Cookie'))
  session.flash('flash', flash)
  const headers = new Headers(init.headers)
  headers.append('Set-Cookie', await getStorage().commitSession(session))
  return redirect(to, { headers })
}

/** The pending message, if any, and the header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const session = await getStorage().getSession(request.headers.get('Cookie'))
  if (!session.has('flash')) return { flash: null, setCookie: null }
  const parsed = FlashSchema.safeParse(session.get('flash'))
  return { flash: parsed.success ? parsed.data : null, setCookie: await getStorage().commitSession(session) }
}
