import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ORGANISATION_FIELDS, OrganisationFields } from '~/components/admin/organisation-fields'
import { errorSummaryItems } from '~/components/form-errors'
import { Breadcrumbs, Button, ErrorSummary, SummaryList, Tag, WarningCallout } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import {
  getOrganisationForAdmin,
  listRegionsForAdmin,
  setOrganisationActive,
  updateOrganisation,
} from '~/modules/organisations/admin.server'
import { OrganisationSchema, OrganisationStatusSchema } from '~/modules/organisations/schema'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.organisation.name ?? 'organisation'} - Administration - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const [organisation, regions] = await Promise.all([
    getOrganisationForAdmin(user, params.organisationId ?? ''),
    listRegionsForAdmin(user),
  ])
  if (!organisation) notFound('Organisation not found')
  return { organisation, regions }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'organisation:manage')
  const organisationId = params.organisationId ?? ''
  const formData = await request.formData()
  if (formData.get('intent') === 'status') {
    const parsed = OrganisationStatusSchema.safeParse(Object.fromEntries(formData))
    if (!parsed.success)
      return data(
        {
          result: undefined,
          statusError: 'Choose whether to deactivate or reactivate the organisation',
          current: undefined,
          version: undefined,
        },
        { status: 400 },
      )
    const result = await setOrganisationActive({
      actor: user,
      organisationId,
      ...parsed.data,
      ipAddress: context.clientAddress,
    })
    if (!result.ok)
      return data(
        { result: undefined, statusError: result.message, current: undefined, version: undefined },
        { status: 409 },
      )
    return redirectWithFlash(request, `/admin/organisations/${organisationId}/edit`, {
      type: 'success',
      title: parsed.data.active ? 'Organisation reactivated' : 'Organisation deactivated',
      description: parsed.data.active
        ? `${result.value.name} can take part in new cycles again.`
        : `${result.value.name} will not be offered in new cycles. Its submissions and history are kept.`,
    })
  }
  const submission = parseWithZod(formData, { schema: OrganisationSchema })
  if (submission.status !== 'success')
    return data(
      { result: submission.reply(), statusError: undefined, current: undefined, version: undefined },
      { status: 400 },
    )
  const result = await updateOrganisation({
    actor: user,
    organisationId,
    values: submission.value,
    ipAddress: context.clientAddress,
  })
  if (!result.ok) {
    if (result.field === 'odsCode')
      return data(
        {
          result: submission.reply({ fieldErrors: { odsCode: [result.message] } }),
          statusError: undefined,
          current: undefined,
          version: undefined,
        },
        { status: 400 },
      )
    const latest = result.current ? await getOrganisationForAdmin(user, organisationId) : null
    return data(
      {
        result: result.current
          ? submission.reply({ formErrors: [result.message] })
          : submission.reply({ fieldErrors: { regionId: [result.message] } }),
        statusError: undefined,
        current: result.current,
        version: latest?.version,
      },
      { status: result.current ? 409 : 400 },
    )
  }
  return redirectWithFlash(request, '/admin/organisations', {
    type: 'success',
    title: 'Organisation saved',
    description: `${submission.value.name} (${submission.value.odsCode}) has been saved.`,
  })
}

export default function EditOrganisation() {
  const { organisation, regions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'edit-organisation',
    lastResult: actionData?.result,
    defaultValue: {
      odsCode: organisation.odsCode,
      name: organisation.name,
      type: organisation.type,
      regionId: organisation.regionId,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const version = actionData?.version ?? organisation.version
  const statusErrors = actionData?.statusError ? [{ href: '#status', text: actionData.statusError }] : []
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
        <ErrorSummary errors={[...errorSummaryItems(form.allErrors, ORGANISATION_FIELDS), ...statusErrors]} />
        <span className="nhsuk-caption-l">{organisation.odsCode}</span>
        <h1>Edit {organisation.name}</h1>
        {actionData?.current ? (
          <WarningCallout heading="Someone else has changed this organisation">
            <p>It now says:</p>
            <SummaryList rows={Object.entries(actionData.current).map(([key, value]) => ({ key, value }))} />
            <p>Your changes are still in the form below. Save again to replace theirs with yours.</p>
          </WarningCallout>
        ) : null}
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="version" value={version} />
          <OrganisationFields fields={fields} regions={regions} />
          <div className="nhsuk-button-group">
            <Button type="submit">Save organisation</Button>
            <a className="nhsuk-link" href="/admin/organisations">
              Cancel
            </a>
          </div>
        </Form>

        <h2 id="status">Status</h2>
        <SummaryList
          rows={[
            {
              key: 'Status',
              value: organisation.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>,
            },
            { key: 'Active from', value: formatDate(organisation.activeFrom) },
            ...(organisation.activeTo
              ? [
                  {
                    key: organisation.active ? 'Active until' : 'Deactivated on',
                    value: formatDate(organisation.activeTo),
                  },
                ]
              : []),
            { key: 'Submissions', value: String(organisation.submissionCount) },
            {
              key: 'Library services',
              value: organisation.services.length
                ? organisation.services
                    .map(
                      (s) =>
                        `${s.name} (from ${formatDate(s.servesFrom)}${s.servesTo ? ` to ${formatDate(s.servesTo)}` : ''})`,
                    )
                    .join('; ')
                : 'None',
            },
          ]}
        />
        <Form method="post">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="version" value={organisation.version} />
          {organisation.active ? (
            <>
              <p>
                Deactivating an organisation stops it being offered in new cycles. Its submissions, results and history
                are kept, and you can reactivate it later.
              </p>
              <input type="hidden" name="active" value="false" />
              <Button type="submit" variant="warning">
                Deactivate organisation
              </Button>
            </>
          ) : (
            <>
              <input type="hidden" name="active" value="true" />
              <Button type="submit" variant="secondary">
                Reactivate organisation
              </Button>
            </>
          )}
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
