// Who may read a submission's validated result, and when (issue 4, item 6). Pure.
// The service side (contributors, the lead and the executive sponsor) sees nothing of validation
// until the result is published; reviewers (assigned validators, the regional lead, national roles)
// see the agreed result from the moment it is validated.
import { can, type Actor, type Target } from '~/modules/auth/permissions'
import type { Role } from '~/modules/auth/roles'
import { isResultVisibleToService, type SubmissionStatus } from '~/modules/submissions/status'

const SERVICE_SIDE: readonly Role[] = ['SERVICE_CONTRIBUTOR', 'SERVICE_LEAD', 'EXECUTIVE_SPONSOR']

/** How the user reads the result: as a reviewer, as the service, or not at all (null). */
export type ResultAudience = 'reviewer' | 'service'

function reviewerSide(actor: Actor): Actor {
  return { id: actor.id, grants: actor.grants.filter((grant) => !SERVICE_SIDE.includes(grant.role)) }
}

export function resultAudience(actor: Actor, target: Target, status: SubmissionStatus): ResultAudience | null {
  const agreed = status === 'VALIDATED' || status === 'PUBLISHED'
  if (agreed && can(reviewerSide(actor), 'result:view', target)) return 'reviewer'
  if (isResultVisibleToService(status) && can(actor, 'result:view', target)) return 'service'
  return null
}
