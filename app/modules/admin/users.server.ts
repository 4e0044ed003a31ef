// People (issue 7, item 4): the national team's list of accounts, invitations, role assignments
// and deactivation. Every function needs 'user:manage' everywhere; every change is audited in the
// transaction that makes it. Changes to one person carry the version (updatedAt) the admin's page
// showed, so two admins working on the same person cannot silently undo each other.
import { prisma, type Db, type Prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { ROLE_LABELS, type Role } from '~/modules/auth/roles'
import { invitationMessage } from '~/modules/auth/account-messages'
import { issueUserToken, withdrawUserTokens } from '~/modules/auth/user-tokens.server'
import { sendEmailSafely } from '~/modules/notifications/mailer.server'
import { takeFromQuota, waitInWords } from '~/modules/auth/throttle.server'
import { resetSecondFactor } from '~/modules/auth/two-step.server'
import {
  PAGE_SIZE,
  placeValue,
  type Assignment,
  type InviteInput,
  type Place,
  type UserFilters,
  type UserStatus,
} from './users-schema'

export type Failure = { ok: false; field?: string; message: string }
export const STALE_MESSAGE =
  'Someone else changed this account while you were looking at it. Check the details below and try again.'

const ROLE_SELECT = {
  id: true,
  role: true,
  libraryService: { select: { name: true } },
  organisation: { select: { name: true } },
  region: { select: { name: true } },
} as const

type RoleRow = {
  id: string
  role: string
  libraryService: { name: string } | null
  organisation: { name: string } | null
  region: { name: string } | null
}

/** "Service lead, Ribble Valley Library and Knowledge Service" */
function describeRole(row: RoleRow): string {
  const label = ROLE_LABELS[row.role as Role] ?? row.role
  const place = row.libraryService?.name ?? row.organisation?.name ?? row.region?.name ?? 'England'
  return `${label}, ${place}`
}

function statusOf(user: { active: boolean; passwordHash: string | null }): UserStatus {
  if (!user.active) return 'deactivated'
  return user.passwordHash ? 'active' : 'invited'
}

const STATUS_WHERE: Record<UserStatus, Prisma.UserWhereInput> = {
  active: { active: true, passwordHash: { not: null } },
  invited: { active: true, passwordHash: null },
  deactivated: { active: false },
}

/** Role assignments held in a place; a region also matches its organisations and the services that serve them. */
function placeWhere(place: Place): Prisma.RoleAssignmentWhereInput {
  switch (place.kind) {
    case 'SERVICE':
      return { libraryServiceId: place.id }
    case 'ORGANISATION':
      return { organisationId: place.id }
    case 'REGION':
      return {
        OR: [
          { regionId: place.id },
          { organisation: { regionId: place.id } },
          { libraryService: { organisations: { some: { organisation: { regionId: place.id } } } } },
        ],
      }
  }
}

export type UserListItem = {
  id: string
  name: string
  email: string
  jobTitle: string
  status: UserStatus
  roles: string[]
}

/** One page of people matching the filters, by name. */
export async function listUsers(
  actor: Actor,
  filters: UserFilters,
): Promise<{ users: UserListItem[]; total: number; page: number; pageCount: number }> {
  requirePermission(actor, 'user:manage')
  const and: Prisma.UserWhereInput[] = []
  if (filters.q) and.push({ OR: [{ name: { contains: filters.q } }, { email: { contains: filters.q.toLowerCase() } }] })
  if (filters.role || filters.place) {
    and.push({
      roles: {
        some: { ...(filters.role ? { role: filters.role } : {}), ...(filters.place ? placeWhere(filters.place) : {}) },
      },
    })
  }
  if (filters.status) and.push(STATUS_WHERE[filters.status])
  const where: Prisma.UserWhereInput = and.length ? { AND: and } : {}
  const total = await prisma.user.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  const page = Math.min(filters.page, pageCount)
  const rows = await prisma.user.findMany({
    where,
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      active: true,
      passwordHash: true,
      roles: { select: ROLE_SELECT, orderBy: { createdAt: 'asc' } },
    },
  })
  return {
    users: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      jobTitle: row.jobTitle,
      status: statusOf(row),
      roles: row.roles.map(describeRole),
    })),
    total,
    page,
    pageCount,
  }
}

export type PlaceOption = { value: string; text: string }

/** The library services, organisations and regions a role can be held in (active ones only). */
export async function placeOptions(
  actor: Actor,
  now = new Date(),
): Promise<{ services: PlaceOption[]; organisations: PlaceOption[]; regions: PlaceOption[] }> {
  requirePermission(actor, 'user:manage')
  const [services, organisations, regions] = await Promise.all([
    prisma.libraryService.findMany({
      where: { active: true },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.organisation.findMany({
      where: { OR: [{ activeTo: null }, { activeTo: { gt: now } }] },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, odsCode: true },
    }),
    prisma.region.findMany({
      where: { OR: [{ validTo: null }, { validTo: { gt: now } }] },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
  ])
  return {
    services: services.map((s) => ({ value: placeValue('SERVICE', s.id), text: s.name })),
    organisations: organisations.map((o) => ({
      value: placeValue('ORGANISATION', o.id),
      text: `${o.name} (${o.odsCode})`,
    })),
    regions: regions.map((r) => ({ value: placeValue('REGION', r.id), text: r.name })),
  }
}

/** The place's name when it exists and is active, else null. */
async function placeName(db: Db, place: Place, now: Date): Promise<string | null> {
  switch (place.kind) {
    case 'SERVICE':
      return (
        (await db.libraryService.findFirst({ where: { id: place.id, active: true }, select: { name: true } }))?.name ??
        null
      )
    case 'ORGANISATION':
      return (
        (
          await db.organisation.findFirst({
            where: { id: place.id, OR: [{ activeTo: null }, { activeTo: { gt: now } }] },
            select: { name: true },
          })
        )?.name ?? null
      )
    case 'REGION':
      return (
        (
          await db.region.findFirst({
            where: { id: place.id, OR: [{ validTo: null }, { validTo: { gt: now } }] },
            select: { name: true },
          })
        )?.name ?? null
      )
  }
}

const PLACE_MISSING: Record<Place['kind'], string> = {
  SERVICE: 'Select a library service from the list',
  ORGANISATION: 'Select an organisation from the list',
  REGION: 'Select a region from the list',
}

function assignmentData(assignment: Assignment) {
  const place = assignment.place
  return {
    role: assignment.role,
    libraryServiceId: place?.kind === 'SERVICE' ? place.id : null,
    organisationId: place?.kind === 'ORGANISATION' ? place.id : null,
    regionId: place?.kind === 'REGION' ? place.id : null,
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code?: string }).code === 'P2002'
}

type Delivery = { origin: string; ipAddress: string }

async function sendInvitation(input: {
  token: string
  expiresAt: Date
  email: string
  name: string
  invitedBy: string
  roles: string[]
  origin: string
}): Promise<boolean> {
  const message = invitationMessage({
    origin: input.origin,
    token: input.token,
    name: input.name,
    invitedBy: input.invitedBy,
    roles: input.roles,
    expiresAt: input.expiresAt,
  })
  return (await sendEmailSafely({ ...message, to: [input.email] }))?.sent === true
}

/**
 * Invitation emails are limited per admin and per address an hour (the address's quota is shared
 * with password reset emails). Returns the refusal in plain words, or null.
 */
async function takeInvitationQuota(actor: Actor, email: string): Promise<string | null> {
  const env = getEnv()
  const byAdmin = await takeFromQuota(`invitations:admin:${actor.id}`, {
    points: env.INVITATIONS_PER_ADMIN_PER_HOUR,
    durationSeconds: 60 * 60,
  })
  if (byAdmin > 0)
    return `You have sent ${env.INVITATIONS_PER_ADMIN_PER_HOUR} invitations in the last hour. Wait ${waitInWords(byAdmin)} and try again`
  const byAddress = await takeFromQuota(`account-email:${email.trim().toLowerCase()}`, {
    points: env.ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR,
    durationSeconds: 60 * 60,
  })
  if (byAddress > 0)
    return `This email address has been sent ${env.ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR} account emails in the last hour. Wait ${waitInWords(byAddress)} and try again`
  return null
}

async function actorName(actor: Actor): Promise<string> {
  return (
    (await prisma.user.findUnique({ where: { id: actor.id }, select: { name: true } }))?.name ?? 'The national team'
  )
}

/**
 * Creates the account (no password yet) with its roles and sends the invitation. An email that
 * already has an account is refused; `emailSent` is false when the message could not go.
 */
export async function inviteUser(
  actor: Actor,
  input: InviteInput,
  delivery: Delivery,
  now = new Date(),
): Promise<{ ok: true; userId: string; emailSent: boolean } | Failure> {
  requirePermission(actor, 'user:manage')
  const wait = await takeInvitationQuota(actor, input.email)
  if (wait) return { ok: false, field: 'email', message: wait }
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { active: true } })
  if (existing?.active)
    return { ok: false, field: 'email', message: 'There is already an account for this email address' }
  if (existing)
    return {
      ok: false,
      field: 'email',
      message:
        'There is already an account for this email address, which has been deactivated. Reactivate it from the list of people',
    }
  const roles: string[] = []
  for (const [index, assignment] of input.assignments.entries()) {
    const name = assignment.place ? await placeName(prisma, assignment.place, now) : 'England'
    if (!name) return { ok: false, field: `place${index + 1}`, message: PLACE_MISSING[assignment.place!.kind] }
    roles.push(`${ROLE_LABELS[assignment.role]}, ${name}`)
  }
  let created: { userId: string; token: string; expiresAt: Date }
  try {
    created = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          jobTitle: input.jobTitle,
          passwordHash: null,
          roles: { create: input.assignments.map(assignmentData) },
        },
        select: { id: true },
      })
      const { token, expiresAt } = await issueUserToken(tx, {
        userId: user.id,
        purpose: 'INVITATION',
        createdById: actor.id,
        now,
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'user.invited',
        entityType: 'User',
        entityId: user.id,
        after: {
          email: input.email,
          name: input.name,
          jobTitle: input.jobTitle,
          roles: input.assignments.map(assignmentData),
          invitationExpiresAt: expiresAt,
        },
        ipAddress: delivery.ipAddress,
      })
      return { userId: user.id, token, expiresAt }
    })
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, field: 'email', message: 'There is already an account for this email address' }
    throw error
  }
  const emailSent = await sendInvitation({
    ...created,
    email: input.email,
    name: input.name,
    invitedBy: await actorName(actor),
    roles,
    origin: delivery.origin,
  })
  return { ok: true, userId: created.userId, emailSent }
}

export type UserDetail = {
  id: string
  name: string
  email: string
  jobTitle: string
  status: UserStatus
  version: string
  createdAt: Date
  lastSignInAt: Date | null
  invitationExpiresAt: Date | null
  /** Whether they have set up two-step verification. */
  twoStepEnabled: boolean
  roles: Array<{ id: string; role: Role; description: string }>
}

/** One person for the admin page, or null when there is no such account. */
export async function getUserForAdmin(actor: Actor, userId: string): Promise<UserDetail | null> {
  requirePermission(actor, 'user:manage')
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      active: true,
      passwordHash: true,
      updatedAt: true,
      createdAt: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      roles: { select: ROLE_SELECT, orderBy: { createdAt: 'asc' } },
      tokens: {
        where: { purpose: 'INVITATION', usedAt: null },
        orderBy: { expiresAt: 'desc' },
        take: 1,
        select: { expiresAt: true },
      },
    },
  })
  if (!user) return null
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    jobTitle: user.jobTitle,
    status: statusOf(user),
    version: user.updatedAt.toISOString(),
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
    invitationExpiresAt: user.passwordHash ? null : (user.tokens[0]?.expiresAt ?? null),
    twoStepEnabled: user.totpEnabledAt !== null,
    roles: user.roles.map((row) => ({ id: row.id, role: row.role as Role, description: describeRole(row) })),
  }
}

/**
 * Claims the person's record at the version the admin saw, moving the version on. False when
 * someone else changed it first (or it does not exist).
 */
async function claimVersion(db: Db, userId: string, version: string, now: Date): Promise<boolean> {
  const seen = new Date(version)
  if (Number.isNaN(seen.getTime())) return false
  const next = new Date(Math.max(now.getTime(), seen.getTime() + 1))
  const { count } = await db.user.updateMany({ where: { id: userId, updatedAt: seen }, data: { updatedAt: next } })
  return count === 1
}

class Refused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message)
  }
}

/** Runs a change to one person inside a transaction, after claiming its version. */
async function changeUser(
  userId: string,
  version: string,
  now: Date,
  change: (tx: Db) => Promise<void>,
): Promise<{ ok: true } | Failure> {
  try {
    await prisma.$transaction(async (tx) => {
      if (!(await claimVersion(tx, userId, version, now))) throw new Refused({ ok: false, message: STALE_MESSAGE })
      await change(tx)
    })
    return { ok: true }
  } catch (error) {
    if (error instanceof Refused) return error.failure
    if (isUniqueViolation(error))
      return { ok: false, field: 'role', message: 'They already have this role in this place' }
    throw error
  }
}

type Change = { userId: string; version: string; ipAddress: string; now?: Date }

export async function addRoleAssignment(
  actor: Actor,
  input: Change & { assignment: Assignment },
): Promise<{ ok: true } | Failure> {
  requirePermission(actor, 'user:manage')
  const now = input.now ?? new Date()
  const { assignment } = input
  if (assignment.place && !(await placeName(prisma, assignment.place, now)))
    return { ok: false, field: 'place', message: PLACE_MISSING[assignment.place.kind] }
  return changeUser(input.userId, input.version, now, async (tx) => {
    const data = assignmentData(assignment)
    const duplicate = await tx.roleAssignment.findFirst({
      where: { userId: input.userId, ...data },
      select: { id: true },
    })
    if (duplicate) throw new Refused({ ok: false, field: 'role', message: 'They already have this role in this place' })
    const created = await tx.roleAssignment.create({ data: { userId: input.userId, ...data }, select: { id: true } })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role_added',
      entityType: 'User',
      entityId: input.userId,
      after: { assignmentId: created.id, ...data },
      ipAddress: input.ipAddress,
    })
  })
}

export async function removeRoleAssignment(
  actor: Actor,
  input: Change & { assignmentId: string },
): Promise<{ ok: true } | Failure> {
  requirePermission(actor, 'user:manage')
  const now = input.now ?? new Date()
  return changeUser(input.userId, input.version, now, async (tx) => {
    const row = await tx.roleAssignment.findFirst({
      where: { id: input.assignmentId, userId: input.userId },
      select: { id: true, role: true, libraryServiceId: true, organisationId: true, regionId: true },
    })
    if (!row) throw new Refused({ ok: false, message: STALE_MESSAGE })
    if (input.userId === actor.id && row.role === 'NATIONAL_ADMIN') {
      throw new Refused({
        ok: false,
        message: 'You cannot remove your own national admin role. Ask another national admin to do it',
      })
    }
    await tx.roleAssignment.delete({ where: { id: row.id }, select: { id: true } })
    const { id, ...before } = row
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.role_removed',
      entityType: 'User',
      entityId: input.userId,
      before: { assignmentId: id, ...before },
      ipAddress: input.ipAddress,
    })
  })
}

/**
 * Deactivating ends every session of the person at once and withdraws their unused links;
 * reactivating lets them sign in again with their password (or a new invitation).
 */
export async function setUserActive(
  actor: Actor,
  input: Change & { active: boolean },
): Promise<{ ok: true } | Failure> {
  requirePermission(actor, 'user:manage')
  const now = input.now ?? new Date()
  if (!input.active && input.userId === actor.id)
    return { ok: false, message: 'You cannot deactivate your own account. Ask another national admin to do it' }
  return changeUser(input.userId, input.version, now, async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: input.userId, active: !input.active },
      data: { active: input.active },
    })
    if (count === 0) throw new Refused({ ok: false, message: STALE_MESSAGE })
    if (!input.active) {
      await tx.session.deleteMany({ where: { userId: input.userId } })
      await withdrawUserTokens(tx, input.userId)
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.active ? 'user.reactivated' : 'user.deactivated',
      entityType: 'User',
      entityId: input.userId,
      before: { active: !input.active },
      after: { active: input.active },
      ipAddress: input.ipAddress,
    })
  })
}

/**
 * Resets someone's second factor (a lost or replaced phone): their authenticator secret and
 * recovery codes go and they are signed out everywhere; they set it up again at their next sign-in.
 */
export async function resetTwoStep(actor: Actor, input: Change): Promise<{ ok: true } | Failure> {
  requirePermission(actor, 'user:manage')
  return changeUser(input.userId, input.version, input.now ?? new Date(), async (tx) => {
    const target = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { totpEnabledAt: true } })
    if (!target.totpEnabledAt) throw new Refused({ ok: false, message: 'They have not set up two-step verification' })
    await resetSecondFactor(tx, { actorId: actor.id, userId: input.userId, ipAddress: input.ipAddress })
  })
}

/** A new invitation link for someone who has not set up their account; earlier links stop working. */
export async function resendInvitation(
  actor: Actor,
  input: Change & { origin: string },
): Promise<{ ok: true; emailSent: boolean } | Failure> {
  requirePermission(actor, 'user:manage')
  const target = await prisma.user.findUnique({ where: { id: input.userId }, select: { email: true } })
  const wait = target ? await takeInvitationQuota(actor, target.email) : null
  if (wait) return { ok: false, message: wait }
  const now = input.now ?? new Date()
  let issued: { token: string; expiresAt: Date; email: string; name: string; roles: string[] } | undefined
  const result = await changeUser(input.userId, input.version, now, async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: input.userId },
      select: {
        email: true,
        name: true,
        active: true,
        passwordHash: true,
        roles: { select: ROLE_SELECT, orderBy: { createdAt: 'asc' } },
      },
    })
    if (!user.active)
      throw new Refused({ ok: false, message: 'Reactivate the account before sending the invitation again' })
    if (user.passwordHash) throw new Refused({ ok: false, message: 'They have already set up their account' })
    const { token, expiresAt } = await issueUserToken(tx, {
      userId: input.userId,
      purpose: 'INVITATION',
      createdById: actor.id,
      now,
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'user.invitation_resent',
      entityType: 'User',
      entityId: input.userId,
      after: { invitationExpiresAt: expiresAt },
      ipAddress: input.ipAddress,
    })
    issued = { token, expiresAt, email: user.email, name: user.name, roles: user.roles.map(describeRole) }
  })
  if (!result.ok || !issued) return result.ok ? { ok: false, message: STALE_MESSAGE } : result
  const emailSent = await sendInvitation({ ...issued, invitedBy: await actorName(actor), origin: input.origin })
  return { ok: true, emailSent }
}
