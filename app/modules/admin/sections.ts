// The administration area (issue 7): which sections a user may open, from the permissions matrix.
// Administration is national: each section needs its permission everywhere. Pure.
import { reachOf, type Action, type Actor } from '~/modules/auth/permissions'

export type AdminSection = { href: string; title: string; description: string; action: Action }

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  {
    href: '/admin/editions',
    title: 'Framework editions',
    description: 'Copy, edit, publish, export and import editions of the quality framework.',
    action: 'framework:manage',
  },
  {
    href: '/admin/cycles',
    title: 'Cycles',
    description: 'Create and open cycles, set their deadlines and choose which organisations take part.',
    action: 'cycle:manage',
  },
  {
    href: '/admin/organisations',
    title: 'Organisations',
    description: 'Add, edit, import and deactivate organisations.',
    action: 'organisation:manage',
  },
  {
    href: '/admin/services',
    title: 'Library services',
    description: 'Add and edit library and knowledge services and the organisations each one serves.',
    action: 'organisation:manage',
  },
  {
    href: '/admin/users',
    title: 'People',
    description: 'Invite people, give them roles, and deactivate accounts.',
    action: 'user:manage',
  },
  {
    href: '/admin/mail',
    title: 'Email sent',
    description: 'The messages the portal has written while no mail server is set up.',
    action: 'user:manage',
  },
  {
    href: '/admin/audit',
    title: 'Audit log',
    description: 'Every change, who made it and when; filter and export it.',
    action: 'audit:view',
  },
  {
    href: '/admin/contact-details',
    title: 'Contact details',
    description:
      'Who people contact about the portal, accessibility and their data, and where security problems are reported.',
    action: 'settings:manage',
  },
]

/** The sections the user may open: those whose permission reaches everywhere. */
export function adminSectionsFor(actor: Actor): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => reachOf(actor, section.action).everywhere)
}

/** Throws 403 unless the user may open the section with this action. */
export function canAdminister(actor: Actor, action: Action): boolean {
  return reachOf(actor, action).everywhere
}
