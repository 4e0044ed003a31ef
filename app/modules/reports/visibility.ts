// Which validation work a reader of the reviewer pack may see (issue 5). Pure: the loader gathers
// the facts, these rules decide. Only reviewer actions are consulted ('validation:grade',
// 'validation:moderate', 'dashboard:national', and `resultAudience` for the agreed result), and no
// service-side role holds any of them, so a service grant can never reveal validation data, even
// to someone who also holds a reviewer grant elsewhere.
import { can, type Actor, type Target } from '~/modules/auth/permissions'
import { resultAudience } from '~/modules/results/visibility'
import type { SubmissionStatus } from '~/modules/submissions/status'

export type AssignmentKind = 'PRIMARY' | 'SECONDARY'

/** What the rules need to know of each validator assignment of the submission. */
export type AssignmentFacts = { kind: AssignmentKind; validatorId: string; completed: boolean }

export type PackVisibility = {
  /** The assignments whose grades, rationales, notes and judgements the reader sees. */
  validations: AssignmentKind[]
  /** Whether the reader sees the agreed result (when there is one). */
  agreed: boolean
  /** The series the radar compares the self-assessment with, or null for none. */
  validatedSeriesLabel: string | null
}

export const AGREED_SERIES_LABEL = 'Agreed grade'
export const OWN_VALIDATION_SERIES_LABEL = 'Your validation grade'

const KIND_ORDER: readonly AssignmentKind[] = ['PRIMARY', 'SECONDARY']

/** Both validators have completed: only then may either see the other's work (independence). */
export function bothCompleted(assignments: readonly AssignmentFacts[]): boolean {
  return KIND_ORDER.every((kind) => assignments.some((a) => a.kind === kind && a.completed))
}

export function reviewerPackVisibility(
  actor: Actor,
  target: Target,
  status: SubmissionStatus,
  assignments: readonly AssignmentFacts[],
): PackVisibility {
  // The regional lead of the submission's region and the national roles oversee every validation.
  const oversees = can(actor, 'validation:moderate', target) || can(actor, 'dashboard:national', target)
  const validates = can(actor, 'validation:grade', target)
  const visible = assignments.filter(
    (a) => oversees || (validates && (a.validatorId === actor.id || bothCompleted(assignments))),
  )
  const validations = KIND_ORDER.filter((kind) => visible.some((a) => a.kind === kind))
  const agreed = resultAudience(actor, target, status) === 'reviewer'
  const onlyOwn = visible.length > 0 && visible.every((a) => a.validatorId === actor.id)
  return {
    validations,
    agreed,
    validatedSeriesLabel: agreed ? AGREED_SERIES_LABEL : onlyOwn ? OWN_VALIDATION_SERIES_LABEL : null,
  }
}
