import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { requireUser } from '~/modules/auth/session.server'
import { pdfResponse, readerOf } from '~/modules/reports/download.server'
import { getOutcomeReport } from '~/modules/reports/outcome-report.server'
import { renderOutcomeReport } from '~/modules/reports/pdf/outcome-report.server'

// The outcome report of one submission (issue 5): the service once the result is published,
// reviewers once it is validated.
export const loader = refusedAsPage(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const report = await getOutcomeReport(user, params.submissionId ?? '')
  const bytes = await renderOutcomeReport(report, readerOf(user))
  return pdfResponse(bytes, `outcome-report-${report.submission.reference}.pdf`)
})
