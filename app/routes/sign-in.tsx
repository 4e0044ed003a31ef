import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { SecurityCodeInput } from '~/components/credential-inputs'
import { Button, ErrorSummary, NotificationBanner, PasswordInput, TextInput } from '~/components/nhs'
import { errorSummaryItems } from '~/components/form-errors'
import { useAttempt } from '~/components/use-attempt'
import { SignInSchema } from '~/modules/auth/schema'
import { attemptSignIn } from '~/modules/auth/sign-in.server'
import { pendingStepPath, readSession } from '~/modules/auth/session.server'
import { waitInWords } from '~/modules/auth/throttle.server'
import { safeRedirect } from '~/utils/http.server'
import { signedOutMessage } from '~/modules/auth/signed-out'
import { getEnv } from '~/utils/env.server'

export const meta: MetaFunction = () => [{ title: 'Sign in - LKS Quality Portal' }]

const FIELDS = ['email', 'password', 'code'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '/')
  const session = await readSession(request)
  if (session?.state === 'COMPLETE') throw redirect(redirectTo)
  if (session) throw redirect(pendingStepPath(session.state, redirectTo))
  const params = new URL(request.url).searchParams
  const signedOut = signedOutMessage(params.get('reason'), params.get('kept') === '1', {
    idleHours: getEnv().SESSION_TTL_HOURS,
    absoluteHours: getEnv().SESSION_ABSOLUTE_HOURS,
  })
  return { redirectTo, signedOut }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const submission = parseWithZod(formData, { schema: SignInSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const result = await attemptSignIn({
    email: submission.value.email,
    password: submission.value.password,
    userAgent: request.headers.get('user-agent') ?? '',
    ipAddress: context.clientAddress,
    cookieHeader: request.headers.get('Cookie'),
    secondFactorCode: submission.value.code,
  })
  if (result.ok) {
    const headers = new Headers([
      ['Set-Cookie', result.setCookie],
      ['Set-Cookie', result.deviceCookie],
    ])
    const redirectTo = safeRedirect(submission.value.redirectTo, '/')
    throw redirect(result.next === 'COMPLETE' ? redirectTo : pendingStepPath(result.next, redirectTo), { headers })
  }
  if (result.reason === 'THROTTLED') {
    return data(
      {
        throttled: true,
        result: submission.reply({
          formErrors: [
            `There have been too many failed attempts to sign in with this email address. Wait ${waitInWords(result.retryAfterSeconds)} and try again, reset your password, or enter a security code from your authenticator app.`,
          ],
          hideFields: ['password', 'code'],
        }),
      },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  return data(
    {
      result: submission.reply({
        formErrors: ['Enter a correct email address and password'],
        hideFields: ['password', 'code'],
      }),
    },
    { status: 400 },
  )
}

export default function SignIn() {
  const { redirectTo, signedOut } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'sign-in',
    lastResult: navigation.state === 'idle' ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const attempt = useAttempt(actionData)
  const errors = errorSummaryItems(form.allErrors, FIELDS)
  const formError = form.errors?.[0]
  // After failures by others, the owner may give a code from their app with the password.
  const offerCode = Boolean(actionData && 'throttled' in actionData && actionData.throttled)
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {signedOut ? (
          <NotificationBanner id="signed-out" title="Important" disableAutoFocus>
            <p className="nhsuk-notification-banner__heading">{signedOut.heading}</p>
            {signedOut.body.map((line) => (
              <p key={line} className="nhsuk-body">
                {line}
              </p>
            ))}
          </NotificationBanner>
        ) : null}
        <h1>Sign in</h1>
        <p>
          The LKS Quality Portal is where NHS library and knowledge services (LKS) in England assess and improve the
          quality of their service. Sign in with the email address and password for your account.
        </p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            name="email"
            id="email"
            label="Email address"
            type="email"
            autoComplete="email"
            spellCheck={false}
            defaultValue={fields.email.initialValue ?? ''}
            error={fields.email.errors?.[0] ?? formError}
          />
          <PasswordInput
            key={attempt}
            name="password"
            id="password"
            label="Password"
            autoComplete="current-password"
            error={fields.password.errors?.[0]}
          />
          {offerCode ? (
            <SecurityCodeInput
              key={`code-${attempt}`}
              label="Security code (if you use two-step verification)"
              hint="The 6-digit code from your authenticator app lets you sign in now"
              error={fields.code.errors?.[0]}
            />
          ) : null}
          <Button type="submit">Sign in</Button>
        </Form>
        <p>
          <a href="/password-reset">Forgotten your password?</a>
        </p>
        <p>
          After several failed attempts you must wait a little before trying again; resetting your password, or a code
          from your authenticator app if you use two-step verification, lets you straight back in. For any other
          problem, contact the national team or your regional lead.
        </p>
      </div>
    </div>
  )
}
