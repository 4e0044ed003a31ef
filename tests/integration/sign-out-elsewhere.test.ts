// Signing out everywhere else (issue 12): from Your account, a person ends every other session of
// theirs (a lost laptop, a shared computer left signed in) and keeps this one; audited.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession, getSessionUser } from '~/modules/auth/session.server'
import { action as accountAction, loader as accountLoader } from '~/routes/account._index'
import { createUser, requestWithCookie } from '../factories'

const context = { clientAddress: '203.0.113.40', cspNonce: 'test', requestId: 'test' }
type RouteFn = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

function post(cookie: string, fields: Record<string, string>): Request {
  return new Request('http://localhost/account', {
    method: 'POST',
    headers: { Cookie: cookie.split(';')[0]! },
    body: new URLSearchParams(fields),
  })
}

describe('signing out everywhere else', () => {
  it('ends every other session of the person, keeps this one and theirs alone, audited', async () => {
    const person = await createUser()
    const stranger = await createUser()
    const here = await createSession(person.id, 'this browser')
    const laptop = await createSession(person.id, 'a lost laptop')
    const shared = await createSession(person.id, 'a shared computer')
    const strangers = await createSession(stranger.id, 'someone else')

    const page = (await (accountLoader as RouteFn)({
      request: requestWithCookie(here, '/account'),
      params: {},
      context,
    })) as {
      otherSessions: number
    }
    expect(page.otherSessions).toBe(2)

    const answer = (await (accountAction as RouteFn)({
      request: post(here, { intent: 'sign-out-elsewhere' }),
      params: {},
      context,
    })) as Response
    expect(answer.status).toBe(302)
    expect(answer.headers.get('Location')).toBe('/account')

    expect(await getSessionUser(requestWithCookie(here))).toMatchObject({ id: person.id })
    expect(await getSessionUser(requestWithCookie(laptop))).toBeNull()
    expect(await getSessionUser(requestWithCookie(shared))).toBeNull()
    expect(await getSessionUser(requestWithCookie(strangers))).toMatchObject({ id: stranger.id })
    const events = await prisma.auditEvent.findMany({
      where: { entityId: person.id, action: 'auth.signed_out_elsewhere' },
      select: { actorId: true, after: true, ipAddress: true },
    })
    expect(events).toEqual([
      { actorId: person.id, after: JSON.stringify({ sessionsEnded: 2 }), ipAddress: '203.0.113.40' },
    ])
  })

  it('changes nothing for a post without the action', async () => {
    const person = await createUser()
    const here = await createSession(person.id, 'this browser')
    const other = await createSession(person.id, 'another browser')
    const refused = await (accountAction as RouteFn)({ request: post(here, {}), params: {}, context }).catch(
      (thrown: unknown) => thrown as Response,
    )
    expect((refused as Response).status).toBe(400)
    expect(await getSessionUser(requestWithCookie(other))).toMatchObject({ id: person.id })
  })
})
