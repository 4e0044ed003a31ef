import type { ReactNode } from 'react'
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  BackLink,
  Breadcrumbs,
  Button,
  ErrorSummary,
  Select,
  SummaryList,
  Tag,
  WarningCallout,
  type ErrorSummaryItem,
} from '~/components/nhs'
import { PlaceSelect } from '~/components/place-select'
import {
  addRoleAssignment,
  getUserForAdmin,
  placeOptions,
  removeRoleAssignment,
  resendInvitation,
  resetTwoStep,
  setUserActive,
} from '~/modules/admin/users.server'
import { AddRoleSchema, USER_STATUS_LABELS, UserActionSchema } from '~/modules/admin/users-schema'
import { requirePermission } from '~/modules/auth/permissions'
import { ROLE_LABELS, ROLES } from '~/modules/auth/roles'
import { requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { portalOrigin } from '~/modules/reports/download.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { redirectWithFlash, type Flash } from '~/utils/flash.server'
import { invariantResponse, notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.person.name ?? 'Person'} - People - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'user:manage')
  const person = await getUserForAdmin(user, params.userId ?? '')
  if (!person) notFound()
  return { person, places: await placeOptions(user), isSelf: person.id === user.id }
}

type ActionData = { form: 'add-role'; result: SubmissionResult<string[]> } | { form: 'action'; message: string }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'user:manage')
  const userId = params.userId ?? ''
  const here = `/admin/users/${userId}`
  const ipAddress = context.clientAddress
  const formData = await request.formData()

  // Adding a role and resetting a second factor are sensitive: the password must be recent.
  if (formData.get('intent') === 'add-role' || formData.get('intent') === 'reset-two-step') {
    requireRecentAuthentication(user, request)
  }
  if (formData.get('intent') === 'add-role') {
    const submission = parseWithZod(formData, { schema: AddRoleSchema })
    if (submission.status !== 'success')
      return data<ActionData>({ form: 'add-role', result: submission.reply() }, { status: 400 })
    const result = await addRoleAssignment(user, {
      userId,
      version: submission.value.version,
      assignment: submission.value.assignment,
      ipAddress,
    })
    if (!result.ok) {
      const reply = result.field
        ? submission.reply({ fieldErrors: { [result.field]: [result.message] } })
        : submission.reply({ formErrors: [result.message] })
      return data<ActionData>({ form: 'add-role', result: reply }, { status: 409 })
    }
    return redirectWithFlash(request, here, { type: 'success', title: 'Role added' })
  }

  const parsed = UserActionSchema.safeParse(Object.fromEntries(formData))
  invariantResponse(parsed.success, 'Choose an action from the page')
  const input = { userId, version: parsed.data.version, ipAddress }
  let flash: Flash
  let result: { ok: true } | { ok: false; message: string }
  switch (parsed.data.intent) {
    case 'remove-role':
      result = await removeRoleAssignment(user, { ...input, assignmentId: parsed.data.assignmentId })
      flash = { type: 'success', title: 'Role removed' }
      break
    case 'deactivate':
      result = await setUserActive(user, { ...input, active: false })
      flash = {
        type: 'success',
        title: 'Account deactivated',
        description: 'They have been signed out and cannot sign in until the account is reactivated.',
      }
      break
    case 'reactivate':
      result = await setUserActive(user, { ...input, active: true })
      flash = {
        type: 'success',
        title: 'Account reactivated',
        description: 'They can sign in again with their password.',
      }
      break
    case 'reset-two-step':
      result = await resetTwoStep(user, input)
      flash = {
        type: 'success',
        title: 'Two-step verification reset',
        description: 'They have been signed out. They will set it up again the next time they sign in.',
      }
      break
    case 'resend': {
      const sent = await resendInvitation(user, { ...input, origin: portalOrigin() })
      result = sent
      flash =
        sent.ok && !sent.emailSent
          ? {
              type: 'important',
              title: 'The invitation email could not be sent',
              description: 'Try again later. If it still fails, tell the portal’s operators.',
            }
          : { type: 'success', title: 'Invitation sent again', description: 'Earlier invitation links no longer work.' }
      break
    }
  }
  if (!result.ok) return data<ActionData>({ form: 'action', message: result.message }, { status: 409 })
  return redirectWithFlash(request, here, flash)
}

const STATUS_COLOURS = { active: 'green', invited: 'blue', deactivated: 'grey' } as const

function VersionedForm({
  intent,
  version,
  children,
  extra,
}: {
  intent: string
  version: string
  children: ReactNode
  extra?: Record<string, string>
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  )
}

export default function Person() {
  const { person, places, isSelf } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const addRoleResult = actionData?.form === 'add-role' ? actionData.result : undefined
  const [form, fields] = useForm({
    id: 'add-role',
    lastResult: addRoleResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddRoleSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const summary: ErrorSummaryItem[] = []
  if (actionData?.form === 'action') summary.push({ href: '#roles-heading', text: actionData.message })
  for (const text of form.errors ?? []) summary.push({ href: '#role', text })
  if (fields.role.errors?.[0]) summary.push({ href: '#role', text: fields.role.errors[0] })
  if (fields.place.errors?.[0]) summary.push({ href: '#place', text: fields.place.errors[0] })
  const initial = (form.initialValue ?? {}) as Record<string, unknown>
  const initialText = (name: string) => (typeof initial[name] === 'string' ? (initial[name] as string) : '')

  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: '/admin', text: 'Administration' },
          { href: '/admin/users', text: 'People' },
        ]}
      />
      <BackLink href="/admin/users">Back to people</BackLink>
      <ErrorSummary errors={summary} />
      <h1>{person.name}</h1>
      <SummaryList
        rows={[
          { key: 'Email address', value: person.email },
          { key: 'Job title', value: person.jobTitle || 'Not given' },
          {
            key: 'Status',
            value: <Tag colour={STATUS_COLOURS[person.status]}>{USER_STATUS_LABELS[person.status]}</Tag>,
          },
          { key: 'Account created', value: formatDate(person.createdAt) },
          { key: 'Last signed in', value: person.lastSignInAt ? formatDateTime(person.lastSignInAt) : 'Never' },
          { key: 'Two-step verification', value: person.twoStepEnabled ? 'Set up' : 'Not set up' },
          ...(person.status === 'invited'
            ? [
                {
                  key: 'Invitation',
                  value:
                    person.invitationExpiresAt && new Date(person.invitationExpiresAt) > new Date()
                      ? `Link works until ${formatDateTime(person.invitationExpiresAt)}`
                      : 'The link has expired',
                },
              ]
            : []),
        ]}
      />

      {person.status === 'invited' ? (
        <VersionedForm intent="resend" version={person.version}>
          <Button type="submit" variant="secondary">
            Send the invitation again
          </Button>
        </VersionedForm>
      ) : null}

      <h2 id="roles-heading" className="nhsuk-heading-m" tabIndex={-1}>
        Roles
      </h2>
      {person.roles.length === 0 ? (
        <p>They have no roles, so they can sign in but see nothing.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {person.roles.map((role) => (
            <li key={role.id}>
              {role.description}
              {isSelf && role.role === 'NATIONAL_ADMIN' ? null : (
                <VersionedForm intent="remove-role" version={person.version} extra={{ assignmentId: role.id }}>
                  <Button type="submit" variant="secondary" small>
                    Remove<span className="nhsuk-u-visually-hidden"> {role.description}</span>
                  </Button>
                </VersionedForm>
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 className="nhsuk-heading-m">Add a role</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-role" />
        <input type="hidden" name="version" value={person.version} />
        <Select
          name="role"
          id="role"
          label="Role"
          defaultValue={initialText('role')}
          error={fields.role.errors?.[0] ?? form.errors?.[0]}
          options={[
            { value: '', text: 'Choose a role' },
            ...ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] })),
          ]}
        />
        <PlaceSelect
          id="place"
          name="place"
          label="Where they hold it"
          hint="A library service for service roles, an organisation for an executive sponsor, a region for validators and regional leads."
          options={places}
          defaultValue={initialText('place')}
          error={fields.place.errors?.[0]}
        />
        <Button type="submit" variant="secondary">
          Add role
        </Button>
      </Form>

      <h2 className="nhsuk-heading-m">Account</h2>
      {person.twoStepEnabled && !isSelf ? (
        <VersionedForm intent="reset-two-step" version={person.version}>
          <p>
            If they have lost the phone or app they use for two-step verification, and their recovery codes, reset it.
            Check who they are first, for example by calling them on a number you already know. They will be signed out
            and will set it up again the next time they sign in.
          </p>
          <Button type="submit" variant="secondary">
            Reset two-step verification
          </Button>
        </VersionedForm>
      ) : null}
      {person.status === 'deactivated' ? (
        <VersionedForm intent="reactivate" version={person.version}>
          <p>They cannot sign in. Reactivating lets them sign in again with their password.</p>
          <Button type="submit" variant="secondary">
            Reactivate account
          </Button>
        </VersionedForm>
      ) : isSelf ? (
        <p>You cannot deactivate your own account.</p>
      ) : (
        <WarningCallout heading="Deactivating an account">
          <p>They will be signed out at once and will not be able to sign in. Their work stays in the portal.</p>
          <VersionedForm intent="deactivate" version={person.version}>
            <Button type="submit" variant="warning">
              Deactivate account
            </Button>
          </VersionedForm>
        </WarningCallout>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
