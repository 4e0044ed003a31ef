import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { BackLink, Button, ErrorSummary, TextInput } from '~/components/nhs'
import { resetConfirmation } from '~/modules/auth/account-messages'
import { requestPasswordReset, takeResetQuota } from '~/modules/auth/password-reset.server'
import { waitInWords } from '~/modules/auth/throttle.server'
import { runAfterResponse } from '~/utils/background.server'
import { PasswordResetRequestSchema } from '~/modules/auth/schema'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'

export const meta: MetaFunction = () => [{ title: 'Reset your password - LKS Quality Portal' }]

export async function loader(_: LoaderFunctionArgs) {
  return { minutes: getEnv().PASSWORD_RESET_TTL_MINUTES }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: PasswordResetRequestSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const { email } = submission.value
  const wait = await takeResetQuota({ email, ipAddress: context.clientAddress })
  if (wait > 0) {
    return data(
      {
        result: submission.reply({
          formErrors: [
            `Too many reset links have been asked for from here or for this email address. Wait ${waitInWords(wait)} and try again.`,
          ],
        }),
      },
      { status: 429, headers: { 'Retry-After': String(wait) } },
    )
  }
  // Looked up and sent after the response, so a real address answers in the same time as any other.
  runAfterResponse('password reset email', () => requestPasswordReset({ email, ipAddress: context.clientAddress }))
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
          Resetting your password also lets you sign in straight away if you were asked to wait after too many failed
          attempts.
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
            error={fields.email.errors?.[0] ?? form.errors?.[0]}
          />
          <Button type="submit">Send a reset link</Button>
        </Form>
        <p>If you no longer have access to this email address, contact the national team or your regional lead.</p>
      </div>
    </div>
  )
}
