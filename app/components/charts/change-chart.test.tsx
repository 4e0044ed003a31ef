import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Dashboard } from '~/modules/dashboards/model'
import { ChangeChart, summariseChange, type ChangeChartProps } from './change-chart'
import { DIVERGING_FILLS } from '~/modules/charts/palette'
import {
  byClass,
  byTag,
  expectAccessibleSvg,
  figuresText,
  one,
  parse,
  segmentsOf,
  suppress,
  svgOf,
  tableOf,
  text,
} from './test-markup'

type Row = Dashboard['change'][number]
const row = (outcomeNumber: number, improved: number, same: number, declined: number): Row => ({
  outcomeNumber,
  improved,
  same,
  declined,
  compared: improved + same + declined,
})
const CHANGE: Row[] = [row(1, 12, 15, 3), row(2, 5, 20, 5), row(3, 0, 0, 0)]
const PREVIOUS = { id: 'c-2023', name: '2023 to 2024' }

function render(props: Partial<ChangeChartProps> = {}) {
  const html = renderToStaticMarkup(
    <ChangeChart
      change={CHANGE}
      previousCycle={PREVIOUS}
      outcomes={[{ number: 2, shortTitle: 'Resources' }]}
      id="change"
      {...props}
    />,
  )
  return { html, root: parse(html) }
}

describe('ChangeChart', () => {
  const { html, root } = render()
  const svg = svgOf(root)
  const rows = byClass(svg, 'app-chart__row')

  it('is one named image, titled with the previous cycle, with no inline styles', () => {
    const { name, description } = expectAccessibleSvg(root, svg)
    expect(name).toBe('Change in agreed grades since 2023 to 2024')
    expect(description).toContain('declines extend to the left and improvements to the right')
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('summarises where grades improved and declined most often', () => {
    expect(text(one(byClass(root, 'app-chart__summary'), 'summary'))).toBe(
      'Since 2023 to 2024, agreed grades improved most often on outcome 1 (40%) and declined most often on outcome 2 (17%).',
    )
  })

  it('has a data table: Outcome | Improved | Same | Declined | Compared', () => {
    const { caption, head, rows: body } = tableOf(root)
    expect(caption).toBe('Change in agreed grades since 2023 to 2024')
    expect(head).toEqual(['Outcome', 'Improved', 'Same', 'Declined', 'Compared'])
    expect(body).toEqual([
      ['Outcome 1', '12 (40%)', '15 (50%)', '3 (10%)', '30'],
      ['Outcome 2: Resources', '5 (17%)', '20 (67%)', '5 (17%)', '30'],
      ['Outcome 3', '0', '0', '0', '0'],
    ])
  })

  it('draws declined on the left, same in the middle and improved on the right, sized by their counts', () => {
    const first = segmentsOf(rows[0]!)
    expect(first.map((s) => s.key)).toEqual(['declined', 'same', 'improved'])
    expect(byClass(rows[0]!, 'app-chart__bar').map((b) => b.attrs.fill)).toEqual([
      DIVERGING_FILLS.lower.fill,
      DIVERGING_FILLS.same.fill,
      DIVERGING_FILLS.higher.fill,
    ])
    expect(first[2]!.width / first[0]!.width).toBeCloseTo(4, 2) // 12 : 3
    expect(first[1]!.width / first[0]!.width).toBeCloseTo(5, 2) // 15 : 3
    const second = segmentsOf(rows[1]!)
    expect(second[1]!.width / first[1]!.width).toBeCloseTo(20 / 15, 2) // both of 30: one scale
    const centre = Number(one(byClass(svg, 'app-chart__centre-line'), 'centre line').attrs.x1)
    for (const segments of [first, second]) expect(segments[1]!.x + segments[1]!.width / 2).toBeCloseTo(centre, 1)
    expect(segmentsOf(rows[2]!)).toEqual([])
  })

  it('has a key naming each direction', () => {
    expect(byTag(one(byClass(root, 'app-chart__key'), 'key'), 'li').map(text)).toEqual([
      'Declined (left), vertical lines',
      'Same (centre)',
      'Improved (right), dotted',
    ])
  })

  it('keeps hidden counts and their percentages out of the chart and summary', () => {
    const { root: hidden } = render({ format: suppress })
    const first = segmentsOf(byClass(svgOf(hidden), 'app-chart__row')[0]!)
    expect(first.map((s) => [s.key, s.hidden, s.label])).toEqual([
      ['declined', true, null],
      ['same', false, '15 (50%)'],
      ['improved', false, '12 (40%)'],
    ])
    expect(figuresText(svgOf(hidden))).not.toMatch(/\b[35]\b|\b(10|17)%/)
    expect(text(one(byClass(hidden, 'app-chart__summary'), 'summary'))).toBe(
      'Since 2023 to 2024, agreed grades improved most often on outcome 1 (40%).',
    )
    expect(tableOf(hidden).rows[1]).toEqual(['Outcome 2: Resources', '<10', '20 (67%)', '<10', '30'])
  })

  it('says there is no previous cycle, instead of an empty chart', () => {
    const { root: none } = render({ previousCycle: null })
    expect(text(none)).toBe('There is no previous cycle to compare with.')
    expect(byTag(none, 'svg')).toHaveLength(0)
    expect(byTag(none, 'table')).toHaveLength(0)
  })

  it('says when no organisation was graded in both cycles', () => {
    const { root: none } = render({ change: [row(1, 0, 0, 0)] })
    expect(text(none)).toBe('No organisation has agreed grades in both this cycle and 2023 to 2024.')
    expect(byTag(none, 'svg')).toHaveLength(0)
  })
})

describe('summariseChange', () => {
  it.each([
    {
      name: 'only improvements',
      rows: [row(1, 10, 10, 0), row(2, 10, 10, 0)],
      expected: 'Since 2023 to 2024, agreed grades improved most often on outcomes 1 and 2 (50%).',
    },
    {
      name: 'only declines',
      rows: [row(1, 0, 10, 10), row(2, 0, 30, 10)],
      expected: 'Since 2023 to 2024, agreed grades declined most often on outcome 1 (50%).',
    },
    {
      name: 'no change',
      rows: [row(1, 0, 10, 0), row(2, 0, 0, 0)],
      expected: 'Since 2023 to 2024, agreed grades have stayed the same on every outcome.',
    },
  ])('$name', ({ rows, expected }) => {
    expect(summariseChange(rows, PREVIOUS)).toBe(expected)
  })

  it('points at the table when every change is a hidden count', () => {
    expect(summariseChange([row(1, 2, 20, 1)], PREVIOUS, suppress)).toBe(
      'The table below shows how agreed grades have changed since 2023 to 2024 for each outcome.',
    )
  })
})
