import { prisma } from '~/utils/db.server'
import { ROLE_LABELS, type RoleGrant } from './roles'

/** "Service lead, Ribble Valley Library and Knowledge Service" for each of the user's grants. */
export async function describeGrants(grants: readonly RoleGrant[]): Promise<string[]> {
  const ids = (key: 'libraryServiceId' | 'organisationId' | 'regionId') =>
    grants.flatMap((g) => (g[key] ? [g[key]] : []))
  const [services, organisations, regions] = await Promise.all([
    prisma.libraryService.findMany({
      where: { id: { in: ids('libraryServiceId') } },
      select: { id: true, name: true },
    }),
    prisma.organisation.findMany({ where: { id: { in: ids('organisationId') } }, select: { id: true, name: true } }),
    prisma.region.findMany({ where: { id: { in: ids('regionId') } }, select: { id: true, name: true } }),
  ])
  const nameOf = (rows: Array<{ id: string; name: string }>, id: string | null) => rows.find((r) => r.id === id)?.name
  return grants.map((grant) => {
    const scope =
      nameOf(services, grant.libraryServiceId) ??
      nameOf(organisations, grant.organisationId) ??
      nameOf(regions, grant.regionId) ??
      'England'
    return `${ROLE_LABELS[grant.role]}, ${scope}`
  })
}
