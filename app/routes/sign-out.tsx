import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form } from '@remix-run/react'
import { Button } from '~/components/nhs'
import { destroySession, getSessionUser } from '~/modules/auth/session.server'
import { recordSignOut } from '~/modules/auth/sign-in.server'

export const meta: MetaFunction = () => [{ title: 'Sign out - LKS Quality Portal' }]

// Signing out changes state, so it happens only by POST; GET shows a button for it.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getSessionUser(request))) throw redirect('/sign-in')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request)
  if (user) await recordSignOut(user.id, context.clientAddress)
  throw redirect('/sign-in', { headers: { 'Set-Cookie': await destroySession(request) } })
}

export default function SignOut() {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Sign out</h1>
        <p>You will need your email address and password to sign in again.</p>
        <Form method="post">
          <Button type="submit">Sign out</Button>
        </Form>
      </div>
    </div>
  )
}
