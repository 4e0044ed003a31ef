import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { SetPasswordForm } from '~/components/set-password-form'
import { acceptInvitation } from '~/modules/auth/invitations.server'
import { SetPasswordSchema } from '~/modules/auth/schema'
import { inspectUserToken } from '~/modules/auth/user-tokens.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'

// Public: the link in the invitation email is the only key. Never cached, never sent on to other sites.
const NO_STORE = { 'Cache-Control': 'no-store' }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.state === 'valid' ? 'Set up your account' : 'Invitation link not valid'} - LKS Quality Portal` },
]

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await inspectUserToken(params.token ?? '', 'INVITATION')
  const days = getEnv().INVITATION_TTL_DAYS
  const body =
    found.state === 'valid'
      ? { state: found.state, email: found.email, name: found.name, days }
      : { state: found.state, email: '', name: '', days }
  return data(body, { status: found.state === 'valid' ? 200 : 410, headers: NO_STORE })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SetPasswordSchema })
  const hideFields = ['newPassword', 'confirmPassword']
  if (submission.status !== 'success')
    return data({ result: submission.reply({ hideFields }) }, { status: 400, headers: NO_STORE })
  const result = await acceptInvitation({
    token: params.token ?? '',
    password: submission.value.newPassword,
    userAgent: request.headers.get('user-agent') ?? '',
    ipAddress: context.clientAddress,
  })
  if (!result.ok && result.reason === 'weak')
    return data(
      { result: submission.reply({ fieldErrors: { newPassword: [result.message] }, hideFields }) },
      { status: 400, headers: NO_STORE },
    )
  // A link that stopped working meanwhile: the loader, run again, shows why.
  if (!result.ok)
    return data(
      {
        result: submission.reply({
          formErrors: [
            result.reason === 'expired'
              ? 'This invitation link has expired'
              : 'This invitation link has already been used or is not valid',
          ],
          hideFields,
        }),
      },
      { status: 410, headers: NO_STORE },
    )
  return redirectWithFlash(
    request,
    '/',
    {
      type: 'success',
      title: 'Your account is set up',
      description:
        'You are signed in. Next time, sign in with your email address and the password you have just created.',
    },
    { headers: { 'Set-Cookie': result.setCookie } },
  )
}

export default function AcceptInvitation() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (loaderData.state === 'expired') {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>This invitation link has expired</h1>
          <p>
            Invitation links work for {loaderData.days} days. Ask the national team for a new one: they can send the
            invitation again.
          </p>
        </div>
      </div>
    )
  }
  if (loaderData.state === 'invalid') {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>This invitation link has already been used or is not valid</h1>
          <p>
            Each invitation link works once. If you have set up your account, <a href="/sign-in">sign in</a>. If you
            have forgotten your password, <a href="/password-reset">reset your password</a>.
          </p>
          <p>
            Otherwise, check you copied the whole link from the email, or ask the national team to send the invitation
            again.
          </p>
        </div>
      </div>
    )
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <SetPasswordForm
          id="accept-invitation"
          heading="Set up your account"
          intro={
            <p>
              Welcome to the LKS Quality Portal, {loaderData.name}. Create a password for your account,{' '}
              {loaderData.email}. You will use it with your email address to sign in.
            </p>
          }
          button="Set password and continue"
          lastResult={actionData?.result}
        />
      </div>
    </div>
  )
}
