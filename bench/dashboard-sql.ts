// Child of bench/dashboard.ts: times the national dashboard's data in-process (the SQL aggregations
// and assembling the Dashboard object, no HTTP, no rendering) against one database, and prints JSON.
// Run: DATABASE_URL=file:bench/.out/dashboard-2000.db npx tsx bench/dashboard-sql.ts <cycleId> <runs>
import { performance } from 'node:perf_hooks'

const [cycleId, runsText] = process.argv.slice(2)
const runs = Number(runsText ?? 30)
if (!cycleId) throw new Error('Usage: dashboard-sql.ts <cycleId> [runs]')

// Imported after DATABASE_URL is set by the parent, so the app's client opens this database.
const { getDashboard } = await import('../app/modules/dashboards/dashboard.server')
const attainment = await import('../app/modules/attainment/attainment.server')
const actor = {
  id: 'bench',
  grants: [{ role: 'NATIONAL_VIEWER' as const, libraryServiceId: null, organisationId: null, regionId: null }],
}

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn()
    times.push(performance.now() - started)
  }
  return times
}

const filter = { cycleId }
const sql = await time(() =>
  Promise.all([
    attainment.countSubmissionsByRegionAndStatus(filter),
    attainment.countAgreedGradesWithSelf(filter),
    attainment.countRequiredActions(filter),
    attainment.countPlanItems(filter),
  ]),
)
const data = await time(() => getDashboard(actor, 'national', { cycleId }))
const dashboard = await getDashboard(actor, 'national', { cycleId })
process.stdout.write(
  JSON.stringify({
    sql,
    data,
    submissions: dashboard.progress.total,
    previousCycle: dashboard.previousCycle?.name ?? null,
  }),
)
process.exit(0)
