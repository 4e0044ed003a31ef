// The Service Improvement Plan PDF (issue 18, item 6): a document the sponsor can take to the
// board: the context, per outcome the current grade, the target, the objectives and actions and
// the linked evidence, then the review record. Pure: (report, reader) => PDF bytes.
import { formatGrade } from '~/modules/framework/grading'
import {
  ACTION_STATUS_LABELS,
  isReviewOutcome,
  REVIEW_OUTCOME_LABELS,
  SIP_STATUS_LABELS,
} from '~/modules/improvement/status'
import { formatDate, formatDateRange, formatDateTime } from '~/utils/dates'
import type { ReportReader } from '../model'
import type { PlanReport } from '../plan-report.server'
import { ReportWriter } from './writer.server'

const orNone = (value: number | null | undefined, prefix = '') =>
  value === null || value === undefined ? 'Not given' : `${prefix}${value.toLocaleString('en-GB')}`

export function renderPlanReport(report: PlanReport, reader: ReportReader): Promise<Buffer> {
  const { plan, context } = report
  const writer = new ReportWriter({
    title: `Service Improvement Plan: ${plan.organisationName}, ${plan.cycleName}`,
    subject: `Service Improvement Plan ${plan.reference}`,
    runningHeader: `Service Improvement Plan · ${plan.reference} · ${plan.organisationName}`,
    keywords: `LKS quality, service improvement plan, ${plan.reference}`,
    reader,
  })
  writer.title('Service Improvement Plan', `${plan.organisationName}, ${plan.cycleName}`)
  writer.facts([
    ['Reference', plan.reference],
    ['Organisation', `${plan.organisationName} (${plan.odsCode})`],
    ['Library service', plan.libraryServiceName],
    ['Region', plan.regionName],
    ['Framework', plan.editionName],
    ['Plan period', formatDateRange(plan.planPeriodStart, plan.planPeriodEnd)],
    ['Status', SIP_STATUS_LABELS[plan.status]],
    ['Submitted', plan.submittedAt ? `${formatDateTime(plan.submittedAt)}${plan.isLate ? ' (late)' : ''}` : 'Not yet'],
    [
      'Signed off',
      report.signOff
        ? `${report.signOff.signerName}, ${report.signOff.signerRole}, ${formatDate(report.signOff.createdAt)}`
        : 'Not yet',
    ],
    ...(plan.nextReviewDate ? ([['Next review due', formatDate(plan.nextReviewDate)]] as [string, string][]) : []),
  ])

  writer.heading('Context', 1, { newPage: true })
  writer.labelled('What has changed since the last validation', context.changesSinceValidation || 'Not given')
  writer.facts([
    ['Budget', orNone(context.budgetPounds, '£')],
    ['Staff headcount', orNone(context.staffHeadcount)],
    ['Staff WTE', orNone(context.staffWte)],
    ['Library and knowledge service WTE', orNone(context.lksWte)],
    ['Qualified WTE', orNone(context.qualifiedWte)],
  ])
  if (context.contextNotes) writer.labelled('Other context', context.contextNotes)

  writer.heading('Targets', 1)
  writer.table({
    columns: [
      { header: 'Outcome', width: 3 },
      { header: 'Current agreed grade', width: 1.5 },
      { header: 'Target', width: 1.5 },
    ],
    rows: report.outcomes.map((o) => [
      `${o.number}. ${o.shortTitle}`,
      o.currentText ?? 'None yet',
      o.target ? formatGrade(o.target) : 'Not set',
    ]),
    rowHeaders: true,
  })

  for (const outcome of report.outcomes) {
    writer.heading(`Outcome ${outcome.number}: ${outcome.shortTitle}`, 1, { newPage: true })
    writer.facts([
      ['Current agreed grade', outcome.currentText ?? 'None yet'],
      ['Target', outcome.target ? formatGrade(outcome.target) : 'Not set'],
      ...(outcome.targetReason ? ([['Reason for the target', outcome.targetReason]] as [string, string][]) : []),
    ])
    if (outcome.objectives.length === 0) writer.paragraph('No objectives.')
    for (const objective of outcome.objectives) {
      writer.heading(`Objective ${objective.position}: ${objective.text}`, 2)
      writer.table({
        columns: [
          { header: 'Action', width: 2.6 },
          { header: 'Owner', width: 1.3 },
          { header: 'Due', width: 1.1 },
          { header: 'Measure of success', width: 2 },
          { header: 'Status', width: 1.1 },
        ],
        rows: objective.actions.map((a) => [
          a.what,
          a.owner,
          formatDate(a.dueDate),
          a.measure,
          `${ACTION_STATUS_LABELS[a.status]}${a.overdue ? ' (overdue)' : ''}`,
        ]),
        emptyText: 'No actions.',
      })
    }
    writer.heading('Linked evidence', 2)
    if (outcome.evidence.length)
      writer.bulletList(outcome.evidence.map((e) => `${e.title} (${formatDate(e.evidenceDateFrom)})`))
    else writer.paragraph('No evidence linked.')
  }

  writer.heading('Review record', 1, { newPage: true })
  if (report.reviews.length === 0) writer.paragraph('The plan has not yet been reviewed.')
  for (const review of report.reviews) {
    writer.heading(`Review ${review.round}${review.confirmedAt ? '' : ' (draft, not yet confirmed)'}`, 2)
    writer.facts([
      ['Outcome', isReviewOutcome(review.outcome) ? REVIEW_OUTCOME_LABELS[review.outcome] : 'Not yet recorded'],
      ['Reviewer', review.reviewer.name],
      ['Meeting', review.meetingDate ? formatDate(review.meetingDate) : 'Not yet held'],
      ['Attendees', review.attendees || 'None recorded'],
      ...(review.confirmedAt ? ([['Confirmed', formatDate(review.confirmedAt)]] as [string, string][]) : []),
    ])
    if (review.meetingNotes) writer.labelled('Meeting notes', review.meetingNotes)
    if (review.summary) writer.labelled('Recommendations', review.summary)
    const comments = review.comments.filter((c) => c.comment)
    if (comments.length)
      writer.table({
        columns: [
          { header: 'Outcome', width: 1 },
          { header: 'Comment', width: 5 },
          { header: 'To revise', width: 1 },
        ],
        rows: comments.map((c) => [String(c.outcome.number), c.comment, c.resubmit ? 'Yes' : 'No']),
      })
  }
  return writer.finish()
}
