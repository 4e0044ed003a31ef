// Which report downloads a user is offered for a submission: the same rules the report routes
// enforce (issue 5, item 7), so a link is never shown for a report that would be refused. Pure.
import { can, type Actor, type Target } from '~/modules/auth/permissions'
import { resultAudience } from '~/modules/results/visibility'
import type { SubmissionStatus } from '~/modules/submissions/status'

export type ReportLink = { href: string; text: string }

export function submissionReportLinks(
  actor: Actor,
  submission: { id: string; status: SubmissionStatus; target: Target },
): ReportLink[] {
  const base = `/submissions/${submission.id}`
  const links: ReportLink[] = []
  if (can(actor, 'report:reviewer-pack', submission.target))
    links.push({ href: `${base}/reviewer-pack.pdf`, text: 'Download the reviewer pack (PDF)' })
  if (can(actor, 'report:outcome', submission.target) && resultAudience(actor, submission.target, submission.status)) {
    links.push({ href: `${base}/outcome-report.pdf`, text: 'Download the outcome report (PDF)' })
  }
  return links
}

/**
 * The summaries and outcome report bundles of a cycle the user may download, national and per
 * region. A region's bundle only once it has an agreed result (`withResults`): an empty one is not found.
 */
export function cycleReportLinks(
  actor: Actor,
  cycleId: string,
  regions: ReadonlyArray<{ id: string; name: string }>,
  withResults: ReadonlySet<string>,
) {
  const base = `/cycles/${cycleId}`
  return {
    // A regional lead reads the national summary only as published (reports/cycle-summary.server.ts).
    national: can(actor, 'dashboard:national')
      ? { href: `${base}/summary.pdf`, text: 'Download the national summary (PDF)' }
      : can(actor, 'report:published-summary')
        ? {
            href: `${base}/summary.pdf?suppress=yes`,
            text: 'Download the national summary, small numbers suppressed (PDF)',
          }
        : null,
    publishedNational: can(actor, 'dashboard:national')
      ? {
          href: `${base}/summary.pdf?suppress=yes`,
          text: 'Download the national summary for publication, small numbers suppressed (PDF)',
        }
      : null,
    regions: regions
      .filter((region) => can(actor, 'dashboard:regional', { regionId: region.id }))
      .map((region) => ({
        name: region.name,
        summary: {
          href: `${base}/regions/${region.id}/summary.pdf`,
          text: `Regional summary for ${region.name} (PDF)`,
        },
        outcomeReports:
          withResults.has(region.id) && can(actor, 'report:outcome', { regionId: region.id })
            ? {
                href: `${base}/regions/${region.id}/outcome-reports.zip`,
                text: `All outcome reports for ${region.name} (ZIP)`,
              }
            : null,
      })),
  }
}
