// A dashboard request: the filter in the query string (validated with Zod; a value that is not one
// of the options falls back to the default, and the page says so: filter-notices.ts), the suppression choice, and the
// dashboard itself. Shared by the pages and their exports, so an export is exactly what was shown.
import { z } from 'zod'
import type { SessionUser } from '~/modules/auth/session.server'
import { getDashboardImprovementViews } from '~/modules/improvement/dashboard.server'
import { getEnv } from '~/utils/env.server'
import { forbidden } from '~/utils/http.server'
import { getDashboard, getFilterOptions, resolveFilter, type DashboardKind } from './dashboard.server'
import { filterNotices } from './filter-notices'
import type { DashboardFilter } from './model'
import { publishDashboard } from './publish'
import { suppressionAt, type Suppression } from './suppression'

// Any text is kept (shortened), so that a value that is not an option can be named on the page
// ("There is no cycle called …"); an empty one means "all".
const id = z
  .string()
  .trim()
  .transform((value) => value.slice(0, 200) || undefined)
  .optional()
  .catch(undefined)

export const DashboardQuerySchema = z.object({
  cycle: id,
  edition: id,
  region: id,
  type: id,
  suppress: z.enum(['yes']).optional().catch(undefined),
})

export type DashboardQuery = z.infer<typeof DashboardQuerySchema>

export function parseDashboardQuery(url: URL): DashboardQuery {
  return DashboardQuerySchema.parse(Object.fromEntries(url.searchParams))
}

/** The same filter as a query string, for export links and the form's next request. */
export function queryString(
  filter: DashboardFilter,
  suppression: Suppression,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams()
  params.set('cycle', filter.cycleId)
  if (filter.editionId) params.set('edition', filter.editionId)
  if (filter.regionId) params.set('region', filter.regionId)
  if (filter.organisationType) params.set('type', filter.organisationType)
  if (suppression) params.set('suppress', 'yes')
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return params.toString()
}

/**
 * Everything a dashboard page or export needs. The regional dashboard uses the region asked for
 * (403 if the user does not lead it) or the user's first region; national roles may narrow the
 * national dashboard to one region.
 */
export async function loadDashboard(user: SessionUser, kind: DashboardKind, url: URL) {
  const query = parseDashboardQuery(url)
  const options = await getFilterOptions(user, kind)
  if (options.regions.length === 0) forbidden()
  const asked = { cycleId: query.cycle, editionId: query.edition, regionId: query.region, organisationType: query.type }
  const resolved = resolveFilter(asked, options)
  const suppression: Suppression = query.suppress ? suppressionAt(getEnv().SUPPRESSION_THRESHOLD) : null
  // A regional dashboard never falls back from a region: one the user may not see is refused below.
  const notices = filterNotices(kind === 'regional' ? { ...asked, regionId: undefined } : asked, options, resolved)
  if (!resolved) return { options, filter: null, suppression, dashboard: null, notices, improvement: null }
  // The regional dashboard names its region; one the user may not see is refused by getDashboard.
  const filter: DashboardFilter =
    kind === 'regional' ? { ...resolved, regionId: query.region ?? options.regions[0]!.id } : resolved
  // With suppression on, what is shown and exported is the published copy (small counts and their complements hidden).
  const dashboard = publishDashboard(await getDashboard(user, kind, filter), suppression)
  // A service improvement review cycle has plans, not submissions: the dashboard shows its plans'
  // views (status by region, targets against current grades, actions) in the same scope instead.
  const improvement = await getDashboardImprovementViews(user, {
    cycleId: filter.cycleId,
    regionId: filter.regionId,
    organisationType: filter.organisationType,
    suppression,
  })
  return { options, filter, suppression, dashboard, notices, improvement }
}
