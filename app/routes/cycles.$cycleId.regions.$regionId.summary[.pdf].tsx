import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/modules/auth/session.server'
import { getCycleSummary } from '~/modules/reports/cycle-summary.server'
import { fileSlug, pdfResponse, readerOf } from '~/modules/reports/download.server'
import { renderCycleSummary } from '~/modules/reports/pdf/cycle-summary.server'

// The regional summary of a cycle (issue 5): the region's lead and national roles.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const summary = await getCycleSummary(user, { cycleId: params.cycleId ?? '', regionId: params.regionId ?? '' })
  const regionName = summary.scope.kind === 'region' ? summary.scope.regionName : 'region'
  const bytes = await renderCycleSummary(summary, readerOf(user))
  return pdfResponse(bytes, `regional-summary-${fileSlug(summary.cycleName)}-${fileSlug(regionName)}.pdf`)
}
