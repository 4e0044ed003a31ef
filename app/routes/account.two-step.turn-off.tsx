// Turning two-step verification off (issue 12): only for people whose roles do not require it,
// and only once they have typed their password again.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, ErrorSummary, PasswordInput } from '~/components/nhs'
import { errorSummaryItems } from '~/components/form-errors'
import { useAttempt } from '~/components/use-attempt'
import { ConfirmPasswordSchema } from '~/modules/auth/schema'
import { requireUser } from '~/modules/auth/session.server'
import { turnOffTwoStep, twoStepRequiredFor } from '~/modules/auth/two-step.server'
import { redirectWithFlash } from '~/utils/flash.server'

export const meta: MetaFunction = () => [{ title: 'Turn off two-step verification - LKS Quality Portal' }]

const FIELDS = ['password'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!user.twoStepEnabled) throw redirect('/account')
  return { required: await twoStepRequiredFor(user.id) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  if (!user.twoStepEnabled) throw redirect('/account')
  const submission = parseWithZod(await request.formData(), { schema: ConfirmPasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const result = await turnOffTwoStep({
    userId: user.id,
    password: submission.value.password,
    ipAddress: context.clientAddress,
  })
  if (!result.ok) {
    const message =
      result.reason === 'REQUIRED'
        ? 'Your role requires two-step verification, so it cannot be turned off'
        : 'Your password is not correct'
    return data(
      { result: submission.reply({ fieldErrors: { password: [message] }, hideFields: ['password'] }) },
      { status: 400 },
    )
  }
  return redirectWithFlash(request, '/account', { type: 'success', title: 'Two-step verification is off' })
}

export default function TurnOffTwoStep() {
  const { required } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const attempt = useAttempt(actionData)
  const [form, fields] = useForm({
    id: 'turn-off-two-step',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmPasswordSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/account">Back to your account</BackLink>
        <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
        <h1>Turn off two-step verification</h1>
        {required ? (
          <p>
            Your role requires two-step verification, so you cannot turn it off. If you have a new phone, ask a national
            admin to reset it and set it up again.
          </p>
        ) : (
          <>
            <p>You will sign in with your password only. Your recovery codes will stop working.</p>
            <Form method="post" {...getFormProps(form)}>
              <PasswordInput
                key={attempt}
                name="password"
                id="password"
                label="Enter your password to confirm"
                autoComplete="current-password"
                error={fields.password.errors?.[0]}
              />
              <Button type="submit" variant="warning">
                Turn off two-step verification
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  )
}
