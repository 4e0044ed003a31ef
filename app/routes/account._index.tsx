import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SummaryList } from '~/components/nhs'
import { describeGrants } from '~/modules/auth/account.server'
import { requireUser } from '~/modules/auth/session.server'
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
  }
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
  const { name, email, jobTitle, roles, twoStep } = useLoaderData<typeof loader>()
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
      </div>
    </div>
  )
}
