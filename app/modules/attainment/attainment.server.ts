// Attainment across many submissions, aggregated in SQL (issue 5): submission progress by status,
// the distribution of agreed grades per outcome, and the organisation x outcome table of agreed
// grades. Every query starts from the submissions the filter selects, through the indexes on
// Submission (cycleId, status) and (cycleId, regionId, status), then reads grades from the covering
// index on AgreedResult (submissionId, outcomeId, gradeSteps): its cost grows with the submissions
// in scope, not with the database. Callers check permissions: these functions trust their filter.
import { Prisma } from '~/generated/prisma/client'
import { stepsToGrade } from '~/modules/framework/grading'
import { isSubmissionStatus, SUBMISSION_STATUSES, type SubmissionStatus } from '~/modules/submissions/status'
import { prisma } from '~/utils/db.server'
import type { LevelCounts } from './median'

/** Which submissions to aggregate. New filters (organisation type, edition...) belong here and in `submissionConditions`. */
export type AttainmentFilter = {
  cycleId: string
  /** The submission's region (as recorded when it was created); every region when omitted. */
  regionId?: string
  /** The organisation's type (ORGANISATION_TYPE_LABELS); every type when omitted. */
  organisationType?: string
}

/** Statuses in which a submission's agreed results are final for reviewers (see results/visibility.ts). */
export const AGREED_STATUSES = ['VALIDATED', 'PUBLISHED'] as const satisfies readonly SubmissionStatus[]

/** Highest grade in sub-level steps (level 4, High): ADR 005. */
const MAX_STEPS = 12

/** The WHERE conditions on `Submission AS s` for a filter, every value a bound parameter. */
function submissionConditions(filter: AttainmentFilter): Prisma.Sql {
  const conditions = [Prisma.sql`s.cycleId = ${filter.cycleId}`]
  if (filter.regionId !== undefined) conditions.push(Prisma.sql`s.regionId = ${filter.regionId}`)
  if (filter.organisationType !== undefined) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM Organisation AS ot WHERE ot.id = s.organisationId AND ot.type = ${filter.organisationType})`,
    )
  }
  return Prisma.join(conditions, ' AND ')
}

const agreedStatuses = Prisma.join([...AGREED_STATUSES])

// SQLite counts come back as number or bigint depending on the driver.
const toCount = (value: number | bigint) => Number(value)

export type StatusCount = { status: SubmissionStatus; count: number }

/** Every status in workflow order, with the counts found (zero for the others). */
function inStatusOrder(rows: ReadonlyArray<{ status: string; count: number | bigint }>): StatusCount[] {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.status, toCount(row.count))
  return SUBMISSION_STATUSES.map((status) => ({ status, count: counts.get(status) ?? 0 }))
}

/** Submissions by status, every status listed in workflow order (zero counts included). */
export async function countSubmissionsByStatus(filter: AttainmentFilter): Promise<StatusCount[]> {
  const rows = await prisma.$queryRaw<Array<{ status: string; count: number | bigint }>>`
    SELECT s.status AS status, COUNT(*) AS count
    FROM Submission AS s
    WHERE ${submissionConditions(filter)}
    GROUP BY s.status`
  return inStatusOrder(rows)
}

export type RegionStatusCounts = { regionId: string; regionName: string; statusCounts: StatusCount[] }

/** Submissions by region and status: each region with at least one submission, by name ('en-GB'). */
export async function countSubmissionsByRegionAndStatus(filter: AttainmentFilter): Promise<RegionStatusCounts[]> {
  const rows = await prisma.$queryRaw<
    Array<{ regionId: string; regionName: string; status: string; count: number | bigint }>
  >`
    SELECT c.regionId AS regionId, r.name AS regionName, c.status AS status, c.count AS count
    FROM (
      SELECT s.regionId AS regionId, s.status AS status, COUNT(*) AS count
      FROM Submission AS s
      WHERE ${submissionConditions(filter)}
      GROUP BY s.regionId, s.status
    ) AS c
    JOIN Region AS r ON r.id = c.regionId`
  const byRegion = new Map<string, { regionName: string; rows: typeof rows }>()
  for (const row of rows) {
    const region = byRegion.get(row.regionId) ?? { regionName: row.regionName, rows: [] }
    region.rows.push(row)
    byRegion.set(row.regionId, region)
  }
  const collator = new Intl.Collator('en-GB')
  return [...byRegion.entries()]
    .map(([regionId, region]) => ({
      regionId,
      regionName: region.regionName,
      statusCounts: inStatusOrder(region.rows),
    }))
    .sort((a, b) => collator.compare(a.regionName, b.regionName))
}

export type OutcomeGradeCounts = {
  /** How many agreed grades at each sub-level step, 0 (level 0) to 12 (level 4, High). */
  stepCounts: number[]
  /** The same grades by level, 0 to 4. */
  levelCounts: LevelCounts
  graded: number
}

/**
 * Agreed grades per outcome (by outcome id) of the submissions that are VALIDATED or PUBLISHED. An
 * outcome with no agreed grade is absent from the map.
 */
export async function countAgreedGradesByOutcome(filter: AttainmentFilter): Promise<Map<string, OutcomeGradeCounts>> {
  const rows = await prisma.$queryRaw<
    Array<{ outcomeId: string; gradeSteps: number | bigint; count: number | bigint }>
  >`
    SELECT ar.outcomeId AS outcomeId, ar.gradeSteps AS gradeSteps, COUNT(*) AS count
    FROM Submission AS s
    JOIN AgreedResult AS ar ON ar.submissionId = s.id
    WHERE ${submissionConditions(filter)} AND s.status IN (${agreedStatuses})
    GROUP BY ar.outcomeId, ar.gradeSteps`
  const byOutcome = new Map<string, OutcomeGradeCounts>()
  for (const row of rows) {
    const steps = toCount(row.gradeSteps)
    const count = toCount(row.count)
    const counts = byOutcome.get(row.outcomeId) ?? {
      stepCounts: Array<number>(MAX_STEPS + 1).fill(0),
      levelCounts: [0, 0, 0, 0, 0],
      graded: 0,
    }
    counts.levelCounts[stepsToGrade(steps).level] += count // throws on steps outside 0..12: a bug, not data to hide
    counts.stepCounts[steps] = (counts.stepCounts[steps] ?? 0) + count
    counts.graded += count
    byOutcome.set(row.outcomeId, counts)
  }
  return byOutcome
}

export type SubmissionAttainment = {
  submissionId: string
  reference: string
  status: SubmissionStatus
  organisationName: string
  odsCode: string
  organisationType: string
  regionName: string
  /**
   * Agreed grade in steps by outcome id; empty unless the submission is VALIDATED or PUBLISHED.
   * An outcome not yet agreed is absent.
   */
  agreedSteps: Readonly<Record<string, number>>
}

/**
 * The organisation x outcome table: every submission the filter selects, by region name then
 * organisation name ('en-GB'), with its agreed grades. One row per submission: the grades come
 * as one JSON object per row rather than one row per grade.
 */
export async function listAgreedStepsBySubmission(filter: AttainmentFilter): Promise<SubmissionAttainment[]> {
  const rows = await prisma.$queryRaw<
    Array<{
      submissionId: string
      reference: string
      status: string
      organisationName: string
      odsCode: string
      organisationType: string
      regionName: string
      agreedSteps: string | null
    }>
  >`
    SELECT s.id AS submissionId, s.reference AS reference, s.status AS status,
      o.name AS organisationName, o.odsCode AS odsCode, o.type AS organisationType, r.name AS regionName,
      CASE WHEN s.status IN (${agreedStatuses}) THEN (
        SELECT json_group_object(ar.outcomeId, ar.gradeSteps) FROM AgreedResult AS ar WHERE ar.submissionId = s.id
      ) END AS agreedSteps
    FROM Submission AS s
    JOIN Organisation AS o ON o.id = s.organisationId
    JOIN Region AS r ON r.id = s.regionId
    WHERE ${submissionConditions(filter)}
    ORDER BY r.name, o.name, o.odsCode`
  // SQLite's order is by code point; re-sorting the nearly sorted rows for 'en-GB' costs little.
  const collator = new Intl.Collator('en-GB')
  return rows
    .flatMap(({ status, agreedSteps, ...row }): SubmissionAttainment[] => {
      if (!isSubmissionStatus(status)) return []
      return [{ ...row, status, agreedSteps: agreedSteps ? (JSON.parse(agreedSteps) as Record<string, number>) : {} }]
    })
    .sort(
      (a, b) =>
        collator.compare(a.regionName, b.regionName) ||
        collator.compare(a.organisationName, b.organisationName) ||
        collator.compare(a.odsCode, b.odsCode),
    )
}

/**
 * One scan of the agreed grades of VALIDATED and PUBLISHED submissions, counted by region, outcome
 * (id), grade (steps) and self minus agreed steps (null when the service gave no self grade): the
 * heat map, the distribution and the calibration all follow from these counts (see
 * `dashboards/dashboard.server.ts`), so the grades are read once rather than once per view.
 */
export type AgreedGradeCount = {
  regionId: string
  outcomeId: string
  gradeSteps: number
  difference: number | null
  count: number
}

export async function countAgreedGradesWithSelf(filter: AttainmentFilter): Promise<AgreedGradeCount[]> {
  const rows = await prisma.$queryRaw<
    Array<{
      regionId: string
      outcomeId: string
      gradeSteps: number | bigint
      difference: number | bigint | null
      count: number | bigint
    }>
  >`
    SELECT s.regionId AS regionId, ar.outcomeId AS outcomeId, ar.gradeSteps AS gradeSteps,
      orr.selfGradeSteps - ar.gradeSteps AS difference, COUNT(*) AS count
    FROM Submission AS s
    JOIN AgreedResult AS ar ON ar.submissionId = s.id
    LEFT JOIN OutcomeResponse AS orr ON orr.submissionId = s.id AND orr.outcomeId = ar.outcomeId
    WHERE ${submissionConditions(filter)} AND s.status IN (${agreedStatuses})
    GROUP BY s.regionId, ar.outcomeId, ar.gradeSteps, difference`
  return rows.map((row) => ({
    regionId: row.regionId,
    outcomeId: row.outcomeId,
    gradeSteps: toCount(row.gradeSteps),
    difference: row.difference === null ? null : toCount(row.difference),
    count: toCount(row.count),
  }))
}

/** Level counts by region and outcome id (the heat map), from the counts of one scan. */
export function levelsByRegionAndOutcome(counts: readonly AgreedGradeCount[]): Map<string, Map<string, LevelCounts>> {
  const byRegion = new Map<string, Map<string, LevelCounts>>()
  for (const row of counts) {
    const outcomes = byRegion.get(row.regionId) ?? new Map<string, LevelCounts>()
    const levels = outcomes.get(row.outcomeId) ?? [0, 0, 0, 0, 0]
    levels[stepsToGrade(row.gradeSteps).level] += row.count
    outcomes.set(row.outcomeId, levels)
    byRegion.set(row.regionId, outcomes)
  }
  return byRegion
}

/** Level counts by outcome id across every region, from the counts of one scan. */
export function levelsByOutcome(counts: readonly AgreedGradeCount[]): Map<string, LevelCounts> {
  const byOutcome = new Map<string, LevelCounts>()
  for (const row of counts) {
    const levels = byOutcome.get(row.outcomeId) ?? [0, 0, 0, 0, 0]
    levels[stepsToGrade(row.gradeSteps).level] += row.count
    byOutcome.set(row.outcomeId, levels)
  }
  return byOutcome
}

/** Self minus agreed steps by outcome id, where the service gave a self grade, from the counts of one scan. */
export function differencesByOutcome(counts: readonly AgreedGradeCount[]): Map<string, Map<number, number>> {
  const byOutcome = new Map<string, Map<number, number>>()
  for (const row of counts) {
    if (row.difference === null) continue
    const differences = byOutcome.get(row.outcomeId) ?? new Map<number, number>()
    differences.set(row.difference, (differences.get(row.difference) ?? 0) + row.count)
    byOutcome.set(row.outcomeId, differences)
  }
  return byOutcome
}

export type ChangeCounts = { improved: number; same: number; declined: number }

/**
 * Change since an earlier cycle, by outcome number (editions share the six outcomes): for each
 * organisation with an agreed grade for the outcome in both cycles, whether it went up, stayed the
 * same or went down, in sub-level steps. The filter selects the current cycle's submissions.
 */
export async function countChangeSince(
  filter: AttainmentFilter,
  earlierCycleId: string,
): Promise<Map<number, ChangeCounts>> {
  const rows = await prisma.$queryRaw<
    Array<{ number: number | bigint; direction: number | bigint; count: number | bigint }>
  >`
    SELECT oc.number AS number, CASE WHEN ar.gradeSteps > pr.gradeSteps THEN 1 WHEN ar.gradeSteps < pr.gradeSteps THEN -1 ELSE 0 END AS direction, COUNT(*) AS count
    FROM Submission AS s
    JOIN AgreedResult AS ar ON ar.submissionId = s.id
    JOIN Outcome AS oc ON oc.id = ar.outcomeId
    JOIN Submission AS ps ON ps.cycleId = ${earlierCycleId} AND ps.organisationId = s.organisationId AND ps.status IN (${agreedStatuses})
    JOIN AgreedResult AS pr ON pr.submissionId = ps.id
    JOIN Outcome AS poc ON poc.id = pr.outcomeId AND poc.number = oc.number
    WHERE ${submissionConditions(filter)} AND s.status IN (${agreedStatuses})
    GROUP BY oc.number, direction`
  const byNumber = new Map<number, ChangeCounts>()
  for (const row of rows) {
    const number = toCount(row.number)
    const counts = byNumber.get(number) ?? { improved: 0, same: 0, declined: 0 }
    const direction = toCount(row.direction)
    counts[direction > 0 ? 'improved' : direction < 0 ? 'declined' : 'same'] += toCount(row.count)
    byNumber.set(number, counts)
  }
  return byNumber
}

/**
 * Required actions of agreed results per outcome id, and how many are still open: not answered by
 * a completed development plan item.
 */
export async function countRequiredActions(
  filter: AttainmentFilter,
): Promise<Map<string, { total: number; open: number }>> {
  const rows = await prisma.$queryRaw<Array<{ outcomeId: string; total: number | bigint; open: number | bigint }>>`
    SELECT ar.outcomeId AS outcomeId, COUNT(*) AS total,
      SUM(CASE WHEN EXISTS (
        SELECT 1 FROM DevelopmentPlanItem AS d WHERE d.requiredActionId = ra.id AND d.status = 'COMPLETE'
      ) THEN 0 ELSE 1 END) AS open
    FROM Submission AS s
    JOIN AgreedResult AS ar ON ar.submissionId = s.id
    JOIN RequiredAction AS ra ON ra.agreedResultId = ar.id
    WHERE ${submissionConditions(filter)} AND s.status IN (${agreedStatuses})
    GROUP BY ar.outcomeId`
  return new Map(rows.map((row) => [row.outcomeId, { total: toCount(row.total), open: toCount(row.open) }]))
}

/** Development plan items of the submissions in scope, and how many are complete. */
export async function countPlanItems(filter: AttainmentFilter): Promise<{ total: number; complete: number }> {
  const [row] = await prisma.$queryRaw<Array<{ total: number | bigint; complete: number | bigint | null }>>`
    SELECT COUNT(*) AS total, SUM(CASE WHEN d.status = 'COMPLETE' THEN 1 ELSE 0 END) AS complete
    FROM Submission AS s
    JOIN DevelopmentPlanItem AS d ON d.submissionId = s.id
    WHERE ${submissionConditions(filter)}`
  return { total: toCount(row?.total ?? 0), complete: toCount(row?.complete ?? 0) }
}

export type PublishedGrades = {
  /** Organisations with a published result in the cycle, by region id. */
  organisationsByRegion: Map<string, number>
  /** Agreed grades of published results by region id, outcome number and sub-level step. */
  gradesByRegion: Map<string, Map<number, number[]>>
}

/**
 * The published results of a cycle, counted by region: how many organisations, and their agreed
 * grades per outcome (for peer comparison, results/peers.ts). Only PUBLISHED results: a peer's
 * grade is never shown before its own service has seen it.
 */
export async function countPublishedGrades(cycleId: string): Promise<PublishedGrades> {
  const [organisations, grades] = await Promise.all([
    prisma.$queryRaw<Array<{ regionId: string; count: number | bigint }>>`
      SELECT s.regionId AS regionId, COUNT(DISTINCT s.organisationId) AS count
      FROM Submission AS s
      WHERE s.cycleId = ${cycleId} AND s.status = 'PUBLISHED'
      GROUP BY s.regionId`,
    prisma.$queryRaw<
      Array<{ regionId: string; number: number | bigint; gradeSteps: number | bigint; count: number | bigint }>
    >`
      SELECT s.regionId AS regionId, oc.number AS number, ar.gradeSteps AS gradeSteps, COUNT(*) AS count
      FROM Submission AS s
      JOIN AgreedResult AS ar ON ar.submissionId = s.id
      JOIN Outcome AS oc ON oc.id = ar.outcomeId
      WHERE s.cycleId = ${cycleId} AND s.status = 'PUBLISHED'
      GROUP BY s.regionId, oc.number, ar.gradeSteps`,
  ])
  const gradesByRegion = new Map<string, Map<number, number[]>>()
  for (const row of grades) {
    const outcomes = gradesByRegion.get(row.regionId) ?? new Map<number, number[]>()
    const number = toCount(row.number)
    const histogram = outcomes.get(number) ?? Array<number>(MAX_STEPS + 1).fill(0)
    const steps = toCount(row.gradeSteps)
    if (steps < 0 || steps > MAX_STEPS) throw new RangeError(`Grade steps out of range: ${steps}`)
    histogram[steps]! += toCount(row.count)
    outcomes.set(number, histogram)
    gradesByRegion.set(row.regionId, outcomes)
  }
  return {
    organisationsByRegion: new Map(organisations.map((row) => [row.regionId, toCount(row.count)])),
    gradesByRegion,
  }
}
