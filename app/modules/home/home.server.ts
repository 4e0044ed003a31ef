// What each person's home page lists: only records their grants reach, straight from the database.
import { prisma } from '~/utils/db.server'
import { planScope, reachOf, submissionScope, type Actor } from '~/modules/auth/permissions'
import { findSubmissionContext } from '~/modules/submissions/access.server'
import { submissionToDo, type SubmissionToDo } from '~/modules/submissions/to-do.server'
import { agreementToDo } from '~/modules/validation/agreement.server'
import { getQueue } from '~/modules/validation/workspace.server'

const submissionRow = {
  id: true,
  reference: true,
  status: true,
  submittedAt: true,
  cycle: { select: { id: true, name: true, status: true, submissionDeadline: true } },
  organisation: { select: { id: true, name: true, odsCode: true } },
} as const

/** Whether a to-do item is current (above the past cycles): open, still under way, or with plan work. */
const isCurrent = (item: SubmissionToDo) =>
  item.cycle.status === 'OPEN' || item.status !== 'PUBLISHED' || item.nextStep.action?.path === 'development-plan'

/**
 * The service's to-do list: each submission it can act on (open cycles, anything still in
 * validation, and published results whose required actions are not yet in the development plan),
 * then past cycles.
 */
async function serviceSections(actor: Actor, now: Date) {
  const { serviceIds } = reachOf(actor, 'submission:view')
  if (!serviceIds.length) return []
  const scope = submissionScope(actor, 'submission:view')
  const services = await prisma.libraryService.findMany({
    where: { id: { in: serviceIds } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      organisations: {
        where: { servesTo: null },
        orderBy: { organisation: { name: 'asc' } },
        select: {
          organisation: {
            select: {
              id: true,
              name: true,
              submissions: {
                where: { AND: [scope, { libraryServiceId: { in: serviceIds } }] },
                orderBy: { cycle: { opensAt: 'desc' } },
                select: { id: true, libraryServiceId: true },
              },
            },
          },
        },
      },
    },
  })
  return Promise.all(
    services.map(async (service) => {
      const ids = service.organisations.flatMap(({ organisation }) =>
        organisation.submissions.filter((s) => s.libraryServiceId === service.id).map((s) => s.id),
      )
      const items: SubmissionToDo[] = []
      for (const id of ids) {
        const context = await findSubmissionContext(actor, id)
        if (context) items.push(await submissionToDo(actor, context, now))
      }
      // The newest cycle first; within a cycle, organisations in name order (the query's order).
      items.sort((a, b) => b.cycle.opensAt.getTime() - a.cycle.opensAt.getTime())
      return {
        id: service.id,
        name: service.name,
        toDo: items.filter(isCurrent),
        past: items.filter((item) => !isCurrent(item)),
        withoutSubmission: service.organisations
          .filter(({ organisation }) => !organisation.submissions.some((s) => s.libraryServiceId === service.id))
          .map(({ organisation }) => ({ id: organisation.id, name: organisation.name })),
      }
    }),
  )
}

/**
 * The executive sponsor's organisations: each submission as a to-do item (one waiting for their
 * sign-off has the button for it), then past cycles.
 */
async function sponsorSections(actor: Actor, now: Date) {
  const { organisationIds } = reachOf(actor, 'submission:sign-off')
  if (!organisationIds.length) return []
  const scope = submissionScope(actor, 'submission:view')
  const organisations = await prisma.organisation.findMany({
    where: { id: { in: organisationIds } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      odsCode: true,
      submissions: { where: scope, select: { id: true } },
    },
  })
  return Promise.all(
    organisations.map(async (organisation) => {
      const items: SubmissionToDo[] = []
      for (const { id } of organisation.submissions) {
        const context = await findSubmissionContext(actor, id)
        if (context) items.push(await submissionToDo(actor, context, now))
      }
      items.sort((a, b) => b.cycle.opensAt.getTime() - a.cycle.opensAt.getTime())
      return {
        id: organisation.id,
        name: organisation.name,
        odsCode: organisation.odsCode,
        toDo: items.filter(isCurrent),
        past: items.filter((item) => !isCurrent(item)),
      }
    }),
  )
}

/**
 * A validator's queue, for anyone who may validate, even with nothing assigned yet; and, for a
 * primary validator, the agreed results of completed validations that wait for them.
 */
async function validatorQueue(actor: Actor, now: Date) {
  if (!reachOf(actor, 'validation:grade').assigned) return null
  const queue = await getQueue(actor, 'due', now)
  const toAgree = []
  for (const row of queue.completed) {
    if (row.kind !== 'PRIMARY' || !['IN_VALIDATION', 'IN_MODERATION'].includes(row.submission.status)) continue
    const step = await agreementToDo(actor, row.submission.id)
    if (step)
      toAgree.push({
        submissionId: row.submission.id,
        organisation: row.submission.organisation,
        cycle: row.submission.cycle,
        step,
      })
  }
  return { ...queue, toAgree }
}

async function regionSections(actor: Actor) {
  const { regionIds } = reachOf(actor, 'dashboard:regional')
  if (!regionIds.length) return []
  const scope = submissionScope(actor, 'submission:view')
  return prisma.region.findMany({
    where: { id: { in: regionIds } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      submissions: {
        where: { AND: [scope, { cycle: { status: 'OPEN' } }] },
        orderBy: [{ cycle: { opensAt: 'desc' } }, { organisation: { name: 'asc' } }],
        select: { ...submissionRow, libraryService: { select: { name: true } } },
      },
    },
  })
}

async function nationalSection(actor: Actor) {
  if (!reachOf(actor, 'dashboard:national').everywhere) return null
  const [cycles, statusCounts, regions, regionCounts] = await Promise.all([
    prisma.cycle.findMany({
      orderBy: { opensAt: 'desc' },
      select: { id: true, name: true, status: true, submissionDeadline: true, edition: { select: { name: true } } },
    }),
    prisma.submission.groupBy({ by: ['cycleId', 'status'], _count: { _all: true } }),
    prisma.region.findMany({
      orderBy: { name: 'asc' },
      select: { id: true, name: true, _count: { select: { organisations: true } } },
    }),
    prisma.submission.groupBy({ by: ['regionId'], where: { cycle: { status: 'OPEN' } }, _count: { _all: true } }),
  ])
  const submittedStatuses = new Set([
    'SUBMITTED',
    'IN_VALIDATION',
    'CLARIFICATION_REQUESTED',
    'IN_MODERATION',
    'VALIDATED',
    'PUBLISHED',
  ])
  return {
    cycles: cycles.map((cycle) => {
      const counts = statusCounts.filter((c) => c.cycleId === cycle.id)
      const total = counts.reduce((sum, c) => sum + c._count._all, 0)
      const submitted = counts.filter((c) => submittedStatuses.has(c.status)).reduce((sum, c) => sum + c._count._all, 0)
      const published = counts.find((c) => c.status === 'PUBLISHED')?._count._all ?? 0
      return { ...cycle, total, submitted, published }
    }),
    regions: regions.map((region) => ({
      id: region.id,
      name: region.name,
      organisations: region._count.organisations,
      openSubmissions: regionCounts.find((c) => c.regionId === region.id)?._count._all ?? 0,
    })),
  }
}

/**
 * Service Improvement Plans the person works on (their service's, organisation's, region's, or the
 * ones they review): those of open cycles, and any still on their way to a published review.
 * National users see every plan on the Service improvement page instead.
 */
async function improvementPlans(actor: Actor) {
  const scope = planScope(actor, 'sip:view')
  if (!scope.OR?.length) return []
  return prisma.serviceImprovementPlan.findMany({
    where: { AND: [scope, { OR: [{ cycle: { status: 'OPEN' } }, { status: { not: 'PUBLISHED' } }] }] },
    orderBy: [{ cycle: { opensAt: 'desc' } }, { organisation: { name: 'asc' } }],
    select: {
      id: true,
      reference: true,
      status: true,
      reviewerId: true,
      cycle: { select: { id: true, name: true, submissionDeadline: true } },
      organisation: { select: { name: true, odsCode: true } },
      regionId: true,
    },
  })
}

export async function getHome(actor: Actor, now = new Date()) {
  const [services, sponsorOrganisations, validation, regions, national, plans] = await Promise.all([
    serviceSections(actor, now),
    sponsorSections(actor, now),
    validatorQueue(actor, now),
    regionSections(actor),
    nationalSection(actor),
    improvementPlans(actor),
  ])
  const assigning = new Set(reachOf(actor, 'sip:assign-reviewer').regionIds)
  return {
    services,
    sponsorOrganisations,
    validation,
    regions,
    national,
    plans: plans.map(({ regionId, reviewerId, ...plan }) => ({
      ...plan,
      reviewing: reviewerId === actor.id,
      needsReviewer: plan.status === 'SUBMITTED' && !reviewerId && assigning.has(regionId),
    })),
  }
}
