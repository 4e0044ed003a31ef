// Peer comparison's data (issue 17, item 2): the published grades of a cycle counted in SQL, and
// the pure rules of results/peers.ts applied at the configured suppression threshold. Callers have
// already checked that the user may read the result or dashboard these figures sit beside.
import { countPublishedGrades, type PublishedGrades } from '~/modules/attainment/attainment.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { getEnv } from '~/utils/env.server'
import { prisma } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import {
  comparePeers,
  regionAgainstNation,
  type PeerComparison,
  type PeerGroup,
  type RegionAgainstNation,
} from './peers'

function nationOf(published: PublishedGrades): PeerGroup {
  const outcomes = new Map<number, number[]>()
  for (const byOutcome of published.gradesByRegion.values()) {
    for (const [number, histogram] of byOutcome) {
      const total = outcomes.get(number) ?? Array<number>(histogram.length).fill(0)
      histogram.forEach((count, steps) => (total[steps]! += count))
      outcomes.set(number, total)
    }
  }
  const organisations = [...published.organisationsByRegion.values()].reduce((a, b) => a + b, 0)
  return { organisations, outcomes }
}

function regionOf(published: PublishedGrades, regionId: string): PeerGroup {
  return {
    organisations: published.organisationsByRegion.get(regionId) ?? 0,
    outcomes: published.gradesByRegion.get(regionId) ?? new Map(),
  }
}

/** An organisation's agreed grades (steps, by outcome) beside its region's and the nation's published results. */
export async function getPeerComparison(input: {
  cycleId: string
  cycleName: string
  regionId: string
  regionName: string
  outcomes: ReadonlyArray<{ number: number; shortTitle: string; ownSteps: number | null }>
}): Promise<PeerComparison> {
  const published = await countPublishedGrades(input.cycleId)
  return comparePeers({
    threshold: getEnv().SUPPRESSION_THRESHOLD,
    cycleName: input.cycleName,
    regionName: input.regionName,
    outcomes: input.outcomes,
    national: nationOf(published),
    regional: regionOf(published, input.regionId),
  })
}

/** A region's published grades per outcome against the nation's: the region's lead and national roles. */
export async function getRegionAgainstNation(
  actor: Actor,
  input: { cycleId: string; regionId: string },
): Promise<RegionAgainstNation> {
  requirePermission(actor, 'dashboard:regional', { regionId: input.regionId })
  const [cycle, region, published] = await Promise.all([
    prisma.cycle.findFirst({
      where: { id: input.cycleId, status: { not: 'DRAFT' } },
      select: {
        name: true,
        edition: { select: { outcomes: { orderBy: { number: 'asc' }, select: { number: true, shortTitle: true } } } },
      },
    }),
    prisma.region.findUnique({ where: { id: input.regionId }, select: { name: true } }),
    countPublishedGrades(input.cycleId),
  ])
  if (!cycle || !region) notFound()
  return regionAgainstNation({
    threshold: getEnv().SUPPRESSION_THRESHOLD,
    cycleName: cycle.name,
    regionName: region.name,
    outcomes: cycle.edition.outcomes,
    national: nationOf(published),
    regional: regionOf(published, input.regionId),
  })
}
