import { prisma } from '~/utils/db.server'
import { organisationScope, regionScope, submissionScope, type Actor } from '~/modules/auth/permissions'
import { getPeerComparison } from '~/modules/results/peers.server'
import { resultAudience } from '~/modules/results/visibility'
import { isSubmissionStatus } from '~/modules/submissions/status'

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

/**
 * The organisation's self-assessed and agreed grades (in sub-level steps) in each cycle whose
 * result the user may read, newest first: the service once published, reviewers once validated.
 */
export async function getOrganisationAttainment(actor: Actor, organisationId: string) {
  const submissions = await prisma.submission.findMany({
    where: { organisationId, status: { in: ['VALIDATED', 'PUBLISHED'] }, ...submissionScope(actor, 'result:view') },
    orderBy: { cycle: { opensAt: 'desc' } },
    select: {
      id: true,
      status: true,
      libraryServiceId: true,
      organisationId: true,
      regionId: true,
      cycleId: true,
      cycle: { select: { name: true } },
      region: { select: { name: true } },
      validatorAssignments: { select: { validatorId: true } },
      outcomeResponses: { select: { selfGradeSteps: true, outcome: { select: { number: true } } } },
      agreedResults: { select: { gradeSteps: true, outcome: { select: { number: true, shortTitle: true } } } },
    },
  })
  const visible = submissions.filter((s) => {
    const target = {
      libraryServiceIds: [s.libraryServiceId],
      organisationId: s.organisationId,
      regionId: s.regionId,
      assignedValidatorIds: s.validatorAssignments.map((a) => a.validatorId),
    }
    return isSubmissionStatus(s.status) && resultAudience(actor, target, s.status) !== null
  })
  const outcomeNumbers = [...new Set(visible.flatMap((s) => s.agreedResults.map((r) => r.outcome.number)))].sort(
    (a, b) => a - b,
  )
  // The latest result beside its peers' published results of the same cycle (issue 17).
  const latest = visible[0]
  const peers = latest
    ? await getPeerComparison({
        cycleId: latest.cycleId,
        cycleName: latest.cycle.name,
        regionId: latest.regionId,
        regionName: latest.region.name,
        outcomes: outcomeNumbers.map((number) => {
          const agreed = latest.agreedResults.find((r) => r.outcome.number === number)
          const title = visible.flatMap((s) => s.agreedResults).find((r) => r.outcome.number === number)!.outcome
            .shortTitle
          return { number, shortTitle: title, ownSteps: agreed?.gradeSteps ?? null }
        }),
      })
    : null
  return {
    outcomeNumbers,
    peers,
    cycles: visible.map((s) => ({
      submissionId: s.id,
      cycleName: s.cycle.name,
      selfSteps: outcomeNumbers.map(
        (n) => s.outcomeResponses.find((r) => r.outcome.number === n)?.selfGradeSteps ?? null,
      ),
      agreedSteps: outcomeNumbers.map((n) => s.agreedResults.find((r) => r.outcome.number === n)?.gradeSteps ?? null),
    })),
  }
}
