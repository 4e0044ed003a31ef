// What the service should do next on a submission, how far it has got and how long is left: the
// home page's to-do list and the task list read these. Pure: the server gathers the data.
import { calendarDaysBetween, formatDate } from '~/utils/dates'
import type { SignOffState, Tasks } from './progress'
import type { SubmissionStatus } from './status'

/**
 * The late rule, in one place: a submission is on time on any day up to and including the deadline
 * day in London, and late from the next day. The deadline is stored as its calendar day.
 */
export function isLateSubmission(submittedAt: Date, deadline: Date): boolean {
  return calendarDaysBetween(deadline, submittedAt) > 0
}

export const LATE_RULE =
  'You can still submit after the deadline, but the submission will be marked as late and the regional team will see that it was late.'

export type DeadlineState = { text: string; overdue: boolean }

/** "Due 29 January 2027, in 59 days", "Due today, 29 January 2027", "Overdue: was due 29 January 2027, 3 days ago". */
export function deadlineState(deadline: Date, now: Date): DeadlineState {
  const days = calendarDaysBetween(now, deadline)
  const date = formatDate(deadline)
  const plural = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`
  if (days > 0) return { text: `Due ${date}, in ${plural(days)}`, overdue: false }
  if (days === 0) return { text: `Due today, ${date}`, overdue: false }
  return { text: `Overdue: the deadline was ${date}, ${plural(-days)} ago`, overdue: true }
}

/** The sections a service completes before submitting: the pen portrait, each outcome and sign-off. */
export function progressFigure(tasks: Pick<Tasks, 'penPortrait' | 'outcomes' | 'signOff'>): {
  completed: number
  total: number
  text: string
} {
  const done = (s: string) => s === 'COMPLETED' || s === 'SIGNED_OFF' || s === 'SUBMITTED'
  const statuses = [tasks.penPortrait, ...tasks.outcomes.map((o) => o.status), tasks.signOff]
  const completed = statuses.filter(done).length
  const total = statuses.length
  return { completed, total, text: `${completed} of ${total} sections completed` }
}

export type NextStepInput = {
  status: SubmissionStatus
  /** Present while the submission has not been submitted. */
  tasks: Pick<Tasks, 'readyForSignOff'> | null
  signOff: SignOffState
  /** What the person may do: the service lead sends and submits, contributors edit, the sponsor signs off. */
  may: { edit: boolean; sendAndSubmit: boolean; answerClarification: boolean; editPlan: boolean; signOff: boolean }
  /** Published results only: required actions not yet covered by a development plan item. */
  uncoveredRequiredActions: number
}

export type NextStep = {
  /** The primary button, when there is something for this person to do. */
  action: { label: string; path: string } | null
  /** What is happening, in a sentence. */
  summary: string
}

const step = (label: string, path: string, summary: string): NextStep => ({ action: { label, path }, summary })
const wait = (summary: string): NextStep => ({ action: null, summary })

/** The one next step for this person on this submission; `path` is relative to the submission's page. */
export function nextStep(input: NextStepInput): NextStep {
  const { status, may, signOff } = input
  switch (status) {
    case 'NOT_STARTED':
    case 'IN_PROGRESS': {
      if (!may.edit) return wait('The library service is writing the submission.')
      const returned = signOff.kind === 'RETURNED' ? 'The executive sponsor returned it: ' + signOff.reason : null
      if (input.tasks?.readyForSignOff) {
        if (may.sendAndSubmit)
          return step('Check and send for sign-off', 'check', returned ?? 'Every section is complete.')
        return wait('Every section is complete. Your service lead can now send it for sign-off.')
      }
      return step('Continue', '', returned ?? (status === 'NOT_STARTED' ? 'Not started yet.' : 'In progress.'))
    }
    case 'AWAITING_SIGN_OFF':
      if (signOff.kind === 'SIGNED_OFF') {
        if (may.sendAndSubmit) return step('Submit', 'check', 'Signed off: ready to submit.')
        return wait('Signed off: your service lead can now submit it.')
      }
      if (may.signOff)
        return step(
          'Review and sign off',
          'sign-off',
          'Sent to you for sign-off: sign it off or return it with a reason.',
        )
      return wait('Waiting for the executive sponsor to sign it off.')
    case 'SUBMITTED':
      return wait('Submitted: waiting for the regional team to assign validators.')
    case 'IN_VALIDATION':
      return wait('Being validated.')
    case 'CLARIFICATION_REQUESTED':
      if (may.answerClarification)
        return step('Answer the clarification', 'clarifications', 'The validators have asked a question.')
      return wait('The validators have asked a question: your service lead answers it.')
    case 'IN_MODERATION':
    case 'VALIDATED':
      return wait('Being validated: the result is not published yet.')
    case 'PUBLISHED':
      if (input.uncoveredRequiredActions > 0 && may.editPlan)
        return step(
          'Update your development plan',
          'development-plan',
          `The result is published with ${input.uncoveredRequiredActions} required ${input.uncoveredRequiredActions === 1 ? 'action' : 'actions'} not yet in your development plan.`,
        )
      return step('Read your result', 'result', 'The result is published.')
  }
}
