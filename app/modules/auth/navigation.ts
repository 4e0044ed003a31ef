import { canSomewhere, type Actor } from './permissions'

export type NavigationItem = { href: string; text: string }

/** The header links a user sees, from what the permissions matrix lets them do. */
export function navigationFor(actor: Actor): NavigationItem[] {
  const items: NavigationItem[] = [{ href: '/', text: 'Home' }]
  if (canSomewhere(actor, 'framework:view')) items.push({ href: '/framework', text: 'Framework' })
  return items
}
