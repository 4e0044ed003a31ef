import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useFetcher, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { errorSummaryItems } from '~/components/form-errors'
import { GradeFields } from '~/components/grade-fields'
import { OtherOutcomes } from '~/components/other-outcomes'
import {
  BackLink,
  Button,
  ButtonLink,
  Details,
  DisableFields,
  ErrorSummary,
  InsetText,
  Radios,
  Table,
  Textarea,
  WarningCallout,
} from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import {
  formatGrade,
  INDICATOR_STATUS_LABELS,
  INDICATOR_STATUSES,
  suggestGrade,
  type IndicatorStatus,
} from '~/modules/framework/grading'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { countWords, formatWordCount } from '~/modules/submissions/narrative-text'
import { autosaveNarrative, getOutcomePage, saveOutcome, unlinkEvidence } from '~/modules/submissions/outcome.server'
import {
  KEY_STRENGTHS_MAX,
  NarrativeAutosaveSchema,
  NARRATIVE_MAX,
  OutcomeFormSchema,
  UnlinkEvidenceSchema,
} from '~/modules/submissions/schema'
import { formatDate, formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { integerParam, invariantResponse } from '~/utils/http.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Outcome ${data.page.outcome.number}: ${data.page.outcome.shortTitle} - ${data.organisationName} - LKS Quality Portal`
      : 'Outcome - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const page = await getOutcomePage(context, integerParam(params.number, 1, 20))
  return {
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    clarification: context.status === 'CLARIFICATION_REQUESTED',
    page,
  }
}

// Autosave must not reload the page's data: the form the user is typing in stays as it is.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get('intent') === 'autosave' ? false : defaultShouldRevalidate

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const number = integerParam(params.number, 1, 20)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const ipAddress = loadContext.clientAddress

  if (intent === 'autosave') {
    const parsed = parseWithZod(formData, { schema: NarrativeAutosaveSchema })
    invariantResponse(parsed.status === 'success', 'The narrative could not be saved')
    const result = await autosaveNarrative({
      actor: user,
      context,
      number,
      version: parsed.value.version,
      narrative: parsed.value.narrative,
      ipAddress,
    })
    return data(
      {
        autosave: result.ok
          ? { ok: true as const, version: result.version, savedAt: result.savedAt.toISOString() }
          : { ok: false as const },
      },
      { status: result.ok ? 200 : 409 },
    )
  }

  if (intent === 'unlink') {
    const parsed = parseWithZod(formData, { schema: UnlinkEvidenceSchema })
    invariantResponse(parsed.status === 'success', 'Choose the evidence to remove')
    await unlinkEvidence({ actor: user, context, number, linkId: parsed.value.linkId, ipAddress })
    return redirectWithFlash(request, `/submissions/${context.id}/outcomes/${number}#linked-evidence`, {
      type: 'success',
      title: 'Evidence link removed',
    })
  }

  const submission = parseWithZod(formData, { schema: OutcomeFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), conflict: null }, { status: 400 })
  const result = await saveOutcome({ actor: user, context, number, form: submission.value, ipAddress })
  if (!result.ok && result.kind === 'invalid') {
    const fieldErrors: Record<string, string[]> = {}
    for (const problem of result.problems) (fieldErrors[problem.field] ??= []).push(problem.message)
    return data({ result: submission.reply({ fieldErrors }), conflict: null }, { status: 400 })
  }
  if (!result.ok) {
    const current = { ...result.current, updatedAt: result.current.updatedAt?.toISOString() ?? null }
    return data(
      {
        result: submission.reply({
          formErrors: [
            'Someone else saved this outcome while you were editing it. Compare the two narratives below, then save again.',
          ],
        }),
        conflict: current,
      },
      { status: 409 },
    )
  }
  if (submission.value.intent === 'complete') {
    return redirectWithFlash(request, `/submissions/${context.id}`, {
      type: 'success',
      title: `Outcome ${number} marked as completed`,
    })
  }
  return redirectWithFlash(request, `/submissions/${context.id}/outcomes/${number}`, {
    type: 'success',
    title: `Outcome ${number} saved`,
    description: 'You can come back to it at any time before you send the submission for sign-off.',
  })
}

const FIELDS = ['indicators', 'narrative', 'keyStrengths', 'selfLevel', 'selfSubLevel', 'selfGradeReason'] as const

export default function OutcomePage() {
  const { submissionId, organisationName, cycleName, clarification, page } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const lastResult = actionData && 'result' in actionData ? actionData.result : undefined
  const conflict = actionData && 'conflict' in actionData ? actionData.conflict : null
  const { outcome, indicators, response, links, unevidenced, editable } = page
  const base = `/submissions/${submissionId}`

  // The version this page edits: the loaded one, or a newer one after an autosave or a conflict.
  const [version, setVersion] = useState(response.version)
  useEffect(() => setVersion(response.version), [response.version])
  useEffect(() => {
    if (conflict) setVersion(conflict.version)
  }, [conflict])

  const [form, fields] = useForm({
    id: `outcome-${outcome.number}`,
    lastResult,
    defaultValue: {
      narrative: response.narrative,
      keyStrengths: response.keyStrengths,
      selfLevel: response.selfLevel === null ? undefined : String(response.selfLevel),
      selfSubLevel: response.selfSubLevel ?? undefined,
      selfGradeReason: response.selfGradeReason,
      indicators: indicators.map((i) => ({ id: i.id, status: i.status ?? undefined, note: i.note })),
    },
    shouldValidate: 'onSubmit',
  })
  const indicatorFields = fields.indicators.getFieldList()

  // The suggested grade follows the indicator statuses as they are chosen (with JavaScript).
  const [statuses, setStatuses] = useState<Record<string, IndicatorStatus | null>>(() =>
    Object.fromEntries(
      indicators.map((i, index) => [
        i.id,
        (indicatorFields[index]?.getFieldset().status.initialValue as IndicatorStatus | undefined) ?? i.status,
      ]),
    ),
  )
  const suggestion = suggestGrade(indicators.map((i) => ({ level: i.level, status: statuses[i.id] ?? null })))

  const autosave = useFetcher<typeof action>()
  const autosaveResult = autosave.data && 'autosave' in autosave.data ? autosave.data.autosave : undefined
  const [savedAt, setSavedAt] = useState<string | null>(null)
  useEffect(() => {
    if (autosaveResult?.ok) {
      setVersion(autosaveResult.version)
      setSavedAt(autosaveResult.savedAt)
    }
  }, [autosaveResult])
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const versionRef = useRef(version)
  versionRef.current = version
  useEffect(() => () => clearTimeout(timer.current), [])
  const [words, setWords] = useState(() => countWords((fields.narrative.initialValue as string | undefined) ?? ''))
  const onNarrativeInput = (event: FormEvent<HTMLTextAreaElement>) => {
    const narrative = event.currentTarget.value
    setWords(countWords(narrative))
    clearTimeout(timer.current)
    if (narrative.length > NARRATIVE_MAX) return
    timer.current = setTimeout(() => {
      autosave.submit({ intent: 'autosave', version: String(versionRef.current), narrative }, { method: 'post' })
    }, 2000)
  }

  // A save of the whole form supersedes any autosave still waiting: it must not run afterwards and
  // overwrite, with the text typed before, what another person saved in the meantime.
  const formProps = getFormProps(form)
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    clearTimeout(timer.current)
    formProps.onSubmit(event)
  }
  useEffect(() => {
    if (conflict) clearTimeout(timer.current)
  }, [conflict])

  const onFormChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement
    const match = /^indicators\[(\d+)\]\.status$/.exec(target.name)
    if (!match) return
    const indicator = indicators[Number(match[1])]
    if (indicator) setStatuses((current) => ({ ...current, [indicator.id]: target.value as IndicatorStatus }))
  }

  const errors = errorSummaryItems(form.allErrors, FIELDS).map((e) =>
    e.href === '#indicators' ? { ...e, href: `#${indicatorFields[0]?.getFieldset().status.name ?? 'indicators'}` } : e,
  )
  const indicatorIndex = new Map(indicators.map((i, index) => [i.id, index]))

  return (
    <>
      <BackLink href={base}>Back to the submission</BackLink>
      <ErrorSummary errors={errors} />
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>
        Outcome {outcome.number}: {outcome.shortTitle}
      </h1>
      <InsetText>
        <p>{outcome.statement}</p>
      </InsetText>
      {response.copiedForward ? (
        <p className="nhsuk-body">
          This outcome was copied from the last cycle. Check every part and save it to confirm it.
        </p>
      ) : null}
      {!editable ? (
        <WarningCallout heading="This outcome cannot be changed">
          <p>
            {clarification
              ? 'The validators reopened other outcomes for clarification, not this one. You can read your answers here.'
              : 'The submission has been sent for sign-off or submitted. You can read your answers here.'}
          </p>
        </WarningCallout>
      ) : null}

      <Details summary="Scope, key questions and suggested evidence">
        <h2 className="nhsuk-heading-s">Scope</h2>
        <p>{outcome.scope}</p>
        <h2 className="nhsuk-heading-s">Key questions</h2>
        <ul>
          {outcome.keyQuestions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
        <h2 className="nhsuk-heading-s">Suggested evidence</h2>
        <ul>
          {outcome.suggestedEvidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </Details>

      {conflict ? (
        <WarningCallout heading="Someone else changed this outcome">
          <p>
            {conflict.updatedByName ?? 'Another person'} saved it
            {conflict.updatedAt ? ` on ${formatDateTime(conflict.updatedAt)}` : ''}. Their narrative is below; yours is
            still in the form. Combine the two in the form, then save again.
          </p>
          <h3 className="nhsuk-heading-xs">Their narrative</h3>
          <div className="app-conflict-text" data-testid="their-narrative">
            {conflict.narrative || '(empty)'}
          </div>
        </WarningCallout>
      ) : null}

      <Form method="post" {...formProps} onChange={onFormChange} onSubmit={onSubmit}>
        <input type="hidden" name="version" value={version} />
        <DisableFields when={!editable}>
          <h2 id="indicators">Indicators</h2>
          <p>
            Levels are cumulative: a level is reached when its indicators and those of every level below are met and
            evidenced.
          </p>
          {fields.indicators.errors?.[0] ? (
            <p className="nhsuk-error-message">
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {fields.indicators.errors[0]}
            </p>
          ) : null}
          {outcome.levels.map((level) => (
            <section key={level.level} aria-labelledby={`level-${level.level}`}>
              <h3 id={`level-${level.level}`}>Level {level.level}</h3>
              <p className="nhsuk-body-s">{level.summary}</p>
              {indicators
                .filter((i) => i.level === level.level)
                .map((indicator) => {
                  const index = indicatorIndex.get(indicator.id) ?? 0
                  const item = indicatorFields[index]?.getFieldset()
                  const statusName = `indicators[${index}].status`
                  return (
                    <div key={indicator.id} className="app-indicator">
                      <input type="hidden" name={`indicators[${index}].id`} value={indicator.id} />
                      <Radios
                        name={statusName}
                        id={statusName}
                        legend={
                          <>
                            <span className="app-framework-indicator-code">{indicator.code}</span> {indicator.text}
                          </>
                        }
                        legendSize="s"
                        small
                        inline
                        defaultValue={(item?.status.initialValue as string | undefined) ?? undefined}
                        error={item?.status.errors?.[0]}
                        items={INDICATOR_STATUSES.map((status) => ({
                          value: status,
                          text: INDICATOR_STATUS_LABELS[status],
                        }))}
                      />
                      <Textarea
                        name={`indicators[${index}].note`}
                        id={`indicators[${index}].note`}
                        label={`Note on ${indicator.code} (optional)`}
                        labelSize="s"
                        rows={2}
                        defaultValue={(item?.note.initialValue as string | undefined) ?? ''}
                        error={item?.note.errors?.[0]}
                      />
                    </div>
                  )
                })}
            </section>
          ))}

          <InsetText>
            <p aria-live="polite">
              <strong>Suggested grade from your indicators:</strong> {formatGrade(suggestion)}
            </p>
          </InsetText>

          <h2>Narrative</h2>
          <Textarea
            name="narrative"
            id="narrative"
            label="Narrative"
            hint="Describe what you do, with examples, for this level and every level below. Refer to your linked evidence by its title."
            rows={14}
            characterCount={{ maxLength: NARRATIVE_MAX }}
            defaultValue={(fields.narrative.initialValue as string | undefined) ?? ''}
            error={fields.narrative.errors?.[0]}
            onInput={onNarrativeInput}
          />
          <p className="nhsuk-hint app-word-count" id="narrative-words">
            Word count: {formatWordCount(words)}
          </p>
          <p className="nhsuk-body-s" aria-live="polite" id="autosave-status">
            {autosave.state === 'submitting'
              ? 'Saving your narrative…'
              : autosaveResult && !autosaveResult.ok
                ? 'Your narrative could not be saved automatically because someone else changed this outcome. Save the page to compare.'
                : savedAt
                  ? `Narrative saved automatically at ${formatDateTime(savedAt)}`
                  : response.updatedAt
                    ? `Last saved ${formatDateTime(response.updatedAt)}${response.updatedByName ? ` by ${response.updatedByName}` : ''}`
                    : null}
          </p>
          <Textarea
            name="keyStrengths"
            id="keyStrengths"
            label="Key strengths"
            rows={5}
            characterCount={{ maxLength: KEY_STRENGTHS_MAX }}
            defaultValue={(fields.keyStrengths.initialValue as string | undefined) ?? ''}
            error={fields.keyStrengths.errors?.[0]}
          />

          <h2>Your grade</h2>
          <GradeFields
            level={{
              name: 'selfLevel',
              legend: 'Self-assessed level',
              hint: 'Level 0 means nothing is in place yet.',
              defaultValue: fields.selfLevel.initialValue as string | undefined,
              error: fields.selfLevel.errors?.[0],
            }}
            subLevel={{
              name: 'selfSubLevel',
              legend: 'Sub-level',
              hint: 'How far into the level you are. Leave this empty for level 0.',
              defaultValue: fields.selfSubLevel.initialValue as string | undefined,
              error: fields.selfSubLevel.errors?.[0],
            }}
          />
          <Textarea
            name="selfGradeReason"
            id="selfGradeReason"
            label="Reason for your grade"
            hint={`Needed when your grade differs from the suggested grade (${formatGrade(suggestion)}).`}
            rows={4}
            defaultValue={(fields.selfGradeReason.initialValue as string | undefined) ?? ''}
            error={fields.selfGradeReason.errors?.[0]}
          />

          {unevidenced.length ? (
            <WarningCallout heading="Some indicators have no linked evidence">
              <p>
                These indicators of your claimed level or below have no evidence linked to them:{' '}
                {unevidenced.map((i) => i.code).join(', ')}. Link evidence to each, or explain in the narrative.
              </p>
            </WarningCallout>
          ) : null}

          {editable ? (
            <div className="nhsuk-button-group">
              {/* Held back for the moment an autosave is under way, so the save carries its new version. */}
              <Button type="submit" name="intent" value="complete" disabled={autosave.state !== 'idle'}>
                Save and mark as completed
              </Button>
              <Button type="submit" name="intent" value="save" variant="secondary" disabled={autosave.state !== 'idle'}>
                Save and come back later
              </Button>
            </div>
          ) : null}
        </DisableFields>
      </Form>

      <section aria-labelledby="linked-evidence">
        <h2 id="linked-evidence">Linked evidence</h2>
        {links.length ? (
          <Table
            caption={`Evidence linked to outcome ${outcome.number}`}
            captionSize="s"
            responsive
            head={['Evidence', 'Evidence date', 'Supports', 'Page or section', editable ? 'Action' : '']}
            rows={links.map((link) => [
              <a key="t" href={`/evidence/${link.item.id}`}>
                {link.item.title}
              </a>,
              formatDate(link.item.evidenceDateFrom),
              link.indicatorCode ? `Indicator ${link.indicatorCode}` : 'The whole outcome',
              link.pointer || 'Not given',
              editable ? (
                <Form key="r" method="post">
                  <input type="hidden" name="intent" value="unlink" />
                  <input type="hidden" name="linkId" value={link.id} />
                  <Button type="submit" variant="secondary" small>
                    Remove<span className="nhsuk-u-visually-hidden"> {link.item.title}</span>
                  </Button>
                </Form>
              ) : (
                ''
              ),
            ])}
          />
        ) : (
          <p>No evidence is linked to this outcome yet.</p>
        )}
        {editable ? (
          <ButtonLink href={`${base}/outcomes/${outcome.number}/evidence`} variant="secondary">
            Link evidence
          </ButtonLink>
        ) : null}
      </section>

      <OtherOutcomes outcomes={page.editionOutcomes} current={outcome.number} href={(n) => `${base}/outcomes/${n}`} />
    </>
  )
}
