import { Tag } from '~/components/nhs'
import { CYCLE_STATUS_LABELS } from '~/modules/cycles/labels'
import { CYCLE_STATUS_COLOURS, isCycleStatus } from '~/modules/cycles/rules'

/** The one way a cycle's status is shown. */
export function CycleStatusTag({ status }: { status: string }) {
  if (!isCycleStatus(status)) return <Tag colour="grey">Unknown</Tag>
  return <Tag colour={CYCLE_STATUS_COLOURS[status]}>{CYCLE_STATUS_LABELS[status]}</Tag>
}
