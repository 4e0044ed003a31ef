// A dashboard's exports as downloads (issue 6, item 5): the whole dashboard as an Excel workbook
// (one sheet per view), or one view as CSV, for exactly the filter and suppression in the URL,
// loaded through the same permission checks as the page.
import { z } from 'zod'
import { requireUser } from '~/modules/auth/session.server'
import { improvementViewsToXlsx, improvementViewToCsv, type ImprovementView } from '~/modules/improvement/dashboard'
import { notFound } from '~/utils/http.server'
import type { DashboardKind } from './dashboard.server'
import { dashboardToXlsx, dashboardViews, csvFileName, EXPORT_VIEW_KEYS, viewToCsv, xlsxFileName } from './export'
import { loadDashboard } from './request.server'
import type { Suppression } from './suppression'

const DOWNLOAD = { 'Cache-Control': 'private, no-store' }
const ViewSchema = z.enum(EXPORT_VIEW_KEYS)

export async function dashboardExport(
  request: Request,
  kind: DashboardKind,
  format: 'csv' | 'xlsx',
): Promise<Response> {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const { dashboard, suppression, improvement } = await loadDashboard(user, kind, url)
  if (!dashboard) notFound('There is no cycle to report on yet')
  if (improvement) return improvementExport(dashboard, improvement, suppression, format, url, user.name)
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

const IMPROVEMENT_VIEW_KEYS = ['sip-status', 'sip-ambition', 'sip-actions'] as const

/** A service improvement review cycle's views, as the dashboard shows them, for download. */
async function improvementExport(
  dashboard: NonNullable<Awaited<ReturnType<typeof loadDashboard>>['dashboard']>,
  views: ImprovementView[],
  suppression: Suppression,
  format: 'csv' | 'xlsx',
  url: URL,
  generatedFor: string,
): Promise<Response> {
  const scope = dashboard.scope.kind === 'region' ? dashboard.scope.regionName : 'England'
  const slug = `${dashboard.cycle.name} ${scope}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  if (format === 'xlsx') {
    const bytes = await improvementViewsToXlsx(views, [
      `Service Improvement Plans: ${dashboard.cycle.name} (${dashboard.cycle.editionName}), ${scope}`,
      ...dashboard.appliedFilters.map((f) => `${f.label}: ${f.value}`),
      suppression
        ? `Small numbers suppressed: "[c]" marks a count of 1 to ${suppression.threshold - 1}, or one hidden so that no such count can be worked out`
        : 'Small numbers not suppressed: not for publication',
      `Generated for ${generatedFor} on ${new Date().toISOString().slice(0, 10)}`,
    ])
    return new Response(new Uint8Array(bytes), {
      headers: {
        ...DOWNLOAD,
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Length': String(bytes.length),
        'Content-Disposition': `attachment; filename="service-improvement-${slug}.xlsx"`,
      },
    })
  }
  const key = z.enum(IMPROVEMENT_VIEW_KEYS).safeParse(url.searchParams.get('view'))
  const view = key.success ? views.find((v) => `sip-${v.key}` === key.data) : undefined
  if (!view) notFound('There is no such view on this dashboard')
  return new Response(improvementViewToCsv(view), {
    headers: {
      ...DOWNLOAD,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="service-improvement-${slug}-${view.key}.csv"`,
    },
  })
}
