import { checkReadiness } from '~/utils/health.server'
import { logger } from '~/utils/logger.server'

// For load balancers and deployment checks: 200 only when the database takes a write and the
// database and upload folders have more free space than MIN_FREE_DISK_MB; otherwise 503 with the
// failing checks. /healthcheck is the cheap liveness check.
export async function loader() {
  const { ready, checks } = await checkReadiness()
  if (!ready) logger.warn({ checks: checks.filter((c) => !c.ok) }, 'Readiness check failed')
  return Response.json(
    { status: ready ? 'ready' : 'not ready', checks },
    { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
