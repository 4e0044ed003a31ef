import { Tag } from '~/components/nhs'
import { isSubmissionStatus, SUBMISSION_STATUS_COLOURS, SUBMISSION_STATUS_LABELS } from '~/modules/submissions/status'

/** The one way a submission status is shown. */
export function SubmissionStatusTag({ status }: { status: string }) {
  if (!isSubmissionStatus(status)) return <Tag colour="grey">Unknown</Tag>
  return <Tag colour={SUBMISSION_STATUS_COLOURS[status]}>{SUBMISSION_STATUS_LABELS[status]}</Tag>
}
