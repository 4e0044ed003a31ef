// Managing library services (issue 7): their name, whether they are active, their evidence quota,
// and which organisations they serve. Serving is effective-dated: adding an organisation starts
// it today, stopping ends it today, and the row stays as history. Every change is audited in the
// transaction that makes it; the details form only saves over the version the admin saw.
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { recordAudit } from '~/modules/audit/audit.server'
import { getEnv } from '~/utils/env.server'
import { prisma } from '~/utils/db.server'
import { effectiveToday, isActive } from './admin.server'
import type { LibraryServiceInput } from './schema'

const MB = 1024 * 1024

export type ServiceSaveResult<T> =
  { ok: true; value: T } | { ok: false; field: 'name' | 'organisationId' | 'form'; message: string }

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
const nameTaken = (name: string) => `A library service called ‘${name}’ already exists. Enter a different name`
const serving = (link: { servesFrom: Date; servesTo: Date | null }, now: Date) =>
  link.servesFrom <= now && (link.servesTo === null || link.servesTo > now)

function auditView(s: { name: string; active: boolean; evidenceQuotaBytes: number | null }) {
  return { name: s.name, active: s.active, evidenceQuotaBytes: s.evidenceQuotaBytes }
}

/** Every library service, by name, with the organisations it serves now. */
export async function listLibraryServicesForAdmin(actor: Actor, now = new Date()) {
  requirePermission(actor, 'organisation:manage')
  const services = await prisma.libraryService.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      active: true,
      organisations: {
        orderBy: { organisation: { name: 'asc' } },
        select: { servesFrom: true, servesTo: true, organisation: { select: { name: true, odsCode: true } } },
      },
    },
  })
  return services.map((s) => ({
    id: s.id,
    name: s.name,
    active: s.active,
    serves: s.organisations
      .filter((link) => serving(link, now))
      .map((link) => ({ name: link.organisation.name, odsCode: link.organisation.odsCode })),
  }))
}

/** A library service for its admin page: details, who it serves and served, and who it could serve. */
export async function getLibraryServiceForAdmin(actor: Actor, libraryServiceId: string, now = new Date()) {
  requirePermission(actor, 'organisation:manage')
  const service = await prisma.libraryService.findUnique({
    where: { id: libraryServiceId },
    select: {
      id: true,
      name: true,
      active: true,
      evidenceQuotaBytes: true,
      updatedAt: true,
      organisations: {
        orderBy: { organisation: { name: 'asc' } },
        select: {
          servesFrom: true,
          servesTo: true,
          organisation: { select: { id: true, name: true, odsCode: true, activeTo: true } },
        },
      },
    },
  })
  if (!service) return null
  const current = service.organisations.filter((link) => serving(link, now))
  const currentIds = new Set(current.map((link) => link.organisation.id))
  const candidates = await prisma.organisation.findMany({
    where: { id: { notIn: [...currentIds] }, OR: [{ activeTo: null }, { activeTo: { gt: now } }] },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, odsCode: true },
  })
  const row = (link: (typeof service.organisations)[number]) => ({
    id: link.organisation.id,
    name: link.organisation.name,
    odsCode: link.organisation.odsCode,
    active: isActive(link.organisation, now),
    servesFrom: link.servesFrom,
    servesTo: link.servesTo,
  })
  return {
    id: service.id,
    name: service.name,
    active: service.active,
    quotaMb: service.evidenceQuotaBytes === null ? null : Math.round(service.evidenceQuotaBytes / MB),
    defaultQuotaMb: getEnv().SERVICE_QUOTA_MB,
    version: service.updatedAt.toISOString(),
    serving: current.map(row),
    served: service.organisations.filter((link) => !currentIds.has(link.organisation.id)).map(row),
    candidates,
  }
}

export async function createLibraryService(input: {
  actor: Actor
  values: LibraryServiceInput
  ipAddress?: string
}): Promise<ServiceSaveResult<{ id: string }>> {
  const { actor, values } = input
  requirePermission(actor, 'organisation:manage')
  const data = {
    name: values.name,
    active: values.active,
    evidenceQuotaBytes: values.quotaMb === null ? null : values.quotaMb * MB,
  }
  try {
    const id = await prisma.$transaction(async (tx) => {
      const created = await tx.libraryService.create({ data, select: { id: true } })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'library_service.created',
        entityType: 'LibraryService',
        entityId: created.id,
        after: auditView(data),
        ipAddress: input.ipAddress,
      })
      return created.id
    })
    return { ok: true, value: { id } }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: 'name', message: nameTaken(values.name) }
    throw error
  }
}

class StaleVersion extends Error {}

export async function updateLibraryService(input: {
  actor: Actor
  libraryServiceId: string
  values: LibraryServiceInput
  ipAddress?: string
}): Promise<ServiceSaveResult<{ id: string }>> {
  const { actor, values, libraryServiceId } = input
  requirePermission(actor, 'organisation:manage')
  const data = {
    name: values.name,
    active: values.active,
    evidenceQuotaBytes: values.quotaMb === null ? null : values.quotaMb * MB,
  }
  try {
    await prisma.$transaction(async (tx) => {
      const before = await tx.libraryService.findUnique({
        where: { id: libraryServiceId },
        select: { name: true, active: true, evidenceQuotaBytes: true, updatedAt: true },
      })
      if (!before) throw new Response('Library service not found', { status: 404 })
      if (before.updatedAt.toISOString() !== values.version) throw new StaleVersion()
      const { count } = await tx.libraryService.updateMany({
        where: { id: libraryServiceId, updatedAt: before.updatedAt },
        data,
      })
      if (count !== 1) throw new StaleVersion()
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'library_service.updated',
        entityType: 'LibraryService',
        entityId: libraryServiceId,
        before: auditView(before),
        after: auditView(data),
        ipAddress: input.ipAddress,
      })
    })
    return { ok: true, value: { id: libraryServiceId } }
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: 'name', message: nameTaken(values.name) }
    if (error instanceof StaleVersion)
      return {
        ok: false,
        field: 'form',
        message:
          'Someone else changed this library service while you were editing it. Check the details, then save again',
      }
    throw error
  }
}

/**
 * Starts serving an organisation today. The table keeps one row per service and organisation, so
 * serving one again after stopping reopens that row; the audit event keeps the earlier dates.
 */
export async function addServedOrganisation(input: {
  actor: Actor
  libraryServiceId: string
  organisationId: string
  ipAddress?: string
  now?: Date
}): Promise<ServiceSaveResult<{ organisationName: string }>> {
  const { actor, libraryServiceId, organisationId } = input
  requirePermission(actor, 'organisation:manage')
  const now = input.now ?? new Date()
  const organisation = await prisma.organisation.findUnique({
    where: { id: organisationId },
    select: { name: true, activeTo: true },
  })
  if (!organisation || !isActive(organisation, now))
    return { ok: false, field: 'organisationId', message: 'Select an organisation' }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.serviceOrganisation.findUnique({
      where: { libraryServiceId_organisationId: { libraryServiceId, organisationId } },
      select: { servesFrom: true, servesTo: true },
    })
    if (existing && serving(existing, now))
      return {
        ok: false as const,
        field: 'organisationId' as const,
        message: `This service already serves ${organisation.name}`,
      }
    const servesFrom = effectiveToday(now)
    await tx.serviceOrganisation.upsert({
      where: { libraryServiceId_organisationId: { libraryServiceId, organisationId } },
      create: { libraryServiceId, organisationId, servesFrom },
      update: { servesFrom, servesTo: null },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'library_service.organisation_added',
      entityType: 'LibraryService',
      entityId: libraryServiceId,
      before: existing
        ? {
            organisationId,
            servesFrom: existing.servesFrom.toISOString(),
            servesTo: existing.servesTo?.toISOString() ?? null,
          }
        : undefined,
      after: { organisationId, servesFrom: servesFrom.toISOString(), servesTo: null },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, value: { organisationName: organisation.name } }
  })
}

/** Stops serving an organisation today; the row stays with its dates. */
export async function stopServingOrganisation(input: {
  actor: Actor
  libraryServiceId: string
  organisationId: string
  ipAddress?: string
  now?: Date
}): Promise<ServiceSaveResult<{ organisationName: string }>> {
  const { actor, libraryServiceId, organisationId } = input
  requirePermission(actor, 'organisation:manage')
  const now = input.now ?? new Date()
  return prisma.$transaction(async (tx) => {
    const link = await tx.serviceOrganisation.findUnique({
      where: { libraryServiceId_organisationId: { libraryServiceId, organisationId } },
      select: { servesFrom: true, servesTo: true, organisation: { select: { name: true } } },
    })
    if (!link || !serving(link, now))
      return { ok: false as const, field: 'form' as const, message: 'This service no longer serves that organisation' }
    const servesTo = effectiveToday(now)
    await tx.serviceOrganisation.update({
      where: { libraryServiceId_organisationId: { libraryServiceId, organisationId } },
      data: { servesTo },
      select: { servesTo: true },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'library_service.organisation_stopped',
      entityType: 'LibraryService',
      entityId: libraryServiceId,
      before: { organisationId, servesFrom: link.servesFrom.toISOString(), servesTo: null },
      after: { organisationId, servesFrom: link.servesFrom.toISOString(), servesTo: servesTo.toISOString() },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, value: { organisationName: link.organisation.name } }
  })
}
