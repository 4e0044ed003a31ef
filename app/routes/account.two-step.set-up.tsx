// Setting up two-step verification (issue 12): scan the QR code or type the key into an
// authenticator app, confirm with the code it shows, then save ten single-use recovery codes.
// National admins and regional leads (TWO_STEP_REQUIRED_ROLES) come here straight after their
// password and reach nothing else until it is done.
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { SecurityCodeInput } from '~/components/credential-inputs'
import { BackLink, Button, InsetText, Panel } from '~/components/nhs'
import { PageForm } from '~/components/page-form'
import { RecoveryCodeList } from '~/components/recovery-code-list'
import { EnrolmentSchema } from '~/modules/auth/schema'
import { markSecondFactorDone, pendingStepPath, readSession } from '~/modules/auth/session.server'
import { waitInWords } from '~/modules/auth/throttle.server'
import { confirmEnrolment, startEnrolment } from '~/modules/auth/two-step.server'
import { safeRedirect } from '~/utils/http.server'

export const meta: MetaFunction = () => [{ title: 'Set up two-step verification - LKS Quality Portal' }]

const FIELDS = ['code'] as const

/** A signed-in person without two-step verification, or one who must set it up before anything else. */
async function personSettingUp(request: Request, redirectTo: string) {
  const found = await readSession(request)
  if (!found) {
    const url = new URL(request.url)
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
  }
  if (found.state === 'SECOND_FACTOR_DUE') throw redirect(pendingStepPath(found.state, redirectTo))
  return { user: found.user, required: found.state === 'ENROLMENT_DUE' }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/account')
  const { user, required } = await personSettingUp(request, redirectTo)
  // Already set up (also just now, when the page is shown again with the recovery codes): no new key.
  const enrolment = user.twoStepEnabled ? null : await startEnrolment(user.id)
  if (!enrolment) return { redirectTo, required, qrCode: null, groupedSecret: null }
  const qrCode = `data:image/svg+xml;base64,${Buffer.from(enrolment.qrCodeSvg).toString('base64')}`
  return { redirectTo, required, qrCode, groupedSecret: enrolment.groupedSecret }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const redirectTo = safeRedirect(formData.get('redirectTo')?.toString(), '/account')
  const { user } = await personSettingUp(request, redirectTo)
  const submission = parseWithZod(formData, { schema: EnrolmentSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['code'] }), recoveryCodes: null }, { status: 400 })
  }
  const result = await confirmEnrolment({
    userId: user.id,
    code: submission.value.code,
    ipAddress: context.clientAddress,
  })
  if (result.ok) {
    await markSecondFactorDone(user.sessionId)
    return data({ result: submission.reply({ resetForm: true }), recoveryCodes: result.recoveryCodes })
  }
  const message =
    result.reason === 'THROTTLED'
      ? `You have entered too many wrong codes. Wait ${waitInWords(result.retryAfterSeconds)} and try again.`
      : 'The code is not correct. Check the time on your phone is right, and enter the code your app shows now'
  return data(
    { result: submission.reply({ fieldErrors: { code: [message] }, hideFields: ['code'] }), recoveryCodes: null },
    result.reason === 'THROTTLED'
      ? { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } }
      : { status: 400 },
  )
}

function RecoveryCodes({ codes, redirectTo }: { codes: string[]; redirectTo: string }) {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Panel title="Two-step verification is set up" />
        <h2>Save your recovery codes</h2>
        <p>
          If you lose your phone or cannot use your authenticator app, you can sign in with one of these codes instead.
          Each code works once.
        </p>
        <RecoveryCodeList codes={codes} continueTo={redirectTo} />
      </div>
    </div>
  )
}

export default function SetUpTwoStep() {
  const { redirectTo, required, qrCode, groupedSecret } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  if (actionData?.recoveryCodes) return <RecoveryCodes codes={actionData.recoveryCodes} redirectTo={redirectTo} />
  if (!qrCode) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <BackLink href="/account">Back to your account</BackLink>
          <h1>Two-step verification is already set up</h1>
          <p>To use a new phone, ask a national admin to reset your two-step verification, then set it up again.</p>
        </div>
      </div>
    )
  }
  return (
    <PageForm
      id="set-up-two-step"
      schema={EnrolmentSchema}
      lastResult={actionData?.result}
      fieldNames={FIELDS}
      heading="Set up two-step verification"
      back={required ? undefined : { href: '/account', text: 'Back to your account' }}
      intro={
        <>
          {required ? (
            <InsetText>
              <p>
                Your role gives you access to every organisation’s evidence, so you must use two-step verification. You
                can use the portal as soon as it is set up.
              </p>
            </InsetText>
          ) : null}
          <p>
            When you sign in, you will enter your password and then a 6-digit code from an authenticator app on your
            phone, such as Microsoft Authenticator or Google Authenticator.
          </p>
          <h2 className="nhsuk-heading-m">1. Add the portal to your authenticator app</h2>
          <p>Open your authenticator app, choose to add an account, and scan this QR code.</p>
          <img
            src={qrCode}
            alt="QR code to add the LKS Quality Portal to your authenticator app"
            width={200}
            height={200}
          />
          <p>If you cannot scan the QR code, choose to enter a setup key in your app and type this key:</p>
          <p className="nhsuk-body-l">
            <code data-testid="setup-key">{groupedSecret}</code>
          </p>
          <p>Choose a time-based key if your app asks.</p>
          <h2 className="nhsuk-heading-m">2. Enter the code your app shows</h2>
        </>
      }
      redirectTo={redirectTo}
      submit="Turn on two-step verification"
      after={
        required ? (
          <Form method="post" action="/sign-out">
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </Form>
        ) : null
      }
    >
      {(fields) => (
        <SecurityCodeInput
          key={fields.key('code')}
          hint="The 6-digit code, for example 123456"
          error={fields.error('code')}
        />
      )}
    </PageForm>
  )
}
