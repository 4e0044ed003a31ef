import { editionOutcomes } from '~/modules/framework/edition-content.server'
import { prisma } from '~/utils/db.server'
import { can, isReviewer, type Actor } from '~/modules/auth/permissions'
import { findSubmissionContext, type SubmissionContext } from './access.server'
import { isResultVisibleToService } from './status'

/**
 * One submission as the user may see it, or null when it does not exist or is out of their reach
 * (the two are indistinguishable to the caller, so a forged id learns nothing).
 */
export async function getSubmissionOverview(actor: Actor, submissionId: string) {
  const context = await findSubmissionContext(actor, submissionId)
  return context ? overviewOf(actor, context) : null
}

/** The overview of a submission the caller has already loaded for the user. */
export async function overviewOf(actor: Actor, context: SubmissionContext) {
  const [outcomes, responses, agreedResults] = await Promise.all([
    editionOutcomes(context.cycle.edition),
    prisma.outcomeResponse.findMany({
      where: { submissionId: context.id },
      select: { outcomeId: true, status: true, selfLevel: true, selfSubLevel: true },
    }),
    prisma.agreedResult.findMany({
      where: { submissionId: context.id },
      select: { outcomeId: true, level: true, subLevel: true },
    }),
  ])
  const { target, status } = context
  // Results reach the service and the sponsor only once published; reviewers see them as they form.
  const reviewer = isReviewer(actor, target)
  const showResults = can(actor, 'result:view', target) && (reviewer || isResultVisibleToService(status))
  return {
    id: context.id,
    reference: context.reference,
    status,
    submittedAt: context.submittedAt,
    isLate: context.isLate,
    publishedAt: context.publishedAt,
    cycle: {
      id: context.cycle.id,
      name: context.cycle.name,
      submissionDeadline: context.cycle.submissionDeadline,
      editionName: context.cycle.edition.name,
    },
    organisation: context.organisation,
    libraryServiceName: context.libraryService.name,
    regionName: context.region.name,
    outcomes: outcomes.map((outcome) => {
      const response = responses.find((r) => r.outcomeId === outcome.id)
      const agreed = showResults ? agreedResults.find((r) => r.outcomeId === outcome.id) : undefined
      return {
        number: outcome.number,
        shortTitle: outcome.shortTitle,
        responseStatus: response?.status ?? 'NOT_STARTED',
        selfGrade:
          response && response.selfLevel !== null
            ? { level: response.selfLevel, subLevel: response.selfSubLevel }
            : null,
        agreedGrade: agreed ? { level: agreed.level, subLevel: agreed.subLevel } : null,
      }
    }),
    showResults,
  }
}
