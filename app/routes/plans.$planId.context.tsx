import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { BackLink, Button, ErrorSummary, InsetText, SummaryList, Textarea, TextInput } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice, restoredVersion } from '~/components/restored-notice'
import { getPlanContextForm, loadPlanContext, savePlanContext } from '~/modules/improvement/plan.server'
import { CONTEXT_FIELDS, NOTES_MAX, PlanContextSchema } from '~/modules/improvement/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Context - ${data?.organisationName ?? 'Service Improvement Plan'} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '')
  return {
    // What the person posted when their session had ended, to check and save (once).
    restored: await restoredForm(request, user, PlanContextSchema),
    planId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    form: await getPlanContextForm(context),
    // This rendering's idempotency key: the save it sends, if sent again, is answered as the first was.
    saveKey: randomUUID(),
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '', 'sip:edit')
  const submission = parseWithZod(await request.formData(), { schema: PlanContextSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await savePlanContext({
    actor: user,
    context,
    form: submission.value,
    ipAddress: loadContext.clientAddress,
  })
  if (!result.ok) return data({ result: submission.reply({ formErrors: [result.message] }) }, { status: 409 })
  return redirectWithFlash(request, `/plans/${context.id}`, { type: 'success', title: 'Context saved' })
}

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value))

export default function PlanContextPage() {
  const { planId, organisationName, cycleName, form: values, restored, saveKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'plan-context',
    lastResult: actionData?.result ?? restored ?? undefined,
    defaultValue: {
      version: String(values.contextVersion),
      changesSinceValidation: values.changesSinceValidation,
      budgetPounds: str(values.budgetPounds),
      staffHeadcount: str(values.staffHeadcount),
      staffWte: str(values.staffWte),
      lksWte: str(values.lksWte),
      qualifiedWte: str(values.qualifiedWte),
      contextNotes: values.contextNotes,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PlanContextSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const initial = (name: keyof typeof fields) => str(fields[name].initialValue)
  const back = `/plans/${planId}`
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={back}>Back to the plan</BackLink>
        <ErrorSummary errors={errorSummaryItems(form.allErrors, CONTEXT_FIELDS)} />
        <RestoredNotice show={Boolean(restored) && !actionData && values.editable} />
        <span className="nhsuk-caption-l">
          {organisationName}, {cycleName}
        </span>
        <h1>Context</h1>
        {values.copiedFromCycle ? (
          <InsetText>
            <p>
              Copied from the pen portrait of the {values.copiedFromCycle} submission. Check and update each figure.
            </p>
          </InsetText>
        ) : null}
        {values.editable ? (
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="version" value={restoredVersion(restored, values.contextVersion)} />
            <input type="hidden" name="saveKey" value={saveKey} />
            <Textarea
              name="changesSinceValidation"
              id="changesSinceValidation"
              label="What has changed since the last validation"
              hint="For example, new posts, a merger, a new strategy, or changes in the organisations you serve."
              rows={6}
              characterCount={{ maxLength: NOTES_MAX }}
              defaultValue={initial('changesSinceValidation')}
              error={fields.changesSinceValidation.errors?.[0]}
            />
            <TextInput
              name="budgetPounds"
              id="budgetPounds"
              label="Budget (£ a year)"
              width={10}
              inputMode="numeric"
              defaultValue={initial('budgetPounds')}
              error={fields.budgetPounds.errors?.[0]}
            />
            <TextInput
              name="staffHeadcount"
              id="staffHeadcount"
              label="Staff headcount of the organisations served"
              width={10}
              inputMode="numeric"
              defaultValue={initial('staffHeadcount')}
              error={fields.staffHeadcount.errors?.[0]}
            />
            <TextInput
              name="staffWte"
              id="staffWte"
              label="Staff WTE of the organisations served"
              hint="WTE is the whole-time equivalent: hours worked as a share of a full-time post, so two people working half time are 1 WTE."
              width={10}
              inputMode="decimal"
              defaultValue={initial('staffWte')}
              error={fields.staffWte.errors?.[0]}
            />
            <TextInput
              name="lksWte"
              id="lksWte"
              label="Library and knowledge service WTE"
              width={5}
              inputMode="decimal"
              defaultValue={initial('lksWte')}
              error={fields.lksWte.errors?.[0]}
            />
            <TextInput
              name="qualifiedWte"
              id="qualifiedWte"
              label="Qualified library and knowledge specialist WTE"
              width={5}
              inputMode="decimal"
              defaultValue={initial('qualifiedWte')}
              error={fields.qualifiedWte.errors?.[0]}
            />
            <Textarea
              name="contextNotes"
              id="contextNotes"
              label="Other context (optional)"
              rows={5}
              characterCount={{ maxLength: NOTES_MAX }}
              defaultValue={initial('contextNotes')}
              error={fields.contextNotes.errors?.[0]}
            />
            <Button type="submit">Save and return to the plan</Button>
          </Form>
        ) : (
          <SummaryList
            rows={[
              {
                key: 'What has changed',
                value: <div className="app-preserve-lines">{values.changesSinceValidation || 'Not given'}</div>,
              },
              {
                key: 'Budget',
                value: values.budgetPounds === null ? 'Not given' : `£${values.budgetPounds.toLocaleString('en-GB')}`,
              },
              { key: 'Staff headcount', value: str(values.staffHeadcount) || 'Not given' },
              { key: 'Staff WTE', value: str(values.staffWte) || 'Not given' },
              { key: 'Library and knowledge service WTE', value: str(values.lksWte) || 'Not given' },
              { key: 'Qualified WTE', value: str(values.qualifiedWte) || 'Not given' },
              {
                key: 'Other context',
                value: <div className="app-preserve-lines">{values.contextNotes || 'None'}</div>,
              },
            ]}
          />
        )}
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('improvement')
