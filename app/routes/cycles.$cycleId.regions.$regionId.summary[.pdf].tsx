import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { requireUser } from '~/modules/auth/session.server'
import { getCycleSummary } from '~/modules/reports/cycle-summary.server'
import { fileSlug, pdfResponse, readerOf } from '~/modules/reports/download.server'
import { renderCycleSummary } from '~/modules/reports/pdf/cycle-summary.server'

// The regional summary of a cycle (issues 5 and 17): the region's lead and national roles, in full
// or with ?suppress=yes as published. Refusals are NHS-style pages.
export const loader = refusedAsPage(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const suppress = new URL(request.url).searchParams.get('suppress') === 'yes'
  const summary = await getCycleSummary(user, {
    cycleId: params.cycleId ?? '',
    regionId: params.regionId ?? '',
    suppress,
  })
  const regionName = summary.scope.kind === 'region' ? summary.scope.regionName : 'region'
  const bytes = await renderCycleSummary(summary, readerOf(user))
  return pdfResponse(
    bytes,
    `regional-summary${summary.suppression ? '-published' : ''}-${fileSlug(summary.cycleName)}-${fileSlug(regionName)}.pdf`,
  )
})
