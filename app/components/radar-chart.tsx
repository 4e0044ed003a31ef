import { Table } from '~/components/nhs'
import {
  MAX_RADAR_SERIES,
  RADAR_MAX_VALUE as MAX_VALUE,
  RADAR_SERIES_STYLES,
  RADAR_STYLE,
  assertValidRadarInput,
  describeRadar,
  formatChartValue,
  markerOutline,
  radarLabelPlacement,
  radarPoint,
  type MarkerShape,
  type RadarSeries,
  type SeriesStyle,
} from '~/modules/charts/radar'

export { MAX_RADAR_SERIES, RADAR_SERIES_STYLES, formatChartValue, type RadarSeries }

/**
 * A server-rendered SVG radar ("spider") chart of outcome grades: self-assessed against validated,
 * and the previous cycle when there is one (domain brief §7, issue 4 step 6). It replaces the radar
 * chart the Excel workbook drew.
 *
 * Accessibility:
 * - the SVG is one image (`role="img"`) named by its `<title>` and `<desc>`;
 * - colour never carries meaning alone: each series also has its own dash pattern and point marker,
 *   drawn in the HTML legend too; the colours are from the Okabe–Ito colour-blind-safe palette and
 *   each has at least 3:1 contrast with white (WCAG 1.4.11);
 * - the same data is in a real table beneath the chart, and a one-sentence summary sits above it.
 *
 * No inline styles (the Content Security Policy forbids them): SVG presentation attributes and the
 * `app-radar-chart` classes in app/styles/app.scss. No client JavaScript.
 */

export type RadarChartProps = {
  /** Names the chart (SVG `<title>`) and captions its data table. */
  title: string
  /** One sentence shown above the chart, e.g. "Agreed grades are at or above the self-assessment on five of six outcomes." */
  summary: string
  /** One label per axis, clockwise from the top, e.g. 'Outcome 1'. */
  axes: string[]
  /** Up to {@link MAX_RADAR_SERIES} series, e.g. self-assessed, validated, previous cycle. */
  series: RadarSeries[]
  /** Id of the chart's wrapper; also prefixes the ids of its parts. Unique on the page. */
  id: string
  /** Formats a value for the data table; defaults to {@link formatChartValue} ("Level 2, Medium"). */
  formatValue?: (value: number | null) => string
  /** Heading of the table's first column (the axes). Defaults to "Outcome". */
  axisHeading?: string
}

/** Radius of the outer ring (level 4) in viewBox units; the chart is centred on (0, 0). */
const RADIUS = 120
/** Distance of the axis labels from the centre. */
const LABEL_RADIUS = RADIUS + 12
const AXIS_LABEL_FONT_SIZE = 13
/** Rough width of a character of the axis labels, to leave room for them in the viewBox. */
const AVERAGE_CHARACTER_WIDTH = AXIS_LABEL_FONT_SIZE * 0.6
/** Space kept around everything drawn. */
const PADDING = 10
const FONT_FAMILY = 'arial, sans-serif'
const { gridColour: GRID_COLOUR, textColour: TEXT_COLOUR, secondaryTextColour: SECONDARY_TEXT_COLOUR } = RADAR_STYLE
const MARKER_SIZE = RADAR_STYLE.markerSize * RADIUS
const SERIES_LINE_WIDTH = RADAR_STYLE.seriesLineWidth * RADIUS
const GRID_LINE_WIDTH = RADAR_STYLE.gridLineWidth * RADIUS

/** Coordinates to two decimals, without "-0", to keep the markup small and stable. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100 + 0)
}

function point(value: number, index: number, count: number): { x: number; y: number } {
  return radarPoint(value, index, count, RADIUS)
}

/** A marker of the given shape centred on (x, y), filled with `colour`. */
function Marker({
  shape,
  x,
  y,
  colour,
  className,
}: {
  shape: MarkerShape
  x: number
  y: number
  colour: string
  className: string
}) {
  const outline = markerOutline(shape, x, y, MARKER_SIZE)
  const common = {
    className,
    fill: colour,
    stroke: RADAR_STYLE.background,
    strokeWidth: n(RADAR_STYLE.markerOutlineWidth * MARKER_SIZE),
  }
  if (outline.kind === 'circle') return <circle {...common} cx={n(outline.x)} cy={n(outline.y)} r={n(outline.r)} />
  return <path {...common} d={`M${outline.points.map(([px, py]) => `${n(px)} ${n(py)}`).join('L')}Z`} />
}

/** Text anchor and baseline offset so a label sits outside the chart whichever way its axis points. */
function labelPosition(index: number, count: number): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const { x, y, anchor, side } = radarLabelPlacement(index, count, LABEL_RADIUS)
  // Baselines: above the point at the top, below it at the bottom, centred on the sides.
  const dy = side === 'above' ? -4 : side === 'below' ? 12 : 4
  return { x, y: y + dy, anchor }
}

/**
 * The viewBox: centred on (0, 0) and just large enough for the rings and the axis labels (whose
 * widths are estimated), so the chart fills its width whatever the number and length of labels.
 */
function viewBox(axes: string[]): { x: number; y: number; width: number; height: number } {
  let halfWidth = RADIUS
  let halfHeight = RADIUS
  axes.forEach((label, index) => {
    const { x, y, anchor } = labelPosition(index, axes.length)
    const width = label.length * AVERAGE_CHARACTER_WIDTH
    const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width
    halfWidth = Math.max(halfWidth, Math.abs(left), Math.abs(left + width))
    halfHeight = Math.max(halfHeight, Math.abs(y - AXIS_LABEL_FONT_SIZE), Math.abs(y + 3))
  })
  halfWidth = Math.ceil(halfWidth + PADDING)
  halfHeight = Math.ceil(halfHeight + PADDING)
  return { x: -halfWidth, y: -halfHeight, width: 2 * halfWidth, height: 2 * halfHeight }
}

function Swatch({ style }: { style: SeriesStyle }) {
  return (
    <svg
      className="app-radar-chart__swatch"
      viewBox="0 0 48 16"
      width="48"
      height="16"
      aria-hidden="true"
      focusable="false"
    >
      <line
        x1="2"
        y1="8"
        x2="46"
        y2="8"
        stroke={style.colour}
        strokeWidth={SERIES_LINE_WIDTH}
        strokeDasharray={style.dash.length ? style.dash.join(' ') : 'none'}
      />
      <Marker shape={style.marker} x={24} y={8} colour={style.colour} className="app-radar-chart__swatch-marker" />
    </svg>
  )
}

/**
 * Radar chart of grades per outcome with its summary, legend and data table. Values are chart
 * values 0..4 (level 1 ring = 1 ... level 4 ring = 4); a null value is drawn at the centre with no
 * point and shown as "Not graded" in the table. Throws a RangeError for more than
 * {@link MAX_RADAR_SERIES} series, a series without exactly one value per axis, or a value outside 0..4.
 */
export function RadarChart({
  title,
  summary,
  axes,
  series,
  id,
  formatValue = formatChartValue,
  axisHeading = 'Outcome',
}: RadarChartProps): JSX.Element {
  assertValidRadarInput(axes, series)
  const count = axes.length
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  const seriesLabels = series.map((s) => s.label)
  const box = viewBox(axes)
  const description = `${describeRadar(axes, series, axisHeading.toLowerCase())} The values are in the table below the chart.`

  return (
    <div className="app-radar-chart" id={id}>
      <p className="nhsuk-body app-radar-chart__summary" id={`${id}-summary`}>
        {summary}
      </p>
      <svg
        className="app-radar-chart__svg"
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
        xmlns="http://www.w3.org/2000/svg"
        fontFamily={FONT_FAMILY}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>

        {/* White behind the chart: the palette's contrast (3:1 or more) and the white outlines of the points assume it. */}
        <rect
          className="app-radar-chart__background"
          x={box.x}
          y={box.y}
          width={box.width}
          height={box.height}
          fill={RADAR_STYLE.background}
        />

        <g className="app-radar-chart__grid">
          {[1, 2, 3, 4].map((level) => (
            <circle
              key={level}
              className="app-radar-chart__ring"
              cx="0"
              cy="0"
              r={n((RADIUS * level) / MAX_VALUE)}
              fill="none"
              stroke={GRID_COLOUR}
              strokeWidth={GRID_LINE_WIDTH}
            />
          ))}
          {axes.map((label, index) => {
            const end = point(MAX_VALUE, index, count)
            return (
              <line
                key={`${index}-${label}`}
                className="app-radar-chart__axis"
                x1="0"
                y1="0"
                x2={n(end.x)}
                y2={n(end.y)}
                stroke={GRID_COLOUR}
                strokeWidth={GRID_LINE_WIDTH}
              />
            )
          })}
          {/* Scale labels on the upward axis, drawn under the data so they never hide a point. */}
          {[1, 2, 3, 4].map((level) => (
            <text
              key={level}
              className="app-radar-chart__ring-label"
              x="4"
              y={n((-RADIUS * level) / MAX_VALUE + 11)}
              fontSize={11}
              fill={SECONDARY_TEXT_COLOUR}
              stroke={RADAR_STYLE.background}
              strokeWidth={3}
              strokeLinejoin="round"
              paintOrder="stroke"
            >
              {`Level ${level}`}
            </text>
          ))}
        </g>

        <g className="app-radar-chart__series-group">
          {series.map((s, seriesIndex) => {
            const style = RADAR_SERIES_STYLES[seriesIndex]
            if (!style) return null // unreachable: the series count is checked above
            const points = s.values.map((value, index) => point(value ?? 0, index, count))
            return (
              <g key={seriesIndex} className="app-radar-chart__series-item">
                <polygon
                  className="app-radar-chart__series"
                  points={points.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}
                  fill={style.colour}
                  fillOpacity={RADAR_STYLE.seriesFillOpacity}
                  stroke={style.colour}
                  strokeWidth={SERIES_LINE_WIDTH}
                  strokeDasharray={style.dash.length ? style.dash.join(' ') : 'none'}
                  strokeLinejoin="round"
                />
                {s.values.map((value, index) => {
                  const p = points[index]
                  if (value === null || !p) return null
                  return (
                    <Marker
                      key={index}
                      shape={style.marker}
                      x={p.x}
                      y={p.y}
                      colour={style.colour}
                      className="app-radar-chart__point"
                    />
                  )
                })}
              </g>
            )
          })}
        </g>

        <g className="app-radar-chart__labels" fill={TEXT_COLOUR}>
          {axes.map((label, index) => {
            const position = labelPosition(index, count)
            return (
              <text
                key={`${index}-${label}`}
                className="app-radar-chart__axis-label"
                x={n(position.x)}
                y={n(position.y)}
                textAnchor={position.anchor}
                fontSize={AXIS_LABEL_FONT_SIZE}
              >
                {label}
              </text>
            )
          })}
        </g>
      </svg>

      {series.length > 0 ? (
        <ul className="app-radar-chart__legend" id={`${id}-legend`} aria-label="Key to the chart">
          {series.map((s, seriesIndex) => {
            const style = RADAR_SERIES_STYLES[seriesIndex]
            if (!style) return null
            return (
              <li key={seriesIndex} className="app-radar-chart__legend-item">
                <Swatch style={style} />
                <span>{s.label}</span>
              </li>
            )
          })}
        </ul>
      ) : null}

      <Table
        id={`${id}-table`}
        className="app-radar-chart__table"
        caption={title}
        head={[axisHeading, ...seriesLabels]}
        rows={axes.map((label, index) => [label, ...series.map((s) => formatValue(s.values[index] ?? null))])}
        firstCellIsHeader
        responsive
      />
    </div>
  )
}
