// Security events that happen before anyone is known (issue 12): requests refused by the server's
// request guard. They go to the audit log like every other event, with the IP address.
import { prisma } from '~/utils/db.server'
import { recordAudit } from './audit.server'

export type RefusedRequest = {
  reason: string
  method: string
  path: string
  host: string
  origin: string
  ipAddress: string
}

export async function recordRefusedRequest(event: RefusedRequest): Promise<void> {
  await recordAudit(prisma, {
    actorId: null,
    action: event.reason === 'FOREIGN_HOST' ? 'security.foreign_host_refused' : 'security.cross_site_refused',
    entityType: 'Request',
    entityId: `${event.method} ${event.path}`,
    after: { host: event.host, origin: event.origin },
    ipAddress: event.ipAddress,
  })
}
