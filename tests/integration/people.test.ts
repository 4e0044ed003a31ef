// People (issue 7, item 4) as the national team and the invited person meet it: the route loaders
// and actions called with signed-in requests against a database seeded like `npm start`, and the
// emails read back from MAIL_DIR. Invitation and reset links are single-use and expire; a
// deactivated person's open session stops working at once.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { readFlash } from '~/utils/flash.server'
import {
  listUsers,
  addRoleAssignment,
  removeRoleAssignment,
  STALE_MESSAGE,
  getUserForAdmin,
} from '~/modules/admin/users.server'
import { InviteSchema, placeValue, type UserFilters } from '~/modules/admin/users-schema'
import { acceptInvitation } from '~/modules/auth/invitations.server'
import { requestPasswordReset, resetPassword } from '~/modules/auth/password-reset.server'
import { createSession, getSessionUser, requireUser } from '~/modules/auth/session.server'
import { attemptSignIn } from '~/modules/auth/sign-in.server'
import { mailDirectory } from '~/modules/notifications/mailer.server'
import { portalOrigin } from '~/modules/notifications/notifications.server'
import { backgroundJobsSettled } from '~/utils/background.server'
import { action as inviteAction, loader as inviteLoader } from '~/routes/admin.users.invite'
import { action as personAction, loader as personLoader } from '~/routes/admin.users.$userId'
import { loader as peopleLoader } from '~/routes/admin.users._index'
import { action as acceptAction, loader as acceptLoader } from '~/routes/invitations.$token'
import { action as requestResetAction } from '~/routes/password-reset._index'
import { action as resetAction, loader as resetLoader } from '~/routes/password-reset.$token'
import { useDemoData } from '../setup/demo-data'
import { actorFor, createUser, requestWithCookie, TEST_PASSWORD } from '../factories'

const context = { clientAddress: '127.0.0.1', cspNonce: 'test', requestId: 'test' }
const ADMIN = 'admin@demo.nhs.uk'
const NEW_PASSWORD = 'a-brand-new-password-2026'
const cookies = new Map<string, string>()

async function signedIn(email: string, pathname: string, init: RequestInit = {}): Promise<Request> {
  if (!cookies.has(email)) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    cookies.set(email, await createSession(user.id, 'vitest'))
  }
  const base = requestWithCookie(cookies.get(email)!, pathname)
  return new Request(base, init)
}

function post(request: Request | string, fields: Record<string, string>): Request {
  const base = typeof request === 'string' ? new Request(`http://localhost${request}`) : request
  return new Request(base, { method: 'POST', body: new URLSearchParams(fields) })
}

/** The loader's or action's answer, returned or thrown, as a Response. */
async function run(
  fn: (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  try {
    const result = await fn({ request, params, context })
    if (result instanceof Response) return result
    // `data()` results carry their init; plain objects are a 200.
    if (
      result &&
      typeof result === 'object' &&
      'type' in result &&
      (result as { type: string }).type === 'DataWithResponseInit'
    ) {
      const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null }
      return new Response(JSON.stringify(data), { status: init?.status ?? 200, headers: init?.headers })
    }
    return new Response(JSON.stringify(result), { status: 200 })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

async function emlFiles(): Promise<string[]> {
  return (await readdir(mailDirectory()).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort()
}

/** The text of the one message written since `before`, with quoted-printable soft breaks undone. */
async function newEmail(before: string[]): Promise<string> {
  const added = (await emlFiles()).filter((f) => !before.includes(f))
  expect(added).toHaveLength(1)
  const raw = await readFile(path.join(mailDirectory(), added[0]!), 'utf8')
  return raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')
}

function linkIn(eml: string, prefix: string): string {
  const match = new RegExp(`(${portalOrigin()}/${prefix}/[A-Za-z0-9_-]+)`).exec(eml)
  expect(match).not.toBeNull()
  return match![1]!
}

const tokenOf = (link: string) => link.split('/').pop()!

async function flashOf(response: Response) {
  const cookie = response.headers.get('Set-Cookie') ?? ''
  const flashCookie = cookie.split(/,(?=\s*lks_)/).find((c) => c.trim().startsWith('lks_flash='))
  if (!flashCookie) return null
  return (await readFlash(new Request('http://localhost/', { headers: { Cookie: flashCookie.split(';')[0]!.trim() } })))
    .flash
}

let ids: { ribbleValley: string; thameside: string; northWest: string; london: string; rxv: string }

async function invite(fields: Record<string, string>): Promise<Response> {
  return run(inviteAction, post(await signedIn(ADMIN, '/admin/users/invite'), fields))
}

async function versionOf(userId: string): Promise<string> {
  return (
    await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { updatedAt: true } })
  ).updatedAt.toISOString()
}

beforeAll(async () => {
  await useDemoData()
  const service = async (name: string) =>
    (await prisma.libraryService.findUniqueOrThrow({ where: { name }, select: { id: true } })).id
  const region = async (name: string) =>
    (await prisma.region.findUniqueOrThrow({ where: { name }, select: { id: true } })).id
  ids = {
    ribbleValley: await service('Ribble Valley Library and Knowledge Service'),
    thameside: await service('Thameside Healthcare Library'),
    northWest: await region('North West'),
    london: await region('London'),
    rxv: (await prisma.organisation.findUniqueOrThrow({ where: { odsCode: 'RXV' }, select: { id: true } })).id,
  }
})

describe('inviting someone', () => {
  it('creates the account with its roles, emails a single-use link, and the link sets the password and signs them in', async () => {
    const before = await emlFiles()
    const response = await invite({
      email: ' New.Lead@Example.NHS.uk ',
      name: 'Nia Roberts',
      jobTitle: 'Library Services Manager',
      role1: 'SERVICE_LEAD',
      place1: placeValue('SERVICE', ids.ribbleValley),
      role2: 'VALIDATOR',
      place2: placeValue('REGION', ids.london),
      role3: '',
      place3: '',
    })
    expect(response.status).toBe(302)
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'new.lead@example.nhs.uk' },
      select: {
        id: true,
        name: true,
        jobTitle: true,
        passwordHash: true,
        active: true,
        roles: { select: { role: true, libraryServiceId: true, regionId: true, organisationId: true } },
      },
    })
    expect(response.headers.get('Location')).toBe(`/admin/users/${user.id}`)
    expect(await flashOf(response)).toMatchObject({
      type: 'success',
      title: 'Invitation sent to new.lead@example.nhs.uk',
    })
    expect(user).toMatchObject({
      name: 'Nia Roberts',
      jobTitle: 'Library Services Manager',
      passwordHash: null,
      active: true,
    })
    expect(user.roles).toEqual(
      expect.arrayContaining([
        { role: 'SERVICE_LEAD', libraryServiceId: ids.ribbleValley, regionId: null, organisationId: null },
        { role: 'VALIDATOR', libraryServiceId: null, regionId: ids.london, organisationId: null },
      ]),
    )
    expect(user.roles).toHaveLength(2)

    const eml = await newEmail(before)
    expect(eml).toMatch(/^To: new\.lead@example\.nhs\.uk$/m)
    expect(eml).toMatch(/^Subject: Set up your account for the LKS Quality Portal$/m)
    expect(eml).toContain('Service lead, Ribble Valley Library and Knowledge Service')
    const link = linkIn(eml, 'invitations')
    const token = tokenOf(link)
    const stored = await prisma.userToken.findFirstOrThrow({
      where: { userId: user.id },
      select: { tokenHash: true, purpose: true, expiresAt: true, createdById: true },
    })
    expect(stored.purpose).toBe('INVITATION')
    expect(stored.tokenHash).not.toContain(token)
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    const days = (stored.expiresAt.getTime() - Date.now()) / (24 * 60 * 60 * 1000)
    expect(days).toBeGreaterThan(13.99)
    expect(days).toBeLessThanOrEqual(14)
    expect(stored.createdById).toBe((await actorFor(ADMIN)).id)

    const page = await run(acceptLoader, new Request(link), { token })
    expect(page.status).toBe(200)
    expect(await page.json()).toMatchObject({ state: 'valid', email: 'new.lead@example.nhs.uk', name: 'Nia Roberts' })

    const accepted = await run(
      acceptAction,
      post(link.replace('http://localhost', ''), { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      { token },
    )
    expect(accepted.status).toBe(302)
    expect(accepted.headers.get('Location')).toBe('/')
    const sessionCookie = (accepted.headers.get('Set-Cookie') ?? '')
      .split(/,(?=\s*lks_)/)
      .find((c) => c.trim().startsWith('lks_session='))
    expect(sessionCookie).toBeDefined()
    expect((await getSessionUser(requestWithCookie(sessionCookie!.trim())))?.email).toBe('new.lead@example.nhs.uk')

    const signIn = await attemptSignIn({
      email: 'new.lead@example.nhs.uk',
      password: NEW_PASSWORD,
      userAgent: 'vitest',
      ipAddress: '127.0.0.1',
    })
    expect(signIn.ok).toBe(true)
    const actions = (
      await prisma.auditEvent.findMany({
        where: { entityId: user.id },
        orderBy: { at: 'asc' },
        select: { action: true },
      })
    ).map((e) => e.action)
    expect(actions).toEqual(['user.invited', 'auth.invitation_accepted', 'auth.signed_in'])

    // Used: a second go is refused, and the page says so.
    const again = await run(
      acceptAction,
      post(link.replace('http://localhost', ''), {
        newPassword: 'another-password-123',
        confirmPassword: 'another-password-123',
      }),
      { token },
    )
    expect(again.status).toBe(410)
    expect(JSON.stringify(await again.json())).toContain('This invitation link has already been used or is not valid')
    expect(await (await run(acceptLoader, new Request(link), { token })).json()).toMatchObject({ state: 'invalid' })
    expect(
      (
        await attemptSignIn({
          email: 'new.lead@example.nhs.uk',
          password: 'another-password-123',
          userAgent: 'vitest',
          ipAddress: '127.0.0.1',
        })
      ).ok,
    ).toBe(false)
  })

  it('refuses an email that already has an active account, keeping what was typed', async () => {
    const response = await invite({
      email: 'LEAD@demo.nhs.uk',
      name: 'Someone Else',
      jobTitle: '',
      role1: 'NATIONAL_VIEWER',
      place1: '',
    })
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.result.error.email).toEqual(['There is already an account for this email address'])
    expect(body.result.initialValue).toMatchObject({ name: 'Someone Else', role1: 'NATIONAL_VIEWER' })
    expect(await prisma.user.count({ where: { name: 'Someone Else' } })).toBe(0)
  })

  it('checks each role against its place, and that the place exists', async () => {
    const noRole = InviteSchema.safeParse({ email: 'a@example.nhs.uk', name: 'A' })
    expect(noRole.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'role1: Select at least one role',
    ])
    const wrong = InviteSchema.safeParse({
      email: 'a@example.nhs.uk',
      name: 'A',
      role1: 'SERVICE_LEAD',
      place1: placeValue('REGION', ids.london),
      role2: 'NATIONAL_ADMIN',
      place2: placeValue('REGION', ids.london),
      role3: '',
      place3: placeValue('ORGANISATION', ids.rxv),
    })
    expect(wrong.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'place1: Select the library service for role 1',
      'place2: Select “All of England” for a national role for role 2',
      'role3: Select a role for role 3',
    ])

    const response = await invite({
      email: 'ghost@example.nhs.uk',
      name: 'Ghost',
      role1: 'EXECUTIVE_SPONSOR',
      place1: placeValue('ORGANISATION', 'no-such-organisation'),
    })
    expect(response.status).toBe(400)
    expect((await response.json()).result.error.place1).toEqual(['Select an organisation from the list'])
    expect(await prisma.user.count({ where: { email: 'ghost@example.nhs.uk' } })).toBe(0)
  })

  it('sends the invitation again with a new link; the earlier link stops working', async () => {
    const before = await emlFiles()
    await invite({ email: 'resend@example.nhs.uk', name: 'Rhys Evans', role1: 'NATIONAL_VIEWER', place1: '' })
    const first = tokenOf(linkIn(await newEmail(before), 'invitations'))
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'resend@example.nhs.uk' },
      select: { id: true },
    })

    const middle = await emlFiles()
    const response = await run(
      personAction,
      post(await signedIn(ADMIN, `/admin/users/${user.id}`), { intent: 'resend', version: await versionOf(user.id) }),
      { userId: user.id },
    )
    expect(response.status).toBe(302)
    expect(await flashOf(response)).toMatchObject({ title: 'Invitation sent again' })
    const second = tokenOf(linkIn(await newEmail(middle), 'invitations'))
    expect(second).not.toBe(first)
    expect(await (await run(acceptLoader, new Request('http://localhost/'), { token: first })).json()).toMatchObject({
      state: 'invalid',
    })
    expect(await (await run(acceptLoader, new Request('http://localhost/'), { token: second })).json()).toMatchObject({
      state: 'valid',
    })
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: 'user.invitation_resent' } })).toBe(1)
  })
})

/** An invited person and the token from their email. */
async function invited(email: string): Promise<{ userId: string; token: string }> {
  const before = await emlFiles()
  const response = await invite({
    email,
    name: 'Invited Person',
    role1: 'SERVICE_CONTRIBUTOR',
    place1: placeValue('SERVICE', ids.thameside),
  })
  expect(response.status).toBe(302)
  const token = tokenOf(linkIn(await newEmail(before), 'invitations'))
  const { id } = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
  return { userId: id, token }
}

const accept = (token: string, now?: Date) =>
  acceptInvitation({ token, password: NEW_PASSWORD, userAgent: 'vitest', ipAddress: '127.0.0.1', now })

describe('invitation links', () => {
  it('expire after 14 days', async () => {
    const { userId, token } = await invited('expiring@example.nhs.uk')
    const fifteenDays = new Date(Date.now() + 15 * 24 * 60 * 60 * 1000)
    expect(await accept(token, fifteenDays)).toEqual({ ok: false, reason: 'expired' })
    await prisma.userToken.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } })
    const page = await run(acceptLoader, new Request('http://localhost/'), { token })
    expect(page.status).toBe(410)
    expect(await page.json()).toMatchObject({ state: 'expired' })
    const posted = await run(
      acceptAction,
      post('/invitations/x', { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      { token },
    )
    expect(posted.status).toBe(410)
    expect(JSON.stringify(await posted.json())).toContain('This invitation link has expired')
    expect(
      (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash,
    ).toBeNull()
  })

  it('are not valid when unknown, malformed or for a password reset', async () => {
    expect(await accept('A'.repeat(43))).toEqual({ ok: false, reason: 'invalid' })
    expect(await accept('not a token')).toEqual({ ok: false, reason: 'invalid' })
    expect(
      await (await run(acceptLoader, new Request('http://localhost/'), { token: '../../etc' })).json(),
    ).toMatchObject({ state: 'invalid' })
  })

  it('work once when two people submit the same link at the same moment', async () => {
    const { userId, token } = await invited('race@example.nhs.uk')
    const results = await Promise.all([accept(token), accept(token), accept(token)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, reason: 'invalid' },
      { ok: false, reason: 'invalid' },
    ])
    expect(await prisma.session.count({ where: { userId } })).toBe(1)
    expect(await prisma.auditEvent.count({ where: { entityId: userId, action: 'auth.invitation_accepted' } })).toBe(1)
  })

  it('stop working when the account is deactivated', async () => {
    const { userId, token } = await invited('withdrawn@example.nhs.uk')
    const response = await run(
      personAction,
      post(await signedIn(ADMIN, `/admin/users/${userId}`), { intent: 'deactivate', version: await versionOf(userId) }),
      { userId },
    )
    expect(response.status).toBe(302)
    expect(await accept(token)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('ask for the same password rules as changing a password', async () => {
    const { token } = await invited('rules@example.nhs.uk')
    const response = await run(
      acceptAction,
      post('/invitations/x', { newPassword: 'short', confirmPassword: 'shorter' }),
      { token },
    )
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.result.error).toMatchObject({
      newPassword: ['Password must be 12 characters or more'],
      confirmPassword: ['Passwords do not match'],
    })
  })
})

describe('deactivating an account', () => {
  it('ends their open sessions at once, and reactivating lets them sign in again', async () => {
    const person = await createUser({
      email: 'leaving@example.nhs.uk',
      roles: [{ role: 'SERVICE_LEAD', libraryServiceId: ids.ribbleValley }],
    })
    const theirCookie = await createSession(person.id, 'vitest')
    await createSession(person.id, 'another browser')
    expect((await getSessionUser(requestWithCookie(theirCookie)))?.id).toBe(person.id)

    const response = await run(
      personAction,
      post(await signedIn(ADMIN, `/admin/users/${person.id}`), {
        intent: 'deactivate',
        version: await versionOf(person.id),
      }),
      { userId: person.id },
    )
    expect(response.status).toBe(302)
    expect(await flashOf(response)).toMatchObject({ title: 'Account deactivated' })
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0)
    expect(await getSessionUser(requestWithCookie(theirCookie, '/submissions'))).toBeNull()
    const refused = await requireUser(requestWithCookie(theirCookie, '/submissions')).catch((thrown: unknown) => thrown)
    expect(refused).toBeInstanceOf(Response)
    // The sign-in page is told why: the session was ended (issue 14).
    expect((refused as Response).headers.get('Location')).toBe('/sign-in?redirectTo=%2Fsubmissions&reason=ended')
    expect(
      (
        await attemptSignIn({
          email: person.email,
          password: TEST_PASSWORD,
          userAgent: 'vitest',
          ipAddress: '127.0.0.1',
        })
      ).ok,
    ).toBe(false)

    const back = await run(
      personAction,
      post(await signedIn(ADMIN, `/admin/users/${person.id}`), {
        intent: 'reactivate',
        version: await versionOf(person.id),
      }),
      { userId: person.id },
    )
    expect(back.status).toBe(302)
    expect(
      (
        await attemptSignIn({
          email: person.email,
          password: TEST_PASSWORD,
          userAgent: 'vitest',
          ipAddress: '127.0.0.1',
        })
      ).ok,
    ).toBe(true)
    const actions = (
      await prisma.auditEvent.findMany({
        where: { entityId: person.id, action: { startsWith: 'user.' } },
        orderBy: { at: 'asc' },
        select: { action: true },
      })
    ).map((e) => e.action)
    expect(actions).toEqual(['user.deactivated', 'user.reactivated'])
  })

  it('refuses a change made from an out-of-date page, and refuses deactivating yourself', async () => {
    const person = await createUser({ email: 'stale@example.nhs.uk' })
    const seen = await versionOf(person.id)
    const admin = await actorFor(ADMIN)
    expect(
      (
        await addRoleAssignment(admin, {
          userId: person.id,
          version: seen,
          assignment: { role: 'NATIONAL_VIEWER', place: null },
          ipAddress: '',
        })
      ).ok,
    ).toBe(true)
    const response = await run(
      personAction,
      post(await signedIn(ADMIN, `/admin/users/${person.id}`), { intent: 'deactivate', version: seen }),
      { userId: person.id },
    )
    expect(response.status).toBe(409)
    expect(await response.json()).toEqual({ form: 'action', message: STALE_MESSAGE })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id }, select: { active: true } })).active).toBe(
      true,
    )

    const self = await run(
      personAction,
      post(await signedIn(ADMIN, `/admin/users/${admin.id}`), {
        intent: 'deactivate',
        version: await versionOf(admin.id),
      }),
      { userId: admin.id },
    )
    expect(self.status).toBe(409)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id }, select: { active: true } })).active).toBe(
      true,
    )
  })
})

describe('resetting a password', () => {
  it('emails a link that sets a new password once and ends every session', async () => {
    const person = await createUser({ email: 'forgetful@example.nhs.uk' })
    const openSession = await createSession(person.id, 'vitest')
    const before = await emlFiles()
    const response = await run(requestResetAction, post('/password-reset', { email: 'Forgetful@Example.nhs.uk' }))
    await backgroundJobsSettled()
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/password-reset')
    expect(await flashOf(response)).toEqual({
      type: 'success',
      title: 'Check your email',
      description:
        'If an account exists for Forgetful@Example.nhs.uk, we have sent a link to reset its password. The link works for 60 minutes.',
    })
    const eml = await newEmail(before)
    expect(eml).toMatch(/^To: forgetful@example\.nhs\.uk$/m)
    const link = linkIn(eml, 'password-reset')
    const token = tokenOf(link)
    const stored = await prisma.userToken.findFirstOrThrow({
      where: { userId: person.id, purpose: 'PASSWORD_RESET' },
      select: { expiresAt: true },
    })
    const minutes = (stored.expiresAt.getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(59.9)
    expect(minutes).toBeLessThanOrEqual(60)

    expect(await (await run(resetLoader, new Request(link), { token })).json()).toMatchObject({
      state: 'valid',
      email: 'forgetful@example.nhs.uk',
    })
    const reset = await run(
      resetAction,
      post('/password-reset/x', { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      { token },
    )
    expect(reset.status).toBe(302)
    expect(reset.headers.get('Location')).toBe('/sign-in')
    expect(await flashOf(reset)).toMatchObject({ title: 'Your password has been reset' })
    expect(await getSessionUser(requestWithCookie(openSession))).toBeNull()
    expect(await prisma.session.count({ where: { userId: person.id } })).toBe(0)
    expect(
      (await attemptSignIn({ email: person.email, password: TEST_PASSWORD, userAgent: 'vitest', ipAddress: '' })).ok,
    ).toBe(false)
    expect(
      (await attemptSignIn({ email: person.email, password: NEW_PASSWORD, userAgent: 'vitest', ipAddress: '' })).ok,
    ).toBe(true)

    const again = await run(
      resetAction,
      post('/password-reset/x', { newPassword: 'yet-another-password', confirmPassword: 'yet-another-password' }),
      { token },
    )
    expect(again.status).toBe(410)
    expect(JSON.stringify(await again.json())).toContain('This reset link has already been used or is not valid')
    const actions = (
      await prisma.auditEvent.findMany({
        where: { entityId: person.id, action: { startsWith: 'auth.password' } },
        orderBy: { at: 'asc' },
        select: { action: true },
      })
    ).map((e) => e.action)
    expect(actions).toEqual(['auth.password_reset_requested', 'auth.password_reset'])
  })

  it('gives the same answer for an unknown or deactivated email, and sends nothing', async () => {
    await createUser({ email: 'gone@example.nhs.uk', active: false })
    const emails = await prisma.sentEmail.count()
    const before = await emlFiles()
    for (const email of ['nobody@example.nhs.uk', 'gone@example.nhs.uk']) {
      const response = await run(requestResetAction, post('/password-reset', { email }))
      await backgroundJobsSettled()
      expect(response.status).toBe(302)
      expect(await flashOf(response)).toEqual({
        type: 'success',
        title: 'Check your email',
        description: `If an account exists for ${email}, we have sent a link to reset its password. The link works for 60 minutes.`,
      })
    }
    expect(await prisma.sentEmail.count()).toBe(emails)
    expect(await emlFiles()).toEqual(before)
    expect(await prisma.userToken.count({ where: { user: { email: 'gone@example.nhs.uk' } } })).toBe(0)
  })

  it('expires after 60 minutes, and only the newest link works', async () => {
    const person = await createUser({ email: 'twice@example.nhs.uk' })
    const firstBefore = await emlFiles()
    await requestPasswordReset({ email: person.email, ipAddress: '' })
    const first = tokenOf(linkIn(await newEmail(firstBefore), 'password-reset'))
    const secondBefore = await emlFiles()
    await requestPasswordReset({ email: person.email, ipAddress: '' })
    const second = tokenOf(linkIn(await newEmail(secondBefore), 'password-reset'))
    expect(await resetPassword({ token: first, password: NEW_PASSWORD, ipAddress: '' })).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(
      await resetPassword({
        token: second,
        password: NEW_PASSWORD,
        ipAddress: '',
        now: new Date(Date.now() + 61 * 60 * 1000),
      }),
    ).toEqual({ ok: false, reason: 'expired' })
    await prisma.userToken.updateMany({ where: { userId: person.id }, data: { expiresAt: new Date(Date.now() - 1) } })
    const page = await run(resetLoader, new Request('http://localhost/'), { token: second })
    expect(page.status).toBe(410)
    expect(await page.json()).toMatchObject({ state: 'expired' })
    // An invitation token is no reset token.
    const { token: invitation } = await invited('not-a-reset@example.nhs.uk')
    expect(await resetPassword({ token: invitation, password: NEW_PASSWORD, ipAddress: '' })).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })
})

describe('roles', () => {
  it('are added with a place of the right kind that exists, and removed', async () => {
    const person = await createUser({ email: 'roles@example.nhs.uk' })
    const add = async (fields: Record<string, string>) =>
      run(
        personAction,
        post(await signedIn(ADMIN, `/admin/users/${person.id}`), {
          intent: 'add-role',
          version: await versionOf(person.id),
          ...fields,
        }),
        { userId: person.id },
      )

    const wrongKind = await add({ role: 'REGIONAL_LEAD', place: placeValue('SERVICE', ids.ribbleValley) })
    expect(wrongKind.status).toBe(400)
    expect((await wrongKind.json()).result.error.place).toEqual(['Select the region'])
    const missing = await add({ role: 'REGIONAL_LEAD', place: placeValue('REGION', 'no-such-region') })
    expect(missing.status).toBe(409)
    expect((await missing.json()).result.error.place).toEqual(['Select a region from the list'])
    expect(await prisma.roleAssignment.count({ where: { userId: person.id } })).toBe(0)

    const added = await add({ role: 'REGIONAL_LEAD', place: placeValue('REGION', ids.northWest) })
    expect(added.status).toBe(302)
    const rows = await prisma.roleAssignment.findMany({
      where: { userId: person.id },
      select: { id: true, role: true, regionId: true },
    })
    expect(rows).toEqual([{ id: expect.any(String), role: 'REGIONAL_LEAD', regionId: ids.northWest }])
    const duplicate = await add({ role: 'REGIONAL_LEAD', place: placeValue('REGION', ids.northWest) })
    expect(duplicate.status).toBe(409)
    expect((await duplicate.json()).result.error.role).toEqual(['They already have this role in this place'])

    const page = await run(personLoader, await signedIn(ADMIN, `/admin/users/${person.id}`), { userId: person.id })
    expect((await page.json()).person.roles.map((r: { description: string }) => r.description)).toEqual([
      'Regional lead, North West',
    ])

    const removed = await run(
      personAction,
      post(await signedIn(ADMIN, `/admin/users/${person.id}`), {
        intent: 'remove-role',
        version: await versionOf(person.id),
        assignmentId: rows[0]!.id,
      }),
      { userId: person.id },
    )
    expect(removed.status).toBe(302)
    expect(await prisma.roleAssignment.count({ where: { userId: person.id } })).toBe(0)
    const actions = (
      await prisma.auditEvent.findMany({
        where: { entityId: person.id },
        orderBy: { at: 'asc' },
        select: { action: true },
      })
    ).map((e) => e.action)
    expect(actions).toEqual(['user.role_added', 'user.role_removed'])
  })

  it('keep a national admin from removing their own admin role', async () => {
    const admin = await actorFor(ADMIN)
    const own = await prisma.roleAssignment.findFirstOrThrow({
      where: { userId: admin.id, role: 'NATIONAL_ADMIN' },
      select: { id: true },
    })
    const result = await removeRoleAssignment(admin, {
      userId: admin.id,
      version: await versionOf(admin.id),
      assignmentId: own.id,
      ipAddress: '',
    })
    expect(result).toMatchObject({
      ok: false,
      message: 'You cannot remove your own national admin role. Ask another national admin to do it',
    })
    expect(await prisma.roleAssignment.count({ where: { id: own.id } })).toBe(1)
  })
})

describe('the list of people', () => {
  const names = async (filters: Partial<UserFilters>) =>
    (await listUsers(await actorFor(ADMIN), { page: 1, ...filters })).users.map((u) => u.email)

  it('searches names and email addresses', async () => {
    expect(await names({ q: 'hartley' })).toEqual(['lead@demo.nhs.uk'])
    expect(await names({ q: 'regional.lead@' })).toEqual(['regional.lead@demo.nhs.uk'])
  })

  it('filters by role, place and status', async () => {
    expect(await names({ role: 'NATIONAL_ADMIN' })).toEqual(['admin@demo.nhs.uk'])
    const ribble = await names({ place: { kind: 'SERVICE', id: ids.ribbleValley } })
    expect(ribble).toEqual(expect.arrayContaining(['lead@demo.nhs.uk', 'contributor@demo.nhs.uk']))
    expect(ribble).not.toContain('mark.lewis@demo.nhs.uk')
    // A region reaches the library services that serve its organisations and the organisations' sponsors.
    const northWest = await names({ place: { kind: 'REGION', id: ids.northWest } })
    expect(northWest).toEqual(
      expect.arrayContaining([
        'regional.lead@demo.nhs.uk',
        'lead@demo.nhs.uk',
        'sponsor@demo.nhs.uk',
        'priya.shah@demo.nhs.uk',
      ]),
    )
    expect(northWest).not.toContain('validator@demo.nhs.uk')
    const londonValidators = await names({ role: 'VALIDATOR', place: { kind: 'REGION', id: ids.london } })
    expect(londonValidators).toContain('validator@demo.nhs.uk')
    expect(londonValidators).not.toContain('priya.shah@demo.nhs.uk')
    expect(londonValidators).not.toContain('rachel.osei@demo.nhs.uk')
    const deactivated = await createUser({ email: 'zz.deactivated@example.nhs.uk', active: false })
    expect(await names({ status: 'deactivated' })).toContain(deactivated.email)
    expect(await names({ status: 'active' })).not.toContain(deactivated.email)
    expect(await names({ status: 'active' })).toContain('admin@demo.nhs.uk')
  })

  it('pages through everyone, 25 at a time, and reports bad filters', async () => {
    const total = await prisma.user.count()
    const admin = await actorFor(ADMIN)
    const first = await listUsers(admin, { page: 1 })
    expect(first.total).toBe(total)
    expect(first.users).toHaveLength(Math.min(25, total))
    expect(first.pageCount).toBe(Math.ceil(total / 25))
    const last = await listUsers(admin, { page: 999 })
    expect(last.page).toBe(first.pageCount)
    const response = await run(peopleLoader, await signedIn(ADMIN, '/admin/users?role=WIZARD&status=sleeping&q=marsh'))
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.errors).toEqual({ role: 'Select a role from the list', status: 'Select a status from the list' })
    expect(body.users.map((u: { email: string }) => u.email)).toEqual(['admin@demo.nhs.uk'])
  })
})

describe('access', () => {
  const OTHERS = [
    'viewer@demo.nhs.uk',
    'regional.lead@demo.nhs.uk',
    'validator@demo.nhs.uk',
    'lead@demo.nhs.uk',
    'contributor@demo.nhs.uk',
    'sponsor@demo.nhs.uk',
  ]

  it.each(OTHERS)('refuses %s every people page and action', async (email) => {
    const target = await prisma.user.findUniqueOrThrow({
      where: { email: 'contributor@demo.nhs.uk' },
      select: { id: true },
    })
    const version = await versionOf(target.id)
    const params = { userId: target.id }
    expect((await run(peopleLoader, await signedIn(email, '/admin/users'))).status).toBe(403)
    expect((await run(inviteLoader, await signedIn(email, '/admin/users/invite'))).status).toBe(403)
    expect((await run(personLoader, await signedIn(email, `/admin/users/${target.id}`), params)).status).toBe(403)
    const invitedBefore = await prisma.user.count()
    expect(
      (
        await run(
          inviteAction,
          post(await signedIn(email, '/admin/users/invite'), {
            email: `by-${email}`,
            name: 'X',
            role1: 'NATIONAL_ADMIN',
            place1: '',
          }),
        )
      ).status,
    ).toBe(403)
    expect(await prisma.user.count()).toBe(invitedBefore)
    for (const fields of [
      { intent: 'deactivate' },
      { intent: 'add-role', role: 'NATIONAL_ADMIN', place: '' },
      { intent: 'resend' },
    ] as Array<Record<string, string>>) {
      expect(
        (
          await run(
            personAction,
            post(await signedIn(email, `/admin/users/${target.id}`), { version, ...fields }),
            params,
          )
        ).status,
      ).toBe(403)
    }
    expect(await versionOf(target.id)).toBe(version)
    expect(await prisma.roleAssignment.count({ where: { userId: target.id, role: 'NATIONAL_ADMIN' } })).toBe(0)
  })

  it('sends someone signed out to sign in', async () => {
    const response = await run(peopleLoader, new Request('http://localhost/admin/users?q=x'))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/sign-in?redirectTo=%2Fadmin%2Fusers%3Fq%3Dx')
    const action = await run(
      inviteAction,
      post('/admin/users/invite', { email: 'x@example.nhs.uk', name: 'X', role1: 'NATIONAL_ADMIN' }),
    )
    expect(action.status).toBe(302)
    expect(action.headers.get('Location')).toBe('/sign-in?redirectTo=%2Fadmin%2Fusers%2Finvite')
    expect(await prisma.user.count({ where: { email: 'x@example.nhs.uk' } })).toBe(0)
  })

  it('shows the admin the person', async () => {
    const target = await prisma.user.findUniqueOrThrow({ where: { email: 'lead@demo.nhs.uk' }, select: { id: true } })
    const detail = await getUserForAdmin(await actorFor(ADMIN), target.id)
    expect(detail).toMatchObject({
      name: 'Zoë Hartley',
      status: 'active',
      roles: [{ role: 'SERVICE_LEAD', description: 'Service lead, Ribble Valley Library and Knowledge Service' }],
    })
    expect((await run(personLoader, await signedIn(ADMIN, '/admin/users/nobody'), { userId: 'nobody' })).status).toBe(
      404,
    )
  })
})
