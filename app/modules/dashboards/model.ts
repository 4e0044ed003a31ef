// What the attainment dashboards show (issue 6), as plain data: filled by dashboard.server.ts from
// SQL aggregations (modules/attainment), drawn by the chart components, and exported to CSV and
// Excel by export.ts. Counts are plain numbers here; suppression for publication is applied when
// the figures are shown or exported (suppression.ts), never by changing the data.
import type { SubmissionStatus } from '~/modules/submissions/status'

export type LevelCounts = [number, number, number, number, number]

/** What the user chose: a cycle, and optionally a region, an organisation type, a framework edition. */
export type DashboardFilter = {
  cycleId: string
  regionId?: string
  organisationType?: string
  /** Narrows the cycles offered to those using this edition; the figures follow from the cycle. */
  editionId?: string
}

export type DashboardScope = { kind: 'national' } | { kind: 'region'; regionId: string; regionName: string }

export type Dashboard = {
  scope: DashboardScope
  cycle: { id: string; name: string; editionName: string }
  /** The cycle before this one (by opening date) that results are compared with, if any. */
  previousCycle: { id: string; name: string } | null
  /** Filters applied beyond the cycle and scope, for captions and exports ("Region: North West"). */
  appliedFilters: Array<{ label: string; value: string }>
  outcomes: Array<{ number: number; shortTitle: string }>

  /** Submissions by status for each region, every status listed in workflow order. */
  progress: {
    statuses: SubmissionStatus[]
    regions: Array<{ regionId: string; regionName: string; counts: number[]; total: number }>
    totals: number[]
    total: number
  }

  /** Per outcome: agreed grades (validated or published submissions) at each level, and the median level. */
  attainment: Array<{ outcomeNumber: number; levelCounts: LevelCounts; graded: number; medianLevel: number | null }>

  /** Region x outcome: the median agreed level and how many agreed grades it is the median of. */
  heatMap: Array<{
    regionId: string
    regionName: string
    cells: Array<{ outcomeNumber: number; medianLevel: number | null; graded: number }>
  }>

  /**
   * Per outcome: self-assessed against agreed grade, where both exist. `differences` counts each
   * non-zero difference in sub-level steps (self minus agreed: positive = rated themselves higher).
   */
  calibration: Array<{
    outcomeNumber: number
    compared: number
    above: number
    equal: number
    below: number
    differences: Array<{ steps: number; count: number }>
  }>

  /** Per outcome: organisations with an agreed grade in both this and the previous cycle, by direction of change. */
  change: Array<{ outcomeNumber: number; compared: number; improved: number; same: number; declined: number }>

  /** Required actions of agreed results in scope, how many are still open, and development plan completion. */
  actions: {
    requiredActions: number
    /** Required actions without a completed development plan item answering them. */
    openRequiredActions: number
    planItems: number
    planItemsComplete: number
    byOutcome: Array<{ outcomeNumber: number; requiredActions: number; openRequiredActions: number }>
  }

  /** Regional dashboard only: every submission in scope with its agreed grade (steps) per outcome. */
  organisations: Array<{
    submissionId: string
    reference: string
    name: string
    odsCode: string
    organisationType: string
    status: SubmissionStatus
    agreedSteps: Array<number | null>
  }> | null
}

/** What the dashboard filter form offers (see getFilterOptions). */
export type FilterOptions = {
  cycles: { id: string; name: string; editionId: string; editionName: string }[]
  editions: { id: string; name: string }[]
  regions: { id: string; name: string }[]
  organisationTypes: { value: string; label: string }[]
}
