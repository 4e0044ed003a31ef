import { adminSectionsFor } from '~/modules/admin/sections'
import { canSomewhere, reachOf, type Actor } from './permissions'

export type NavigationItem = { href: string; text: string }

/** The header links a user sees, from what the permissions matrix lets them do. */
export function navigationFor(actor: Actor): NavigationItem[] {
  const items: NavigationItem[] = [{ href: '/', text: 'Home' }]
  // A member of several services finds each library from their home page instead.
  const services = reachOf(actor, 'evidence:manage').serviceIds
  if (services.length === 1) items.push({ href: `/services/${services[0]}/evidence`, text: 'Evidence library' })
  if (canSomewhere(actor, 'validation:grade')) items.push({ href: '/validation', text: 'Validation' })
  if (canSomewhere(actor, 'dashboard:national')) items.push({ href: '/dashboards/national', text: 'Dashboards' })
  else if (canSomewhere(actor, 'dashboard:regional')) items.push({ href: '/dashboards/regional', text: 'Dashboard' })
  if (canSomewhere(actor, 'sip:view')) items.push({ href: '/improvement', text: 'Service improvement' })
  if (canSomewhere(actor, 'framework:view')) items.push({ href: '/framework', text: 'Framework' })
  if (adminSectionsFor(actor).length) items.push({ href: '/admin', text: 'Admin' })
  return items
}
