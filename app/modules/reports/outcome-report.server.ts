// The outcome report's data (issue 5): the organisation-facing result, read through `getResult`
// so the report shows exactly what the result page would, and the development plan once published.
import { can, type Actor } from '~/modules/auth/permissions'
import { getDevelopmentPlan } from '~/modules/results/development-plan.server'
import { getResult } from '~/modules/results/results.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { notFound } from '~/utils/http.server'
import type { OutcomeReport } from './model'
import { reportSubmissionOf } from './reviewer-pack.server'

/** The outcome report: 404 when out of reach or there is no result the reader may see yet, 403 when not allowed. */
export async function getOutcomeReport(actor: Actor, submissionId: string): Promise<OutcomeReport> {
  const context = await loadSubmissionContext(actor, submissionId, 'report:outcome')
  const withPlan = context.status === 'PUBLISHED' && can(actor, 'development-plan:view', context.target)
  const [result, plan] = await Promise.all([getResult(actor, context), withPlan ? getDevelopmentPlan(context) : null])
  if (!result) notFound('There is no validated result to report yet')
  return {
    submission: reportSubmissionOf(context),
    minimumExpectedLevel: result.minimumExpectedLevel,
    previousCycleName: result.previousCycleName,
    outcomes: result.outcomes.map((o) => ({
      number: o.number,
      shortTitle: o.shortTitle,
      selfSteps: o.selfSteps,
      agreedSteps: o.agreedSteps,
      previousSteps: o.previousSteps,
      strengths: o.strengths,
      areasForDevelopment: o.areasForDevelopment,
      recommendations: o.recommendations,
      requiredActions: o.requiredActions.map((a) => a.text),
    })),
    peers: result.peers,
    plan: plan && {
      items: plan.items.map((item) => ({
        action: item.action,
        owner: item.owner,
        dueDate: item.dueDate,
        status: item.status,
        overdue: item.overdue,
        outcomeNumber: item.outcomeNumber,
        requiredAction: item.requiredAction?.text ?? null,
        progressNotes: item.progressNotes,
      })),
      complete: plan.items.filter((item) => item.status === 'COMPLETE').length,
      total: plan.items.length,
    },
  }
}
