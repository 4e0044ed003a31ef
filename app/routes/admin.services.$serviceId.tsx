import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { LIBRARY_SERVICE_FIELDS, LibraryServiceFields } from '~/components/admin/library-service-fields'
import { errorSummaryItems } from '~/components/form-errors'
import { Breadcrumbs, Button, ErrorSummary, Select, Table, VisuallyHidden } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { AddServedOrganisationSchema, LibraryServiceSchema, StopServingSchema } from '~/modules/organisations/schema'
import {
  addServedOrganisation,
  getLibraryServiceForAdmin,
  stopServingOrganisation,
  updateLibraryService,
} from '~/modules/organisations/services.server'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.service.name ?? 'Library service'} - Administration - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const service = await getLibraryServiceForAdmin(user, params.serviceId ?? '')
  if (!service) notFound('Library service not found')
  return { service }
}

type Answer = {
  form: 'details' | 'add' | 'stop'
  result?: SubmissionResult<string[]>
  message?: string
  version?: string
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const libraryServiceId = params.serviceId ?? ''
  const service = await getLibraryServiceForAdmin(user, libraryServiceId)
  if (!service) notFound('Library service not found')
  const formData = await request.formData()
  const intent = formData.get('intent')
  const here = `/admin/services/${libraryServiceId}`
  const base = { actor: user, libraryServiceId, ipAddress: context.clientAddress }

  if (intent === 'add') {
    const submission = parseWithZod(formData, { schema: AddServedOrganisationSchema })
    if (submission.status !== 'success')
      return data<Answer>({ form: 'add', result: submission.reply() }, { status: 400 })
    const result = await addServedOrganisation({ ...base, organisationId: submission.value.organisationId })
    if (!result.ok)
      return data<Answer>(
        { form: 'add', result: submission.reply({ fieldErrors: { organisationId: [result.message] } }) },
        { status: 400 },
      )
    return redirectWithFlash(request, here, {
      type: 'success',
      title: 'Organisation added',
      description: `${service.name} now serves ${result.value.organisationName}.`,
    })
  }
  if (intent === 'stop') {
    const parsed = StopServingSchema.safeParse(Object.fromEntries(formData))
    const result = parsed.success
      ? await stopServingOrganisation({ ...base, organisationId: parsed.data.organisationId })
      : null
    if (!result?.ok)
      return data<Answer>(
        { form: 'stop', message: result?.message ?? 'Choose an organisation to stop serving' },
        { status: 400 },
      )
    return redirectWithFlash(request, here, {
      type: 'success',
      title: 'Organisation no longer served',
      description: `${service.name} stopped serving ${result.value.organisationName} today. The history is kept.`,
    })
  }
  const submission = parseWithZod(formData, { schema: LibraryServiceSchema })
  if (submission.status !== 'success')
    return data<Answer>({ form: 'details', result: submission.reply() }, { status: 400 })
  const result = await updateLibraryService({ ...base, values: submission.value })
  if (!result.ok) {
    const reply =
      result.field === 'name'
        ? submission.reply({ fieldErrors: { name: [result.message] } })
        : submission.reply({ formErrors: [result.message] })
    return data<Answer>(
      { form: 'details', result: reply, version: result.field === 'form' ? service.version : undefined },
      { status: result.field === 'form' ? 409 : 400 },
    )
  }
  return redirectWithFlash(request, here, { type: 'success', title: 'Library service saved' })
}

export default function LibraryServicePage() {
  const { service } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>() as Answer | undefined
  const [form, fields] = useForm({
    id: 'library-service',
    lastResult: actionData?.form === 'details' ? actionData.result : undefined,
    defaultValue: {
      name: service.name,
      active: String(service.active),
      quotaMb: service.quotaMb === null ? '' : String(service.quotaMb),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LibraryServiceSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const [addForm, addFields] = useForm({
    id: 'add-organisation',
    lastResult: actionData?.form === 'add' ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddServedOrganisationSchema }),
    shouldValidate: 'onSubmit',
  })
  const errors = [
    ...errorSummaryItems(form.allErrors, LIBRARY_SERVICE_FIELDS),
    ...errorSummaryItems(addForm.allErrors, ['organisationId']),
    ...(actionData?.form === 'stop' && actionData.message ? [{ href: '#serving', text: actionData.message }] : []),
  ]
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
        <ErrorSummary errors={errors} />
        <h1>{service.name}</h1>

        <h2 id="serving">Organisations it serves</h2>
        {service.serving.length ? (
          <Table
            caption="Organisations served now"
            captionSize="s"
            head={['Organisation', 'Serves from', 'Action']}
            rows={service.serving.map((o) => [
              `${o.name} (${o.odsCode})${o.active ? '' : ', deactivated'}`,
              formatDate(o.servesFrom),
              <Form method="post" key="stop">
                <input type="hidden" name="intent" value="stop" />
                <input type="hidden" name="organisationId" value={o.id} />
                <Button type="submit" variant="secondary" small>
                  Stop serving<VisuallyHidden> {o.name}</VisuallyHidden>
                </Button>
              </Form>,
            ])}
          />
        ) : (
          <p>This service does not serve any organisations at the moment.</p>
        )}
        <Form method="post" {...getFormProps(addForm)}>
          <input type="hidden" name="intent" value="add" />
          <Select
            name="organisationId"
            id="organisationId"
            label="Add an organisation it serves"
            hint="It will be served from today."
            options={[
              { value: '', text: 'Select an organisation' },
              ...service.candidates.map((o) => ({ value: o.id, text: `${o.name} (${o.odsCode})` })),
            ]}
            defaultValue={
              typeof addFields.organisationId.initialValue === 'string' ? addFields.organisationId.initialValue : ''
            }
            error={addFields.organisationId.errors?.[0]}
          />
          <Button type="submit" variant="secondary">
            Add organisation
          </Button>
        </Form>
        {service.served.length ? (
          <Table
            caption="Organisations it served before"
            captionSize="s"
            head={['Organisation', 'From', 'To']}
            rows={service.served.map((o) => [
              `${o.name} (${o.odsCode})`,
              formatDate(o.servesFrom),
              o.servesTo ? formatDate(o.servesTo) : '',
            ])}
          />
        ) : null}

        <h2>Details</h2>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="details" />
          <input type="hidden" name="version" value={actionData?.version ?? service.version} />
          <LibraryServiceFields fields={fields} defaultQuotaMb={service.defaultQuotaMb} />
          <Button type="submit">Save library service</Button>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
