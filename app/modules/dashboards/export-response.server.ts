// A dashboard's exports as downloads (issue 6, item 5): the whole dashboard as an Excel workbook
// (one sheet per view), or one view as CSV, for exactly the filter and suppression in the URL,
// loaded through the same permission checks as the page.
import { z } from 'zod'
import { requireUser } from '~/modules/auth/session.server'
import { notFound } from '~/utils/http.server'
import type { DashboardKind } from './dashboard.server'
import { dashboardToXlsx, dashboardViews, csvFileName, EXPORT_VIEW_KEYS, viewToCsv, xlsxFileName } from './export'
import { loadDashboard } from './request.server'

const DOWNLOAD = { 'Cache-Control': 'private, no-store' }
const ViewSchema = z.enum(EXPORT_VIEW_KEYS)

export async function dashboardExport(
  request: Request,
  kind: DashboardKind,
  format: 'csv' | 'xlsx',
): Promise<Response> {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const { dashboard, suppression } = await loadDashboard(user, kind, url)
  if (!dashboard) notFound('There is no cycle to report on yet')
  if (format === 'xlsx') {
    const bytes = await dashboardToXlsx(dashboard, suppression, { generatedFor: user.name, generatedAt: new Date() })
    return new Response(new Uint8Array(bytes), {
      headers: {
        ...DOWNLOAD,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename="${xlsxFileName(dashboard)}"`,
      },
    })
  }
  const key = ViewSchema.safeParse(url.searchParams.get('view'))
  const view = key.success ? dashboardViews(dashboard, suppression).find((v) => v.key === key.data) : undefined
  if (!view) notFound('There is no such view on this dashboard')
  return new Response(viewToCsv(view), {
    headers: {
      ...DOWNLOAD,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFileName(dashboard, view)}"`,
    },
  })
}
