// Assigning two validators to a submitted submission: a primary from its region and a second from
// another region, never someone who belongs to the organisation (issue 4, item 1).
import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { notifyValidatorsAssigned } from '~/modules/notifications/notifications.server'
import type { SubmissionContext } from '~/modules/submissions/access.server'
import { canTransition } from '~/modules/submissions/status'
import { calendarDaysBetween } from '~/utils/dates'
import { ineligibilityReason, type ValidatorCandidate } from './rules'

export type Candidate = {
  id: string
  name: string
  regionName: string | null
  eligible: { PRIMARY: boolean; SECONDARY: boolean }
  /** Their current workload: assignments on any submission not yet completed. */
  openAssignments: number
}

/** Everyone who holds the validator role, with whether each may take either place on this submission. */
export async function listCandidates(context: SubmissionContext): Promise<Candidate[]> {
  const users = await prisma.user.findMany({
    where: { active: true, roles: { some: { role: 'VALIDATOR' } } },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      roles: {
        select: {
          role: true,
          regionId: true,
          organisationId: true,
          libraryServiceId: true,
          region: { select: { name: true } },
        },
      },
      _count: { select: { validatorAssignments: { where: { completedAt: null } } } },
    },
  })
  const target = {
    regionId: context.regionId,
    organisationId: context.organisationId,
    libraryServiceId: context.libraryServiceId,
  }
  return users.map((user) => {
    const home = user.roles.find((r) => r.role === 'VALIDATOR')
    const candidate: ValidatorCandidate = {
      userId: user.id,
      homeRegionId: home?.regionId ?? null,
      organisationIds: user.roles.flatMap((r) => (r.organisationId ? [r.organisationId] : [])),
      libraryServiceIds: user.roles.flatMap((r) => (r.libraryServiceId ? [r.libraryServiceId] : [])),
    }
    return {
      id: user.id,
      name: user.name,
      regionName: home?.region?.name ?? null,
      eligible: {
        PRIMARY: ineligibilityReason(candidate, target, 'PRIMARY') === null,
        SECONDARY: ineligibilityReason(candidate, target, 'SECONDARY') === null,
      },
      openAssignments: user._count.validatorAssignments,
    }
  })
}

/**
 * The due date the form offers: the one already set, else the cycle's validation deadline while it
 * is still ahead (dates stored as their calendar day).
 */
export async function dueDateOffer(context: SubmissionContext, now = new Date()) {
  const [assigned, cycle] = await Promise.all([
    prisma.validatorAssignment.findFirst({
      where: { submissionId: context.id },
      orderBy: { assignedAt: 'desc' },
      select: { dueDate: true },
    }),
    prisma.cycle.findUniqueOrThrow({ where: { id: context.cycleId }, select: { validationDeadline: true } }),
  ])
  const deadlineAhead = calendarDaysBetween(now, cycle.validationDeadline) >= 0
  return {
    validationDeadline: cycle.validationDeadline,
    suggested: assigned?.dueDate ?? (deadlineAhead ? cycle.validationDeadline : null),
  }
}

export async function getAssignments(submissionId: string) {
  return prisma.validatorAssignment.findMany({
    where: { submissionId },
    orderBy: { kind: 'asc' },
    select: { id: true, kind: true, dueDate: true, completedAt: true, validator: { select: { id: true, name: true } } },
  })
}

export type AssignResult =
  { ok: true } | { ok: false; fieldErrors: Record<string, string[]> } | { ok: false; message: string }

/** Assigns (or reassigns, before they start) the primary and second validators, and starts validation. */
export async function assignValidators(input: {
  actor: Actor
  context: SubmissionContext
  primaryId: string
  secondaryId: string
  dueDate: Date
  ipAddress: string
}): Promise<AssignResult> {
  const { actor, context } = input
  requirePermission(actor, 'validation:assign', context.target)
  if (context.status !== 'SUBMITTED' && context.status !== 'IN_VALIDATION')
    return {
      ok: false,
      message: 'Validators can be assigned only to a submitted submission that is not yet validated.',
    }
  const candidates = await listCandidates(context)
  const fieldErrors: Record<string, string[]> = {}
  if (!candidates.find((c) => c.id === input.primaryId)?.eligible.PRIMARY)
    fieldErrors.primaryId = ['Select a validator from the submission’s region who does not belong to the organisation']
  if (!candidates.find((c) => c.id === input.secondaryId)?.eligible.SECONDARY)
    fieldErrors.secondaryId = ['Select a validator from another region who does not belong to the organisation']
  if (input.primaryId === input.secondaryId) fieldErrors.secondaryId = ['Select two different validators']
  if (input.dueDate.getTime() < Date.now() - 24 * 60 * 60 * 1000)
    fieldErrors.dueDate = ['The due date must be today or in the future']
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }

  const result = await prisma.$transaction(async (tx) => {
    const existing = await tx.validatorAssignment.findMany({
      where: { submissionId: context.id },
      select: { id: true, kind: true, validatorId: true, completedAt: true, _count: { select: { validations: true } } },
    })
    // Someone who has started grading keeps their place: their work would be lost otherwise.
    for (const [kind, validatorId] of [
      ['PRIMARY', input.primaryId],
      ['SECONDARY', input.secondaryId],
    ] as const) {
      const current = existing.find((a) => a.kind === kind)
      if (current && current.validatorId !== validatorId && (current._count.validations > 0 || current.completedAt)) {
        return {
          ok: false as const,
          message:
            'A validator who has started grading cannot be replaced. Ask them to finish, or reopen their validation.',
        }
      }
    }
    await tx.validatorAssignment.deleteMany({
      where: { submissionId: context.id, validations: { none: {} }, completedAt: null },
    })
    for (const [kind, validatorId] of [
      ['PRIMARY', input.primaryId],
      ['SECONDARY', input.secondaryId],
    ] as const) {
      const kept = await tx.validatorAssignment.findFirst({
        where: { submissionId: context.id, kind },
        select: { id: true },
      })
      if (kept)
        await tx.validatorAssignment.update({
          where: { id: kept.id },
          data: { dueDate: input.dueDate },
          select: { id: true },
        })
      else
        await tx.validatorAssignment.create({
          data: { submissionId: context.id, validatorId, kind, dueDate: input.dueDate, assignedById: actor.id },
          select: { id: true },
        })
    }
    if (context.status === 'SUBMITTED') {
      const role = actor.grants.some((g) => g.role === 'NATIONAL_ADMIN') ? 'NATIONAL_ADMIN' : 'REGIONAL_LEAD'
      if (!canTransition('SUBMITTED', 'IN_VALIDATION', role))
        return { ok: false as const, message: 'You cannot start validation of this submission.' }
      const { count } = await tx.submission.updateMany({
        where: { id: context.id, status: 'SUBMITTED', version: context.version },
        data: { status: 'IN_VALIDATION', version: { increment: 1 } },
      })
      if (count === 0)
        throw new Response('This submission has moved on since the page was loaded. Reload it and try again.', {
          status: 409,
        })
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'validation.validators_assigned',
      entityType: 'Submission',
      entityId: context.id,
      submissionId: context.id,
      before: {
        status: context.status,
        assignments: existing.map((a) => ({ kind: a.kind, validatorId: a.validatorId })),
      },
      after: {
        status: 'IN_VALIDATION',
        primaryId: input.primaryId,
        secondaryId: input.secondaryId,
        dueDate: input.dueDate,
      },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
  if (result.ok) await notifyValidatorsAssigned(context.id)
  return result
}
