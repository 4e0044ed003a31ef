import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { dashboardExport } from '~/modules/dashboards/export-response.server'

// The national dashboard as an Excel workbook, one sheet per view, filtered as the page is.
export const loader = refusedAsPage(async ({ request }: LoaderFunctionArgs) => {
  return dashboardExport(request, 'national', 'xlsx')
})
