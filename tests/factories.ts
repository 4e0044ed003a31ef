// Builders for integration tests: real rows in the test file's own SQLite database.
import { randomUUID } from 'node:crypto'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/modules/auth/password.server'
import type { Actor } from '~/modules/auth/permissions'
import { isRole, type Role } from '~/modules/auth/roles'

let cachedHash: Promise<string> | undefined
export const TEST_PASSWORD = 'correct-horse-battery-staple'

export async function createUser(
  input: {
    email?: string
    roles?: Array<{ role: Role; libraryServiceId?: string; organisationId?: string; regionId?: string }>
    active?: boolean
  } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD)
  return prisma.user.create({
    data: {
      email: input.email ?? `user-${randomUUID()}@example.nhs.uk`,
      name: 'Test User',
      passwordHash: await cachedHash,
      active: input.active ?? true,
      roles: {
        create: (input.roles ?? []).map((r) => ({
          role: r.role,
          libraryServiceId: r.libraryServiceId ?? null,
          organisationId: r.organisationId ?? null,
          regionId: r.regionId ?? null,
        })),
      },
    },
    select: { id: true, email: true },
  })
}

/** The user as the permission rules see them, read from the database like a session would. */
export async function actorFor(email: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      roles: { select: { role: true, libraryServiceId: true, organisationId: true, regionId: true } },
    },
  })
  return { id: user.id, grants: user.roles.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : [])) }
}

/** A Request carrying the session cookie from a Set-Cookie header. */
export function requestWithCookie(setCookie: string, path = '/'): Request {
  return new Request(`http://localhost${path}`, { headers: { Cookie: setCookie.split(';')[0]! } })
}

/**
 * Takes a demo submission back to "awaiting sign-off", for tests of the journey before the sponsor
 * signs off (the demo data has Ribble and Fylde's signed off and submitted, waiting for validators).
 */
export async function backToAwaitingSignOff(reference: string): Promise<void> {
  const { id } = await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })
  await prisma.signOff.deleteMany({ where: { submissionId: id } })
  await prisma.submission.update({
    where: { id },
    data: { status: 'AWAITING_SIGN_OFF', submittedAt: null, submittedById: null, isLate: null },
    select: { id: true },
  })
}
