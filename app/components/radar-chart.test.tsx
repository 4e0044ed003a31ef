import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { chartValue, type Grade } from '~/modules/framework/grading'
import { all, one, parse, text, type Node } from './charts/test-markup'
import { MAX_RADAR_SERIES, RADAR_SERIES_STYLES, RadarChart, formatChartValue, type RadarSeries } from './radar-chart'

const byTag = (node: Node, tag: string) => all(node, (n) => n.tag === tag)
const byClass = (node: Node, className: string) =>
  all(node, (n) => (n.attrs.class ?? '').split(' ').includes(className))

const g = (level: 1 | 2 | 3 | 4, subLevel: 'LOW' | 'MEDIUM' | 'HIGH'): Grade => ({ level, subLevel })
const AXES = ['Outcome 1', 'Outcome 2', 'Outcome 3', 'Outcome 4', 'Outcome 5', 'Outcome 6']
const SERIES: RadarSeries[] = [
  {
    label: 'Self-assessed',
    values: [g(2, 'MEDIUM'), g(3, 'HIGH'), null, g(4, 'HIGH'), { level: 0, subLevel: null } as Grade, g(1, 'LOW')].map(
      (grade) => (grade ? chartValue(grade) : null),
    ),
  },
  {
    label: 'Validated',
    values: [g(2, 'LOW'), g(3, 'LOW'), g(1, 'HIGH'), g(4, 'MEDIUM'), g(1, 'LOW'), g(1, 'LOW')].map(chartValue),
  },
  {
    label: 'Previous cycle',
    values: [g(1, 'HIGH'), g(2, 'MEDIUM'), g(1, 'MEDIUM'), g(3, 'LOW'), null, null].map((grade) =>
      grade ? chartValue(grade) : null,
    ),
  },
]

function render(props: Partial<Parameters<typeof RadarChart>[0]> = {}) {
  const html = renderToStaticMarkup(
    <RadarChart
      id="result-radar"
      title="Self-assessed against validated grades"
      summary="The validated grades are within one sub-level of the self-assessment on four of the six outcomes."
      axes={AXES}
      series={SERIES}
      {...props}
    />,
  )
  return { html, root: parse(html) }
}

describe('RadarChart', () => {
  const { html, root } = render()
  const svg = one(byClass(root, 'app-radar-chart__svg'), 'the chart SVG')

  it('renders one wrapper with the given id, the summary first, then the chart, the legend and the table', () => {
    const wrapper = one(byClass(root, 'app-radar-chart'), 'the wrapper')
    expect(wrapper.attrs.id).toBe('result-radar')
    const order = wrapper.children.map((child) => (typeof child === 'string' ? '#text' : child.tag))
    expect(order).toEqual(['p', 'svg', 'ul', 'table'])
    const summary = wrapper.children[0] as Node
    expect(text(summary)).toBe(
      'The validated grades are within one sub-level of the self-assessment on four of the six outcomes.',
    )
    expect(summary.attrs.class).toContain('nhsuk-body')
  })

  it('is an image named by its title and description', () => {
    expect(svg.attrs.role).toBe('img')
    expect(svg.attrs['aria-labelledby']).toBe('result-radar-title result-radar-desc')
    const title = one(byTag(svg, 'title'), 'the <title>')
    const desc = one(byTag(svg, 'desc'), 'the <desc>')
    expect(title.attrs.id).toBe('result-radar-title')
    expect(text(title)).toBe('Self-assessed against validated grades')
    expect(desc.attrs.id).toBe('result-radar-desc')
    expect(text(desc)).toContain('Outcome 1, Outcome 2, Outcome 3, Outcome 4, Outcome 5, Outcome 6')
    expect(text(desc)).toContain('comparing Self-assessed, Validated, Previous cycle')
    expect(text(desc)).toContain('table below')
    // Title and desc come first, as the SVG accessibility mappings expect.
    expect((svg.children[0] as Node).tag).toBe('title')
    expect((svg.children[1] as Node).tag).toBe('desc')
  })

  it('scales with a viewBox and sets no fixed size', () => {
    expect(svg.attrs.viewBox).toMatch(/^-\d+ -\d+ \d+ \d+$/)
    expect(svg.attrs.width).toBeUndefined()
    expect(svg.attrs.height).toBeUndefined()
  })

  it('uses no inline styles anywhere (the CSP forbids them)', () => {
    expect(html).not.toMatch(/\sstyle=/)
    expect(all(root, (n) => n.tag === 'style')).toHaveLength(0)
  })

  it('draws four concentric rings labelled Level 1 to Level 4', () => {
    const rings = byClass(svg, 'app-radar-chart__ring')
    expect(rings.map((ring) => ring.tag)).toEqual(['circle', 'circle', 'circle', 'circle'])
    expect(rings.every((ring) => ring.attrs.cx === '0' && ring.attrs.cy === '0')).toBe(true)
    const radii = rings.map((ring) => Number(ring.attrs.r))
    expect(radii[1]! / radii[0]!).toBeCloseTo(2)
    expect(radii[3]! / radii[0]!).toBeCloseTo(4)
    expect(byClass(svg, 'app-radar-chart__ring-label').map(text)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4'])
  })

  it('draws one labelled axis per outcome, the first pointing up', () => {
    const axes = byClass(svg, 'app-radar-chart__axis')
    expect(axes).toHaveLength(6)
    expect(axes[0]!.attrs).toMatchObject({ x1: '0', y1: '0', x2: '0' })
    expect(Number(axes[0]!.attrs.y2)).toBeLessThan(0)
    expect(byClass(svg, 'app-radar-chart__axis-label').map(text)).toEqual(AXES)
  })

  it('draws one closed polygon per series', () => {
    expect(byTag(svg, 'polygon')).toHaveLength(SERIES.length)
    const polygons = byClass(svg, 'app-radar-chart__series')
    expect(polygons).toHaveLength(SERIES.length)
    for (const polygon of polygons) {
      expect(polygon.tag).toBe('polygon') // a polygon is always closed
      expect(polygon.attrs.points!.split(' ')).toHaveLength(AXES.length)
    }
  })

  it('gives every series a distinct colour, dash pattern and marker shape', () => {
    const polygons = byClass(svg, 'app-radar-chart__series')
    const colours = polygons.map((p) => p.attrs.stroke)
    const dashes = polygons.map((p) => p.attrs['stroke-dasharray'])
    expect(colours).toEqual(['#0072B2', '#D55E00', '#009E73'])
    expect(new Set(dashes).size).toBe(SERIES.length)
    expect(dashes.every((dash) => dash !== undefined && dash !== '')).toBe(true)

    const items = byClass(svg, 'app-radar-chart__series-item')
    const shapes = items.map((item) => {
      const point = byClass(item, 'app-radar-chart__point')[0]!
      return point.tag === 'circle' ? 'circle' : (point.attrs.d ?? '').replace(/[-\d.\s]+/g, ' ').trim()
    })
    expect(new Set(shapes).size).toBe(SERIES.length)
  })

  it('has five distinct styles with the same guarantees', () => {
    expect(MAX_RADAR_SERIES).toBe(5)
    expect(new Set(RADAR_SERIES_STYLES.map((s) => s.colour)).size).toBe(5)
    expect(new Set(RADAR_SERIES_STYLES.map((s) => s.dash.join(' '))).size).toBe(5)
    expect(new Set(RADAR_SERIES_STYLES.map((s) => s.marker)).size).toBe(5)
  })

  it('draws a null value at the centre and omits its point', () => {
    const [self, validated, previous] = byClass(svg, 'app-radar-chart__series-item')
    const vertices = (item: Node) =>
      one(byClass(item, 'app-radar-chart__series'), 'polygon')
        .attrs.points!.split(' ')
        .map((pair) => pair.split(',').map(Number))
    // Self-assessed: outcome 3 is null, outcome 5 is Level 0; both at the centre, only Level 0 has a point.
    expect(vertices(self!)[2]).toEqual([0, 0])
    expect(vertices(self!)[4]).toEqual([0, 0])
    expect(byClass(self!, 'app-radar-chart__point')).toHaveLength(5)
    expect(byClass(validated!, 'app-radar-chart__point')).toHaveLength(6)
    expect(vertices(previous!).slice(4)).toEqual([
      [0, 0],
      [0, 0],
    ])
    expect(byClass(previous!, 'app-radar-chart__point')).toHaveLength(4)
  })

  it('places points at their chart value: Level 4 High on the outer ring', () => {
    const outer = Number(byClass(svg, 'app-radar-chart__ring')[3]!.attrs.r)
    const self = byClass(svg, 'app-radar-chart__series')[0]!
    const [x, y] = self.attrs.points!.split(' ')[3]!.split(',').map(Number)
    expect(x).toBeCloseTo(0)
    expect(y).toBeCloseTo(outer) // outcome 4 of 6 points straight down
  })

  it('has an HTML legend naming each series with its own swatch', () => {
    const legend = one(byClass(root, 'app-radar-chart__legend'), 'the legend')
    expect(legend.tag).toBe('ul')
    const items = byTag(legend, 'li')
    expect(items.map(text)).toEqual(['Self-assessed', 'Validated', 'Previous cycle'])
    const swatchLines = items.map((item) => one(byTag(item, 'line'), 'swatch line'))
    expect(swatchLines.map((line) => line.attrs.stroke)).toEqual(['#0072B2', '#D55E00', '#009E73'])
    const polygons = byClass(svg, 'app-radar-chart__series')
    expect(swatchLines.map((line) => line.attrs['stroke-dasharray'])).toEqual(
      polygons.map((p) => p.attrs['stroke-dasharray']),
    )
    for (const item of items) {
      const swatch = one(byTag(item, 'svg'), 'swatch')
      expect(swatch.attrs['aria-hidden']).toBe('true')
      expect(byClass(swatch, 'app-radar-chart__swatch-marker')).toHaveLength(1)
    }
  })

  describe('data table', () => {
    const table = one(byTag(root, 'table'), 'the table')

    it('is an NHS table with a caption and scoped headers', () => {
      expect(table.attrs.class).toContain('nhsuk-table')
      expect(text(one(byTag(table, 'caption'), 'caption'))).toBe('Self-assessed against validated grades')
      const headers = byTag(one(byTag(table, 'thead'), 'thead'), 'th')
      expect(headers.map(text)).toEqual(['Outcome', 'Self-assessed', 'Validated', 'Previous cycle'])
      expect(headers.every((th) => th.attrs.scope === 'col')).toBe(true)
    })

    const expected = [
      ['Outcome 1', 'Level 2, Medium', 'Level 2, Low', 'Level 1, High'],
      ['Outcome 2', 'Level 3, High', 'Level 3, Low', 'Level 2, Medium'],
      ['Outcome 3', 'Not graded', 'Level 1, High', 'Level 1, Medium'],
      ['Outcome 4', 'Level 4, High', 'Level 4, Medium', 'Level 3, Low'],
      ['Outcome 5', 'Level 0', 'Level 1, Low', 'Not graded'],
      ['Outcome 6', 'Level 1, Low', 'Level 1, Low', 'Not graded'],
    ]
    const rows = byTag(one(byTag(table, 'tbody'), 'tbody'), 'tr')

    it('has a row per axis', () => {
      expect(rows).toHaveLength(AXES.length)
    })

    it.each(expected.map((row, index) => ({ axis: row[0]!, index, row })))(
      'row $axis gives each series its formatted grade',
      ({ index, row }) => {
        const cells = rows[index]!.children.filter((c): c is Node => typeof c !== 'string')
        expect(cells.map(text)).toEqual(row)
        expect(cells[0]!.tag).toBe('th')
        expect(cells[0]!.attrs.scope).toBe('row')
        expect(cells.slice(1).every((cell) => cell.tag === 'td')).toBe(true)
      },
    )
  })

  it('uses a custom formatter and axis heading', () => {
    const { root: custom } = render({
      formatValue: (v) => (v === null ? '–' : v.toFixed(2)),
      axisHeading: 'Quality outcome',
      series: [{ label: 'Validated', values: [1, 2, null, 4, 0, 1 / 3] }],
    })
    const table = one(byTag(custom, 'table'), 'table')
    expect(byTag(one(byTag(table, 'thead'), 'thead'), 'th').map(text)).toEqual(['Quality outcome', 'Validated'])
    const cells = byTag(one(byTag(table, 'tbody'), 'tbody'), 'td').map(text)
    expect(cells).toEqual(['1.00', '2.00', '–', '4.00', '0.00', '0.33'])
  })

  it('renders a chart with no series: rings, axes and an empty table column set', () => {
    const { root: empty } = render({ series: [] })
    expect(byTag(empty, 'polygon')).toHaveLength(0)
    expect(byClass(empty, 'app-radar-chart__legend')).toHaveLength(0)
    expect(byTag(one(byTag(empty, 'tbody'), 'tbody'), 'tr')).toHaveLength(6)
  })

  it('renders four axes and five series', () => {
    const series = RADAR_SERIES_STYLES.map((_, i) => ({ label: `Series ${i + 1}`, values: [1, 2, 3, i] }))
    const { root: many } = render({ axes: ['Outcome 1', 'Outcome 2', 'Outcome 3', 'Outcome 10'], series })
    expect(byTag(many, 'polygon')).toHaveLength(5)
    expect(byClass(many, 'app-radar-chart__axis-label').map(text)).toEqual([
      'Outcome 1',
      'Outcome 2',
      'Outcome 3',
      'Outcome 10',
    ])
    expect(new Set(byClass(many, 'app-radar-chart__series').map((p) => p.attrs['stroke-dasharray'])).size).toBe(5)
  })

  it('prefixes every id with the chart id, so two charts can share a page', () => {
    const first = render({ id: 'chart-a' }).html
    const second = render({ id: 'chart-b' }).html
    const ids = (markup: string) => [...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)
    expect(ids(first).every((id) => id.startsWith('chart-a'))).toBe(true)
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([])
  })

  it.each([
    {
      name: 'too few values',
      series: [{ label: 'Self', values: [1, 2] }],
      message: /Series "Self" has 2 values for 6 axes/,
    },
    {
      name: 'a value above 4',
      series: [{ label: 'Self', values: [1, 2, 3, 4, 4.5, 0] }],
      message: /outside 0 to 4: 4.5/,
    },
    {
      name: 'a negative value',
      series: [{ label: 'Self', values: [1, 2, 3, 4, -1, 0] }],
      message: /outside 0 to 4: -1/,
    },
    { name: 'NaN', series: [{ label: 'Self', values: [1, 2, 3, 4, Number.NaN, 0] }], message: /outside 0 to 4: NaN/ },
    {
      name: 'too many series',
      series: Array.from({ length: 6 }, (_, i) => ({ label: `S${i}`, values: AXES.map(() => 1) })),
      message: /at most 5 series, got 6/,
    },
  ])('refuses $name', ({ series, message }) => {
    expect(() => render({ series })).toThrow(RangeError)
    expect(() => render({ series })).toThrow(message)
  })
})

describe('formatChartValue', () => {
  it.each<[number | null, string]>([
    [null, 'Not graded'],
    [0, 'Level 0'],
    [1 / 3, 'Level 1, Low'],
    [2 / 3, 'Level 1, Medium'],
    [1, 'Level 1, High'],
    [5 / 3, 'Level 2, Medium'],
    [chartValue({ level: 3, subLevel: 'LOW' }), 'Level 3, Low'],
    [4, 'Level 4, High'],
    [1.7, 'Level 2, Medium'], // rounds to the nearest step (5.1 steps)
  ])('%s -> %s', (value, expected) => {
    expect(formatChartValue(value)).toBe(expected)
  })
})
