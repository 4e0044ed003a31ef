import type { LoaderFunctionArgs } from '@remix-run/node'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { serialiseEdition } from '~/modules/framework/edition-json'
import { readEditionContent } from '~/modules/framework/editions.server'
import { notFound } from '~/utils/http.server'

/** The edition as a JSON file in the documented format (docs/framework-edition-json.md). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  const content = await readEditionContent(user, params.code ?? '')
  if (!content) notFound()
  const body = serialiseEdition(content)
  const fileName = `framework-edition-${content.code}.json`
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
