// Turning two-step verification off (issue 12): only for people whose roles do not require it,
// and only once they have typed their password again.
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, PasswordInput } from '~/components/nhs'
import { PageForm } from '~/components/page-form'
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
  const back = { href: '/account', text: 'Back to your account' }
  if (required) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <BackLink href={back.href}>{back.text}</BackLink>
          <h1>Turn off two-step verification</h1>
          <p>
            Your role requires two-step verification, so you cannot turn it off. If you have a new phone, ask a national
            admin to reset it and set it up again.
          </p>
        </div>
      </div>
    )
  }
  return (
    <PageForm
      id="turn-off-two-step"
      schema={ConfirmPasswordSchema}
      lastResult={actionData?.result}
      fieldNames={FIELDS}
      heading="Turn off two-step verification"
      back={back}
      intro={<p>You will sign in with your password only. Your recovery codes will stop working.</p>}
      submit="Turn off two-step verification"
      submitVariant="warning"
    >
      {(fields) => (
        <PasswordInput
          key={fields.key('password')}
          name="password"
          id="password"
          label="Enter your password to confirm"
          autoComplete="current-password"
          error={fields.error('password')}
        />
      )}
    </PageForm>
  )
}
