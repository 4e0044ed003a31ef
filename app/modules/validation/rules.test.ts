import { describe, expect, it } from 'vitest'
import type { Grade, SubLevel } from '~/modules/framework/grading'
import {
  AGREEMENT_TOLERANCE_STEPS,
  agreementOutcome,
  agreementStep,
  decidedBy,
  everyOutcomeAgreed,
  ineligibilityReason,
  mayRecordAgreedGrade,
  isOverdue,
  proposedAgreedGrade,
  requiresRequiredAction,
  type AssignmentTarget,
  type ValidatorCandidate,
} from './rules'

const L0: Grade = { level: 0, subLevel: null }
const g = (level: 1 | 2 | 3 | 4, subLevel: SubLevel): Grade => ({ level, subLevel })

/** Six outcomes all graded `base`, with some outcomes overridden. */
function six(base: Grade, overrides: Record<number, Grade> = {}) {
  return [1, 2, 3, 4, 5, 6].map((outcomeNumber) => ({ outcomeNumber, grade: overrides[outcomeNumber] ?? base }))
}

describe('AGREEMENT_TOLERANCE_STEPS', () => {
  it('is one sub-level step (domain brief §6)', () => {
    expect(AGREEMENT_TOLERANCE_STEPS).toBe(1)
  })
})

describe('agreementOutcome', () => {
  it.each<{ name: string; primary: Grade; secondary: Grade; expected: 'AGREED' | number }>([
    { name: 'identical grades', primary: g(2, 'MEDIUM'), secondary: g(2, 'MEDIUM'), expected: 'AGREED' },
    { name: 'one step within a level', primary: g(2, 'LOW'), secondary: g(2, 'MEDIUM'), expected: 'AGREED' },
    { name: 'one step, the other way round', primary: g(2, 'MEDIUM'), secondary: g(2, 'LOW'), expected: 'AGREED' },
    { name: 'one step across a level boundary', primary: g(2, 'HIGH'), secondary: g(3, 'LOW'), expected: 'AGREED' },
    { name: 'level 0 against level 1 Low (one step)', primary: L0, secondary: g(1, 'LOW'), expected: 'AGREED' },
    { name: 'level 1 Low against level 0 (one step)', primary: g(1, 'LOW'), secondary: L0, expected: 'AGREED' },
    { name: 'both level 0', primary: L0, secondary: L0, expected: 'AGREED' },
    { name: 'two steps within a level', primary: g(2, 'LOW'), secondary: g(2, 'HIGH'), expected: 2 },
    { name: 'two steps across a level boundary', primary: g(2, 'MEDIUM'), secondary: g(3, 'LOW'), expected: 2 },
    { name: 'level 0 against level 1 Medium (two steps)', primary: L0, secondary: g(1, 'MEDIUM'), expected: 2 },
    {
      name: 'same sub-level, adjacent levels (three steps)',
      primary: g(3, 'MEDIUM'),
      secondary: g(2, 'MEDIUM'),
      expected: 3,
    },
    { name: 'the whole scale (twelve steps)', primary: L0, secondary: g(4, 'HIGH'), expected: 12 },
  ])('$name on one outcome -> $expected', ({ primary, secondary, expected }) => {
    const result = agreementOutcome(six(g(2, 'MEDIUM'), { 4: primary }), six(g(2, 'MEDIUM'), { 4: secondary }))
    if (expected === 'AGREED') {
      expect(result).toEqual({ kind: 'AGREED' })
    } else {
      expect(result).toEqual({ kind: 'MODERATION', differing: [{ outcomeNumber: 4, steps: expected }] })
    }
  })

  it('agrees when every outcome differs by exactly one step', () => {
    const primary = six(g(1, 'HIGH'))
    const secondary = six(g(2, 'LOW'))
    expect(agreementOutcome(primary, secondary)).toEqual({ kind: 'AGREED' })
  })

  it('lists only the outcomes that differ by more than one step, in outcome order, with the positive step difference', () => {
    const primary = six(g(2, 'MEDIUM'), { 2: g(4, 'HIGH'), 5: g(1, 'LOW'), 6: g(2, 'HIGH') })
    const secondary = six(g(2, 'MEDIUM'), { 2: g(2, 'HIGH'), 5: g(2, 'LOW') })
    // Outcome 6 differs by one step only (High against Medium), so it is not listed.
    expect(agreementOutcome(primary, secondary)).toEqual({
      kind: 'MODERATION',
      differing: [
        { outcomeNumber: 2, steps: 6 },
        { outcomeNumber: 5, steps: 3 },
      ],
    })
  })

  it('ignores the order of the entries', () => {
    const primary = six(g(2, 'MEDIUM'), { 3: g(3, 'HIGH'), 1: L0 })
    const secondary = six(g(2, 'MEDIUM')).reverse()
    expect(agreementOutcome(primary.reverse(), secondary)).toEqual({
      kind: 'MODERATION',
      differing: [
        { outcomeNumber: 1, steps: 5 },
        { outcomeNumber: 3, steps: 4 },
      ],
    })
  })

  it('works for a framework with any set of outcome numbers', () => {
    const primary = [
      { outcomeNumber: 7, grade: g(1, 'LOW') },
      { outcomeNumber: 3, grade: g(3, 'LOW') },
    ]
    const secondary = [
      { outcomeNumber: 3, grade: g(1, 'LOW') },
      { outcomeNumber: 7, grade: g(1, 'MEDIUM') },
    ]
    expect(agreementOutcome(primary, secondary)).toEqual({
      kind: 'MODERATION',
      differing: [{ outcomeNumber: 3, steps: 6 }],
    })
  })

  const fiveOutcomes = six(g(2, 'MEDIUM')).slice(0, 5)
  const missingGrade = [...six(g(2, 'MEDIUM')).slice(0, 5), { outcomeNumber: 6, grade: null as unknown as Grade }]
  const undefinedGrade = [
    ...six(g(2, 'MEDIUM')).slice(0, 5),
    { outcomeNumber: 6, grade: undefined as unknown as Grade },
  ]
  const invalidGrade = six(g(2, 'MEDIUM'), { 6: { level: 2, subLevel: null } as unknown as Grade })
  const duplicated = [...six(g(2, 'MEDIUM')), { outcomeNumber: 6, grade: g(2, 'MEDIUM') }]
  const otherSix = [1, 2, 3, 4, 5, 7].map((outcomeNumber) => ({ outcomeNumber, grade: g(2, 'MEDIUM') }))
  const badNumber = [...six(g(2, 'MEDIUM')).slice(0, 5), { outcomeNumber: 5.5, grade: g(2, 'MEDIUM') }]

  it.each([
    {
      name: 'the primary list is missing an outcome',
      primary: fiveOutcomes,
      secondary: six(g(2, 'MEDIUM')),
      message: /only the secondary validator graded outcome\(s\) 6/,
    },
    {
      name: 'the secondary list is missing an outcome',
      primary: six(g(2, 'MEDIUM')),
      secondary: fiveOutcomes,
      message: /only the primary validator graded outcome\(s\) 6/,
    },
    {
      name: 'the lists cover different outcomes',
      primary: six(g(2, 'MEDIUM')),
      secondary: otherSix,
      message: /primary validator graded outcome\(s\) 6; only the secondary validator graded outcome\(s\) 7/,
    },
    {
      name: 'one list is empty',
      primary: [],
      secondary: six(g(2, 'MEDIUM')),
      message: /do not cover the same outcomes/,
    },
    { name: 'both lists are empty', primary: [], secondary: [], message: /Neither validator has graded any outcome/ },
    {
      name: 'a primary grade is null',
      primary: missingGrade,
      secondary: six(g(2, 'MEDIUM')),
      message: /primary validator has no grade for outcome 6/,
    },
    {
      name: 'a secondary grade is undefined',
      primary: six(g(2, 'MEDIUM')),
      secondary: undefinedGrade,
      message: /secondary validator has no grade for outcome 6/,
    },
    {
      name: 'a grade is malformed',
      primary: six(g(2, 'MEDIUM')),
      secondary: invalidGrade,
      message: /secondary validator's grade for outcome 6 is invalid/,
    },
    {
      name: 'an outcome is graded twice',
      primary: duplicated,
      secondary: six(g(2, 'MEDIUM')),
      message: /more than one grade for outcome 6/,
    },
    {
      name: 'an outcome number is not an integer',
      primary: badNumber,
      secondary: six(g(2, 'MEDIUM')),
      message: /invalid outcome number: 5.5/,
    },
  ])('throws a RangeError when $name', ({ primary, secondary, message }) => {
    expect(() => agreementOutcome(primary, secondary)).toThrow(RangeError)
    expect(() => agreementOutcome(primary, secondary)).toThrow(message)
  })
})

describe('decidedBy: moderation outcome by outcome', () => {
  it('leaves an outcome within one sub-level to the validators and sends one that differs more to moderation', () => {
    expect(decidedBy(g(2, 'MEDIUM'), g(2, 'MEDIUM'))).toBe('VALIDATORS')
    expect(decidedBy(g(2, 'HIGH'), g(3, 'LOW'))).toBe('VALIDATORS')
    expect(decidedBy(L0, g(1, 'LOW'))).toBe('VALIDATORS')
    expect(decidedBy(g(2, 'LOW'), g(2, 'HIGH'))).toBe('MODERATION')
    expect(decidedBy(g(3, 'HIGH'), g(3, 'LOW'))).toBe('MODERATION')
  })

  it('judges each outcome on its own: one differing outcome does not send the others to moderation', () => {
    const primary = six(g(2, 'MEDIUM'), { 2: g(3, 'HIGH') })
    const secondary = six(g(2, 'HIGH'))
    const byOutcome = primary.map((p) => decidedBy(p.grade, secondary[p.outcomeNumber - 1]!.grade))
    expect(byOutcome).toEqual(['VALIDATORS', 'MODERATION', 'VALIDATORS', 'VALIDATORS', 'VALIDATORS', 'VALIDATORS'])
  })

  it('refuses a malformed grade', () => {
    expect(() => decidedBy({ level: 2, subLevel: null } as unknown as Grade, g(2, 'LOW'))).toThrow(RangeError)
  })
})

describe('mayRecordAgreedGrade', () => {
  const base = { isPrimaryValidator: false, isModerator: false }
  it('lets the primary validator record an agreed outcome in validation and while others are moderated', () => {
    for (const status of ['IN_VALIDATION', 'IN_MODERATION'])
      expect(mayRecordAgreedGrade({ ...base, outcome: 'VALIDATORS', status, isPrimaryValidator: true })).toBe(true)
    expect(
      mayRecordAgreedGrade({ ...base, outcome: 'VALIDATORS', status: 'VALIDATED', isPrimaryValidator: true }),
    ).toBe(false)
  })

  it('leaves a differing outcome to the regional lead, in moderation only', () => {
    expect(mayRecordAgreedGrade({ ...base, outcome: 'MODERATION', status: 'IN_MODERATION', isModerator: true })).toBe(
      true,
    )
    expect(
      mayRecordAgreedGrade({ ...base, outcome: 'MODERATION', status: 'IN_MODERATION', isPrimaryValidator: true }),
    ).toBe(false)
    expect(mayRecordAgreedGrade({ ...base, outcome: 'MODERATION', status: 'IN_VALIDATION', isModerator: true })).toBe(
      false,
    )
  })

  it('does not let the regional lead record an outcome the validators agree on', () => {
    expect(mayRecordAgreedGrade({ ...base, outcome: 'VALIDATORS', status: 'IN_MODERATION', isModerator: true })).toBe(
      false,
    )
  })

  it('lets nobody record before both validators have completed', () => {
    expect(
      mayRecordAgreedGrade({ outcome: null, status: 'IN_VALIDATION', isPrimaryValidator: true, isModerator: true }),
    ).toBe(false)
  })
})

describe('agreementStep: what the home page asks of the person', () => {
  it('is to record while an outcome they may record has no agreed grade', () => {
    const outcomes = [
      { canRecord: true, agreed: true },
      { canRecord: true, agreed: false },
      { canRecord: false, agreed: false },
    ]
    expect(agreementStep({ outcomes, canFinalise: false })).toBe('RECORD')
  })

  it('is nothing while only outcomes for someone else (moderation) are left', () => {
    const outcomes = [
      { canRecord: true, agreed: true },
      { canRecord: false, agreed: false },
    ]
    expect(agreementStep({ outcomes, canFinalise: false })).toBeNull()
  })

  it('is to confirm once every outcome is agreed and they may confirm', () => {
    const outcomes = [
      { canRecord: true, agreed: true },
      { canRecord: false, agreed: true },
    ]
    expect(agreementStep({ outcomes, canFinalise: true })).toBe('CONFIRM')
    expect(agreementStep({ outcomes, canFinalise: false })).toBeNull()
  })
})

describe('everyOutcomeAgreed', () => {
  it('is true only once every outcome has an agreed grade', () => {
    expect(everyOutcomeAgreed([1, 2, 3], [3, 1, 2])).toBe(true)
    expect(everyOutcomeAgreed([1, 2, 3], [1, 3])).toBe(false)
    expect(everyOutcomeAgreed([], [])).toBe(false)
  })
})

describe('proposedAgreedGrade', () => {
  it.each<{ primary: Grade; secondary: Grade }>([
    { primary: g(2, 'MEDIUM'), secondary: g(2, 'MEDIUM') },
    { primary: g(2, 'MEDIUM'), secondary: g(2, 'HIGH') },
    { primary: g(2, 'HIGH'), secondary: g(2, 'MEDIUM') },
    { primary: g(3, 'LOW'), secondary: g(2, 'HIGH') },
    { primary: L0, secondary: g(1, 'LOW') },
    { primary: g(1, 'LOW'), secondary: L0 },
  ])(
    'proposes the primary grade: $primary.level $primary.subLevel against $secondary.level $secondary.subLevel',
    ({ primary, secondary }) => {
      expect(proposedAgreedGrade(primary, secondary)).toEqual(primary)
    },
  )

  it.each<{ primary: Grade; secondary: Grade }>([
    { primary: g(2, 'LOW'), secondary: g(2, 'HIGH') },
    { primary: L0, secondary: g(1, 'MEDIUM') },
    { primary: g(4, 'HIGH'), secondary: g(1, 'LOW') },
  ])(
    'still returns the primary grade, without throwing, when the validators disagree (moderation): $primary.level $primary.subLevel against $secondary.level $secondary.subLevel',
    ({ primary, secondary }) => {
      expect(proposedAgreedGrade(primary, secondary)).toEqual(primary)
    },
  )

  it.each<{ name: string; primary: Grade; secondary: Grade }>([
    { name: 'primary', primary: { level: 5, subLevel: 'LOW' } as unknown as Grade, secondary: g(4, 'HIGH') },
    { name: 'secondary', primary: g(4, 'HIGH'), secondary: { level: 2, subLevel: null } as unknown as Grade },
  ])('refuses a malformed $name grade', ({ primary, secondary }) => {
    expect(() => proposedAgreedGrade(primary, secondary)).toThrow(RangeError)
  })
})

describe('requiresRequiredAction', () => {
  it.each<{ agreed: number; minimum: number | null; expected: boolean }>([
    { agreed: 0, minimum: null, expected: false },
    { agreed: 4, minimum: null, expected: false },
    { agreed: 0, minimum: 0, expected: false },
    { agreed: 0, minimum: 1, expected: true },
    { agreed: 1, minimum: 2, expected: true },
    { agreed: 2, minimum: 2, expected: false },
    { agreed: 3, minimum: 2, expected: false },
    { agreed: 3, minimum: 4, expected: true },
    { agreed: 4, minimum: 4, expected: false },
  ])('agreed level $agreed with minimum $minimum -> $expected', ({ agreed, minimum, expected }) => {
    expect(requiresRequiredAction(agreed, minimum)).toBe(expected)
  })

  it.each<{ agreed: number; minimum: number | null; message: RegExp }>([
    { agreed: -1, minimum: 2, message: /agreed level must be an integer from 0 to 4, got -1/ },
    { agreed: 5, minimum: null, message: /agreed level must be an integer from 0 to 4, got 5/ },
    { agreed: 1.5, minimum: 2, message: /agreed level/ },
    { agreed: Number.NaN, minimum: 2, message: /agreed level/ },
    { agreed: 2, minimum: 5, message: /minimum expected level must be an integer from 0 to 4, got 5/ },
    { agreed: 2, minimum: -1, message: /minimum expected level/ },
    { agreed: 2, minimum: 2.5, message: /minimum expected level/ },
  ])('throws a RangeError for agreed level $agreed with minimum $minimum', ({ agreed, minimum, message }) => {
    expect(() => requiresRequiredAction(agreed, minimum)).toThrow(RangeError)
    expect(() => requiresRequiredAction(agreed, minimum)).toThrow(message)
  })
})

describe('ineligibilityReason', () => {
  const target: AssignmentTarget = { regionId: 'london', organisationId: 'org-a', libraryServiceId: 'lks-a' }
  const candidate = (overrides: Partial<ValidatorCandidate>): ValidatorCandidate => ({
    userId: 'user-1',
    homeRegionId: 'london',
    organisationIds: [],
    libraryServiceIds: [],
    ...overrides,
  })

  it.each<{
    name: string
    who: ValidatorCandidate
    kind: 'PRIMARY' | 'SECONDARY'
    expected: ReturnType<typeof ineligibilityReason>
  }>([
    { name: 'in-region, unconnected', who: candidate({}), kind: 'PRIMARY', expected: null },
    { name: 'in-region, unconnected', who: candidate({}), kind: 'SECONDARY', expected: 'SAME_REGION' },
    {
      name: 'from another region, unconnected',
      who: candidate({ homeRegionId: 'midlands' }),
      kind: 'PRIMARY',
      expected: 'NOT_IN_REGION',
    },
    {
      name: 'from another region, unconnected',
      who: candidate({ homeRegionId: 'midlands' }),
      kind: 'SECONDARY',
      expected: null,
    },
    { name: 'with no home region', who: candidate({ homeRegionId: null }), kind: 'PRIMARY', expected: 'NO_REGION' },
    { name: 'with no home region', who: candidate({ homeRegionId: null }), kind: 'SECONDARY', expected: 'NO_REGION' },
    {
      name: 'in-region with a grant on the organisation',
      who: candidate({ organisationIds: ['org-z', 'org-a'] }),
      kind: 'PRIMARY',
      expected: 'BELONGS_TO_ORGANISATION',
    },
    {
      name: 'in-region with a grant on the submitting library service',
      who: candidate({ libraryServiceIds: ['lks-a'] }),
      kind: 'PRIMARY',
      expected: 'BELONGS_TO_ORGANISATION',
    },
    {
      name: 'from another region with a grant on the organisation',
      who: candidate({ homeRegionId: 'midlands', organisationIds: ['org-a'] }),
      kind: 'SECONDARY',
      expected: 'BELONGS_TO_ORGANISATION',
    },
    {
      name: 'from another region with a grant on the submitting library service',
      who: candidate({ homeRegionId: 'midlands', libraryServiceIds: ['lks-a'] }),
      kind: 'SECONDARY',
      expected: 'BELONGS_TO_ORGANISATION',
    },
    {
      name: 'belonging and with no region (belonging wins)',
      who: candidate({ homeRegionId: null, organisationIds: ['org-a'] }),
      kind: 'PRIMARY',
      expected: 'BELONGS_TO_ORGANISATION',
    },
    {
      name: 'belonging and out of region (belonging wins)',
      who: candidate({ homeRegionId: 'midlands', libraryServiceIds: ['lks-a'] }),
      kind: 'PRIMARY',
      expected: 'BELONGS_TO_ORGANISATION',
    },
    {
      name: 'belonging and in the same region (belonging wins)',
      who: candidate({ organisationIds: ['org-a'] }),
      kind: 'SECONDARY',
      expected: 'BELONGS_TO_ORGANISATION',
    },
    {
      name: 'in-region with grants on other organisations and services only',
      who: candidate({ organisationIds: ['org-b'], libraryServiceIds: ['lks-b'] }),
      kind: 'PRIMARY',
      expected: null,
    },
    {
      name: 'from another region with grants elsewhere only',
      who: candidate({ homeRegionId: 'north-west', organisationIds: ['org-b'], libraryServiceIds: ['lks-b'] }),
      kind: 'SECONDARY',
      expected: null,
    },
  ])('$kind: a candidate $name -> $expected', ({ who, kind, expected }) => {
    expect(ineligibilityReason(who, target, kind)).toBe(expected)
  })

  it('compares region ids exactly', () => {
    expect(ineligibilityReason(candidate({ homeRegionId: 'London' }), target, 'PRIMARY')).toBe('NOT_IN_REGION')
  })
})

describe('isOverdue', () => {
  const due = new Date('2026-03-14T17:00:00.000Z')
  const at = (offsetMs: number) => new Date(due.getTime() + offsetMs)
  const DAY = 24 * 60 * 60 * 1000

  it.each<{ name: string; completedAt: Date | null; now: Date; expected: boolean }>([
    { name: 'open, a day before the due time', completedAt: null, now: at(-DAY), expected: false },
    { name: 'open, a millisecond before the due time', completedAt: null, now: at(-1), expected: false },
    { name: 'open, exactly at the due time', completedAt: null, now: due, expected: false },
    { name: 'open, a millisecond after the due time', completedAt: null, now: at(1), expected: true },
    { name: 'open, a day after the due time', completedAt: null, now: at(DAY), expected: true },
    { name: 'completed early, before the due time', completedAt: at(-DAY), now: at(-1), expected: false },
    { name: 'completed early, judged after the due time', completedAt: at(-DAY), now: at(DAY), expected: false },
    { name: 'completed exactly at the due time', completedAt: due, now: at(DAY), expected: false },
    { name: 'completed late, judged after completion', completedAt: at(DAY), now: at(2 * DAY), expected: false },
    {
      name: 'completed late, judged at the instant of completion',
      completedAt: at(DAY),
      now: at(DAY),
      expected: false,
    },
    {
      name: 'completed late, judged before completion but after the due time',
      completedAt: at(DAY),
      now: at(1),
      expected: true,
    },
    { name: 'completed later, judged before the due time', completedAt: at(DAY), now: at(-1), expected: false },
  ])('$name -> $expected', ({ completedAt, now, expected }) => {
    expect(isOverdue(due, completedAt, now)).toBe(expected)
  })

  it.each<{ name: string; dueDate: Date; completedAt: Date | null; now: Date; message: RegExp }>([
    { name: 'due date', dueDate: new Date('nope'), completedAt: null, now: due, message: /due date/ },
    { name: 'completion time', dueDate: due, completedAt: new Date(Number.NaN), now: due, message: /completion time/ },
    { name: 'current time', dueDate: due, completedAt: null, now: new Date(''), message: /current time/ },
  ])('throws a RangeError for an invalid $name', ({ dueDate, completedAt, now, message }) => {
    expect(() => isOverdue(dueDate, completedAt, now)).toThrow(RangeError)
    expect(() => isOverdue(dueDate, completedAt, now)).toThrow(message)
  })
})
