// The portal's contact details (issue 16, item 9): one row a national admin edits, read by the
// footer, the accessibility statement, the privacy notice, the cookies page and security.txt.
// Until an admin first saves them, the installation's CONTACT_* and SECURITY_CONTACT_EMAIL apply.
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { prisma, type Db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'

import type { ContactDetails } from './contact'
import type { ContactDetailsInput } from './schema'

const ROW_ID = 'contact'
const SELECT = { team: true, email: true, phone: true, securityEmail: true, responseDays: true, updatedAt: true }

/** The details as the installation's settings give them. */
export function configuredContactDetails(): ContactDetails {
  const env = getEnv()
  return {
    team: env.CONTACT_TEAM,
    email: env.CONTACT_EMAIL,
    phone: env.CONTACT_PHONE || null,
    securityEmail: env.SECURITY_CONTACT_EMAIL ?? env.CONTACT_EMAIL,
    responseDays: env.CONTACT_RESPONSE_DAYS,
  }
}

type Row = { team: string; email: string; phone: string | null; securityEmail: string | null; responseDays: number }

function fromRow(row: Row): ContactDetails {
  return {
    team: row.team,
    email: row.email,
    phone: row.phone,
    securityEmail: row.securityEmail ?? row.email,
    responseDays: row.responseDays,
  }
}

/** The contact details every public page shows, with the version (last save) the admin form sends back. */
export async function contactDetailsWithVersion(
  db: Db = prisma,
): Promise<{ contact: ContactDetails; version: string }> {
  const row = await db.contactSettings.findUnique({ where: { id: ROW_ID }, select: SELECT })
  return row
    ? { contact: fromRow(row), version: row.updatedAt.toISOString() }
    : { contact: configuredContactDetails(), version: '' }
}

/** The contact details every public page shows. */
export async function contactDetails(db: Db = prisma): Promise<ContactDetails> {
  return (await contactDetailsWithVersion(db)).contact
}

export type UpdateContactResult = { ok: true } | { ok: false; reason: 'CHANGED' }

/**
 * Saves the details in one transaction with an audit event holding the before and after. Refused
 * (CHANGED) when someone else saved since the form was loaded; nothing is written then.
 */
export async function updateContactDetails(
  actor: Actor,
  input: ContactDetailsInput,
  { ipAddress }: { ipAddress: string },
): Promise<UpdateContactResult> {
  requirePermission(actor, 'settings:manage')
  return prisma.$transaction(async (tx) => {
    const current = await contactDetailsWithVersion(tx)
    if (current.version !== input.version) return { ok: false, reason: 'CHANGED' } as const
    const values = {
      team: input.team,
      email: input.email,
      phone: input.phone,
      securityEmail: input.securityEmail,
      responseDays: input.responseDays,
      updatedByUserId: actor.id,
    }
    await tx.contactSettings.upsert({ where: { id: ROW_ID }, create: { id: ROW_ID, ...values }, update: values })
    const after = fromRow(values)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.contact_details_updated',
      entityType: 'ContactSettings',
      entityId: ROW_ID,
      before: current.contact,
      after,
      ipAddress,
    })
    return { ok: true } as const
  })
}
