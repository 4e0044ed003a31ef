import { prisma } from '~/utils/db.server'
import { organisationScope, regionScope, submissionScope, type Actor } from '~/modules/auth/permissions'


/** An organisation and its submissions as the user may see them, or null when out of reach. */
export async function getOrganisationForUser(actor: Actor, organisationId: string) {
  return prisma.organisation.findFirst({
    where: { id: organisationId, ...organisationScope(actor, 'organisation:view') },
    select: {
      id: true,
      name: true,
      odsCode: true,
      type: true,
      activeFrom: true,
      activeTo: true,
      region: { select: { id: true, name: true } },
      services: { where: { servesTo: null }, select: { libraryService: { select: { name: true } } } },
      submissions: {
        where: submissionScope(actor, 'submission:view'),
        orderBy: { cycle: { opensAt: 'desc' } },
        select: { id: true, reference: true, status: true, submittedAt: true, cycle: { select: { name: true } } },
      },
    },
  })
}

/** A region's organisations and their submissions in open cycles, for regional leads and national roles. */
export async function getRegionForUser(actor: Actor, regionId: string) {
  const scope = submissionScope(actor, 'submission:view')
  return prisma.region.findFirst({
    where: { AND: [{ id: regionId }, regionScope(actor, 'dashboard:regional')] },
    select: {
      id: true,
      name: true,
      code: true,
      organisations: {
        orderBy: { name: 'asc' },
        select: {
          id: true,
          name: true,
          odsCode: true,
          type: true,
          services: { where: { servesTo: null }, select: { libraryService: { select: { name: true } } } },
          submissions: {
            where: { AND: [scope, { cycle: { status: 'OPEN' } }] },
            orderBy: { cycle: { opensAt: 'desc' } },
            select: { id: true, status: true, cycle: { select: { name: true } } },
          },
        },
      },
    },
  })
}

/** Every region, by name: the places reports and dashboards can be scoped to. */
export async function listRegions() {
  return prisma.region.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } })
}
