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
