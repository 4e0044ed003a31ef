// Workflow emails (issue 7, item 5): who each message goes to and sending it. The workflow calls
// these after its transaction has committed, so the change is saved and audited whatever happens
// to the mail; nothing here throws: a failure (of the look-up or of sending) is logged instead.
// Recipients are the active users holding the role in the submission's scope (RoleAssignment rows).
import { prisma, type Prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { sendEmailSafely } from './mailer.server'
import {
  clarificationAnsweredMessage,
  clarificationRequestedMessage,
  moderationNeededMessage,
  resultPublishedMessage,
  secondValidationCompletedMessage,
  returnedBySponsorMessage,
  sentForSignOffMessage,
  signedOffBySponsorMessage,
  submissionReceiptMessage,
  submittedMessage,
  validatorAssignedMessage,
  type NotificationMessage,
  type SubmissionFacts,
} from './messages'
import { logger } from '~/utils/logger.server'

/**
 * The origin for links in emails and reports: only ever the configured APP_ORIGIN (required in
 * production), never the Host of a request, which whoever sends the request chooses.
 */
export function portalOrigin(): string {
  return getEnv().APP_ORIGIN
}

type Scope = { libraryServiceId: string; organisationId: string; regionId: string }

/** Who holds which role: service roles by library service, the sponsor by organisation, the regional lead by region. */
export type RecipientRole = 'SERVICE_LEAD' | 'SERVICE_CONTRIBUTOR' | 'EXECUTIVE_SPONSOR' | 'REGIONAL_LEAD'

function grantFor(role: RecipientRole, scope: Scope): Prisma.RoleAssignmentWhereInput {
  switch (role) {
    case 'SERVICE_LEAD':
    case 'SERVICE_CONTRIBUTOR':
      return { role, libraryServiceId: scope.libraryServiceId }
    case 'EXECUTIVE_SPONSOR':
      return { role, organisationId: scope.organisationId }
    case 'REGIONAL_LEAD':
      return { role, regionId: scope.regionId }
  }
}

/** The email addresses of active users who hold any of the roles in the submission's scope, sorted. */
export async function recipientsFor(scope: Scope, roles: readonly RecipientRole[]): Promise<string[]> {
  if (roles.length === 0) return []
  const users = await prisma.user.findMany({
    where: { active: true, roles: { some: { OR: roles.map((role) => grantFor(role, scope)) } } },
    orderBy: { email: 'asc' },
    select: { email: true },
  })
  return users.map((u) => u.email)
}

const submissionSelect = {
  id: true,
  reference: true,
  status: true,
  libraryServiceId: true,
  organisationId: true,
  regionId: true,
  submittedAt: true,
  isLate: true,
  organisation: { select: { name: true } },
  libraryService: { select: { name: true } },
  region: { select: { name: true } },
  cycle: { select: { name: true, submissionDeadline: true } },
} satisfies Prisma.SubmissionSelect

type LoadedSubmission = Prisma.SubmissionGetPayload<{ select: typeof submissionSelect }>

async function loadSubmission(submissionId: string): Promise<LoadedSubmission | null> {
  return prisma.submission.findUnique({ where: { id: submissionId }, select: submissionSelect })
}

export function submissionFacts(submission: {
  id: string
  reference: string
  organisation: { name: string }
  libraryService: { name: string }
  cycle: { name: string }
}): SubmissionFacts {
  return {
    id: submission.id,
    reference: submission.reference,
    organisationName: submission.organisation.name,
    libraryServiceName: submission.libraryService.name,
    cycleName: submission.cycle.name,
  }
}

async function send(message: NotificationMessage, to: readonly string[], key?: string): Promise<void> {
  await sendEmailSafely({ ...message, to, key })
}

/** Runs a notification without letting any failure reach the user's action. */
async function safely(
  kind: string,
  submissionId: string,
  work: (submission: LoadedSubmission) => Promise<void>,
): Promise<void> {
  try {
    const submission = await loadSubmission(submissionId)
    if (submission) await work(submission)
  } catch (error) {
    logger.error({ err: error }, `Preparing the ${kind} email for submission ${submissionId} failed`)
  }
}

/** The service lead has sent the submission for sign-off: to the organisation's executive sponsors. */
export async function notifySentForSignOff(submissionId: string): Promise<void> {
  await safely('SENT_FOR_SIGN_OFF', submissionId, async (submission) => {
    const to = await recipientsFor(submission, ['EXECUTIVE_SPONSOR'])
    await send(
      sentForSignOffMessage({
        origin: portalOrigin(),
        submission: submissionFacts(submission),
        submissionDeadline: submission.cycle.submissionDeadline,
      }),
      to,
    )
  })
}

/** The sponsor has returned the submission: to the service leads, with the reason, once per decision. */
export async function notifyReturnedBySponsor(
  submissionId: string,
  input: { signOffId: string; sponsorName: string; reason: string },
): Promise<void> {
  await safely('RETURNED_BY_SPONSOR', submissionId, async (submission) => {
    const to = await recipientsFor(submission, ['SERVICE_LEAD'])
    await send(
      returnedBySponsorMessage({
        origin: portalOrigin(),
        submission: submissionFacts(submission),
        sponsorName: input.sponsorName,
        reason: input.reason,
      }),
      to,
      `returned-by-sponsor:${input.signOffId}`,
    )
  })
}

/** The sponsor has signed off: to the service leads, who submit next, once per decision. */
export async function notifySignedOffBySponsor(
  submissionId: string,
  input: { signOffId: string; sponsorName: string; sponsorRole: string; signedOffAt: Date },
): Promise<void> {
  await safely('SIGNED_OFF_BY_SPONSOR', submissionId, async (submission) => {
    const to = await recipientsFor(submission, ['SERVICE_LEAD'])
    await send(
      signedOffBySponsorMessage({
        origin: portalOrigin(),
        submission: submissionFacts(submission),
        sponsorName: input.sponsorName,
        sponsorRole: input.sponsorRole,
        signedOffAt: input.signedOffAt,
        submissionDeadline: submission.cycle.submissionDeadline,
      }),
      to,
      `signed-off-by-sponsor:${input.signOffId}`,
    )
  })
}

/**
 * The service has submitted: the regional leads of the submission's region are asked to assign
 * validators, and the service leads and contributors and the organisation's executive sponsors get
 * a receipt (once per submission time).
 */
export async function notifySubmitted(submissionId: string): Promise<void> {
  await safely('SUBMITTED', submissionId, async (submission) => {
    const submittedAt = submission.submittedAt ?? new Date()
    const facts = submissionFacts(submission)
    const [regionalLeads, service] = await Promise.all([
      recipientsFor(submission, ['REGIONAL_LEAD']),
      recipientsFor(submission, ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR', 'EXECUTIVE_SPONSOR']),
    ])
    await send(
      submittedMessage({
        origin: portalOrigin(),
        submission: facts,
        regionName: submission.region.name,
        submittedAt,
        submissionDeadline: submission.cycle.submissionDeadline,
        isLate: submission.isLate ?? false,
      }),
      regionalLeads,
    )
    await send(
      submissionReceiptMessage({
        origin: portalOrigin(),
        submission: facts,
        submittedAt,
        submissionDeadline: submission.cycle.submissionDeadline,
        isLate: submission.isLate ?? false,
      }),
      service,
      `submission-receipt:${submission.id}:${submittedAt.toISOString()}`,
    )
  })
}

/**
 * Validators assigned: to each validator, once for each due date (assigning the same people again
 * tells nobody twice; a new validator, or a new due date, is told).
 */
export async function notifyValidatorsAssigned(submissionId: string): Promise<void> {
  await safely('VALIDATOR_ASSIGNED', submissionId, async (submission) => {
    const assignments = await prisma.validatorAssignment.findMany({
      where: { submissionId, completedAt: null, validator: { active: true } },
      orderBy: { kind: 'asc' },
      select: { id: true, kind: true, dueDate: true, validator: { select: { id: true, email: true } } },
    })
    for (const assignment of assignments) {
      const message = validatorAssignedMessage({
        origin: portalOrigin(),
        submission: submissionFacts(submission),
        assignmentId: assignment.id,
        kind: assignment.kind === 'PRIMARY' ? 'PRIMARY' : 'SECONDARY',
        dueDate: assignment.dueDate,
      })
      await send(
        message,
        [assignment.validator.email],
        `validator-assigned:${submissionId}:${assignment.validator.id}:${assignment.dueDate.toISOString()}`,
      )
    }
  })
}

/** A validator has asked about outcomes: to the service leads and contributors, naming the outcomes. */
export async function notifyClarificationRequested(
  submissionId: string,
  outcomeNumbers: readonly number[],
): Promise<void> {
  await safely('CLARIFICATION_REQUESTED', submissionId, async (submission) => {
    const outcomes = await prisma.outcome.findMany({
      where: {
        number: { in: [...outcomeNumbers] },
        edition: { cycles: { some: { submissions: { some: { id: submissionId } } } } },
      },
      orderBy: { number: 'asc' },
      select: { number: true, shortTitle: true },
    })
    const to = await recipientsFor(submission, ['SERVICE_LEAD', 'SERVICE_CONTRIBUTOR'])
    await send(
      clarificationRequestedMessage({ origin: portalOrigin(), submission: submissionFacts(submission), outcomes }),
      to,
    )
  })
}

/** The service has answered and resubmitted: to each validator assigned. */
export async function notifyClarificationAnswered(
  submissionId: string,
  outcomeNumbers: readonly number[],
): Promise<void> {
  await safely('CLARIFICATION_ANSWERED', submissionId, async (submission) => {
    const assignments = await prisma.validatorAssignment.findMany({
      where: { submissionId, validator: { active: true } },
      orderBy: { kind: 'asc' },
      select: { id: true, validator: { select: { email: true } } },
    })
    for (const assignment of assignments) {
      await send(
        clarificationAnsweredMessage({
          origin: portalOrigin(),
          submission: submissionFacts(submission),
          assignmentId: assignment.id,
          outcomeNumbers,
        }),
        [assignment.validator.email],
      )
    }
  })
}

/** The result is published: to the service leads and the organisation's executive sponsors. */
export async function notifyResultPublished(submissionId: string): Promise<void> {
  await safely('RESULT_PUBLISHED', submissionId, async (submission) => {
    const [to, requiredActions] = await Promise.all([
      recipientsFor(submission, ['SERVICE_LEAD', 'EXECUTIVE_SPONSOR']),
      prisma.requiredAction.count({ where: { agreedResult: { submissionId } } }),
    ])
    await send(
      resultPublishedMessage({ origin: portalOrigin(), submission: submissionFacts(submission), requiredActions }),
      to,
    )
  })
}

/** Outcome numbers and short titles of the submission's framework edition, for naming them in an email. */
async function outcomeTitles(submissionId: string, numbers: readonly number[]) {
  return prisma.outcome.findMany({
    where: {
      number: { in: [...numbers] },
      edition: { cycles: { some: { submissions: { some: { id: submissionId } } } } },
    },
    orderBy: { number: 'asc' },
    select: { number: true, shortTitle: true },
  })
}

/**
 * A validator has completed their validation. When it was the second validator, the primary is
 * told what comes next; when both are complete and some outcomes differ by more than one
 * sub-level, the region's regional leads are told which outcomes to moderate.
 */
export async function notifyValidationCompleted(input: {
  submissionId: string
  completedKind: 'PRIMARY' | 'SECONDARY'
  next: 'WAITING' | 'AGREEMENT' | 'MODERATION'
  differing: readonly number[]
}): Promise<void> {
  await safely('VALIDATION_COMPLETED', input.submissionId, async (submission) => {
    const facts = submissionFacts(submission)
    if (input.completedKind === 'SECONDARY') {
      const primary = await prisma.validatorAssignment.findFirst({
        where: { submissionId: submission.id, kind: 'PRIMARY', validator: { active: true } },
        select: { id: true, validator: { select: { email: true } } },
      })
      if (primary) {
        await send(
          secondValidationCompletedMessage({
            origin: portalOrigin(),
            submission: facts,
            primaryAssignmentId: primary.id,
            next: input.next,
            differing: input.differing,
          }),
          [primary.validator.email],
        )
      }
    }
    if (input.next === 'MODERATION') {
      const [outcomes, to] = await Promise.all([
        outcomeTitles(submission.id, input.differing),
        recipientsFor(submission, ['REGIONAL_LEAD']),
      ])
      await send(moderationNeededMessage({ origin: portalOrigin(), submission: facts, outcomes }), to)
    }
  })
}
