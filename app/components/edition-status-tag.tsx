import { Tag } from '~/components/nhs'
import { EDITION_STATUS_COLOURS, EDITION_STATUS_LABELS } from '~/modules/framework/labels'

/** The one way a framework edition's status is shown. */
export function EditionStatusTag({ status }: { status: string }) {
  return <Tag colour={EDITION_STATUS_COLOURS[status] ?? 'grey'}>{EDITION_STATUS_LABELS[status] ?? status}</Tag>
}
