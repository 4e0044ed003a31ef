import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { LIBRARY_SERVICE_FIELDS, LibraryServiceFields } from '~/components/admin/library-service-fields'
import { errorSummaryItems } from '~/components/form-errors'
import { Breadcrumbs, Button, ErrorSummary } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { LibraryServiceSchema } from '~/modules/organisations/schema'
import { createLibraryService } from '~/modules/organisations/services.server'
import { getEnv } from '~/utils/env.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction = () => [{ title: 'Add a library service - Administration - LKS Quality Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  return { defaultQuotaMb: getEnv().SERVICE_QUOTA_MB }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const submission = parseWithZod(await request.formData(), { schema: LibraryServiceSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await createLibraryService({ actor: user, values: submission.value, ipAddress: context.clientAddress })
  if (!result.ok)
    return data({ result: submission.reply({ fieldErrors: { name: [result.message] } }) }, { status: 400 })
  return redirectWithFlash(request, `/admin/services/${result.value.id}`, {
    type: 'success',
    title: 'Library service added',
    description: 'Now add the organisations it serves.',
  })
}

export default function NewLibraryService() {
  const { defaultQuotaMb } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'new-library-service',
    lastResult: actionData?.result,
    defaultValue: { active: 'true' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LibraryServiceSchema }),
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
            { href: '/admin/services', text: 'Library services' },
          ]}
        />
        <ErrorSummary errors={errorSummaryItems(form.allErrors, LIBRARY_SERVICE_FIELDS)} />
        <h1>Add a library service</h1>
        <Form method="post" {...getFormProps(form)}>
          <LibraryServiceFields fields={fields} defaultQuotaMb={defaultQuotaMb} />
          <div className="nhsuk-button-group">
            <Button type="submit">Save library service</Button>
            <a className="nhsuk-link" href="/admin/services">
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
