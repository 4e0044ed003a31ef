import { prisma } from '~/utils/db.server'
import { can, submissionScope, type Actor } from '~/modules/auth/permissions'
import { isSubmissionStatus, isResultVisibleToService, type SubmissionStatus } from './status'

/**
 * One submission as the user may see it, or null when it does not exist or is out of their reach
 * (the two are indistinguishable to the caller, so a forged id learns nothing).
 */
export async function getSubmissionOverview(actor: Actor, submissionId: string) {
  const submission = await prisma.submission.findFirst({
    where: { id: submissionId, ...submissionScope(actor, 'submission:view') },
    select: {
      id: true,
      reference: true,
      status: true,
      submittedAt: true,
      isLate: true,
      publishedAt: true,
      libraryServiceId: true,
      organisationId: true,
      regionId: true,
      cycle: { select: { id: true, name: true, submissionDeadline: true, edition: { select: { name: true, outcomes: { orderBy: { number: 'asc' }, select: { id: true, number: true, shortTitle: true } } } } } },
      organisation: { select: { id: true, name: true, odsCode: true } },
      libraryService: { select: { name: true } },
      region: { select: { name: true } },
      outcomeResponses: { select: { outcomeId: true, status: true, selfLevel: true, selfSubLevel: true } },
      agreedResults: { select: { outcomeId: true, level: true, subLevel: true } },
      validatorAssignments: { select: { validatorId: true } },
    },
  })
  if (!submission || !isSubmissionStatus(submission.status)) return null
  const status: SubmissionStatus = submission.status
  const target = {
    libraryServiceIds: [submission.libraryServiceId],
    organisationId: submission.organisationId,
    regionId: submission.regionId,
    assignedValidatorIds: submission.validatorAssignments.map((a) => a.validatorId),
  }
  // Results reach the service and the sponsor only once published; reviewers see them as they form.
  const reviewer = can(actor, 'validation:grade', target) || can(actor, 'validation:moderate', target) || can(actor, 'dashboard:national', target)
  const showResults = can(actor, 'result:view', target) && (reviewer || isResultVisibleToService(status))
  const outcomes = submission.cycle.edition.outcomes.map((outcome) => {
    const response = submission.outcomeResponses.find((r) => r.outcomeId === outcome.id)
    const agreed = showResults ? submission.agreedResults.find((r) => r.outcomeId === outcome.id) : undefined
    return {
      number: outcome.number,
      shortTitle: outcome.shortTitle,
      responseStatus: response?.status ?? 'NOT_STARTED',
      selfGrade: response && response.selfLevel !== null ? { level: response.selfLevel, subLevel: response.selfSubLevel } : null,
      agreedGrade: agreed ? { level: agreed.level, subLevel: agreed.subLevel } : null,
    }
  })
  return {
    id: submission.id,
    reference: submission.reference,
    status,
    submittedAt: submission.submittedAt,
    isLate: submission.isLate,
    publishedAt: submission.publishedAt,
    cycle: { id: submission.cycle.id, name: submission.cycle.name, submissionDeadline: submission.cycle.submissionDeadline, editionName: submission.cycle.edition.name },
    organisation: submission.organisation,
    libraryServiceName: submission.libraryService.name,
    regionName: submission.region.name,
    outcomes,
    showResults,
  }
}
