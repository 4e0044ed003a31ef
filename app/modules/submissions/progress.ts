// What is left to do on a submission: the task list's statuses and the check-your-answers problems.
// Pure: the server modules gather the data, these rules decide.
import { gradesEqual, suggestGrade, toGrade, type IndicatorStatus } from '~/modules/framework/grading'

import { isNotYetSubmitted, type ResponseStatus } from './status'

export { RESPONSE_STATUSES, type ResponseStatus } from './status'

export type OutcomeAnswers = {
  number: number
  narrative: string
  indicators: Array<{ level: 1 | 2 | 3 | 4; status: IndicatorStatus | null }>
  selfLevel: number | null
  selfSubLevel: string | null
  selfGradeReason: string
}

export type OutcomeProblem = { field: 'narrative' | 'indicators' | 'selfLevel' | 'selfGradeReason'; message: string }

/** Whether the chosen grade differs from the one the indicator statuses suggest. */
export function gradeDiffersFromSuggestion(
  answers: Pick<OutcomeAnswers, 'indicators' | 'selfLevel' | 'selfSubLevel'>,
): boolean {
  const chosen = toGrade(answers.selfLevel, answers.selfSubLevel)
  if (!chosen.ok) return false
  return !gradesEqual(chosen.grade, suggestGrade(answers.indicators))
}

/** What stops an outcome being marked as completed, in the order the page shows the fields. */
export function outcomeProblems(answers: OutcomeAnswers): OutcomeProblem[] {
  const problems: OutcomeProblem[] = []
  const n = answers.number
  if (answers.indicators.some((i) => i.status === null))
    problems.push({
      field: 'indicators',
      message: `Mark every indicator for outcome ${n} as met, partly met, not met or not applicable`,
    })
  if (!answers.narrative.trim()) problems.push({ field: 'narrative', message: `Enter a narrative for outcome ${n}` })
  if (answers.selfLevel === null)
    problems.push({ field: 'selfLevel', message: `Select a self-assessed level for outcome ${n}` })
  else if (gradeDiffersFromSuggestion(answers) && !answers.selfGradeReason.trim()) {
    problems.push({
      field: 'selfGradeReason',
      message: `Give a reason why your grade for outcome ${n} differs from the suggested grade`,
    })
  }
  return problems
}

export type PenPortraitAnswers = {
  exists: boolean
  organisations: Array<{ staffHeadcount: number | null; staffWte: number | null }>
  staffPosts: number
}

export function penPortraitStatus(answers: PenPortraitAnswers): ResponseStatus {
  if (!answers.exists) return 'NOT_STARTED'
  const complete =
    answers.staffPosts > 0 &&
    answers.organisations.length > 0 &&
    answers.organisations.every((o) => o.staffHeadcount !== null || o.staffWte !== null)
  return complete ? 'COMPLETED' : 'IN_PROGRESS'
}

export function penPortraitProblems(answers: PenPortraitAnswers): string[] {
  const problems: string[] = []
  if (!answers.exists) return ['Complete the pen portrait']
  if (answers.organisations.some((o) => o.staffHeadcount === null && o.staffWte === null))
    problems.push('Enter the staff headcount or WTE of every organisation in the pen portrait')
  if (answers.staffPosts === 0) problems.push('Add at least one library and knowledge service post to the pen portrait')
  return problems
}

export type SignOffState =
  | { kind: 'NOT_SENT' }
  | { kind: 'AWAITING' }
  | { kind: 'SIGNED_OFF'; signerName: string; signerRole: string; at: Date }
  | { kind: 'RETURNED'; reason: string; at: Date }

export type TaskStatus =
  | 'CANNOT_START'
  | 'NOT_STARTED'
  | 'IN_PROGRESS'
  | 'COPIED'
  | 'COMPLETED'
  | 'AWAITING_SIGN_OFF'
  | 'SIGNED_OFF'
  | 'RETURNED'
  | 'SUBMITTED'

export type TaskListInput = {
  submissionStatus: string
  penPortrait: ResponseStatus
  outcomes: Array<{ number: number; status: ResponseStatus; copiedForward: boolean }>
  signOff: SignOffState
}

export type Tasks = {
  penPortrait: TaskStatus
  outcomes: Array<{ number: number; status: TaskStatus }>
  signOff: TaskStatus
  submit: TaskStatus
  readyForSignOff: boolean
}

export function taskStatuses(input: TaskListInput): Tasks {
  const submitted = !isNotYetSubmitted(input.submissionStatus)
  const outcomeStatus = (o: TaskListInput['outcomes'][number]): TaskStatus =>
    o.status === 'IN_PROGRESS' && o.copiedForward ? 'COPIED' : o.status
  const readyForSignOff =
    input.penPortrait === 'COMPLETED' &&
    input.outcomes.length > 0 &&
    input.outcomes.every((o) => o.status === 'COMPLETED')
  let signOff: TaskStatus
  if (submitted || input.signOff.kind === 'SIGNED_OFF') signOff = 'SIGNED_OFF'
  else if (input.signOff.kind === 'AWAITING') signOff = 'AWAITING_SIGN_OFF'
  else if (input.signOff.kind === 'RETURNED') signOff = 'RETURNED'
  else signOff = readyForSignOff ? 'NOT_STARTED' : 'CANNOT_START'
  const submit: TaskStatus = submitted ? 'SUBMITTED' : signOff === 'SIGNED_OFF' ? 'NOT_STARTED' : 'CANNOT_START'
  return {
    penPortrait: input.penPortrait,
    outcomes: input.outcomes.map((o) => ({ number: o.number, status: outcomeStatus(o) })),
    signOff,
    submit,
    readyForSignOff,
  }
}

/**
 * The indicators of the claimed level and below that no evidence is linked to, by code: a warning,
 * not a problem (the narrative may explain them). No level claimed, no warning.
 */
export function unevidencedIndicators(
  indicators: ReadonlyArray<{ id: string; code: string; level: number }>,
  claimedLevel: number | null,
  linkedIndicatorIds: ReadonlySet<string>,
): Array<{ id: string; code: string }> {
  if (claimedLevel === null) return []
  return indicators
    .filter((i) => i.level <= claimedLevel && !linkedIndicatorIds.has(i.id))
    .map((i) => ({ id: i.id, code: i.code }))
}

/**
 * Before an outcome is marked as completed, the unevidenced indicators the person has not yet been
 * warned of: none left, and it is completed; otherwise the page shows them first.
 */
export function unevidencedToConfirm<Indicator extends { id: string }>(
  unevidenced: readonly Indicator[],
  acknowledgedIds: readonly string[],
): Indicator[] {
  const acknowledged = new Set(acknowledgedIds)
  return unevidenced.filter((i) => !acknowledged.has(i.id))
}
