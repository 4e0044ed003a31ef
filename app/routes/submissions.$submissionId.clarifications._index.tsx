import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  BackLink,
  Button,
  ButtonLink,
  Details,
  ErrorSummary,
  InsetText,
  SummaryList,
  Tag,
  Textarea,
  type ErrorSummaryItem,
} from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import { requireUser } from '~/modules/auth/session.server'
import { takeStashedForm } from '~/modules/auth/form-stash.server'
import { RestoredNotice } from '~/components/restored-notice'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import {
  FollowUpSchema,
  MESSAGE_MAX,
  outcomeList,
  ReplySchema,
  THREAD_STATUS_COLOURS,
  THREAD_STATUS_LABELS,
} from '~/modules/validation/clarification-schema'
import {
  addFollowUp,
  getClarificationPage,
  replyToThread,
  resubmitAfterClarification,
} from '~/modules/validation/clarification.server'
import { formatDateTime } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { invariantResponse } from '~/utils/http.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Clarification questions - ${data?.submission.organisationName ?? ''} - LKS Quality Portal` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'submission:view')
  const page = await getClarificationPage(user, context)
  // A reply or follow-up posted when the person's session had ended, to check and send (once).
  const stashed = await takeStashedForm(request, user)
  const stashedIntent = stashed?.get('intent')
  const restored =
    stashed && (stashedIntent === 'reply' || stashedIntent === 'follow-up')
      ? {
          threadId: String(stashed.get('threadId') ?? ''),
          result: parseWithZod(stashed, { schema: stashedIntent === 'reply' ? ReplySchema : FollowUpSchema }).reply(),
        }
      : null
  return {
    restored,
    submission: {
      id: context.id,
      reference: context.reference,
      status: context.status,
      organisationName: context.organisation.name,
      cycleName: context.cycle.name,
      libraryServiceName: context.libraryService.name,
    },
    ...page,
  }
}

// Each intent needs its own permission; loadSubmissionContext gives 404 out of reach, 403 without it.
const INTENT_ACTIONS = {
  reply: 'clarification:answer',
  'follow-up': 'clarification:ask',
  resubmit: 'submission:submit',
} as const
const isIntent = (value: unknown): value is keyof typeof INTENT_ACTIONS =>
  typeof value === 'string' && value in INTENT_ACTIONS

type ThreadFormData = { form: 'thread'; threadId: string; result: SubmissionResult<string[]> }
type ResubmitFormData = { form: 'resubmit'; message: string; problems: Array<{ number: number; message: string }> }

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  invariantResponse(isIntent(intent), 'Choose an action from the page')
  const context = await loadSubmissionContext(user, params.submissionId ?? '', INTENT_ACTIONS[intent])
  const here = `/submissions/${context.id}/clarifications`
  const ipAddress = loadContext.clientAddress

  if (intent === 'resubmit') {
    const result = await resubmitAfterClarification({ actor: user, context, ipAddress })
    if (!result.ok)
      return data<ResubmitFormData>(
        { form: 'resubmit', message: result.message, problems: 'problems' in result ? result.problems : [] },
        { status: 409 },
      )
    return redirectWithFlash(request, here, {
      type: 'success',
      title: 'Resubmitted for validation',
      description: 'The validators can now read your replies and see your changes.',
    })
  }

  const threadId = String(formData.get('threadId') ?? '')
  const submission = parseWithZod(formData, { schema: intent === 'reply' ? ReplySchema : FollowUpSchema })
  if (submission.status !== 'success')
    return data<ThreadFormData>({ form: 'thread', threadId, result: submission.reply() }, { status: 400 })
  const input = { actor: user, context, threadId: submission.value.threadId, body: submission.value.body, ipAddress }
  const result = intent === 'reply' ? await replyToThread(input) : await addFollowUp(input)
  if (!result.ok)
    return data<ThreadFormData>(
      { form: 'thread', threadId, result: submission.reply({ formErrors: [result.message] }) },
      { status: 409 },
    )
  return redirectWithFlash(
    request,
    here,
    intent === 'reply'
      ? {
          type: 'success',
          title: 'Reply sent',
          description:
            'The validators can read it now. The submission goes back to them when your service lead resubmits it.',
        }
      : { type: 'success', title: 'Follow-up question sent', description: 'The service can now reply to it.' },
  )
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>
type Permissions = PageData['permissions']
type ActionData = ThreadFormData | ResubmitFormData | undefined

/** "outcome 2", or the whole submission for a thread that names no outcome. */
const aboutText = (thread: { outcome: { number: number } | null }) =>
  thread.outcome ? `outcome ${thread.outcome.number}` : 'the submission'

function errorSummary(actionData: ActionData, submissionId: string): ErrorSummaryItem[] {
  if (!actionData) return []
  if (actionData.form === 'resubmit') {
    return [
      { href: '#resubmit', text: actionData.message },
      ...actionData.problems.map((p) => ({
        href: `/submissions/${submissionId}/outcomes/${p.number}`,
        text: p.message,
      })),
    ]
  }
  const error = actionData.result.error ?? {}
  return [...(error[''] ?? []), ...(error.body ?? [])].map((text) => ({
    href: `#message-${actionData.threadId}`,
    text,
  }))
}

export default function Clarifications() {
  const { submission, threads, allAnswered, permissions, restored } = useLoaderData<typeof loader>()
  const actionData: ActionData = useActionData<typeof action>()
  const base = `/submissions/${submission.id}`
  const reopened = threads.flatMap((t) => (t.outcome?.reopened ? [t.outcome.number] : []))
  const reopenedNumbers = [...new Set(reopened)].sort((a, b) => a - b)
  return (
    <>
      <BackLink href={base}>Back to the submission</BackLink>
      <ErrorSummary errors={errorSummary(actionData, submission.id)} />
      <RestoredNotice show={Boolean(restored) && !actionData} />
      <span className="nhsuk-caption-l">
        {submission.organisationName}, {submission.cycleName}
      </span>
      <h1>Clarification questions</h1>
      <SummaryList
        rows={[
          { key: 'Status', value: <SubmissionStatusTag status={submission.status} /> },
          { key: 'Reference', value: submission.reference },
          { key: 'Library service', value: submission.libraryServiceName },
        ]}
      />

      {permissions.answer ? (
        <InsetText>
          <p>
            The validators have asked about {reopenedNumbers.length ? outcomeList(reopenedNumbers) : 'your submission'}.
            Reply to each question.
            {reopenedNumbers.length
              ? ` You can also change your ${reopenedNumbers.length === 1 ? 'answer to that outcome' : 'answers to those outcomes'} and link new or other evidence. Other outcomes stay locked.`
              : null}
          </p>
        </InsetText>
      ) : null}
      {permissions.ask ? (
        <ButtonLink href={`${base}/clarifications/new`} variant="secondary">
          Ask for clarification
        </ButtonLink>
      ) : null}

      {threads.length === 0 ? <p>No clarification questions have been asked about this submission.</p> : null}
      {threads.map((thread) => (
        <Thread
          key={`${thread.id}-${thread.status}-${thread.messages.length}`}
          thread={thread}
          submissionId={submission.id}
          status={submission.status}
          permissions={permissions}
          actionData={actionData}
          restored={!actionData && restored?.threadId === thread.id ? restored.result : undefined}
        />
      ))}

      {permissions.resubmit || (permissions.answer && allAnswered) ? (
        <section id="resubmit" aria-labelledby="resubmit-heading">
          <h2 id="resubmit-heading">Resubmit for validation</h2>
          {permissions.resubmit && allAnswered ? (
            <Form method="post">
              <p>The reopened outcomes will be locked again and the validators will see your replies and changes.</p>
              <Button type="submit" name="intent" value="resubmit">
                Resubmit for validation
              </Button>
            </Form>
          ) : permissions.resubmit ? (
            <p>You can resubmit the submission for validation when every question has a reply.</p>
          ) : (
            <p>Every question has a reply. Your service lead can now resubmit the submission for validation.</p>
          )}
        </section>
      ) : null}
    </>
  )
}

function Thread({
  thread,
  submissionId,
  status,
  permissions,
  actionData,
  restored,
}: {
  restored?: SubmissionResult<string[]>
  thread: PageData['threads'][number]
  submissionId: string
  status: string
  permissions: Permissions
  actionData: ActionData
}) {
  const lastResult =
    actionData?.form === 'thread' && actionData.threadId === thread.id ? actionData.result : (restored ?? undefined)
  const [form, fields] = useForm({
    id: `message-form-${thread.id}`,
    lastResult,
    defaultValue: { body: '' },
    shouldValidate: 'onSubmit',
  })
  const about = aboutText(thread)
  const headingId = `thread-${thread.id}-heading`
  const fieldId = `message-${thread.id}`
  const error = fields.body.errors?.[0] ?? form.errors?.[0]
  const typed = (fields.body.initialValue as string | undefined) ?? ''
  const canReply = permissions.answer && thread.status === 'OPEN'

  const messageForm = (intent: 'reply' | 'follow-up', label: string, hint: string | undefined, button: string) => (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="threadId" value={thread.id} />
      <Textarea
        name="body"
        id={fieldId}
        label={label}
        hint={hint}
        rows={5}
        characterCount={{ maxLength: MESSAGE_MAX }}
        defaultValue={typed}
        error={error}
      />
      <Button type="submit">
        {button}
        <span className="nhsuk-u-visually-hidden"> about {about}</span>
      </Button>
    </Form>
  )

  return (
    <section className="nhsuk-card" id={`thread-${thread.id}`} aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>
          {thread.outcome
            ? `Outcome ${thread.outcome.number}: ${thread.outcome.shortTitle}`
            : 'The submission as a whole'}
        </h2>
        <p>
          <Tag colour={THREAD_STATUS_COLOURS[thread.status]}>{THREAD_STATUS_LABELS[thread.status]}</Tag>
        </p>
        <ol className="nhsuk-list" aria-label={`Messages about ${about}`}>
          {thread.messages.map((message) => (
            <li key={message.id} className="nhsuk-u-margin-bottom-4">
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                <strong>{message.authorName}</strong> ({message.authorContext}),{' '}
                <time dateTime={new Date(message.createdAt).toISOString()}>{formatDateTime(message.createdAt)}</time>
              </p>
              <div className="app-preserve-lines">{message.body}</div>
            </li>
          ))}
        </ol>
        {permissions.editOutcomes && thread.outcome?.reopened ? (
          <p>
            <a href={`/submissions/${submissionId}/outcomes/${thread.outcome.number}`}>
              Change your answer to outcome {thread.outcome.number}
            </a>
          </p>
        ) : null}
        {canReply ? messageForm('reply', `Your reply about ${about}`, undefined, 'Send reply') : null}
        {permissions.followUp ? (
          <Details summary={`Add a follow-up question about ${about}`} open={Boolean(lastResult)}>
            {messageForm(
              'follow-up',
              `Your follow-up question about ${about}`,
              status === 'IN_VALIDATION'
                ? `The submission goes back to the service${thread.outcome ? `, and outcome ${thread.outcome.number} reopens for them to change` : ''}.`
                : 'The service must reply to it before they can resubmit.',
              'Send follow-up question',
            )}
          </Details>
        ) : null}
      </div>
    </section>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
