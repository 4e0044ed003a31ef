import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Dashboard } from '~/modules/dashboards/model'
import { HeatMap, heatMapBucket, summariseHeatMap, type HeatMapProps } from './heat-map'
import { byClass, byTag, one, parse, suppress, tableOf, text, type Node } from './test-markup'

const OUTCOMES = [
  { number: 1, shortTitle: 'Leadership' },
  { number: 2, shortTitle: 'Resources' },
  { number: 3, shortTitle: '' },
]
type Region = Dashboard['heatMap'][number]
const region = (regionId: string, regionName: string, cells: Array<[number | null, number]>): Region => ({
  regionId,
  regionName,
  cells: cells.map(([medianLevel, graded], index) => ({ outcomeNumber: index + 1, medianLevel, graded })),
})
const HEAT_MAP: Dashboard['heatMap'] = [
  region('nw', 'North West', [
    [2.5, 12],
    [4, 30],
    [null, 0],
  ]),
  region('ldn', 'London', [
    [0.5, 8],
    [1, 15],
    [3, 1234],
  ]),
]

function render(props: Partial<HeatMapProps> = {}) {
  const html = renderToStaticMarkup(<HeatMap heatMap={HEAT_MAP} outcomes={OUTCOMES} id="heat" {...props} />)
  return { html, root: parse(html) }
}

const cellsOf = (root: Node) => byTag(one(byTag(root, 'tbody'), 'tbody'), 'tr').map((tr) => byTag(tr, 'td'))
const classes = (cell: Node) => (cell.attrs.class ?? '').split(' ')

describe('HeatMap', () => {
  const { html, root } = render()

  it('is a table with a caption, region rows and outcome columns', () => {
    const { caption, head, rows, table } = tableOf(root)
    expect(table.attrs.class).toContain('nhsuk-table')
    expect(caption).toBe('Median agreed level by region and outcome')
    expect(head).toEqual(['Region', 'Outcome 1 Leadership', 'Outcome 2 Resources', 'Outcome 3'])
    expect(rows.map((r) => r[0])).toEqual(['North West', 'London'])
  })

  it('gives each cell its median and its count as text, and "No grades" when empty', () => {
    expect(cellsOf(root).map((row) => row.map(text))).toEqual([
      ['Median 2.5 n=12', 'Median 4 n=30', 'No grades'],
      ['Median 0.5 n=8', 'Median 1 n=15', 'Median 3 n=1,234'],
    ])
    const median = one(byClass(cellsOf(root)[0]![0]!, 'app-heat-map__median'), 'median')
    expect(one(byClass(median, 'nhsuk-u-visually-hidden'), 'hidden word').children).toEqual(['Median '])
  })

  it('shades each cell by the whole level of its median', () => {
    const buckets = cellsOf(root).map((row) =>
      row.map((cell) => classes(cell).filter((c) => c.startsWith('app-heat-map__cell--'))),
    )
    expect(buckets).toEqual([
      [['app-heat-map__cell--level-2'], ['app-heat-map__cell--level-4'], ['app-heat-map__cell--empty']],
      [['app-heat-map__cell--level-0'], ['app-heat-map__cell--level-1'], ['app-heat-map__cell--level-3']],
    ])
  })

  it('treats a cell missing from the data as empty', () => {
    const { root: sparse } = render({
      heatMap: [{ regionId: 'x', regionName: 'Midlands', cells: [{ outcomeNumber: 2, medianLevel: 3.5, graded: 20 }] }],
    })
    expect(cellsOf(sparse)[0]!.map(text)).toEqual(['No grades', 'Median 3.5 n=20', 'No grades'])
  })

  it('has a key to every shade and to empty cells, named by its heading', () => {
    const key = one(byClass(root, 'app-chart__key'), 'key')
    expect(
      text(
        one(
          byTag(root, 'p').filter((p) => p.attrs.id === key.attrs['aria-labelledby']),
          'key heading',
        ),
      ),
    ).toBe('Shading shows the median agreed level:')
    const items = byTag(key, 'li')
    expect(items.map(text)).toEqual([
      '0 to less than 1',
      '1 to less than 2',
      '2 to less than 3',
      '3 to less than 4',
      '4',
      'No grades, or median suppressed',
    ])
    expect(items.map((item) => classes(byClass(item, 'app-heat-map__swatch')[0]!).at(-1))).toEqual([
      'app-heat-map__cell--level-0',
      'app-heat-map__cell--level-1',
      'app-heat-map__cell--level-2',
      'app-heat-map__cell--level-3',
      'app-heat-map__cell--level-4',
      'app-heat-map__cell--empty',
    ])
  })

  it('scrolls sideways in a focusable region named by the caption', () => {
    const scroll = one(byClass(root, 'app-heat-map__scroll'), 'scroll region')
    expect(scroll.attrs).toMatchObject({ role: 'region', tabindex: '0', 'aria-labelledby': 'heat-caption' })
    expect(one(byTag(scroll, 'caption'), 'caption').attrs.id).toBe('heat-caption')
  })

  it('summarises the range of medians', () => {
    expect(text(one(byClass(root, 'app-chart__summary'), 'summary'))).toBe(
      'Median agreed levels range from 0.5 (outcome 1 in London) to 4 (outcome 2 in North West).',
    )
  })

  it('uses no inline styles and prefixes its ids', () => {
    expect(html).not.toMatch(/\sstyle=/)
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)
    expect(ids.every((id) => id === 'heat' || id.startsWith('heat-'))).toBe(true)
  })

  describe('with small numbers hidden', () => {
    const { html: hidden, root: hiddenRoot } = render({ format: suppress })

    it('shows counts through the formatter, and withholds a median of too few grades, unshaded', () => {
      expect(cellsOf(hiddenRoot)[1]!.map(text)).toEqual([
        'Median Suppressed n=<10',
        'Median 1 n=15',
        'Median 3 n=1,234',
      ])
      const withheld = cellsOf(hiddenRoot)[1]![0]!
      expect(classes(withheld)).toEqual(
        expect.arrayContaining(['app-heat-map__cell--empty', 'app-heat-map__cell--suppressed']),
      )
      expect(classes(withheld).some((c) => c.startsWith('app-heat-map__cell--level-'))).toBe(false)
      expect(hidden).not.toContain('n=8')
      expect(hidden).not.toContain('0.5')
    })

    it('leaves a suppressed median out of the summary', () => {
      expect(text(one(byClass(hiddenRoot, 'app-chart__summary'), 'summary'))).toBe(
        'Median agreed levels range from 1 (outcome 2 in London) to 4 (outcome 2 in North West).',
      )
    })
  })

  it('shows a message, and no table, without agreed grades', () => {
    for (const heatMap of [
      [],
      [
        region('nw', 'North West', [
          [null, 0],
          [null, 0],
          [null, 0],
        ]),
      ],
    ]) {
      const { root: empty } = render({ heatMap })
      expect(text(empty)).toBe('No region has agreed grades yet.')
      expect(byTag(empty, 'table')).toHaveLength(0)
    }
  })
})

describe('heatMapBucket', () => {
  it.each([
    [0, 0],
    [0.5, 0],
    [1, 1],
    [2.5, 2],
    [3.5, 3],
    [4, 4],
  ])('median %s is in bucket %i', (median, bucket) => {
    expect(heatMapBucket(median)).toBe(bucket)
  })
})

describe('summariseHeatMap', () => {
  it('names at most two cells at each end, then how many more', () => {
    const map = [
      region('a', 'Cumbria', [
        [3, 5],
        [3, 5],
        [1, 5],
      ]),
      region('b', 'Kent', [
        [3, 5],
        [1, 5],
        [2, 5],
      ]),
    ]
    expect(summariseHeatMap(map)).toBe(
      'Median agreed levels range from 1 (outcome 3 in Cumbria and outcome 2 in Kent) to 3 (outcome 1 in Cumbria, outcome 2 in Cumbria and 1 more).',
    )
  })

  it('says when every median is suppressed', () => {
    expect(
      summariseHeatMap(
        [
          region('a', 'Kent', [
            [2, 5],
            [3, 3],
            [null, 0],
          ]),
        ],
        suppress,
      ),
    ).toBe('Every median is suppressed, as each is based on too few agreed grades.')
  })

  it('says when every median is the same, and when there is only one', () => {
    expect(
      summariseHeatMap([
        region('a', 'Kent', [
          [2, 5],
          [2, 3],
          [null, 0],
        ]),
      ]),
    ).toBe('Every region and outcome with agreed grades has a median agreed level of 2.')
    expect(
      summariseHeatMap([
        region('a', 'Kent', [
          [2.5, 5],
          [null, 0],
        ]),
      ]),
    ).toBe('The only median agreed level so far is 2.5 (outcome 1 in Kent).')
  })
})
