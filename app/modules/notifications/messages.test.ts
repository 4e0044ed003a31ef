import { describe, expect, it } from 'vitest'
import {
  clarificationAnsweredMessage,
  clarificationRequestedMessage,
  deadlineReminderMessage,
  outcomeList,
  portalLink,
  resultPublishedMessage,
  returnedBySponsorMessage,
  sentForSignOffMessage,
  signedOffBySponsorMessage,
  submissionReceiptMessage,
  submittedMessage,
  validatorAssignedMessage,
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
// 29 January 2027 at midnight in London (GMT); 11:30pm UTC on 14 June 2027 is already 15 June in
// London (BST): the date shown is London's.
const deadline = new Date('2027-01-29T00:00:00Z')
const summerLate = new Date('2027-06-14T23:30:00Z')

describe('portalLink', () => {
  it('makes an absolute link with or without a trailing slash on the origin', () => {
    expect(portalLink('https://quality.example.nhs.uk', '/submissions/a')).toBe(
      'https://quality.example.nhs.uk/submissions/a',
    )
    expect(portalLink('https://quality.example.nhs.uk/', '/submissions/a')).toBe(
      'https://quality.example.nhs.uk/submissions/a',
    )
    expect(portalLink('http://localhost:3000', '/validation/assignments/x')).toBe(
      'http://localhost:3000/validation/assignments/x',
    )
  })
})

describe('outcomeList', () => {
  it('names outcomes in order, once each, in plain English', () => {
    expect(outcomeList([4])).toBe('outcome 4')
    expect(outcomeList([5, 2])).toBe('outcomes 2 and 5')
    expect(outcomeList([4, 1, 3, 1])).toBe('outcomes 1, 3 and 4')
    expect(outcomeList([])).toBe('the submission as a whole')
  })
})

describe('workflow messages', () => {
  it('asks the sponsor to sign off, with the sign-off page and the deadline', () => {
    const message = sentForSignOffMessage({ origin, submission, submissionDeadline: deadline })
    expect(message.kind).toBe('SENT_FOR_SIGN_OFF')
    expect(message.subject).toBe(
      'Sign off the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust',
    )
    expect(message.text).toContain(
      'Ribble Valley Library and Knowledge Service has sent the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust (LKS-2627-RXV) to you to sign off.',
    )
    expect(message.text).toContain('\nhttps://quality.example.nhs.uk/submissions/sub123/sign-off\n')
    expect(message.text).toContain('by 29 January 2027')
    expect(message.text).toMatch(/Do not reply to it: replies are not read\.\n$/)
  })

  it('gives the service leads the sponsor’s reason for returning it', () => {
    const message = returnedBySponsorMessage({
      origin,
      submission,
      sponsorName: 'Dr Aisha Rahman',
      reason: '  Outcome 3 needs the 2026 survey.\nPlease add it. ',
    })
    expect(message.kind).toBe('RETURNED_BY_SPONSOR')
    expect(message.subject).toBe(
      'The 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust has been returned to you',
    )
    expect(message.text).toContain('Dr Aisha Rahman, the executive sponsor, has returned')
    expect(message.text).toContain('Their reason:\nOutcome 3 needs the 2026 survey.\nPlease add it.\n')
    expect(message.text).toContain('https://quality.example.nhs.uk/submissions/sub123\n')
  })

  it('tells the service leads who signed off and when, in London time, with the link to submit', () => {
    const message = signedOffBySponsorMessage({
      origin,
      submission,
      sponsorName: 'Dr Aisha Rahman',
      sponsorRole: 'Chief Medical Officer',
      signedOffAt: summerLate,
      submissionDeadline: deadline,
    })
    expect(message.kind).toBe('SIGNED_OFF_BY_SPONSOR')
    expect(message.subject).toBe(
      'The 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust has been signed off',
    )
    expect(message.text).toContain(
      'Dr Aisha Rahman, Chief Medical Officer, signed off the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust (LKS-2627-RXV) on 15 June 2027 at 12:30am.',
    )
    expect(message.text).toContain(
      'submit it by 29 January 2027:\nhttps://quality.example.nhs.uk/submissions/sub123/check\n',
    )
  })

  it('gives a receipt with the reference, the time in London and whether it was late', () => {
    const late = submissionReceiptMessage({
      origin,
      submission,
      submittedAt: summerLate,
      submissionDeadline: deadline,
      isLate: true,
    })
    expect(late.kind).toBe('SUBMISSION_RECEIPT')
    expect(late.subject).toBe(
      'Submission received: LKS-2627-RXV, Ribble Valley Teaching Hospitals NHS Foundation Trust, 2026/27',
    )
    expect(late.text).toContain('Reference: LKS-2627-RXV')
    expect(late.text).toContain('on 15 June 2027 at 12:30am (UK time).')
    expect(late.text).toContain('It was submitted late: the deadline was 29 January 2027.')
    expect(late.text).toContain('https://quality.example.nhs.uk/submissions/sub123\n')
    const onTime = submissionReceiptMessage({
      origin,
      submission,
      submittedAt: new Date('2027-01-20T10:00:00Z'),
      submissionDeadline: deadline,
      isLate: false,
    })
    expect(onTime.text).toContain('on 20 January 2027 at 10:00am (UK time).')
    expect(onTime.text).toContain('It was submitted on time: the deadline was 29 January 2027.')
    expect(onTime.text).not.toContain('late')
  })

  it('tells the regional lead of a submission, and says when it was late', () => {
    const onTime = submittedMessage({
      origin,
      submission,
      regionName: 'North West',
      submittedAt: new Date('2027-01-20T10:00:00Z'),
      submissionDeadline: deadline,
      isLate: false,
    })
    expect(onTime.kind).toBe('SUBMITTED')
    expect(onTime.subject).toBe(
      'Ribble Valley Teaching Hospitals NHS Foundation Trust has submitted its 2026/27 submission',
    )
    expect(onTime.text).toContain(
      'submitted the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust (LKS-2627-RXV) on 20 January 2027.',
    )
    expect(onTime.text).toContain('As regional lead for North West')
    expect(onTime.text).toContain('https://quality.example.nhs.uk/submissions/sub123/assign')
    expect(onTime.text).not.toContain('late')
    const late = submittedMessage({
      origin,
      submission,
      regionName: 'North West',
      submittedAt: new Date('2027-02-02T10:00:00Z'),
      submissionDeadline: deadline,
      isLate: true,
    })
    expect(late.text).toContain('It was submitted late: the deadline was 29 January 2027.')
  })

  it('tells each validator their place, the due date in London time and their workspace', () => {
    const primary = validatorAssignedMessage({
      origin,
      submission,
      assignmentId: 'asg1',
      kind: 'PRIMARY',
      dueDate: summerLate,
    })
    expect(primary.kind).toBe('VALIDATOR_ASSIGNED')
    expect(primary.subject).toBe(
      'Validate the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust by 15 June 2027',
    )
    expect(primary.text).toContain('the primary validator (from the submission’s region)')
    expect(primary.text).toContain('finish your validation by 15 June 2027')
    expect(primary.text).toContain('https://quality.example.nhs.uk/validation/assignments/asg1')
    const second = validatorAssignedMessage({
      origin,
      submission,
      assignmentId: 'asg2',
      kind: 'SECONDARY',
      dueDate: deadline,
    })
    expect(second.text).toContain('the second validator (from another region)')
    expect(second.text).not.toContain('primary')
  })

  it('names the outcomes a validator asked about, in order', () => {
    const message = clarificationRequestedMessage({
      origin,
      submission,
      outcomes: [
        { number: 5, shortTitle: 'Quality improvement' },
        { number: 2, shortTitle: 'Evidence for decisions' },
      ],
    })
    expect(message.kind).toBe('CLARIFICATION_REQUESTED')
    expect(message.subject).toBe('A validator has questions about outcomes 2 and 5 of your 2026/27 submission')
    expect(message.text).toContain(
      'They have asked about:\n- outcome 2: Evidence for decisions\n- outcome 5: Quality improvement\n',
    )
    expect(message.text).toContain('https://quality.example.nhs.uk/submissions/sub123/clarifications')
  })

  it('tells a validator the service has answered, with the outcomes it could change', () => {
    const message = clarificationAnsweredMessage({ origin, submission, assignmentId: 'asg2', outcomeNumbers: [3] })
    expect(message.kind).toBe('CLARIFICATION_ANSWERED')
    expect(message.subject).toBe(
      'Ribble Valley Teaching Hospitals NHS Foundation Trust has answered your questions about its 2026/27 submission',
    )
    expect(message.text).toContain('They could change outcome 3.')
    expect(message.text).toContain('https://quality.example.nhs.uk/validation/assignments/asg2')
    expect(
      clarificationAnsweredMessage({ origin, submission, assignmentId: 'asg2', outcomeNumbers: [] }).text,
    ).not.toContain('could change')
  })

  it('links the published result, and the development plan only when there are required actions', () => {
    const none = resultPublishedMessage({ origin, submission, requiredActions: 0 })
    expect(none.kind).toBe('RESULT_PUBLISHED')
    expect(none.subject).toBe(
      'The result of the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust is ready',
    )
    expect(none.text).toContain('https://quality.example.nhs.uk/submissions/sub123/result')
    expect(none.text).not.toContain('development-plan')
    expect(resultPublishedMessage({ origin, submission, requiredActions: 1 }).text).toContain(
      'There is 1 required action. Add it to your development plan:\nhttps://quality.example.nhs.uk/submissions/sub123/development-plan',
    )
    expect(resultPublishedMessage({ origin, submission, requiredActions: 3 }).text).toContain(
      'There are 3 required actions. Add them to your development plan:',
    )
  })
})

describe('deadlineReminderMessage', () => {
  it('counts the days left and says what is still to do', () => {
    const fourteen = deadlineReminderMessage({
      origin,
      submission,
      days: 14,
      submissionDeadline: deadline,
      status: 'NOT_STARTED',
    })
    expect(fourteen.kind).toBe('DEADLINE_REMINDER')
    expect(fourteen.subject).toBe(
      '14 days left: submit the 2026/27 submission for Ribble Valley Teaching Hospitals NHS Foundation Trust by 29 January 2027',
    )
    expect(fourteen.text).toContain('is 29 January 2027, in 14 days.')
    expect(fourteen.text).toContain('You have not started it yet.')
    expect(fourteen.text).toContain('https://quality.example.nhs.uk/submissions/sub123\n')
    const one = deadlineReminderMessage({
      origin,
      submission,
      days: 1,
      submissionDeadline: deadline,
      status: 'AWAITING_SIGN_OFF',
    })
    expect(one.subject).toMatch(/^1 day left: /)
    expect(one.text).toContain('is 29 January 2027, tomorrow.')
    expect(one.text).toContain('waiting for the executive sponsor to sign it off')
    const seven = deadlineReminderMessage({
      origin,
      submission,
      days: 7,
      submissionDeadline: deadline,
      status: 'IN_PROGRESS',
    })
    expect(seven.subject).toMatch(/^7 days left: /)
    expect(seven.text).toContain('Finish the pen portrait and every outcome')
  })
})
