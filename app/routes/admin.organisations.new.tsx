import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ORGANISATION_FIELDS, OrganisationFields } from '~/components/admin/organisation-fields'
import { errorSummaryItems } from '~/components/form-errors'
import { Breadcrumbs, Button, ErrorSummary } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { createOrganisation, listRegionsForAdmin } from '~/modules/organisations/admin.server'
import { OrganisationSchema } from '~/modules/organisations/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Add an organisation - Administration - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  return { regions: await listRegionsForAdmin(user) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const submission = parseWithZod(await request.formData(), { schema: OrganisationSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createOrganisation({ actor: user, values: submission.value, ipAddress: context.clientAddress })
  if (!result.ok) {
    const reply =
      result.field === 'odsCode'
        ? submission.reply({ fieldErrors: { odsCode: [result.message] } })
        : submission.reply({ fieldErrors: { regionId: [result.message] } })
    return data({ result: reply }, { status: 400 })
  }
  return redirectWithFlash(request, '/admin/organisations', {
    type: 'success',
    title: 'Organisation added',
    description: `${submission.value.name} (${submission.value.odsCode}) has been added.`,
  })
}

export default function NewOrganisation() {
  const { regions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-organisation',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Breadcrumbs
          items={[
            { href: '/', text: 'Home' },
            { href: '/admin', text: 'Administration' },
            { href: '/admin/organisations', text: 'Organisations' },
          ]}
        />
        <ErrorSummary errors={errorSummaryItems(form.allErrors, ORGANISATION_FIELDS)} />
        <h1>Add an organisation</h1>
        <Form method="post" {...getFormProps(form)}>
          <OrganisationFields fields={fields} regions={regions} />
          <div className="nhsuk-button-group">
            <Button type="submit">Save organisation</Button>
            <a className="nhsuk-link" href="/admin/organisations">
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
