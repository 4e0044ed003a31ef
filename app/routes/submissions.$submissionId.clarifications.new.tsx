import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { unlessOutOfSpace } from '~/modules/content/out-of-space.server'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  BackLink,
  Button,
  cx,
  ErrorMessage,
  ErrorSummary,
  Fieldset,
  Hint,
  Textarea,
  type ErrorSummaryItem,
} from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice } from '~/components/restored-notice'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import {
  AskSchema,
  chosenQuestions,
  MESSAGE_MAX,
  outcomeList,
  type AskForm,
} from '~/modules/validation/clarification-schema'
import { askForClarification, getAskPage } from '~/modules/validation/clarification.server'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ask for clarification - ${data?.organisationName ?? ''} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'clarification:ask')
  const page = await getAskPage(user, context)
  return {
    // What the person posted when their session had ended, to check and save (once).
    restored: await restoredForm(request, user, AskSchema),
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    ...page,
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'clarification:ask')
  const submission = parseWithZod(await request.formData(), { schema: AskSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const questions = chosenQuestions(submission.value)
  const saved = await unlessOutOfSpace(
    () => askForClarification({ actor: user, context, questions, ipAddress: loadContext.clientAddress }),
    'clarification questions',
  )
  if (!saved.stored) return data({ result: submission.reply({ formErrors: [saved.message] }) }, { status: 507 })
  const result = saved.value
  if (!result.ok) return data({ result: submission.reply({ formErrors: [result.message] }) }, { status: 409 })
  return redirectWithFlash(request, `/submissions/${context.id}/clarifications`, {
    type: 'success',
    title: 'Clarification requested',
    description: `The service can now answer your ${questions.length === 1 ? 'question' : 'questions'} and change ${outcomeList(questions.map((q) => q.number))}.`,
  })
}

export default function AskForClarification() {
  const { submissionId, organisationName, cycleName, outcomes, refusal } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { restored } = useLoaderData<typeof loader>()
  const [form, fields] = useForm<AskForm>({
    id: 'ask',
    lastResult: actionData?.result ?? restored ?? undefined,
    defaultValue: { items: outcomes.map((o) => ({ number: o.number, ask: false, question: '' })) },
    shouldValidate: 'onSubmit',
    // The same schema as the action's, so the browser shows the errors without a round trip.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AskSchema }),
  })
  const items = fields.items.getFieldList()
  const base = `/submissions/${submissionId}`
  const firstCheckbox = `#ask-${outcomes[0]?.number ?? 1}`

  const chooseError = fields.items.errors?.[0]
  const errors: ErrorSummaryItem[] = [
    ...(form.errors ?? []).map((text) => ({ href: firstCheckbox, text })),
    ...(chooseError ? [{ href: firstCheckbox, text: chooseError }] : []),
    ...outcomes.flatMap((o, index) => {
      const text = items[index]?.getFieldset().question.errors?.[0]
      return text ? [{ href: `#question-${o.number}`, text }] : []
    }),
  ]

  return (
    <>
      <BackLink href={`${base}/clarifications`}>Back to clarification questions</BackLink>
      <ErrorSummary errors={errors} />
      <RestoredNotice show={Boolean(restored) && !actionData} />
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>Ask for clarification</h1>
      {refusal ? (
        <p>{refusal}</p>
      ) : (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <p>
              The service will see your questions with your name. Only the outcomes you ask about reopen, so the service
              can change their answer and link new or other evidence.
            </p>
            <Form method="post" {...getFormProps(form)}>
              <div className={cx('nhsuk-form-group', chooseError && 'nhsuk-form-group--error')}>
                <fieldset
                  className="nhsuk-fieldset"
                  aria-describedby={cx('outcomes-hint', chooseError && 'outcomes-error')}
                >
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                    <h2 className="nhsuk-fieldset__heading">Which outcomes do you want to ask about?</h2>
                  </legend>
                  <Hint id="outcomes-hint">
                    Select each outcome you have a question about, then write your question.
                  </Hint>
                  {chooseError ? <ErrorMessage id="outcomes-error">{chooseError}</ErrorMessage> : null}
                  {outcomes.map((outcome, index) => {
                    const item = items[index]?.getFieldset()
                    const checked = item?.ask.initialValue === 'on'
                    return (
                      <Fieldset
                        key={outcome.number}
                        legend={`Outcome ${outcome.number}: ${outcome.shortTitle}`}
                        legendSize="s"
                        className="nhsuk-u-margin-bottom-4"
                      >
                        <input type="hidden" name={`items[${index}].number`} value={outcome.number} />
                        <div className="nhsuk-form-group nhsuk-u-margin-bottom-3">
                          <div className="nhsuk-checkboxes nhsuk-checkboxes--small" data-module="nhsuk-checkboxes">
                            <div className="nhsuk-checkboxes__item">
                              <input
                                className="nhsuk-checkboxes__input"
                                id={`ask-${outcome.number}`}
                                name={`items[${index}].ask`}
                                type="checkbox"
                                value="on"
                                defaultChecked={checked}
                              />
                              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`ask-${outcome.number}`}>
                                Ask about outcome {outcome.number}
                              </label>
                            </div>
                          </div>
                        </div>
                        <Textarea
                          name={`items[${index}].question`}
                          id={`question-${outcome.number}`}
                          label={`Your question about outcome ${outcome.number}`}
                          rows={4}
                          characterCount={{ maxLength: MESSAGE_MAX }}
                          defaultValue={(item?.question.initialValue as string | undefined) ?? ''}
                          error={item?.question.errors?.[0]}
                        />
                      </Fieldset>
                    )
                  })}
                </fieldset>
              </div>
              <Button type="submit">Send questions</Button>
            </Form>
          </div>
        </div>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
