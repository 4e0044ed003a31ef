// Pieces every report shares: the cover facts of a submission, and how sizes, hashes and grades read.
import { chartValue, formatGrade, type Grade } from '~/modules/framework/grading'
import { SUBMISSION_STATUS_LABELS } from '~/modules/submissions/status'
import { formatDate } from '~/utils/dates'
import type { ReportSubmission } from '../model'
import type { ReportWriter } from './writer.server'

/** "1.2 MB", "340 KB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`
  const kilobytes = Math.round(bytes / 1024)
  // Sizes that round to 1024 KB read as megabytes.
  if (kilobytes < 1024) return `${kilobytes} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** The first 12 hex digits of a SHA-256: enough to tell files apart by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12)
}

export function gradeText(grade: Grade | null): string {
  return grade ? formatGrade(grade) : 'Not graded'
}

export function chartValueOf(grade: Grade | null): number | null {
  return grade ? chartValue(grade) : null
}

export const OUTCOME_AXES = (numbers: readonly number[]) => numbers.map((n) => `Outcome ${n}`)

/** The submission's facts as the cover lists them. */
export function submissionFacts(submission: ReportSubmission): Array<[string, string]> {
  const submitted = submission.submittedAt
    ? `${formatDate(submission.submittedAt)}${submission.isLate ? ' (after the deadline)' : ''}`
    : 'Not submitted yet'
  return [
    ['Organisation', submission.organisation.name],
    ['ODS code', submission.organisation.odsCode],
    ['Library and knowledge service', submission.libraryServiceName],
    ['Region', submission.regionName],
    ['Cycle', submission.cycleName],
    ['Framework edition', submission.editionName],
    ['Reference', submission.reference],
    ['Status', SUBMISSION_STATUS_LABELS[submission.status]],
    ['Submitted', submitted],
    ...(submission.publishedAt
      ? ([['Result published', formatDate(submission.publishedAt)]] as Array<[string, string]>)
      : []),
  ]
}

/**
 * A labelled block of free text, skipped when empty unless `emptyText` is given. Its heading is of
 * `level` 3 unless told (one below the section it sits in), and never listed in the contents.
 */
export function textSection(
  writer: ReportWriter,
  heading: string,
  text: string,
  emptyText?: string,
  level: 2 | 3 = 3,
): void {
  if (!text.trim() && !emptyText) return
  writer.heading(heading, level, { contents: false })
  if (text.trim()) writer.paragraphs(text)
  else writer.hint(emptyText!)
}
