// New recovery codes (issue 12): a person with two-step verification on makes ten new codes, after
// typing their password again if it was not typed recently. The old codes stop working at once;
// the new ones are shown on this one answer and never again (only their hashes are kept).
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, ErrorSummary, Panel } from '~/components/nhs'
import { RecoveryCodeList } from '~/components/recovery-code-list'
import { RenewRecoveryCodesSchema } from '~/modules/auth/schema'
import { requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { recoveryCodesLeft, renewRecoveryCodes } from '~/modules/auth/two-step.server'

export const meta: MetaFunction = () => [{ title: 'Make new recovery codes - LKS Quality Portal' }]

async function personWithTwoStep(request: Request) {
  const user = await requireUser(request)
  if (!user.twoStepEnabled) throw redirect('/account')
  requireRecentAuthentication(user, request)
  return user
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await personWithTwoStep(request)
  return { left: await recoveryCodesLeft(user.id) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await personWithTwoStep(request)
  const submission = parseWithZod(await request.formData(), { schema: RenewRecoveryCodesSchema })
  if (submission.status !== 'success')
    return data({ error: 'Select ‘Make new recovery codes’ to make them', codes: null }, { status: 400 })
  const result = await renewRecoveryCodes({ userId: user.id, ipAddress: context.clientAddress })
  if (!result.ok) throw redirect('/account')
  // Shown once: never kept by the browser or anything between.
  return data({ error: null, codes: result.recoveryCodes }, { headers: { 'Cache-Control': 'private, no-store' } })
}

function NewCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <Panel title="You have new recovery codes" />
      <p>
        Your old recovery codes no longer work. If you cannot use your authenticator app, sign in with one of these
        codes instead. Each code works once.
      </p>
      <RecoveryCodeList codes={codes} continueTo="/account" />
    </>
  )
}

export default function MakeNewRecoveryCodes() {
  const { left } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {actionData?.codes ? (
          <NewCodes codes={actionData.codes} />
        ) : (
          <>
            <BackLink href="/account">Back to your account</BackLink>
            <ErrorSummary errors={actionData?.error ? [{ text: actionData.error, href: '#renew' }] : []} />
            <h1>Make new recovery codes</h1>
            <p>
              You have {left} recovery {left === 1 ? 'code' : 'codes'} left. Make new ones if you have used most of
              them, or if someone else may have seen them.
            </p>
            <p>You will get 10 new codes, and every code you have now will stop working.</p>
            <Form method="post">
              <Button type="submit" name="intent" value="renew" id="renew">
                Make new recovery codes
              </Button>
            </Form>
          </>
        )}
      </div>
    </div>
  )
}
