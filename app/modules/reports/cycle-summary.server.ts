// The data of the cycle summary report (issue 5): the national summary for national roles, a
// regional summary for the region's lead (or national roles), aggregated in SQL by the attainment
// module so it costs the same for 20 organisations or 20,000.
import { prisma } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import {
  countAgreedGradesByOutcome,
  countSubmissionsByStatus,
  listAgreedStepsBySubmission,
  type AttainmentFilter,
} from '~/modules/attainment/attainment.server'
import { medianLevel } from '~/modules/attainment/median'
import type { CycleSummary } from './model'

/**
 * A cycle's summary, national (no regionId: 'dashboard:national') or for one region
 * ('dashboard:regional' in that region). Throws a 403 response when the user may not read it and
 * a 404 response when the cycle or region does not exist.
 */
export async function getCycleSummary(
  actor: Actor,
  input: { cycleId: string; regionId?: string },
): Promise<CycleSummary> {
  // The permission depends only on the region asked for, so it is checked before anything is read.
  if (input.regionId === undefined) requirePermission(actor, 'dashboard:national')
  else requirePermission(actor, 'dashboard:regional', { regionId: input.regionId })

  const [cycle, region] = await Promise.all([
    prisma.cycle.findUnique({
      where: { id: input.cycleId },
      select: {
        name: true,
        edition: {
          select: {
            name: true,
            outcomes: { orderBy: { number: 'asc' }, select: { id: true, number: true, shortTitle: true } },
          },
        },
      },
    }),
    input.regionId === undefined
      ? null
      : prisma.region.findUnique({ where: { id: input.regionId }, select: { name: true } }),
  ])
  if (!cycle) notFound('Cycle not found')
  if (input.regionId !== undefined && !region) notFound('Region not found')

  const filter: AttainmentFilter = { cycleId: input.cycleId, regionId: input.regionId }
  const [statusCounts, grades, submissions] = await Promise.all([
    countSubmissionsByStatus(filter),
    countAgreedGradesByOutcome(filter),
    listAgreedStepsBySubmission(filter),
  ])
  const outcomes = cycle.edition.outcomes

  return {
    scope: region ? { kind: 'region', regionName: region.name } : { kind: 'national' },
    cycleName: cycle.name,
    editionName: cycle.edition.name,
    outcomes: outcomes.map(({ number, shortTitle }) => ({ number, shortTitle })),
    statusCounts,
    distribution: outcomes.map((outcome) => {
      const counts = grades.get(outcome.id)
      const levelCounts: [number, number, number, number, number] = counts ? [...counts.levelCounts] : [0, 0, 0, 0, 0]
      return {
        outcomeNumber: outcome.number,
        levelCounts,
        graded: counts?.graded ?? 0,
        medianLevel: medianLevel(levelCounts),
      }
    }),
    organisations: submissions.map((submission) => ({
      name: submission.organisationName,
      odsCode: submission.odsCode,
      regionName: submission.regionName,
      reference: submission.reference,
      status: submission.status,
      agreedSteps: outcomes.map((outcome) => submission.agreedSteps[outcome.id] ?? null),
    })),
  }
}
