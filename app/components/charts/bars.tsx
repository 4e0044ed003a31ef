import type { ReactNode } from 'react'
import { cx } from '~/components/nhs'
import { countWithPercent, isShown, shownPercent, type CountFormat } from './format'
import { HATCH, TEXT_COLOUR, type Fill, type FillPattern } from '~/modules/charts/palette'

// The parts the dashboard charts share: a frame with the one-sentence summary, an SVG of labelled
// horizontal bars (stacked to 100%, or diverging about a centre line), and a key. Server-rendered,
// no client JavaScript and no inline styles (the CSP forbids them): SVG presentation attributes and
// the `app-chart` classes in app/styles/app.scss.
//
// Small numbers: a count the page's formatter hides ("<5") is never printed, turned into a
// percentage or added into a figure shown. In the bars, each hidden count takes a fixed share of
// its bar whatever its value, and the shown counts share the rest in proportion; a segment holding
// a hidden count is striped and left unlabelled. So no width gives a hidden count away (nor their
// sum), at the price of bars with stripes being only roughly to scale: their labels and the table
// give the figures.

/** Width of every bar chart's viewBox; the SVG scales to its container from there. */
export const VIEW_WIDTH = 480
const PADDING = 4
const LABEL_FONT_SIZE = 14
const SEGMENT_FONT_SIZE = 13
/** Rough width of a character, to tell whether a label fits inside its segment. */
const CHARACTER_WIDTH = SEGMENT_FONT_SIZE * 0.6
const LABEL_BASELINE = 15
/** Room between the label line and the bar for the median's pointer. */
const BAR_TOP = 28
const BAR_HEIGHT = 28
const ROW_GAP = 18
const ROW_HEIGHT = BAR_TOP + BAR_HEIGHT + ROW_GAP
const FONT_FAMILY = 'arial, sans-serif'
/** Share of a bar given to each hidden count (less when a bar has more than six). */
export const SUPPRESSED_SHARE = 0.08

/** Coordinates to two decimals, without "-0", to keep the markup small and stable. */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100 + 0)
}

/** One part of a bar: a level, a side of a comparison, a stage of the workflow. */
export type BarPart = {
  /** Class suffix and React key, e.g. 'level-2'. */
  key: string
  /** What the part stands for, e.g. 'Level 2'. */
  name: string
  count: number
  /** The counts this part adds up, when it is a sum: if any is hidden, so is the part. */
  components?: readonly number[]
  fill: Fill
}

export type BarRowInput = {
  key: string
  /** Above the bar, on the left: 'Outcome 1', 'North West'. */
  label: string
  /** Above the bar, on the right: 'Median 2 (20 graded)'. */
  note: string
  parts: readonly BarPart[]
  /** What the percentages are of, e.g. the number graded. */
  total: number
}

export type Segment = BarPart & {
  /** Whether the formatter shows the count: only then is the segment sized by it and labelled. */
  shown: boolean
  /** Left edge and width in viewBox units. */
  x: number
  width: number
  /** The count (and percentage) printed inside, when shown and it fits. */
  label: string | null
  /** Tooltip: the part's name and its formatted count. */
  tooltip: string
}

type BarRowLayout = BarRowInput & { y: number; barY: number; segments: Segment[] }

/**
 * Which parts are drawn, with their share of the bar: see the note on small numbers above. A part
 * made of several counts (`components`) with some hidden is sized by its shown counts plus a fixed
 * share for each hidden one, and is hidden itself. Parts with a shown count of 0 are not drawn.
 */
export function barShares(
  parts: readonly BarPart[],
  format: CountFormat,
): Array<{ part: BarPart; shown: boolean; share: number }> {
  const sized = parts.map((part) => {
    const hiddenComponents = (part.components ?? []).filter((count) => !isShown(format, count))
    if (!isShown(format, part.count))
      return { part, shown: false, shownCount: 0, hiddenCounts: Math.max(1, hiddenComponents.length) }
    if (hiddenComponents.length === 0) return { part, shown: true, shownCount: part.count, hiddenCounts: 0 }
    const shownCount = (part.components ?? [])
      .filter((count) => isShown(format, count))
      .reduce((sum, count) => sum + count, 0)
    return { part, shown: false, shownCount, hiddenCounts: hiddenComponents.length }
  })
  const drawn = sized.filter((s) => !s.shown || s.part.count > 0)
  const shownSum = drawn.reduce((sum, s) => sum + s.shownCount, 0)
  const hiddenSum = drawn.reduce((sum, s) => sum + s.hiddenCounts, 0)
  if (shownSum === 0) return drawn.map((s) => ({ part: s.part, shown: s.shown, share: s.hiddenCounts / hiddenSum }))
  const hiddenShare = hiddenSum === 0 ? 0 : Math.min(SUPPRESSED_SHARE, 0.5 / hiddenSum)
  const shownShare = 1 - hiddenSum * hiddenShare
  return drawn.map((s) => ({
    part: s.part,
    shown: s.shown,
    share: (shownShare * s.shownCount) / shownSum + s.hiddenCounts * hiddenShare,
  }))
}

/** The width of a segment's label with a little room either side (the plate behind it). */
function labelWidth(text: string): number {
  return text.length * CHARACTER_WIDTH + 6
}

/** Whether `text` fits inside a segment `width` wide. */
function fits(text: string, width: number): boolean {
  return text.length * CHARACTER_WIDTH + 8 <= width
}

/**
 * Places the rows one under another. `stacked`: each bar fills the width. `diverging`: the parts
 * are lower, same, higher, and each bar is centred on the middle of its "same" part, on a centre
 * line shared by all bars and placed so the longest sides fit.
 */
export function layoutBars(
  rows: readonly BarRowInput[],
  mode: 'stacked' | 'diverging',
  format: CountFormat,
  labelsFor: (part: BarPart, row: BarRowInput) => string[],
): { rows: BarRowLayout[]; centreX: number | null; height: number } {
  const shares = rows.map((row) => barShares(row.parts, format))
  const barWidth = VIEW_WIDTH - 2 * PADDING
  let centreX: number | null = null
  let scale = barWidth
  const leftOf: number[] = rows.map(() => 0)
  if (mode === 'diverging') {
    rows.forEach((row, index) => {
      const [lower, same] = row.parts
      const share = (part: BarPart | undefined) => shares[index]!.find((s) => s.part === part)?.share ?? 0
      leftOf[index] = share(lower) + share(same) / 2
    })
    const rights = rows.map((_, index) => shares[index]!.reduce((sum, s) => sum + s.share, 0) - leftOf[index]!)
    const maxLeft = Math.max(0, ...leftOf)
    const maxRight = Math.max(0, ...rights)
    scale = maxLeft + maxRight > 0 ? barWidth / (maxLeft + maxRight) : barWidth
    centreX = PADDING + maxLeft * scale
  }
  const laidOut = rows.map((row, index) => {
    const y = index * ROW_HEIGHT
    let x = centreX === null ? PADDING : centreX - leftOf[index]! * scale
    const segments = shares[index]!.map(({ part, shown, share }) => {
      const width = share * scale
      const candidates = shown ? labelsFor(part, row) : []
      const segment: Segment = {
        ...part,
        shown,
        x,
        width,
        label: candidates.find((text) => fits(text, width)) ?? null,
        tooltip: `${row.label}, ${part.name}: ${shown ? countWithPercent(format, part.count, row.total) : hiddenCount(format, part)}`,
      }
      x += width
      return segment
    })
    return { ...row, y, barY: y + BAR_TOP, segments }
  })
  return { rows: laidOut, centreX, height: Math.max(rows.length * ROW_HEIGHT - ROW_GAP, 1) }
}

/** A hidden part in words: the formatter's text ("<5"), or for a sum of counts some of which are hidden, no figure at all. */
function hiddenCount(format: CountFormat, part: BarPart): string {
  return isShown(format, part.count) ? 'includes small numbers, not shown' : format(part.count)
}

/** Labels inside a segment, longest first: "12 (40%)", then "12". */
export function countAndPercentLabels(format: CountFormat) {
  return (part: BarPart, row: BarRowInput): string[] => {
    const percent = shownPercent(format, part.count, row.total)
    return percent === null ? [format(part.count)] : [`${format(part.count)} (${percent})`, format(part.count)]
  }
}

/** The summary sentence above a chart, and the chart itself. */
export function ChartFrame({
  id,
  summary,
  className,
  children,
}: {
  id: string
  summary: string
  className: string
  children?: ReactNode
}) {
  return (
    <div className={cx('app-chart', className)} id={id}>
      <p className="nhsuk-body app-chart__summary" id={`${id}-summary`}>
        {summary}
      </p>
      {children}
    </div>
  )
}

/** Width of the white gap between two segments of a bar (half from each), so that no two parts touch. */
const SEGMENT_GAP = 2
/** Side of a part pattern's tile. */
const TILE = 6

/**
 * The marks of a part's pattern in one tile, in `colour` (the fill's text colour, 4.5:1 against
 * it): dots, horizontal or vertical lines, or a grid. Nothing for 'none'.
 */
function PatternMarks({ pattern, colour }: { pattern: FillPattern; colour: string }) {
  const half = TILE / 2
  const horizontal = <line x1="0" y1={half} x2={TILE} y2={half} stroke={colour} strokeWidth={1.2} />
  const vertical = <line x1={half} y1="0" x2={half} y2={TILE} stroke={colour} strokeWidth={1.2} />
  if (pattern === 'dots') return <circle cx={half} cy={half} r={1.3} fill={colour} />
  if (pattern === 'horizontal') return horizontal
  if (pattern === 'vertical') return vertical
  if (pattern === 'grid')
    return (
      <>
        {horizontal}
        {vertical}
      </>
    )
  return null
}

/** A part's pattern as an SVG `<pattern>`, to fill a rectangle drawn over the part's colour. */
function PartPattern({ id, fill }: { id: string; fill: Fill }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={TILE} height={TILE}>
      <PatternMarks pattern={fill.pattern} colour={fill.text} />
    </pattern>
  )
}

/** White diagonal stripes over the fill of a part that includes hidden small numbers. */
function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <line x1="0" y1="0" x2="0" y2="6" stroke={HATCH.stripe} strokeWidth={2} />
    </pattern>
  )
}

/**
 * An SVG image of bar rows: each row has its label and note above its bar; segments carry their
 * labels inside when they fit. `children` are drawn on top (e.g. median marks).
 */
export function BarChartSvg({
  id,
  title,
  description,
  layout,
  children,
}: {
  id: string
  title: string
  description: string
  layout: ReturnType<typeof layoutBars>
  children?: ReactNode
}) {
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  const hatchId = `${id}-hatch`
  // Below the last bar: room for its median pointer.
  const height = layout.height + PADDING + 10
  const hasHidden = layout.rows.some((row) => row.segments.some((segment) => !segment.shown))
  // One pattern per kind of part (a level, a side, a stage), whatever row it is in.
  const patterned = new Map<string, Fill>()
  for (const row of layout.rows)
    for (const segment of row.segments) if (segment.fill.pattern !== 'none') patterned.set(segment.key, segment.fill)
  const patternId = (key: string) => `${id}-pattern-${key}`
  return (
    <svg
      className="app-chart__svg"
      viewBox={`0 ${-PADDING} ${VIEW_WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
      fontFamily={FONT_FAMILY}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {hasHidden || patterned.size > 0 ? (
        <defs>
          {hasHidden ? <HatchPattern id={hatchId} /> : null}
          {[...patterned].map(([key, fill]) => (
            <PartPattern key={key} id={patternId(key)} fill={fill} />
          ))}
        </defs>
      ) : null}
      {/* White behind the chart: the colours' contrast (3:1 or more) assumes it. */}
      <rect className="app-chart__background" x="0" y={-PADDING} width={VIEW_WIDTH} height={height} fill="#ffffff" />

      {/* Behind the bars: it shows between them, lining up their middles, and never crosses a label. */}
      {layout.centreX !== null && layout.rows.length > 0 ? (
        <line
          className="app-chart__centre-line"
          x1={n(layout.centreX)}
          y1={n(BAR_TOP - 4)}
          x2={n(layout.centreX)}
          y2={n(layout.height + 4)}
          stroke={TEXT_COLOUR}
          strokeWidth={1.5}
          strokeDasharray="4 3"
        />
      ) : null}
      {layout.rows.map((row) => (
        <g key={row.key} className="app-chart__row">
          <text
            className="app-chart__label"
            x={PADDING}
            y={n(row.y + LABEL_BASELINE)}
            fontSize={LABEL_FONT_SIZE}
            fontWeight="bold"
            fill={TEXT_COLOUR}
          >
            {row.label}
          </text>
          <text
            className="app-chart__note"
            x={VIEW_WIDTH - PADDING}
            y={n(row.y + LABEL_BASELINE)}
            textAnchor="end"
            fontSize={LABEL_FONT_SIZE}
            fill={TEXT_COLOUR}
          >
            {row.note}
          </text>
          {row.segments.map((segment) => (
            <g
              key={segment.key}
              className={cx(
                'app-chart__segment',
                `app-chart__segment--${segment.key}`,
                !segment.shown && 'app-chart__segment--hidden',
              )}
            >
              <title>{segment.tooltip}</title>
              {/* The white outline leaves a gap between two parts, so no two parts touch. */}
              <rect
                className="app-chart__bar"
                x={n(segment.x)}
                y={n(row.barY)}
                width={n(segment.width)}
                height={BAR_HEIGHT}
                fill={segment.fill.fill}
                stroke="#ffffff"
                strokeWidth={SEGMENT_GAP}
              />
              {segment.fill.pattern === 'none' ? null : (
                <rect
                  className="app-chart__pattern"
                  x={n(segment.x + SEGMENT_GAP / 2)}
                  y={n(row.barY)}
                  width={n(Math.max(segment.width - SEGMENT_GAP, 0.5))}
                  height={BAR_HEIGHT}
                  fill={`url(#${patternId(segment.key)})`}
                />
              )}
              {segment.shown ? null : (
                <rect
                  className="app-chart__hatch"
                  x={n(segment.x)}
                  y={n(row.barY)}
                  width={n(segment.width)}
                  height={BAR_HEIGHT}
                  fill={`url(#${hatchId})`}
                />
              )}
              {segment.label !== null && segment.fill.pattern !== 'none' ? (
                // A plain plate of the part's colour behind its number, so the pattern never crosses the text.
                <rect
                  className="app-chart__plate"
                  x={n(segment.x + segment.width / 2 - labelWidth(segment.label) / 2)}
                  y={n(row.barY + BAR_HEIGHT / 2 - 9)}
                  width={n(labelWidth(segment.label))}
                  height={18}
                  rx={2}
                  fill={segment.fill.fill}
                />
              ) : null}
              {segment.label !== null ? (
                <text
                  className="app-chart__value"
                  x={n(segment.x + segment.width / 2)}
                  y={n(row.barY + BAR_HEIGHT / 2 + SEGMENT_FONT_SIZE * 0.35)}
                  textAnchor="middle"
                  fontSize={SEGMENT_FONT_SIZE}
                  fill={segment.fill.text}
                >
                  {segment.label}
                </text>
              ) : null}
            </g>
          ))}
        </g>
      ))}

      {children}
    </svg>
  )
}

export type KeyItem = { key: string; label: string } & (
  { kind: 'fill'; fill: Fill } | { kind: 'hidden' } | { kind: 'median' }
)

/** A pattern in words, for the key: "Level 1, dotted". */
export const PATTERN_WORDS: Record<Exclude<FillPattern, 'none'>, string> = {
  dots: 'dotted',
  horizontal: 'horizontal lines',
  vertical: 'vertical lines',
  grid: 'grid',
}

/** The key beneath a chart: a swatch and a name for each colour, hatching or mark used. */
export function ChartKey({ id, items }: { id: string; items: readonly KeyItem[] }) {
  return (
    <ul className="app-chart__key" id={`${id}-key`} aria-label="Key to the chart">
      {items.map((item) => (
        <li key={item.key} className={cx('app-chart__key-item', `app-chart__key-item--${item.key}`)}>
          <svg
            className="app-chart__swatch"
            viewBox="0 0 16 16"
            width="16"
            height="16"
            aria-hidden="true"
            focusable="false"
          >
            {item.kind === 'fill' ? (
              <>
                <rect x="0.5" y="0.5" width="15" height="15" fill={item.fill.fill} stroke={item.fill.fill} />
                {item.fill.pattern === 'none' ? null : (
                  <>
                    <defs>
                      <PartPattern id={`${id}-key-pattern-${item.key}`} fill={item.fill} />
                    </defs>
                    <rect x="0.5" y="0.5" width="15" height="15" fill={`url(#${id}-key-pattern-${item.key})`} />
                  </>
                )}
              </>
            ) : null}
            {item.kind === 'hidden' ? (
              <>
                <rect x="0" y="0" width="16" height="16" fill={HATCH.keyFill} />
                <path d="M0 8L8 0M0 16L16 0M8 16L16 8" stroke={HATCH.stripe} strokeWidth={2} />
              </>
            ) : null}
            {item.kind === 'median' ? <MedianMark x={8} top={6.5} bottom={9.5} size={6} /> : null}
          </svg>
          <span>
            {item.label}
            {item.kind === 'fill' && item.fill.pattern !== 'none' ? `, ${PATTERN_WORDS[item.fill.pattern]}` : null}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** The key item for hidden small numbers. */
export const HIDDEN_KEY_ITEM: KeyItem = {
  key: 'hidden',
  kind: 'hidden',
  label: 'Striped: includes small numbers not shown (bar only roughly to scale)',
}

/** The sentence the description of a chart with striped parts gains. */
export const HIDDEN_DESCRIPTION =
  'Striped parts include small numbers that are not shown, so their bars are only roughly to scale.'

/** Whether any segment of the layout hides a small number. */
export function hasHiddenSegments(layout: ReturnType<typeof layoutBars>): boolean {
  return layout.rows.some((row) => row.segments.some((segment) => !segment.shown))
}

/**
 * A mark pointing at `x` from above and below a bar: two black triangles with their tips at `top`
 * and `bottom`. Drawn outside the bar, so it never hides a count and shows on any fill.
 */
export function MedianMark({
  x,
  top,
  bottom,
  size = 7,
  className,
}: {
  x: number
  top: number
  bottom: number
  size?: number
  className?: string
}) {
  const half = size * 0.75
  return (
    <g className={className} fill="#000000">
      <path d={`M${n(x - half)} ${n(top - size)}H${n(x + half)}L${n(x)} ${n(top)}Z`} />
      <path d={`M${n(x - half)} ${n(bottom + size)}H${n(x + half)}L${n(x)} ${n(bottom)}Z`} />
    </g>
  )
}

/** Where a bar's mark points from: just above and just below the bar. */
export function markSpan(row: BarRowLayout): { top: number; bottom: number } {
  return { top: row.barY - 1, bottom: row.barY + BAR_HEIGHT + 1 }
}
