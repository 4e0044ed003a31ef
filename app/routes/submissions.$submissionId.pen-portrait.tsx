import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { unlessOutOfSpace } from '~/modules/content/out-of-space.server'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import {
  BackLink,
  Button,
  Checkboxes,
  DisableFields,
  ErrorSummary,
  InsetText,
  Radios,
  Select,
  SummaryList,
  Textarea,
  TextInput,
  WarningCallout,
} from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { restoredForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice, restoredVersion } from '~/components/restored-notice'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { listEvidenceForLinking } from '~/modules/evidence/evidence.server'
import { getPenPortrait, penPortraitBase, savePenPortrait } from '~/modules/submissions/pen-portrait.server'
import { policyStatement } from '~/modules/submissions/pen-portrait'
import { PenPortraitSchema } from '~/modules/submissions/schema'
import { isEditableByService } from '~/modules/submissions/status'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'
import { ConflictField, conflictFieldId } from '~/components/conflict-field'
import {
  CONFLICT_FROM_FIELD,
  CONFLICTS_FIELD,
  conflictFromValue,
  parseBase,
  postedConflict,
  type Choice,
  type ConflictFieldState,
} from '~/modules/submissions/merge'
import {
  applyPenPortraitChoices,
  isPenPortraitTextField,
  organisationKey,
  parsePostValue,
  penPortraitFormValue,
  penPortraitInputName,
  postedOrganisationIds,
  postKey,
} from '~/modules/submissions/pen-portrait-fields'
import { formatDateTime } from '~/utils/dates'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Pen portrait - ${data?.organisationName ?? ''} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const editable = isEditableByService(context.status)
  const [portrait, evidence] = await Promise.all([
    getPenPortrait(context),
    listEvidenceForLinking(user, context.libraryServiceId),
  ])
  return {
    // What the person posted when their session had ended, to check and save (once).
    restored: await restoredForm(request, user, PenPortraitSchema),
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    editable,
    portrait,
    evidence: evidence.map((e) => ({ id: e.id, title: e.title })),
    // This rendering's idempotency key: the save it sends, if sent again, is answered as the first was.
    saveKey: randomUUID(),
    // The values as rendered: a save merges with what was saved since, field by field.
    base: JSON.stringify(penPortraitBase(portrait)),
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:edit')
  const formData = await request.formData()
  const organisationIds = postedOrganisationIds(formData)
  // On a conflict page, "Add another post" and "Remove" (without JavaScript) save nothing: the page
  // comes back with the change and the conflict as it was, the choices made and the text typed.
  const posted = postedConflict(formData, (key) => penPortraitInputName(key, organisationIds))
  if (posted) {
    const intermediate = parseWithZod(formData, { schema: PenPortraitSchema })
    const form = intermediate.reply().initialValue ?? {}
    // A list of empty rows is posted back as no list: the form still shows one row to fill in.
    const rows = Array.isArray(form.staffPosts) && form.staffPosts.length ? form.staffPosts : [EMPTY_POST]
    if (intermediate.status === undefined)
      return data({
        result: null,
        conflict: {
          id: randomUUID(),
          version: posted.version,
          ...posted.from,
          fields: posted.fields,
          unresolved: [] as string[],
          choices: posted.choices,
          base: posted.base,
          form: { ...form, staffPosts: rows } as Record<string, unknown>,
        },
      })
  }
  // On a conflict page: each field changed on both sides takes the value the person chose.
  const unresolved = applyPenPortraitChoices(formData)
  const base = parseBase(formData.get('base'))
  const submission = parseWithZod(formData, { schema: PenPortraitSchema })
  // "Add another post" and "Remove" are list intents: the form comes back with the change, unsaved.
  if (submission.status !== 'success')
    return data({ result: submission.reply(), conflict: null }, { status: submission.status === 'error' ? 400 : 200 })
  const saved = await unlessOutOfSpace(
    () =>
      savePenPortrait({
        actor: user,
        context,
        form: submission.value,
        ipAddress: loadContext.clientAddress,
        base,
        unresolved,
      }),
    'pen portrait',
  )
  if (!saved.stored)
    return data({ result: submission.reply({ formErrors: [saved.message] }), conflict: null }, { status: 507 })
  const result = saved.value
  if (!result.ok && result.kind === 'invalid')
    return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 })
  if (!result.ok && result.kind === 'locked') {
    const message = 'The submission has been sent for sign-off or submitted, so the pen portrait cannot be changed.'
    return data({ result: submission.reply({ formErrors: [message] }), conflict: null }, { status: 409 })
  }
  if (!result.ok) {
    const keys = result.fields.map((f) => f.key)
    return data(
      {
        result: null,
        conflict: {
          // A new form each time a conflict is answered, built from the merged values.
          id: randomUUID(),
          version: result.version,
          updatedAt: result.updatedAt?.toISOString() ?? null,
          byYou: result.updatedBy?.id === user.id,
          updatedByName: result.updatedBy?.name ?? null,
          fields: result.fields as ConflictFieldState[],
          unresolved: unresolved.filter((key) => keys.includes(key)),
          choices: {} as Record<string, Choice>,
          base: JSON.stringify(result.theirs),
          form: penPortraitFormValue(result.merged, { organisationIds, postIds: result.postIds }, keys) as Record<
            string,
            unknown
          >,
        },
      },
      { status: 409 },
    )
  }
  return redirectWithFlash(request, `/submissions/${context.id}`, { type: 'success', title: 'Pen portrait saved' })
}

const EMPTY_POST = { id: '', title: '', wte: '', qualified: '' }

const FIELDS = [
  'organisations',
  'staffPosts',
  'budgetPounds',
  'strategyEvidenceId',
  'annualReportEvidenceId',
  'slaEvidenceIds',
  'contextNotes',
] as const

const formatNumber = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 })

export default function PenPortraitPage() {
  const {
    submissionId,
    organisationName,
    cycleName,
    editable,
    portrait,
    evidence,
    saveKey,
    base: loadedBase,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { restored } = useLoaderData<typeof loader>()
  const conflict = actionData?.conflict ?? null
  // On a conflict page the form is built again from the merged values (what only the other save
  // changed is in), so every field, the posts list included, starts from them.
  const lastResult = conflict ? undefined : (actionData?.result ?? restored ?? undefined)
  // The values this page was rendered with, which a save is merged against: after a conflict, the
  // values stored then; after an error or a restored stash, the base the person's form came from.
  const postedBase = (lastResult?.initialValue as Record<string, unknown> | null | undefined)?.base
  const renderedBase = conflict ? conflict.base : typeof postedBase === 'string' ? postedBase : loadedBase
  const [form, fields] = useForm({
    id: conflict ? `pen-portrait-${conflict.id}` : 'pen-portrait',
    lastResult,
    defaultValue: conflict
      ? { ...conflict.form, version: String(conflict.version) }
      : {
          version: String(portrait.version),
          organisations: portrait.organisations.map((o) => ({
            organisationId: o.id,
            staffHeadcount: o.staffHeadcount === null ? '' : String(o.staffHeadcount),
            staffWte: o.staffWte === null ? '' : String(o.staffWte),
          })),
          staffPosts: portrait.staffPosts.length
            ? portrait.staffPosts.map((p) => ({
                id: p.id,
                title: p.title,
                wte: String(p.wte),
                qualified: p.qualified ? 'yes' : 'no',
              }))
            : [{ id: '', title: '', wte: '', qualified: '' }],
          budgetPounds: portrait.budgetPounds === null ? '' : String(portrait.budgetPounds),
          strategyEvidenceId: portrait.strategyEvidenceId ?? '',
          annualReportEvidenceId: portrait.annualReportEvidenceId ?? '',
          slaEvidenceIds: portrait.slaEvidenceIds,
          contextNotes: portrait.contextNotes,
        },
    shouldValidate: 'onSubmit',
    // The same schema as the action's, so the browser and the server give the same messages.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PenPortraitSchema }),
  })
  const organisations = fields.organisations.getFieldList()
  const posts = fields.staffPosts.getFieldList()
  const evidenceOptions = [
    { value: '', text: 'None selected' },
    ...evidence.map((e) => ({ value: e.id, text: e.title })),
  ]
  const { staffing } = portrait

  // The conflict page: the fields both sides changed, each with both values and a choice.
  const organisationIds = portrait.organisations.map((o) => o.id)
  const postIdAt = (index: number) => {
    const value = posts[index]?.getFieldset().id.initialValue
    return typeof value === 'string' && value ? value : null
  }
  const conflictOf = (key: string) => conflict?.fields.find((f) => f.key === key) ?? null
  const inputNameOf = (key: string) => penPortraitInputName(key, organisationIds) ?? key
  const otherName = conflict?.byYou ? 'your other window' : (conflict?.updatedByName ?? 'the other person')
  const fieldLabel = (key: string): string => {
    if (key === 'budget') return 'Annual budget'
    if (key === 'strategy') return 'LKS strategy'
    if (key === 'annualReport') return 'Annual report'
    if (key === 'contextNotes') return 'Context notes'
    const organisation = portrait.organisations.find((o) => key.startsWith(`organisation/${o.id}/`))
    if (organisation) return `${key.endsWith('/wte') ? 'Staff WTE' : 'Staff headcount'} of ${organisation.name}`
    const index = posts.findIndex((_, i) => postIdAt(i) !== null && key === postKey(postIdAt(i)!))
    return index < 0 ? 'A post' : `Post ${index + 1}`
  }
  const evidenceTitle = (id: string) => evidence.find((e) => e.id === id)?.title ?? 'An evidence item'
  const displayValue = (key: string) => (value: string) => {
    if (key === 'budget') return `£${Number(value).toLocaleString('en-GB')}`
    if (key === 'strategy' || key === 'annualReport') return evidenceTitle(value)
    const post = key.startsWith('post/') ? parsePostValue(value) : null
    if (post) return `${post.title}, ${formatNumber(post.wte)} WTE, ${post.qualified ? 'qualified' : 'not qualified'}`
    return value
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
        otherName={otherName}
        mine={field.mine}
        theirs={field.theirs}
        text={isPenPortraitTextField(key)}
        display={displayValue(key)}
        empty={key.startsWith('post/') ? '(removed)' : undefined}
        error={conflictError(key)}
        chosen={conflict?.choices[key]}
        draft={field.draft}
      />
    )
  }

  const errors = errorSummaryItems(form.allErrors, FIELDS)
    .concat(
      Object.entries(form.allErrors)
        .filter(([name]) => /^(organisations|staffPosts)\[\d+\]\./.test(name))
        .map(([name, messages]) => ({ href: `#${name}`, text: messages[0] ?? '' })),
    )
    .concat(
      (conflict?.fields ?? []).map((field) => ({
        href: `#${conflictFieldId(inputNameOf(field.key))}`,
        text: conflictError(field.key) ?? `${fieldLabel(field.key)}: changed by you and by ${otherName}`,
      })),
    )
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/submissions/${submissionId}`}>Back to the submission</BackLink>
        <ErrorSummary errors={errors} />
        <RestoredNotice show={Boolean(restored) && !actionData} />
        <span className="nhsuk-caption-l">
          {organisationName}, {cycleName}
        </span>
        <h1>Pen portrait</h1>
        {portrait.copiedForward ? (
          <p>This pen portrait was copied from the last cycle. Check every part and save it to confirm it.</p>
        ) : null}
        {!editable ? (
          <WarningCallout heading="The pen portrait cannot be changed">
            <p>The submission has been sent for sign-off or submitted.</p>
          </WarningCallout>
        ) : null}
        {conflict ? (
          <WarningCallout
            heading={
              conflict.byYou ? 'You saved the pen portrait in another window' : 'Someone else changed the pen portrait'
            }
          >
            <p>
              {conflict.byYou ? 'You saved it in another window (or tab)' : `${otherName} saved it`}
              {conflict.updatedAt ? ` on ${formatDateTime(conflict.updatedAt)}` : ''}, after you opened this page. What
              only that save changed is now in the form below, with what only you changed.
            </p>
            <p>Both changed {conflict.fields.length === 1 ? 'this field' : 'these fields'}:</p>
            <ul>
              {conflict.fields.map((field) => (
                <li key={field.key}>
                  <a href={`#${conflictFieldId(inputNameOf(field.key))}`}>{fieldLabel(field.key)}</a>
                </li>
              ))}
            </ul>
            <p>For each, choose which to keep (or, for the context notes, a merged version), then save again.</p>
          </WarningCallout>
        ) : null}

        <h2>Qualified staff</h2>
        <p>
          Staff are counted as whole-time equivalents (WTE): hours worked as a share of a full-time post, so two people
          working half time are 1 WTE.
        </p>
        <SummaryList
          rows={[
            { key: 'Library and knowledge service posts', value: `${formatNumber(staffing.totalPostsWte)} WTE` },
            { key: 'Qualified library and knowledge specialists', value: `${formatNumber(staffing.qualifiedWte)} WTE` },
            { key: 'Staff in the organisations served', value: `${formatNumber(staffing.organisationStaffWte)} WTE` },
            {
              key: 'Ratio',
              value:
                staffing.staffPerQualified === null
                  ? 'No qualified staff recorded'
                  : `1 qualified specialist per ${formatNumber(staffing.staffPerQualified)} WTE staff`,
            },
            { key: 'Policy', value: policyStatement(staffing, portrait.policyStaffPerQualified) },
          ]}
        />
        <InsetText>
          <p>The figures above are worked out from what you last saved.</p>
        </InsetText>

        {/* A conflict rebuilds the form, so its fields show the merged values, not those typed. */}
        <Form key={conflict ? `conflict-${conflict.id}` : 'form'} method="post" {...getFormProps(form)}>
          <input
            type="hidden"
            name="version"
            value={conflict ? conflict.version : restoredVersion(restored, portrait.version)}
          />
          <input type="hidden" name="saveKey" value={saveKey} />
          <input type="hidden" name="base" value={renderedBase} />
          {conflict ? (
            <>
              <input type="hidden" name={CONFLICTS_FIELD} value={JSON.stringify(conflict.fields.map((f) => f.key))} />
              <input
                type="hidden"
                name={CONFLICT_FROM_FIELD}
                value={conflictFromValue({
                  updatedAt: conflict.updatedAt,
                  updatedByName: conflict.updatedByName,
                  byYou: conflict.byYou,
                })}
              />
            </>
          ) : null}
          <DisableFields when={!editable}>
            <h2 id="organisations">Organisations served</h2>
            <p>
              Enter the staff headcount, the whole-time equivalent (WTE), or both, for each organisation your service
              serves.
            </p>
            {organisations.map((org, index) => {
              const o = org.getFieldset()
              const meta = portrait.organisations[index]
              if (!meta) return null
              return (
                <fieldset key={org.key} className="nhsuk-fieldset">
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    {meta.name} ({meta.odsCode})
                  </legend>
                  <input type="hidden" name={o.organisationId.name} value={meta.id} />
                  {conflictField(organisationKey(meta.id, 'headcount')) ?? (
                    <TextInput
                      name={o.staffHeadcount.name}
                      id={o.staffHeadcount.name}
                      label="Staff headcount"
                      inputMode="numeric"
                      width={10}
                      defaultValue={(o.staffHeadcount.initialValue as string | undefined) ?? ''}
                      error={o.staffHeadcount.errors?.[0]}
                    />
                  )}
                  {conflictField(organisationKey(meta.id, 'wte')) ?? (
                    <TextInput
                      name={o.staffWte.name}
                      id={o.staffWte.name}
                      label="Staff WTE"
                      inputMode="decimal"
                      width={10}
                      defaultValue={(o.staffWte.initialValue as string | undefined) ?? ''}
                      error={o.staffWte.errors?.[0]}
                    />
                  )}
                </fieldset>
              )
            })}

            <h2 id="staffPosts">Library and knowledge service staff</h2>
            {fields.staffPosts.errors?.[0] ? (
              <p className="nhsuk-error-message">{fields.staffPosts.errors[0]}</p>
            ) : null}
            {posts.map((post, index) => {
              const p = post.getFieldset()
              const postId = postIdAt(index)
              const idInput = <input type="hidden" name={p.id.name} value={postId ?? ''} />
              // A post both sides changed (or one removed): its version is chosen, then put in this row.
              const inConflict = postId ? conflictField(postKey(postId)) : null
              if (inConflict)
                return (
                  <div key={post.key}>
                    {idInput}
                    {inConflict}
                  </div>
                )
              return (
                <fieldset key={post.key} className="nhsuk-fieldset">
                  <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Post {index + 1}</legend>
                  {idInput}
                  <TextInput
                    name={p.title.name}
                    id={p.title.name}
                    label="Post title"
                    defaultValue={(p.title.initialValue as string | undefined) ?? ''}
                    error={p.title.errors?.[0]}
                  />
                  <TextInput
                    name={p.wte.name}
                    id={p.wte.name}
                    label="WTE"
                    hint="For example, 1 or 0.6"
                    inputMode="decimal"
                    width={4}
                    defaultValue={(p.wte.initialValue as string | undefined) ?? ''}
                    error={p.wte.errors?.[0]}
                  />
                  <Radios
                    name={p.qualified.name}
                    id={p.qualified.name}
                    legend="Is the post holder a qualified library and knowledge specialist?"
                    legendSize="s"
                    inline
                    small
                    defaultValue={(p.qualified.initialValue as string | undefined) ?? undefined}
                    error={p.qualified.errors?.[0]}
                    items={[
                      { value: 'yes', text: 'Yes' },
                      { value: 'no', text: 'No' },
                    ]}
                  />
                  {editable && posts.length > 1 ? (
                    <Button
                      {...form.remove.getButtonProps({ name: fields.staffPosts.name, index })}
                      variant="secondary"
                      small
                    >
                      Remove post {index + 1}
                    </Button>
                  ) : null}
                </fieldset>
              )
            })}
            {editable ? (
              <Button
                {...form.insert.getButtonProps({
                  name: fields.staffPosts.name,
                  defaultValue: { id: '', title: '', wte: '', qualified: '' },
                })}
                variant="secondary"
              >
                Add another post
              </Button>
            ) : null}

            <h2>Budget and documents</h2>
            {conflictField('budget') ?? (
              <TextInput
                name="budgetPounds"
                id="budgetPounds"
                label="Annual budget (optional)"
                hint="In pounds, for example £250,000. Pence are rounded to the nearest pound."
                width={10}
                defaultValue={(fields.budgetPounds.initialValue as string | undefined) ?? ''}
                error={fields.budgetPounds.errors?.[0]}
              />
            )}
            {conflictField('strategy') ?? (
              <Select
                name="strategyEvidenceId"
                id="strategyEvidenceId"
                label="LKS strategy"
                hint="Your library and knowledge service (LKS) strategy, from your evidence library."
                options={evidenceOptions}
                defaultValue={(fields.strategyEvidenceId.initialValue as string | undefined) ?? ''}
                error={fields.strategyEvidenceId.errors?.[0]}
              />
            )}
            {conflictField('annualReport') ?? (
              <Select
                name="annualReportEvidenceId"
                id="annualReportEvidenceId"
                label="Annual report"
                options={evidenceOptions}
                defaultValue={(fields.annualReportEvidenceId.initialValue as string | undefined) ?? ''}
                error={fields.annualReportEvidenceId.errors?.[0]}
              />
            )}
            {evidence.length ? (
              <Checkboxes
                name="slaEvidenceIds"
                id="slaEvidenceIds"
                legend="Service level agreements"
                legendSize="s"
                hint="Select every agreement that applies."
                small
                defaultValues={(fields.slaEvidenceIds.initialValue as string[] | undefined) ?? []}
                error={fields.slaEvidenceIds.errors?.[0]}
                items={evidence.map((e) => ({ value: e.id, text: e.title }))}
              />
            ) : (
              <p>
                Add your strategy, annual report and service level agreements to the evidence library to link them here.
              </p>
            )}
            {conflictField('contextNotes') ?? (
              <Textarea
                name="contextNotes"
                id="contextNotes"
                label="Context notes (optional)"
                hint="Anything a reviewer should know about your service: sites, partnerships, recent changes."
                rows={6}
                characterCount={{ maxLength: 10000 }}
                defaultValue={(fields.contextNotes.initialValue as string | undefined) ?? ''}
                error={fields.contextNotes.errors?.[0]}
              />
            )}
            {editable ? (
              <>
                <p>
                  You can save a pen portrait that is not finished and come back to it: it shows as in progress until
                  every organisation has its staff figures and there is at least one post. Leave a post empty to leave
                  it out.
                </p>
                <Button type="submit">Save pen portrait</Button>
              </>
            ) : null}
          </DisableFields>
        </Form>
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
