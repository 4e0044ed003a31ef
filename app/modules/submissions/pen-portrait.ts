// Pen portrait figures (domain.md §5): the qualified-staff ratio against the policy ratio.
export type StaffPost = { wte: number; qualified: boolean }

export type StaffingSummary = {
  totalPostsWte: number
  qualifiedWte: number
  organisationStaffWte: number
  /** Organisation staff WTE per qualified library and knowledge specialist WTE; null when there is none. */
  staffPerQualified: number | null
  /** Qualified WTE the policy asks for, given the organisations' staff. */
  policyQualifiedWte: number
  meetsPolicy: boolean
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places

export function summariseStaffing(
  posts: readonly StaffPost[],
  organisationStaffWte: readonly (number | null)[],
  policyStaffPerQualified: number,
): StaffingSummary {
  const totalPostsWte = round(posts.reduce((sum, p) => sum + p.wte, 0))
  const qualifiedWte = round(posts.filter((p) => p.qualified).reduce((sum, p) => sum + p.wte, 0))
  const staffWte = round(organisationStaffWte.reduce<number>((sum, wte) => sum + (wte ?? 0), 0))
  const policyQualifiedWte = round(staffWte / policyStaffPerQualified)
  return {
    totalPostsWte,
    qualifiedWte,
    organisationStaffWte: staffWte,
    staffPerQualified: qualifiedWte > 0 ? Math.round(staffWte / qualifiedWte) : null,
    policyQualifiedWte,
    meetsPolicy: staffWte > 0 && qualifiedWte >= policyQualifiedWte,
  }
}

const figure = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 })

/**
 * What the pen portrait says about the policy ratio. Until the figures it needs are saved, it says
 * which to fill in, rather than measuring an empty portrait against the policy.
 */
export function policyStatement(staffing: StaffingSummary, policyStaffPerQualified: number): string {
  const policy = `The policy is 1 qualified library and knowledge specialist per ${figure(policyStaffPerQualified)} WTE staff.`
  const missing = [
    staffing.organisationStaffWte === 0 ? 'the staff WTE of the organisations you serve' : null,
    staffing.totalPostsWte === 0 ? 'your library and knowledge service posts' : null,
  ].filter((part): part is string => part !== null)
  if (missing.length) return `${policy} Enter ${missing.join(' and ')} and save, to see whether the service meets it.`
  return `${policy} ${figure(staffing.policyQualifiedWte)} qualified WTE needed. ${staffing.meetsPolicy ? 'The service meets the policy ratio.' : 'The service does not meet the policy ratio yet.'}`
}
