// The Service Improvement Plan as a document (issue 18, item 6): gathered with the same
// permission checks as the plan's pages (the service and sponsor see only confirmed reviews).
import { can, type Actor } from '~/modules/auth/permissions'
import {
  getOutcomePlan,
  getPlanContextForm,
  listVisibleReviews,
  loadPlanContext,
} from '~/modules/improvement/plan.server'
import { prisma } from '~/utils/db.server'

export type PlanReport = Awaited<ReturnType<typeof getPlanReport>>

export async function getPlanReport(actor: Actor, planId: string, now = new Date()) {
  const context = await loadPlanContext(actor, planId)
  const numbers = await prisma.sipOutcome.findMany({
    where: { planId: context.id },
    orderBy: { outcome: { number: 'asc' } },
    select: { outcome: { select: { number: true } } },
  })
  const [planContext, outcomes, reviews, signOff] = await Promise.all([
    getPlanContextForm(context),
    Promise.all(numbers.map((n) => getOutcomePlan(context, n.outcome.number, now))),
    listVisibleReviews(
      context,
      can(actor, 'sip:confirm-review', context.target) || can(actor, 'sip:review', context.target),
    ),
    prisma.sipSignOff.findFirst({
      where: { planId: context.id, decision: 'SIGNED_OFF' },
      orderBy: { createdAt: 'desc' },
      select: { signerName: true, signerRole: true, createdAt: true },
    }),
  ])
  return {
    plan: {
      reference: context.reference,
      status: context.status,
      organisationName: context.organisation.name,
      odsCode: context.organisation.odsCode,
      libraryServiceName: context.libraryService.name,
      regionName: context.region.name,
      cycleName: context.cycle.name,
      editionName: context.cycle.edition.name,
      planPeriodStart: context.planPeriodStart,
      planPeriodEnd: context.planPeriodEnd,
      submittedAt: context.submittedAt,
      isLate: context.isLate,
      nextReviewDate: context.nextReviewDate,
    },
    context: planContext,
    outcomes: outcomes.map((o) => ({
      number: o.number,
      shortTitle: o.shortTitle,
      currentText: o.currentText,
      target: o.target,
      targetReason: o.targetReason,
      objectives: o.objectives,
      evidence: o.evidence,
    })),
    reviews,
    signOff,
  }
}
