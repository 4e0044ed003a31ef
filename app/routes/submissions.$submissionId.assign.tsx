import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { errorSummaryItems } from '~/components/form-errors'
import { BackLink, Button, DateInput, ErrorSummary, Select, Table } from '~/components/nhs'
import { requireUser } from '~/modules/auth/session.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import {
  assignValidators,
  dueDateOffer,
  getAssignments,
  listCandidates,
  type Candidate,
} from '~/modules/validation/assignment.server'
import { AssignFormSchema } from '~/modules/validation/schema'
import { formatDate, londonDay } from '~/utils/dates'
import { redirectWithFlash } from '~/utils/flash.server'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Assign validators - ${data?.organisationName ?? ''} - LKS Quality Portal` },
]

const FIELDS = ['primaryId', 'secondaryId', 'dueDate'] as const

const openWork = (n: number) =>
  n === 0 ? 'no open assignments' : `${n} open ${n === 1 ? 'assignment' : 'assignments'}`
const optionOf = (c: Candidate) => ({
  value: c.id,
  text: `${c.name} (${c.regionName ?? 'no region'}), ${openWork(c.openAssignments)}`,
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'validation:assign')
  const [candidates, assignments, offer] = await Promise.all([
    listCandidates(context),
    getAssignments(context.id),
    dueDateOffer(context),
  ])
  const due = offer.suggested ? londonDay(offer.suggested) : null
  return {
    submissionId: context.id,
    organisationName: context.organisation.name,
    regionName: context.region.name,
    cycleName: context.cycle.name,
    status: context.status,
    primaryOptions: candidates.filter((c) => c.eligible.PRIMARY).map(optionOf),
    secondaryOptions: candidates.filter((c) => c.eligible.SECONDARY).map(optionOf),
    assignments,
    validationDeadline: formatDate(offer.validationDeadline),
    defaultDue: due ? { day: String(due.day), month: String(due.month), year: String(due.year) } : null,
  }
}

export async function action({ request, params, context: loadContext }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'validation:assign')
  const submission = parseWithZod(await request.formData(), { schema: AssignFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const result = await assignValidators({
    actor: user,
    context,
    ...submission.value,
    ipAddress: loadContext.clientAddress,
  })
  if (!result.ok) {
    return data(
      {
        result:
          'fieldErrors' in result
            ? submission.reply({ fieldErrors: result.fieldErrors })
            : submission.reply({ formErrors: [result.message] }),
      },
      { status: 400 },
    )
  }
  return redirectWithFlash(request, `/submissions/${context.id}`, {
    type: 'success',
    title: 'Validators assigned',
    description: 'The submission is now in validation.',
  })
}

export default function AssignValidators() {
  const {
    submissionId,
    organisationName,
    regionName,
    cycleName,
    status,
    primaryOptions,
    secondaryOptions,
    assignments,
    validationDeadline,
    defaultDue,
  } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm<{
    primaryId: string
    secondaryId: string
    dueDate: { day: string; month: string; year: string }
  }>({
    id: 'assign',
    lastResult: actionData?.result,
    shouldValidate: 'onSubmit',
  })
  const due = fields.dueDate.getFieldset()
  const current = (kind: string) => assignments.find((a) => a.kind === kind)?.validator.id ?? ''
  const canAssign = status === 'SUBMITTED' || status === 'IN_VALIDATION'
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink href={`/submissions/${submissionId}`}>Back to the submission</BackLink>
        <ErrorSummary
          errors={errorSummaryItems(form.allErrors, FIELDS).map((e) =>
            e.href === '#dueDate' ? { ...e, href: '#dueDate-day' } : e,
          )}
        />
        <span className="nhsuk-caption-l">
          {organisationName}, {cycleName}
        </span>
        <h1>Assign validators</h1>
        <p>
          Two validators review each submission independently: a primary validator from {regionName} and a second
          validator from another region. Nobody who belongs to the organisation or its library service is offered. Each
          validator is shown with the assignments they have not yet completed.
        </p>
        {assignments.length ? (
          <Table
            caption="Assigned now"
            captionSize="s"
            head={['Role', 'Validator', 'Due', 'Progress']}
            rows={assignments.map((a) => [
              a.kind === 'PRIMARY' ? 'Primary' : 'Second',
              a.validator.name,
              formatDate(a.dueDate),
              a.completedAt ? 'Completed' : 'In progress',
            ])}
          />
        ) : null}
        {canAssign ? (
          <Form method="post" {...getFormProps(form)}>
            <Select
              name="primaryId"
              id="primaryId"
              label={`Primary validator (from ${regionName})`}
              options={[{ value: '', text: 'Select a validator' }, ...primaryOptions]}
              defaultValue={(fields.primaryId.initialValue as string | undefined) ?? current('PRIMARY')}
              error={fields.primaryId.errors?.[0]}
            />
            <Select
              name="secondaryId"
              id="secondaryId"
              label="Second validator (from another region)"
              options={[{ value: '', text: 'Select a validator' }, ...secondaryOptions]}
              defaultValue={(fields.secondaryId.initialValue as string | undefined) ?? current('SECONDARY')}
              error={fields.secondaryId.errors?.[0]}
            />
            <DateInput
              name="dueDate"
              id="dueDate"
              legend="Due date"
              legendSize="s"
              hint={`The cycle's validation deadline is ${validationDeadline}. For example, 27 2 2027`}
              defaultValue={{
                day: (due.day.initialValue as string | undefined) ?? defaultDue?.day ?? '',
                month: (due.month.initialValue as string | undefined) ?? defaultDue?.month ?? '',
                year: (due.year.initialValue as string | undefined) ?? defaultDue?.year ?? '',
              }}
              error={fields.dueDate.errors?.[0]}
            />
            <Button type="submit">Assign validators</Button>
          </Form>
        ) : (
          <p>Validators can be assigned once the submission has been submitted, and until it is validated.</p>
        )}
      </div>
    </div>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
