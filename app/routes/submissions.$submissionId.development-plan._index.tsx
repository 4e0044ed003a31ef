import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Breadcrumbs, ButtonLink, Table, Tag } from '~/components/nhs'
import { can } from '~/modules/auth/permissions'
import { requireUser } from '~/modules/auth/session.server'
import { getDevelopmentPlan } from '~/modules/results/development-plan.server'
import { PLAN_ITEM_STATUS_COLOURS, PLAN_ITEM_STATUS_LABELS } from '~/modules/results/schema'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { formatDate, formatDateTime } from '~/utils/dates'
import { areaErrorBoundary } from '~/components/area-error-boundary'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `Development plan - ${data.organisationName}, ${data.cycleName} - LKS Quality Portal`
      : 'Development plan - LKS Quality Portal',
  },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await loadSubmissionContext(user, params.submissionId ?? '', 'development-plan:view')
  const plan = await getDevelopmentPlan(context)
  return {
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    canEdit: can(user, 'development-plan:edit', context.target),
    plan,
  }
}

export default function DevelopmentPlanPage() {
  const { submissionId, organisationName, cycleName, canEdit, plan } = useLoaderData<typeof loader>()
  const base = `/submissions/${submissionId}`
  const unanswered = plan.requiredActions.filter((a) => !a.answered).length
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Home' },
          { href: base, text: `${organisationName}, ${cycleName}` },
          { href: `${base}/result`, text: 'Validated result' },
        ]}
      />
      <span className="nhsuk-caption-l">
        {organisationName}, {cycleName}
      </span>
      <h1>Development plan</h1>
      <p className="nhsuk-body-l" id="plan-progress">
        {plan.progress}
      </p>

      <h2>Required actions</h2>
      {plan.requiredActions.length ? (
        <>
          <p>
            {unanswered === 0
              ? 'Every required action has at least one item in the plan.'
              : `${unanswered} of ${plan.requiredActions.length} required actions ${unanswered === 1 ? 'has' : 'have'} no item in the plan yet.`}
          </p>
          <Table
            caption="Required actions from the validated result"
            captionSize="s"
            responsive
            head={['Outcome', 'Required action', 'In the plan']}
            rows={plan.requiredActions.map((a) => [
              `${a.outcomeNumber}. ${a.outcomeTitle}`,
              <span key="t" className="app-preserve-lines">
                {a.text}
              </span>,
              <span key="p">
                {a.answered ? 'Yes' : 'Not yet'}
                {canEdit ? (
                  <span className="nhsuk-u-display-block">
                    <a href={`${base}/development-plan/new?requiredActionId=${encodeURIComponent(a.id)}`}>
                      Add an item
                      <span className="nhsuk-u-visually-hidden">
                        {' '}
                        for the required action on outcome {a.outcomeNumber}
                      </span>
                    </a>
                  </span>
                ) : null}
              </span>,
            ])}
          />
        </>
      ) : (
        <p>
          The validated result has no required actions, so no development plan is due. You can still record improvement
          actions here.
        </p>
      )}

      <h2>Plan items</h2>
      {canEdit ? <ButtonLink href={`${base}/development-plan/new`}>Add an item</ButtonLink> : null}
      {plan.items.length ? (
        <Table
          caption="Items in the development plan"
          captionSize="s"
          responsive
          head={[
            'Action',
            'Required action',
            'Owner',
            'Due date',
            'Status',
            'Progress notes',
            'Last updated',
            ...(canEdit ? ['Change'] : []),
          ]}
          rows={plan.items.map((item) => [
            <span key="a" className="app-preserve-lines">
              {item.action}
            </span>,
            item.requiredAction ? `Outcome ${item.requiredAction.outcomeNumber}: ${item.requiredAction.text}` : 'None',
            item.owner,
            <span key="d">
              {formatDate(item.dueDate)}
              {item.overdue ? (
                <>
                  {' '}
                  <Tag colour="red">Overdue</Tag>
                </>
              ) : null}
            </span>,
            <Tag key="s" colour={PLAN_ITEM_STATUS_COLOURS[item.status]}>
              {PLAN_ITEM_STATUS_LABELS[item.status]}
            </Tag>,
            item.progressNotes ? (
              <span key="n" className="app-preserve-lines">
                {item.progressNotes}
              </span>
            ) : (
              'None yet'
            ),
            formatDateTime(item.updatedAt),
            ...(canEdit
              ? [
                  <a key="c" href={`${base}/development-plan/${item.id}`}>
                    Change<span className="nhsuk-u-visually-hidden"> item: {item.action.slice(0, 80)}</span>
                  </a>,
                ]
              : []),
          ])}
        />
      ) : (
        <p>No items have been added to the plan yet.</p>
      )}
    </>
  )
}

export const ErrorBoundary = areaErrorBoundary('submissions')
