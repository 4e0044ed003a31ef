// Loading a submission for a page or an action: the id is combined with the user's scope, so a
// submission out of reach is indistinguishable from one that does not exist (404); then the
// action is checked against the same matrix (403) and, for changes, against the status (409).
import { prisma } from '~/utils/db.server'
import { requirePermission, submissionScope, type Action, type Actor, type Target } from '~/modules/auth/permissions'
import { notFound } from '~/utils/http.server'
import { isEditableByService, isSubmissionStatus, type SubmissionStatus } from './status'

export type SubmissionContext = Awaited<ReturnType<typeof loadSubmissionContext>>

export async function loadSubmissionContext(actor: Actor, submissionId: string, action: Action = 'submission:view') {
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
      cycle: { select: { id: true, name: true, status: true, submissionDeadline: true, editionId: true, opensAt: true } },
      organisation: { select: { id: true, name: true, odsCode: true } },
      libraryService: { select: { id: true, name: true } },
      region: { select: { name: true } },
      validatorAssignments: { select: { validatorId: true } },
    },
  })
  if (!submission || !isSubmissionStatus(submission.status)) notFound()
  const status: SubmissionStatus = submission.status
  const target: Target = {
    libraryServiceIds: [submission.libraryServiceId],
    organisationId: submission.organisationId,
    regionId: submission.regionId,
    assignedValidatorIds: submission.validatorAssignments.map((a) => a.validatorId),
  }
  requirePermission(actor, action, target)
  return { ...submission, status, target }
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
