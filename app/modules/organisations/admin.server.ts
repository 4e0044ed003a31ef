// Managing organisations (issue 7): the national admin's list, create, edit, deactivate and
// reactivate. Organisations are never deleted: submissions, roles and library services refer to
// them. Every change is audited in the transaction that makes it, and an edit only lands on the
// version of the organisation the admin was looking at, so two admins cannot overwrite each other.
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { recordAudit } from '~/modules/audit/audit.server'
import { prisma, type Prisma } from '~/utils/db.server'
import { ORGANISATION_TYPE_LABELS } from './labels'
import type { OrganisationFilter, OrganisationInput } from './schema'
import { londonDayAsUtc } from '~/utils/dates'

export const ORGANISATIONS_PAGE_SIZE = 25

/** Today's date in London, as midnight UTC (how effective dates are stored), never later than now. */
export function effectiveToday(now = new Date()): Date {
  return new Date(Math.min(londonDayAsUtc(now).getTime(), now.getTime()))
}

/** An organisation is active until its activeTo date (exclusive), as cycles/rules.ts reads it. */
export function isActive(organisation: { activeTo: Date | null }, now = new Date()): boolean {
  return organisation.activeTo === null || organisation.activeTo > now
}

export type SaveResult<T> =
  { ok: true; value: T } | { ok: false; field: 'odsCode' | 'form'; message: string; current?: Record<string, string> }

const CONFLICT =
  'Someone else changed this organisation while you were editing it. Check their changes below, then save again to keep yours'

function auditView(o: { odsCode: string; name: string; type: string; regionId: string; activeTo?: Date | null }) {
  return {
    odsCode: o.odsCode,
    name: o.name,
    type: o.type,
    regionId: o.regionId,
    ...(o.activeTo !== undefined ? { activeTo: o.activeTo?.toISOString() ?? null } : {}),
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002'
}

/** One page of organisations matching the filters, by name. */
export async function listOrganisationsForAdmin(actor: Actor, filter: OrganisationFilter, now = new Date()) {
  requirePermission(actor, 'organisation:manage')
  const conditions: Prisma.OrganisationWhereInput[] = []
  if (filter.q)
    conditions.push({ OR: [{ name: { contains: filter.q } }, { odsCode: { contains: filter.q.toUpperCase() } }] })
  if (filter.region) conditions.push({ regionId: filter.region })
  if (filter.type) conditions.push({ type: filter.type })
  if (filter.status === 'active') conditions.push({ OR: [{ activeTo: null }, { activeTo: { gt: now } }] })
  if (filter.status === 'inactive') conditions.push({ activeTo: { lte: now } })
  const where: Prisma.OrganisationWhereInput = { AND: conditions }
  const total = await prisma.organisation.count({ where })
  const pageCount = Math.max(1, Math.ceil(total / ORGANISATIONS_PAGE_SIZE))
  const page = Math.min(filter.page, pageCount)
  const rows = await prisma.organisation.findMany({
    where,
    orderBy: [{ name: 'asc' }, { odsCode: 'asc' }],
    skip: (page - 1) * ORGANISATIONS_PAGE_SIZE,
    take: ORGANISATIONS_PAGE_SIZE,
    select: {
      id: true,
      odsCode: true,
      name: true,
      type: true,
      activeTo: true,
      region: { select: { name: true } },
      services: {
        where: { OR: [{ servesTo: null }, { servesTo: { gt: now } }] },
        select: { libraryService: { select: { name: true } } },
      },
    },
  })
  return {
    total,
    page,
    pageCount,
    pageSize: ORGANISATIONS_PAGE_SIZE,
    organisations: rows.map((o) => ({
      id: o.id,
      odsCode: o.odsCode,
      name: o.name,
      typeLabel: ORGANISATION_TYPE_LABELS[o.type] ?? o.type,
      regionName: o.region.name,
      active: isActive(o, now),
      services: o.services.map((s) => s.libraryService.name),
    })),
  }
}

/** Every region, with its code, for the forms and the import. */
export async function listRegionsForAdmin(actor: Actor) {
  requirePermission(actor, 'organisation:manage')
  return prisma.region.findMany({ orderBy: { name: 'asc' }, select: { id: true, code: true, name: true } })
}

/** An organisation as the edit form shows it, or null. `version` is what a save must match. */
export async function getOrganisationForAdmin(actor: Actor, organisationId: string, now = new Date()) {
  requirePermission(actor, 'organisation:manage')
  const o = await prisma.organisation.findUnique({
    where: { id: organisationId },
    select: {
      id: true,
      odsCode: true,
      name: true,
      type: true,
      regionId: true,
      activeFrom: true,
      activeTo: true,
      updatedAt: true,
      region: { select: { name: true } },
      services: {
        orderBy: { servesFrom: 'asc' },
        select: { servesFrom: true, servesTo: true, libraryService: { select: { id: true, name: true } } },
      },
      _count: { select: { submissions: true } },
    },
  })
  if (!o) return null
  return {
    id: o.id,
    odsCode: o.odsCode,
    name: o.name,
    type: o.type,
    regionId: o.regionId,
    regionName: o.region.name,
    activeFrom: o.activeFrom,
    activeTo: o.activeTo,
    active: isActive(o, now),
    version: o.updatedAt.toISOString(),
    submissionCount: o._count.submissions,
    services: o.services.map((s) => ({
      id: s.libraryService.id,
      name: s.libraryService.name,
      servesFrom: s.servesFrom,
      servesTo: s.servesTo,
    })),
  }
}

async function regionExists(regionId: string): Promise<boolean> {
  return (await prisma.region.count({ where: { id: regionId } })) > 0
}

const odsTaken = (odsCode: string) =>
  `An organisation with ODS code ${odsCode} already exists. Enter a different ODS code or edit that organisation`

export async function createOrganisation(input: {
  actor: Actor
  values: OrganisationInput
  ipAddress?: string
  now?: Date
}): Promise<SaveResult<{ id: string }>> {
  const { actor, values } = input
  requirePermission(actor, 'organisation:manage')
  if (!(await regionExists(values.regionId))) return { ok: false, field: 'form', message: 'Select a region' }
  const now = input.now ?? new Date()
  try {
    const id = await prisma.$transaction(async (tx) => {
      const created = await tx.organisation.create({
        data: {
          odsCode: values.odsCode,
          name: values.name,
          type: values.type,
          regionId: values.regionId,
          activeFrom: effectiveToday(now),
        },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'organisation.created',
        entityType: 'Organisation',
        entityId: created.id,
        after: auditView(values),
        ipAddress: input.ipAddress,
      })
      return created.id
    })
    return { ok: true, value: { id } }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: 'odsCode', message: odsTaken(values.odsCode) }
    throw error
  }
}

class StaleVersion extends Error {}

/**
 * Saves the edit form. Refused when the organisation changed since `values.version` was read: the
 * answer carries what it says now, so the admin can compare before saving again.
 */
export async function updateOrganisation(input: {
  actor: Actor
  organisationId: string
  values: OrganisationInput
  ipAddress?: string
}): Promise<SaveResult<{ id: string }>> {
  const { actor, values, organisationId } = input
  requirePermission(actor, 'organisation:manage')
  if (!(await regionExists(values.regionId))) return { ok: false, field: 'form', message: 'Select a region' }
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.organisation.findUnique({
        where: { id: organisationId },
        select: { odsCode: true, name: true, type: true, regionId: true, updatedAt: true },
      })
      if (!before) throw new Response('Organisation not found', { status: 404 })
      if (!values.version || before.updatedAt.toISOString() !== values.version) throw new StaleVersion()
      const { count } = await tx.organisation.updateMany({
        where: { id: organisationId, updatedAt: before.updatedAt },
        data: { odsCode: values.odsCode, name: values.name, type: values.type, regionId: values.regionId },
      })
      if (count !== 1) throw new StaleVersion()
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'organisation.updated',
        entityType: 'Organisation',
        entityId: organisationId,
        before: auditView(before),
        after: auditView(values),
        ipAddress: input.ipAddress,
      })
    })
    return { ok: true, value: { id: organisationId } }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: 'odsCode', message: odsTaken(values.odsCode) }
    if (error instanceof StaleVersion) {
      const current = await prisma.organisation.findUnique({
        where: { id: organisationId },
        select: { odsCode: true, name: true, type: true, region: { select: { name: true } } },
      })
      return {
        ok: false,
        field: 'form',
        message: CONFLICT,
        current: current
          ? {
              'ODS code': current.odsCode,
              Name: current.name,
              Type: ORGANISATION_TYPE_LABELS[current.type] ?? current.type,
              Region: current.region.name,
            }
          : undefined,
      }
    }
    throw error
  }
}

/**
 * Deactivates (activeTo = today) or reactivates (activeTo cleared) an organisation. History stays:
 * its submissions, roles and library services are untouched, and it no longer joins new cycles.
 */
export async function setOrganisationActive(input: {
  actor: Actor
  organisationId: string
  active: boolean
  version: string
  ipAddress?: string
  now?: Date
}): Promise<SaveResult<{ name: string }>> {
  const { actor, organisationId } = input
  requirePermission(actor, 'organisation:manage')
  const now = input.now ?? new Date()
  try {
    const name = await prisma.$transaction(async (tx) => {
      const before = await tx.organisation.findUnique({
        where: { id: organisationId },
        select: { name: true, activeTo: true, updatedAt: true },
      })
      if (!before) throw new Response('Organisation not found', { status: 404 })
      if (before.updatedAt.toISOString() !== input.version) throw new StaleVersion()
      const activeTo = input.active ? null : effectiveToday(now)
      const { count } = await tx.organisation.updateMany({
        where: { id: organisationId, updatedAt: before.updatedAt },
        data: { activeTo },
      })
      if (count !== 1) throw new StaleVersion()
      await recordAudit(tx, {
        actorId: actor.id,
        action: input.active ? 'organisation.reactivated' : 'organisation.deactivated',
        entityType: 'Organisation',
        entityId: organisationId,
        before: { activeTo: before.activeTo?.toISOString() ?? null },
        after: { activeTo: activeTo?.toISOString() ?? null },
        ipAddress: input.ipAddress,
      })
      return before.name
    })
    return { ok: true, value: { name } }
  } catch (error) {
    if (error instanceof StaleVersion)
      return {
        ok: false,
        field: 'form',
        message: 'Someone else changed this organisation while you were looking at it. Check it and try again',
      }
    throw error
  }
}
