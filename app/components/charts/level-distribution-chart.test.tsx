import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { medianLevel } from '~/modules/attainment/median'
import type { Dashboard, LevelCounts } from '~/modules/dashboards/model'
import { SUPPRESSED_SHARE, VIEW_WIDTH } from './bars'
import {
  LevelDistributionChart,
  summariseLevelDistribution,
  type LevelDistributionChartProps,
} from './level-distribution-chart'
import { LEVEL_FILLS } from '~/modules/charts/palette'
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

const BAR_WIDTH = VIEW_WIDTH - 8

function row(outcomeNumber: number, levelCounts: LevelCounts): Dashboard['attainment'][number] {
  return {
    outcomeNumber,
    levelCounts,
    graded: levelCounts.reduce((a, b) => a + b, 0),
    medianLevel: medianLevel(levelCounts),
  }
}

const ATTAINMENT: Dashboard['attainment'] = [
  row(1, [2, 10, 20, 12, 6]), // median 2
  row(2, [0, 0, 15, 15, 0]), // median 2.5
  row(3, [0, 0, 0, 0, 0]), // not graded
  row(4, [0, 1, 3, 12, 24]), // median 4
]
const OUTCOMES = [
  { number: 1, shortTitle: 'Leadership' },
  { number: 2, shortTitle: 'Resources' },
  { number: 3, shortTitle: '' },
  { number: 4, shortTitle: 'Impact' },
]

function render(props: Partial<LevelDistributionChartProps> = {}) {
  const html = renderToStaticMarkup(
    <LevelDistributionChart attainment={ATTAINMENT} outcomes={OUTCOMES} id="levels" {...props} />,
  )
  return { html, root: parse(html) }
}

const rowsOf = (root: ReturnType<typeof parse>) => byClass(svgOf(root), 'app-chart__row')

describe('LevelDistributionChart', () => {
  const { html, root } = render()
  const svg = svgOf(root)

  it('is one named image with a title and a description, and uses no inline styles', () => {
    const { name, description } = expectAccessibleSvg(root, svg)
    expect(name).toBe('Agreed levels by outcome')
    expect(description).toContain('one bar per outcome')
    expect(description).toContain('median')
    expect(html).not.toMatch(/\sstyle=/)
    expect(byTag(root, 'style')).toHaveLength(0)
  })

  it('puts its summary sentence above the chart', () => {
    const summary = one(byClass(root, 'app-chart__summary'), 'summary')
    expect(text(summary)).toBe('Outcome 4 has the highest median agreed level (4); outcome 1 the lowest (2).')
    expect(root.children[0]).toMatchObject({ tag: 'div', attrs: { id: 'levels' } })
    expect((root.children[0] as { children: unknown[] }).children[0]).toBe(summary)
  })

  it('has a data table: Outcome | Level 0 … Level 4 | Graded | Median, a row per outcome', () => {
    const { caption, head, rows, table } = tableOf(root)
    expect(table.attrs.class).toContain('nhsuk-table')
    expect(caption).toBe('Agreed levels by outcome')
    expect(head).toEqual(['Outcome', 'Level 0', 'Level 1', 'Level 2', 'Level 3', 'Level 4', 'Graded', 'Median'])
    expect(rows).toEqual([
      ['Outcome 1: Leadership', '2', '10', '20', '12', '6', '50', '2'],
      ['Outcome 2: Resources', '0', '0', '15', '15', '0', '30', '2.5'],
      ['Outcome 3', '0', '0', '0', '0', '0', '0', 'No grades'],
      ['Outcome 4: Impact', '0', '1', '3', '12', '24', '40', '4'],
    ])
  })

  it('labels each bar with its outcome, median and number graded', () => {
    expect(rowsOf(root).map((r) => text(one(byClass(r, 'app-chart__label'), 'label')))).toEqual([
      'Outcome 1',
      'Outcome 2',
      'Outcome 3',
      'Outcome 4',
    ])
    expect(rowsOf(root).map((r) => text(one(byClass(r, 'app-chart__note'), 'note')))).toEqual([
      'Median 2 (50 graded)',
      'Median 2.5 (30 graded)',
      'No agreed grades',
      'Median 4 (40 graded)',
    ])
  })

  it('draws segment widths in proportion to the counts, levels 0 to 4 from left to right, filling the width', () => {
    const [first, second, third, fourth] = rowsOf(root).map(segmentsOf)
    expect(first!.map((s) => s.key)).toEqual(['level-0', 'level-1', 'level-2', 'level-3', 'level-4'])
    first!.forEach((segment, index) =>
      expect(segment.width / BAR_WIDTH).toBeCloseTo([2, 10, 20, 12, 6][index]! / 50, 3),
    )
    for (const segments of [first!, second!, fourth!]) {
      expect(segments[0]!.x).toBe(4)
      segments
        .slice(1)
        .forEach((segment, index) => expect(segment.x).toBeCloseTo(segments[index]!.x + segments[index]!.width, 1))
      expect(segments.reduce((sum, s) => sum + s.width, 0)).toBeCloseTo(BAR_WIDTH, 1)
    }
    // Levels with no grades are not drawn; an outcome with none has no bar.
    expect(second!.map((s) => s.key)).toEqual(['level-2', 'level-3'])
    expect(second![0]!.width).toBeCloseTo(BAR_WIDTH / 2, 1)
    expect(third).toEqual([])
    expect(fourth!.map((s) => s.width / BAR_WIDTH)).toEqual(
      [1 / 40, 3 / 40, 12 / 40, 24 / 40].map((share) => expect.closeTo(share, 3)),
    )
  })

  it('fills each level with its blue, light to dark', () => {
    const bars = byClass(rowsOf(root)[0]!, 'app-chart__bar')
    expect(bars.map((bar) => bar.attrs.fill)).toEqual(LEVEL_FILLS.map((f) => f.fill))
  })

  it('prints counts inside the segments that have room, in a colour readable on the fill', () => {
    const first = segmentsOf(rowsOf(root)[0]!)
    expect(first.map((s) => s.label)).toEqual(['2', '10', '20', '12', '6'])
    const fourth = segmentsOf(rowsOf(root)[3]!)
    expect(fourth.map((s) => s.label)).toEqual([null, '3', '12', '24']) // 1 of 40 is too narrow for its label
    const values = byClass(rowsOf(root)[0]!, 'app-chart__value')
    expect(values.map((v) => v.attrs.fill)).toEqual(LEVEL_FILLS.map((f) => f.text))
  })

  it('marks each median: mid-segment for a whole level, on the boundary between two levels for a half', () => {
    const marks = byClass(svg, 'app-chart__median')
    expect(marks).toHaveLength(3) // outcome 3 has no median
    const markX = marks.map((mark) => {
      // Two triangles, one pointing down at the bar from above, one up from below, tips on the same x.
      const tips = byTag(mark, 'path').map((path) => /L(-?[\d.]+) /.exec(path.attrs.d ?? '')?.[1])
      expect(tips).toHaveLength(2)
      expect(tips[0]).toBe(tips[1])
      return Number(tips[0])
    })
    const [first, second, , fourth] = rowsOf(root).map(segmentsOf)
    const level2 = first!.find((s) => s.key === 'level-2')!
    expect(markX[0]).toBeCloseTo(level2.x + level2.width / 2, 1)
    expect(markX[1]).toBeCloseTo(second![1]!.x, 1) // 2.5: between level 2 and level 3
    expect(markX[1]).toBeCloseTo(4 + BAR_WIDTH / 2, 1)
    const level4 = fourth!.find((s) => s.key === 'level-4')!
    expect(markX[2]).toBeCloseTo(level4.x + level4.width / 2, 1)
  })

  it('has a key naming every level and the median mark', () => {
    const key = one(byClass(root, 'app-chart__key'), 'key')
    expect(key.attrs['aria-label']).toBe('Key to the chart')
    // Issue 16 (WCAG 1.4.1): the key names each level's pattern as well as showing its colour.
    expect(byTag(key, 'li').map(text)).toEqual([
      'Level 0',
      'Level 1, dotted',
      'Level 2, horizontal lines',
      'Level 3, vertical lines',
      'Level 4, grid',
      'Median level',
    ])
    expect(byTag(key, 'svg').every((swatch) => swatch.attrs['aria-hidden'] === 'true')).toBe(true)
    // Each swatch shows the level's pattern over its colour, as the bars do.
    expect(byTag(key, 'pattern').map((p) => p.attrs.id)).toEqual(
      [1, 2, 3, 4].map((l) => `levels-key-pattern-level-${l}`),
    )
  })

  it('draws each level but level 0 with its own pattern over its colour, numbers on a plain plate', () => {
    const patterns = byClass(svg, 'app-chart__pattern')
    expect(new Set(patterns.map((p) => p.attrs.fill))).toEqual(
      new Set([1, 2, 3, 4].map((l) => `url(#levels-pattern-level-${l})`)),
    )
    expect(byTag(svg, 'pattern').map((p) => p.attrs.id)).toEqual([1, 2, 3, 4].map((l) => `levels-pattern-level-${l}`))
    expect(byClass(svg, 'app-chart__plate').length).toBeGreaterThan(0)
  })

  it('prefixes every id with its own, so charts can share a page', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)
    expect(ids.length).toBeGreaterThan(3)
    expect(ids.every((id) => id === 'levels' || id.startsWith('levels-'))).toBe(true)
  })

  it('takes a summary and a title from the page', () => {
    const { root: custom } = render({ summary: 'Most outcomes are at level 2.', title: 'Levels in the North West' })
    expect(text(one(byClass(custom, 'app-chart__summary'), 'summary'))).toBe('Most outcomes are at level 2.')
    expect(expectAccessibleSvg(custom, svgOf(custom)).name).toBe('Levels in the North West')
    expect(tableOf(custom).caption).toBe('Levels in the North West')
  })

  describe('with small numbers hidden', () => {
    const hidden = [row(1, [7, 10, 20, 12, 8]), row(2, [0, 0, 15, 15, 0])]
    const { html: hiddenHtml, root: hiddenRoot } = render({ attainment: hidden, format: suppress })
    const hiddenSvg = svgOf(hiddenRoot)

    it('shows the formatted counts in the table', () => {
      expect(tableOf(hiddenRoot).rows[0]).toEqual(['Outcome 1: Leadership', '<10', '10', '20', '12', '<10', '57', '2'])
    })

    it('never prints a hidden count in the chart, its tooltips or its description', () => {
      const svgText = textNodes(hiddenSvg).join(' | ')
      expect(svgText).not.toMatch(/\b[78]\b/)
      expect(svgText).toContain('<10')
      expect(text(one(byClass(hiddenRoot, 'app-chart__summary'), 'summary'))).not.toMatch(/\b[78]\b/)
      expect(hiddenHtml).not.toMatch(/>\s*[78]\s*</)
    })

    it('draws hidden segments hatched, unlabelled, at a fixed width whatever their count', () => {
      const segments = segmentsOf(byClass(hiddenSvg, 'app-chart__row')[0]!)
      expect(segments.map((s) => s.hidden)).toEqual([true, false, false, false, true])
      expect(segments.filter((s) => s.hidden).map((s) => s.label)).toEqual([null, null])
      expect(segments.filter((s) => s.hidden).map((s) => s.width)).toEqual(
        [SUPPRESSED_SHARE * BAR_WIDTH, SUPPRESSED_SHARE * BAR_WIDTH].map((w) => expect.closeTo(w, 1)),
      )
      // The shown segments keep their proportions to each other (10 : 20 : 12).
      const shown = segments.filter((s) => !s.hidden)
      expect(shown[1]!.width / shown[0]!.width).toBeCloseTo(2, 2)
      expect(shown[2]!.width / shown[0]!.width).toBeCloseTo(1.2, 2)
      // Striped over their own level's fill, with the chart's own pattern.
      expect(segments.map((s) => s.hatched)).toEqual([true, false, false, false, true])
      expect([segments[0]!.fill, segments[4]!.fill]).toEqual([LEVEL_FILLS[0].fill, LEVEL_FILLS[4].fill])
      const hatches = byClass(hiddenSvg, 'app-chart__hatch')
      expect(hatches.map((h) => h.attrs.fill)).toEqual(['url(#levels-hatch)', 'url(#levels-hatch)'])
      expect(byTag(hiddenSvg, 'pattern').filter((p) => p.attrs.id === 'levels-hatch')).toHaveLength(1)
      expect(byTag(svg, 'pattern').filter((p) => p.attrs.id === 'levels-hatch')).toHaveLength(0)

      const other = svgOf(render({ attainment: [row(1, [1, 10, 20, 12, 9]), hidden[1]!], format: suppress }).root)
      expect(segmentsOf(byClass(other, 'app-chart__row')[0]!).map((s) => s.width)).toEqual(segments.map((s) => s.width))
    })

    it('withholds the median of an outcome with too few grades, in the chart, the table and the summary', () => {
      const { root: few } = render({
        attainment: [row(1, [0, 1, 2, 0, 0]), row(2, [0, 0, 15, 15, 0]), row(4, [0, 0, 10, 20, 10])],
        format: suppress,
      })
      const fewSvg = svgOf(few)
      expect(byClass(fewSvg, 'app-chart__note').map(text)).toEqual([
        'Median suppressed (<10 graded)',
        'Median 2.5 (30 graded)',
        'Median 3 (40 graded)',
      ])
      expect(byClass(fewSvg, 'app-chart__median')).toHaveLength(2)
      expect(tableOf(few).rows[0]).toEqual(['Outcome 1: Leadership', '0', '<10', '<10', '0', '0', '<10', 'Suppressed'])
      expect(text(one(byClass(few, 'app-chart__summary'), 'summary'))).toBe(
        'Outcome 4 has the highest median agreed level (3); outcome 2 the lowest (2.5).',
      )
      expect(summariseLevelDistribution([row(1, [0, 1, 2, 0, 0])], suppress)).toBe(
        'Every median is suppressed, as each is based on too few agreed grades.',
      )
    })

    it('adds the hatching to the key', () => {
      expect(byTag(one(byClass(hiddenRoot, 'app-chart__key'), 'key'), 'li').map(text)).toContain(
        'Striped: includes small numbers not shown (bar only roughly to scale)',
      )
      expect(byTag(one(byClass(root, 'app-chart__key'), 'key'), 'li').map(text)).not.toContain(
        'Striped: includes small numbers not shown (bar only roughly to scale)',
      )
    })
  })

  it('shows a message, and no empty chart or table, when nothing is graded', () => {
    const { root: empty } = render({ attainment: [row(1, [0, 0, 0, 0, 0]), row(2, [0, 0, 0, 0, 0])] })
    expect(text(empty)).toBe('No outcome has an agreed grade yet.')
    expect(byTag(empty, 'svg')).toHaveLength(0)
    expect(byTag(empty, 'table')).toHaveLength(0)
    expect(text(parse(renderToStaticMarkup(<LevelDistributionChart attainment={[]} id="none" />)))).toBe(
      'No outcome has an agreed grade yet.',
    )
  })
})

describe('summariseLevelDistribution', () => {
  it.each([
    {
      name: 'a single highest and lowest',
      rows: ATTAINMENT,
      expected: 'Outcome 4 has the highest median agreed level (4); outcome 1 the lowest (2).',
    },
    {
      name: 'ties at both ends',
      rows: [
        row(1, [0, 1, 1, 0, 0]),
        row(2, [0, 0, 0, 3, 0]),
        row(3, [0, 0, 0, 1, 0]),
        row(4, [0, 1, 2, 0, 0]),
        row(5, [2, 0, 0, 1, 1]),
      ],
      expected: 'Outcomes 2 and 3 have the highest median agreed level (3); outcomes 1 and 5 the lowest (1.5).',
    },
    {
      name: 'every median the same',
      rows: [row(1, [0, 0, 1, 0, 0]), row(2, [0, 0, 4, 0, 0]), row(3, [0, 0, 0, 0, 0])],
      expected: 'Every outcome with agreed grades has a median agreed level of 2.',
    },
    {
      name: 'only one outcome graded',
      rows: [row(1, [0, 0, 0, 0, 0]), row(2, [0, 0, 1, 1, 0])],
      expected: 'Only outcome 2 has agreed grades so far, with a median agreed level of 2.5.',
    },
    { name: 'nothing graded', rows: [row(1, [0, 0, 0, 0, 0])], expected: 'No outcome has an agreed grade yet.' },
  ])('$name', ({ rows, expected }) => {
    expect(summariseLevelDistribution(rows)).toBe(expected)
  })
})
