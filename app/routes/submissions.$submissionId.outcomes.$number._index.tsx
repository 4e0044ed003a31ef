import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { unlessOutOfSpace } from '~/modules/content/out-of-space.server'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { TextChanges } from '~/components/text-changes'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react'
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
import { restoredForm } from '~/modules/auth/form-stash.server'
import { announceSessionEnded, announceSessionRenewed, SESSION_BACK } from '~/utils/session-events'
import { clearDraft, readDraft, writeDraft } from '~/utils/drafts.client'
import {
  formatGrade,
  INDICATOR_STATUS_LABELS,
  SUB_LEVEL_LABELS,
  INDICATOR_STATUSES,
  suggestGrade,
  type IndicatorStatus,
} from '~/modules/framework/grading'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { countWords, formatWordCount } from '~/modules/submissions/narrative-text'
import { getOutcomePage, saveOutcome, unlinkEvidence } from '~/modules/submissions/outcome.server'
import {
  applyConflictChoices,
  CONFLICT_FROM_FIELD,
  CONFLICTS_FIELD,
  conflictFromValue,
  parseBase,
  postedConflict,
  type Choice,
  type ConflictFieldState,
} from '~/modules/submissions/merge'
import {
  formShowsOtherValues,
  indicatorKey,
  isTextField,
  outcomeFieldValues,
  outcomeInputName,
  outcomeValuesOf,
} from '~/modules/submissions/outcome-fields'
import { ConflictField, conflictFieldId } from '~/components/conflict-field'
import { KEY_STRENGTHS_MAX, NARRATIVE_MAX, OutcomeFormSchema, UnlinkEvidenceSchema } from '~/modules/submissions/schema'
import { formatDate, formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { integerParam, invariantResponse } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

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
  // What the person posted when their session had ended, to check and save (once).
  const restored = await restoredForm(request, user, OutcomeFormSchema)
  return {
    restored,
    // This rendering's idempotency key: the save it sends, if sent again, is answered as the first was.
    saveKey: randomUUID(),
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    clarification: context.status === 'CLARIFICATION_REQUESTED',
    page,
    // The values as rendered: a save merges with what others saved since, field by field.
    base: JSON.stringify(
      outcomeFieldValues(
        { ...page.response, indicators: page.indicators },
        page.indicators.map((i) => i.id),
      ),
    ),
  }
}

/** The indicator ids in the order the form posts them. */
function postedIndicatorIds(formData: FormData): string[] {
  const ids: string[] = []
  for (let index = 0; formData.has(`indicators[${index}].id`); index++)
    ids.push(String(formData.get(`indicators[${index}].id`)))
  return ids
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const number = integerParam(params.number, 1, 20)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const ipAddress = loadContext.clientAddress
  const indicatorIds = postedIndicatorIds(formData)

  // "Remove" beside a linked evidence item on a conflict page posts the whole form: the link is
  // removed, and the page comes back with the conflict as it was, the choices made and the text typed.
  const unlinkId = formData.get(UNLINK_ON_CONFLICT)
  const posted = postedConflict(formData, (key) => outcomeInputName(key, indicatorIds))
  if (typeof unlinkId === 'string' && posted) {
    const parsed = UnlinkEvidenceSchema.safeParse({ intent: 'unlink', linkId: unlinkId })
    invariantResponse(parsed.success, 'Choose the evidence to remove')
    await unlinkEvidence({ actor: user, context, number, linkId: parsed.data.linkId, ipAddress })
    return data({
      result: undefined,
      conflict: {
        version: posted.version,
        updatedAt: posted.from.updatedAt,
        updatedByName: posted.from.updatedByName,
        fields: posted.fields,
        unresolved: [] as string[],
        choices: posted.choices,
        base: posted.base,
        merged: posted.values,
      },
      unevidenced: null,
    })
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

  // On a conflict page: each field both people changed takes the value the person chose.
  const unresolved = applyConflictChoices(formData, (key) => outcomeInputName(key, indicatorIds))
  const base = parseBase(formData.get('base'))
  const submission = parseWithZod(formData, { schema: OutcomeFormSchema })
  if (submission.status !== 'success')
    return data({ result: submission.reply(), conflict: null, unevidenced: null }, { status: 400 })
  const saved = await unlessOutOfSpace(
    () =>
      saveOutcome({
        actor: user,
        context,
        number,
        form: submission.value,
        ipAddress,
        base,
        unresolved,
        warnUnevidenced: true,
      }),
    'outcome',
  )
  if (!saved.stored)
    return data(
      { result: submission.reply({ formErrors: [saved.message] }), conflict: null, unevidenced: null },
      { status: 507 },
    )
  const result = saved.value
  if (!result.ok && result.kind === 'invalid') {
    const fieldErrors: Record<string, string[]> = {}
    for (const problem of result.problems) (fieldErrors[problem.field] ??= []).push(problem.message)
    return data({ result: submission.reply({ fieldErrors }), conflict: null, unevidenced: null }, { status: 400 })
  }
  // Indicators without evidence: nothing is saved yet; the page warns of them and asks to confirm.
  // Not processed (422): nothing changed, so no page data is reloaded, as after any refused save.
  if (!result.ok && result.kind === 'unevidenced')
    return data({ result: submission.reply(), conflict: null, unevidenced: result.indicators }, { status: 422 })
  if (!result.ok) {
    const current = {
      version: result.current.version,
      updatedAt: result.current.updatedAt?.toISOString() ?? null,
      updatedByName: result.current.updatedByName,
    }
    const reply = submission.reply({
      formErrors: [
        'Someone else saved this outcome while you were editing it. Choose what to save for each field you both changed, then save again.',
      ],
    })
    // The form shows the merged values: the other person's one-sided changes are taken in, and
    // each field in conflict keeps what this person typed until they choose.
    const merged = outcomeValuesOf(result.merged, indicatorIds)
    const initialValue = {
      ...reply.initialValue,
      narrative: merged.narrative,
      keyStrengths: merged.keyStrengths,
      selfLevel: merged.selfLevel === null ? '' : String(merged.selfLevel),
      selfSubLevel: merged.selfSubLevel ?? '',
      selfGradeReason: merged.selfGradeReason,
      indicators: merged.indicators.map((i) => ({ id: i.id, status: i.status ?? '', note: i.note })),
    }
    return data(
      {
        result: { ...reply, initialValue },
        conflict: {
          ...current,
          fields: result.fields as ConflictFieldState[],
          unresolved: unresolved.filter((key) => result.fields.some((f) => f.key === key)),
          choices: {} as Record<string, Choice>,
          base: JSON.stringify(result.theirs),
          merged: result.merged,
        },
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

/** The conflict page's "Remove" for a linked evidence item: the link's id, posted with the whole form. */
const UNLINK_ON_CONFLICT = 'unlinkId'

const AUTOSAVE_RETRIES = 3

function newSaveKey(): string {
  return window.crypto.randomUUID()
}

type AutosaveState = 'idle' | 'saving' | 'conflict' | 'signed-out' | 'out-of-space' | 'failed'
type AutosaveAnswer =
  | { ok: true; version: number; savedAt: string; session?: { expiresAt: string; now: string } }
  | { ok: false; reason: string; session?: { expiresAt: string; now: string } }

const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/** An input's current value in a form, by name ('' for a radio group with none checked). */
function inputValue(form: HTMLFormElement, name: string): string | null {
  const item = form.elements.namedItem(name)
  if (item instanceof RadioNodeList) return item.value
  if (item instanceof HTMLInputElement && item.type === 'radio') return item.checked ? item.value : ''
  if (item instanceof HTMLInputElement || item instanceof HTMLTextAreaElement) return item.value
  return null
}

const FIELDS = ['indicators', 'narrative', 'keyStrengths', 'selfLevel', 'selfSubLevel', 'selfGradeReason'] as const

export default function OutcomePage() {
  const {
    submissionId,
    organisationName,
    cycleName,
    clarification,
    page,
    restored,
    saveKey,
    base: loadedBase,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const lastResult = actionData && 'result' in actionData ? actionData.result : (restored ?? undefined)
  const conflict = actionData && 'conflict' in actionData ? actionData.conflict : null
  // "Save and mark as completed" with indicators that have no evidence: the page warns of them first.
  const toConfirm = actionData && 'unevidenced' in actionData ? actionData.unevidenced : null
  const confirmRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (toConfirm) confirmRef.current?.focus()
  }, [toConfirm])
  const { outcome, indicators, response, links, unevidenced, editable, previous } = page
  const base = `/submissions/${submissionId}`

  // The version this page edits: the loaded one, or a newer one after an autosave or a conflict.
  const restoredVersion = Number(restored?.initialValue?.version ?? Number.NaN)
  const loadedVersion = Number.isInteger(restoredVersion) ? restoredVersion : response.version
  const [version, setVersion] = useState(loadedVersion)
  useEffect(() => setVersion(loadedVersion), [loadedVersion])
  useEffect(() => {
    if (conflict) setVersion(conflict.version)
  }, [conflict])

  // The values this page was rendered with, which a save is merged against: after a conflict, the
  // values stored then; after an error or a restored stash, the base the person's form came from.
  const postedBase = (lastResult?.initialValue as Record<string, unknown> | null | undefined)?.base
  const renderedBase = conflict ? conflict.base : typeof postedBase === 'string' ? postedBase : loadedBase
  const [baseValues, setBaseValues] = useState(renderedBase)
  useEffect(() => setBaseValues(renderedBase), [renderedBase])
  const otherName = conflict?.updatedByName ?? 'the other person'
  // On a conflict page the fields show the merged values (the other person's one-sided changes in).
  // Otherwise the values posted (after an error, or restored after signing in), or those stored.
  const loadedValues = JSON.parse(loadedBase) as Record<string, string>
  const initial = (key: string, value: unknown): string | undefined =>
    conflict ? conflict.merged[key] : lastResult ? (value as string | undefined) : loadedValues[key]
  const conflictOf = (key: string) => conflict?.fields.find((f) => f.key === key) ?? null
  const conflictError = (key: string, label: string) =>
    conflict?.unresolved.includes(key) ? `Choose which ${label.toLowerCase()} to save` : undefined

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
    // The same schema as the action's, so the browser shows the errors without a round trip.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OutcomeFormSchema }),
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

  // Autosave, in the background with fetch: it never leaves the page. What is typed is also kept in
  // this browser until it is saved, so a session that ends (or a closed tab) loses nothing.
  const draftKey = `${submissionId}:${outcome.number}`
  const narrativeField = () => document.getElementById('narrative') as HTMLTextAreaElement | null
  const [autosaveState, setAutosaveState] = useState<AutosaveState>('idle')
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const [draftRestoredAt, setDraftRestoredAt] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(retryTimer.current), [])
  const versionRef = useRef(version)
  versionRef.current = version
  useEffect(() => () => clearTimeout(timer.current), [])
  const [words, setWords] = useState(() => countWords((fields.narrative.initialValue as string | undefined) ?? ''))

  const sendAutosave = useCallback(
    async (narrative: string, retry?: { saveKey: string; version: number; attempt: number }) => {
      setAutosaveState('saving')
      // One key per autosave, kept when it is sent again after a failure, so a save the server
      // stored before the answer was lost is recognised, not taken for someone else's change.
      const saveKey = retry?.saveKey ?? newSaveKey()
      const sentVersion = retry?.version ?? versionRef.current
      try {
        const response = await fetch(`/submissions/${submissionId}/outcomes/${outcome.number}/autosave`, {
          method: 'POST',
          headers: { Accept: 'application/json' },
          body: new URLSearchParams({ intent: 'autosave', version: String(sentVersion), narrative, saveKey }),
        })
        if (response.status === 401) {
          setAutosaveState('signed-out')
          announceSessionEnded()
          return
        }
        const body = (await response.json()) as AutosaveAnswer
        if (body.session) announceSessionRenewed(body.session)
        if (body.ok) {
          setVersion(body.version)
          versionRef.current = body.version
          setSavedAt(body.savedAt)
          setAutosaveState('idle')
          // The narrative saved is now the base the rest of the form is merged against.
          setBaseValues((current) => JSON.stringify({ ...(JSON.parse(current) as object), narrative }))
          // Saved: the browser's copy is needed no more, unless the person has typed since.
          if (narrativeField()?.value === narrative) clearDraft(draftKey)
          else writeDraft(draftKey, { narrative: narrativeField()?.value ?? narrative, version: body.version })
        } else
          setAutosaveState(
            body.reason === 'conflict' ? 'conflict' : body.reason === 'out-of-space' ? 'out-of-space' : 'failed',
          )
      } catch {
        // No answer (the network, or the server too busy): the same save again, a few times.
        const attempt = (retry?.attempt ?? 0) + 1
        if (attempt <= AUTOSAVE_RETRIES && narrativeField()?.value === narrative) {
          retryTimer.current = setTimeout(
            () => void sendAutosave(narrative, { saveKey, version: sentVersion, attempt }),
            1000 * 2 ** attempt,
          )
        } else setAutosaveState('failed')
      }
    },
    [submissionId, outcome.number, draftKey],
  )

  // Text typed before a session ended (or a tab closed) comes back from this browser's copy, and is saved.
  useEffect(() => {
    const draft = readDraft(draftKey)
    const field = narrativeField()
    if (!draft || !field) return
    if (restored || draft.narrative === field.value) {
      clearDraft(draftKey)
      return
    }
    field.value = draft.narrative
    setWords(countWords(draft.narrative))
    setVersion(draft.version)
    versionRef.current = draft.version
    setDraftRestoredAt(draft.at)
    if (editable && draft.narrative.length <= NARRATIVE_MAX) void sendAutosave(draft.narrative)
    // Once, when the page is loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey])

  // Signed in again (in another tab, or with "Stay signed in"): what could not be saved is saved now.
  useEffect(() => {
    if (autosaveState !== 'signed-out') return
    const again = () => {
      const narrative = narrativeField()?.value
      if (narrative !== undefined && narrative.length <= NARRATIVE_MAX) void sendAutosave(narrative)
    }
    window.addEventListener(SESSION_BACK, again)
    return () => window.removeEventListener(SESSION_BACK, again)
  }, [autosaveState, sendAutosave])

  const onNarrativeInput = (event: FormEvent<HTMLTextAreaElement>) => {
    const narrative = event.currentTarget.value
    setWords(countWords(narrative))
    writeDraft(draftKey, { narrative, version: versionRef.current })
    clearTimeout(timer.current)
    clearTimeout(retryTimer.current)
    if (narrative.length > NARRATIVE_MAX) return
    timer.current = setTimeout(() => void sendAutosave(narrative), 2000)
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

  // After a save (or a reload of the page's data), the form is rebuilt only when what is stored now
  // differs from what it shows: the other person's changes were merged in. Rebuilding it after every
  // save would put the person back at the top of a long narrative, the caret at its start.
  const formRef = useRef<HTMLFormElement>(null)
  const [formGeneration, setFormGeneration] = useState(0)
  const shownBase = useRef(loadedBase)
  useBrowserLayoutEffect(() => {
    if (shownBase.current === loadedBase) return
    shownBase.current = loadedBase
    // The form shows the stored values from here on (an untouched field follows its new default).
    setWords(countWords(loadedValues.narrative ?? ''))
    setStatuses(
      Object.fromEntries(
        indicators.map((i) => [i.id, (loadedValues[indicatorKey(i.id, 'status')] || null) as IndicatorStatus | null]),
      ),
    )
    const element = formRef.current
    if (element && formShowsOtherValues((name) => inputValue(element, name), loadedValues, indicatorIds))
      setFormGeneration((generation) => generation + 1)
    // Only when the stored values change; the rest is read as it is then.
  }, [loadedBase])

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
  const fieldLabel = (key: string): string => {
    if (key === 'narrative') return 'Narrative'
    if (key === 'keyStrengths') return 'Key strengths'
    if (key === 'selfLevel') return 'Self-assessed level'
    if (key === 'selfSubLevel') return 'Sub-level'
    if (key === 'selfGradeReason') return 'Reason for your grade'
    const indicator = indicators.find((i) => key === indicatorKey(i.id, 'status') || key === indicatorKey(i.id, 'note'))
    if (!indicator) return key
    return key.endsWith('/note') ? `Note on ${indicator.code} (optional)` : `Status of ${indicator.code}`
  }
  const indicatorIds = indicators.map((i) => i.id)
  const inputNameOf = (key: string) => outcomeInputName(key, indicatorIds) ?? key
  for (const field of conflict?.fields ?? []) {
    const label = fieldLabel(field.key)
    errors.push({
      href: `#${conflictFieldId(inputNameOf(field.key))}`,
      text: conflictError(field.key, label) ?? `${label}: you and ${otherName} both changed it`,
    })
  }
  const displayValue = (key: string) => (value: string) => {
    if (key === 'selfLevel') return `Level ${value}`
    if (key === 'selfSubLevel') return SUB_LEVEL_LABELS[value as keyof typeof SUB_LEVEL_LABELS] ?? value
    return INDICATOR_STATUS_LABELS[value as IndicatorStatus] ?? value
  }
  const conflictField = (key: string, testId?: string) => {
    const field = conflictOf(key)
    if (!field) return null
    const label = fieldLabel(key)
    return (
      <ConflictField
        key={key}
        fieldKey={key}
        inputName={inputNameOf(key)}
        label={label}
        otherName={otherName}
        mine={field.mine}
        theirs={field.theirs}
        text={isTextField(key)}
        display={displayValue(key)}
        testId={testId}
        error={conflictError(key, label)}
        chosen={conflict?.choices[key]}
        draft={field.draft}
      />
    )
  }

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
      {toConfirm ? (
        <div id="unevidenced-confirm" ref={confirmRef} tabIndex={-1}>
          <WarningCallout heading="Some indicators have no linked evidence" headingLevel={2}>
            <p>
              Outcome {outcome.number} is not marked as completed yet. These indicators of your claimed level or below
              have no evidence linked to them: {toConfirm.map((i) => i.code).join(', ')}.
            </p>
            <p>
              Link evidence to each (save your answers first with ‘Save and come back later’), or explain in the
              narrative why there is none. Or mark the outcome as completed as it is.
            </p>
            <Button type="submit" form={form.id} name="intent" value="complete">
              Mark as completed without this evidence
            </Button>
          </WarningCallout>
        </div>
      ) : null}
      <InsetText>
        <p>{outcome.statement}</p>
      </InsetText>
      {response.copiedForward ? (
        <InsetText>
          <p>
            <strong className="nhsuk-tag nhsuk-tag--blue">Copied</strong> This outcome was copied from{' '}
            {previous ? previous.cycleName : 'the last cycle'}. Choose a status for every indicator again (last cycle’s
            is shown beside each), check the narrative and key strengths, and save it to confirm it.
          </p>
        </InsetText>
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

      {restored ? (
        <WarningCallout heading="Check what you typed and save it">
          <p>
            You were signed out before your last save reached us. What you had typed is back in the form below: check it
            and save it.
          </p>
        </WarningCallout>
      ) : draftRestoredAt ? (
        <WarningCallout heading="Check what you typed and save it">
          <p>
            Text you typed in the narrative on {formatDateTime(draftRestoredAt)} had not been saved. It has been put
            back from this browser; check it and save the page.
          </p>
        </WarningCallout>
      ) : null}

      {conflict ? (
        <WarningCallout heading="Someone else changed this outcome">
          <p>
            {conflict.updatedByName ?? 'Another person'} saved it
            {conflict.updatedAt ? ` on ${formatDateTime(conflict.updatedAt)}` : ''}, after you opened this page. What
            only they changed is now in the form below, with what only you changed.
          </p>
          <p>You both changed {conflict.fields.length === 1 ? 'this field' : 'these fields'}:</p>
          <ul>
            {conflict.fields.map((field) => (
              <li key={field.key}>
                <a href={`#${conflictFieldId(inputNameOf(field.key))}`}>{fieldLabel(field.key)}</a>
              </li>
            ))}
          </ul>
          <p>For each, choose yours, theirs or (for text) a merged version, then save again.</p>
        </WarningCallout>
      ) : null}

      {/* A conflict, or a save that took in another person's changes, rebuilds the form, so its fields show the values merged or stored. */}
      <Form
        key={
          conflict
            ? `conflict-${conflict.version}-${conflict.fields.map((f) => f.key).join()}`
            : `form-${formGeneration}`
        }
        ref={formRef}
        method="post"
        {...formProps}
        onChange={onFormChange}
        onSubmit={onSubmit}
      >
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="saveKey" value={saveKey} />
        <input type="hidden" name="base" value={baseValues} />
        {toConfirm ? (
          <input type="hidden" name="acknowledgedUnevidenced" value={toConfirm.map((i) => i.id).join(',')} />
        ) : null}
        {conflict ? (
          <>
            <input type="hidden" name={CONFLICTS_FIELD} value={JSON.stringify(conflict.fields.map((f) => f.key))} />
            <input
              type="hidden"
              name={CONFLICT_FROM_FIELD}
              value={conflictFromValue({
                updatedAt: conflict.updatedAt,
                updatedByName: conflict.updatedByName,
                byYou: false,
              })}
            />
          </>
        ) : null}
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
                      {conflictField(indicatorKey(indicator.id, 'status')) ?? (
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
                          hint={
                            indicator.previous && previous
                              ? `Last cycle (${previous.cycleName}): ${INDICATOR_STATUS_LABELS[indicator.previous.status]}${
                                  indicator.previous.note ? `. Note: ${indicator.previous.note}` : ''
                                }`
                              : undefined
                          }
                          defaultValue={
                            initial(indicatorKey(indicator.id, 'status'), item?.status.initialValue) || undefined
                          }
                          error={item?.status.errors?.[0]}
                          items={INDICATOR_STATUSES.map((status) => ({
                            value: status,
                            text: INDICATOR_STATUS_LABELS[status],
                          }))}
                        />
                      )}
                      {conflictField(indicatorKey(indicator.id, 'note')) ?? (
                        <Textarea
                          name={`indicators[${index}].note`}
                          id={`indicators[${index}].note`}
                          label={`Note on ${indicator.code} (optional)`}
                          labelSize="s"
                          rows={2}
                          defaultValue={initial(indicatorKey(indicator.id, 'note'), item?.note.initialValue) ?? ''}
                          error={item?.note.errors?.[0]}
                        />
                      )}
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
          {conflictField('narrative', 'narrative') ?? (
            <Textarea
              name="narrative"
              id="narrative"
              label="Narrative"
              hint="Describe what you do, with examples, for this level and every level below. Refer to your linked evidence by its title."
              rows={14}
              characterCount={{ maxLength: NARRATIVE_MAX }}
              defaultValue={initial('narrative', fields.narrative.initialValue) ?? ''}
              error={fields.narrative.errors?.[0]}
              onInput={onNarrativeInput}
            />
          )}
          <p className="nhsuk-hint app-word-count" id="narrative-words">
            Word count: {formatWordCount(words)}
          </p>
          <p className="nhsuk-body-s" aria-live="polite" id="autosave-status">
            {autosaveState === 'saving'
              ? 'Saving your narrative…'
              : autosaveState === 'conflict'
                ? 'Your narrative could not be saved automatically because someone else changed this outcome. Save the page to compare.'
                : autosaveState === 'signed-out'
                  ? 'Your narrative could not be saved because you have been signed out. It is still here and kept in this browser: sign in again and it will be saved.'
                  : autosaveState === 'out-of-space'
                    ? 'Your narrative could not be saved automatically because the portal is out of storage space. It is still here and kept in this browser; try saving again later.'
                    : autosaveState === 'failed'
                      ? 'Your narrative could not be saved automatically. It is kept in this browser; save the page to try again.'
                      : savedAt
                        ? `Narrative saved automatically at ${formatDateTime(savedAt)}`
                        : response.updatedAt
                          ? `Last saved ${formatDateTime(response.updatedAt)}${response.updatedByName ? ` by ${response.updatedByName}` : ''}`
                          : null}
          </p>
          {previous ? <TextChanges label="Narrative" cycleName={previous.cycleName} diff={previous.narrative} /> : null}
          {conflictField('keyStrengths') ?? (
            <Textarea
              name="keyStrengths"
              id="keyStrengths"
              label="Key strengths"
              rows={5}
              characterCount={{ maxLength: KEY_STRENGTHS_MAX }}
              defaultValue={initial('keyStrengths', fields.keyStrengths.initialValue) ?? ''}
              error={fields.keyStrengths.errors?.[0]}
            />
          )}
          {previous ? (
            <TextChanges label="Key strengths" cycleName={previous.cycleName} diff={previous.keyStrengths} />
          ) : null}

          <h2>Your grade</h2>
          {conflictOf('selfLevel') || conflictOf('selfSubLevel') ? (
            <>
              {conflictField('selfLevel') ?? (
                <input
                  type="hidden"
                  name="selfLevel"
                  value={initial('selfLevel', fields.selfLevel.initialValue) ?? ''}
                />
              )}
              {conflictField('selfSubLevel') ?? (
                <input
                  type="hidden"
                  name="selfSubLevel"
                  value={initial('selfSubLevel', fields.selfSubLevel.initialValue) ?? ''}
                />
              )}
            </>
          ) : (
            <GradeFields
              level={{
                name: 'selfLevel',
                legend: 'Self-assessed level',
                hint: 'Level 0 means nothing is in place yet.',
                defaultValue: initial('selfLevel', fields.selfLevel.initialValue) || undefined,
                error: fields.selfLevel.errors?.[0],
              }}
              subLevel={{
                name: 'selfSubLevel',
                legend: 'Sub-level',
                hint: 'How far into the level you are. Leave this empty for level 0.',
                defaultValue: initial('selfSubLevel', fields.selfSubLevel.initialValue) || undefined,
                error: fields.selfSubLevel.errors?.[0],
              }}
            />
          )}
          {conflictField('selfGradeReason') ?? (
            <Textarea
              name="selfGradeReason"
              id="selfGradeReason"
              label="Reason for your grade"
              hint={`Needed when your grade differs from the suggested grade (${formatGrade(suggestion)}).`}
              rows={4}
              defaultValue={initial('selfGradeReason', fields.selfGradeReason.initialValue) ?? ''}
              error={fields.selfGradeReason.errors?.[0]}
            />
          )}

          {unevidenced.length && !toConfirm ? (
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
              <Button type="submit" name="intent" value="complete" disabled={autosaveState === 'saving'}>
                Save and mark as completed
              </Button>
              <Button
                type="submit"
                name="intent"
                value="save"
                variant="secondary"
                disabled={autosaveState === 'saving'}
              >
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
              editable && conflict ? (
                // On a conflict page, part of the page's form: what is typed and chosen comes back.
                <Button
                  key="r"
                  type="submit"
                  form={form.id}
                  name={UNLINK_ON_CONFLICT}
                  value={link.id}
                  formNoValidate
                  variant="secondary"
                  small
                >
                  Remove<span className="nhsuk-u-visually-hidden"> {link.item.title}</span>
                </Button>
              ) : editable ? (
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

export const ErrorBoundary = areaErrorBoundary('submissions')
