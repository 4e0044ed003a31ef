// The attainment dashboards (issue 6): the national dashboard for national roles and the regional
// dashboard for a region's lead, filled from the SQL aggregations in modules/attainment. Each
// function checks its permission before it reads anything; a regional lead can only ever name a
// region they lead, whatever the URL says.
import { prisma } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import { can, requirePermission, type Actor } from '~/modules/auth/permissions'
import {
  countAgreedGradesWithSelf,
  countChangeSince,
  countPlanItems,
  countRequiredActions,
  countSubmissionsByRegionAndStatus,
  differencesByOutcome,
  levelsByOutcome,
  levelsByRegionAndOutcome,
  listAgreedStepsBySubmission,
  type AttainmentFilter,
} from '~/modules/attainment/attainment.server'
import { medianLevel } from '~/modules/attainment/median'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { SUBMISSION_STATUSES } from '~/modules/submissions/status'
import type { Dashboard, DashboardFilter, DashboardScope, FilterOptions, LevelCounts } from './model'

export type DashboardKind = 'national' | 'regional'

/** The regions a user may see a regional dashboard of: every region for national roles. */
export async function regionsForDashboard(actor: Actor, kind: DashboardKind) {
  const regions = await prisma.region.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } })
  if (kind === 'national') return can(actor, 'dashboard:national') ? regions : []
  return regions.filter((region) => can(actor, 'dashboard:regional', { regionId: region.id }))
}

/** What the filter form offers: cycles that have opened (newest first), editions, regions, organisation types. */
export async function getFilterOptions(actor: Actor, kind: DashboardKind): Promise<FilterOptions> {
  const [cycles, regions] = await Promise.all([
    prisma.cycle.findMany({
      where: { status: { not: 'DRAFT' } },
      orderBy: { opensAt: 'desc' },
      select: { id: true, name: true, edition: { select: { id: true, name: true } } },
    }),
    regionsForDashboard(actor, kind),
  ])
  const editions = [...new Map(cycles.map((c) => [c.edition.id, c.edition])).values()]
  return {
    cycles: cycles.map((c) => ({ id: c.id, name: c.name, editionId: c.edition.id, editionName: c.edition.name })),
    editions,
    regions,
    organisationTypes: Object.entries(ORGANISATION_TYPE_LABELS).map(([value, label]) => ({ value, label })),
  }
}

export type { FilterOptions }

/**
 * The filter to show: the cycle asked for if it exists (and belongs to the chosen edition), else
 * the newest cycle (of that edition); a region or type only if it is one of the options.
 */
export function resolveFilter(asked: Partial<DashboardFilter>, options: FilterOptions): DashboardFilter | null {
  const editionId = options.editions.some((e) => e.id === asked.editionId) ? asked.editionId : undefined
  const cycles = editionId ? options.cycles.filter((c) => c.editionId === editionId) : options.cycles
  const cycle = cycles.find((c) => c.id === asked.cycleId) ?? cycles[0]
  if (!cycle) return null
  return {
    cycleId: cycle.id,
    editionId,
    regionId: options.regions.some((r) => r.id === asked.regionId) ? asked.regionId : undefined,
    organisationType: options.organisationTypes.some((t) => t.value === asked.organisationType)
      ? asked.organisationType
      : undefined,
  }
}

/**
 * A dashboard for the filter. National: 'dashboard:national', optionally narrowed to one region.
 * Regional: 'dashboard:regional' in `filter.regionId` (required). 403 when not allowed, 404 for an
 * unknown cycle or region.
 */
export async function getDashboard(actor: Actor, kind: DashboardKind, filter: DashboardFilter): Promise<Dashboard> {
  if (kind === 'national') requirePermission(actor, 'dashboard:national')
  else {
    if (!filter.regionId) notFound('Choose a region')
    requirePermission(actor, 'dashboard:regional', { regionId: filter.regionId })
  }
  return readDashboard(kind, filter)
}

/**
 * The dashboard's figures without a permission check: for callers that have made their own (the
 * PDF summaries, reports/cycle-summary.server.ts, which give a regional lead the national figures
 * only as published, with suppression). 404 for an unknown cycle or region.
 */
export async function readDashboard(kind: DashboardKind, filter: DashboardFilter): Promise<Dashboard> {
  if (kind === 'regional' && !filter.regionId) notFound('Choose a region')
  const [cycle, region] = await Promise.all([
    prisma.cycle.findFirst({
      where: { id: filter.cycleId, status: { not: 'DRAFT' } },
      select: {
        id: true,
        name: true,
        opensAt: true,
        edition: {
          select: {
            name: true,
            outcomes: { orderBy: { number: 'asc' }, select: { id: true, number: true, shortTitle: true } },
          },
        },
      },
    }),
    filter.regionId
      ? prisma.region.findUnique({ where: { id: filter.regionId }, select: { id: true, name: true } })
      : null,
  ])
  if (!cycle) notFound('Cycle not found')
  if (filter.regionId && !region) notFound('Region not found')
  const previousCycle = await prisma.cycle.findFirst({
    where: { opensAt: { lt: cycle.opensAt }, status: { not: 'DRAFT' } },
    orderBy: { opensAt: 'desc' },
    select: { id: true, name: true },
  })

  const where: AttainmentFilter = {
    cycleId: cycle.id,
    regionId: filter.regionId,
    organisationType: filter.organisationType,
  }
  const [byRegionAndStatus, agreedCounts, change, requiredActions, planItems, organisations] = await Promise.all([
    countSubmissionsByRegionAndStatus(where),
    countAgreedGradesWithSelf(where),
    previousCycle ? countChangeSince(where, previousCycle.id) : new Map<number, never>(),
    countRequiredActions(where),
    countPlanItems(where),
    kind === 'regional' ? listAgreedStepsBySubmission(where) : null,
  ])
  const grades = levelsByOutcome(agreedCounts)
  const heat = levelsByRegionAndOutcome(agreedCounts)
  const calibration = differencesByOutcome(agreedCounts)
  const outcomes = cycle.edition.outcomes
  const scope: DashboardScope =
    kind === 'regional' && region
      ? { kind: 'region', regionId: region.id, regionName: region.name }
      : { kind: 'national' }

  const progressRegions = byRegionAndStatus.map((r) => {
    const counts = r.statusCounts.map((s) => s.count)
    return { regionId: r.regionId, regionName: r.regionName, counts, total: counts.reduce((a, b) => a + b, 0) }
  })
  const totals = SUBMISSION_STATUSES.map((_, i) => progressRegions.reduce((sum, r) => sum + (r.counts[i] ?? 0), 0))

  const requiredByOutcome = outcomes.map((o) => ({
    outcomeNumber: o.number,
    requiredActions: requiredActions.get(o.id)?.total ?? 0,
    openRequiredActions: requiredActions.get(o.id)?.open ?? 0,
  }))

  return {
    scope,
    cycle: { id: cycle.id, name: cycle.name, editionName: cycle.edition.name },
    previousCycle,
    appliedFilters: [
      ...(kind === 'national' && region ? [{ label: 'Region', value: region.name }] : []),
      ...(filter.organisationType
        ? [
            {
              label: 'Organisation type',
              value: ORGANISATION_TYPE_LABELS[filter.organisationType] ?? filter.organisationType,
            },
          ]
        : []),
    ],
    outcomes: outcomes.map(({ number, shortTitle }) => ({ number, shortTitle })),
    progress: {
      statuses: [...SUBMISSION_STATUSES],
      regions: progressRegions,
      totals,
      total: totals.reduce((a, b) => a + b, 0),
    },
    attainment: outcomes.map((o) => {
      const levelCounts: LevelCounts = grades.get(o.id) ?? [0, 0, 0, 0, 0]
      return {
        outcomeNumber: o.number,
        levelCounts,
        graded: levelCounts.reduce((a, b) => a + b, 0),
        medianLevel: medianLevel(levelCounts),
      }
    }),
    heatMap: progressRegions.map((r) => ({
      regionId: r.regionId,
      regionName: r.regionName,
      cells: outcomes.map((o) => {
        const counts = heat.get(r.regionId)?.get(o.id) ?? [0, 0, 0, 0, 0]
        return { outcomeNumber: o.number, medianLevel: medianLevel(counts), graded: counts.reduce((a, b) => a + b, 0) }
      }),
    })),
    calibration: outcomes.map((o) => {
      const differences = calibration.get(o.id) ?? new Map<number, number>()
      let above = 0
      let equal = 0
      let below = 0
      for (const [steps, count] of differences) {
        if (steps > 0) above += count
        else if (steps < 0) below += count
        else equal += count
      }
      return {
        outcomeNumber: o.number,
        compared: above + equal + below,
        above,
        equal,
        below,
        differences: [...differences.entries()]
          .filter(([steps]) => steps !== 0)
          .sort(([a], [b]) => a - b)
          .map(([steps, count]) => ({ steps, count })),
      }
    }),
    change: outcomes.map((o) => {
      const counts = change.get(o.number) ?? { improved: 0, same: 0, declined: 0 }
      return { outcomeNumber: o.number, compared: counts.improved + counts.same + counts.declined, ...counts }
    }),
    actions: {
      requiredActions: requiredByOutcome.reduce((sum, o) => sum + o.requiredActions, 0),
      openRequiredActions: requiredByOutcome.reduce((sum, o) => sum + o.openRequiredActions, 0),
      planItems: planItems.total,
      planItemsComplete: planItems.complete,
      byOutcome: requiredByOutcome,
    },
    organisations:
      organisations?.map((s) => ({
        submissionId: s.submissionId,
        reference: s.reference,
        name: s.organisationName,
        odsCode: s.odsCode,
        organisationType: s.organisationType,
        status: s.status,
        agreedSteps: outcomes.map((o) => s.agreedSteps[o.id] ?? null),
      })) ?? null,
  }
}
