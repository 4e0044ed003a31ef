import type { TaskListStatus } from '~/components/nhs'
import type { TaskStatus } from '~/modules/submissions/progress'

// How each task state reads on the task list (NHS task list pattern: completed is plain text,
// anything still to do is a tag, and tasks that cannot start yet have no link).
const DISPLAY: Record<TaskStatus, { status: TaskListStatus; linked: boolean }> = {
  CANNOT_START: { status: { text: 'Cannot start yet' }, linked: false },
  NOT_STARTED: { status: { text: 'Not started', tag: { colour: 'blue' } }, linked: true },
  IN_PROGRESS: { status: { text: 'In progress', tag: { colour: 'white' } }, linked: true },
  COPIED: { status: { text: 'In progress', tag: { colour: 'white' } }, linked: true },
  COMPLETED: { status: { text: 'Completed' }, linked: true },
  AWAITING_SIGN_OFF: { status: { text: 'Awaiting sign-off', tag: { colour: 'yellow' } }, linked: true },
  SIGNED_OFF: { status: { text: 'Completed' }, linked: true },
  RETURNED: { status: { text: 'Returned', tag: { colour: 'red' } }, linked: true },
  SUBMITTED: { status: { text: 'Completed' }, linked: true },
}

export function taskStatus(status: TaskStatus) {
  return DISPLAY[status]
}
