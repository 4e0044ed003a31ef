import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { BackLink, Button, ErrorSummary, TextInput } from '~/components/nhs'
import { resetConfirmation } from '~/modules/auth/account-messages'
import { requestPasswordReset } from '~/modules/auth/password-reset.server'
import { PasswordResetRequestSchema } from '~/modules/auth/schema'
import { portalOrigin } from '~/modules/reports/download.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'

export const meta: MetaFunction = () => [{ title: 'Reset your password - LKS Quality Portal' }]

export async function loader(_: LoaderFunctionArgs) {
  return { minutes: getEnv().PASSWORD_RESET_TTL_MINUTES }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: PasswordResetRequestSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  await requestPasswordReset({
    email: submission.value.email,
    origin: portalOrigin(request),
    ipAddress: context.clientAddress,
  })
  return redirectWithFlash(request, '/password-reset', {
    type: 'success',
    title: 'Check your email',
    description: resetConfirmation(submission.value.email, getEnv().PASSWORD_RESET_TTL_MINUTES),
  })
}

export default function RequestPasswordReset() {
  const { minutes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'password-reset',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordResetRequestSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/sign-in">Back to sign in</BackLink>
        <ErrorSummary errors={errorSummaryItems(form.allErrors, ['email'])} />
        <h1>Reset your password</h1>
        <p>
          Enter the email address you sign in with. We will send you a link to create a new password. The link works
          once, for {minutes} minutes.
        </p>
        <p>
          Resetting your password also unlocks your account if it was locked after too many failed sign-in attempts.
        </p>
        <Form method="post" {...getFormProps(form)}>
          <TextInput
            name="email"
            id="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={fields.email.initialValue ?? ''}
            error={fields.email.errors?.[0]}
          />
          <Button type="submit">Send a reset link</Button>
        </Form>
        <p>If you no longer have access to this email address, contact the national team or your regional lead.</p>
      </div>
    </div>
  )
}
