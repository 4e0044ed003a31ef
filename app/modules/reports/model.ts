// What each PDF report shows (issue 5), as plain data. Loaders (*.server.ts) fill these from the
// database with the reader's permissions already applied; renderers (pdf/*.ts) turn them into
// PDFs without touching the database, so they can be tested from fixtures. A field that the reader
// may not see is absent from the data, never merely hidden by the renderer.
import type { Grade, IndicatorStatus } from '~/modules/framework/grading'
import type { Suppression } from '~/modules/dashboards/suppression'
import type { PeerComparison } from '~/modules/results/peers'
import type { StaffingSummary } from '~/modules/submissions/pen-portrait'
import type { SubmissionStatus } from '~/modules/submissions/status'

/** Who a report was generated for, and when: printed in every footer. */
export type ReportReader = { name: string; generatedAt: Date }

export type ReportSubmission = {
  reference: string
  cycleName: string
  editionName: string
  status: SubmissionStatus
  submittedAt: Date | null
  isLate: boolean | null
  publishedAt: Date | null
  organisation: { name: string; odsCode: string }
  libraryServiceName: string
  regionName: string
}

export type PenPortraitReport = {
  organisations: Array<{ name: string; odsCode: string; staffHeadcount: number | null; staffWte: number | null }>
  staffPosts: Array<{ title: string; wte: number; qualified: boolean }>
  budgetPounds: number | null
  contextNotes: string
  /** Key documents: "Strategy", "Annual report", "Service level agreement", with the evidence title. */
  documents: Array<{ kindLabel: string; title: string }>
  staffing: StaffingSummary
  policyStaffPerQualified: number
}

export type EvidenceFileReport = { name: string; sizeBytes: number; sha256: string; mimeType: string; url: string }

export type EvidenceReport = {
  title: string
  evidenceDateFrom: Date
  evidenceDateTo: Date | null
  /** A web link given instead of files. */
  url: string | null
  /** "page 4", "section 2.1"; empty when none was given. */
  pointer: string
  /** The indicator the evidence is linked to ("2.3.1"), or null for the whole outcome. */
  indicatorCode: string | null
  /** Latest version of each file on the item. */
  files: EvidenceFileReport[]
  /** The item's page in the portal. */
  portalUrl: string
  archived: boolean
}

export type ValidatorView = {
  validatorName: string
  kind: 'PRIMARY' | 'SECONDARY'
  completed: boolean
  grade: Grade | null
  rationale: string
  notes: string
  /** The validator's judgement of each indicator, by indicator code. */
  judgements: Record<string, IndicatorStatus>
}

export type AgreedView = {
  grade: Grade
  rationale: string
  viaModeration: boolean
  strengths: string
  areasForDevelopment: string
  recommendations: string
  requiredActions: string[]
}

/** One decision of the executive sponsor, oldest first: who, in what role, when, and why a return. */
export type SignOffRecord = {
  decision: 'SIGNED_OFF' | 'RETURNED'
  signerName: string
  signerRole: string
  at: Date
  /** Why the sponsor returned it; empty for a sign-off. */
  reason: string
}

/** A clarification question with its answers and follow-ups, oldest first. */
export type ClarificationReport = {
  /** "Open", "Answered", "Closed". */
  statusLabel: string
  askedAt: Date
  resolvedAt: Date | null
  messages: Array<{ authorName: string; authorContext: 'Validator' | 'Service'; at: Date; body: string }>
}

export type ReviewerPackOutcome = {
  number: number
  shortTitle: string
  statement: string
  selfGrade: Grade | null
  /** The grade the service's indicator statuses suggest. */
  suggestedGrade: Grade | null
  selfGradeReason: string
  keyStrengths: string
  narrative: string
  indicators: Array<{ code: string; level: 1 | 2 | 3 | 4; text: string; status: IndicatorStatus | null; note: string }>
  evidence: EvidenceReport[]
  /** Only the validations the reader may see (none for the service; for a validator, their own until both have completed). */
  validations: ValidatorView[]
  /** Only when the reader may see the agreed result. */
  agreed: AgreedView | null
  /** Clarification questions about this outcome and their answers. */
  clarifications: ClarificationReport[]
}

export type ReviewerPack = {
  submission: ReportSubmission
  penPortrait: PenPortraitReport
  outcomes: ReviewerPackOutcome[]
  /** The executive sponsor's sign-off record, oldest first. */
  signOffs: SignOffRecord[]
  /** Clarification questions about the submission as a whole (no one outcome). */
  generalClarifications: ClarificationReport[]
  /** Which agreed grades the radar compares the self-assessment with, if any the reader may see. */
  validatedSeriesLabel: string | null
}

export type PlanItemReport = {
  action: string
  owner: string
  dueDate: Date
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE'
  overdue: boolean
  outcomeNumber: number | null
  requiredAction: string | null
  progressNotes: string
}

export type OutcomeReportRow = {
  number: number
  shortTitle: string
  selfSteps: number | null
  agreedSteps: number | null
  previousSteps: number | null
  strengths: string
  areasForDevelopment: string
  recommendations: string
  requiredActions: string[]
}

export type OutcomeReport = {
  submission: ReportSubmission
  minimumExpectedLevel: number | null
  previousCycleName: string | null
  outcomes: OutcomeReportRow[]
  /** The agreed grades beside the region's and the nation's published results (results/peers.ts). */
  peers: PeerComparison
  /** The development plan, once the result is published; null before. */
  plan: { items: PlanItemReport[]; complete: number; total: number } | null
}

/**
 * A cycle's attainment for a region (regional lead) or the whole country, built from the same
 * dashboard figures as the pages and exports (dashboards/dashboard.server.ts), published through
 * the same suppression (dashboards/publish.ts): a hidden count is HIDDEN_COUNT, shown as "[c]".
 */
export type CycleSummary = {
  scope: { kind: 'national' } | { kind: 'region'; regionName: string }
  cycleName: string
  editionName: string
  /** The cycle the change is measured from, if any. */
  previousCycleName: string | null
  /** Null when figures are in full (for the team's own use); the threshold when published. */
  suppression: Suppression
  outcomes: Array<{ number: number; shortTitle: string }>
  /** Submissions by status, every status listed (zero counts included), in workflow order. */
  statusCounts: Array<{ status: SubmissionStatus; count: number }>
  /** National summary: submissions by region and status, each region with its total. */
  progressByRegion: Array<{ regionName: string; counts: number[]; total: number }>
  /**
   * Per outcome: how many agreed grades at each level 0 to 4, how many in all, and the median level
   * (the mean of the two middle levels when the count is even, so it may end in .5; null when none).
   */
  distribution: Array<{
    outcomeNumber: number
    levelCounts: [number, number, number, number, number]
    graded: number
    medianLevel: number | null
  }>
  /** Region x outcome: the median agreed level and how many grades it is the median of. */
  heatMap: Array<{
    regionName: string
    cells: Array<{ outcomeNumber: number; medianLevel: number | null; graded: number }>
  }>
  /** Per outcome: organisations graded in this and the previous cycle, by direction of change. */
  change: Array<{ outcomeNumber: number; compared: number; improved: number; same: number; declined: number }>
  /** Required actions and how many are still open, by outcome and in all, and development plan progress. */
  actions: {
    requiredActions: number
    openRequiredActions: number
    planItems: number
    planItemsComplete: number
    byOutcome: Array<{ outcomeNumber: number; requiredActions: number; openRequiredActions: number }>
  }
  /**
   * Every organisation in scope taking part in the cycle, by region then name, with its agreed grade
   * (steps) per outcome. Null when published with suppression: it would give every count away.
   */
  organisations: Array<{
    name: string
    odsCode: string
    regionName: string
    reference: string
    status: SubmissionStatus
    agreedSteps: Array<number | null>
  }> | null
}
