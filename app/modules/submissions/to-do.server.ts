// One submission as an item on a person's to-do list: its progress, deadline, sign-off and the
// next step this person can take (the rules are in next-step.ts).
import { prisma } from '~/utils/db.server'
import { can, type Actor } from '~/modules/auth/permissions'
import type { SubmissionContext } from './access.server'
import { deadlineState, nextStep, progressFigure } from './next-step'
import { isNotYetSubmitted } from './status'
import { getSubmissionProgress, signOffState } from './workflow.server'

export async function submissionToDo(actor: Actor, context: SubmissionContext, now = new Date()) {
  const { target, status } = context
  const mayEdit = can(actor, 'submission:edit', target)
  const open = isNotYetSubmitted(status)
  const [progress, signOff, uncoveredRequiredActions] = await Promise.all([
    open && (mayEdit || can(actor, 'submission:sign-off', target)) ? getSubmissionProgress(context) : null,
    signOffState(context),
    status === 'PUBLISHED'
      ? prisma.requiredAction.count({ where: { agreedResult: { submissionId: context.id }, planItems: { none: {} } } })
      : 0,
  ])
  const step = nextStep({
    status,
    tasks: progress?.tasks ?? null,
    signOff,
    may: {
      edit: mayEdit,
      sendAndSubmit: can(actor, 'submission:submit', target),
      answerClarification: can(actor, 'clarification:answer', target),
      editPlan: can(actor, 'development-plan:edit', target),
      signOff: can(actor, 'submission:sign-off', target),
    },
    uncoveredRequiredActions,
  })
  return {
    id: context.id,
    reference: context.reference,
    status,
    organisation: context.organisation,
    cycle: {
      id: context.cycle.id,
      name: context.cycle.name,
      status: context.cycle.status,
      opensAt: context.cycle.opensAt,
    },
    deadline: open ? deadlineState(context.cycle.submissionDeadline, now) : null,
    submissionDeadline: context.cycle.submissionDeadline,
    submittedAt: context.submittedAt,
    isLate: context.isLate ?? false,
    progress: progress ? progressFigure(progress.tasks) : null,
    signOff: signOff.kind === 'SIGNED_OFF' ? signOff : null,
    nextStep: step,
  }
}

export type SubmissionToDo = Awaited<ReturnType<typeof submissionToDo>>
