// A form posted after its session ended (issue 14, item 1, without JavaScript): requireUser keeps
// the fields under a single-use key tied to the person and sends them to sign in with the reason;
// only that person, once, gets the fields back on the same page.
import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession, requireUser } from '~/modules/auth/session.server'
import { takeStashedForm } from '~/modules/auth/form-stash.server'
import { trustDevice } from '~/modules/auth/device.server'
import { createUser } from '../factories'

const PAGE = '/submissions/abc/pen-portrait'

function cookiesOf(...setCookies: string[]): string {
  return setCookies.map((c) => c.split(';')[0]).join('; ')
}

async function postAfterExpiry(fields: Record<string, string>) {
  const user = await createUser()
  const session = await createSession(user.id, 'test')
  await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
  const request = new Request(`http://localhost${PAGE}`, {
    method: 'POST',
    headers: { Cookie: cookiesOf(session), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })
  const thrown = await requireUser(request).then(
    () => null,
    (error: unknown) => error,
  )
  if (!(thrown instanceof Response)) throw new Error('requireUser let an expired session through')
  return { user, response: thrown }
}

function getRequest(stashCookie: string): Request {
  return new Request(`http://localhost${PAGE}`, { headers: { Cookie: cookiesOf(stashCookie) } })
}

describe('a form posted after the session ended', () => {
  it('is kept, and the sign-in page is told why and that it was kept', async () => {
    const { response } = await postAfterExpiry({ contextNotes: 'Typed late.', version: '3' })
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('Location') ?? '', 'http://localhost')
    expect(location.pathname).toBe('/sign-in')
    expect(location.searchParams.get('redirectTo')).toBe(PAGE)
    expect(location.searchParams.get('reason')).toBe('idle')
    expect(location.searchParams.get('kept')).toBe('1')
    expect(response.headers.get('Set-Cookie')).toMatch(/^lks_form_stash=/)
  })

  it('comes back once, to its owner only, without anything secret', async () => {
    const { user, response } = await postAfterExpiry({ contextNotes: 'Only mine.', password: 'not kept' })
    const stash = response.headers.get('Set-Cookie') ?? ''
    const stranger = await createUser()
    expect(await takeStashedForm(getRequest(stash), stranger)).toBeNull()
    const fields = await takeStashedForm(getRequest(stash), user)
    expect(fields?.get('contextNotes')).toBe('Only mine.')
    expect(fields?.has('password')).toBe(false)
    expect(await takeStashedForm(getRequest(stash), user)).toBeNull()
  })

  it('is tied through the device cookie when the session itself is gone', async () => {
    const user = await createUser()
    const session = await createSession(user.id, 'test')
    const device = await trustDevice(user.email)
    await prisma.session.deleteMany({ where: { userId: user.id } })
    const request = new Request(`http://localhost${PAGE}`, {
      method: 'POST',
      headers: { Cookie: cookiesOf(session, device), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ contextNotes: 'After a password change elsewhere.' }),
    })
    const response = (await requireUser(request).catch((error: unknown) => error)) as Response
    expect(new URL(response.headers.get('Location') ?? '', 'http://localhost').searchParams.get('reason')).toBe('ended')
    const fields = await takeStashedForm(getRequest(response.headers.get('Set-Cookie') ?? ''), user)
    expect(fields?.get('contextNotes')).toBe('After a password change elsewhere.')
  })
})
