import { Tag } from '~/components/nhs'
import {
  ACTION_STATUS_COLOURS,
  ACTION_STATUS_LABELS,
  isActionStatus,
  isSipStatus,
  SIP_STATUS_COLOURS,
  SIP_STATUS_LABELS,
} from '~/modules/improvement/status'

/** The one way a Service Improvement Plan's status is shown. */
export function PlanStatusTag({ status }: { status: string }) {
  if (!isSipStatus(status)) return <Tag colour="grey">Unknown</Tag>
  return <Tag colour={SIP_STATUS_COLOURS[status]}>{SIP_STATUS_LABELS[status]}</Tag>
}

/** The one way an action's status is shown, with "Overdue" beside it when it is. */
export function ActionStatusTag({ status, overdue }: { status: string; overdue?: boolean }) {
  const known = isActionStatus(status) ? status : 'NOT_STARTED'
  return (
    <>
      <Tag colour={ACTION_STATUS_COLOURS[known]}>{ACTION_STATUS_LABELS[known]}</Tag>
      {overdue ? (
        <>
          {' '}
          <Tag colour="red">Overdue</Tag>
        </>
      ) : null}
    </>
  )
}
