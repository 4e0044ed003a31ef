// Loading a submission for a page or an action: the id is combined with the user's scope, so a
// submission out of reach is indistinguishable from one that does not exist (404); then the
// action is checked against the same matrix (403) and, for changes, against the status (409).
import { prisma } from '~/utils/db.server'
import { requirePermission, submissionScope, type Action, type Actor, type Target } from '~/modules/auth/permissions'
import { notFound } from '~/utils/http.server'
import { isEditableByService, isSubmissionStatus, type SubmissionStatus } from './status'

export type SubmissionContext = NonNullable<Awaited<ReturnType<typeof findSubmissionContext>>>

/** The submission if the user may view it, else null: missing and out of reach look the same. */
export async function findSubmissionContext(actor: Actor, submissionId: string) {
  const submission = await prisma.submission.findFirst({
    where: { id: submissionId, ...submissionScope(actor, 'submission:view') },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      cycleId: true,
      organisationId: true,
      libraryServiceId: true,
      regionId: true,
      sentForSignOffAt: true,
      submittedAt: true,
      isLate: true,
      publishedAt: true,
      cycle: {
        select: {
          id: true,
          name: true,
          status: true,
          submissionDeadline: true,
          editionId: true,
          opensAt: true,
          edition: { select: { name: true } },
        },
      },
      organisation: { select: { id: true, name: true, odsCode: true } },
      libraryService: { select: { id: true, name: true } },
      region: { select: { name: true } },
      validatorAssignments: { select: { validatorId: true } },
    },
  })
  if (!submission || !isSubmissionStatus(submission.status)) return null
  const status: SubmissionStatus = submission.status
  const target: Target = {
    libraryServiceIds: [submission.libraryServiceId],
    organisationId: submission.organisationId,
    regionId: submission.regionId,
    assignedValidatorIds: submission.validatorAssignments.map((a) => a.validatorId),
  }
  return { ...submission, status, target }
}

/** The submission for a page or an action: 404 when out of reach, 403 when the action is not allowed. */
export async function loadSubmissionContext(actor: Actor, submissionId: string, action: Action = 'submission:view') {
  const context = await findSubmissionContext(actor, submissionId)
  if (!context) notFound()
  requirePermission(actor, action, context.target)
  return context
}

export class SubmissionLocked extends Response {
  constructor(message = 'This submission has been sent for sign-off or submitted, so it can no longer be changed.') {
    super(message, { status: 409, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
}

/** Throws 409 unless the service may still change its answers. */
export function requireEditable(context: { status: SubmissionStatus }): void {
  if (!isEditableByService(context.status)) throw new SubmissionLocked()
}
