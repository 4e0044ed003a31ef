import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BackLink, Button, Checkboxes, ErrorSummary, Radios } from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getParticipantsForm, saveParticipants } from '~/modules/cycles/admin.server'
import { ParticipantsSchema } from '~/modules/cycles/schema'
import { ORGANISATION_TYPE_LABELS } from '~/modules/organisations/labels'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Organisations taking part - ${data?.cycle.name ?? 'Cycle'} - Administration - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  return getParticipantsForm(user, params.cycleId ?? '')
}

type ActionData = {
  errors: { scope?: string; organisationIds?: string; form?: string }
  scope?: string
  organisationIds: string[]
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'cycle:manage')
  const cycleId = params.cycleId ?? ''
  const formData = await request.formData()
  // What the person chose, sent back on an error so nothing they ticked is lost.
  const kept = {
    scope: String(formData.get('scope') ?? '') || undefined,
    organisationIds: formData.getAll('organisationIds').map(String),
  }
  const submission = parseWithZod(formData, { schema: ParticipantsSchema })
  if (submission.status !== 'success') {
    const errors = submission.error ?? {}
    return data<ActionData>(
      {
        ...kept,
        errors: { scope: errors.scope?.[0], organisationIds: errors.organisationIds?.[0], form: errors.updatedAt?.[0] },
      },
      { status: 400 },
    )
  }
  const result = await saveParticipants({
    actor: user,
    cycleId,
    form: submission.value,
    ipAddress: context.clientAddress,
  })
  if (!result.ok) {
    if (result.kind === 'invalid')
      return data<ActionData>(
        { ...kept, errors: { organisationIds: result.fieldErrors.organisationIds?.[0] } },
        { status: 400 },
      )
    if (result.kind === 'refused')
      return data<ActionData>({ ...kept, errors: { form: result.message } }, { status: 409 })
    return data<ActionData>(
      {
        ...kept,
        errors: {
          form: 'Someone else changed this cycle while you were choosing. Check the organisations below and save again.',
        },
      },
      { status: 409 },
    )
  }
  const parts = [
    result.added ? `${result.added} submission${result.added === 1 ? '' : 's'} created.` : '',
    result.removed ? `${result.removed} submission${result.removed === 1 ? '' : 's'} removed.` : '',
    result.cannotTakePart.length
      ? `Cannot take part (no library service or no longer active): ${result.cannotTakePart.map((c) => c.name).join(', ')}.`
      : '',
  ].filter(Boolean)
  return redirectWithFlash(request, `/admin/cycles/${cycleId}`, {
    type: 'success',
    title: 'Organisations taking part saved',
    description: parts.join(' ') || undefined,
  })
}

export default function ParticipantsPage() {
  const { cycle, regions } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors ?? {}
  const scope = actionData?.scope ?? (cycle.allOrganisations ? 'ALL' : 'SELECTED')
  const chosen = actionData ? new Set(actionData.organisationIds) : null
  const back = `/admin/cycles/${cycle.id}`
  const summary = [
    errors.form ? { href: '#scope', text: errors.form } : null,
    errors.scope ? { href: '#scope', text: errors.scope } : null,
    errors.organisationIds ? { href: `#organisationIds-${regions[0]?.id ?? ''}`, text: errors.organisationIds } : null,
  ].filter((item): item is { href: string; text: string } => item !== null)
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={back}>Back to {cycle.name}</BackLink>
        <ErrorSummary errors={summary} />
        <span className="nhsuk-caption-l">{cycle.name}</span>
        <h1>Organisations taking part</h1>
        {cycle.status === 'OPEN' ? (
          <p>
            The cycle is open. An organisation you add gets its submission when you save. You cannot remove an
            organisation whose library service has started its submission.
          </p>
        ) : (
          <p>
            Each organisation taking part gets a submission when the cycle opens. An organisation that no library
            service serves cannot take part.
          </p>
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="updatedAt" value={new Date(cycle.updatedAt).toISOString()} />
          <Radios
            name="scope"
            id="scope"
            legend="Which organisations take part?"
            legendSize="m"
            defaultValue={scope}
            error={errors.scope}
            items={[
              {
                value: 'ALL',
                text: 'All active organisations',
                hint: 'Every organisation that is active when the cycle opens. The choices below are ignored.',
              },
              {
                value: 'SELECTED',
                text: 'Only the organisations I choose',
                hint: 'For example, the services in a pilot. Choose them below.',
              },
            ]}
          />
          <h2 className="nhsuk-heading-m">Organisations by region</h2>
          <div className={errors.organisationIds ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
            {errors.organisationIds ? (
              <p className="nhsuk-error-message" id="organisationIds-error">
                <span className="nhsuk-u-visually-hidden">Error:</span> {errors.organisationIds}
              </p>
            ) : null}
            {regions.map((region) => (
              <Checkboxes
                key={region.id}
                name="organisationIds"
                id={`organisationIds-${region.id}`}
                legend={region.name}
                legendSize="s"
                small
                defaultValues={region.organisations
                  .filter((o) => (chosen ? chosen.has(o.id) : o.chosen))
                  .map((o) => o.id)}
                items={region.organisations.map((org) => ({
                  value: org.id,
                  text: `${org.name} (${org.odsCode})`,
                  hint: [
                    ORGANISATION_TYPE_LABELS[org.type] ?? org.type,
                    org.libraryServiceName ?? 'Cannot take part: no library service serves it',
                    org.started ? 'Submission started' : '',
                  ]
                    .filter(Boolean)
                    .join('. '),
                }))}
              />
            ))}
          </div>
          <div className="nhsuk-button-group">
            <Button type="submit">Save organisations</Button>
            <a className="nhsuk-link" href={back}>
              Cancel
            </a>
          </div>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
