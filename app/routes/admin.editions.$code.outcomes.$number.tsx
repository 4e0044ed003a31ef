import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  BackLink,
  Button,
  ErrorSummary,
  InsetText,
  TextInput,
  Textarea,
  VisuallyHidden,
  WarningCallout,
} from '~/components/nhs'
import { requirePermission } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { indicatorCode, LIMITS } from '~/modules/framework/edition-json'
import { WORDING_ONLY_NOTICE } from '~/modules/framework/edition-rules'
import { outcomeFormSchema } from '~/modules/framework/edition-schema'
import { getOutcomeForEditing, saveOutcome, versionOf } from '~/modules/framework/editions.server'
import { formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { integerParam, notFound } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Outcome ${data.outcome.number}: ${data.outcome.shortTitle} - ${data.edition.name} - LKS Quality Portal`
      : 'Outcome - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  const found = await getOutcomeForEditing(user, params.code ?? '', integerParam(params.number, 1, 99))
  if (!found) notFound()
  return found
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  requirePermission(user, 'framework:manage')
  const number = integerParam(params.number, 1, 99)
  const code = params.code ?? ''
  const submission = parseWithZod(await request.formData(), { schema: outcomeFormSchema(number) })
  if (submission.status !== 'success') return data({ result: submission.reply(), conflict: null }, { status: 400 })
  const result = await saveOutcome({
    actor: user,
    code,
    number,
    form: submission.value,
    ipAddress: context.clientAddress,
  })
  if (!result) notFound()
  if (!result.ok) {
    if (result.kind === 'conflict') {
      return data(
        {
          result: submission.reply({
            formErrors: [
              'Someone else changed this edition while you were editing. Your changes have not been saved: check the outcome as it is now, then save again to replace it with yours.',
            ],
          }),
          conflict: { savedAt: result.savedAt, version: versionOf(result.savedAt) },
        },
        { status: 409 },
      )
    }
    return data(
      { result: submission.reply({ formErrors: [result.message] }), conflict: null },
      { status: result.kind === 'stale' ? 409 : 400 },
    )
  }
  return redirectWithFlash(request, `/admin/editions/${encodeURIComponent(code)}/outcomes/${number}`, {
    type: 'success',
    title: result.changed ? `Outcome ${number} saved` : 'Nothing to save: you made no changes',
  })
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')

export default function EditOutcomePage() {
  const { edition, outcome, version, mode } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const conflict = actionData?.conflict ?? null
  const full = mode === 'full'
  const [form, fields] = useForm({
    id: `outcome-${outcome.id}-${version}`,
    lastResult: actionData?.result,
    defaultValue: {
      shortTitle: outcome.shortTitle,
      statement: outcome.statement,
      scope: outcome.scope,
      whyItMatters: outcome.whyItMatters,
      keyQuestions: outcome.keyQuestions,
      levels: outcome.levels.map((l) => ({
        level: String(l.level),
        summary: l.summary,
        indicators: l.indicators.map((i) => ({ id: i.id, text: i.text, position: String(i.position) })),
      })),
      suggestedEvidence: outcome.suggestedEvidence.map((e) => ({ id: e.id, text: e.text })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: outcomeFormSchema(outcome.number) }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const base = `/admin/editions/${encodeURIComponent(edition.code)}`
  const errorItems = Object.entries(form.allErrors).flatMap(([name, messages]) =>
    messages?.[0] ? [{ href: `#${name || 'shortTitle'}`, text: messages[0] }] : [],
  )
  const levelFields = fields.levels.getFieldList()
  const evidenceFields = fields.suggestedEvidence.getFieldList()
  return (
    <>
      <BackLink href={base}>Back to {edition.name}</BackLink>
      <ErrorSummary errors={errorItems} />
      <span className="nhsuk-caption-l">{edition.name}</span>
      <h1>
        Outcome {outcome.number}: {outcome.shortTitle}
      </h1>
      {!full ? (
        <InsetText>
          <p>{WORDING_ONLY_NOTICE}</p>
          <p>Each change is recorded in the audit log with the wording before and after.</p>
        </InsetText>
      ) : null}
      {conflict ? (
        <WarningCallout heading="Someone else changed this edition">
          <p>They saved it on {formatDateTime(conflict.savedAt)}. What you typed is still in the form below.</p>
          <p>
            <a
              href={`/framework/${encodeURIComponent(edition.code)}/outcomes/${outcome.number}`}
              target="_blank"
              rel="noreferrer"
            >
              See the outcome as it is now (opens in a new tab)
            </a>
          </p>
        </WarningCallout>
      ) : null}
      <Form method="post" {...getFormProps(form)} key={version}>
        {/* After a conflict the person has been told, so saving again replaces the other changes. */}
        <input type="hidden" name="editionVersion" value={conflict?.version ?? version} />
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <TextInput
              name="shortTitle"
              id="shortTitle"
              label="Short title"
              defaultValue={str(fields.shortTitle.initialValue)}
              error={fields.shortTitle.errors?.[0]}
            />
            <Textarea
              name="statement"
              id="statement"
              label="Outcome statement"
              rows={3}
              characterCount={{ maxLength: LIMITS.statement }}
              defaultValue={str(fields.statement.initialValue)}
              error={fields.statement.errors?.[0]}
            />
            <Textarea
              name="scope"
              id="scope"
              label="Scope"
              defaultValue={str(fields.scope.initialValue)}
              error={fields.scope.errors?.[0]}
            />
            <Textarea
              name="whyItMatters"
              id="whyItMatters"
              label="Why it matters"
              defaultValue={str(fields.whyItMatters.initialValue)}
              error={fields.whyItMatters.errors?.[0]}
            />
            <Textarea
              name="keyQuestions"
              id="keyQuestions"
              label="Key questions"
              hint="One question on each line"
              rows={6}
              defaultValue={str(fields.keyQuestions.initialValue)}
              error={fields.keyQuestions.errors?.[0]}
            />
          </div>
        </div>
        {levelFields.map((levelField, l) => {
          const level = outcome.levels[l]!
          const set = levelField.getFieldset()
          const indicators = set.indicators.getFieldList()
          return (
            <fieldset key={level.id} className="nhsuk-fieldset nhsuk-u-margin-bottom-6">
              <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                <h2 className="nhsuk-fieldset__heading">Level {level.level}</h2>
              </legend>
              <input type="hidden" name={set.level.name} value={level.level} />
              <Textarea
                name={set.summary.name}
                id={set.summary.name}
                label={`Level ${level.level} summary`}
                rows={3}
                defaultValue={str(set.summary.initialValue)}
                error={set.summary.errors?.[0]}
              />
              {indicators.map((indicatorField, i) => {
                const original = level.indicators[i]
                const parts = indicatorField.getFieldset()
                const id = str(parts.id.initialValue) || original?.id || ''
                const code = original?.code ?? indicatorCode(outcome.number, level.level, i + 1)
                return (
                  <div key={id} className="nhsuk-u-margin-bottom-4">
                    <input type="hidden" name={parts.id.name} value={id} />
                    <Textarea
                      name={parts.text.name}
                      id={parts.text.name}
                      label={`Indicator ${code}`}
                      rows={2}
                      defaultValue={str(parts.text.initialValue)}
                      error={parts.text.errors?.[0]}
                    />
                    {full ? (
                      <>
                        <TextInput
                          name={parts.position.name}
                          id={parts.position.name}
                          label={
                            <>
                              Position<VisuallyHidden> of indicator {code}</VisuallyHidden>
                            </>
                          }
                          hint="To reorder, change the number"
                          inputMode="numeric"
                          width={2}
                          defaultValue={str(parts.position.initialValue)}
                          error={parts.position.errors?.[0]}
                        />
                        <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-4">
                          <div className="nhsuk-checkboxes__item">
                            <input
                              className="nhsuk-checkboxes__input"
                              id={parts.remove.name}
                              name={parts.remove.name}
                              type="checkbox"
                              value="yes"
                              defaultChecked={parts.remove.initialValue === 'yes'}
                            />
                            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={parts.remove.name}>
                              Remove<VisuallyHidden> indicator {code}</VisuallyHidden>
                            </label>
                          </div>
                        </div>
                      </>
                    ) : null}
                  </div>
                )
              })}
              {indicators.length === 0 ? <p>There are no indicators on this level yet.</p> : null}
              {full ? (
                <Textarea
                  name={set.newIndicator.name}
                  id={set.newIndicator.name}
                  label={
                    <>
                      Add an indicator<VisuallyHidden> to level {level.level}</VisuallyHidden>
                    </>
                  }
                  hint="Leave this empty to add nothing. The new indicator goes at the end of the level"
                  rows={2}
                  defaultValue={str(set.newIndicator.initialValue)}
                  error={set.newIndicator.errors?.[0]}
                />
              ) : null}
            </fieldset>
          )
        })}
        <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-6">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
            <h2 className="nhsuk-fieldset__heading">Suggested evidence</h2>
          </legend>
          {evidenceFields.map((evidenceField, i) => {
            const parts = evidenceField.getFieldset()
            const id = str(parts.id.initialValue) || outcome.suggestedEvidence[i]?.id || ''
            return (
              <div key={id} className="nhsuk-u-margin-bottom-4">
                <input type="hidden" name={parts.id.name} value={id} />
                <Textarea
                  name={parts.text.name}
                  id={parts.text.name}
                  label={`Suggested evidence ${i + 1}`}
                  rows={2}
                  defaultValue={str(parts.text.initialValue)}
                  error={parts.text.errors?.[0]}
                />
                {full ? (
                  <div className="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-4">
                    <div className="nhsuk-checkboxes__item">
                      <input
                        className="nhsuk-checkboxes__input"
                        id={parts.remove.name}
                        name={parts.remove.name}
                        type="checkbox"
                        value="yes"
                        defaultChecked={parts.remove.initialValue === 'yes'}
                      />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={parts.remove.name}>
                        Remove<VisuallyHidden> suggested evidence {i + 1}</VisuallyHidden>
                      </label>
                    </div>
                  </div>
                ) : null}
              </div>
            )
          })}
          {full ? (
            <Textarea
              name="newSuggestedEvidence"
              id="newSuggestedEvidence"
              label="Add suggested evidence"
              hint="Leave this empty to add nothing"
              rows={2}
              defaultValue={str(fields.newSuggestedEvidence.initialValue)}
              error={fields.newSuggestedEvidence.errors?.[0]}
            />
          ) : null}
        </fieldset>
        <div className="nhsuk-button-group">
          <Button type="submit">Save outcome</Button>
          <a className="nhsuk-link" href={base}>
            Cancel
          </a>
        </div>
      </Form>
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('admin')
