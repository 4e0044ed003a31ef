import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { requireUser } from '~/modules/auth/session.server'
import { describeSuppression, suppressionAt } from '~/modules/dashboards/suppression'
import { improvementViewsToXlsx } from '~/modules/improvement/dashboard'
import { getImprovementExport } from '~/modules/improvement/dashboard.server'
import { formatDateTime } from '~/utils/dates'
import { getEnv } from '~/utils/env.server'
import { slug } from '~/utils/slug'

export const loader = refusedAsPage(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const suppression = url.searchParams.get('suppress') === 'yes' ? suppressionAt(getEnv().SUPPRESSION_THRESHOLD) : null
  const dashboard = await getImprovementExport(user, { cycleId: url.searchParams.get('cycle'), suppression })
  const workbook = await improvementViewsToXlsx(dashboard.views, [
    `Service improvement review: ${dashboard.cycle!.name}`,
    `Generated for ${user.name} on ${formatDateTime(new Date())}`,
    describeSuppression(suppression),
  ])
  const name = `lks-improvement-${slug(dashboard.cycle!.name)}${suppression ? '-published' : ''}.xlsx`
  return new Response(new Uint8Array(workbook), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  })
})
