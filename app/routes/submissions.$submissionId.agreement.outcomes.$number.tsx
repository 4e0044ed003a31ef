import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { unlessOutOfSpace } from '~/modules/content/out-of-space.server'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { GradeFields } from '~/components/grade-fields'
import { BackLink, Button, ErrorSummary, InsetText, Textarea } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice } from '~/components/restored-notice'
import { formatGrade } from '~/modules/framework/grading'
import { getAgreement, loadForAgreement, recordAgreedResult } from '~/modules/validation/agreement.server'
import { AgreedResultFormSchema } from '~/modules/validation/schema'
import { redirectWithFlash } from '~/utils/flash.server'
import { integerParam, notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Agreed result of outcome ${data?.outcome.number ?? ''} - LKS Quality Portal` },
]

const FIELDS = [
  'level',
  'subLevel',
  'rationale',
  'strengths',
  'areasForDevelopment',
  'requiredActions',
  'recommendations',
] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadForAgreement(user, params.submissionId ?? '')
  const number = integerParam(params.number, 1, 20)
  const agreement = await getAgreement(user, context)
  const outcome = agreement.outcomes.find((o) => o.number === number)
  if (!outcome || !outcome.canRecord) notFound()
  return {
    // What the person posted when their session had ended, to check and save (once).
    restored: await restoredForm(request, user, AgreedResultFormSchema),
    submissionId: context.id,
    organisationName: context.organisation.name,
    moderation: outcome.decidedBy === 'MODERATION',
    minimumExpectedLevel: agreement.minimumExpectedLevel,
    outcome,
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadForAgreement(user, params.submissionId ?? '')
  const number = integerParam(params.number, 1, 20)
  const submission = parseWithZod(await request.formData(), { schema: AgreedResultFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const saved = await unlessOutOfSpace(
    () =>
      recordAgreedResult({
        actor: user,
        context,
        number,
        form: submission.value,
        ipAddress: loadContext.clientAddress,
      }),
    'agreed result',
  )
  if (!saved.stored) return data({ result: submission.reply({ formErrors: [saved.message] }) }, { status: 507 })
  const result = saved.value
  if (!result.ok)
    return data(
      {
        result:
          'fieldErrors' in result
            ? submission.reply({ fieldErrors: result.fieldErrors })
            : submission.reply({ formErrors: [result.message] }),
      },
      { status: 400 },
    )
  return redirectWithFlash(request, `/submissions/${context.id}/agreement`, {
    type: 'success',
    title: `Agreed result of outcome ${number} recorded`,
  })
}

export default function AgreedOutcome() {
  const { submissionId, organisationName, moderation, minimumExpectedLevel, outcome } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const start =
    outcome.agreed ??
    (outcome.proposed
      ? {
          level: outcome.proposed.level,
          subLevel: outcome.proposed.subLevel,
          rationale: '',
          strengths: '',
          areasForDevelopment: '',
          recommendations: '',
          requiredActions: [] as string[],
        }
      : null)
  const { restored } = useLoaderData<typeof loader>()
  const [form, fields] = useForm({
    id: `agreed-${outcome.number}`,
    lastResult: actionData?.result ?? restored ?? undefined,
    defaultValue: {
      level: start ? String(start.level) : undefined,
      subLevel: start?.subLevel ?? undefined,
      rationale: start?.rationale ?? '',
      strengths: start?.strengths ?? '',
      areasForDevelopment: start?.areasForDevelopment ?? '',
      requiredActions: start?.requiredActions.join('\n') ?? '',
      recommendations: start?.recommendations ?? '',
    },
    shouldValidate: 'onSubmit',
    // The same schema as the action's, so the browser shows the errors without a round trip.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AgreedResultFormSchema }),
  })
  const text = (name: 'rationale' | 'strengths' | 'areasForDevelopment' | 'requiredActions' | 'recommendations') =>
    (fields[name].initialValue as string | undefined) ?? ''
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/submissions/${submissionId}/agreement`}>Back to the agreed result</BackLink>
        <ErrorSummary errors={errorSummaryItems(form.allErrors, FIELDS)} />
        <RestoredNotice show={Boolean(restored) && !actionData} />
        <span className="nhsuk-caption-l">{organisationName}</span>
        <h1>
          {moderation ? 'Moderate' : 'Agree'} outcome {outcome.number}: {outcome.shortTitle}
        </h1>
        {outcome.grades ? (
          <InsetText>
            <p>
              Primary validator: {formatGrade(outcome.grades.primary)}. Second validator:{' '}
              {formatGrade(outcome.grades.secondary)}.
            </p>
            {moderation ? (
              <>
                <p>
                  <strong>Primary rationale:</strong> {outcome.grades.primaryRationale}
                </p>
                <p>
                  <strong>Second rationale:</strong> {outcome.grades.secondaryRationale}
                </p>
              </>
            ) : null}
          </InsetText>
        ) : null}
        <Form method="post" {...getFormProps(form)}>
          <GradeFields
            level={{
              name: 'level',
              legend: 'Agreed level',
              defaultValue: fields.level.initialValue as string | undefined,
              error: fields.level.errors?.[0],
            }}
            subLevel={{
              name: 'subLevel',
              legend: 'Agreed sub-level',
              defaultValue: fields.subLevel.initialValue as string | undefined,
              error: fields.subLevel.errors?.[0],
            }}
          />
          <Textarea
            name="rationale"
            id="rationale"
            label={moderation ? 'Rationale for the moderated grade' : 'Rationale (optional)'}
            rows={4}
            defaultValue={text('rationale')}
            error={fields.rationale.errors?.[0]}
          />
          <Textarea
            name="strengths"
            id="strengths"
            label="Strengths and good practice"
            rows={4}
            defaultValue={text('strengths')}
            error={fields.strengths.errors?.[0]}
          />
          <Textarea
            name="areasForDevelopment"
            id="areasForDevelopment"
            label="Areas for development"
            rows={4}
            defaultValue={text('areasForDevelopment')}
            error={fields.areasForDevelopment.errors?.[0]}
          />
          <Textarea
            name="requiredActions"
            id="requiredActions"
            label="Required actions"
            hint={`One per line.${minimumExpectedLevel === null ? '' : ` At least one is needed when the agreed level is below level ${minimumExpectedLevel}, the cycle’s minimum expected level.`}`}
            rows={4}
            defaultValue={text('requiredActions')}
            error={fields.requiredActions.errors?.[0]}
          />
          <Textarea
            name="recommendations"
            id="recommendations"
            label="Recommendations"
            rows={4}
            defaultValue={text('recommendations')}
            error={fields.recommendations.errors?.[0]}
          />
          <Button type="submit">Save the agreed result</Button>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
