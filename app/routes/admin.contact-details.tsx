// The portal's contact details (issue 16, item 9): national admins set who answers questions and
// where security problems are reported. They set where vulnerability reports go, so the password
// is asked again first, as for invitations.
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Breadcrumbs, Button, ErrorSummary, TextInput } from '~/components/nhs'
import { errorSummaryItems } from '~/components/form-errors'
import { areaErrorBoundary } from '~/components/area-error-boundary'
import { requirePermission } from '~/modules/auth/permissions'
import { requireRecentAuthentication, requireUser } from '~/modules/auth/session.server'
import { contactDetailsWithVersion, updateContactDetails } from '~/modules/content/contact.server'
import { ContactDetailsSchema } from '~/modules/content/schema'
import { redirectWithFlash } from '~/utils/flash.server'

export const meta: MetaFunction = () => [{ title: 'Contact details - Administration - LKS Quality Portal' }]

const FIELDS = ['team', 'email', 'phone', 'securityEmail', 'responseDays'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'settings:manage')
  requireRecentAuthentication(user, request)
  return contactDetailsWithVersion()
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'settings:manage')
  requireRecentAuthentication(user, request)
  const submission = parseWithZod(await request.formData(), { schema: ContactDetailsSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await updateContactDetails(user, submission.value, { ipAddress: context.clientAddress })
  if (!result.ok)
    return data(
      {
        result: submission.reply({
          formErrors: [
            'Someone else changed the contact details while you were editing them. Reload the page to see theirs.',
          ],
        }),
      },
      { status: 409 },
    )
  return redirectWithFlash(request, '/admin/contact-details', {
    type: 'success',
    title: 'Contact details saved',
    description: 'The footer, accessibility statement, privacy notice, cookies page and security.txt now show them.',
  })
}

export default function ContactDetailsPage() {
  const { contact, version } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'contact-details',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ContactDetailsSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const initial = (form.initialValue ?? null) as Record<string, unknown> | null
  const value = (name: (typeof FIELDS)[number], saved: string) =>
    initial ? (typeof initial[name] === 'string' ? (initial[name] as string) : '') : saved
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Breadcrumbs
          items={[
            { href: '/', text: 'Home' },
            { href: '/admin', text: 'Administration' },
          ]}
        />
        <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
        <h1>Contact details</h1>
        <p>
          The footer, the accessibility statement, the privacy notice and the cookies page show these details, and
          security.txt names the security email address. Changes show at once and are recorded in the audit log.
        </p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="version" value={version} />
          <TextInput
            name="team"
            id="team"
            label="Team"
            hint="Who answers questions about the portal, as it reads in a sentence: “contact the national team”."
            autoComplete="off"
            defaultValue={value('team', contact.team)}
            error={fields.team.errors?.[0]}
          />
          <TextInput
            name="email"
            id="email"
            label="Email address"
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={value('email', contact.email)}
            error={fields.email.errors?.[0]}
          />
          <TextInput
            name="phone"
            id="phone"
            label="Phone number (optional)"
            type="tel"
            autoComplete="off"
            width={20}
            defaultValue={value('phone', contact.phone ?? '')}
            error={fields.phone.errors?.[0]}
          />
          <TextInput
            name="securityEmail"
            id="securityEmail"
            label="Security email address (optional)"
            hint="Where people report a security vulnerability. Leave it empty to use the email address above."
            type="email"
            autoComplete="off"
            spellCheck={false}
            defaultValue={value('securityEmail', contact.securityEmail === contact.email ? '' : contact.securityEmail)}
            error={fields.securityEmail.errors?.[0]}
          />
          <TextInput
            name="responseDays"
            id="responseDays"
            label="Working days to reply"
            hint="How soon the team replies to a request for another format or a complaint."
            inputMode="numeric"
            autoComplete="off"
            width={2}
            defaultValue={value('responseDays', String(contact.responseDays))}
            error={fields.responseDays.errors?.[0]}
          />
          <Button type="submit">Save contact details</Button>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
