import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { PasswordInput } from '~/components/nhs'
import { NewPasswordInputs } from '~/components/credential-inputs'
import { PageForm } from '~/components/page-form'
import { ChangePasswordSchema } from '~/modules/auth/schema'
import { requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { changePassword } from '~/modules/auth/sign-in.server'
import { redirectWithFlash } from '~/utils/flash.server'

export const meta: MetaFunction = () => [{ title: 'Change your password - LKS Quality Portal' }]

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const

// Changing the password is a sensitive action: the current password must have been typed within
// REAUTHENTICATE_AFTER_MINUTES (asked before the form, so nothing typed is lost).
export async function loader({ request }: LoaderFunctionArgs) {
  requireRecentAuthentication(await requireUser(request), request)
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requireRecentAuthentication(user, request)
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema })
  const hideFields = [...FIELDS]
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 })
  const result = await changePassword({
    userId: user.id,
    sessionId: user.sessionId,
    ...submission.value,
    ipAddress: context.clientAddress,
  })
  if (!result.ok) {
    return data(
      { result: submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields }) },
      { status: 400 },
    )
  }
  return redirectWithFlash(request, '/account', {
    type: 'success',
    title: 'Your password has been changed',
    description: 'You have been signed out everywhere else.',
  })
}

export default function ChangePassword() {
  const actionData = useActionData<typeof action>()
  return (
    <PageForm
      id="change-password"
      schema={ChangePasswordSchema}
      lastResult={actionData?.result}
      fieldNames={FIELDS}
      heading="Change your password"
      back={{ href: '/account', text: 'Back to your account' }}
      submit="Change password"
    >
      {(fields) => (
        <>
          <PasswordInput
            key={fields.key('currentPassword')}
            name="currentPassword"
            id="currentPassword"
            label="Current password"
            autoComplete="current-password"
            error={fields.error('currentPassword')}
          />
          <NewPasswordInputs
            labels={{ newPassword: 'New password', confirmPassword: 'Confirm new password' }}
            keys={{ newPassword: fields.key('newPassword'), confirmPassword: fields.key('confirmPassword') }}
            errors={{ newPassword: fields.error('newPassword'), confirmPassword: fields.error('confirmPassword') }}
          />
        </>
      )}
    </PageForm>
  )
}
