import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { Dashboard } from '~/modules/dashboards/model'
import { SUBMISSION_STATUSES } from '~/modules/submissions/status'
import { VIEW_WIDTH } from './bars'
import { LEVEL_FILLS } from '~/modules/charts/palette'
import { ProgressChart, summariseProgress, type ProgressChartProps } from './progress-chart'
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

const BAR_WIDTH = VIEW_WIDTH - 8

function progressOf(regions: Array<[string, number[]]>): Dashboard['progress'] {
  const totals = SUBMISSION_STATUSES.map((_, index) => regions.reduce((sum, [, counts]) => sum + counts[index]!, 0))
  return {
    statuses: [...SUBMISSION_STATUSES],
    regions: regions.map(([name, counts]) => ({
      regionId: name.toLowerCase().replace(/ /g, '-'),
      regionName: name,
      counts,
      total: counts.reduce((a, b) => a + b, 0),
    })),
    totals,
    total: totals.reduce((a, b) => a + b, 0),
  }
}

// Statuses in workflow order: not started, in progress, awaiting sign-off, submitted, in validation,
// clarification requested, in moderation, validated, published.
const PROGRESS = progressOf([
  ['North West', [5, 10, 2, 3, 6, 1, 1, 4, 8]], // stages 5, 12, 11, 12 of 40
  ['London', [1, 10, 0, 0, 6, 0, 0, 4, 20]], // stages 1, 10, 6, 24 of 41
])

function render(props: Partial<ProgressChartProps> = {}) {
  const html = renderToStaticMarkup(<ProgressChart progress={PROGRESS} id="progress" {...props} />)
  return { html, root: parse(html) }
}

describe('ProgressChart', () => {
  const { html, root } = render()
  const svg = svgOf(root)
  const rows = byClass(svg, 'app-chart__row')

  it('is one named image with a description, and uses no inline styles', () => {
    const { name, description } = expectAccessibleSvg(root, svg)
    expect(name).toBe('Submissions by status and region')
    expect(description).toContain('one bar per region')
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('summarises how many are validated or published and which region is furthest on', () => {
    expect(text(one(byClass(root, 'app-chart__summary'), 'summary'))).toBe(
      'Of 81 submissions, 36 (44%) have been validated or published; London has the highest share (59%).',
    )
  })

  it('has a data table with every status as a column, a Total column and a Total row', () => {
    const { caption, head, rows: body } = tableOf(root)
    expect(caption).toBe('Submissions by status and region')
    expect(head).toEqual([
      'Region',
      'Not started',
      'In progress',
      'Awaiting sign-off',
      'Submitted',
      'In validation',
      'Clarification requested',
      'In moderation',
      'Validated',
      'Result published',
      'Total',
    ])
    expect(body).toEqual([
      ['North West', '5', '10', '2', '3', '6', '1', '1', '4', '8', '40'],
      ['London', '1', '10', '0', '0', '6', '0', '0', '4', '20', '41'],
      ['Total', '6', '20', '2', '3', '12', '1', '1', '8', '28', '81'],
    ])
  })

  it('draws a bar per region and one for all regions, in four stages sized by their counts', () => {
    expect(rows.map((row) => text(one(byClass(row, 'app-chart__label'), 'label')))).toEqual([
      'North West',
      'London',
      'All regions',
    ])
    expect(rows.map((row) => text(one(byClass(row, 'app-chart__note'), 'note')))).toEqual([
      '40 submissions',
      '41 submissions',
      '81 submissions',
    ])
    const expected = [
      [5, 12, 11, 12].map((c) => c / 40),
      [1, 10, 6, 24].map((c) => c / 41),
      [6, 22, 17, 36].map((c) => c / 81),
    ]
    rows.forEach((row, index) => {
      const segments = segmentsOf(row)
      expect(segments.map((s) => s.key)).toEqual(['not-started', 'preparing', 'validating', 'validated'])
      expect(segments.map((s) => s.width / BAR_WIDTH)).toEqual(
        expected[index]!.map((share) => expect.closeTo(share, 3)),
      )
    })
    expect(byClass(rows[0]!, 'app-chart__bar').map((bar) => bar.attrs.fill)).toEqual([
      LEVEL_FILLS[0].fill,
      LEVEL_FILLS[1].fill,
      LEVEL_FILLS[2].fill,
      LEVEL_FILLS[3].fill,
    ])
  })

  it('labels stages with their count and percentage where they fit', () => {
    expect(segmentsOf(rows[0]!).map((s) => s.label)).toEqual(['5', '12 (30%)', '11 (28%)', '12 (30%)'])
    expect(segmentsOf(rows[1]!)[0]!.label).toBeNull() // 1 of 41 is too narrow
  })

  it('has a key to the four stages', () => {
    expect(byTag(one(byClass(root, 'app-chart__key'), 'key'), 'li').map(text)).toEqual([
      'Not started',
      'In progress or awaiting sign-off, dotted',
      'Submitted, in validation or moderation, horizontal lines',
      'Validated or published, vertical lines',
    ])
  })

  it('draws no bar for a region without submissions, and no all-regions bar for one region', () => {
    const { root: one_ } = render({
      progress: progressOf([
        ['Kent', [0, 0, 0, 0, 0, 0, 0, 0, 0]],
        ['Surrey', [0, 2, 0, 0, 0, 0, 0, 0, 3]],
      ]),
    })
    const [kent, surrey, all] = byClass(svgOf(one_), 'app-chart__row')
    expect(segmentsOf(kent!)).toEqual([])
    expect(text(one(byClass(kent!, 'app-chart__note'), 'note'))).toBe('No submissions')
    expect(segmentsOf(surrey!).map((s) => s.key)).toEqual(['preparing', 'validated'])
    expect(all).toBeDefined()
    const { root: single } = render({ progress: progressOf([['Surrey', [0, 2, 0, 0, 0, 0, 0, 0, 1]]]) })
    expect(byClass(svgOf(single), 'app-chart__row')).toHaveLength(1)
    expect(text(one(byClass(single, 'app-chart__summary'), 'summary'))).toBe(
      'Of 3 submissions, 1 (33%) has been validated or published.',
    )
  })

  describe('with small numbers hidden', () => {
    const { root: hidden } = render({ format: suppress })
    const hiddenRows = byClass(svgOf(hidden), 'app-chart__row')

    it('hides a stage when any status in it is hidden, even if the stage’s own count is not small', () => {
      const northWest = segmentsOf(hiddenRows[0]!)
      expect(northWest.map((s) => s.hidden)).toEqual([true, true, true, true])
      expect(northWest.map((s) => s.label)).toEqual([null, null, null, null])
      expect(northWest[1]!.tooltip).toBe(
        'North West, In progress or awaiting sign-off: includes small numbers, not shown',
      )
      expect(figuresText(svgOf(hidden))).not.toMatch(/\b(5|11|12|17|22|36)\b/) // sums that would give hidden statuses away
      // Each stage is sized by its shown counts plus a fixed share per hidden count: not started 5
      // (1 hidden), in progress 10 and 2 (1 hidden), submitted to moderation 3, 6, 1, 1 (4 hidden),
      // validated 4 and 8 (2 hidden). Eight hidden counts of 1/16 each leave half the bar to the 10.
      expect(northWest.map((s) => s.width / BAR_WIDTH)).toEqual(
        [1 / 16, 1 / 2 + 1 / 16, 4 / 16, 2 / 16].map((share) => expect.closeTo(share, 3)),
      )
      expect(northWest.map((s) => s.fill)).toEqual([
        LEVEL_FILLS[0].fill,
        LEVEL_FILLS[1].fill,
        LEVEL_FILLS[2].fill,
        LEVEL_FILLS[3].fill,
      ])
      expect(northWest.every((s) => s.hatched)).toBe(true)
    })

    it('still labels stages made only of shown counts', () => {
      const london = segmentsOf(hiddenRows[1]!)
      expect(london.map((s) => [s.key, s.hidden, s.label])).toEqual([
        ['not-started', true, null],
        ['preparing', false, '10 (24%)'],
        ['validating', true, null],
        ['validated', true, null],
      ])
    })

    it('shows the formatter’s text in the table and falls back to a plain summary', () => {
      expect(tableOf(hidden).rows[0]).toEqual([
        'North West',
        '<10',
        '10',
        '<10',
        '<10',
        '<10',
        '<10',
        '<10',
        '<10',
        '<10',
        '40',
      ])
      expect(text(one(byClass(hidden, 'app-chart__summary'), 'summary'))).toBe(
        'The table below gives the number of submissions at each status in each region.',
      )
    })
  })

  it('shows a message, and no chart or table, with no submissions', () => {
    const { root: empty } = render({ progress: progressOf([['Kent', [0, 0, 0, 0, 0, 0, 0, 0, 0]]]) })
    expect(text(empty)).toBe('There are no submissions in this cycle yet.')
    expect(byTag(empty, 'svg')).toHaveLength(0)
    expect(byTag(empty, 'table')).toHaveLength(0)
  })
})

describe('summariseProgress', () => {
  it('names regions tied for the highest share, and says when none is done', () => {
    expect(
      summariseProgress(
        progressOf([
          ['Kent', [10, 0, 0, 0, 0, 0, 0, 10, 0]],
          ['Surrey', [0, 0, 0, 0, 20, 0, 0, 0, 20]],
        ]),
      ),
    ).toBe(
      'Of 60 submissions, 30 (50%) have been validated or published; Kent and Surrey have the highest share (50%).',
    )
    expect(
      summariseProgress(
        progressOf([
          ['Kent', [10, 0, 0, 0, 0, 0, 0, 0, 0]],
          ['Surrey', [0, 20, 0, 0, 0, 0, 0, 0, 0]],
        ]),
      ),
    ).toBe('Of 30 submissions, none has been validated or published yet.')
  })

  it('leaves out a region whose share rests on a hidden count', () => {
    const hideFive = (n: number) => (n === 5 ? '<10' : String(n))
    // Surrey's 80% includes 5 validated, a hidden count, so Kent's 75% leads.
    const progress = progressOf([
      ['Kent', [10, 0, 0, 0, 0, 0, 0, 10, 20]],
      ['Surrey', [10, 0, 0, 0, 0, 0, 0, 5, 35]],
    ])
    expect(summariseProgress(progress, hideFive)).toBe(
      'Of 90 submissions, 70 (78%) have been validated or published; Kent has the highest share (75%).',
    )
    expect(summariseProgress(progress)).toBe(
      'Of 90 submissions, 70 (78%) have been validated or published; Surrey has the highest share (80%).',
    )
  })
})
