// Re-authentication (issue 12, finding 8): before a sensitive action (changing a password, adding
// a role, publishing) a session whose password was typed more than REAUTHENTICATE_AFTER_MINUTES
// ago comes here, types it again and goes back to the page it was on.
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { PasswordInput } from '~/components/nhs'
import { PageForm } from '~/components/page-form'
import { ConfirmPasswordSchema } from '~/modules/auth/schema'
import { confirmPassword } from '~/modules/auth/sign-in.server'
import { requireUser } from '~/modules/auth/session.server'
import { waitInWords } from '~/modules/auth/throttle.server'
import { safeRedirect } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Confirm your password - LKS Quality Portal' }]

const FIELDS = ['password'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return { redirectTo: safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/account') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: ConfirmPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const result = await confirmPassword({
    user,
    password: submission.value.password,
    ipAddress: context.clientAddress,
  })
  if (result.ok) throw redirect(safeRedirect(submission.value.redirectTo, '/account'))
  const message =
    result.reason === 'THROTTLED'
      ? `You have entered a wrong password too many times. Wait ${waitInWords(result.retryAfterSeconds)} and try again.`
      : 'Your password is not correct'
  return data(
    { result: submission.reply({ fieldErrors: { password: [message] }, hideFields: ['password'] }) },
    result.reason === 'THROTTLED'
      ? { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } }
      : { status: 400 },
  )
}

export default function ConfirmPassword() {
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <PageForm
      id="confirm-password"
      schema={ConfirmPasswordSchema}
      lastResult={actionData?.result}
      fieldNames={FIELDS}
      heading="Confirm your password"
      intro={
        <p>
          To keep your account safe, enter your password again before you carry on. You will then go back to the page
          you were on; if you were sending a form, send it again.
        </p>
      }
      redirectTo={redirectTo}
      submit="Continue"
    >
      {(fields) => (
        <PasswordInput
          key={fields.key('password')}
          name="password"
          id="password"
          label="Password"
          autoComplete="current-password"
          error={fields.error('password')}
        />
      )}
    </PageForm>
  )
}
