import type { LoaderFunctionArgs } from '@remix-run/node'
import { dashboardExport } from '~/modules/dashboards/export-response.server'

// The regional dashboard as an Excel workbook, one sheet per view, filtered as the page is.
export async function loader({ request }: LoaderFunctionArgs) {
  return dashboardExport(request, 'regional', 'xlsx')
}
