import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { DashboardView } from '~/components/dashboard-view'
import { requireUser } from '~/modules/auth/session.server'
import { queryString, loadDashboard } from '~/modules/dashboards/request.server'
import { parseSort } from '~/modules/dashboards/sort'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Regional dashboard - LKS Quality Portal' }]

// The regional attainment dashboard (issue 6): regional roles, filtered by the query string.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const loaded = await loadDashboard(user, 'regional', url)
  return { ...loaded, query: loaded.filter ? queryString(loaded.filter, loaded.suppression) : '', sort: parseSort(url) }
}

export default function RegionalDashboard() {
  const data = useLoaderData<typeof loader>()
  return <DashboardView kind="regional" {...data} />
}

export const ErrorBoundary = areaErrorBoundary('dashboards')
