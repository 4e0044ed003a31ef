import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { canSomewhere } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { forbidden } from '~/utils/http.server'

// "Dashboards": the national dashboard for national roles, the regional one for regional leads.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (canSomewhere(user, 'dashboard:national')) return redirect('/dashboards/national')
  if (canSomewhere(user, 'dashboard:regional')) return redirect('/dashboards/regional')
  forbidden()
}
