import { describe, expect, it } from 'vitest'
import {
  gradeDiffersFromSuggestion,
  outcomeProblems,
  penPortraitProblems,
  penPortraitStatus,
  taskStatuses,
  unevidencedIndicators,
  unevidencedToConfirm,
  type OutcomeAnswers,
} from './progress'

const allMet: OutcomeAnswers['indicators'] = [
  { level: 1, status: 'MET' },
  { level: 1, status: 'MET' },
  { level: 2, status: 'MET' },
  { level: 2, status: 'NOT_MET' },
  { level: 2, status: 'NOT_MET' },
]

const answers = (over: Partial<OutcomeAnswers> = {}): OutcomeAnswers => ({
  number: 3,
  narrative: 'Our needs analysis covered every directorate.',
  indicators: allMet,
  selfLevel: 2,
  selfSubLevel: 'LOW',
  selfGradeReason: '',
  ...over,
})

describe('outcome problems', () => {
  it('has none for a complete outcome graded as suggested', () => {
    expect(gradeDiffersFromSuggestion(answers())).toBe(false)
    expect(outcomeProblems(answers())).toEqual([])
  })

  it('names each missing part, in page order', () => {
    expect(
      outcomeProblems(
        answers({ narrative: '   ', selfLevel: null, selfSubLevel: null, indicators: [{ level: 1, status: null }] }),
      ),
    ).toEqual([
      {
        field: 'indicators',
        message: 'Mark every indicator for outcome 3 as met, partly met, not met or not applicable',
      },
      { field: 'narrative', message: 'Enter a narrative for outcome 3' },
      { field: 'selfLevel', message: 'Select a self-assessed level for outcome 3' },
    ])
  })

  it('asks for a reason only when the grade differs from the suggestion', () => {
    const differs = answers({ selfLevel: 2, selfSubLevel: 'HIGH' })
    expect(gradeDiffersFromSuggestion(differs)).toBe(true)
    expect(outcomeProblems(differs)).toEqual([
      {
        field: 'selfGradeReason',
        message: 'Give a reason why your grade for outcome 3 differs from the suggested grade',
      },
    ])
    expect(
      outcomeProblems({ ...differs, selfGradeReason: 'Board papers show wider reach than the indicators capture.' }),
    ).toEqual([])
  })
})

describe('pen portrait', () => {
  it('is not started, in progress or completed', () => {
    expect(penPortraitStatus({ exists: false, organisations: [], staffPosts: 0 })).toBe('NOT_STARTED')
    expect(
      penPortraitStatus({ exists: true, organisations: [{ staffHeadcount: 4000, staffWte: null }], staffPosts: 0 }),
    ).toBe('IN_PROGRESS')
    expect(
      penPortraitStatus({ exists: true, organisations: [{ staffHeadcount: null, staffWte: null }], staffPosts: 2 }),
    ).toBe('IN_PROGRESS')
    expect(
      penPortraitStatus({ exists: true, organisations: [{ staffHeadcount: null, staffWte: 3500.5 }], staffPosts: 2 }),
    ).toBe('COMPLETED')
  })

  it('says what is missing', () => {
    expect(penPortraitProblems({ exists: false, organisations: [], staffPosts: 0 })).toEqual([
      'Complete the pen portrait',
    ])
    expect(
      penPortraitProblems({ exists: true, organisations: [{ staffHeadcount: null, staffWte: null }], staffPosts: 0 }),
    ).toEqual([
      'Enter the staff headcount or WTE of every organisation in the pen portrait',
      'Add at least one library and knowledge service post to the pen portrait',
    ])
  })
})

describe('task list', () => {
  const outcomes = [1, 2, 3, 4, 5, 6].map((number) => ({ number, status: 'COMPLETED' as const, copiedForward: false }))

  it('cannot start sign-off or submission until everything is completed', () => {
    const tasks = taskStatuses({
      submissionStatus: 'IN_PROGRESS',
      penPortrait: 'IN_PROGRESS',
      outcomes,
      signOff: { kind: 'NOT_SENT' },
    })
    expect(tasks).toMatchObject({ signOff: 'CANNOT_START', submit: 'CANNOT_START', readyForSignOff: false })
  })

  it('opens sign-off when complete, and submission once signed off', () => {
    expect(
      taskStatuses({
        submissionStatus: 'IN_PROGRESS',
        penPortrait: 'COMPLETED',
        outcomes,
        signOff: { kind: 'NOT_SENT' },
      }),
    ).toMatchObject({ signOff: 'NOT_STARTED', submit: 'CANNOT_START', readyForSignOff: true })
    expect(
      taskStatuses({
        submissionStatus: 'AWAITING_SIGN_OFF',
        penPortrait: 'COMPLETED',
        outcomes,
        signOff: { kind: 'AWAITING' },
      }),
    ).toMatchObject({ signOff: 'AWAITING_SIGN_OFF', submit: 'CANNOT_START' })
    const signedOff = taskStatuses({
      submissionStatus: 'AWAITING_SIGN_OFF',
      penPortrait: 'COMPLETED',
      outcomes,
      signOff: { kind: 'SIGNED_OFF', signerName: 'A', signerRole: 'B', at: new Date() },
    })
    expect(signedOff).toMatchObject({ signOff: 'SIGNED_OFF', submit: 'NOT_STARTED' })
    expect(
      taskStatuses({
        submissionStatus: 'SUBMITTED',
        penPortrait: 'COMPLETED',
        outcomes,
        signOff: { kind: 'SIGNED_OFF', signerName: 'A', signerRole: 'B', at: new Date() },
      }),
    ).toMatchObject({ signOff: 'SIGNED_OFF', submit: 'SUBMITTED' })
  })

  it('shows a returned submission, and outcomes copied from the last cycle until edited', () => {
    const tasks = taskStatuses({
      submissionStatus: 'IN_PROGRESS',
      penPortrait: 'COMPLETED',
      outcomes: [
        { number: 1, status: 'IN_PROGRESS', copiedForward: true },
        { number: 2, status: 'NOT_STARTED', copiedForward: false },
      ],
      signOff: { kind: 'RETURNED', reason: 'Add the budget', at: new Date() },
    })
    expect(tasks.outcomes).toEqual([
      { number: 1, status: 'COPIED' },
      { number: 2, status: 'NOT_STARTED' },
    ])
    expect(tasks.signOff).toBe('RETURNED')
  })
})

describe('indicators without evidence, before an outcome is completed', () => {
  const indicators = [
    { id: 'a', code: '2.1.1', level: 1 },
    { id: 'b', code: '2.1.2', level: 1 },
    { id: 'c', code: '2.2.1', level: 2 },
    { id: 'd', code: '2.3.1', level: 3 },
  ]

  it('names those of the claimed level and below that have no evidence', () => {
    expect(unevidencedIndicators(indicators, 2, new Set(['b']))).toEqual([
      { id: 'a', code: '2.1.1' },
      { id: 'c', code: '2.2.1' },
    ])
    expect(unevidencedIndicators(indicators, null, new Set())).toEqual([])
  })

  it('warns only of the ones the person has not already chosen to complete without', () => {
    const unevidenced = unevidencedIndicators(indicators, 2, new Set())
    expect(unevidencedToConfirm(unevidenced, []).map((i) => i.code)).toEqual(['2.1.1', '2.1.2', '2.2.1'])
    expect(unevidencedToConfirm(unevidenced, ['a', 'c']).map((i) => i.code)).toEqual(['2.1.2'])
    expect(unevidencedToConfirm(unevidenced, ['a', 'b', 'c'])).toEqual([])
  })
})
