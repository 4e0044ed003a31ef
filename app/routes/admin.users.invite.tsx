import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, ErrorSummary, Fieldset, Select, TextInput } from '~/components/nhs'
import { errorSummaryItems } from '~/components/form-errors'
import { PlaceSelect } from '~/components/place-select'
import { inviteUser, placeOptions } from '~/modules/admin/users.server'
import { InviteSchema, ROLE_ROWS } from '~/modules/admin/users-schema'
import { requirePermission } from '~/modules/auth/permissions'
import { ROLE_LABELS, ROLES } from '~/modules/auth/roles'
import { requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { portalOrigin } from '~/modules/reports/download.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Invite someone - Administration - LKS Quality Portal' }]

const ROWS = Array.from({ length: ROLE_ROWS }, (_, i) => i + 1)
const FIELDS = ['email', 'name', 'jobTitle', ...ROWS.flatMap((n) => [`role${n}`, `place${n}`])]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'user:manage')
  // An invitation grants roles: a sensitive action, asked before the form so nothing is lost.
  requireRecentAuthentication(user, request)
  return { places: await placeOptions(user), days: getEnv().INVITATION_TTL_DAYS }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'user:manage')
  requireRecentAuthentication(user, request)
  const submission = parseWithZod(await request.formData(), { schema: InviteSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await inviteUser(user, submission.value, {
    origin: portalOrigin(),
    ipAddress: context.clientAddress,
  })
  if (!result.ok)
    return data(
      { result: submission.reply({ fieldErrors: { [result.field ?? 'email']: [result.message] } }) },
      { status: 400 },
    )
  return redirectWithFlash(
    request,
    `/admin/users/${result.userId}`,
    result.emailSent
      ? {
          type: 'success',
          title: `Invitation sent to ${submission.value.email}`,
          description: `The link in it works once and expires after ${getEnv().INVITATION_TTL_DAYS} days.`,
        }
      : {
          type: 'important',
          title: 'The account has been created but the invitation email could not be sent',
          description: 'Try sending the invitation again. If it still fails, tell the portal’s operators.',
        },
  )
}

export default function InviteSomeone() {
  const { places, days } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const value = (name: string) => {
    const initial = (form.initialValue ?? {}) as Record<string, unknown>
    return typeof initial[name] === 'string' ? (initial[name] as string) : ''
  }
  const error = (name: string) => form.allErrors[name]?.[0]
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href="/admin/users">Back to people</BackLink>
        <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
        <h1>Invite someone</h1>
        <p>We will email them a link to set a password. The link works once and expires after {days} days.</p>
        <Form method="post" {...getFormProps(form)}>
          <TextInput
            name="email"
            id="email"
            label="Email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={value('email')}
            error={fields.email.errors?.[0]}
          />
          <TextInput
            name="name"
            id="name"
            label="Full name"
            autoComplete="off"
            spellCheck={false}
            defaultValue={value('name')}
            error={fields.name.errors?.[0]}
          />
          <TextInput
            name="jobTitle"
            id="jobTitle"
            label="Job title (optional)"
            autoComplete="off"
            defaultValue={value('jobTitle')}
            error={fields.jobTitle.errors?.[0]}
          />
          <h2 className="nhsuk-heading-m">Roles</h2>
          <p>
            Give them at least one role. Service contributors and leads work in a library service, an executive sponsor
            in an organisation, validators and regional leads in a region; national roles cover all of England. Leave
            rows you do not need empty.
          </p>
          {ROWS.map((n) => (
            <Fieldset key={n} legend={n === 1 ? 'Role 1' : `Role ${n} (optional)`} legendSize="s">
              <Select
                name={`role${n}`}
                id={`role${n}`}
                label="Role"
                defaultValue={value(`role${n}`)}
                error={error(`role${n}`)}
                options={[
                  { value: '', text: 'Choose a role' },
                  ...ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] })),
                ]}
              />
              <PlaceSelect
                id={`place${n}`}
                name={`place${n}`}
                label="Where they hold it"
                options={places}
                defaultValue={value(`place${n}`)}
                error={error(`place${n}`)}
              />
            </Fieldset>
          ))}
          <Button type="submit">Send invitation</Button>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
