// The validated result of a submission (issue 4, item 6): the agreed grade of each outcome beside
// the self-assessed one and, when the organisation has one, its previous published result, and
// beside its peers' published results (issue 17).
import { prisma } from '~/utils/db.server'
import { gradeToSteps, toGrade } from '~/modules/framework/grading'
import { can, submissionScope, type Actor } from '~/modules/auth/permissions'
import type { SubmissionContext } from '~/modules/submissions/access.server'
import { getPeerComparison } from './peers.server'
import { resultAudience } from './visibility'

/** A stored grade as sub-level steps, or null when there is none (or it is malformed). */
function stepsOf(level: number | null, subLevel: string | null): number | null {
  if (level === null) return null
  const parsed = toGrade(level, subLevel)
  return parsed.ok ? gradeToSteps(parsed.grade) : null
}

/** The organisation's latest published result from an earlier cycle that the user may read. */
async function findPreviousResult(actor: Actor, context: SubmissionContext) {
  return prisma.submission.findFirst({
    where: {
      ...submissionScope(actor, 'result:view'),
      organisationId: context.organisationId,
      status: 'PUBLISHED',
      id: { not: context.id },
      cycle: { opensAt: { lt: context.cycle.opensAt } },
    },
    orderBy: { cycle: { opensAt: 'desc' } },
    select: {
      cycle: { select: { name: true } },
      agreedResults: { select: { level: true, subLevel: true, outcome: { select: { number: true } } } },
    },
  })
}

/**
 * The result as the user may read it, or null when they may not (yet): the service sees it once
 * published, reviewers once validated. The caller has loaded the context with 'result:view'.
 */
export async function getResult(actor: Actor, context: SubmissionContext) {
  const audience = resultAudience(actor, context.target, context.status)
  if (!audience) return null
  const [cycle, outcomes, responses, agreedResults, previous] = await Promise.all([
    prisma.cycle.findUniqueOrThrow({ where: { id: context.cycleId }, select: { minimumExpectedLevel: true } }),
    prisma.outcome.findMany({
      where: { editionId: context.cycle.editionId },
      orderBy: { number: 'asc' },
      select: { id: true, number: true, shortTitle: true },
    }),
    prisma.outcomeResponse.findMany({
      where: { submissionId: context.id },
      select: { outcomeId: true, selfLevel: true, selfSubLevel: true },
    }),
    prisma.agreedResult.findMany({
      where: { submissionId: context.id },
      select: {
        outcomeId: true,
        level: true,
        subLevel: true,
        strengths: true,
        areasForDevelopment: true,
        recommendations: true,
        requiredActions: { orderBy: { position: 'asc' }, select: { id: true, text: true } },
      },
    }),
    findPreviousResult(actor, context),
  ])
  const rows = outcomes.map((outcome) => {
    const response = responses.find((r) => r.outcomeId === outcome.id)
    const agreed = agreedResults.find((r) => r.outcomeId === outcome.id)
    const earlier = previous?.agreedResults.find((r) => r.outcome.number === outcome.number)
    return {
      number: outcome.number,
      shortTitle: outcome.shortTitle,
      selfSteps: response ? stepsOf(response.selfLevel, response.selfSubLevel) : null,
      agreedSteps: agreed ? stepsOf(agreed.level, agreed.subLevel) : null,
      previousSteps: earlier ? stepsOf(earlier.level, earlier.subLevel) : null,
      strengths: agreed?.strengths ?? '',
      areasForDevelopment: agreed?.areasForDevelopment ?? '',
      recommendations: agreed?.recommendations ?? '',
      requiredActions: agreed?.requiredActions ?? [],
    }
  })
  const peers = await getPeerComparison({
    cycleId: context.cycleId,
    cycleName: context.cycle.name,
    regionId: context.regionId,
    regionName: context.region.name,
    outcomes: rows.map((row) => ({ number: row.number, shortTitle: row.shortTitle, ownSteps: row.agreedSteps })),
  })
  return {
    audience,
    submissionId: context.id,
    reference: context.reference,
    status: context.status,
    publishedAt: context.publishedAt,
    cycleName: context.cycle.name,
    organisation: context.organisation,
    libraryServiceName: context.libraryService.name,
    regionName: context.region.name,
    minimumExpectedLevel: cycle.minimumExpectedLevel,
    outcomes: rows,
    previousCycleName: previous?.cycle.name ?? null,
    requiredActionCount: rows.reduce((sum, row) => sum + row.requiredActions.length, 0),
    /** How the agreed grades compare with the published results of the region and the nation. */
    peers,
  }
}

export type Result = NonNullable<Awaited<ReturnType<typeof getResult>>>

/**
 * While a published result has been reopened by the regional lead, what the service reads in its
 * place: when, and the reason given. Null when the result is not being reviewed again.
 */
export async function findReopenedResult(actor: Actor, context: SubmissionContext) {
  if (context.status === 'PUBLISHED' || !can(actor, 'result:view', context.target)) return null
  const event = await prisma.auditEvent.findFirst({
    where: {
      action: 'submission.result_reopened',
      OR: [{ submissionId: context.id }, { entityType: 'Submission', entityId: context.id }],
    },
    orderBy: { at: 'desc' },
    select: { at: true, after: true },
  })
  if (!event) return null
  const after: unknown = event.after ? JSON.parse(event.after) : null
  const reason =
    after && typeof after === 'object' && 'reason' in after && typeof after.reason === 'string' ? after.reason : ''
  return { at: event.at, reason }
}
