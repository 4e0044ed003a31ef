import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { SetPasswordForm } from '~/components/set-password-form'
import { trustDevice } from '~/modules/auth/device.server'
import { resetPassword } from '~/modules/auth/password-reset.server'
import { SetPasswordSchema } from '~/modules/auth/schema'
import { inspectUserToken } from '~/modules/auth/user-tokens.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'

const NO_STORE = { 'Cache-Control': 'no-store' }

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.state === 'valid' ? 'Create a new password' : 'Reset link not valid'} - LKS Quality Portal` },
]

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await inspectUserToken(params.token ?? '', 'PASSWORD_RESET')
  return data(
    {
      state: found.state,
      email: found.state === 'valid' ? found.email : '',
      minutes: getEnv().PASSWORD_RESET_TTL_MINUTES,
    },
    { status: found.state === 'valid' ? 200 : 410, headers: NO_STORE },
  )
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SetPasswordSchema })
  const hideFields = ['newPassword', 'confirmPassword']
  if (submission.status !== 'success')
    return data({ result: submission.reply({ hideFields }) }, { status: 400, headers: NO_STORE })
  const result = await resetPassword({
    token: params.token ?? '',
    password: submission.value.newPassword,
    ipAddress: context.clientAddress,
  })
  if (!result.ok && result.reason === 'weak')
    return data(
      { result: submission.reply({ fieldErrors: { newPassword: [result.message] }, hideFields }) },
      { status: 400, headers: NO_STORE },
    )
  if (!result.ok)
    return data(
      {
        result: submission.reply({
          formErrors: [
            result.reason === 'expired'
              ? 'This reset link has expired'
              : 'This reset link has already been used or is not valid',
          ],
          hideFields,
        }),
      },
      { status: 410, headers: NO_STORE },
    )
  // Proof of control of the email: this browser is trusted for the account from now on, so no
  // stranger's failed attempts can keep it out.
  return redirectWithFlash(
    request,
    '/sign-in',
    {
      type: 'success',
      title: 'Your password has been reset',
      description: 'Sign in with your new password. You have been signed out everywhere else.',
    },
    { headers: { 'Set-Cookie': await trustDevice(result.email) } },
  )
}

export default function CreateNewPassword() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (loaderData.state !== 'valid') {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1>
            {loaderData.state === 'expired'
              ? 'This reset link has expired'
              : 'This reset link has already been used or is not valid'}
          </h1>
          <p>
            {loaderData.state === 'expired'
              ? `Reset links work for ${loaderData.minutes} minutes.`
              : 'Each reset link works once, and only the newest link you were sent works.'}
          </p>
          <p>
            <a href="/password-reset">Ask for a new reset link</a> or <a href="/sign-in">sign in</a>.
          </p>
        </div>
      </div>
    )
  }
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <SetPasswordForm
          id="reset-password"
          heading="Create a new password"
          intro={
            <p>Create a new password for {loaderData.email}. You will be signed out everywhere you are signed in.</p>
          }
          button="Reset password"
          lastResult={actionData?.result}
        />
      </div>
    </div>
  )
}
