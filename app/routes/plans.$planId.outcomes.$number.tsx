import { randomUUID } from 'node:crypto'
import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { GradeFields } from '~/components/grade-fields'
import {
  BackLink,
  Button,
  Checkboxes,
  datePartId,
  ErrorSummary,
  InsetText,
  Select,
  SummaryList,
  Table,
  Textarea,
} from '~/components/nhs'
import { PlanActionFields } from '~/components/plan-action-fields'
import { ActionStatusTag } from '~/components/plan-status-tag'
import { requireUser } from '~/modules/auth/session.server'
import { takeStashedForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice, restoredVersion } from '~/components/restored-notice'
import { can } from '~/modules/auth/permissions'
import { formatGrade } from '~/modules/framework/grading'
import {
  addAction,
  addObjective,
  carryForward,
  completeOutcome,
  getOutcomePlan,
  linkPlanEvidence,
  loadPlanContext,
  saveTarget,
  unlinkPlanEvidence,
} from '~/modules/improvement/plan.server'
import {
  ACTION_FIELDS,
  actionSchema,
  CarryForwardSchema,
  CompleteOutcomeSchema,
  LinkPlanEvidenceSchema,
  ObjectiveSchema,
  TARGET_FIELDS,
  targetSchema,
  TEXT_MAX,
  UnlinkPlanEvidenceSchema,
} from '~/modules/improvement/schema'
import { formatDate, formatDateRange } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { integerParam } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Outcome ${data.outcome.number} - Service Improvement Plan - ${data.organisationName} - LKS Quality Portal`
      : 'Outcome - Service Improvement Plan - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '')
  const outcome = await getOutcomePlan(context, integerParam(params.number, 1, 20))
  const mayEdit = can(user, 'sip:edit', context.target)
  // What the person posted when their session had ended (the target, an objective or a new
  // action), to check and save (once): it comes back in the form it was sent from.
  const stashed = await takeStashedForm(request, user)
  const stashedIntent = String(stashed?.get('intent') ?? '')
  const periodDates = { start: context.planPeriodStart, end: context.planPeriodEnd }
  const restoredSchema =
    stashedIntent === 'target'
      ? targetSchema(outcome.current)
      : stashedIntent === 'objective'
        ? ObjectiveSchema
        : stashedIntent === 'action'
          ? actionSchema(periodDates)
          : null
  return {
    restored:
      stashed && restoredSchema
        ? { intent: stashedIntent, result: parseWithZod(stashed, { schema: restoredSchema }).reply() }
        : null,
    // This rendering's idempotency key: the target's save, if sent again, is answered as the first was.
    saveKey: randomUUID(),
    planId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    period: { start: context.planPeriodStart.toISOString(), end: context.planPeriodEnd.toISOString() },
    outcome: { ...outcome, library: mayEdit ? outcome.library : [] },
    mayEdit: mayEdit && outcome.editable,
    mayUpdateProgress: mayEdit && outcome.progressEditable,
  }
}

const SCHEMAS = {
  objective: ObjectiveSchema,
  carry: CarryForwardSchema,
  link: LinkPlanEvidenceSchema,
  unlink: UnlinkPlanEvidenceSchema,
  complete: CompleteOutcomeSchema,
} as const

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadPlanContext(user, params.planId ?? '', 'sip:edit')
  const number = integerParam(params.number, 1, 20)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const input = { actor: user, context, number, ipAddress: loadContext.clientAddress }
  const here = `/plans/${context.id}/outcomes/${number}`
  const done = (title: string, to = here) => redirectWithFlash(request, to, { type: 'success', title })
  const refuse = (result: { message: string }, submission: { reply: (o: { formErrors: string[] }) => unknown }) =>
    data({ intent, result: submission.reply({ formErrors: [result.message] }) as never }, { status: 409 })

  if (intent === 'target' || intent === 'action') {
    const outcome = await getOutcomePlan(context, number)
    if (intent === 'target') {
      const submission = parseWithZod(formData, { schema: targetSchema(outcome.current) })
      if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
      const result = await saveTarget({ ...input, form: submission.value })
      return result.ok ? done('Target saved') : refuse(result, submission)
    }
    const submission = parseWithZod(formData, {
      schema: actionSchema({ start: context.planPeriodStart, end: context.planPeriodEnd }),
    })
    if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
    const result = await addAction({ ...input, form: submission.value })
    return result.ok ? done('Action added') : refuse(result, submission)
  }
  if (!(intent in SCHEMAS)) return data({ intent, result: undefined }, { status: 400 })
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent as keyof typeof SCHEMAS] })
  if (submission.status !== 'success') return data({ intent, result: submission.reply() }, { status: 400 })
  const value = submission.value as Record<string, unknown>
  const result =
    intent === 'objective'
      ? await addObjective({ ...input, text: value.text as string })
      : intent === 'carry'
        ? await carryForward({ ...input, planItemIds: value.planItemIds as string[] })
        : intent === 'link'
          ? await linkPlanEvidence({ ...input, evidenceItemId: value.evidenceItemId as string })
          : intent === 'unlink'
            ? await unlinkPlanEvidence({ ...input, linkId: value.linkId as string })
            : await completeOutcome(input)
  if (!result.ok) return refuse(result, submission)
  const titles: Record<string, string> = {
    objective: 'Objective added',
    carry: 'Development plan items carried forward as actions',
    link: 'Evidence linked',
    unlink: 'Evidence unlinked',
    complete: `Outcome ${number} marked as completed`,
  }
  return done(titles[intent]!, intent === 'complete' ? `/plans/${context.id}` : here)
}

export default function PlanOutcomePage() {
  const { planId, organisationName, cycleName, period, outcome, mayEdit, mayUpdateProgress, restored, saveKey } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const periodDates = { start: new Date(period.start), end: new Date(period.end) }
  const periodText = formatDateRange(periodDates.start, periodDates.end)
  const current = outcome.current
  const resultFor = (intent: string) =>
    actionData
      ? actionData.intent === intent
        ? actionData.result
        : undefined
      : restored?.intent === intent
        ? (restored.result as never)
        : undefined
  const [targetForm, targetFields] = useForm({
    id: 'target',
    lastResult: resultFor('target'),
    defaultValue: {
      targetLevel: outcome.targetLevel === null ? '' : String(outcome.targetLevel),
      targetSubLevel: outcome.targetSubLevel ?? '',
      targetReason: outcome.targetReason,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: targetSchema(current) }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const [objectiveForm, objectiveFields] = useForm({
    id: 'objective',
    lastResult: resultFor('objective'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ObjectiveSchema }),
    shouldValidate: 'onSubmit',
  })
  const [actionForm, actionFields] = useForm({
    id: 'new-action',
    lastResult: resultFor('action'),
    defaultValue: { status: 'NOT_STARTED', objectiveId: outcome.objectives.at(-1)?.id ?? '' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actionSchema(periodDates) }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
  })
  const [carryForm, carryFields] = useForm({
    id: 'carry',
    lastResult: resultFor('carry'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CarryForwardSchema }),
    shouldValidate: 'onSubmit',
  })
  const [linkForm, linkFields] = useForm({
    id: 'link',
    lastResult: resultFor('link'),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkPlanEvidenceSchema }),
    shouldValidate: 'onSubmit',
  })
  const otherErrors = ['unlink', 'complete'].includes(actionData?.intent ?? '')
    ? ((actionData?.result as { error?: Record<string, string[]> } | undefined)?.error?.[''] ?? [])
    : []
  const summary = [
    ...errorSummaryItems(targetForm.allErrors, TARGET_FIELDS),
    ...errorSummaryItems(objectiveForm.allErrors, ['text']).map((e) => ({ ...e, href: '#objective-text' })),
    ...errorSummaryItems(actionForm.allErrors, ['objectiveId', ...ACTION_FIELDS]).map((item) =>
      item.href === '#dueDate' ? { ...item, href: `#${datePartId('dueDate', 'day')}` } : item,
    ),
    ...errorSummaryItems(carryForm.allErrors, ['planItemIds']),
    ...errorSummaryItems(linkForm.allErrors, ['evidenceItemId']),
    ...otherErrors.map((text) => ({ href: '#complete', text })),
  ]
  const openItems = outcome.planItems.filter((item) => !item.carried)
  const base = `/plans/${planId}`
  return (
    <>
      <BackLink href={base}>Back to the plan</BackLink>
      <ErrorSummary errors={summary} />
      <RestoredNotice show={Boolean(restored) && !actionData && mayEdit} />
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>
        Outcome {outcome.number}: {outcome.shortTitle}
      </h1>
      <p>{outcome.statement}</p>
      {outcome.reopened ? (
        <InsetText>
          <p>
            The reviewer has asked you to revise this outcome. Read their comments on the plan’s page, then resubmit.
          </p>
        </InsetText>
      ) : null}

      <h2>Current grade and target</h2>
      <SummaryList
        rows={[
          {
            key: 'Current agreed grade',
            value: outcome.currentText ?? 'No published result yet',
          },
          {
            key: 'Target for the end of the plan period',
            value: outcome.target ? formatGrade(outcome.target) : 'Not set',
          },
          ...(outcome.targetReason ? [{ key: 'Reason for the target', value: outcome.targetReason }] : []),
        ]}
      />
      {mayEdit ? (
        <Form method="post" {...getFormProps(targetForm)}>
          <input type="hidden" name="intent" value="target" />
          <input
            type="hidden"
            name="version"
            value={restored?.intent === 'target' ? restoredVersion(restored.result, outcome.version) : outcome.version}
          />
          <input type="hidden" name="saveKey" value={saveKey} />
          <GradeFields
            level={{
              name: 'targetLevel',
              legend: 'Target level',
              hint: outcome.currentText ? `The current agreed grade is ${outcome.currentText}.` : undefined,
              defaultValue: String(targetFields.targetLevel.initialValue ?? '') || undefined,
              error: targetFields.targetLevel.errors?.[0],
            }}
            subLevel={{
              name: 'targetSubLevel',
              legend: 'Target sub-level',
              defaultValue: String(targetFields.targetSubLevel.initialValue ?? '') || undefined,
              error: targetFields.targetSubLevel.errors?.[0],
            }}
          />
          <Textarea
            name="targetReason"
            id="targetReason"
            label="Reason, if the target is below the current agreed grade"
            rows={3}
            characterCount={{ maxLength: TEXT_MAX }}
            defaultValue={String(targetFields.targetReason.initialValue ?? '')}
            error={targetFields.targetReason.errors?.[0]}
          />
          <Button type="submit" variant="secondary">
            Save target
          </Button>
        </Form>
      ) : null}

      <h2>Objectives and actions</h2>
      {outcome.objectives.length === 0 ? <p>No objectives yet.</p> : null}
      {outcome.objectives.map((objective) => (
        <section key={objective.id} aria-labelledby={`objective-${objective.id}`}>
          <h3 id={`objective-${objective.id}`}>
            Objective {objective.position}: {objective.text}
          </h3>
          {objective.actions.length ? (
            <Table
              caption={`Actions for objective ${objective.position}`}
              captionSize="s"
              responsive
              head={['Action', 'Owner', 'Due', 'Measure of success', 'Status', '']}
              rows={objective.actions.map((a) => [
                a.what,
                a.owner,
                formatDate(a.dueDate),
                a.measure,
                <ActionStatusTag key="status" status={a.status} overdue={a.overdue} />,
                mayEdit || mayUpdateProgress ? (
                  <a key="change" href={`${base}/actions/${a.id}`}>
                    {mayEdit ? 'Change' : 'Update progress'}
                    <span className="nhsuk-u-visually-hidden"> for {a.what}</span>
                  </a>
                ) : (
                  ''
                ),
              ])}
            />
          ) : (
            <p>No actions yet.</p>
          )}
        </section>
      ))}

      {mayEdit ? (
        <>
          <Form method="post" {...getFormProps(objectiveForm)}>
            <input type="hidden" name="intent" value="objective" />
            <Textarea
              name="text"
              id="objective-text"
              label="Add an objective"
              hint="A strategic step the service will take towards the target."
              rows={2}
              defaultValue={String(objectiveFields.text.initialValue ?? '')}
              error={objectiveFields.text.errors?.[0]}
            />
            <Button type="submit" variant="secondary">
              Add objective
            </Button>
          </Form>

          {outcome.objectives.length ? (
            <details
              className="nhsuk-details"
              open={actionData ? actionData.intent === 'action' : restored?.intent === 'action'}
            >
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Add an action</span>
              </summary>
              <div className="nhsuk-details__text">
                <Form method="post" {...getFormProps(actionForm)}>
                  <input type="hidden" name="intent" value="action" />
                  <Select
                    name="objectiveId"
                    id="objectiveId"
                    label="Objective"
                    options={outcome.objectives.map((o) => ({
                      value: o.id,
                      text: `Objective ${o.position}: ${o.text}`,
                    }))}
                    defaultValue={String(actionFields.objectiveId.initialValue ?? '')}
                    error={actionFields.objectiveId.errors?.[0]}
                  />
                  <PlanActionFields fields={actionFields} periodText={periodText} />
                  <Button type="submit" variant="secondary">
                    Add action
                  </Button>
                </Form>
              </div>
            </details>
          ) : null}
        </>
      ) : null}

      <h2>Open items of the development plan</h2>
      {outcome.planItems.length === 0 ? (
        <p>The development plan has no open items for this outcome.</p>
      ) : (
        <Table
          caption="Open development plan items for this outcome"
          captionSize="s"
          responsive
          head={['Item', 'Owner', 'Due', 'From', 'In this plan']}
          rows={outcome.planItems.map((item) => [
            item.action,
            item.owner,
            formatDate(item.dueDate),
            item.cycleName,
            item.carried ? 'Carried forward' : 'Not yet',
          ])}
        />
      )}
      {mayEdit && openItems.length ? (
        <Form method="post" {...getFormProps(carryForm)}>
          <input type="hidden" name="intent" value="carry" />
          <Checkboxes
            name="planItemIds"
            id="planItemIds"
            legend="Carry items forward as actions"
            legendSize="s"
            hint="Each becomes an action of this plan, under its own objective, keeping its owner, status and notes."
            error={carryFields.planItemIds.errors?.[0]}
            defaultValues={openItems.map((i) => i.id)}
            items={openItems.map((item) => ({ value: item.id, text: item.action }))}
          />
          <Button type="submit" variant="secondary">
            Carry forward
          </Button>
        </Form>
      ) : null}

      <h2>Evidence</h2>
      {outcome.evidence.length ? (
        <ul className="nhsuk-list">
          {outcome.evidence.map((e) => (
            <li key={e.linkId}>
              <a href={`/evidence/${e.id}`}>{e.title}</a>
              {mayEdit ? (
                <Form method="post" className="nhsuk-u-display-inline-block nhsuk-u-margin-left-3">
                  <input type="hidden" name="intent" value="unlink" />
                  <input type="hidden" name="linkId" value={e.linkId} />
                  <Button type="submit" variant="secondary" small>
                    Unlink<span className="nhsuk-u-visually-hidden"> {e.title}</span>
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No evidence linked yet.</p>
      )}
      {mayEdit && outcome.library.length ? (
        <Form method="post" {...getFormProps(linkForm)}>
          <input type="hidden" name="intent" value="link" />
          <Select
            name="evidenceItemId"
            id="evidenceItemId"
            label="Link an item from the evidence library"
            options={[
              { value: '', text: 'Choose an item' },
              ...outcome.library.map((i) => ({ value: i.id, text: i.title })),
            ]}
            error={linkFields.evidenceItemId.errors?.[0]}
          />
          <Button type="submit" variant="secondary">
            Link evidence
          </Button>
        </Form>
      ) : null}

      {mayEdit && outcome.status !== 'COMPLETED' ? (
        <Form method="post" id="complete">
          <input type="hidden" name="intent" value="complete" />
          <Button type="submit">Mark outcome {outcome.number} as completed</Button>
        </Form>
      ) : null}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('improvement')
