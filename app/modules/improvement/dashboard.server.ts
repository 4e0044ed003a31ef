// The service improvement review dashboard's data (issue 18, items 4 and 5): every plan of a
// service improvement review cycle the user may see (a regional lead their region, national roles
// every region), with each organisation's status, reviewer, overdue actions and next review.
import { canSomewhere, planScope, requirePermission, type Actor } from '~/modules/auth/permissions'
import { prisma } from '~/utils/db.server'
import type { Suppression } from '~/modules/dashboards/suppression'
import { improvementViews, type ImprovementView, type PlanRow } from './dashboard'
import { SERVICE_IMPROVEMENT_REVIEW } from './open.server'
import { isActionOverdue } from './rules'

/** The service improvement review cycles with plans the user may see, newest first. */
export async function listImprovementCycles(actor: Actor) {
  return prisma.cycle.findMany({
    where: { type: SERVICE_IMPROVEMENT_REVIEW, improvementPlans: { some: planScope(actor, 'sip:view') } },
    orderBy: { opensAt: 'desc' },
    select: { id: true, name: true, status: true, submissionDeadline: true, edition: { select: { name: true } } },
  })
}

export async function getImprovementDashboard(
  actor: Actor,
  input: { cycleId: string | null; suppression: Suppression; now?: Date },
) {
  const now = input.now ?? new Date()
  const cycles = await listImprovementCycles(actor)
  const cycle = cycles.find((c) => c.id === input.cycleId) ?? cycles[0] ?? null
  const unknownCycle = input.cycleId !== null && cycle?.id !== input.cycleId
  if (!cycle) return { cycles, cycle: null, unknownCycle, views: [], organisations: [], leads: false }
  const plans = await prisma.serviceImprovementPlan.findMany({
    where: { cycleId: cycle.id, ...planScope(actor, 'sip:view') },
    orderBy: [{ region: { name: 'asc' } }, { organisation: { name: 'asc' } }],
    select: {
      id: true,
      reference: true,
      status: true,
      regionId: true,
      nextReviewDate: true,
      interimRequestedAt: true,
      organisation: { select: { name: true, odsCode: true } },
      region: { select: { name: true } },
      reviewer: { select: { name: true } },
      outcomes: { select: { currentGradeSteps: true, targetGradeSteps: true, outcome: { select: { number: true } } } },
      actions: { select: { status: true, dueDate: true } },
    },
  })
  const rows: PlanRow[] = plans.map((p) => ({
    regionName: p.region.name,
    status: p.status,
    outcomes: p.outcomes.map((o) => ({
      number: o.outcome.number,
      currentSteps: o.currentGradeSteps,
      targetSteps: o.targetGradeSteps,
    })),
    actions: p.actions.map((a) => ({ status: a.status, overdue: isActionOverdue(a, now) })),
  }))
  // Leads (regional and national) see every organisation's plan; services only their own.
  const leads = canSomewhere(actor, 'dashboard:regional')
  return {
    cycles,
    cycle,
    unknownCycle,
    leads,
    views: leads ? improvementViews(rows, input.suppression) : [],
    // The organisation list names organisations, so it is never published under suppression.
    organisations: plans.map((p, i) => ({
      id: p.id,
      reference: p.reference,
      name: p.organisation.name,
      odsCode: p.organisation.odsCode,
      regionName: p.region.name,
      status: p.status,
      reviewerName: p.reviewer?.name ?? null,
      actions: rows[i]!.actions.length,
      overdue: rows[i]!.actions.filter((a) => a.overdue).length,
      nextReviewDate: p.nextReviewDate,
      interimRequestedAt: p.interimRequestedAt,
    })),
  }
}

/** For exports: the dashboard's views only to those who may see a dashboard. */
export async function getImprovementExport(actor: Actor, input: { cycleId: string | null; suppression: Suppression }) {
  if (!canSomewhere(actor, 'dashboard:regional')) requirePermission(actor, 'dashboard:regional')
  const dashboard = await getImprovementDashboard(actor, input)
  if (!dashboard.cycle) throw new Response('No service improvement review cycle', { status: 404 })
  return dashboard
}

/**
 * The service improvement views inside the national and regional dashboards (/dashboards/*): when
 * the cycle chosen in the dashboard's filter is a service improvement review, its plans that the
 * user may see, narrowed by the filter's region and organisation type, as the three views with the
 * dashboard's suppression. Null for any other cycle.
 */
export async function getDashboardImprovementViews(
  actor: Actor,
  input: {
    cycleId: string
    regionId?: string
    organisationType?: string
    suppression: Suppression
    now?: Date
  },
): Promise<ImprovementView[] | null> {
  const cycle = await prisma.cycle.findUnique({ where: { id: input.cycleId }, select: { type: true } })
  if (cycle?.type !== SERVICE_IMPROVEMENT_REVIEW) return null
  const now = input.now ?? new Date()
  const plans = await prisma.serviceImprovementPlan.findMany({
    where: {
      AND: [
        planScope(actor, 'sip:view'),
        { cycleId: input.cycleId },
        input.regionId ? { regionId: input.regionId } : {},
        input.organisationType ? { organisation: { type: input.organisationType } } : {},
      ],
    },
    select: {
      status: true,
      region: { select: { name: true } },
      outcomes: { select: { currentGradeSteps: true, targetGradeSteps: true, outcome: { select: { number: true } } } },
      actions: { select: { status: true, dueDate: true } },
    },
  })
  return improvementViews(
    plans.map((p) => ({
      regionName: p.region.name,
      status: p.status,
      outcomes: p.outcomes.map((o) => ({
        number: o.outcome.number,
        currentSteps: o.currentGradeSteps,
        targetSteps: o.targetGradeSteps,
      })),
      actions: p.actions.map((a) => ({ status: a.status, overdue: isActionOverdue(a, now) })),
    })),
    input.suppression,
  )
}
