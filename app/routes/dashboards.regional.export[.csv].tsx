import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { dashboardExport } from '~/modules/dashboards/export-response.server'

// The regional dashboard as CSV, one view (?view=...), filtered as the page is.
export const loader = refusedAsPage(async ({ request }: LoaderFunctionArgs) => {
  return dashboardExport(request, 'regional', 'csv')
})
