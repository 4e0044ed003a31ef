import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { requireUser } from '~/modules/auth/session.server'
import { pdfResponse, readerOf } from '~/modules/reports/download.server'
import { renderPlanReport } from '~/modules/reports/pdf/plan.server'
import { getPlanReport } from '~/modules/reports/plan-report.server'

// The Service Improvement Plan as a PDF (issue 18): for everyone who may read the plan.
export const loader = refusedAsPage(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const report = await getPlanReport(user, params.planId ?? '')
  const bytes = await renderPlanReport(report, readerOf(user))
  return pdfResponse(bytes, `service-improvement-plan-${report.plan.reference}.pdf`)
})
