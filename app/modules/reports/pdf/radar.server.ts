// The radar chart of grades in a PDF, drawn as vectors with the same geometry and styles as the
// web page's SVG (app/modules/charts/radar.ts): a tagged figure with alternative text, a key in
// words, and the data table beneath it, so colour never carries the meaning alone.
import {
  RADAR_MAX_VALUE,
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
} from '~/modules/charts/radar'
import { FONT_SIZES, type ReportWriter } from './writer.server'

const RADIUS = 105
const LABEL_GAP = 10
const LABEL_SIZE = 9
/** Height of one row of the key. */
const KEY_ROW = 16

export type RadarSpec = {
  /** Captions the data table. */
  title: string
  /** One sentence above the chart. */
  summary: string
  axes: string[]
  series: RadarSeries[]
  /** Radius of the outer ring in points (105 unless smaller, e.g. on a cover). */
  radius?: number
  /**
   * Whether the values follow in a table (the default). Leave it out only where the same values
   * are in a table elsewhere in the document, as on the outcome report's cover.
   */
  table?: boolean
  /** Formats a value for the table; defaults to formatChartValue ("Level 2, Medium"). */
  formatValue?: (value: number | null) => string
  /**
   * Where the key goes: under the chart (the default), or beside it, which saves height where the
   * chart must share a page with other things, as on a cover.
   */
  key?: 'below' | 'beside'
}

/** The height the radar takes, key included, before its table. */
export function radarHeight(spec: Pick<RadarSpec, 'radius' | 'series' | 'key'>): number {
  const chartHeight = 2 * (spec.radius ?? RADIUS) + 2 * (LABEL_GAP + LABEL_SIZE + 8)
  const keyHeight = spec.series.length * KEY_ROW
  return spec.key === 'beside' ? Math.max(chartHeight, keyHeight) : chartHeight + keyHeight
}

function marker(doc: PDFKit.PDFDocument, shape: MarkerShape, x: number, y: number, colour: string, radius: number) {
  const size = RADAR_STYLE.markerSize * radius
  const outline = markerOutline(shape, x, y, size)
  if (outline.kind === 'circle') doc.circle(outline.x, outline.y, outline.r)
  else doc.polygon(...outline.points)
  doc.lineWidth(RADAR_STYLE.markerOutlineWidth * size).fillAndStroke(colour, RADAR_STYLE.background)
}

export function drawRadar(writer: ReportWriter, spec: RadarSpec): void {
  assertValidRadarInput(spec.axes, spec.series)
  const doc = writer.doc
  const count = spec.axes.length
  writer.paragraph(spec.summary)

  const radius = spec.radius ?? RADIUS
  const beside = spec.key === 'beside'
  const keyHeight = spec.series.length * KEY_ROW
  const height = radarHeight(spec)
  const chartHeight = beside ? height : height - keyHeight
  writer.figure(
    `${describeRadar(spec.axes, spec.series)} ${spec.table === false ? 'The values are in the summary of grades.' : 'The values are in the table after the chart.'}`,
    height,
    (top) => {
      // Beside: the chart in the left half, the key in the right half, centred on the chart.
      const cx = beside ? writer.left + writer.width * 0.3 : writer.left + writer.width / 2
      const cy = top + chartHeight / 2
      // Rings and axes.
      doc.lineWidth(RADAR_STYLE.gridLineWidth * radius).strokeColor(RADAR_STYLE.gridColour)
      for (let level = 1; level <= RADAR_MAX_VALUE; level++)
        doc.circle(cx, cy, (radius * level) / RADAR_MAX_VALUE).stroke()
      for (let i = 0; i < count; i++) {
        const end = radarPoint(RADAR_MAX_VALUE, i, count, radius)
        doc
          .moveTo(cx, cy)
          .lineTo(cx + end.x, cy + end.y)
          .stroke()
      }
      doc.font('regular').fontSize(7).fillColor(RADAR_STYLE.secondaryTextColour)
      for (let level = 1; level <= RADAR_MAX_VALUE; level++) {
        doc.text(`Level ${level}`, cx + 3, cy - (radius * level) / RADAR_MAX_VALUE + 2, { lineBreak: false })
      }
      // Series: a dashed outline of its own, and a marker of its own at each graded point.
      spec.series.forEach((series, s) => {
        const style = RADAR_SERIES_STYLES[s]!
        const points = series.values.map((value, i) => radarPoint(value ?? 0, i, count, radius))
        doc.save()
        doc.polygon(...points.map((p): [number, number] => [cx + p.x, cy + p.y]))
        if (style.dash.length)
          doc.dash([...style.dash] as unknown as number, {}) // pdfkit takes a dash array; its types say number
        else doc.undash()
        doc
          .lineWidth(RADAR_STYLE.seriesLineWidth * radius)
          .lineJoin('round')
          .fillOpacity(RADAR_STYLE.seriesFillOpacity)
          .fillAndStroke(style.colour, style.colour)
        doc.restore()
        series.values.forEach((value, i) => {
          const p = points[i]
          if (value !== null && p) marker(doc, style.marker, cx + p.x, cy + p.y, style.colour, radius)
        })
      })
      // Axis labels outside the rings.
      doc.font('regular').fontSize(LABEL_SIZE).fillColor(RADAR_STYLE.textColour)
      spec.axes.forEach((label, i) => {
        const place = radarLabelPlacement(i, count, radius + LABEL_GAP)
        const width = doc.widthOfString(label)
        const x =
          place.anchor === 'start'
            ? cx + place.x
            : place.anchor === 'end'
              ? cx + place.x - width
              : cx + place.x - width / 2
        const y =
          place.side === 'above'
            ? cy + place.y - LABEL_SIZE - 2
            : place.side === 'below'
              ? cy + place.y + 1
              : cy + place.y - LABEL_SIZE / 2 - 1
        doc.text(label, x, y, { lineBreak: false })
      })
      // The key: a line sample with its marker, then the series name.
      let keyY = beside ? top + (chartHeight - keyHeight) / 2 : top + chartHeight + 4
      spec.series.forEach((series, s) => {
        const style = RADAR_SERIES_STYLES[s]!
        const x = beside ? writer.left + writer.width * 0.56 : writer.left + writer.width / 2 - 90
        doc.save()
        if (style.dash.length) doc.dash([...style.dash] as unknown as number, {}) // pdfkit takes a dash array; its types say number
        doc
          .lineWidth(RADAR_STYLE.seriesLineWidth * radius)
          .moveTo(x, keyY + 5)
          .lineTo(x + 36, keyY + 5)
          .stroke(style.colour)
        doc.restore()
        marker(doc, style.marker, x + 18, keyY + 5, style.colour, radius)
        doc
          .font('regular')
          .fontSize(FONT_SIZES.body - 1)
          .fillColor(RADAR_STYLE.textColour)
          .text(series.label, x + 44, keyY, { lineBreak: false })
        keyY += KEY_ROW
      })
    },
  )

  if (spec.table === false) return
  writer.table({
    columns: [{ header: 'Outcome', width: 2 }, ...spec.series.map((s) => ({ header: s.label, width: 1.3 }))],
    rows: spec.axes.map((axis, i) => [
      axis,
      ...spec.series.map((s) => (spec.formatValue ?? formatChartValue)(s.values[i] ?? null)),
    ]),
    rowHeaders: true,
  })
}
