// Re-authentication before sensitive actions (issue 12, finding 8): changing the password, adding
// a role (an invitation or on a person's page), resetting a second factor and publishing ask a
// session whose password is older than REAUTHENTICATE_AFTER_MINUTES (15) to type it again first.
// So does publishing a result or a service improvement plan review (on the demo data).
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { createSession } from '~/modules/auth/session.server'
import { action as confirmAction, loader as confirmLoader } from '~/routes/account.confirm-password'
import { loader as passwordLoader } from '~/routes/account.password'
import { action as personAction } from '~/routes/admin.users.$userId'
import { loader as inviteLoader } from '~/routes/admin.users.invite'
import { action as publishEditionAction } from '~/routes/admin.editions.$code._index'
import { action as agreementAction } from '~/routes/submissions.$submissionId.agreement._index'
import { action as planReviewAction } from '~/routes/plans.$planId.review'
import { useDemoData } from '../setup/demo-data'
import { createUser, TEST_PASSWORD } from '../factories'

const context = { clientAddress: '192.0.2.30', cspNonce: 'test', requestId: 'test' }
type RouteFn = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>

async function call(fn: RouteFn, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await fn({ request, params, context })
    if (result instanceof Response) return result
    const { init } = (result ?? {}) as { init?: ResponseInit | null }
    return new Response(null, { status: init?.status ?? 200, headers: init?.headers })
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

function request(path: string, cookie: string, fields?: Record<string, string>): Request {
  return new Request(`http://localhost${path}`, {
    method: fields ? 'POST' : 'GET',
    headers: { Cookie: cookie.split(';')[0]! },
    body: fields ? new URLSearchParams(fields) : undefined,
  })
}

const confirmPage = (back: string) => `/account/confirm-password?${new URLSearchParams({ redirectTo: back })}`

/** An admin whose password was typed 20 minutes ago. */
async function adminSignedInEarlier() {
  const admin = await createUser({ roles: [{ role: 'NATIONAL_ADMIN' }] })
  const cookie = await createSession(admin.id, 'vitest', {
    secondFactorDone: true,
    now: new Date(Date.now() - 20 * 60 * 1000),
  })
  return { admin, cookie }
}

/** The demo regional lead, whose password was typed 20 minutes ago. */
async function regionalLeadSignedInEarlier() {
  const lead = await prisma.user.findUniqueOrThrow({
    where: { email: 'regional.lead@demo.nhs.uk' },
    select: { id: true },
  })
  return createSession(lead.id, 'vitest', { secondFactorDone: true, now: new Date(Date.now() - 20 * 60 * 1000) })
}

beforeAll(async () => {
  await useDemoData()
}, 60_000)

describe('re-authentication', { timeout: 90_000 }, () => {
  it('is asked before each sensitive action of a session whose password is old, and nothing changes', async () => {
    const { cookie } = await adminSignedInEarlier()
    const person = await createUser()
    const { updatedAt } = await prisma.user.findUniqueOrThrow({ where: { id: person.id }, select: { updatedAt: true } })

    const password = await call(passwordLoader as RouteFn, request('/account/password', cookie))
    expect(password.headers.get('Location')).toBe(confirmPage('/account/password'))

    const invite = await call(inviteLoader as RouteFn, request('/admin/users/invite', cookie))
    expect(invite.headers.get('Location')).toBe(confirmPage('/admin/users/invite'))

    const here = `/admin/users/${person.id}`
    const addRole = await call(
      personAction as RouteFn,
      request(here, cookie, {
        intent: 'add-role',
        version: updatedAt.toISOString(),
        role: 'NATIONAL_VIEWER',
        place: '',
      }),
      { userId: person.id },
    )
    expect(addRole.headers.get('Location')).toBe(confirmPage(here))
    expect(await prisma.roleAssignment.count({ where: { userId: person.id } })).toBe(0)

    const publish = await call(
      publishEditionAction as RouteFn,
      request('/admin/editions/NOT-REAL', cookie, { editionVersion: 'x' }),
      { code: 'NOT-REAL' },
    )
    expect(publish.headers.get('Location')).toBe(confirmPage('/admin/editions/NOT-REAL'))
  })

  it('is asked before publishing a result, and nothing is published', async () => {
    const cookie = await regionalLeadSignedInEarlier()
    // A demo result of the lead's region, put back to agreed and waiting to be published.
    const submission = await prisma.submission.update({
      where: { reference: 'LKS-2122-RWV' },
      data: { status: 'VALIDATED' },
      select: { id: true },
    })
    const here = `/submissions/${submission.id}/agreement`
    const publish = await call(agreementAction as RouteFn, request(here, cookie, { intent: 'publish' }), {
      submissionId: submission.id,
    })
    expect(publish.headers.get('Location')).toBe(confirmPage(here))
    expect(
      await prisma.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { status: true } }),
    ).toEqual({ status: 'VALIDATED' })
  })

  it('is asked before confirming (publishing) an improvement plan review, and nothing is published', async () => {
    const cookie = await regionalLeadSignedInEarlier()
    // A demo plan of the lead's region, put back to its review recorded and waiting for the lead.
    const { regionId } = await prisma.roleAssignment.findFirstOrThrow({
      where: { user: { email: 'regional.lead@demo.nhs.uk' }, role: 'REGIONAL_LEAD' },
      select: { regionId: true },
    })
    const plan = await prisma.serviceImprovementPlan.findFirstOrThrow({
      where: { status: 'PUBLISHED', regionId: regionId!, reviews: { some: {} } },
      select: { id: true },
    })
    await prisma.serviceImprovementPlan.update({ where: { id: plan.id }, data: { status: 'REVIEW_RECORDED' } })
    await prisma.sipReview.updateMany({ where: { planId: plan.id }, data: { confirmedAt: null, confirmedById: null } })
    const here = `/plans/${plan.id}/review`
    const confirm = await call(planReviewAction as RouteFn, request(here, cookie, { intent: 'confirm' }), {
      planId: plan.id,
    })
    expect([confirm.status, confirm.headers.get('Location')]).toEqual([302, confirmPage(here)])
    expect(
      await prisma.serviceImprovementPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { status: true } }),
    ).toEqual({ status: 'REVIEW_RECORDED' })
    expect(await prisma.sipReview.count({ where: { planId: plan.id, confirmedAt: { not: null } } })).toBe(0)
  })

  it('lets the person type their password again and go back to the page, once, audited', async () => {
    const { admin, cookie } = await adminSignedInEarlier()
    const page = confirmPage('/account/password')
    expect((await call(confirmLoader as RouteFn, request(page, cookie))).status).toBe(200)
    const wrong = await call(
      confirmAction as RouteFn,
      request(page, cookie, { password: 'not-my-password', redirectTo: '/account/password' }),
    )
    expect(wrong.status).toBe(400)
    const right = await call(
      confirmAction as RouteFn,
      request(page, cookie, { password: TEST_PASSWORD, redirectTo: '/account/password' }),
    )
    expect(right.status).toBe(302)
    expect(right.headers.get('Location')).toBe('/account/password')
    expect((await call(passwordLoader as RouteFn, request('/account/password', cookie))).status).toBe(200)
    const events = await prisma.auditEvent.findMany({
      where: { entityId: admin.id, action: { in: ['auth.reauthentication_failed', 'auth.reauthenticated'] } },
      orderBy: { at: 'asc' },
      select: { action: true, ipAddress: true },
    })
    expect(events).toEqual([
      { action: 'auth.reauthentication_failed', ipAddress: '192.0.2.30' },
      { action: 'auth.reauthenticated', ipAddress: '192.0.2.30' },
    ])
  })

  it('never sends the person to another site afterwards', async () => {
    const { cookie } = await adminSignedInEarlier()
    const answer = await call(
      confirmAction as RouteFn,
      request('/account/confirm-password', cookie, { password: TEST_PASSWORD, redirectTo: '//evil.example/x' }),
    )
    expect(answer.headers.get('Location')).toBe('/account')
  })
})
