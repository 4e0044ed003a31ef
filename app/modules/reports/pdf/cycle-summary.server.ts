// The regional and national summaries of a cycle (issues 5 and 17): submission progress, the
// distribution of agreed levels per outcome, the heat map (region x outcome), the change since the
// previous cycle, open required actions and development plan progress, and (in full only) every
// organisation's agreed grades. The figures arrive published (reports/cycle-summary.server.ts): a
// hidden count is HIDDEN_COUNT and is printed as "[c]", a median or percentage on one withheld.
import { stepsToGrade } from '~/modules/framework/grading'
import { SUBMISSION_STATUS_LABELS } from '~/modules/submissions/status'
import type { CycleSummary, ReportReader } from '../model'
import { LEVEL_FILLS, type Fill } from '~/modules/charts/palette'
import {
  describeSuppression,
  formatCount,
  formatMedian as formatPublishedMedian,
  formatPercent,
  isSuppressed,
  type Suppression,
} from '~/modules/dashboards/suppression'
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
  const suppression = summary.suppression
  const rowHeight = 20
  const labelWidth = 70
  const height = rows.length * rowHeight + 34
  const alt = `Bar chart of agreed levels by outcome. ${rows
    .map(
      (r) =>
        `Outcome ${r.outcomeNumber}: ${r.levelCounts.map((c, level) => `${formatCount(c, suppression)} at level ${level}`).join(', ')}`,
    )
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
      // A bar drawn to scale would give a hidden count away: the table has what may be shown.
      if ([row.graded, ...row.levelCounts].some((c) => isSuppressed(c, suppression))) {
        doc.fillColor(COLOURS.secondary).text('Some counts are suppressed: see [c] in the table', x, y + 4, {
          lineBreak: false,
        })
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

const count = (n: number, suppression: Suppression) => formatCount(n, suppression)

function progress(writer: ReportWriter, summary: CycleSummary): void {
  const { suppression } = summary
  const total = summary.statusCounts.reduce((sum, s) => sum + s.count, 0)
  writer.heading('Submission progress', 1)
  if (summary.progressByRegion.length === 0) {
    writer.table({
      columns: [
        { header: 'Status', width: 3 },
        { header: 'Submissions', width: 1, align: 'right' },
      ],
      rows: [
        ...summary.statusCounts.map((s) => [SUBMISSION_STATUS_LABELS[s.status], count(s.count, suppression)]),
        ['Total', count(total, suppression)],
      ],
      rowHeaders: true,
    })
    return
  }
  // Statuses down the side, regions across: nine statuses would not fit across an A4 page.
  const regions = summary.progressByRegion
  writer.table({
    columns: [
      { header: 'Status', width: 2 },
      ...regions.map((r) => ({ header: r.regionName, width: 1, align: 'right' as const })),
      { header: 'All regions', width: 1, align: 'right' },
    ],
    rows: [
      ...summary.statusCounts.map((s, i) => [
        SUBMISSION_STATUS_LABELS[s.status],
        ...regions.map((r) => count(r.counts[i] ?? 0, suppression)),
        count(s.count, suppression),
      ]),
      ['Total', ...regions.map((r) => count(r.total, suppression)), count(total, suppression)],
    ],
    rowHeaders: true,
    size: 8,
  })
}

function distribution(writer: ReportWriter, summary: CycleSummary): void {
  const { suppression } = summary
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
      ...row.levelCounts.map((c) => count(c, suppression)),
      count(row.graded, suppression),
      suppression ? formatPublishedMedian(row.medianLevel, row.graded, suppression) : formatMedian(row.medianLevel),
    ]),
    rowHeaders: true,
  })
}

function heatMap(writer: ReportWriter, summary: CycleSummary): void {
  const { suppression } = summary
  writer.heading('Median level by region and outcome', 1, { newPage: true })
  writer.paragraph(
    'The heat map of the dashboard as a table: the median agreed level of each region for each outcome, with the number of agreed grades it is the median of in brackets.',
  )
  writer.table({
    columns: [
      { header: 'Region', width: 2.2 },
      ...summary.outcomes.map((o) => ({ header: `Outcome ${o.number}`, width: 1, align: 'right' as const })),
    ],
    rows: summary.heatMap.map((region) => [
      region.regionName,
      ...region.cells.map((cell) =>
        cell.graded === 0
          ? 'None'
          : `${formatPublishedMedian(cell.medianLevel, cell.graded, suppression)} (${count(cell.graded, suppression)})`,
      ),
    ]),
    rowHeaders: true,
    size: 8.5,
    emptyText: 'No region has a submission in this cycle.',
  })
}

function change(writer: ReportWriter, summary: CycleSummary): void {
  const { suppression } = summary
  writer.heading('Change since the previous cycle', 1)
  if (!summary.previousCycleName) {
    writer.hint('There is no earlier cycle to compare with.')
    return
  }
  writer.paragraph(
    `Organisations with an agreed grade for the outcome in both ${summary.previousCycleName} and ${summary.cycleName}, by whether the grade went up, stayed the same or went down (by sub-level).`,
  )
  writer.table({
    columns: [
      { header: 'Outcome', width: 1.6 },
      { header: 'Compared', width: 1, align: 'right' },
      { header: 'Improved', width: 1, align: 'right' },
      { header: 'Same', width: 1, align: 'right' },
      { header: 'Declined', width: 1, align: 'right' },
    ],
    rows: summary.change.map((row) => [
      `Outcome ${row.outcomeNumber}`,
      count(row.compared, suppression),
      count(row.improved, suppression),
      count(row.same, suppression),
      count(row.declined, suppression),
    ]),
    rowHeaders: true,
  })
}

function actions(writer: ReportWriter, summary: CycleSummary): void {
  const { suppression, actions } = summary
  writer.heading('Required actions and development plans', 1)
  writer.paragraph(
    `${count(actions.openRequiredActions, suppression)} of ${count(actions.requiredActions, suppression)} required actions are still open (not answered by a completed development plan item). ${count(actions.planItemsComplete, suppression)} of ${count(actions.planItems, suppression)} development plan items are complete (${formatPercent(actions.planItemsComplete, actions.planItems, suppression)}).`,
  )
  writer.table({
    columns: [
      { header: 'Outcome', width: 1.6 },
      { header: 'Required actions', width: 1, align: 'right' },
      { header: 'Still open', width: 1, align: 'right' },
    ],
    rows: [
      ...actions.byOutcome.map((row) => [
        `Outcome ${row.outcomeNumber}`,
        count(row.requiredActions, suppression),
        count(row.openRequiredActions, suppression),
      ]),
      ['All outcomes', count(actions.requiredActions, suppression), count(actions.openRequiredActions, suppression)],
    ],
    rowHeaders: true,
  })
}

function organisations(writer: ReportWriter, summary: CycleSummary): void {
  const national = summary.scope.kind === 'national'
  writer.heading('Organisations by outcome', 1, { newPage: true })
  if (summary.organisations === null) {
    writer.paragraph(
      "Not listed: with small numbers suppressed, each organisation's grades would give every count away.",
    )
    return
  }
  writer.paragraph(
    'Agreed grades by outcome, as level and sub-level: "2 Med" is Level 2, Medium. "0" is Level 0, which has no sub-levels. A dash means no agreed grade yet.',
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
  const { suppression } = summary
  writer.title(scopeName, `${summary.cycleName} cycle, ${summary.editionName}`)
  const total = summary.statusCounts.reduce((sum, s) => sum + s.count, 0)
  const published = summary.statusCounts.find((s) => s.status === 'PUBLISHED')?.count ?? 0
  const graded = summary.statusCounts
    .filter((s) => s.status === 'VALIDATED' || s.status === 'PUBLISHED')
    .reduce((sum, s) => sum + s.count, 0)
  writer.facts([
    ['Cycle', summary.cycleName],
    ['Framework edition', summary.editionName],
    ['Scope', summary.scope.kind === 'national' ? 'All regions' : summary.scope.regionName],
    ['Submissions', count(total, suppression)],
    ['With agreed grades', count(graded, suppression)],
    ['Results published', count(published, suppression)],
    [
      'Small numbers',
      suppression
        ? `Suppressed for publication. ${describeSuppression(suppression)}`
        : "Shown in full, for the team's own use",
    ],
  ])
  writer.reserveContentsPage()
  progress(writer, summary)
  distribution(writer, summary)
  // A region's own medians are in the distribution's table: the heat map compares regions.
  if (summary.scope.kind === 'national') heatMap(writer, summary)
  change(writer, summary)
  actions(writer, summary)
  organisations(writer, summary)
  return writer.finish()
}
