import { prisma } from '~/utils/db.server'
import { submissionScope, type Actor } from '~/modules/auth/permissions'

/** A cycle's details (open to every signed-in user) and the submissions in it the user may see. */
export async function getCycleForUser(actor: Actor, cycleId: string) {
  return prisma.cycle.findUnique({
    where: { id: cycleId },
    select: {
      id: true,
      name: true,
      type: true,
      status: true,
      evidencePeriodStart: true,
      evidencePeriodEnd: true,
      opensAt: true,
      submissionDeadline: true,
      validationDeadline: true,
      minimumExpectedLevel: true,
      edition: { select: { code: true, name: true } },
      submissions: {
        where: submissionScope(actor, 'submission:view'),
        orderBy: [{ region: { name: 'asc' } }, { organisation: { name: 'asc' } }],
        select: {
          id: true,
          status: true,
          submittedAt: true,
          isLate: true,
          organisation: { select: { name: true, odsCode: true } },
          region: { select: { name: true } },
        },
      },
    },
  })
}

/** Cycles that have opened (not drafts), newest first: the ones there can be reports about. */
export async function listReportableCycles() {
  return prisma.cycle.findMany({
    where: { status: { not: 'DRAFT' } },
    orderBy: { opensAt: 'desc' },
    select: { id: true, name: true },
  })
}
