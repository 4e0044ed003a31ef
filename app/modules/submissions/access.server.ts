// Loading a submission for a page or an action: the id is combined with the user's scope, so a
// submission out of reach is indistinguishable from one that does not exist (404); then the
// action is checked against the same matrix (403) and, for changes, against the status (409).
import { prisma } from '~/utils/db.server'
import { can, requirePermission, type Action, type Actor, type Target } from '~/modules/auth/permissions'
import { notFound } from '~/utils/http.server'
import { isEditableByService, isSubmissionStatus, type SubmissionStatus } from './status'

export type SubmissionContext = NonNullable<Awaited<ReturnType<typeof findSubmissionContext>>>

type ContextRow = {
  id: string
  reference: string
  status: string
  version: number | bigint
  cycleId: string
  organisationId: string
  libraryServiceId: string
  regionId: string
  sentForSignOffAt: Date | null
  submittedAt: Date | null
  isLate: boolean | null
  publishedAt: Date | null
  copiedFromId: string | null
  cycleName: string
  cycleStatus: string
  submissionDeadline: Date
  editionId: string
  opensAt: Date
  editionName: string
  editionUpdatedAt: Date
  organisationName: string
  odsCode: string
  libraryServiceName: string
  regionName: string
  /** JSON: the ids of the submission's validators. */
  validatorIds: string
}

/**
 * The submission if the user may view it, else null: missing and out of reach look the same.
 * Nearly every page of a submission starts here, so it is one statement rather than a query per
 * relation (seven with Prisma's `select`; ADR 017), and reach is decided by the permissions matrix
 * on the loaded target: the same rule `submissionScope` applies as a filter in lists.
 */
export async function findSubmissionContext(actor: Actor, submissionId: string) {
  const [row] = await prisma.$queryRaw<ContextRow[]>`
    SELECT s.id, s.reference, s.status, s.version, s.cycleId, s.organisationId, s.libraryServiceId,
      s.regionId, s.sentForSignOffAt, s.submittedAt, s.isLate, s.publishedAt, s.copiedFromId,
      c.name AS cycleName, c.status AS cycleStatus, c.submissionDeadline, c.editionId, c.opensAt,
      e.name AS editionName, e.updatedAt AS editionUpdatedAt,
      o.name AS organisationName, o.odsCode, l.name AS libraryServiceName, r.name AS regionName,
      (SELECT json_group_array(v.validatorId) FROM ValidatorAssignment v WHERE v.submissionId = s.id) AS validatorIds
    FROM Submission s
    JOIN Cycle c ON c.id = s.cycleId
    JOIN FrameworkEdition e ON e.id = c.editionId
    JOIN Organisation o ON o.id = s.organisationId
    JOIN LibraryService l ON l.id = s.libraryServiceId
    JOIN Region r ON r.id = s.regionId
    WHERE s.id = ${submissionId}`
  if (!row || !isSubmissionStatus(row.status)) return null
  const validatorIds = JSON.parse(row.validatorIds) as string[]
  const target: Target = {
    libraryServiceIds: [row.libraryServiceId],
    organisationId: row.organisationId,
    regionId: row.regionId,
    assignedValidatorIds: validatorIds,
  }
  if (!can(actor, 'submission:view', target)) return null
  const status: SubmissionStatus = row.status
  return {
    id: row.id,
    reference: row.reference,
    status,
    version: Number(row.version),
    cycleId: row.cycleId,
    organisationId: row.organisationId,
    libraryServiceId: row.libraryServiceId,
    regionId: row.regionId,
    sentForSignOffAt: row.sentForSignOffAt,
    submittedAt: row.submittedAt,
    isLate: row.isLate === null ? null : Boolean(row.isLate),
    publishedAt: row.publishedAt,
    /** The earlier submission its answers were copied from, if any. */
    copiedFromId: row.copiedFromId,
    cycle: {
      id: row.cycleId,
      name: row.cycleName,
      status: row.cycleStatus,
      submissionDeadline: row.submissionDeadline,
      editionId: row.editionId,
      opensAt: row.opensAt,
      edition: { id: row.editionId, name: row.editionName, updatedAt: row.editionUpdatedAt },
    },
    organisation: { id: row.organisationId, name: row.organisationName, odsCode: row.odsCode },
    libraryService: { id: row.libraryServiceId, name: row.libraryServiceName },
    region: { name: row.regionName },
    validatorAssignments: validatorIds.map((validatorId) => ({ validatorId })),
    target,
  }
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
