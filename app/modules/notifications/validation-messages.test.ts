// The validation emails of issue 15, item 9: each names what happened, the next step, and links to it.
import { describe, expect, it } from 'vitest'
import {
  moderationNeededMessage,
  NOTIFICATION_KINDS,
  secondValidationCompletedMessage,
  validationOverdueMessage,
  type SubmissionFacts,
} from './messages'

const submission: SubmissionFacts = {
  id: 'sub123',
  reference: 'LKS-2627-RXV',
  organisationName: 'Ribble Valley Teaching Hospitals NHS Foundation Trust',
  libraryServiceName: 'Ribble Valley Library and Knowledge Service',
  cycleName: '2026/27',
}
const origin = 'https://quality.example.nhs.uk'

describe('moderationNeededMessage', () => {
  it('names every outcome to moderate, in order, and links to the agreement page', () => {
    const message = moderationNeededMessage({
      origin,
      submission,
      outcomes: [
        { number: 5, shortTitle: 'Mobilising evidence' },
        { number: 2, shortTitle: 'Strategy' },
      ],
    })
    expect(message.kind).toBe('MODERATION_NEEDED')
    expect(message.subject).toBe(
      'Moderation needed: outcomes 2 and 5 of the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust',
    )
    expect(message.text).toContain('- outcome 2: Strategy\n- outcome 5: Mobilising evidence')
    expect(message.text).toContain('Decide the agreed grade of these outcomes.')
    expect(message.text).toContain('https://quality.example.nhs.uk/submissions/sub123/agreement')
  })

  it('says "this outcome" for one', () => {
    const message = moderationNeededMessage({ origin, submission, outcomes: [{ number: 3, shortTitle: 'Access' }] })
    expect(message.text).toContain('Decide the agreed grade of this outcome.')
  })
})

describe('secondValidationCompletedMessage', () => {
  const base = { origin, submission, primaryAssignmentId: 'asg9', differing: [] as number[] }

  it('asks a primary validator who has not finished to complete their own validation, in their workspace', () => {
    const message = secondValidationCompletedMessage({ ...base, next: 'WAITING' })
    expect(message.kind).toBe('SECOND_VALIDATION_COMPLETED')
    expect(message.text).toContain('Complete your own validation.')
    expect(message.text).toContain('https://quality.example.nhs.uk/validation/assignments/asg9')
  })

  it('asks them to record the agreed result when both agree', () => {
    const message = secondValidationCompletedMessage({ ...base, next: 'AGREEMENT' })
    expect(message.text).toContain('Record the agreed result:')
    expect(message.text).toContain('https://quality.example.nhs.uk/submissions/sub123/agreement')
  })

  it('names the outcomes the regional lead moderates and leaves the others to them', () => {
    const message = secondValidationCompletedMessage({ ...base, next: 'MODERATION', differing: [4, 1] })
    expect(message.text).toContain('outcomes 1 and 4, which the regional lead moderates')
    expect(message.text).toContain('Record the agreed result of the other outcomes')
  })
})

describe('validationOverdueMessage', () => {
  it('names the validator, their role and the due date in London, and links to the assignment', () => {
    const message = validationOverdueMessage({
      origin,
      submission,
      validatorName: 'Priya Shah',
      kind: 'SECONDARY',
      // 11:30pm UTC on 14 June is 15 June in London (BST).
      dueDate: new Date('2027-06-14T23:30:00Z'),
    })
    expect(message.kind).toBe('VALIDATION_OVERDUE')
    expect(message.subject).toBe('Validation overdue: Ribble Valley Teaching Hospitals NHS Foundation Trust, 2026/27')
    expect(message.text).toContain('Priya Shah, the second validator of the 2026/27 submission')
    expect(message.text).toContain('It was due on 15 June 2027.')
    expect(message.text).toContain('https://quality.example.nhs.uk/submissions/sub123/assign')
  })
})

it('lists the new kinds among the notification kinds', () => {
  expect(NOTIFICATION_KINDS).toEqual(
    expect.arrayContaining(['MODERATION_NEEDED', 'SECOND_VALIDATION_COMPLETED', 'VALIDATION_OVERDUE']),
  )
})
