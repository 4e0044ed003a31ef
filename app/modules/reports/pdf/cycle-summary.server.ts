// The regional and national summaries of a cycle (issue 5, item 3): submission progress, the
// distribution of agreed levels per outcome, and every organisation's agreed grades.
import { stepsToGrade } from '~/modules/framework/grading'
import { SUBMISSION_STATUS_LABELS } from '~/modules/submissions/status'
import type { CycleSummary, ReportReader } from '../model'
import { LEVEL_FILLS, type Fill } from '~/modules/charts/palette'
import { COLOURS, ReportWriter } from './writer.server'

const SHORT_SUB_LEVEL = { LOW: 'Low', MEDIUM: 'Med', HIGH: 'High' } as const

/** "2 Med" for a grade in steps: short enough for a six-outcome table; "–" when not agreed. */
export function shortGrade(steps: number | null): string {
  if (steps === null) return '–'
  const grade = stepsToGrade(steps)
  return grade.level === 0 ? '0' : `${grade.level} ${SHORT_SUB_LEVEL[grade.subLevel]}`
}

/** "2", "2.5", or "None" for a median level. */
export function formatMedian(median: number | null): string {
  return median === null ? 'None' : median.toLocaleString('en-GB', { maximumFractionDigits: 1 })
}

/**
 * Levels take the dashboards' colours (modules/charts/palette.ts): light and dark in turn, each with
 * 3:1 against white and against the levels beside it, and each with its own pattern; white gaps part
 * the segments. The labels ("L2: 5") and the key in words carry the levels too.
 */
function drawPattern(doc: PDFKit.PDFDocument, fill: Fill, x: number, y: number, w: number, h: number): void {
  if (fill.pattern === 'none') return
  const step = 4
  doc.save()
  doc.rect(x, y, w, h).clip()
  doc.lineWidth(0.7).strokeColor(fill.text).fillColor(fill.text)
  if (fill.pattern === 'dots') {
    for (let dy = step / 2; dy < h; dy += step)
      for (let dx = step / 2; dx < w; dx += step) doc.circle(x + dx, y + dy, 0.8).fill()
  }
  if (fill.pattern === 'horizontal' || fill.pattern === 'grid')
    for (let dy = step / 2; dy < h; dy += step)
      doc
        .moveTo(x, y + dy)
        .lineTo(x + w, y + dy)
        .stroke()
  if (fill.pattern === 'vertical' || fill.pattern === 'grid')
    for (let dx = step / 2; dx < w; dx += step)
      doc
        .moveTo(x + dx, y)
        .lineTo(x + dx, y + h)
        .stroke()
  doc.restore()
}

/** A part of the chart: its colour, then its pattern. */
function drawPart(doc: PDFKit.PDFDocument, fill: Fill, x: number, y: number, w: number, h: number): void {
  doc.rect(x, y, w, h).fill(fill.fill)
  drawPattern(doc, fill, x, y, w, h)
}

/** One horizontal bar per outcome, split by level, each part labelled with its count. */
function distributionChart(writer: ReportWriter, summary: CycleSummary): void {
  const rows = summary.distribution
  const rowHeight = 20
  const labelWidth = 70
  const height = rows.length * rowHeight + 34
  const alt = `Bar chart of agreed levels by outcome. ${rows
    .map((r) => `Outcome ${r.outcomeNumber}: ${r.levelCounts.map((c, level) => `${c} at level ${level}`).join(', ')}`)
    .join('. ')}. The same figures are in the table after the chart.`
  writer.figure(alt, height, (top) => {
    const doc = writer.doc
    const barWidth = writer.width - labelWidth
    rows.forEach((row, i) => {
      const y = top + i * rowHeight
      doc
        .font('regular')
        .fontSize(9)
        .fillColor(COLOURS.text)
        .text(`Outcome ${row.outcomeNumber}`, writer.left, y + 4, { lineBreak: false })
      let x = writer.left + labelWidth
      if (row.graded === 0) {
        doc.fillColor(COLOURS.secondary).text('No agreed grades', x, y + 4, { lineBreak: false })
        return
      }
      row.levelCounts.forEach((count, level) => {
        if (count === 0) return
        const w = (count / row.graded) * barWidth
        const fill = LEVEL_FILLS[level]!
        // A white gap of 1.5 points on the right of each segment.
        const drawn = Math.max(w - 1.5, 0.5)
        drawPart(doc, fill, x, y, drawn, rowHeight - 4)
        const label = `L${level}: ${count}`
        doc.font('regular').fontSize(8)
        const labelWidth = doc.widthOfString(label)
        if (labelWidth + 6 < drawn) {
          // A plain plate of the level's colour behind the label, so the pattern never crosses it.
          doc.rect(x + 1, y + 2, labelWidth + 4, rowHeight - 8).fill(fill.fill)
          doc.fillColor(fill.text).text(label, x + 3, y + 4, { lineBreak: false })
        }
        x += w
      })
    })
    // Key: the levels, in words, with their colours.
    let x = writer.left + labelWidth
    const keyY = top + rows.length * rowHeight + 8
    for (let level = 0; level <= 4; level++) {
      const fill = LEVEL_FILLS[level]!
      drawPart(doc, fill, x, keyY, 10, 10)
      doc
        .fillColor(COLOURS.text)
        .font('regular')
        .fontSize(8.5)
        .text(`Level ${level} (L${level})`, x + 14, keyY + 1, { lineBreak: false })
      x += 78
    }
  })
}

/** Renders a regional or national summary; returns the PDF's bytes. */
export function renderCycleSummary(summary: CycleSummary, reader: ReportReader): Promise<Buffer> {
  const scopeName =
    summary.scope.kind === 'national' ? 'National summary' : `Regional summary: ${summary.scope.regionName}`
  const writer = new ReportWriter({
    title: `${scopeName}, ${summary.cycleName}`,
    subject: `Attainment of library and knowledge services in ${summary.cycleName}`,
    runningHeader: `${scopeName} · ${summary.cycleName}`,
    keywords: 'LKS quality, summary',
    reader,
  })
  const national = summary.scope.kind === 'national'
  writer.title(scopeName, `${summary.cycleName} cycle, ${summary.editionName}`)
  const total = summary.statusCounts.reduce((sum, s) => sum + s.count, 0)
  const published = summary.statusCounts.find((s) => s.status === 'PUBLISHED')?.count ?? 0
  const graded = summary.organisations.filter((o) => o.agreedSteps.some((s) => s !== null)).length
  writer.facts([
    ['Cycle', summary.cycleName],
    ['Framework edition', summary.editionName],
    ['Scope', summary.scope.kind === 'national' ? 'All regions' : summary.scope.regionName],
    ['Submissions', total.toLocaleString('en-GB')],
    ['With agreed grades', graded.toLocaleString('en-GB')],
    ['Results published', published.toLocaleString('en-GB')],
  ])
  writer.reserveContentsPage()

  writer.heading('Submission progress', 1)
  writer.table({
    columns: [
      { header: 'Status', width: 3 },
      { header: 'Submissions', width: 1, align: 'right' },
    ],
    rows: [
      ...summary.statusCounts.map((s) => [SUBMISSION_STATUS_LABELS[s.status], s.count.toLocaleString('en-GB')]),
      ['Total', total.toLocaleString('en-GB')],
    ],
    rowHeaders: true,
  })

  writer.heading('Agreed levels by outcome', 1, { newPage: true })
  writer.paragraph(
    'Agreed grades of submissions that have been validated or published, by level. The median is the middle level; with an even number of grades it is the mean of the two middle levels.',
  )
  distributionChart(writer, summary)
  const titles = new Map(summary.outcomes.map((o) => [o.number, o.shortTitle]))
  writer.table({
    columns: [
      { header: 'Outcome', width: 2.6 },
      ...[0, 1, 2, 3, 4].map((level) => ({ header: `Level ${level}`, width: 0.8, align: 'right' as const })),
      { header: 'Graded', width: 0.9, align: 'right' },
      { header: 'Median level', width: 0.9, align: 'right' },
    ],
    rows: summary.distribution.map((row) => [
      `${row.outcomeNumber}. ${titles.get(row.outcomeNumber) ?? ''}`,
      ...row.levelCounts.map((c) => c.toLocaleString('en-GB')),
      row.graded.toLocaleString('en-GB'),
      formatMedian(row.medianLevel),
    ]),
    rowHeaders: true,
  })

  writer.heading('Organisations by outcome', 1, { newPage: true })
  writer.paragraph(
    'Agreed grades by outcome, as level and sub-level: "2 Med" is Level 2, Medium. A dash means no agreed grade yet.',
  )
  writer.table({
    columns: [
      { header: 'Organisation', width: 3 },
      ...(national ? [{ header: 'Region', width: 1.6 }] : []),
      { header: 'Status', width: 1.5 },
      // Wide enough for "4 High" on one line at 8 points, with the Region column too.
      ...summary.outcomes.map((o) => ({ header: `O${o.number}`, width: 0.9 })),
    ],
    rows: summary.organisations.map((o) => [
      `${o.name} (${o.odsCode})`,
      ...(national ? [o.regionName] : []),
      SUBMISSION_STATUS_LABELS[o.status],
      ...o.agreedSteps.map(shortGrade),
    ]),
    rowHeaders: true,
    size: 8,
    emptyText: 'No organisation takes part in this cycle in this scope.',
  })
  return writer.finish()
}
