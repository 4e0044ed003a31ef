// Who must use two-step verification: anyone holding one of the configured roles
// (TWO_STEP_REQUIRED_ROLES, national admins and regional leads by default). Others may turn it on.
import type { Role, RoleGrant } from './roles'

export function secondFactorRequired(grants: readonly RoleGrant[], requiredRoles: readonly Role[]): boolean {
  return grants.some((grant) => requiredRoles.includes(grant.role))
}
