import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/modules/auth/session.server'
import { getCycleSummary } from '~/modules/reports/cycle-summary.server'
import { fileSlug, pdfResponse, readerOf } from '~/modules/reports/download.server'
import { renderCycleSummary } from '~/modules/reports/pdf/cycle-summary.server'

// The national summary of a cycle (issue 5): national roles only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const summary = await getCycleSummary(user, { cycleId: params.cycleId ?? '' })
  const bytes = await renderCycleSummary(summary, readerOf(user))
  return pdfResponse(bytes, `national-summary-${fileSlug(summary.cycleName)}.pdf`)
}
