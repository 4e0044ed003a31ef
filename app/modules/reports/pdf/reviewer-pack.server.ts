// The reviewer pack (issue 5, item 1): everything a validator needs offline, for one submission.
// The data arrives with the reader's permissions applied (reviewer-pack.server.ts): validations and
// the agreed result are in it only when the reader may see them.
import { INDICATOR_STATUS_LABELS } from '~/modules/framework/grading'
import { formatDate, formatDateRange, formatDateTime } from '~/utils/dates'
import type {
  ClarificationReport,
  EvidenceReport,
  ReportReader,
  ReviewerPack,
  ReviewerPackOutcome,
  ValidatorView,
} from '../model'
import { drawRadar } from './radar.server'
import {
  chartValueOf,
  formatBytes,
  gradeText,
  OUTCOME_AXES,
  shortHash,
  submissionFacts,
  textSection,
} from './shared.server'
import { ReportWriter } from './writer.server'
import { DECIDED_BY_LABELS } from '~/modules/validation/labels'

const KIND_LABELS: Record<ValidatorView['kind'], string> = {
  PRIMARY: 'Primary validator',
  SECONDARY: 'Second validator',
}

function penPortrait(writer: ReportWriter, pack: ReviewerPack): void {
  const portrait = pack.penPortrait
  writer.heading('Pen portrait', 1, { newPage: true })
  writer.heading('Organisations served', 2)
  writer.table({
    columns: [
      { header: 'Organisation', width: 3 },
      { header: 'ODS code', width: 1 },
      { header: 'Staff headcount', width: 1.2, align: 'right' },
      { header: 'Staff WTE', width: 1.1, align: 'right' },
    ],
    rows: portrait.organisations.map((o) => [
      o.name,
      o.odsCode,
      o.staffHeadcount?.toLocaleString('en-GB') ?? 'Not given',
      o.staffWte?.toLocaleString('en-GB') ?? 'Not given',
    ]),
    rowHeaders: true,
    emptyText: 'No organisations are recorded.',
  })
  writer.heading('Library and knowledge service staff', 2)
  writer.table({
    columns: [
      { header: 'Post', width: 4 },
      { header: 'WTE', width: 1, align: 'right' },
      { header: 'Qualified', width: 1.2 },
    ],
    rows: portrait.staffPosts.map((p) => [p.title, p.wte.toLocaleString('en-GB'), p.qualified ? 'Yes' : 'No']),
    emptyText: 'No posts are recorded.',
  })
  const s = portrait.staffing
  writer.labelled(
    'Total posts',
    `${s.totalPostsWte.toLocaleString('en-GB')} WTE, of which ${s.qualifiedWte.toLocaleString('en-GB')} WTE qualified`,
  )
  writer.labelled(
    'Staff per qualified library and knowledge specialist',
    s.staffPerQualified === null
      ? 'Not known (no qualified posts recorded)'
      : `${s.staffPerQualified.toLocaleString('en-GB')} organisation staff WTE per qualified WTE (policy: ${portrait.policyStaffPerQualified.toLocaleString('en-GB')}; ${s.meetsPolicy ? 'meets the policy ratio' : `below the policy ratio, which asks for ${s.policyQualifiedWte.toLocaleString('en-GB')} qualified WTE`})`,
  )
  writer.labelled(
    'Budget',
    portrait.budgetPounds === null ? 'Not given' : `£${portrait.budgetPounds.toLocaleString('en-GB')}`,
  )
  writer.heading('Key documents', 2)
  if (portrait.documents.length) writer.bulletList(portrait.documents.map((d) => `${d.kindLabel}: ${d.title}`))
  else writer.hint('No key documents are linked.')
  textSection(writer, 'Context', portrait.contextNotes, 'No context notes were given.')
}

/** Who signed the submission off (or returned it), in what role and when: every decision, oldest first. */
function signOffRecord(writer: ReportWriter, pack: ReviewerPack): void {
  writer.heading('Sign-off record', 1, { newPage: true })
  if (pack.signOffs.length === 0) {
    writer.hint('The executive sponsor has not signed this submission off yet.')
    return
  }
  writer.table({
    columns: [
      { header: 'Decision', width: 1.2 },
      { header: 'Who', width: 1.6 },
      { header: 'Role', width: 1.8 },
      { header: 'When', width: 1.7 },
      { header: 'Reason for returning it', width: 2.2 },
    ],
    rows: pack.signOffs.map((s) => [
      s.decision === 'SIGNED_OFF' ? 'Signed off' : 'Returned to the service',
      s.signerName,
      s.signerRole,
      formatDateTime(s.at),
      s.reason.trim() || (s.decision === 'RETURNED' ? 'None given' : ''),
    ]),
  })
}

/** Each question with its answers and follow-ups, in the order they were written. */
function clarificationThreads(writer: ReportWriter, threads: readonly ClarificationReport[], level: 1 | 2): void {
  threads.forEach((thread, index) => {
    writer.heading(`Question ${index + 1} (${thread.statusLabel.toLowerCase()})`, level === 1 ? 2 : 3, {
      keepWith: 40,
    })
    for (const message of thread.messages) {
      const role = message.authorContext === 'Validator' ? 'validator' : 'service'
      writer.paragraph(`${message.authorName} (${role}), ${formatDateTime(message.at)}`, { font: 'bold', gapAfter: 2 })
      writer.paragraphs(message.body, { indent: 14 })
    }
    if (thread.resolvedAt) writer.hint(`Resolved on ${formatDate(thread.resolvedAt)}.`)
  })
}

function clarifications(writer: ReportWriter, outcome: ReviewerPackOutcome): void {
  writer.heading('Clarification questions and answers', 2)
  if (outcome.clarifications.length === 0) {
    writer.hint('No clarification was asked about this outcome.')
    return
  }
  clarificationThreads(writer, outcome.clarifications, 2)
}

function gradesAtAGlance(writer: ReportWriter, pack: ReviewerPack): void {
  writer.heading('Grades at a glance', 1, { newPage: true })
  const axes = OUTCOME_AXES(pack.outcomes.map((o) => o.number))
  const series = [{ label: 'Self-assessed', values: pack.outcomes.map((o) => chartValueOf(o.selfGrade)) }]
  if (pack.validatedSeriesLabel) {
    series.push({
      label: pack.validatedSeriesLabel,
      values: pack.outcomes.map((o) => chartValueOf(o.agreed?.grade ?? o.validations[0]?.grade ?? null)),
    })
  }
  const graded = pack.outcomes.filter((o) => o.selfGrade).length
  const agreedShown = pack.outcomes.some((o) => o.agreed)
  drawRadar(writer, {
    title: 'Grades by outcome',
    summary: pack.validatedSeriesLabel
      ? `The service self-assessed ${graded} of ${pack.outcomes.length} outcomes; the chart compares those grades with ${agreedShown ? 'the agreed grades' : 'your validation grades'}.`
      : `The service self-assessed ${graded} of ${pack.outcomes.length} outcomes. No agreed grades are shown in this pack.`,
    axes,
    series,
  })
}

function evidenceLines(item: EvidenceReport): string[] {
  const lines = [
    `Evidence date: ${item.evidenceDateTo ? formatDateRange(item.evidenceDateFrom, item.evidenceDateTo) : formatDate(item.evidenceDateFrom)}`,
    `Supports: ${item.indicatorCode ? `indicator ${item.indicatorCode}` : 'the whole outcome'}${item.pointer ? `; where to look: ${item.pointer}` : ''}`,
  ]
  if (item.archived) lines.push('Archived in the evidence library since it was linked.')
  return lines
}

function evidenceList(writer: ReportWriter, outcome: ReviewerPackOutcome): void {
  writer.heading('Evidence', 2)
  if (outcome.evidence.length === 0) {
    writer.hint('No evidence is linked to this outcome.')
    return
  }
  outcome.evidence.forEach((item, index) => {
    writer.ensureSpace(60)
    writer.paragraph(`${index + 1}. ${item.title}`, { font: 'bold', gapAfter: 2 })
    for (const line of evidenceLines(item)) writer.paragraph(line, { gapAfter: 1, indent: 14 })
    for (const file of item.files) {
      writer.paragraph(`File: ${file.name} (${formatBytes(file.sizeBytes)}, SHA-256 ${shortHash(file.sha256)})`, {
        gapAfter: 1,
        indent: 14,
      })
      writer.paragraph(file.url, { link: file.url, gapAfter: 1, indent: 28, size: 8.5 })
    }
    if (item.url) {
      writer.paragraph('Web link:', { gapAfter: 1, indent: 14 })
      writer.paragraph(item.url, { link: item.url, gapAfter: 1, indent: 28, size: 8.5 })
    }
    writer.paragraph(`In the portal: ${item.portalUrl}`, { link: item.portalUrl, gapAfter: 8, indent: 14, size: 8.5 })
  })
}

function indicators(writer: ReportWriter, outcome: ReviewerPackOutcome): void {
  writer.heading('Indicators', 2)
  const validators = outcome.validations
  writer.table({
    columns: [
      { header: 'Code', width: 0.8 },
      { header: 'Indicator', width: validators.length ? 3.6 : 4.6 },
      { header: 'Service', width: 1.2 },
      ...validators.map((v) => ({ header: v.validatorName, width: 1.2 })),
    ],
    rows: outcome.indicators.map((i) => [
      i.code,
      i.text,
      i.status ? INDICATOR_STATUS_LABELS[i.status] : 'Not assessed',
      ...validators.map((v) => {
        const judgement = v.judgements[i.code]
        return judgement ? INDICATOR_STATUS_LABELS[judgement] : 'Not judged'
      }),
    ]),
    rowHeaders: true,
    emptyText: 'This outcome has no indicators.',
  })
  const notes = outcome.indicators.filter((i) => i.note.trim())
  if (notes.length) {
    writer.heading("Service's notes on indicators", 3)
    writer.bulletList(notes.map((i) => `${i.code}: ${i.note.trim()}`))
  }
}

function validation(writer: ReportWriter, outcome: ReviewerPackOutcome): void {
  if (outcome.validations.length === 0 && !outcome.agreed) return
  writer.heading('Validation', 2)
  for (const v of outcome.validations) {
    writer.heading(`${KIND_LABELS[v.kind]}: ${v.validatorName}`, 3)
    writer.labelled('Grade', `${gradeText(v.grade)}${v.completed ? '' : ' (validation not completed yet)'}`)
    if (v.rationale.trim()) {
      writer.paragraph('Rationale', { font: 'bold', gapAfter: 2 })
      writer.paragraphs(v.rationale)
    }
    if (v.notes.trim()) {
      writer.paragraph('Notes', { font: 'bold', gapAfter: 2 })
      writer.paragraphs(v.notes)
    }
  }
  const agreed = outcome.agreed
  if (agreed) {
    writer.heading('Agreed result', 3)
    writer.labelled(
      'Agreed grade',
      `${gradeText(agreed.grade)} (${DECIDED_BY_LABELS[agreed.viaModeration ? 'MODERATION' : 'VALIDATORS'].toLowerCase()})`,
    )
    for (const [label, text] of [
      ['Rationale', agreed.rationale],
      ['Strengths and good practice', agreed.strengths],
      ['Areas for development', agreed.areasForDevelopment],
      ['Recommendations', agreed.recommendations],
    ] as const) {
      if (!text.trim()) continue
      writer.paragraph(label, { font: 'bold', gapAfter: 2 })
      writer.paragraphs(text)
    }
    if (agreed.requiredActions.length) {
      writer.paragraph('Required actions', { font: 'bold', gapAfter: 2 })
      writer.bulletList(agreed.requiredActions)
    }
  }
}

function outcomeSection(writer: ReportWriter, outcome: ReviewerPackOutcome): void {
  writer.heading(`Outcome ${outcome.number}: ${outcome.shortTitle}`, 1, { newPage: true })
  writer.paragraphs(outcome.statement, { colour: '#4c6272' })
  writer.heading('Self-assessment', 2)
  writer.labelled('Self-assessed grade', gradeText(outcome.selfGrade))
  writer.labelled('Grade the indicators suggest', gradeText(outcome.suggestedGrade))
  if (outcome.selfGradeReason.trim()) {
    writer.paragraph('Reason for a grade different from the suggestion', { font: 'bold', gapAfter: 2 })
    writer.paragraphs(outcome.selfGradeReason)
  }
  indicators(writer, outcome)
  writer.heading('Narrative', 2)
  if (outcome.narrative.trim()) writer.paragraphs(outcome.narrative)
  else writer.hint('No narrative was written.')
  textSection(writer, 'Key strengths', outcome.keyStrengths)
  evidenceList(writer, outcome)
  clarifications(writer, outcome)
  validation(writer, outcome)
}

/** Renders the reviewer pack; returns the PDF's bytes. */
export function renderReviewerPack(pack: ReviewerPack, reader: ReportReader): Promise<Buffer> {
  const { submission } = pack
  const writer = new ReportWriter({
    title: `Reviewer pack: ${submission.organisation.name}, ${submission.cycleName}`,
    subject: `Reviewer pack for submission ${submission.reference}`,
    runningHeader: `Reviewer pack · ${submission.reference} · ${submission.organisation.name}`,
    keywords: `LKS quality, reviewer pack, ${submission.reference}`,
    reader,
  })
  writer.title('Reviewer pack', `${submission.organisation.name}, ${submission.cycleName}`)
  writer.facts(submissionFacts(submission))
  writer.paragraph(
    "This pack holds the submission as the service wrote it, for reading offline: its pen portrait, the executive sponsor's sign-off and, for each outcome, the self-assessment, indicators, narrative, evidence list (with where to look in each item) and any clarification questions and answers.",
    {
      colour: '#4c6272',
    },
  )
  writer.reserveContentsPage()
  penPortrait(writer, pack)
  signOffRecord(writer, pack)
  gradesAtAGlance(writer, pack)
  if (pack.generalClarifications.length) {
    writer.heading('Clarification about the whole submission', 1, { newPage: true })
    clarificationThreads(writer, pack.generalClarifications, 1)
  }
  for (const outcome of pack.outcomes) outcomeSection(writer, outcome)
  return writer.finish()
}
