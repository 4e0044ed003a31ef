// The data of the cycle summary report (issues 5 and 17): the national summary and a regional
// summary, built from the dashboard's figures (dashboards/dashboard.server.ts, aggregated in SQL)
// and published through the same suppression as the pages, the CSV and the Excel workbook
// (dashboards/publish.ts), so a PDF never shows a count the dashboard would hide.
//
// Who reads what (docs/decisions/ on summaries):
// - the national summary: national roles, in full or with small numbers suppressed; a regional
//   lead, only as published ('report:published-summary': suppressed, no organisation listed), to
//   set their region beside the nation;
// - a regional summary: the region's lead and national roles, in full or suppressed.
import { listAgreedStepsBySubmission } from '~/modules/attainment/attainment.server'
import { can, requirePermission, type Actor } from '~/modules/auth/permissions'
import { readDashboard } from '~/modules/dashboards/dashboard.server'
import { publishDashboard } from '~/modules/dashboards/publish'
import { suppressionAt, type Suppression } from '~/modules/dashboards/suppression'
import { getEnv } from '~/utils/env.server'
import { prisma } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import type { CycleSummary } from './model'

/**
 * A cycle's summary, national (no regionId) or for one region. `suppress` asks for the published
 * figures; a reader who may only have those gets them whatever they ask. Throws a 403 response
 * when the user may not read it and a 404 response when the cycle or region does not exist.
 */
export async function getCycleSummary(
  actor: Actor,
  input: { cycleId: string; regionId?: string; suppress?: boolean },
): Promise<CycleSummary> {
  // The permission depends only on the region asked for, so it is checked before anything is read.
  let onlyPublished = false
  if (input.regionId === undefined) {
    if (!can(actor, 'dashboard:national')) {
      requirePermission(actor, 'report:published-summary')
      onlyPublished = true
    }
  } else requirePermission(actor, 'dashboard:regional', { regionId: input.regionId })
  const suppression: Suppression =
    input.suppress || onlyPublished ? suppressionAt(getEnv().SUPPRESSION_THRESHOLD) : null

  const cycle = await prisma.cycle.findUnique({
    where: { id: input.cycleId },
    select: { edition: { select: { outcomes: { select: { id: true, number: true } } } } },
  })
  if (!cycle) notFound('Cycle not found')
  const outcomeIdsByNumber = new Map(cycle.edition.outcomes.map((o) => [o.number, o.id]))
  const kind = input.regionId === undefined ? 'national' : 'regional'
  const dashboard = publishDashboard(
    await readDashboard(kind, { cycleId: input.cycleId, regionId: input.regionId }),
    suppression,
  )
  const organisations =
    suppression !== null
      ? null
      : kind === 'regional'
        ? (dashboard.organisations ?? []).map((o) => ({
            name: o.name,
            odsCode: o.odsCode,
            regionName: dashboard.scope.kind === 'region' ? dashboard.scope.regionName : '',
            reference: o.reference,
            status: o.status,
            agreedSteps: o.agreedSteps,
          }))
        : (await listAgreedStepsBySubmission({ cycleId: input.cycleId })).map((s) => ({
            name: s.organisationName,
            odsCode: s.odsCode,
            regionName: s.regionName,
            reference: s.reference,
            status: s.status,
            agreedSteps: dashboard.outcomes.map((o) => s.agreedSteps[outcomeIdsByNumber.get(o.number) ?? ''] ?? null),
          }))

  return {
    scope:
      dashboard.scope.kind === 'region'
        ? { kind: 'region', regionName: dashboard.scope.regionName }
        : { kind: 'national' },
    cycleName: dashboard.cycle.name,
    editionName: dashboard.cycle.editionName,
    previousCycleName: dashboard.previousCycle?.name ?? null,
    suppression,
    outcomes: dashboard.outcomes,
    statusCounts: dashboard.progress.statuses.map((status, i) => ({
      status,
      count: dashboard.progress.totals[i] ?? 0,
    })),
    progressByRegion:
      kind === 'national'
        ? dashboard.progress.regions.map((r) => ({ regionName: r.regionName, counts: r.counts, total: r.total }))
        : [],
    distribution: dashboard.attainment.map((a) => ({
      outcomeNumber: a.outcomeNumber,
      levelCounts: a.levelCounts,
      graded: a.graded,
      medianLevel: a.medianLevel,
    })),
    heatMap: dashboard.heatMap.map((r) => ({ regionName: r.regionName, cells: r.cells })),
    change: dashboard.change,
    actions: dashboard.actions,
    organisations,
  }
}
