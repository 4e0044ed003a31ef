// Opening a service improvement review cycle (issue 18, item 1): a Service Improvement Plan for
// each organisation taking part instead of a self-assessment. Each plan starts with its context
// copied forward from the organisation's latest pen portrait and, per outcome of the cycle's
// edition, the current agreed grade from its latest published result (read through the outcome
// mappings when that result was made on another edition: see mapping.server.ts).
import { recordAudit } from '~/modules/audit/audit.server'
import { cycleCodeFromName, uniqueCycleCode } from '~/modules/cycles/rules'
import { summariseStaffing } from '~/modules/submissions/pen-portrait'
import type { Db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { currentGradesFor } from './mapping.server'
import { planPeriodOf } from './rules'

export const SERVICE_IMPROVEMENT_REVIEW = 'SERVICE_IMPROVEMENT_REVIEW'

export function isServiceImprovementCycle(cycle: { type: string }): boolean {
  return cycle.type === SERVICE_IMPROVEMENT_REVIEW
}

export function planReference(cycleCode: string, odsCode: string): string {
  return `SIP-${cycleCode}-${odsCode}`
}

export type PlanToCreate = {
  organisationId: string
  odsCode: string
  regionId: string
  libraryServiceId: string
}

/** The code in this cycle's plan references: the one already used, or one no other cycle's plans use. */
async function planCodeFor(tx: Db, cycle: { id: string; name: string }): Promise<string> {
  const existing = await tx.serviceImprovementPlan.findFirst({
    where: { cycleId: cycle.id },
    select: { reference: true, organisation: { select: { odsCode: true } } },
  })
  if (existing) return existing.reference.slice(4, existing.reference.length - existing.organisation.odsCode.length - 1)
  const base = cycleCodeFromName(cycle.name)
  const others = await tx.serviceImprovementPlan.findMany({
    where: { cycleId: { not: cycle.id }, reference: { startsWith: `SIP-${base}` } },
    select: { reference: true, organisation: { select: { odsCode: true } } },
  })
  const taken = new Set(others.map((p) => p.reference.slice(4, p.reference.length - p.organisation.odsCode.length - 1)))
  return uniqueCycleCode(base, taken)
}

/** The organisation's latest pen portrait (from any earlier submission), in the plan's terms. */
async function latestContext(tx: Db, organisationId: string) {
  const portrait = await tx.penPortrait.findFirst({
    where: { submission: { organisationId } },
    orderBy: { submission: { cycle: { opensAt: 'desc' } } },
    select: {
      submissionId: true,
      budgetPounds: true,
      contextNotes: true,
      organisations: { select: { staffHeadcount: true, staffWte: true } },
      staffPosts: { select: { wte: true, qualified: true } },
    },
  })
  if (!portrait) return null
  const staffing = summariseStaffing(
    portrait.staffPosts,
    portrait.organisations.map((o) => o.staffWte),
    getEnv().QUALIFIED_STAFF_POLICY_WTE,
  )
  const headcounts = portrait.organisations.map((o) => o.staffHeadcount).filter((n): n is number => n !== null)
  return {
    contextSourceSubmissionId: portrait.submissionId,
    budgetPounds: portrait.budgetPounds,
    staffHeadcount: headcounts.length ? headcounts.reduce((a, b) => a + b, 0) : null,
    staffWte: staffing.organisationStaffWte || null,
    lksWte: staffing.totalPostsWte || null,
    qualifiedWte: staffing.qualifiedWte || null,
    contextNotes: portrait.contextNotes,
  }
}

/** A NOT_STARTED plan per organisation, with its outcomes and an audit event each. */
export async function createPlans(
  tx: Db,
  input: { actorId: string; ipAddress?: string },
  cycle: { id: string; name: string; editionId: string; opensAt: Date },
  taking: readonly PlanToCreate[],
): Promise<number> {
  if (taking.length === 0) return 0
  const code = await planCodeFor(tx, cycle)
  const period = planPeriodOf(cycle.opensAt, getEnv().SIP_REVIEW_INTERVAL_MONTHS)
  const outcomes = await tx.outcome.findMany({
    where: { editionId: cycle.editionId },
    orderBy: { number: 'asc' },
    select: { id: true, number: true },
  })
  for (const org of taking) {
    const context = await latestContext(tx, org.organisationId)
    const current = await currentGradesFor(tx, org.organisationId, cycle.editionId)
    const plan = await tx.serviceImprovementPlan.create({
      data: {
        reference: planReference(code, org.odsCode),
        cycleId: cycle.id,
        organisationId: org.organisationId,
        libraryServiceId: org.libraryServiceId,
        regionId: org.regionId,
        status: 'NOT_STARTED',
        planPeriodStart: period.start,
        planPeriodEnd: period.end,
        ...(context ?? {}),
        outcomes: {
          create: outcomes.map((outcome) => {
            const grade = current.get(outcome.id)
            return {
              outcomeId: outcome.id,
              currentLevel: grade?.level ?? null,
              currentSubLevel: grade?.subLevel ?? null,
              currentGradeSteps: grade?.gradeSteps ?? null,
              currentFromSubmissionId: grade?.submissionId ?? null,
            }
          }),
        },
      },
      select: { id: true, reference: true },
    })
    await recordAudit(tx, {
      actorId: input.actorId,
      action: 'sip.created',
      entityType: 'ServiceImprovementPlan',
      entityId: plan.id,
      after: {
        reference: plan.reference,
        cycleId: cycle.id,
        organisationId: org.organisationId,
        libraryServiceId: org.libraryServiceId,
        status: 'NOT_STARTED',
        contextCopiedFrom: context?.contextSourceSubmissionId ?? null,
        currentGrades: current.size,
      },
      ipAddress: input.ipAddress,
    })
  }
  return taking.length
}
