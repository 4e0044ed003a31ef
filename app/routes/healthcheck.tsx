import { checkDatabase } from '~/utils/health.server'

// For load balancers and monitoring: 200 only when the database answers a query.
export async function loader() {
  const healthy = await checkDatabase()
  return new Response(healthy ? 'OK' : 'The database is not answering', {
    status: healthy ? 200 : 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
