// Admin-editable contact details (issue 16, item 9): only a national admin who has typed their
// password recently may change them, in one transaction with an audit event holding the before and
// after; every other role is refused, forged requests included, and nothing is written. Until the
// first save the installation's CONTACT_* and SECURITY_CONTACT_EMAIL settings apply. The footer,
// statement, privacy notice, cookies page and security.txt all read the same details.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import { contactDetails } from '~/modules/content/contact.server'
import { ContactDetailsSchema } from '~/modules/content/schema'
import { action as contactAction, loader as contactLoader } from '~/routes/admin.contact-details'
import { loader as accessibilityLoader } from '~/routes/accessibility'
import { loader as privacyLoader } from '~/routes/privacy'
import { loader as cookiesLoader } from '~/routes/cookies'
import { loader as securityTxtLoader } from '~/routes/[.well-known].security[.]txt'
import { loader as rootLoader } from '~/root'
import { useDemoData } from '../setup/demo-data'

const context = { clientAddress: '192.0.2.44', cspNonce: 'test', requestId: 'test' }
type RouteFn = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

async function call(fn: RouteFn, request: Request): Promise<Response> {
  try {
    const result = await fn({ request, params: {}, context })
    if (result instanceof Response) return result
    const { init } = (result ?? {}) as { init?: ResponseInit | null }
    return new Response(null, { status: init?.status ?? 200, headers: init?.headers })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

const PAGE = '/admin/contact-details'

function request(cookie: string, fields?: Record<string, string>): Request {
  return new Request(`http://localhost${PAGE}`, {
    method: fields ? 'POST' : 'GET',
    headers: { Cookie: cookie.split(';')[0]! },
    body: fields ? new URLSearchParams(fields) : undefined,
  })
}

async function sessionOf(email: string, signedInMinutesAgo = 0): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })
  return createSession(user.id, 'vitest', {
    secondFactorDone: true,
    now: new Date(Date.now() - signedInMinutesAgo * 60 * 1000),
  })
}

const NEW_DETAILS = {
  version: '',
  team: 'the LKS quality team',
  email: 'quality.help@example.nhs.uk',
  phone: '0113 496 0000',
  securityEmail: 'security.reports@example.nhs.uk',
  responseDays: '10',
}

const CONFIGURED = {
  team: 'the national Knowledge for Healthcare team',
  email: 'lks.quality@example.nhs.uk',
  phone: null,
  securityEmail: 'lks.quality@example.nhs.uk',
  responseDays: 5,
}

const auditEvents = () => prisma.auditEvent.findMany({ where: { action: 'settings.contact_details_updated' } })

/**
 * Nobody has saved the details yet. Each test that needs this state makes it rather than relying on
 * running before the save: a refused request would then have written for real had it been let through.
 */
const noneSaved = () => prisma.contactSettings.deleteMany()

/** Saves NEW_DETAILS as the admin, from a form loaded before any save. */
async function saveNewDetails() {
  const response = await call(contactAction as RouteFn, request(await sessionOf('admin@demo.nhs.uk'), NEW_DETAILS))
  expect(response.status).toBe(302)
}

beforeAll(async () => {
  await useDemoData()
}, 60_000)

describe('contact details', { timeout: 60_000 }, () => {
  it('fall back to the installation settings before anyone saves them, on every page that shows them', async () => {
    await noneSaved()
    expect(await contactDetails()).toEqual(CONFIGURED)
    for (const loader of [accessibilityLoader, privacyLoader, cookiesLoader]) {
      expect((await loader()).contact).toEqual(CONFIGURED)
    }
    const text = await (await securityTxtLoader()).text()
    expect(text).toContain('Contact: mailto:lks.quality@example.nhs.uk\n')
  })

  it.each([
    ['a service contributor', 'contributor@demo.nhs.uk'],
    ['a service lead', 'lead@demo.nhs.uk'],
    ['an executive sponsor', 'sponsor@demo.nhs.uk'],
    ['a validator', 'validator@demo.nhs.uk'],
    ['a regional lead', 'regional.lead@demo.nhs.uk'],
    ['a national viewer', 'viewer@demo.nhs.uk'],
  ])('refuse %s the page and a forged save, and nothing is written', async (_, email) => {
    await noneSaved()
    const events = (await auditEvents()).length
    const cookie = await sessionOf(email)
    expect((await call(contactLoader as RouteFn, request(cookie))).status).toBe(403)
    expect((await call(contactAction as RouteFn, request(cookie, NEW_DETAILS))).status).toBe(403)
    expect(await prisma.contactSettings.count()).toBe(0)
    expect(await auditEvents()).toHaveLength(events)
  })

  it('refuse a signed-out forged save', async () => {
    await noneSaved()
    const response = await call(
      contactAction as RouteFn,
      new Request(`http://localhost${PAGE}`, { method: 'POST', body: new URLSearchParams(NEW_DETAILS) }),
    )
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toMatch(/^\/sign-in/)
    expect(await prisma.contactSettings.count()).toBe(0)
  })

  it('ask an admin whose password is old to type it again, and nothing is written', async () => {
    await noneSaved()
    const cookie = await sessionOf('admin@demo.nhs.uk', 20)
    const confirm = `/account/confirm-password?${new URLSearchParams({ redirectTo: PAGE })}`
    expect((await call(contactLoader as RouteFn, request(cookie))).headers.get('Location')).toBe(confirm)
    expect((await call(contactAction as RouteFn, request(cookie, NEW_DETAILS))).headers.get('Location')).toBe(confirm)
    expect(await prisma.contactSettings.count()).toBe(0)
  })

  it('refuse details that are not valid, and nothing is written', async () => {
    await noneSaved()
    const cookie = await sessionOf('admin@demo.nhs.uk')
    const bad = { ...NEW_DETAILS, email: 'not-an-email', responseDays: '0' }
    expect((await call(contactAction as RouteFn, request(cookie, bad))).status).toBe(400)
    expect(await prisma.contactSettings.count()).toBe(0)
  })

  it('are saved by an admin with an audit event holding the before and after, and every page shows them', async () => {
    await noneSaved()
    const earlier = new Set((await auditEvents()).map((e) => e.id))
    const cookie = await sessionOf('admin@demo.nhs.uk')
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@demo.nhs.uk' }, select: { id: true } })
    const response = await call(contactAction as RouteFn, request(cookie, NEW_DETAILS))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(PAGE)

    const saved = {
      team: 'the LKS quality team',
      email: 'quality.help@example.nhs.uk',
      phone: '0113 496 0000',
      securityEmail: 'security.reports@example.nhs.uk',
      responseDays: 10,
    }
    expect(await contactDetails()).toEqual(saved)
    const [event, ...others] = (await auditEvents()).filter((e) => !earlier.has(e.id))
    expect(others).toHaveLength(0)
    expect(event).toMatchObject({ actorId: admin.id, entityType: 'ContactSettings', ipAddress: '192.0.2.44' })
    expect(JSON.parse(event!.before!)).toEqual(CONFIGURED)
    expect(JSON.parse(event!.after!)).toEqual(saved)

    for (const loader of [accessibilityLoader, privacyLoader, cookiesLoader]) {
      expect((await loader()).contact).toEqual(saved)
    }
    expect(await (await securityTxtLoader()).text()).toContain('Contact: mailto:security.reports@example.nhs.uk\n')
    const root = (await rootLoader({ request: new Request('http://localhost/'), params: {}, context })) as unknown as {
      data: { contact: unknown }
    }
    expect(root.data.contact).toEqual({ team: 'the LKS quality team', email: 'quality.help@example.nhs.uk' })
  })

  it('refuse a save made from a page loaded before someone else saved, and keep theirs', async () => {
    await noneSaved()
    await saveNewDetails()
    const events = (await auditEvents()).length
    const cookie = await sessionOf('admin@demo.nhs.uk')
    const before = await contactDetails()
    // The form still carries the version it had before the last save (none).
    const stale = { ...NEW_DETAILS, email: 'stale@example.nhs.uk' }
    expect((await call(contactAction as RouteFn, request(cookie, stale))).status).toBe(409)
    expect(await contactDetails()).toEqual(before)
    expect(await auditEvents()).toHaveLength(events)
  })

  it('use the main email address for security reports when none is given', () => {
    const parsed = ContactDetailsSchema.safeParse({ ...NEW_DETAILS, securityEmail: '', phone: '' })
    expect(parsed.success && parsed.data).toMatchObject({ securityEmail: null, phone: null, responseDays: 10 })
  })
})
