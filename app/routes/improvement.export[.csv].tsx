import type { LoaderFunctionArgs } from '@remix-run/node'
import { refusedAsPage } from '~/utils/refusal-page.server'
import { requireUser } from '~/modules/auth/session.server'
import { suppressionAt } from '~/modules/dashboards/suppression'
import { improvementViewToCsv } from '~/modules/improvement/dashboard'
import { getImprovementExport } from '~/modules/improvement/dashboard.server'
import { getEnv } from '~/utils/env.server'
import { slug } from '~/utils/slug'

export const loader = refusedAsPage(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const suppress = url.searchParams.get('suppress') === 'yes'
  const dashboard = await getImprovementExport(user, {
    cycleId: url.searchParams.get('cycle'),
    suppression: suppress ? suppressionAt(getEnv().SUPPRESSION_THRESHOLD) : null,
  })
  const view = dashboard.views.find((v) => v.key === url.searchParams.get('view'))
  if (!view) throw new Response('Choose a view to download', { status: 404 })
  const name = `lks-improvement-${slug(dashboard.cycle!.name)}-${view.key}${suppress ? '-published' : ''}.csv`
  return new Response(improvementViewToCsv(view), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  })
})
