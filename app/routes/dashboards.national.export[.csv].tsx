import type { LoaderFunctionArgs } from '@remix-run/node'
import { dashboardExport } from '~/modules/dashboards/export-response.server'

// The national dashboard as CSV, one view (?view=...), filtered as the page is.
export async function loader({ request }: LoaderFunctionArgs) {
  return dashboardExport(request, 'national', 'csv')
}
