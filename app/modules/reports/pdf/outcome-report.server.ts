// The outcome report (issue 5, item 2): the organisation-facing result of validation.
import { stepsToGrade } from '~/modules/framework/grading'
import { requiresRequiredAction } from '~/modules/validation/rules'
import { agreementSummary, chartValueOfSteps, describeDifference, formatSteps } from '~/modules/results/compare'
import {
  describePeerComparison,
  formatChartValueWithMedians,
  medianCell,
  nationalMedianSeries,
  rangeCell,
} from '~/modules/results/peers'
import { PLAN_ITEM_STATUS_LABELS } from '~/modules/results/schema'
import { formatDate } from '~/utils/dates'
import type { OutcomeReport, OutcomeReportRow, ReportReader } from '../model'
import { drawRadar, radarHeight } from './radar.server'
import { OUTCOME_AXES, submissionFacts, textSection } from './shared.server'
import { ReportWriter } from './writer.server'

/** "outcome 3", "outcomes 3 and 6", "outcomes 1, 2 and 5". */
export function outcomeList(numbers: readonly number[]): string {
  const words = numbers.map(String)
  const joined = words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
  return `${numbers.length === 1 ? 'outcome' : 'outcomes'} ${joined}`
}

function gradeSeries(report: OutcomeReport) {
  const series = [
    { label: 'Self-assessed', values: report.outcomes.map((o) => chartValueOfSteps(o.selfSteps)) },
    { label: 'Agreed grade', values: report.outcomes.map((o) => chartValueOfSteps(o.agreedSteps)) },
  ]
  if (report.previousCycleName)
    series.push({
      label: `Agreed in ${report.previousCycleName}`,
      values: report.outcomes.map((o) => chartValueOfSteps(o.previousSteps)),
    })
  // Only above the suppression threshold: otherwise there is no series at all.
  if (report.peers.shown) series.push({ label: 'National median', values: nationalMedianSeries(report.peers) })
  return series
}

/** The agreed grades beside the region's and the nation's published results, or why not yet. */
function peerComparison(writer: ReportWriter, report: OutcomeReport): void {
  const { peers } = report
  writer.heading('How the result compares', 2, { keepWith: 90 })
  writer.paragraph(describePeerComparison(peers))
  if (!peers.shown) return
  const withRegion = peers.regionalOrganisations !== null
  writer.table({
    columns: [
      { header: 'Outcome', width: 1.9 },
      { header: 'Agreed grade', width: 1.1 },
      // The region is named in the sentence above: its name would not fit a column header.
      ...(withRegion
        ? [
            { header: 'Regional median', width: 1.5 },
            { header: 'Regional range', width: 1.5 },
          ]
        : []),
      { header: 'National median', width: 1.5 },
      { header: 'National range', width: 1.5 },
    ],
    rows: peers.rows.map((row) => [
      `${row.number}. ${row.shortTitle}`,
      formatSteps(row.ownSteps),
      ...(withRegion ? [medianCell(row.regional), rangeCell(row.regional)] : []),
      medianCell(row.national),
      rangeCell(row.national),
    ]),
    rowHeaders: true,
  })
}

/** The cover's result at a glance: the agreed grades against the self-assessment, as a small radar. */
function atAGlance(writer: ReportWriter, report: OutcomeReport): void {
  const series = gradeSeries(report)
  // One level below the title (H2), as every section is.
  // The key beside the chart, so the chart fits on the cover under the facts, whatever the series.
  writer.heading('The agreed result at a glance', 1, {
    keepWith: radarHeight({ radius: 60, series, key: 'beside' }) + 50,
  })
  drawRadar(writer, {
    title: 'Agreed grades by outcome',
    summary: agreementSummary(report.outcomes, report.previousCycleName),
    axes: OUTCOME_AXES(report.outcomes.map((o) => o.number)),
    series,
    radius: 60,
    key: 'beside',
    table: false,
    formatValue: formatChartValueWithMedians,
  })
}

function summaryOfGrades(writer: ReportWriter, report: OutcomeReport): void {
  writer.heading('Summary of grades', 1, { newPage: true })
  const previous = report.previousCycleName
  writer.paragraph(agreementSummary(report.outcomes, previous))
  writer.table({
    columns: [
      { header: 'Outcome', width: 2.4 },
      { header: 'Self-assessed', width: 1.3 },
      { header: 'Agreed grade', width: 1.3 },
      ...(previous ? [{ header: `Agreed in ${previous}`, width: 1.3 }] : []),
      { header: 'Agreed against self-assessment', width: 2 },
    ],
    rows: report.outcomes.map((o) => [
      `${o.number}. ${o.shortTitle}`,
      formatSteps(o.selfSteps),
      formatSteps(o.agreedSteps),
      ...(previous ? [formatSteps(o.previousSteps)] : []),
      describeDifference(o.selfSteps, o.agreedSteps, 'the'),
    ]),
    rowHeaders: true,
  })
  if (report.minimumExpectedLevel !== null) {
    const below = report.outcomes.filter(
      (o) =>
        o.agreedSteps !== null &&
        requiresRequiredAction(stepsToGrade(o.agreedSteps).level, report.minimumExpectedLevel),
    )
    writer.paragraph(
      below.length
        ? `The minimum expected level for this cycle is Level ${report.minimumExpectedLevel}. ${
            below.length === 1
              ? `The agreed grade for outcome ${below[0]!.number} is below it, which calls for a required action.`
              : `Agreed grades for ${outcomeList(below.map((o) => o.number))} are below it, which calls for required actions.`
          }`
        : `The minimum expected level for this cycle is Level ${report.minimumExpectedLevel}. Every agreed grade meets it.`,
    )
  }
  const series = gradeSeries(report)
  writer.heading('Self-assessment against agreed grades', 2, { keepWith: radarHeight({ series }) + 30 })
  drawRadar(writer, {
    title: 'Grades by outcome',
    summary: previous
      ? `Self-assessed and agreed grades by outcome, with the agreed grades from ${previous}${report.peers.shown ? ' and the national median' : ''}.`
      : `Self-assessed and agreed grades by outcome${report.peers.shown ? ', with the national median' : ''}.`,
    axes: OUTCOME_AXES(report.outcomes.map((o) => o.number)),
    series,
    formatValue: formatChartValueWithMedians,
  })
  peerComparison(writer, report)
}

function outcomeSection(writer: ReportWriter, outcome: OutcomeReportRow, previousCycleName: string | null): void {
  writer.heading(`Outcome ${outcome.number}: ${outcome.shortTitle}`, 1)
  const difference = describeDifference(outcome.selfSteps, outcome.agreedSteps, 'the')
  writer.labelled(
    'Agreed grade',
    outcome.agreedSteps === null
      ? formatSteps(null)
      : `${formatSteps(outcome.agreedSteps)} (${difference.charAt(0).toLowerCase()}${difference.slice(1)})`,
  )
  writer.labelled('Self-assessed grade', formatSteps(outcome.selfSteps))
  if (previousCycleName) writer.labelled(`Agreed in ${previousCycleName}`, formatSteps(outcome.previousSteps))
  // The outcome's parts are one level below its heading (H3 under H2), and not in the contents.
  textSection(writer, 'Strengths and good practice', outcome.strengths, 'None recorded.', 2)
  textSection(writer, 'Areas for development', outcome.areasForDevelopment, 'None recorded.', 2)
  writer.heading('Required actions', 2, { contents: false })
  if (outcome.requiredActions.length) writer.bulletList(outcome.requiredActions)
  else writer.hint('No required actions.')
  textSection(writer, 'Recommendations', outcome.recommendations, 'None recorded.', 2)
}

function developmentPlan(writer: ReportWriter, report: OutcomeReport): void {
  writer.heading('Development plan', 1, { newPage: true })
  const plan = report.plan
  if (!plan) {
    writer.hint('The service writes its development plan once the result is published.')
    return
  }
  writer.paragraph(
    plan.total === 0
      ? 'No actions have been added to the development plan yet.'
      : `${plan.complete} of ${plan.total} action${plan.total === 1 ? ' is' : 's are'} complete.`,
  )
  writer.table({
    columns: [
      { header: 'Action', width: 3.4 },
      { header: 'Owner', width: 1.4 },
      { header: 'Due', width: 1.3 },
      { header: 'Status', width: 1.2 },
    ],
    rows: plan.items.map((item) => [
      `${item.outcomeNumber ? `Outcome ${item.outcomeNumber}: ` : ''}${item.action}${item.requiredAction ? ` (answers the required action: ${item.requiredAction})` : ''}`,
      item.owner,
      formatDate(item.dueDate),
      `${PLAN_ITEM_STATUS_LABELS[item.status]}${item.overdue ? ' (overdue)' : ''}`,
    ]),
  })
  const withNotes = plan.items.filter((item) => item.progressNotes.trim())
  if (withNotes.length) {
    writer.heading('Progress notes', 2)
    for (const item of withNotes) {
      writer.paragraph(item.action, { font: 'bold', gapAfter: 2 })
      writer.paragraphs(item.progressNotes)
    }
  }
}

/** Renders the outcome report; returns the PDF's bytes. */
export function renderOutcomeReport(report: OutcomeReport, reader: ReportReader): Promise<Buffer> {
  const { submission } = report
  const writer = new ReportWriter({
    title: `Outcome report: ${submission.organisation.name}, ${submission.cycleName}`,
    subject: `Validated result of submission ${submission.reference}`,
    runningHeader: `Outcome report · ${submission.reference} · ${submission.organisation.name}`,
    keywords: `LKS quality, outcome report, ${submission.reference}`,
    reader,
  })
  writer.title('Outcome report', `${submission.organisation.name}, ${submission.cycleName}`)
  writer.facts(submissionFacts(submission))
  if (submission.status !== 'PUBLISHED') {
    writer.paragraph('This result has been agreed by the validators but not yet published to the service.', {
      font: 'bold',
    })
  }
  atAGlance(writer, report)
  writer.reserveContentsPage()
  summaryOfGrades(writer, report)
  writer.newPage()
  for (const outcome of report.outcomes) outcomeSection(writer, outcome, report.previousCycleName)
  developmentPlan(writer, report)
  return writer.finish()
}
