import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { getSessionUser, renewSession } from '~/modules/auth/session.server'
import { safeRedirect } from '~/utils/http.server'

// "Stay signed in" (WCAG 2.2.1): the session runs on from now. Asked by the warning on every page
// with JavaScript; answers 401 when the session has already ended. A plain form post (no
// JavaScript) goes back to the page it came from.
export async function action({ request }: ActionFunctionArgs) {
  const user = await getSessionUser(request)
  const wantsJson = request.headers.get('Accept')?.includes('application/json') ?? false
  if (!user) {
    if (!wantsJson) throw redirect('/sign-in?reason=ended')
    return Response.json({ signedIn: false as const }, { status: 401 })
  }
  const expiresAt = await renewSession(user)
  if (!wantsJson) {
    const formData = await request.formData()
    throw redirect(safeRedirect(formData.get('redirectTo'), '/'))
  }
  return Response.json({ signedIn: true as const, expiresAt: expiresAt.toISOString(), now: new Date().toISOString() })
}
