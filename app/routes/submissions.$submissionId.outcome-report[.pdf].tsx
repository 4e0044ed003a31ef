import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/modules/auth/session.server'
import { pdfResponse, readerOf } from '~/modules/reports/download.server'
import { getOutcomeReport } from '~/modules/reports/outcome-report.server'
import { renderOutcomeReport } from '~/modules/reports/pdf/outcome-report.server'

// The outcome report of one submission (issue 5): the service once the result is published,
// reviewers once it is validated.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const report = await getOutcomeReport(user, params.submissionId ?? '')
  const bytes = await renderOutcomeReport(report, readerOf(user))
  return pdfResponse(bytes, `outcome-report-${report.submission.reference}.pdf`)
}
