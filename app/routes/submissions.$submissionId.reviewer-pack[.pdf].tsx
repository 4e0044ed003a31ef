import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { requireUser } from '~/modules/auth/session.server'
import { pdfResponse, portalOrigin, readerOf } from '~/modules/reports/download.server'
import { renderReviewerPack } from '~/modules/reports/pdf/reviewer-pack.server'
import { getReviewerPack } from '~/modules/reports/reviewer-pack.server'

// The reviewer pack of one submission (issue 5): reviewers of the submission and its service lead.
export const loader = refusedAsPage(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const pack = await getReviewerPack(user, params.submissionId ?? '', portalOrigin())
  const bytes = await renderReviewerPack(pack, readerOf(user))
  return pdfResponse(bytes, `reviewer-pack-${pack.submission.reference}.pdf`)
})
