import { ButtonLink, SummaryList, Table, Tag } from '~/components/nhs'
import { SubmissionStatusTag } from '~/components/status-tag'
import { LATE_RULE, type DeadlineState } from '~/modules/submissions/next-step'
import { formatDate } from '~/utils/dates'

type SignedOff = { signerName: string; signerRole: string; at: string | Date }

export function signedOffText(signOff: SignedOff): string {
  return `Signed off by ${signOff.signerName} (${signOff.signerRole}) on ${formatDate(signOff.at)}`
}

/** The deadline with days left; overdue in red, with what happens to a late submission. */
export function DeadlineText({ deadline }: { deadline: DeadlineState }) {
  if (!deadline.overdue) return <>{deadline.text}</>
  return (
    <>
      <Tag colour="red">Overdue</Tag> <strong className="app-overdue">{deadline.text}</strong>
      <br />
      <span className="nhsuk-body-s">{LATE_RULE}</span>
    </>
  )
}

export type ToDoItem = {
  id: string
  reference: string
  status: string
  organisation: { name: string }
  cycle: { name: string }
  deadline: DeadlineState | null
  submittedAt: string | Date | null
  isLate: boolean
  progress: { text: string } | null
  signOff: SignedOff | null
  nextStep: { action: { label: string; path: string } | null; summary: string }
}

function submittedText(item: Pick<ToDoItem, 'submittedAt' | 'isLate'>): string {
  if (!item.submittedAt) return 'Not submitted'
  return `Submitted ${formatDate(item.submittedAt)}${item.isLate ? ', after the deadline' : ''}`
}

/** One submission on the service's to-do list, with the one primary button for its next step. */
export function SubmissionToDoCard({ item }: { item: ToDoItem }) {
  const base = `/submissions/${item.id}`
  const name = `${item.organisation.name}, ${item.cycle.name}`
  return (
    <section className="nhsuk-card" aria-label={name}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m">
          <a href={base}>{item.organisation.name}</a>
        </h3>
        <SummaryList
          rows={[
            { key: 'Cycle', value: item.cycle.name },
            {
              key: 'Status',
              value: (
                <>
                  <SubmissionStatusTag status={item.status} />
                  {item.isLate ? (
                    <>
                      {' '}
                      <Tag colour="red">Late</Tag>
                    </>
                  ) : null}
                </>
              ),
            },
            item.deadline
              ? { key: 'Deadline', value: <DeadlineText deadline={item.deadline} /> }
              : { key: 'Submitted', value: submittedText(item) },
            ...(item.progress ? [{ key: 'Progress', value: item.progress.text }] : []),
            ...(item.signOff ? [{ key: 'Sign-off', value: signedOffText(item.signOff) }] : []),
            { key: 'Reference', value: item.reference },
          ]}
        />
        <p>{item.nextStep.summary}</p>
        {item.nextStep.action ? (
          <ButtonLink href={item.nextStep.action.path ? `${base}/${item.nextStep.action.path}` : base}>
            {item.nextStep.action.label}
            <span className="nhsuk-u-visually-hidden"> for {name}</span>
          </ButtonLink>
        ) : null}
      </div>
    </section>
  )
}

/** Submissions of earlier cycles: a table, with late submissions marked. */
export function PastSubmissions({ items, caption }: { items: ToDoItem[]; caption: string }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      responsive
      head={['Organisation', 'Cycle', 'Status', 'Submitted']}
      rows={items.map((item) => [
        item.organisation.name,
        <a key="c" href={`/submissions/${item.id}`}>
          {item.cycle.name}
          <span className="nhsuk-u-visually-hidden"> for {item.organisation.name}</span>
        </a>,
        <SubmissionStatusTag key="s" status={item.status} />,
        <span key="d">
          {submittedText(item)}
          {item.isLate ? (
            <>
              {' '}
              <Tag colour="red">Late</Tag>
            </>
          ) : null}
        </span>,
      ])}
    />
  )
}
