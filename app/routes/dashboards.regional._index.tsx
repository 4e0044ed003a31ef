import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { DashboardView } from '~/components/dashboard-view'
import { RegionAgainstNationSection } from '~/components/region-against-nation'
import { requireUser } from '~/modules/auth/session.server'
import { queryString, loadDashboard } from '~/modules/dashboards/request.server'
import { parseSort } from '~/modules/dashboards/sort'
import { areaErrorBoundary } from '~/components/area-error-boundary'
import { getRegionAgainstNation } from '~/modules/results/peers.server'

export const meta: MetaFunction = () => [{ title: 'Regional dashboard - LKS Quality Portal' }]

// The regional attainment dashboard (issue 6): regional roles, filtered by the query string.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const loaded = await loadDashboard(user, 'regional', url)
  const { filter } = loaded
  // The region's published grades against the nation's (issue 17): a regional lead's peer comparison.
  const againstNation = filter?.regionId
    ? await getRegionAgainstNation(user, { cycleId: filter.cycleId, regionId: filter.regionId })
    : null
  return {
    ...loaded,
    query: filter ? queryString(filter, loaded.suppression) : '',
    sort: parseSort(url),
    againstNation,
  }
}

export default function RegionalDashboard() {
  const { againstNation, ...data } = useLoaderData<typeof loader>()
  return (
    <>
      <DashboardView kind="regional" {...data} />
      {againstNation ? <RegionAgainstNationSection view={againstNation} suppression={data.suppression} /> : null}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('dashboards')
