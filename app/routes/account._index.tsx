import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Button, SummaryList } from '~/components/nhs'
import { describeGrants } from '~/modules/auth/account.server'
import { SignOutElsewhereSchema } from '~/modules/auth/schema'
import { otherSessionCount, requireUser, signOutOtherSessions } from '~/modules/auth/session.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { invariantResponse } from '~/utils/http.server'
import { recoveryCodesLeft, twoStepRequiredFor } from '~/modules/auth/two-step.server'

export const meta: MetaFunction = () => [{ title: 'Your account - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return {
    name: user.name,
    email: user.email,
    jobTitle: user.jobTitle,
    roles: await describeGrants(user.grants),
    twoStep: {
      enabled: user.twoStepEnabled,
      required: await twoStepRequiredFor(user.id),
      recoveryCodesLeft: user.twoStepEnabled ? await recoveryCodesLeft(user.id) : 0,
    },
    otherSessions: await otherSessionCount(user),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: SignOutElsewhereSchema })
  invariantResponse(submission.status === 'success', 'Choose an action from the page')
  const ended = await signOutOtherSessions({ user, ipAddress: context.clientAddress })
  return redirectWithFlash(request, '/account', {
    type: 'success',
    title: 'You have been signed out everywhere else',
    description: ended === 1 ? '1 other session ended.' : `${ended} other sessions ended.`,
  })
}

function twoStepRow(twoStep: { enabled: boolean; required: boolean; recoveryCodesLeft: number }) {
  if (!twoStep.enabled) {
    return {
      key: 'Two-step verification',
      value: 'Off',
      action: { href: '/account/two-step/set-up', text: 'Set up', visuallyHiddenText: 'two-step verification' },
    }
  }
  const codes = `${twoStep.recoveryCodesLeft} recovery ${twoStep.recoveryCodesLeft === 1 ? 'code' : 'codes'} left`
  return {
    key: 'Two-step verification',
    value: `On (${codes})`,
    action: twoStep.required
      ? undefined
      : { href: '/account/two-step/turn-off', text: 'Turn off', visuallyHiddenText: 'two-step verification' },
  }
}

export default function Account() {
  const { name, email, jobTitle, roles, twoStep, otherSessions } = useLoaderData<typeof loader>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Your account</h1>
        <SummaryList
          rows={[
            { key: 'Name', value: name },
            { key: 'Email address', value: email },
            { key: 'Job title', value: jobTitle || 'Not given' },
            {
              key: 'Roles',
              value: (
                <ul className="nhsuk-list">
                  {roles.map((role) => (
                    <li key={role}>{role}</li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'Password',
              value: 'Set',
              action: { href: '/account/password', text: 'Change', visuallyHiddenText: 'password' },
            },
            twoStepRow(twoStep),
            ...(twoStep.enabled
              ? [
                  {
                    key: 'Recovery codes',
                    value: `${twoStep.recoveryCodesLeft} left`,
                    action: {
                      href: '/account/two-step/recovery-codes',
                      text: 'Make new',
                      visuallyHiddenText: 'recovery codes',
                    },
                  },
                ]
              : []),
          ]}
        />
        <h2>Signed in elsewhere</h2>
        {otherSessions === 0 ? (
          <p>You are not signed in on any other browser or device.</p>
        ) : (
          <>
            <p>
              You are also signed in on {otherSessions} other{' '}
              {otherSessions === 1 ? 'browser or device' : 'browsers or devices'}. If you did not expect this, or you
              left a shared computer signed in, sign out of them and change your password.
            </p>
            <Form method="post">
              <Button type="submit" name="intent" value="sign-out-elsewhere" variant="secondary">
                Sign out everywhere else
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  )
}
