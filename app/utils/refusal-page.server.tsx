// Downloads refused as NHS-style pages (issue 17): a resource route (a PDF, a ZIP, an export) has no
// layout, so Remix would send its 403 or 404 as bare text. Wrapped in `refusedAsPage`, the same
// refusal comes back as the portal's error page, with the same status. Redirects (to sign in) and
// errors other than 403 and 404 pass through untouched.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderToStaticMarkup } from 'react-dom/server'
import { RefusalDocument } from '~/components/refusal-document'
import { navigationFor } from '~/modules/auth/navigation'
import { getSessionUser } from '~/modules/auth/session.server'
import stylesheet from '~/styles/app.scss?url'

const REFUSALS = new Set([403, 404])
// The words every refusal carries by default: the page says them better. Any other words name what
// was refused ("No results have been agreed in London for 2026/27 yet") and are kept.
const GENERIC = new Set(['', 'Page not found', 'Not Found', 'You do not have permission to do this'])

/** The refusal as a whole HTML page, with the header the reader would see on any other page. */
export async function refusalPage(request: Request, status: number, detail = ''): Promise<Response> {
  const user = await getSessionUser(request)
  const html = renderToStaticMarkup(
    <RefusalDocument
      status={status}
      detail={GENERIC.has(detail.trim()) ? '' : detail.trim()}
      stylesheet={stylesheet}
      user={user ? { name: user.name } : null}
      navigation={user ? navigationFor(user) : []}
    />,
  )
  return new Response(`<!DOCTYPE html>${html}`, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

/** A resource route's loader whose 403 and 404 refusals are NHS-style pages. */
export function refusedAsPage(
  loader: (args: LoaderFunctionArgs) => Promise<Response>,
): (args: LoaderFunctionArgs) => Promise<Response> {
  return async (args) => {
    try {
      return await loader(args)
    } catch (error) {
      if (error instanceof Response && REFUSALS.has(error.status))
        return refusalPage(args.request, error.status, (await error.text()).slice(0, 500))
      throw error
    }
  }
}
