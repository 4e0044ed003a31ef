import { describe, expect, it } from 'vitest'
import { deadlineState, isLateSubmission, nextStep, progressFigure, type NextStepInput } from './next-step'

const lead = { edit: true, sendAndSubmit: true, answerClarification: true, editPlan: true, signOff: false }
const contributor = { edit: true, sendAndSubmit: false, answerClarification: true, editPlan: true, signOff: false }
const sponsor = { edit: false, sendAndSubmit: false, answerClarification: false, editPlan: false, signOff: true }

const input = (over: Partial<NextStepInput> = {}): NextStepInput => ({
  status: 'IN_PROGRESS',
  tasks: { readyForSignOff: false },
  signOff: { kind: 'NOT_SENT' },
  may: lead,
  uncoveredRequiredActions: 0,
  ...over,
})

describe('next step', () => {
  it('is Continue to the task list while sections are unfinished', () => {
    expect(nextStep(input()).action).toEqual({ label: 'Continue', path: '' })
    expect(nextStep(input({ status: 'NOT_STARTED' })).action).toEqual({ label: 'Continue', path: '' })
    expect(nextStep(input({ may: contributor })).action?.label).toBe('Continue')
  })

  it('is Check and send for sign-off for the lead once every section is complete', () => {
    expect(nextStep(input({ tasks: { readyForSignOff: true } })).action).toEqual({
      label: 'Check and send for sign-off',
      path: 'check',
    })
    const forContributor = nextStep(input({ tasks: { readyForSignOff: true }, may: contributor }))
    expect(forContributor.action).toBeNull()
    expect(forContributor.summary).toContain('service lead can now send it for sign-off')
  })

  it('shows the sponsor’s reason when the submission was returned', () => {
    const step = nextStep(
      input({ signOff: { kind: 'RETURNED', reason: 'Outcome 4 needs the CPD records', at: new Date() } }),
    )
    expect(step.action?.label).toBe('Continue')
    expect(step.summary).toContain('Outcome 4 needs the CPD records')
  })

  it('waits for the sponsor, then is Submit once signed off', () => {
    expect(nextStep(input({ status: 'AWAITING_SIGN_OFF', signOff: { kind: 'AWAITING' } })).action).toBeNull()
    const signedOff = {
      kind: 'SIGNED_OFF' as const,
      signerName: 'Dr Helen Ward',
      signerRole: 'Medical Director',
      at: new Date(),
    }
    expect(nextStep(input({ status: 'AWAITING_SIGN_OFF', signOff: signedOff, tasks: null })).action).toEqual({
      label: 'Submit',
      path: 'check',
    })
    expect(nextStep(input({ status: 'AWAITING_SIGN_OFF', signOff: signedOff, may: contributor })).action).toBeNull()
  })

  it('is Review and sign off for the executive sponsor while it waits for them, and nothing once signed off', () => {
    const awaiting = nextStep(input({ status: 'AWAITING_SIGN_OFF', signOff: { kind: 'AWAITING' }, may: sponsor }))
    expect(awaiting.action).toEqual({ label: 'Review and sign off', path: 'sign-off' })
    const signedOff = {
      kind: 'SIGNED_OFF' as const,
      signerName: 'Dr Helen Ward',
      signerRole: 'Medical Director',
      at: new Date(),
    }
    const done = nextStep(input({ status: 'AWAITING_SIGN_OFF', signOff: signedOff, may: sponsor }))
    expect(done.action).toBeNull()
    expect(done.summary).toContain('service lead can now submit it')
    // Before it is sent, the sponsor has nothing to do.
    expect(nextStep(input({ status: 'IN_PROGRESS', may: sponsor })).action).toBeNull()
  })

  it('has nothing to press while the regional team and validators work', () => {
    for (const status of ['SUBMITTED', 'IN_VALIDATION', 'IN_MODERATION', 'VALIDATED'] as const)
      expect(nextStep(input({ status, tasks: null })).action).toBeNull()
  })

  it('is Answer the clarification when the validators asked', () => {
    expect(nextStep(input({ status: 'CLARIFICATION_REQUESTED' })).action).toEqual({
      label: 'Answer the clarification',
      path: 'clarifications',
    })
    expect(nextStep(input({ status: 'CLARIFICATION_REQUESTED', may: sponsor })).action).toBeNull()
  })

  it('is Update your development plan while required actions are not in it, then Read your result', () => {
    expect(nextStep(input({ status: 'PUBLISHED', uncoveredRequiredActions: 2 })).action).toEqual({
      label: 'Update your development plan',
      path: 'development-plan',
    })
    expect(nextStep(input({ status: 'PUBLISHED', uncoveredRequiredActions: 0 })).action).toEqual({
      label: 'Read your result',
      path: 'result',
    })
    expect(nextStep(input({ status: 'PUBLISHED', uncoveredRequiredActions: 2, may: sponsor })).action?.label).toBe(
      'Read your result',
    )
  })

  it('gives sponsors no editing step', () => {
    expect(nextStep(input({ may: sponsor })).action).toBeNull()
  })
})

describe('deadline', () => {
  const deadline = new Date('2027-01-29T00:00:00Z')

  it('counts London calendar days left', () => {
    expect(deadlineState(deadline, new Date('2026-12-01T10:00:00Z'))).toEqual({
      text: 'Due 29 January 2027, in 59 days',
      overdue: false,
    })
    expect(deadlineState(deadline, new Date('2027-01-28T23:30:00Z')).text).toBe('Due 29 January 2027, in 1 day')
    expect(deadlineState(deadline, new Date('2027-01-29T17:00:00Z'))).toEqual({
      text: 'Due today, 29 January 2027',
      overdue: false,
    })
  })

  it('is overdue from the day after, across the clocks going forward', () => {
    expect(deadlineState(deadline, new Date('2027-02-01T09:00:00Z'))).toEqual({
      text: 'Overdue: the deadline was 29 January 2027, 3 days ago',
      overdue: true,
    })
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): one day after a 30 June deadline.
    expect(deadlineState(new Date('2027-06-30T00:00:00Z'), new Date('2027-06-30T23:30:00Z')).text).toBe(
      'Overdue: the deadline was 30 June 2027, 1 day ago',
    )
  })

  it('marks a submission late only after the deadline day in London', () => {
    expect(isLateSubmission(new Date('2027-01-29T16:00:00Z'), deadline)).toBe(false)
    expect(isLateSubmission(new Date('2027-01-29T23:59:00Z'), deadline)).toBe(false)
    expect(isLateSubmission(new Date('2027-01-30T00:01:00Z'), deadline)).toBe(true)
    expect(isLateSubmission(new Date('2027-06-30T23:30:00Z'), new Date('2027-06-30T00:00:00Z'))).toBe(true)
  })
})

describe('progress figure', () => {
  it('counts the pen portrait, each outcome and sign-off', () => {
    expect(
      progressFigure({
        penPortrait: 'COMPLETED',
        outcomes: [
          { number: 1, status: 'COMPLETED' },
          { number: 2, status: 'COMPLETED' },
          { number: 3, status: 'COPIED' },
          { number: 4, status: 'COMPLETED' },
          { number: 5, status: 'COMPLETED' },
          { number: 6, status: 'NOT_STARTED' },
        ],
        signOff: 'CANNOT_START',
      }),
    ).toEqual({ completed: 5, total: 8, text: '5 of 8 sections completed' })
  })
})
