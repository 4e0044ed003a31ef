import { Table, Tag } from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import { formatDate } from '~/utils/dates'

export type QueueRow = {
  id: string
  kind: string
  dueDate: string | Date
  completedAt: string | Date | null
  overdue: boolean
  submission: {
    status: string
    organisation: { name: string }
    region: { name: string }
    cycle: { name: string }
  }
}

const roleText = (kind: string) => (kind === 'PRIMARY' ? 'Primary validator' : 'Second validator')

/** The validator's open assignments: due date with overdue tagged, and where each submission is. */
export function OpenQueueTable({ rows, caption }: { rows: QueueRow[]; caption: string }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      responsive
      head={['Organisation', 'Region', 'Cycle', 'Your role', 'Due', 'Status']}
      rows={rows.map((r) => [
        <a key="o" href={`/validation/assignments/${r.id}`}>
          {r.submission.organisation.name}
        </a>,
        r.submission.region.name,
        r.submission.cycle.name,
        roleText(r.kind),
        r.overdue ? (
          <span key="d">
            {formatDate(r.dueDate)} <Tag colour="red">Overdue</Tag>
          </span>
        ) : (
          formatDate(r.dueDate)
        ),
        <SubmissionStatusTag key="s" status={r.submission.status} />,
      ])}
    />
  )
}

/** Validations the validator has completed, the latest first. */
export function CompletedQueueTable({ rows, caption }: { rows: QueueRow[]; caption: string }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      responsive
      head={['Organisation', 'Region', 'Cycle', 'Your role', 'Completed', 'Status']}
      rows={rows.map((r) => [
        <a key="o" href={`/validation/assignments/${r.id}`}>
          {r.submission.organisation.name}
        </a>,
        r.submission.region.name,
        r.submission.cycle.name,
        roleText(r.kind),
        r.completedAt ? formatDate(r.completedAt) : '',
        <SubmissionStatusTag key="s" status={r.submission.status} />,
      ])}
    />
  )
}
