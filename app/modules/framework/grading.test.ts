import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SUB_LEVEL_RULE,
  INDICATOR_STATUSES,
  INDICATOR_STATUS_LABELS,
  LEVELS,
  SUB_LEVELS,
  SUB_LEVEL_LABELS,
  chartValue,
  compareGrades,
  formatGrade,
  gradeToSteps,
  gradesEqual,
  isValidGrade,
  stepsToGrade,
  suggestGrade,
  toGrade,
  type Grade,
  type IndicatorOutcome,
  type IndicatorStatus,
  type SubLevel,
  type SubLevelRule,
} from './grading'

const L0: Grade = { level: 0, subLevel: null }
const g = (level: 1 | 2 | 3 | 4, subLevel: SubLevel): Grade => ({ level, subLevel })

/** All 13 grades in ascending order. */
const ALL_GRADES: Grade[] = [
  L0,
  g(1, 'LOW'),
  g(1, 'MEDIUM'),
  g(1, 'HIGH'),
  g(2, 'LOW'),
  g(2, 'MEDIUM'),
  g(2, 'HIGH'),
  g(3, 'LOW'),
  g(3, 'MEDIUM'),
  g(3, 'HIGH'),
  g(4, 'LOW'),
  g(4, 'MEDIUM'),
  g(4, 'HIGH'),
]

/** A grade object that bypasses the type system, as an unchecked cast from stored data would. */
const badGrade = (level: unknown, subLevel: unknown): Grade => ({ level, subLevel }) as unknown as Grade

describe('constants', () => {
  it('lists levels, sub-levels and statuses in order', () => {
    expect(LEVELS).toEqual([0, 1, 2, 3, 4])
    expect(SUB_LEVELS).toEqual(['LOW', 'MEDIUM', 'HIGH'])
    expect(INDICATOR_STATUSES).toEqual(['MET', 'PARTLY_MET', 'NOT_MET', 'NOT_APPLICABLE'])
  })

  it('has British English labels for every sub-level and status', () => {
    expect(SUB_LEVEL_LABELS).toEqual({ LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' })
    expect(INDICATOR_STATUS_LABELS).toEqual({
      MET: 'Met',
      PARTLY_MET: 'Partly met',
      NOT_MET: 'Not met',
      NOT_APPLICABLE: 'Not applicable',
    })
  })

  it('defaults to thirds', () => {
    expect(DEFAULT_SUB_LEVEL_RULE).toEqual({ lowUpTo: 1 / 3, mediumUpTo: 2 / 3 })
  })
})

describe('toGrade', () => {
  // Every level 1..4 (number and string) with every sub-level spelling.
  const validCombinations: [unknown, unknown, Grade][] = []
  for (const level of [1, 2, 3, 4] as const) {
    for (const subLevel of SUB_LEVELS) {
      for (const levelInput of [level, String(level), ` ${level} `]) {
        for (const subInput of [subLevel, subLevel.toLowerCase(), SUB_LEVEL_LABELS[subLevel], ` ${subLevel} `]) {
          validCombinations.push([levelInput, subInput, { level, subLevel }])
        }
      }
    }
  }
  for (const levelInput of [0, '0', ' 0 ']) {
    for (const subInput of [null, undefined, '', '   ']) {
      validCombinations.push([levelInput, subInput, L0])
    }
  }

  it('covers 4 levels x 3 sub-levels x 3 level spellings x 4 sub-level spellings, plus level 0', () => {
    expect(validCombinations).toHaveLength(4 * 3 * 3 * 4 + 3 * 4)
  })

  it.each(validCombinations)('accepts level %j with sub-level %j', (level, subLevel, grade) => {
    expect(toGrade(level, subLevel)).toEqual({ ok: true, grade })
  })

  it.each([
    [2, 'medium', g(2, 'MEDIUM')],
    ['2', 'Medium', g(2, 'MEDIUM')],
    [4, 'hIgH', g(4, 'HIGH')],
    ['1', 'low', g(1, 'LOW')],
  ])('normalises %j / %j to upper case', (level, subLevel, grade) => {
    const result = toGrade(level, subLevel)
    expect(result).toEqual({ ok: true, grade })
  })

  it.each([
    // LEVEL_REQUIRED
    ['', 'LOW', 'LEVEL_REQUIRED'],
    ['   ', null, 'LEVEL_REQUIRED'],
    [null, 'LOW', 'LEVEL_REQUIRED'],
    [undefined, undefined, 'LEVEL_REQUIRED'],
    [null, 'nonsense', 'LEVEL_REQUIRED'],
    // LEVEL_INVALID
    [5, 'LOW', 'LEVEL_INVALID'],
    [-1, 'LOW', 'LEVEL_INVALID'],
    [1.5, 'LOW', 'LEVEL_INVALID'],
    [Number.NaN, 'LOW', 'LEVEL_INVALID'],
    [Number.POSITIVE_INFINITY, 'LOW', 'LEVEL_INVALID'],
    ['5', 'LOW', 'LEVEL_INVALID'],
    ['-1', 'LOW', 'LEVEL_INVALID'],
    ['1.5', 'LOW', 'LEVEL_INVALID'],
    ['1.0', 'LOW', 'LEVEL_INVALID'],
    ['02', 'LOW', 'LEVEL_INVALID'],
    ['abc', 'LOW', 'LEVEL_INVALID'],
    ['Level 2', 'LOW', 'LEVEL_INVALID'],
    [true, 'LOW', 'LEVEL_INVALID'],
    [{ level: 2 }, 'LOW', 'LEVEL_INVALID'],
    [[2], 'LOW', 'LEVEL_INVALID'],
    ['abc', 'nonsense', 'LEVEL_INVALID'], // level errors win over sub-level errors
    // SUB_LEVEL_NOT_ALLOWED
    [0, 'LOW', 'SUB_LEVEL_NOT_ALLOWED'],
    ['0', 'low', 'SUB_LEVEL_NOT_ALLOWED'],
    [0, 'HIGH', 'SUB_LEVEL_NOT_ALLOWED'],
    [0, 'nonsense', 'SUB_LEVEL_NOT_ALLOWED'],
    [0, 1, 'SUB_LEVEL_NOT_ALLOWED'],
    // SUB_LEVEL_REQUIRED
    [1, null, 'SUB_LEVEL_REQUIRED'],
    [2, undefined, 'SUB_LEVEL_REQUIRED'],
    ['3', '', 'SUB_LEVEL_REQUIRED'],
    [4, '  ', 'SUB_LEVEL_REQUIRED'],
    // SUB_LEVEL_INVALID
    [1, 'VERY_HIGH', 'SUB_LEVEL_INVALID'],
    [2, 'med', 'SUB_LEVEL_INVALID'],
    [3, 'Partly', 'SUB_LEVEL_INVALID'],
    [4, 2, 'SUB_LEVEL_INVALID'],
    ['2', true, 'SUB_LEVEL_INVALID'],
    [2, ['LOW'], 'SUB_LEVEL_INVALID'],
  ])('rejects level %j with sub-level %j as %s', (level, subLevel, error) => {
    expect(toGrade(level, subLevel)).toEqual({ ok: false, error })
  })
})

describe('isValidGrade', () => {
  it.each(ALL_GRADES.map((grade) => [grade.level, grade.subLevel] as const))(
    'accepts canonical level %j with sub-level %j',
    (level, subLevel) => {
      expect(isValidGrade(level, subLevel)).toBe(true)
    },
  )

  it('accepts level 0 with an undefined sub-level', () => {
    expect(isValidGrade(0, undefined)).toBe(true)
  })

  it.each([
    [0, 'LOW'],
    [0, ''],
    [1, null],
    [2, undefined],
    [3, ''],
    [2, 'low'],
    [2, 'Medium'],
    [4, 'VERY_HIGH'],
    [5, 'LOW'],
    [-1, 'LOW'],
    [1.5, 'LOW'],
    [Number.NaN, null],
  ] as const)('rejects level %j with sub-level %j', (level, subLevel) => {
    expect(isValidGrade(level, subLevel)).toBe(false)
  })
})

describe('gradeToSteps and stepsToGrade', () => {
  it.each(ALL_GRADES.map((grade, steps) => [formatGrade(grade), grade, steps] as const))(
    '%s is %# steps and round-trips',
    (_label, grade, steps) => {
      expect(gradeToSteps(grade)).toBe(steps)
      expect(stepsToGrade(steps)).toEqual(grade)
      expect(stepsToGrade(gradeToSteps(grade))).toEqual(grade)
    },
  )

  it('maps the ends and a middle grade as documented', () => {
    expect(gradeToSteps(L0)).toBe(0)
    expect(gradeToSteps(g(1, 'LOW'))).toBe(1)
    expect(gradeToSteps(g(2, 'MEDIUM'))).toBe(5)
    expect(gradeToSteps(g(4, 'HIGH'))).toBe(12)
  })

  it.each([-1, 13, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('stepsToGrade(%s) throws a RangeError', (steps) => {
    expect(() => stepsToGrade(steps)).toThrow(RangeError)
  })

  it.each([
    [0, 'LOW'],
    [1, null],
    [2, 'low'],
    [5, 'HIGH'],
    [undefined, undefined],
  ])('gradeToSteps rejects a malformed grade (level %j, sub-level %j)', (level, subLevel) => {
    expect(() => gradeToSteps(badGrade(level, subLevel))).toThrow(RangeError)
  })
})

describe('chartValue', () => {
  it('is strictly increasing over all grades in order', () => {
    const values = ALL_GRADES.map(chartValue)
    for (let i = 1; i < values.length; i += 1) {
      expect(values[i]).toBeGreaterThan(values[i - 1] as number)
    }
  })

  it.each([
    [L0, 0],
    [g(1, 'LOW'), 1 / 3],
    [g(1, 'MEDIUM'), 2 / 3],
    [g(1, 'HIGH'), 1],
    [g(2, 'LOW'), 4 / 3],
    [g(2, 'HIGH'), 2],
    [g(3, 'MEDIUM'), 8 / 3],
    [g(4, 'HIGH'), 4],
  ])('chartValue(%j) is %d', (grade, value) => {
    expect(chartValue(grade)).toBe(value)
  })

  it.each(ALL_GRADES.slice(1).map((grade) => [formatGrade(grade), grade] as const))(
    '%s equals (L - 1) + sub-level share and steps / 3',
    (_label, grade) => {
      if (grade.level === 0) throw new Error('unreachable: level 0 was sliced off')
      const share = { LOW: 1 / 3, MEDIUM: 2 / 3, HIGH: 1 }[grade.subLevel]
      expect(chartValue(grade)).toBeCloseTo(grade.level - 1 + share, 12)
      expect(chartValue(grade)).toBe(gradeToSteps(grade) / 3)
    },
  )

  it('rejects a malformed grade', () => {
    expect(() => chartValue(badGrade(2, null))).toThrow(RangeError)
  })
})

describe('compareGrades and gradesEqual', () => {
  it.each([
    [g(2, 'HIGH'), g(3, 'LOW'), -1],
    [g(3, 'LOW'), g(2, 'HIGH'), 1],
    [L0, g(1, 'LOW'), -1],
    [g(1, 'LOW'), L0, 1],
    [L0, L0, 0],
    [g(2, 'MEDIUM'), g(2, 'MEDIUM'), 0],
    [g(4, 'HIGH'), L0, 12],
    [g(1, 'HIGH'), g(3, 'MEDIUM'), -5],
    [g(2, 'LOW'), g(1, 'MEDIUM'), 2],
  ])('compareGrades(%j, %j) is %d steps', (a, b, diff) => {
    expect(compareGrades(a, b)).toBe(diff)
    expect(gradesEqual(a, b)).toBe(diff === 0)
  })

  it('treats equal grades held in different objects as equal', () => {
    expect(gradesEqual({ level: 3, subLevel: 'LOW' }, { level: 3, subLevel: 'LOW' })).toBe(true)
    expect(gradesEqual({ level: 0, subLevel: null }, { level: 0, subLevel: null })).toBe(true)
    expect(gradesEqual(g(3, 'LOW'), g(3, 'MEDIUM'))).toBe(false)
  })

  it('orders every pair of distinct grades consistently with their position', () => {
    ALL_GRADES.forEach((a, i) => {
      ALL_GRADES.forEach((b, j) => {
        expect(compareGrades(a, b)).toBe(i - j)
      })
    })
  })
})

describe('formatGrade', () => {
  it.each([
    [L0, 'Level 0'],
    [g(1, 'LOW'), 'Level 1, Low'],
    [g(2, 'MEDIUM'), 'Level 2, Medium'],
    [g(3, 'HIGH'), 'Level 3, High'],
    [g(4, 'HIGH'), 'Level 4, High'],
  ])('formats %j as %s', (grade, text) => {
    expect(formatGrade(grade)).toBe(text)
  })

  it('gives every grade a distinct label', () => {
    expect(new Set(ALL_GRADES.map(formatGrade)).size).toBe(13)
  })

  it('rejects a malformed grade', () => {
    expect(() => formatGrade(badGrade(0, 'LOW'))).toThrow(RangeError)
  })
})

describe('suggestGrade', () => {
  type S = IndicatorStatus | null
  const M: S = 'MET'
  const P: S = 'PARTLY_MET'
  const N: S = 'NOT_MET'
  const X: S = 'NOT_APPLICABLE'
  const U: S = null

  /** Builds indicators from per-level status lists: [level 1, level 2, level 3, level 4]. */
  const build = (...levels: S[][]): IndicatorOutcome[] =>
    levels.flatMap((statuses, i) => statuses.map((status) => ({ level: (i + 1) as 1 | 2 | 3 | 4, status })))

  const allMet = [M, M, M]

  it.each<[string, IndicatorOutcome[], Grade]>([
    ['nothing assessed', build([U, U], [U, U, U], [U, U], [U, U]), L0],
    ['nothing met at level 1', build([N, P, U], allMet, allMet, allMet), L0],
    ['level 1: 1 of 3 met', build([M, N, N], [U], [U], [U]), g(1, 'LOW')],
    ['level 1: 2 of 3 met', build([M, M, N], [U], [U], [U]), g(1, 'MEDIUM')],
    ['level 1: 3 of 4 met', build([M, M, M, N], [U], [U], [U]), g(1, 'HIGH')],
    ['level 1 met, 1 of 3 level 2 met', build(allMet, [M, N, N], [N], [N]), g(2, 'LOW')],
    ['level 1 met, 2 of 3 level 2 met', build(allMet, [M, M, N], [N], [N]), g(2, 'MEDIUM')],
    ['level 1 met, 3 of 4 level 2 met', build(allMet, [M, M, M, N], [N], [N]), g(2, 'HIGH')],
    ['level 1 met, 1 of 4 level 2 met', build(allMet, [M, N, N, N], [N], [N]), g(2, 'LOW')],
    ['level 1 met, 2 of 4 level 2 met', build(allMet, [M, M, N, N], [N], [N]), g(2, 'MEDIUM')],
    ['levels 1-2 met, none of level 3', build(allMet, allMet, [N, N, U], [N]), g(2, 'HIGH')],
    ['levels 1-3 met, none of level 4', build(allMet, allMet, allMet, [N, P]), g(3, 'HIGH')],
    ['levels 1-3 met, 1 of 2 level 4 met', build(allMet, allMet, allMet, [M, P]), g(4, 'MEDIUM')],
    ['all met', build(allMet, allMet, allMet, allMet), g(4, 'HIGH')],
    [
      'a level-1 indicator not met while everything above is met',
      build([M, N], allMet, allMet, allMet),
      g(1, 'MEDIUM'),
    ],
    [
      'a level-1 indicator not met (3 of 4) while everything above is met',
      build([M, M, M, N], allMet, allMet, allMet),
      g(1, 'HIGH'),
    ],
    ['met indicators above A+1 do not raise the suggestion', build(allMet, [N, N], allMet, allMet), g(1, 'HIGH')],
    ['level 2 gap skipped over: level 3 progress is ignored', build(allMet, [M, N, N], [M, M, N], allMet), g(2, 'LOW')],
  ])('%s', (_name, indicators, expected) => {
    expect(suggestGrade(indicators)).toEqual(expected)
  })

  it.each<[string, IndicatorOutcome[], Grade]>([
    ['partly met does not count towards the share', build(allMet, [M, P, P], [U], [U]), g(2, 'LOW')],
    ['partly met does not achieve a level', build(allMet, [M, M, P], allMet, allMet), g(2, 'MEDIUM')],
    ['all partly met counts as nothing met', build([P, P, P], [U], [U], [U]), L0],
    ['not assessed blocks achievement like not met', build(allMet, [M, M, U], allMet, allMet), g(2, 'MEDIUM')],
  ])('partly met and not assessed: %s', (_name, indicators, expected) => {
    expect(suggestGrade(indicators)).toEqual(expected)
  })

  it.each<[string, IndicatorOutcome[], Grade]>([
    ['N/A excluded from the share (1 of 3 applicable -> Low)', build(allMet, [M, N, N, X, X], [U], [U]), g(2, 'LOW')],
    ['N/A excluded from the share (1 of 2 applicable -> Medium)', build(allMet, [M, N, X], [U], [U]), g(2, 'MEDIUM')],
    ['N/A does not block achievement', build([M, X], [M, M, X], [M, X, X], [M]), g(4, 'HIGH')],
    ['N/A does not block a level below an unmet one', build([M, X], [X, N, N], [U], [U]), g(1, 'HIGH')],
    ['an all-N/A level 2 is achieved when level 1 is', build(allMet, [X, X], [M, N, N], [N]), g(3, 'LOW')],
    ['an all-N/A level 2 with nothing met at level 3', build(allMet, [X, X], [N, N], [N]), g(2, 'HIGH')],
    ['an all-N/A level 1 with nothing met at level 2', build([X, X], [N, U], [N], [N]), L0],
    ['an all-N/A level 1 with 1 of 2 met at level 2', build([X], [M, N], [N], [N]), g(2, 'MEDIUM')],
    ['an all-N/A top level', build(allMet, allMet, allMet, [X, X]), g(4, 'HIGH')],
    [
      'a level with no indicators at all is achieved if those below are',
      build(allMet, [], [M, N, N, N], [N]),
      g(3, 'LOW'),
    ],
    ['a missing level 4 after levels 1-3 met', build(allMet, allMet, allMet), g(4, 'HIGH')],
  ])('not applicable: %s', (_name, indicators, expected) => {
    expect(suggestGrade(indicators)).toEqual(expected)
  })

  it.each<[string, IndicatorOutcome[]]>([
    ['no indicators at all', []],
    ['every indicator N/A', build([X, X], [X], [X, X], [X])],
    ['levels 1-3 N/A, nothing met at level 4', build([X], [X], [X], [N, U])],
    ['levels 1-2 N/A, nothing met at level 3', build([X], [X, X], [N, P], [N])],
    ['level 1 N/A, nothing met at level 2, level 3 met (ignored)', build([X], [N, N], [M, M], [M])],
    ['no level 1 indicators, nothing met at level 2', build([], [N])],
  ])('suggests Level 0 when no indicator of levels 1..A+1 is met: %s', (_name, indicators) => {
    expect(suggestGrade(indicators)).toEqual(L0)
  })

  it.each<[string, IndicatorOutcome[], Grade]>([
    ['level 1 N/A, level 2 met, nothing met at level 3', build([X], [M, X], [N, N], [N]), g(2, 'HIGH')],
    ['levels 1-3 N/A, 1 of 3 met at level 4', build([X], [X], [X], [M, N, N]), g(4, 'LOW')],
    ['levels 1-3 N/A, level 4 met', build([X], [X], [X], [M]), g(4, 'HIGH')],
  ])('vacuous levels still count once something is met: %s', (_name, indicators, expected) => {
    expect(suggestGrade(indicators)).toEqual(expected)
  })

  const ofN = (met: number, total: number): S[] => [...Array<S>(met).fill(M), ...Array<S>(total - met).fill(N)]

  it.each<[number, number, SubLevel]>([
    [1, 3, 'LOW'], // exactly 1/3
    [2, 6, 'LOW'],
    [3, 9, 'LOW'],
    [10, 30, 'LOW'],
    [33, 99, 'LOW'],
    [4, 11, 'MEDIUM'], // just over 1/3
    [2, 3, 'MEDIUM'], // exactly 2/3
    [4, 6, 'MEDIUM'],
    [6, 9, 'MEDIUM'],
    [20, 30, 'MEDIUM'],
    [66, 99, 'MEDIUM'],
    [7, 10, 'HIGH'], // just over 2/3
    [67, 99, 'HIGH'],
    [1, 4, 'LOW'],
    [2, 5, 'MEDIUM'],
    [3, 5, 'MEDIUM'],
    [4, 5, 'HIGH'],
  ])('default boundaries: %i of %i met at level 2 -> %s', (met, total, subLevel) => {
    expect(suggestGrade(build(allMet, ofN(met, total)))).toEqual(g(2, subLevel))
  })

  it('applies the same boundaries at every working level', () => {
    expect(suggestGrade(build(ofN(1, 3)))).toEqual(g(1, 'LOW'))
    expect(suggestGrade(build(allMet, allMet, ofN(2, 3)))).toEqual(g(3, 'MEDIUM'))
    expect(suggestGrade(build(allMet, allMet, allMet, ofN(2, 6)))).toEqual(g(4, 'LOW'))
  })

  it('does not depend on the order of the indicators', () => {
    const indicators = build(allMet, [M, M, N], [M, N])
    expect(suggestGrade([...indicators].reverse())).toEqual(g(2, 'MEDIUM'))
    expect(suggestGrade(indicators)).toEqual(g(2, 'MEDIUM'))
  })

  it('accepts the default rule passed explicitly', () => {
    expect(suggestGrade(build(allMet, ofN(1, 3)), DEFAULT_SUB_LEVEL_RULE)).toEqual(g(2, 'LOW'))
  })

  describe('with a custom rule', () => {
    const quarters: SubLevelRule = { lowUpTo: 0.25, mediumUpTo: 0.5 }

    it.each<[number, number, SubLevel, SubLevel]>([
      // met, total, with quarters, with the default rule
      [1, 4, 'LOW', 'LOW'],
      [1, 3, 'MEDIUM', 'LOW'],
      [2, 4, 'MEDIUM', 'MEDIUM'],
      [3, 5, 'HIGH', 'MEDIUM'],
      [2, 3, 'HIGH', 'MEDIUM'],
      [3, 4, 'HIGH', 'HIGH'],
    ])('%i of %i met -> %s (default rule: %s)', (met, total, withQuarters, withDefault) => {
      const indicators = build(allMet, ofN(met, total))
      expect(suggestGrade(indicators, quarters)).toEqual(g(2, withQuarters))
      expect(suggestGrade(indicators)).toEqual(g(2, withDefault))
    })

    it('does not change the achieved-level and no-progress rules', () => {
      expect(suggestGrade(build(allMet, allMet, allMet, allMet), quarters)).toEqual(g(4, 'HIGH'))
      expect(suggestGrade(build(allMet, ofN(0, 3)), quarters)).toEqual(g(1, 'HIGH'))
      expect(suggestGrade(build(ofN(0, 3)), quarters)).toEqual(L0)
    })
  })

  it.each<[string, SubLevelRule]>([
    ['lowUpTo of 0', { lowUpTo: 0, mediumUpTo: 0.5 }],
    ['negative lowUpTo', { lowUpTo: -0.1, mediumUpTo: 0.5 }],
    ['lowUpTo equal to mediumUpTo', { lowUpTo: 0.5, mediumUpTo: 0.5 }],
    ['lowUpTo above mediumUpTo', { lowUpTo: 0.7, mediumUpTo: 0.3 }],
    ['mediumUpTo of 1', { lowUpTo: 0.3, mediumUpTo: 1 }],
    ['mediumUpTo above 1', { lowUpTo: 0.3, mediumUpTo: 1.5 }],
    ['NaN lowUpTo', { lowUpTo: Number.NaN, mediumUpTo: 0.5 }],
    ['NaN mediumUpTo', { lowUpTo: 0.3, mediumUpTo: Number.NaN }],
    ['infinite mediumUpTo', { lowUpTo: 0.3, mediumUpTo: Number.POSITIVE_INFINITY }],
    ['non-numeric thresholds', { lowUpTo: '0.3', mediumUpTo: '0.6' } as unknown as SubLevelRule],
  ])('rejects an invalid rule: %s', (_name, rule) => {
    expect(() => suggestGrade(build(allMet, ofN(1, 3)), rule)).toThrow(RangeError)
    expect(() => suggestGrade([], rule)).toThrow(/0 < lowUpTo < mediumUpTo < 1/)
  })

  it.each<[string, unknown]>([
    ['level 0', { level: 0, status: 'MET' }],
    ['level 5', { level: 5, status: 'MET' }],
    ['level 1.5', { level: 1.5, status: 'MET' }],
    ['a string level', { level: '2', status: 'MET' }],
    ['an unknown status', { level: 1, status: 'DONE' }],
    ['a lower-case status', { level: 1, status: 'met' }],
  ])('rejects an indicator with %s', (_name, indicator) => {
    expect(() => suggestGrade([indicator as IndicatorOutcome])).toThrow(RangeError)
  })

  it('treats an undefined status as not assessed', () => {
    const indicators = [
      { level: 1, status: 'MET' },
      { level: 1, status: undefined },
    ] as unknown as IndicatorOutcome[]
    expect(suggestGrade(indicators)).toEqual(g(1, 'MEDIUM'))
  })

  it('does not mutate its input', () => {
    const indicators = Object.freeze(build(allMet, [M, N]).map((i) => Object.freeze(i)))
    expect(suggestGrade(indicators)).toEqual(g(2, 'MEDIUM'))
    expect(indicators).toHaveLength(5)
  })
})
