// The second step of signing in (issue 12): a code from the authenticator app, or a recovery code.
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SecurityCodeInput } from '~/components/credential-inputs'
import { Button, Details } from '~/components/nhs'
import { PageForm } from '~/components/page-form'
import { SecondFactorSchema } from '~/modules/auth/schema'
import { markSecondFactorDone, pendingStepPath, readSession } from '~/modules/auth/session.server'
import { waitInWords } from '~/modules/auth/throttle.server'
import { checkSecondFactor } from '~/modules/auth/two-step.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { safeRedirect } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Enter your security code - LKS Quality Portal' }]

const FIELDS = ['code'] as const

/** The session that owes its code, or a redirect to wherever this visitor belongs. */
async function sessionOwingCode(request: Request, redirectTo: string) {
  const found = await readSession(request)
  if (!found) {
    const query = redirectTo === '/' ? '' : `?${new URLSearchParams({ redirectTo })}`
    throw redirect(`/sign-in${query}`)
  }
  if (found.state === 'COMPLETE') throw redirect(redirectTo)
  if (found.state === 'ENROLMENT_DUE') throw redirect(pendingStepPath(found.state, redirectTo))
  return found.user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/')
  await sessionOwingCode(request, redirectTo)
  return { redirectTo }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const redirectTo = safeRedirect(formData.get('redirectTo')?.toString(), '/')
  const user = await sessionOwingCode(request, redirectTo)
  const submission = parseWithZod(formData, { schema: SecondFactorSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['code'] }) }, { status: 400 })
  }
  const result = await checkSecondFactor({
    userId: user.id,
    code: submission.value.code,
    ipAddress: context.clientAddress,
  })
  if (result.ok) {
    await markSecondFactorDone(user.sessionId)
    if (result.recoveryCodeUsed) {
      return redirectWithFlash(request, redirectTo, {
        type: 'important',
        title: `You have ${result.recoveryCodesLeft} recovery ${result.recoveryCodesLeft === 1 ? 'code' : 'codes'} left`,
        description:
          result.recoveryCodesLeft <= 3
            ? 'Each recovery code works once. Ask a national admin to reset your two-step verification if you have lost your authenticator app.'
            : 'Each recovery code works once.',
      })
    }
    throw redirect(redirectTo)
  }
  const message =
    result.reason === 'THROTTLED'
      ? `You have entered too many wrong codes. Wait ${waitInWords(result.retryAfterSeconds)} and try again.`
      : 'The security code is not correct or has already been used. Enter the code your authenticator app shows now'
  return data(
    { result: submission.reply({ fieldErrors: { code: [message] }, hideFields: ['code'] }) },
    result.reason === 'THROTTLED'
      ? { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } }
      : { status: 400 },
  )
}

export default function SecondFactor() {
  const { redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <PageForm
      id="second-factor"
      schema={SecondFactorSchema}
      lastResult={actionData?.result}
      fieldNames={FIELDS}
      heading="Enter your security code"
      intro={
        <p>Open the authenticator app you set up for the LKS Quality Portal and enter the 6-digit code it shows.</p>
      }
      redirectTo={redirectTo}
      submit="Continue"
      after={
        <Form method="post" action="/sign-out">
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </Form>
      }
    >
      {(fields) => (
        <>
          <SecurityCodeInput key={fields.key('code')} hint="For example, 123456" error={fields.error('code')} />
          <Details summary="I cannot use my authenticator app">
            <p>
              Enter one of the recovery codes you saved when you set up two-step verification, in the box above. Each
              recovery code works once.
            </p>
            <p>
              If you have no recovery codes left, ask a national admin to reset your two-step verification. They will
              check who you are first.
            </p>
          </Details>
        </>
      )}
    </PageForm>
  )
}
