// Geometry and styles of the radar ("spider") chart of outcome grades, shared by the web page's SVG
// (app/components/radar-chart.tsx) and the PDF reports (app/modules/reports/pdf/radar.ts), so both
// draw the same chart. Pure: no I/O.
import { formatGrade, stepsToGrade } from '~/modules/framework/grading'

/** Chart values 0..4 (`grading.chartValue`), one per axis; null = no grade. */
export type RadarSeries = { label: string; values: Array<number | null> }

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down'

export type SeriesStyle = {
  /** Okabe–Ito colour. */
  colour: string
  /** Dash pattern (on, off, ...) in chart units; empty = solid. */
  dash: readonly number[]
  marker: MarkerShape
}

/**
 * One style per series, in order. Okabe–Ito colours (blue, vermillion, bluish green, reddish purple,
 * black; its orange, sky blue and yellow are left out as below 3:1 against white), each with its own
 * dash pattern and marker shape, so colour never carries the meaning alone.
 */
export const RADAR_SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#0072B2', dash: [], marker: 'circle' },
  { colour: '#D55E00', dash: [8, 4], marker: 'square' },
  { colour: '#009E73', dash: [2, 3], marker: 'triangle' },
  { colour: '#CC79A7', dash: [10, 3, 2, 3], marker: 'diamond' },
  { colour: '#000000', dash: [14, 6], marker: 'triangle-down' },
]

export const MAX_RADAR_SERIES = RADAR_SERIES_STYLES.length

/**
 * How the rest of the chart looks, the same on the page and in the PDF: NHS.UK text, secondary text
 * and border colours, a white ground (the palette's 3:1 contrast and the points' white outlines
 * assume it), a light tint inside each series, and line widths and marker size as fractions of the
 * outer ring's radius so that a chart drawn at another size keeps its proportions.
 */
export const RADAR_STYLE = {
  gridColour: '#aeb7bd',
  textColour: '#212b32',
  secondaryTextColour: '#4c6272',
  background: '#ffffff',
  seriesFillOpacity: 0.08,
  /** Of the outer ring's radius. */
  seriesLineWidth: 2.5 / 120,
  gridLineWidth: 1 / 120,
  markerSize: 4.5 / 120,
  /** Of the marker size: the white outline that keeps overlapping points apart. */
  markerOutlineWidth: 0.22,
} as const

/**
 * The outline of a point marker of `size` centred on (x, y): a circle, or a polygon's corners
 * (square, triangle pointing up or down, diamond). Both renderers draw these.
 */
export function markerOutline(
  shape: MarkerShape,
  x: number,
  y: number,
  size: number,
): { kind: 'circle'; x: number; y: number; r: number } | { kind: 'polygon'; points: Array<[number, number]> } {
  const s = size
  switch (shape) {
    case 'circle':
      return { kind: 'circle', x, y, r: s }
    case 'square':
      return {
        kind: 'polygon',
        points: [
          [x - s, y - s],
          [x + s, y - s],
          [x + s, y + s],
          [x - s, y + s],
        ],
      }
    case 'triangle':
      return {
        kind: 'polygon',
        points: [
          [x, y - s * 1.3],
          [x + s * 1.2, y + s * 0.8],
          [x - s * 1.2, y + s * 0.8],
        ],
      }
    case 'triangle-down':
      return {
        kind: 'polygon',
        points: [
          [x, y + s * 1.3],
          [x + s * 1.2, y - s * 0.8],
          [x - s * 1.2, y - s * 0.8],
        ],
      }
    case 'diamond':
      return {
        kind: 'polygon',
        points: [
          [x, y - s * 1.35],
          [x + s * 1.35, y],
          [x, y + s * 1.35],
          [x - s * 1.35, y],
        ],
      }
  }
}

/** Highest chart value (Level 4, High). */
export const RADAR_MAX_VALUE = 4

/** "Level 2, Medium" for a chart value (rounded to the nearest sub-level step), "Not graded" for null. */
export function formatChartValue(value: number | null): string {
  if (value === null) return 'Not graded'
  return formatGrade(stepsToGrade(Math.round(value * 3)))
}

/** Angle of axis `index` of `count`: the first points up, the rest follow clockwise. */
export function axisAngle(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / count
}

/** Where `value` sits on axis `index` of `count`, for a chart of the given radius centred on (0, 0); y grows downwards. */
export function radarPoint(value: number, index: number, count: number, radius: number): { x: number; y: number } {
  const r = (radius * value) / RADAR_MAX_VALUE
  const angle = axisAngle(index, count)
  return { x: r * Math.cos(angle), y: r * Math.sin(angle) }
}

/**
 * Where an axis label goes: `labelRadius` from the centre, anchored so it sits outside the chart
 * whichever way the axis points, with `side` telling whether it is above, below or beside the chart.
 */
export function radarLabelPlacement(index: number, count: number, labelRadius: number) {
  const angle = axisAngle(index, count)
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const anchor: 'start' | 'middle' | 'end' = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end'
  const side: 'above' | 'below' | 'beside' = sin < -0.5 ? 'above' : sin > 0.5 ? 'below' : 'beside'
  return { x: labelRadius * cos, y: labelRadius * sin, anchor, side }
}

/**
 * Throws a RangeError for more than {@link MAX_RADAR_SERIES} series, a series without exactly one
 * value per axis, or a value outside 0..4.
 */
export function assertValidRadarInput(axes: readonly string[], series: readonly RadarSeries[]): void {
  if (series.length > MAX_RADAR_SERIES) {
    throw new RangeError(`A radar chart shows at most ${MAX_RADAR_SERIES} series, got ${series.length}`)
  }
  for (const { label, values } of series) {
    if (values.length !== axes.length) {
      throw new RangeError(`Series "${label}" has ${values.length} values for ${axes.length} axes`)
    }
    for (const value of values) {
      if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= RADAR_MAX_VALUE)) {
        throw new RangeError(`Series "${label}" has a value outside 0 to ${RADAR_MAX_VALUE}: ${String(value)}`)
      }
    }
  }
}

/** The sentence describing a radar chart to someone who cannot see it (SVG desc, PDF alternative text). */
export function describeRadar(axes: readonly string[], series: readonly RadarSeries[], axisName = 'outcome'): string {
  return (
    `Radar chart with one axis per ${axisName} (${axes.join(', ')})` +
    (series.length > 0 ? `, comparing ${series.map((s) => s.label).join(', ')}. ` : '. ') +
    'Rings mark levels 1 to 4 from the centre outwards; a line drawn to the centre without a point means no grade.'
  )
}
