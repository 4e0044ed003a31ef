// The cycle summary (issue 5) against a real database seeded like `npm start`, plus a cycle of
// hand-made submissions whose agreed grades, counts and medians are worked out by hand below:
// who may read the national and each regional summary, what each contains, and the SQL
// aggregations of the attainment module behind it.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import type { Actor } from '~/modules/auth/permissions'
import {
  countAgreedGradesByOutcome,
  countSubmissionsByRegionAndStatus,
  countSubmissionsByStatus,
  listAgreedStepsBySubmission,
} from '~/modules/attainment/attainment.server'
import { getCycleSummary } from '~/modules/reports/cycle-summary.server'
import { SUBMISSION_STATUSES, type SubmissionStatus } from '~/modules/submissions/status'
import { actorFor, createUser } from '../factories'
import { createCycle, createSubmissions, type GradedSubmission } from '../fixtures/graded-cycles'

type Fixture = GradedSubmission

// Agreed grades in sub-level steps for outcomes 1 to 6 (ADR 005: 0 = level 0, 1-3 = level 1,
// 4-6 = level 2, 7-9 = level 3, 10-12 = level 4). Levels are noted beside each row.
const FIXTURES: Fixture[] = [
  { odsCode: 'RXV', status: 'PUBLISHED', agreed: [4, 7, 1, 10, 0, 6] }, // North West: levels 2 3 1 4 0 2
  { odsCode: 'RWV', status: 'VALIDATED', agreed: [6, 8, 4, 12, 2, 5] }, // North West: levels 2 3 2 4 1 2
  // Agreed for four outcomes, then sent to moderation: not final, so counted nowhere.
  { odsCode: 'RYV', status: 'IN_MODERATION', agreed: [12, 12, 12, 12, null, null] },
  { odsCode: 'RTH', status: 'PUBLISHED', agreed: [3, 9, 4, 1, 0, 7] }, // London: levels 1 3 2 1 0 3
  { odsCode: 'RKQ', status: 'IN_VALIDATION' },
  { odsCode: 'RSV', status: 'PUBLISHED', agreed: [2, 5, 7, 11, 3, 4] }, // Midlands: levels 1 2 3 4 1 2
  { odsCode: 'QAF', status: 'NOT_STARTED' },
  { odsCode: 'RTM', status: 'PUBLISHED', agreed: [10, 1, 12, 6, 4, 0] }, // South West: levels 4 1 4 2 2 0
  { odsCode: 'RQX', status: 'SUBMITTED' },
]

let regionalLead: Actor // Gareth Pryce, North West
let londonLead: Actor // Rachel Osei
let viewer: Actor
let admin: Actor
let serviceLead: Actor
let validator: Actor
let sponsor: Actor
let cycleId: string
const regionIds = new Map<string, string>()

const statusCountsOf = (counts: Partial<Record<SubmissionStatus, number>>) =>
  SUBMISSION_STATUSES.map((status) => ({ status, count: counts[status] ?? 0 }))

beforeAll(async () => {
  await useDemoData()
  for (const region of await prisma.region.findMany({ select: { id: true, name: true } }))
    regionIds.set(region.name, region.id)
  regionalLead = await actorFor('regional.lead@demo.nhs.uk')
  londonLead = await actorFor('rachel.osei@demo.nhs.uk')
  viewer = await actorFor('viewer@demo.nhs.uk')
  admin = await actorFor('admin@demo.nhs.uk')
  serviceLead = await actorFor('lead@demo.nhs.uk')
  validator = await actorFor('validator@demo.nhs.uk')
  sponsor = await actorFor('sponsor@demo.nhs.uk')
  const cycle = await createCycle('2028/29 summary test', '2019', '2028-10-01')
  cycleId = cycle.id
  await createSubmissions(cycle, FIXTURES, '2829')
})

describe('the national summary of a cycle', () => {
  it('names the cycle, its edition and its outcomes in order', async () => {
    const summary = await getCycleSummary(viewer, { cycleId })
    expect(summary.scope).toEqual({ kind: 'national' })
    expect(summary.cycleName).toBe('2028/29 summary test')
    expect(summary.editionName).toBe('2019 edition')
    expect(summary.outcomes.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6])
    const titles = await prisma.outcome.findMany({
      where: { edition: { code: '2019' } },
      orderBy: { number: 'asc' },
      select: { shortTitle: true },
    })
    expect(summary.outcomes.map((o) => o.shortTitle)).toEqual(titles.map((t) => t.shortTitle))
    expect(titles).toHaveLength(6)
  })

  it('counts submissions by status, every status in workflow order with zeros', async () => {
    const summary = await getCycleSummary(viewer, { cycleId })
    expect(summary.statusCounts).toEqual(
      statusCountsOf({ NOT_STARTED: 1, SUBMITTED: 1, IN_VALIDATION: 1, IN_MODERATION: 1, VALIDATED: 1, PUBLISHED: 4 }),
    )
  })

  it('counts the agreed levels of validated and published submissions only, with their medians', async () => {
    // Five submissions count (RXV, RWV, RTH, RSV, RTM): an odd count, so each median is a level.
    const summary = await getCycleSummary(viewer, { cycleId })
    expect(summary.distribution).toEqual([
      { outcomeNumber: 1, levelCounts: [0, 2, 2, 0, 1], graded: 5, medianLevel: 2 }, // 1 1 2 2 4
      { outcomeNumber: 2, levelCounts: [0, 1, 1, 3, 0], graded: 5, medianLevel: 3 }, // 1 2 3 3 3
      { outcomeNumber: 3, levelCounts: [0, 1, 2, 1, 1], graded: 5, medianLevel: 2 }, // 1 2 2 3 4
      { outcomeNumber: 4, levelCounts: [0, 1, 1, 0, 3], graded: 5, medianLevel: 4 }, // 1 2 4 4 4
      { outcomeNumber: 5, levelCounts: [2, 2, 1, 0, 0], graded: 5, medianLevel: 1 }, // 0 0 1 1 2
      { outcomeNumber: 6, levelCounts: [1, 0, 3, 1, 0], graded: 5, medianLevel: 2 }, // 0 2 2 2 3
    ])
  })

  it('lists every submission by region then organisation name, with agreed grades only once final', async () => {
    const summary = await getCycleSummary(admin, { cycleId })
    expect(summary.organisations!.map((o) => [o.regionName, o.odsCode])).toEqual([
      ['London', 'RKQ'],
      ['London', 'RTH'],
      ['Midlands', 'QAF'],
      ['Midlands', 'RSV'],
      // 'Ribble and' before 'Ribble Valley' in English, though 'V' sorts before 'a' by code point.
      ['North West', 'RYV'],
      ['North West', 'RWV'],
      ['North West', 'RXV'],
      ['South West', 'RQX'],
      ['South West', 'RTM'],
    ])
    const row = (odsCode: string) => summary.organisations!.find((o) => o.odsCode === odsCode)!
    expect(row('RXV')).toEqual({
      name: 'Ribble Valley Teaching Hospitals NHS Foundation Trust',
      odsCode: 'RXV',
      regionName: 'North West',
      reference: 'LKS-2829-RXV',
      status: 'PUBLISHED',
      agreedSteps: [4, 7, 1, 10, 0, 6],
    })
    expect(row('RWV').agreedSteps).toEqual([6, 8, 4, 12, 2, 5])
    expect(row('RTM').agreedSteps).toEqual([10, 1, 12, 6, 4, 0])
    // Agreed results exist for RYV, but it is in moderation: not shown.
    expect(row('RYV')).toMatchObject({ status: 'IN_MODERATION', agreedSteps: [null, null, null, null, null, null] })
    expect(row('RKQ').agreedSteps).toEqual([null, null, null, null, null, null])
    expect(row('QAF')).toMatchObject({ status: 'NOT_STARTED', agreedSteps: [null, null, null, null, null, null] })
  })

  it('leaves out organisations without a submission in the cycle', async () => {
    const summary = await getCycleSummary(viewer, { cycleId })
    expect(summary.organisations).toHaveLength(FIXTURES.length)
    expect(summary.organisations!.map((o) => o.odsCode)).not.toContain('RWK')
  })

  it('agrees with counting the demo baseline cycle row by row', async () => {
    const baseline = await prisma.cycle.findUniqueOrThrow({ where: { name: '2021/22 baseline' }, select: { id: true } })
    const summary = await getCycleSummary(viewer, { cycleId: baseline.id })
    const agreed = await prisma.agreedResult.findMany({
      where: { submission: { cycleId: baseline.id, status: { in: ['VALIDATED', 'PUBLISHED'] } } },
      select: { level: true, outcome: { select: { number: true } } },
    })
    expect(agreed.length).toBe(8 * 6)
    const expected = [1, 2, 3, 4, 5, 6].map((number) => {
      const levelCounts = [0, 0, 0, 0, 0]
      for (const result of agreed.filter((a) => a.outcome.number === number)) levelCounts[result.level]! += 1
      return { outcomeNumber: number, levelCounts, graded: 8 }
    })
    expect(summary.distribution.map(({ medianLevel: _, ...rest }) => rest)).toEqual(expected)
    expect(summary.statusCounts.find((c) => c.status === 'PUBLISHED')?.count).toBe(8)
  })
})

describe('a regional summary', () => {
  it('gives the North West lead only the North West, with medians of an even count', async () => {
    const summary = await getCycleSummary(regionalLead, { cycleId, regionId: regionIds.get('North West')! })
    expect(summary.scope).toEqual({ kind: 'region', regionName: 'North West' })
    expect(summary.statusCounts).toEqual(statusCountsOf({ IN_MODERATION: 1, VALIDATED: 1, PUBLISHED: 1 }))
    expect(summary.organisations!.map((o) => o.odsCode)).toEqual(['RYV', 'RWV', 'RXV'])
    // RXV and RWV count: two grades per outcome, so a median between two levels ends in .5.
    expect(summary.distribution).toEqual([
      { outcomeNumber: 1, levelCounts: [0, 0, 2, 0, 0], graded: 2, medianLevel: 2 },
      { outcomeNumber: 2, levelCounts: [0, 0, 0, 2, 0], graded: 2, medianLevel: 3 },
      { outcomeNumber: 3, levelCounts: [0, 1, 1, 0, 0], graded: 2, medianLevel: 1.5 },
      { outcomeNumber: 4, levelCounts: [0, 0, 0, 0, 2], graded: 2, medianLevel: 4 },
      { outcomeNumber: 5, levelCounts: [1, 1, 0, 0, 0], graded: 2, medianLevel: 0.5 },
      { outcomeNumber: 6, levelCounts: [0, 0, 2, 0, 0], graded: 2, medianLevel: 2 },
    ])
  })

  it('gives the London lead only London', async () => {
    const summary = await getCycleSummary(londonLead, { cycleId, regionId: regionIds.get('London')! })
    expect(summary.scope).toEqual({ kind: 'region', regionName: 'London' })
    expect(summary.organisations!.map((o) => o.odsCode)).toEqual(['RKQ', 'RTH'])
    expect(summary.statusCounts).toEqual(statusCountsOf({ IN_VALIDATION: 1, PUBLISHED: 1 }))
    // One graded submission: its own levels, each the median.
    expect(summary.distribution.map((d) => [d.graded, d.medianLevel])).toEqual([
      [1, 1],
      [1, 3],
      [1, 2],
      [1, 1],
      [1, 0],
      [1, 3],
    ])
  })

  it('lets national roles read any region', async () => {
    for (const actor of [viewer, admin]) {
      const summary = await getCycleSummary(actor, { cycleId, regionId: regionIds.get('Midlands')! })
      expect(summary.scope).toEqual({ kind: 'region', regionName: 'Midlands' })
      expect(summary.organisations!.map((o) => o.odsCode)).toEqual(['QAF', 'RSV'])
      expect(summary.distribution.map((d) => d.levelCounts)).toEqual([
        [0, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 0, 0, 1],
        [0, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
      ])
    }
  })

  it('is empty, not an error, for a region with no submissions in the cycle', async () => {
    const summary = await getCycleSummary(viewer, { cycleId, regionId: regionIds.get('East of England')! })
    expect(summary.organisations).toEqual([])
    expect(summary.statusCounts.every((c) => c.count === 0)).toBe(true)
    expect(summary.distribution.every((d) => d.graded === 0 && d.medianLevel === null)).toBe(true)
  })
})

describe('who may read a summary', () => {
  it('gives a regional lead the national summary only as published: suppressed, with no organisation listed', async () => {
    for (const suppress of [false, true]) {
      const summary = await getCycleSummary(regionalLead, { cycleId, suppress })
      expect(summary.scope).toEqual({ kind: 'national' })
      expect(summary.suppression).toEqual({ threshold: 5 })
      expect(summary.organisations).toBeNull()
      // Every count is zero, at least the threshold, or hidden.
      const counts = summary.distribution.flatMap((d) => [...d.levelCounts, d.graded])
      expect(counts.every((n) => n === 0 || n >= 5)).toBe(true)
    }
    // National roles choose: in full by default, published when asked.
    expect((await getCycleSummary(viewer, { cycleId })).suppression).toBeNull()
    expect((await getCycleSummary(viewer, { cycleId, suppress: true })).organisations).toBeNull()
  })

  it('refuses a regional lead other regions', async () => {
    await expect(getCycleSummary(regionalLead, { cycleId, regionId: regionIds.get('London')! })).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      getCycleSummary(londonLead, { cycleId, regionId: regionIds.get('North West')! }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('refuses the service, its sponsor and validators, national or regional', async () => {
    for (const actor of [serviceLead, sponsor, validator]) {
      await expect(getCycleSummary(actor, { cycleId })).rejects.toMatchObject({ status: 403 })
      await expect(getCycleSummary(actor, { cycleId, regionId: regionIds.get('North West')! })).rejects.toMatchObject({
        status: 403,
      })
    }
    // A validator in the North West is still not its regional lead.
    const northWestValidator = await actorFor(
      (await createUser({ roles: [{ role: 'VALIDATOR', regionId: regionIds.get('North West')! }] })).email,
    )
    await expect(
      getCycleSummary(northWestValidator, { cycleId, regionId: regionIds.get('North West')! }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('answers 404 for a cycle or region that does not exist', async () => {
    await expect(getCycleSummary(viewer, { cycleId: 'no-such-cycle' })).rejects.toMatchObject({ status: 404 })
    await expect(getCycleSummary(viewer, { cycleId, regionId: 'no-such-region' })).rejects.toMatchObject({
      status: 404,
    })
    await expect(
      getCycleSummary(regionalLead, { cycleId: 'no-such-cycle', regionId: regionIds.get('North West')! }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('refuses before it looks anything up, so a refused user learns nothing about ids', async () => {
    await expect(getCycleSummary(serviceLead, { cycleId: 'no-such-cycle' })).rejects.toMatchObject({ status: 403 })
    await expect(getCycleSummary(regionalLead, { cycleId, regionId: 'no-such-region' })).rejects.toMatchObject({
      status: 403,
    })
  })
})

describe('small cycles', () => {
  it('summarises an empty cycle with zero counts, no medians and the outcomes of its own edition', async () => {
    const empty = await createCycle('2030/31 empty', '2022', '2030-10-01')
    const summary = await getCycleSummary(admin, { cycleId: empty.id })
    expect(summary.editionName).toBe('Second edition (2022)')
    const titles = await prisma.outcome.findMany({
      where: { editionId: empty.editionId },
      orderBy: { number: 'asc' },
      select: { number: true, shortTitle: true },
    })
    expect(summary.outcomes).toEqual(titles)
    expect(summary.statusCounts).toEqual(statusCountsOf({}))
    expect(summary.organisations).toEqual([])
    expect(summary.distribution).toEqual(
      titles.map((t) => ({ outcomeNumber: t.number, levelCounts: [0, 0, 0, 0, 0], graded: 0, medianLevel: null })),
    )
  })

  it('summarises a cycle of a single organisation', async () => {
    const single = await createCycle('2031/32 single', '2019', '2031-10-01')
    await createSubmissions(single, [{ odsCode: 'RTM', status: 'VALIDATED', agreed: [9, 10, 3, 4, 0, 12] }], '3132')
    const summary = await getCycleSummary(viewer, { cycleId: single.id })
    expect(summary.statusCounts).toEqual(statusCountsOf({ VALIDATED: 1 }))
    expect(summary.organisations).toEqual([
      {
        name: 'Tamar and Moor NHS Foundation Trust',
        odsCode: 'RTM',
        regionName: 'South West',
        reference: 'LKS-3132-RTM',
        status: 'VALIDATED',
        agreedSteps: [9, 10, 3, 4, 0, 12],
      },
    ])
    expect(summary.distribution.map((d) => [d.levelCounts, d.medianLevel])).toEqual([
      [[0, 0, 0, 1, 0], 3],
      [[0, 0, 0, 0, 1], 4],
      [[0, 1, 0, 0, 0], 1],
      [[0, 0, 1, 0, 0], 2],
      [[1, 0, 0, 0, 0], 0],
      [[0, 0, 0, 0, 1], 4],
    ])
  })
})

describe('the attainment aggregations', () => {
  it('count submissions by region and status, regions by name', async () => {
    const byRegion = await countSubmissionsByRegionAndStatus({ cycleId })
    expect(byRegion.map((r) => r.regionName)).toEqual(['London', 'Midlands', 'North West', 'South West'])
    expect(byRegion.map((r) => r.regionId)).toEqual(
      ['London', 'Midlands', 'North West', 'South West'].map((name) => regionIds.get(name)),
    )
    const counts = Object.fromEntries(
      byRegion.map((r) => [
        r.regionName,
        r.statusCounts.filter((c) => c.count > 0).map((c) => `${c.status} ${c.count}`),
      ]),
    )
    expect(counts).toEqual({
      London: ['IN_VALIDATION 1', 'PUBLISHED 1'],
      Midlands: ['NOT_STARTED 1', 'PUBLISHED 1'],
      'North West': ['IN_MODERATION 1', 'VALIDATED 1', 'PUBLISHED 1'],
      'South West': ['SUBMITTED 1', 'PUBLISHED 1'],
    })
    expect(byRegion.every((r) => r.statusCounts.map((c) => c.status).join() === SUBMISSION_STATUSES.join())).toBe(true)
    const northWestOnly = await countSubmissionsByRegionAndStatus({ cycleId, regionId: regionIds.get('North West')! })
    expect(northWestOnly.map((r) => r.regionName)).toEqual(['North West'])
  })

  it('count agreed grades by sub-level step as well as by level', async () => {
    const outcome1 = await prisma.outcome.findFirstOrThrow({
      where: { edition: { code: '2019' }, number: 1 },
      select: { id: true },
    })
    const grades = await countAgreedGradesByOutcome({ cycleId })
    // Outcome 1: steps 4, 6, 3, 2, 10 (RYV's 12 is not final).
    const stepCounts = Array<number>(13).fill(0)
    for (const steps of [4, 6, 3, 2, 10]) stepCounts[steps]! += 1
    expect(grades.get(outcome1.id)).toEqual({ stepCounts, levelCounts: [0, 2, 2, 0, 1], graded: 5 })
  })

  it('return agreed grades keyed by outcome id, and nothing for a cycle that does not exist', async () => {
    const outcomes = await prisma.outcome.findMany({
      where: { edition: { code: '2019' } },
      orderBy: { number: 'asc' },
      select: { id: true },
    })
    const rows = await listAgreedStepsBySubmission({ cycleId, regionId: regionIds.get('South West')! })
    expect(rows.map((r) => r.reference)).toEqual(['LKS-2829-RQX', 'LKS-2829-RTM'])
    expect(rows[1]!.agreedSteps).toEqual(Object.fromEntries(outcomes.map((o, i) => [o.id, [10, 1, 12, 6, 4, 0][i]])))
    expect(rows[0]!.agreedSteps).toEqual({})
    expect(await listAgreedStepsBySubmission({ cycleId: 'no-such-cycle' })).toEqual([])
  })

  it('treat ids as values, never as SQL', async () => {
    const injected = { cycleId: `' OR '1'='1`, regionId: `' OR '1'='1` }
    expect(await countSubmissionsByStatus(injected)).toEqual(statusCountsOf({}))
    expect(await countSubmissionsByStatus({ cycleId: `${cycleId}' OR '1'='1` })).toEqual(statusCountsOf({}))
    expect((await countAgreedGradesByOutcome({ cycleId: `x' OR 1=1 --` })).size).toBe(0)
    expect(await listAgreedStepsBySubmission({ cycleId: `x' OR 1=1 --` })).toEqual([])
  })
})
