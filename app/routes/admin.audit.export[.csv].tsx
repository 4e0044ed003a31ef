import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseAuditLogFilter } from '~/modules/audit/audit-log-filter'
import { auditLogCsvFileName, auditLogCsvStream } from '~/modules/audit/audit-log.server'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { invariantResponse } from '~/utils/http.server'

// Everything the audit log's filter selects, as CSV streamed a batch at a time.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'audit:view')
  const { filter, errors } = parseAuditLogFilter(new URL(request.url).searchParams)
  invariantResponse(Object.keys(errors).length === 0, Object.values(errors).join('\n'))
  return new Response(auditLogCsvStream(filter), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${auditLogCsvFileName()}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
