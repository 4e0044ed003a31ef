import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { BackLink, Button, ButtonLink, ErrorSummary, Select, TextInput } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext, requireEditable } from '~/modules/submissions/access.server'
import { listEvidenceForLinking } from '~/modules/evidence/evidence.server'
import { getOutcomeIndicators, linkEvidence } from '~/modules/submissions/outcome.server'
import { LinkEvidenceSchema } from '~/modules/submissions/schema'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { integerParam } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Link evidence to outcome ${data?.outcome.number ?? ''} - LKS Quality Portal` },
]

const FIELDS = ['evidenceItemId', 'target', 'pointer'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  requireEditable(context)
  const [outcome, items] = await Promise.all([
    getOutcomeIndicators(context, integerParam(params.number, 1, 20)),
    listEvidenceForLinking(user, context.libraryServiceId),
  ])
  const target = new URL(request.url).searchParams.get('indicator')
  return {
    submissionId: context.id,
    libraryServiceId: context.libraryServiceId,
    outcome,
    items,
    preselectedTarget: outcome.indicators.some((i) => i.id === target) ? target : 'outcome',
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const number = integerParam(params.number, 1, 20)
  const submission = parseWithZod(await request.formData(), { schema: LinkEvidenceSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await linkEvidence({
    actor: user,
    context,
    number,
    ...submission.value,
    ipAddress: loadContext.clientAddress,
  })
  if (!result.ok)
    return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) }, { status: 400 })
  return redirectWithFlash(request, `/submissions/${context.id}/outcomes/${number}#linked-evidence`, {
    type: 'success',
    title: 'Evidence linked',
  })
}

export default function LinkEvidence() {
  const { submissionId, libraryServiceId, outcome, items, preselectedTarget } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'link-evidence',
    lastResult: actionData?.result,
    defaultValue: { evidenceItemId: '', target: preselectedTarget, pointer: '' },
    shouldValidate: 'onSubmit',
    // The same schema as the action's, so the browser shows the errors without a round trip.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkEvidenceSchema }),
  })
  const back = `/submissions/${submissionId}/outcomes/${outcome.number}`
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={back}>Back to outcome {outcome.number}</BackLink>
        <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
        <span className="nhsuk-caption-l">
          Outcome {outcome.number}: {outcome.shortTitle}
        </span>
        <h1>Link evidence</h1>
        {items.length === 0 ? (
          <>
            <p>Your evidence library is empty. Add evidence to the library first, then link it here.</p>
            <ButtonLink href={`/services/${libraryServiceId}/evidence/new`}>Add evidence</ButtonLink>
          </>
        ) : (
          <Form method="post" {...getFormProps(form)}>
            <Select
              name="evidenceItemId"
              id="evidenceItemId"
              label="Evidence item"
              hint="Items from your library and knowledge service's evidence library, newest first."
              defaultValue={(fields.evidenceItemId.initialValue as string | undefined) ?? ''}
              error={fields.evidenceItemId.errors?.[0]}
              options={[
                { value: '', text: 'Select an evidence item' },
                ...items.map((item) => ({
                  value: item.id,
                  text: `${item.title} (${formatDate(item.evidenceDateFrom)})`,
                })),
              ]}
            />
            <Select
              name="target"
              id="target"
              label="What does it support?"
              defaultValue={(fields.target.initialValue as string | undefined) ?? 'outcome'}
              error={fields.target.errors?.[0]}
              options={[
                { value: 'outcome', text: `The whole of outcome ${outcome.number}` },
                ...outcome.indicators.map((i) => ({
                  value: i.id,
                  text: `Indicator ${i.code}: ${i.text.length > 90 ? `${i.text.slice(0, 87)}…` : i.text}`,
                })),
              ]}
            />
            <TextInput
              name="pointer"
              id="pointer"
              label="Page or section (optional)"
              hint="Where in the document a reviewer should look, like ‘page 4’ or ‘section 2.1’."
              width={20}
              defaultValue={(fields.pointer.initialValue as string | undefined) ?? ''}
              error={fields.pointer.errors?.[0]}
            />
            <Button type="submit">Link evidence</Button>
          </Form>
        )}
        <p>
          <a href={`/services/${libraryServiceId}/evidence`}>Open the evidence library</a>
        </p>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
