import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Dashboard } from '~/modules/dashboards/model'
import { VIEW_WIDTH } from './bars'
import {
  CalibrationChart,
  formatDifferences,
  summariseCalibration,
  type CalibrationChartProps,
} from './calibration-chart'
import { DIVERGING_FILLS } from '~/modules/charts/palette'
import {
  byClass,
  byTag,
  expectAccessibleSvg,
  one,
  parse,
  segmentsOf,
  suppress,
  svgOf,
  tableOf,
  text,
  textNodes,
} from './test-markup'

type Row = Dashboard['calibration'][number]
const CALIBRATION: Row[] = [
  {
    outcomeNumber: 1,
    compared: 40,
    above: 12,
    equal: 20,
    below: 8,
    differences: [
      { steps: -1, count: 6 },
      { steps: 2, count: 3 },
      { steps: -3, count: 2 },
      { steps: 1, count: 9 },
    ],
  },
  { outcomeNumber: 2, compared: 40, above: 30, equal: 10, below: 0, differences: [{ steps: 1, count: 30 }] },
  { outcomeNumber: 3, compared: 0, above: 0, equal: 0, below: 0, differences: [] },
  {
    outcomeNumber: 4,
    compared: 30,
    above: 7,
    equal: 17,
    below: 6,
    differences: [
      { steps: -1, count: 6 },
      { steps: 1, count: 7 },
    ],
  },
]

function render(props: Partial<CalibrationChartProps> = {}) {
  const html = renderToStaticMarkup(<CalibrationChart calibration={CALIBRATION} id="calibration" {...props} />)
  return { html, root: parse(html) }
}

describe('CalibrationChart', () => {
  const { html, root } = render()
  const svg = svgOf(root)
  const rows = byClass(svg, 'app-chart__row')

  it('is one named image with a title and a description, and uses no inline styles', () => {
    const { name, description } = expectAccessibleSvg(root, svg)
    expect(name).toBe('Self-assessed against agreed grades')
    expect(description).toContain('lower than the agreed grade extend to the left and higher ones to the right')
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('summarises which outcomes were most often rated higher and lower, naming ties', () => {
    expect(text(one(byClass(root, 'app-chart__summary'), 'summary'))).toBe(
      'Self-assessments were most often higher than the agreed grade for outcome 2 (75%) and most often lower for outcomes 1 and 4 (20%).',
    )
  })

  it('has a data table with counts, percentages and the step differences', () => {
    const { caption, head, rows: body } = tableOf(root)
    expect(caption).toBe('Self-assessed against agreed grades')
    expect(head).toEqual([
      'Outcome',
      'Rated higher than agreed',
      'Same',
      'Rated lower',
      'Compared',
      'Differences in sub-level steps (self minus agreed)',
    ])
    expect(body).toEqual([
      ['Outcome 1', '12 (30%)', '20 (50%)', '8 (20%)', '40', '+1: 9, +2: 3, −1: 6, −3: 2'],
      ['Outcome 2', '30 (75%)', '10 (25%)', '0 (0%)', '40', '+1: 30'],
      ['Outcome 3', '0', '0', '0', '0', 'None'],
      ['Outcome 4', '7 (23%)', '17 (57%)', '6 (20%)', '30', '+1: 7, −1: 6'],
    ])
  })

  it('puts rated lower on the left, the same in the middle and rated higher on the right, in their colours', () => {
    const first = segmentsOf(rows[0]!)
    expect(first.map((s) => s.key)).toEqual(['lower', 'same', 'higher'])
    expect(byClass(rows[0]!, 'app-chart__bar').map((bar) => bar.attrs.fill)).toEqual([
      DIVERGING_FILLS.lower.fill,
      DIVERGING_FILLS.same.fill,
      DIVERGING_FILLS.higher.fill,
    ])
    expect(segmentsOf(rows[1]!).map((s) => s.key)).toEqual(['same', 'higher']) // none lower: not drawn
    expect(segmentsOf(rows[2]!)).toEqual([])
  })

  it('centres every bar on the middle of its "same" part, on one centre line', () => {
    const line = one(byClass(svg, 'app-chart__centre-line'), 'centre line')
    const centre = Number(line.attrs.x1)
    for (const row of [rows[0]!, rows[1]!, rows[3]!]) {
      const segments = segmentsOf(row)
      const same = segments.find((s) => s.key === 'same')!
      expect(same.x + same.width / 2).toBeCloseTo(centre, 1)
      segments
        .slice(1)
        .forEach((segment, index) => expect(segment.x).toBeCloseTo(segments[index]!.x + segments[index]!.width, 1))
    }
  })

  it('draws widths in proportion to the share of each outcome compared, on one scale, using the whole width', () => {
    const shares: Record<string, number[]> = {
      0: [8 / 40, 20 / 40, 12 / 40],
      1: [10 / 40, 30 / 40],
      3: [6 / 30, 17 / 30, 7 / 30],
    }
    const scales = Object.entries(shares).flatMap(([index, expected]) =>
      segmentsOf(rows[Number(index)]!).map((segment, i) => segment.width / expected[i]!),
    )
    for (const scale of scales) expect(scale).toBeCloseTo(scales[0]!, 1)
    const lefts = [0, 1, 3].map((i) => segmentsOf(rows[i]!)[0]!.x)
    const rights = [0, 1, 3].map((i) => segmentsOf(rows[i]!).at(-1)!)
    expect(Math.min(...lefts)).toBeCloseTo(4, 1) // outcome 4 reaches furthest left
    expect(Math.max(...rights.map((s) => s.x + s.width))).toBeCloseTo(VIEW_WIDTH - 4, 1) // outcome 2 furthest right
  })

  it('labels segments with count and percentage, or just the count when narrow', () => {
    expect(segmentsOf(rows[0]!).map((s) => s.label)).toEqual(['8 (20%)', '20 (50%)', '12 (30%)'])
    expect(segmentsOf(rows[1]!).map((s) => s.label)).toEqual(['10 (25%)', '30 (75%)'])
    expect(segmentsOf(rows[0]!)[0]!.tooltip).toBe('Outcome 1, Rated lower than agreed: 8 (20%)')
  })

  it('notes the number compared above each bar', () => {
    expect(rows.map((row) => text(one(byClass(row, 'app-chart__note'), 'note')))).toEqual([
      '40 compared',
      '40 compared',
      'None compared',
      '30 compared',
    ])
  })

  it('has a key saying which side is which', () => {
    expect(byTag(one(byClass(root, 'app-chart__key'), 'key'), 'li').map(text)).toEqual([
      'Rated lower than agreed (left), vertical lines',
      'Same as agreed (centre)',
      'Rated higher than agreed (right), dotted',
    ])
  })

  describe('with small numbers hidden', () => {
    const { root: hiddenRoot } = render({ format: suppress })
    const hiddenSvg = svgOf(hiddenRoot)
    const hiddenRows = byClass(hiddenSvg, 'app-chart__row')

    it('shows the formatter’s text in the table, with no percentage for a hidden count', () => {
      expect(tableOf(hiddenRoot).rows[3]).toEqual(['Outcome 4', '<10', '17 (57%)', '<10', '30', '+1: <10, −1: <10'])
      expect(tableOf(hiddenRoot).rows[0]).toEqual([
        'Outcome 1',
        '12 (30%)',
        '20 (50%)',
        '<10',
        '40',
        '+1: <10, +2: <10, −1: <10, −3: <10',
      ])
    })

    it('never prints a hidden count, or a percentage of one, in the chart or the summary', () => {
      const svgText = textNodes(hiddenSvg).join(' | ')
      expect(svgText).not.toMatch(/\b[6-8]\b/)
      expect(svgText).not.toMatch(/\b(20|23)%/) // 8 of 40, 6 of 30 and 7 of 30
      const summary = text(one(byClass(hiddenRoot, 'app-chart__summary'), 'summary'))
      expect(summary).toBe('Self-assessments were most often higher than the agreed grade for outcome 2 (75%).')
    })

    it('draws hidden parts hatched, unlabelled and the same width whatever their count', () => {
      const fourth = segmentsOf(hiddenRows[3]!)
      expect(fourth.map((s) => [s.key, s.hidden, s.label])).toEqual([
        ['lower', true, null],
        ['same', false, '17 (57%)'],
        ['higher', true, null],
      ])
      expect(fourth[0]!.width).toBeCloseTo(fourth[2]!.width, 5)
      expect(fourth.map((s) => s.tooltip)).toEqual([
        'Outcome 4, Rated lower than agreed: <10',
        'Outcome 4, Same as agreed: 17 (57%)',
        'Outcome 4, Rated higher than agreed: <10',
      ])
    })
  })

  it('shows a message, and no chart or table, when nothing has been compared', () => {
    const { root: empty } = render({ calibration: [CALIBRATION[2]!] })
    expect(text(empty)).toBe('No outcome has both a self-assessed and an agreed grade yet.')
    expect(byTag(empty, 'svg')).toHaveLength(0)
    expect(byTag(empty, 'table')).toHaveLength(0)
  })
})

describe('summariseCalibration', () => {
  const row = (outcomeNumber: number, above: number, equal: number, below: number): Row => ({
    outcomeNumber,
    above,
    equal,
    below,
    compared: above + equal + below,
    differences: [],
  })

  it.each([
    {
      name: 'only higher',
      rows: [row(1, 10, 30, 0), row(2, 20, 20, 0)],
      expected: 'Self-assessments were most often higher than the agreed grade for outcome 2 (50%).',
    },
    {
      name: 'only lower',
      rows: [row(1, 0, 30, 10), row(2, 0, 30, 10)],
      expected: 'Self-assessments were most often lower than the agreed grade for outcomes 1 and 2 (25%).',
    },
    {
      name: 'all the same',
      rows: [row(1, 0, 30, 0), row(3, 0, 12, 0)],
      expected: 'Every self-assessed grade matched the agreed grade.',
    },
    {
      name: 'nothing compared',
      rows: [row(1, 0, 0, 0)],
      expected: 'No outcome has both a self-assessed and an agreed grade yet.',
    },
  ])('$name', ({ rows, expected }) => {
    expect(summariseCalibration(rows)).toBe(expected)
  })

  it('falls back to pointing at the table when every difference is hidden', () => {
    expect(summariseCalibration([row(1, 3, 30, 2)], suppress)).toBe(
      'The table below compares self-assessed with agreed grades for each outcome.',
    )
  })
})

describe('formatDifferences', () => {
  it('lists higher self-assessments first, nearest first, with a true minus sign, through the formatter', () => {
    expect(
      formatDifferences([
        { steps: -2, count: 1 },
        { steps: 3, count: 12 },
        { steps: 1, count: 4 },
        { steps: 0, count: 9 },
      ]),
    ).toBe('+1: 4, +3: 12, −2: 1')
    expect(formatDifferences([{ steps: 1, count: 4 }], suppress)).toBe('+1: <10')
    expect(formatDifferences([{ steps: 1, count: 0 }])).toBe('None')
  })
})
