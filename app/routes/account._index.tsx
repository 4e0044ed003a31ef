import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SummaryList } from '~/components/nhs'
import { describeGrants } from '~/modules/auth/account.server'
import { requireUser } from '~/modules/auth/session.server'

export const meta: MetaFunction = () => [{ title: 'Your account - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { name: user.name, email: user.email, jobTitle: user.jobTitle, roles: await describeGrants(user.grants) }
}

export default function Account() {
  const { name, email, jobTitle, roles } = useLoaderData<typeof loader>()
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
          ]}
        />
      </div>
    </div>
  )
}
