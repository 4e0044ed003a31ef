import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { unlessOutOfSpace } from '~/modules/content/out-of-space.server'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useState, type FormEvent } from 'react'
import { errorSummaryItems } from '~/components/form-errors'
import { GradeText } from '~/components/grade'
import { GradeFields } from '~/components/grade-fields'
import {
  BackLink,
  Button,
  DisableFields,
  ErrorSummary,
  InsetText,
  Radios,
  Textarea,
  WarningCallout,
} from '~/components/nhs'
import { OtherOutcomes } from '~/components/other-outcomes'
import { ConflictField, conflictFieldId } from '~/components/conflict-field'
import { applyConflictChoices, CONFLICTS_FIELD, parseBase } from '~/modules/submissions/merge'
import {
  isValidationTextField,
  judgementKey,
  validationFieldValues,
  validationInputName,
} from '~/modules/validation/validation-fields'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice, restoredVersion } from '~/components/restored-notice'
import { PreviewLink } from '~/components/evidence/preview-link'
import {
  formatGrade,
  INDICATOR_STATUS_LABELS,
  INDICATOR_STATUSES,
  SUB_LEVEL_LABELS,
  suggestGrade,
  type IndicatorStatus,
} from '~/modules/framework/grading'
import { ValidationFormSchema } from '~/modules/validation/schema'
import { getReviewOutcome, loadAssignment, saveValidation } from '~/modules/validation/workspace.server'
import { formatDate } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { integerParam } from '~/utils/http.server'
import { NarrativeText } from '~/components/narrative-text'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Review outcome ${data.outcome.number} - ${data.organisationName} - LKS Quality Portal`
      : 'Review outcome - LKS Quality Portal',
  },
]

const FIELDS = ['level', 'subLevel', 'rationale', 'notes'] as const

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const review = await getReviewOutcome(user, params.assignmentId ?? '', integerParam(params.number, 1, 20))
  const { service } = review
  return {
    // What the person posted when their session had ended, to check and save (once).
    restored: await restoredForm(request, user, ValidationFormSchema),
    assignmentId: review.assignment.id,
    organisationName: review.context.organisation.name,
    outcome: service.outcome,
    editionOutcomes: service.editionOutcomes,
    response: service.response,
    links: service.links,
    indicators: review.indicators,
    validation: review.validation,
    editable: review.editable,
    // This rendering's idempotency key: the save it sends, if sent again, is answered as the first was.
    saveKey: randomUUID(),
    // The values as rendered: a save merges with what was saved since (another tab), field by field.
    base: JSON.stringify(
      validationFieldValues(
        {
          ...review.validation,
          judgements: review.indicators.map((i) => ({ id: i.id, status: i.judgement })),
        },
        review.indicators.map((i) => i.id),
      ),
    ),
  }
}

/** The indicator ids in the order the form posts them. */
function postedIndicatorIds(formData: FormData): string[] {
  const ids: string[] = []
  for (let index = 0; formData.has(`judgements[${index}].id`); index++)
    ids.push(String(formData.get(`judgements[${index}].id`)))
  return ids
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const number = integerParam(params.number, 1, 20)
  // Authorise before reading the body: someone else's assignment is a 404 whatever was posted.
  await loadAssignment(user, params.assignmentId ?? '')
  const formData = await request.formData()
  const indicatorIds = postedIndicatorIds(formData)
  // On a conflict page: each field changed in both windows takes the value the person chose.
  const unresolved = applyConflictChoices(formData, (key) => validationInputName(key, indicatorIds))
  const base = parseBase(formData.get('base'))
  const submission = parseWithZod(formData, { schema: ValidationFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), conflict: null }, { status: 400 })
  const saved = await unlessOutOfSpace(
    () =>
      saveValidation({
        actor: user,
        assignmentId: params.assignmentId ?? '',
        number,
        form: submission.value,
        ipAddress: loadContext.clientAddress,
        base,
        unresolved,
      }),
    'validator outcome',
  )
  if (!saved.stored)
    return data({ result: submission.reply({ formErrors: [saved.message] }), conflict: null }, { status: 507 })
  const result = saved.value
  if (!result.ok && result.kind === 'locked')
    return data({ result: submission.reply({ formErrors: [result.message] }), conflict: null }, { status: 409 })
  if (!result.ok) {
    const reply = submission.reply({
      formErrors: [
        'You saved your judgement of this outcome in another window after this page was loaded. Choose what to save for each field changed in both, then save again.',
      ],
    })
    return data(
      {
        result: reply,
        conflict: {
          version: result.version,
          updatedAt: result.updatedAt?.toISOString() ?? null,
          fields: result.fields,
          unresolved: unresolved.filter((key) => result.fields.some((f) => f.key === key)),
          base: JSON.stringify(result.theirs),
          merged: result.merged,
        },
      },
      { status: 409 },
    )
  }
  return redirectWithFlash(request, `/validation/assignments/${params.assignmentId}`, {
    type: 'success',
    title: `Your judgement of outcome ${number} is saved`,
  })
}

export default function ReviewOutcome() {
  const {
    assignmentId,
    organisationName,
    outcome,
    editionOutcomes,
    response,
    links,
    indicators,
    validation,
    editable,
    saveKey,
    base: loadedBase,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { restored } = useLoaderData<typeof loader>()
  const conflict = actionData?.conflict ?? null
  const lastResult = actionData?.result ?? restored ?? undefined
  // The values this page was rendered with, which a save is merged against: after a conflict, the
  // values stored then; after an error or a restored stash, the base the person's form came from.
  const postedBase = (lastResult?.initialValue as Record<string, unknown> | null | undefined)?.base
  const renderedBase = conflict ? conflict.base : typeof postedBase === 'string' ? postedBase : loadedBase
  const indicatorIds = indicators.map((i) => i.id)
  const inputNameOf = (key: string) => validationInputName(key, indicatorIds) ?? key
  const conflictOf = (key: string) => conflict?.fields.find((f) => f.key === key) ?? null
  // On a conflict page the fields show the merged values (what only the other window changed is in).
  const initial = (key: string, value: string | undefined): string | undefined =>
    conflict ? conflict.merged[key] || undefined : value
  const fieldLabel = (key: string): string => {
    if (key === 'level') return 'Your level'
    if (key === 'subLevel') return 'Your sub-level'
    if (key === 'rationale') return 'Rationale for your grade'
    if (key === 'notes') return 'Notes'
    const indicator = indicators.find((i) => key === judgementKey(i.id))
    return indicator ? `Your judgement of ${indicator.code}` : key
  }
  // After an error (or a restored stash) the judgements posted, otherwise those stored.
  const postedJudgements = (lastResult?.initialValue as { judgements?: { status?: string }[] } | null | undefined)
    ?.judgements
  const judgementOf = (index: number, stored: string | null): string | undefined =>
    lastResult ? postedJudgements?.[index]?.status || undefined : (stored ?? undefined)
  const OTHER = 'your other window'
  const displayValue = (key: string) => (value: string) => {
    if (key === 'level') return `Level ${value}`
    if (key === 'subLevel') return SUB_LEVEL_LABELS[value as keyof typeof SUB_LEVEL_LABELS] ?? value
    return INDICATOR_STATUS_LABELS[value as IndicatorStatus] ?? value
  }
  const conflictError = (key: string) =>
    conflict?.unresolved.includes(key) ? `Choose which ${fieldLabel(key).toLowerCase()} to save` : undefined
  const conflictField = (key: string) => {
    const field = conflictOf(key)
    if (!field) return null
    return (
      <ConflictField
        key={key}
        fieldKey={key}
        inputName={inputNameOf(key)}
        label={fieldLabel(key)}
        otherName={OTHER}
        mine={field.mine}
        theirs={field.theirs}
        text={isValidationTextField(key)}
        display={displayValue(key)}
        error={conflictError(key)}
      />
    )
  }
  const [form, fields] = useForm({
    id: `review-${outcome.number}`,
    lastResult,
    defaultValue: {
      level: validation.level === null ? undefined : String(validation.level),
      subLevel: validation.subLevel ?? undefined,
      rationale: validation.rationale,
      notes: validation.notes,
    },
    shouldValidate: 'onSubmit',
    // The same schema as the action's, so the browser shows the errors without a round trip.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ValidationFormSchema }),
  })
  const [judgements, setJudgements] = useState<Record<string, IndicatorStatus | null>>(() =>
    Object.fromEntries(
      indicators.map((i, index) => [
        i.id,
        (initial(judgementKey(i.id), judgementOf(index, i.judgement)) ?? null) as IndicatorStatus | null,
      ]),
    ),
  )
  const suggestion = suggestGrade(indicators.map((i) => ({ level: i.level, status: judgements[i.id] ?? null })))
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement
    const match = /^judgements\[(\d+)\]\.status$/.exec(target.name)
    const indicator = match ? indicators[Number(match[1])] : undefined
    if (indicator) setJudgements((current) => ({ ...current, [indicator.id]: target.value as IndicatorStatus }))
  }
  const base = `/validation/assignments/${assignmentId}`
  const outcomeLinks = links.filter((l) => !l.indicatorCode)

  const EvidenceList = ({ items }: { items: typeof links }) =>
    items.length ? (
      <ul className="nhsuk-list">
        {items.map((link) => (
          <li key={link.id}>
            <strong>{link.item.title}</strong> ({formatDate(link.item.evidenceDateFrom)})
            {link.pointer ? (
              <>
                , where to look: <span className="app-evidence-pointer">{link.pointer}</span>
              </>
            ) : null}
            {link.item.url ? (
              <>
                {' '}
                <a href={link.item.url} rel="noopener noreferrer">
                  Open the web page<span className="nhsuk-u-visually-hidden"> for {link.item.title}</span>
                </a>
              </>
            ) : null}
            {link.files.map((file) => (
              <span key={file.id}>
                {' '}
                <PreviewLink file={file} pointer={link.pointer} />{' '}
                <a href={`/evidence/files/${file.id}/download`}>Download {file.originalName}</a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    ) : (
      <p className="nhsuk-body-s">No evidence linked.</p>
    )

  return (
    <>
      <BackLink href={base}>Back to your validation</BackLink>
      <ErrorSummary
        errors={[
          ...errorSummaryItems(form.allErrors, FIELDS),
          ...(conflict?.fields ?? []).map((field) => ({
            href: `#${conflictFieldId(inputNameOf(field.key))}`,
            text: conflictError(field.key) ?? `${fieldLabel(field.key)}: changed here and in ${OTHER}`,
          })),
        ]}
      />
      <RestoredNotice show={Boolean(restored) && !actionData} />
      <span className="nhsuk-caption-l">{organisationName}</span>
      <h1>
        Outcome {outcome.number}: {outcome.shortTitle}
      </h1>
      <InsetText>
        <p>{outcome.statement}</p>
      </InsetText>
      {!editable ? (
        <WarningCallout heading="Your judgement cannot be changed now">
          <p>
            You have completed this validation, or the submission is no longer in validation. The regional lead can
            reopen your validation if a grade must change.
          </p>
        </WarningCallout>
      ) : null}

      {conflict ? (
        <WarningCallout heading="You saved this outcome in another window">
          <p>
            Your judgement of this outcome was saved in another window (or tab) after you opened this page. What only
            that window changed is now in the form below, with what only you changed here.
          </p>
          <p>Both changed {conflict.fields.length === 1 ? 'this field' : 'these fields'}:</p>
          <ul>
            {conflict.fields.map((field) => (
              <li key={field.key}>
                <a href={`#${conflictFieldId(inputNameOf(field.key))}`}>{fieldLabel(field.key)}</a>
              </li>
            ))}
          </ul>
          <p>For each, choose which to keep (or, for text, a merged version), then save again.</p>
        </WarningCallout>
      ) : null}

      {/* A conflict rebuilds the form, so its fields show the merged values, not those typed. */}
      <Form
        key={conflict ? `conflict-${conflict.version}-${conflict.fields.map((f) => f.key).join()}` : 'form'}
        method="post"
        {...getFormProps(form)}
        onChange={onChange}
      >
        <input
          type="hidden"
          name="version"
          value={conflict ? conflict.version : restoredVersion(restored, validation.version)}
        />
        <input type="hidden" name="saveKey" value={saveKey} />
        <input type="hidden" name="base" value={renderedBase} />
        {conflict ? (
          <input type="hidden" name={CONFLICTS_FIELD} value={JSON.stringify(conflict.fields.map((f) => f.key))} />
        ) : null}
        <DisableFields when={!editable}>
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-one-half">
              <h2>The service’s answer</h2>
              <p>
                <strong>Self-assessed grade:</strong>{' '}
                <GradeText
                  grade={
                    response.selfLevel === null ? null : { level: response.selfLevel, subLevel: response.selfSubLevel }
                  }
                />
              </p>
              {response.selfGradeReason ? (
                <p>
                  <strong>Reason:</strong> {response.selfGradeReason}
                </p>
              ) : null}
              <h3>Narrative</h3>
              <NarrativeText text={response.narrative} empty="No narrative." />
              <h3>Key strengths</h3>
              <NarrativeText text={response.keyStrengths} empty="None given." />
              <h3>Evidence for the whole outcome</h3>
              <EvidenceList items={outcomeLinks} />
            </div>
            <div className="nhsuk-grid-column-one-half">
              <h2>Your judgement</h2>
              <InsetText>
                <p aria-live="polite">
                  <strong>Grade suggested by your indicator judgements:</strong> {formatGrade(suggestion)}
                </p>
              </InsetText>
              {conflictOf('level') || conflictOf('subLevel') ? (
                <>
                  {conflictField('level') ?? (
                    <input type="hidden" name="level" value={initial('level', undefined) ?? ''} />
                  )}
                  {conflictField('subLevel') ?? (
                    <input type="hidden" name="subLevel" value={initial('subLevel', undefined) ?? ''} />
                  )}
                </>
              ) : (
                <GradeFields
                  level={{
                    name: 'level',
                    legend: 'Your level',
                    defaultValue: initial('level', fields.level.initialValue as string | undefined),
                    error: fields.level.errors?.[0],
                  }}
                  subLevel={{
                    name: 'subLevel',
                    legend: 'Your sub-level',
                    defaultValue: initial('subLevel', fields.subLevel.initialValue as string | undefined),
                    error: fields.subLevel.errors?.[0],
                  }}
                />
              )}
              {conflictField('rationale') ?? (
                <Textarea
                  name="rationale"
                  id="rationale"
                  label="Rationale for your grade"
                  rows={6}
                  defaultValue={initial('rationale', fields.rationale.initialValue as string | undefined) ?? ''}
                  error={fields.rationale.errors?.[0]}
                />
              )}
              {conflictField('notes') ?? (
                <Textarea
                  name="notes"
                  id="notes"
                  label="Notes (optional)"
                  hint="Only you and the other reviewers see these."
                  rows={4}
                  defaultValue={initial('notes', fields.notes.initialValue as string | undefined) ?? ''}
                  error={fields.notes.errors?.[0]}
                />
              )}
            </div>
          </div>

          <h2>Indicators</h2>
          <p>The service’s status for each indicator, the evidence it linked, and your own judgement (optional).</p>
          {indicators.map((indicator, index) => (
            <div key={indicator.id} className="app-indicator">
              <input type="hidden" name={`judgements[${index}].id`} value={indicator.id} />
              <h3 className="nhsuk-heading-s">
                <span className="app-framework-indicator-code">{indicator.code}</span>
                {indicator.text}
              </h3>
              <p>
                <strong>Service:</strong> {indicator.status ? INDICATOR_STATUS_LABELS[indicator.status] : 'Not marked'}
                {indicator.note ? ` (${indicator.note})` : ''}
              </p>
              <EvidenceList items={links.filter((l) => l.indicatorCode === indicator.code)} />
              {conflictField(judgementKey(indicator.id)) ?? (
                <Radios
                  name={`judgements[${index}].status`}
                  id={`judgements[${index}].status`}
                  legend={`Your judgement of ${indicator.code}`}
                  legendSize="s"
                  small
                  inline
                  defaultValue={initial(judgementKey(indicator.id), judgementOf(index, indicator.judgement))}
                  items={INDICATOR_STATUSES.map((status) => ({ value: status, text: INDICATOR_STATUS_LABELS[status] }))}
                />
              )}
            </div>
          ))}
          {editable ? <Button type="submit">Save your judgement</Button> : null}
        </DisableFields>
      </Form>
      <OtherOutcomes outcomes={editionOutcomes} current={outcome.number} href={(n) => `${base}/outcomes/${n}`} />
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('validation')
