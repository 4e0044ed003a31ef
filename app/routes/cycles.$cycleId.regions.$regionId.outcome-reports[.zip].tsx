import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { requireUser } from '~/modules/auth/session.server'
import { outcomeReportsZip } from '~/modules/reports/download.server'

// Every outcome report of a region for a cycle as one ZIP, streamed (issue 5): the region's lead
// and national roles.
export const loader = refusedAsPage(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  return outcomeReportsZip({
    actor: user,
    cycleId: params.cycleId ?? '',
    regionId: params.regionId ?? '',
    signal: request.signal,
  })
})
