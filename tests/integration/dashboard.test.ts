// The attainment dashboards (issue 6) against a real database seeded like `npm start`, plus small
// cycles of hand-made submissions whose figures are worked out by hand in the comments below:
// progress, attainment and medians (odd and even counts), the heat map, calibration, change since
// the previous cycle, required actions and development plans, each filter, an empty cycle, a
// single organisation, the regional organisation table, and the filter options.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import type { Actor } from '~/modules/auth/permissions'
import {
  getDashboard,
  getFilterOptions,
  resolveFilter,
  type FilterOptions,
} from '~/modules/dashboards/dashboard.server'
import type { Dashboard, LevelCounts } from '~/modules/dashboards/model'
import { SUBMISSION_STATUSES, type SubmissionStatus } from '~/modules/submissions/status'
import { actorFor } from '../factories'
import { createCycle, createSubmissions, type GradedSubmission } from '../fixtures/graded-cycles'

// Grades are in sub-level steps (ADR 005): 0 = level 0, 1-3 = level 1, 4-6 = level 2, 7-9 = level 3,
// 10-12 = level 4, for outcomes 1 to 6 (tests/fixtures/graded-cycles.ts).
type Fixture = GradedSubmission

// The current cycle ("2041/42", second edition). Organisations (seeded) and their types:
// North West: RXV acute, RWV mental health, RYV community; London: RTH acute, RKQ mental health;
// Midlands: RSV acute, QAF integrated care board.
const CURRENT: Fixture[] = [
  // levels 2 3 1 4 0 2; self minus agreed: +1 0 +2 - 0 -2
  { odsCode: 'RXV', status: 'PUBLISHED', agreed: [4, 7, 1, 10, 0, 6], self: [5, 7, 3, null, 0, 4] },
  // levels 2 3 2 4 1 2; self minus agreed: 0 +1 0 -1 0 +3
  { odsCode: 'RWV', status: 'VALIDATED', agreed: [6, 8, 4, 12, 2, 5], self: [6, 9, 4, 11, 2, 8] },
  // Agreed and self-assessed, then sent to moderation: not final, so in no figure but progress.
  { odsCode: 'RYV', status: 'IN_MODERATION', agreed: [12, 12, 12, 12, null, null], self: [1, 1, 1, 1, 1, 1] },
  // levels 1 3 2 1 0 3; self minus agreed: 0 +1 +3 0 +1 -
  { odsCode: 'RTH', status: 'PUBLISHED', agreed: [3, 9, 4, 1, 0, 7], self: [3, 10, 7, 1, 1, null] },
  // levels 1 2 3 4 1 3; self minus agreed: -1 0 0 +1 0 0
  { odsCode: 'RKQ', status: 'PUBLISHED', agreed: [2, 5, 7, 11, 3, 9], self: [1, 5, 7, 12, 3, 9] },
  // levels 4 1 4 2 2 -: no agreed grade for outcome 6, and no self grades at all.
  { odsCode: 'RSV', status: 'VALIDATED', agreed: [10, 1, 12, 6, 4, null] },
  // Self-assessed but not yet validated: no agreed grades, so no calibration.
  { odsCode: 'QAF', status: 'SUBMITTED', self: [5, 5, 5, 5, 5, 5] },
]

// The previous cycle ("2040/41", 2019 edition: outcomes are matched by number across editions).
const PREVIOUS: Fixture[] = [
  // against the current cycle [4, 7, 1, 10, 0, 6]: up same down same down same
  { odsCode: 'RXV', status: 'PUBLISHED', agreed: [3, 7, 4, 10, 1, 6] },
  // against [6, 8, 4, 12, 2, 5]: same up same same up down
  { odsCode: 'RWV', status: 'PUBLISHED', agreed: [6, 5, 4, 12, 0, 9] },
  // against [3, 9, 4, 1, 0, 7]: up (level 1 Low to High: sub-levels count) same same down (within level 1) same -
  { odsCode: 'RTH', status: 'VALIDATED', agreed: [1, 9, 4, 2, 0, null] },
  // Not final in the previous cycle, so RKQ is compared with nothing.
  { odsCode: 'RKQ', status: 'IN_MODERATION', agreed: [12, 12, 12, 12, 12, 12] },
  // Final before, but not final (RYV) or not graded (QAF) now: compared with nothing.
  { odsCode: 'RYV', status: 'PUBLISHED', agreed: [0, 0, 0, 0, 0, 0] },
  { odsCode: 'QAF', status: 'PUBLISHED', agreed: [0, 0, 0, 0, 0, 0] },
]

let viewer: Actor
let admin: Actor
let regionalLead: Actor // Gareth Pryce, North West
let serviceLead: Actor
const regionIds = new Map<string, string>()
const region = (name: string) => regionIds.get(name)!
const cycles = { empty: '', previous: '', draft: '', current: '', single: '', baseline: '', open: '' }
const editions = { e2019: '', e2022: '' }

type PlanStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE'

/** A required action on a submission's agreed result for an outcome, with plan items answering it. */
async function addRequiredAction(reference: string, outcomeNumber: number, planItems: PlanStatus[] = []) {
  const agreed = await prisma.agreedResult.findFirstOrThrow({
    where: { submission: { reference }, outcome: { number: outcomeNumber } },
    select: { id: true, submissionId: true, outcomeId: true, _count: { select: { requiredActions: true } } },
  })
  const action = await prisma.requiredAction.create({
    data: {
      agreedResultId: agreed.id,
      position: agreed._count.requiredActions + 1,
      text: `Reach level 2 for outcome ${outcomeNumber}.`,
    },
    select: { id: true },
  })
  for (const status of planItems)
    await addPlanItem(reference, status, { requiredActionId: action.id, outcomeId: agreed.outcomeId })
}

async function addPlanItem(
  reference: string,
  status: PlanStatus,
  link: { requiredActionId?: string; outcomeId?: string } = {},
) {
  const submission = await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })
  await prisma.developmentPlanItem.create({
    data: {
      submissionId: submission.id,
      ...link,
      action: 'Agree a plan with the sponsor',
      owner: 'Service lead',
      dueDate: new Date('2042-06-30'),
      status,
    },
    select: { id: true },
  })
}

/** Counts in workflow order from the statuses named (every other status 0). */
const statusCounts = (counts: Partial<Record<SubmissionStatus, number>>) =>
  SUBMISSION_STATUSES.map((status) => counts[status] ?? 0)
const zeros = (): LevelCounts => [0, 0, 0, 0, 0]
const ALL_OUTCOMES = [1, 2, 3, 4, 5, 6]

/** Heat map rows as [region, [median, graded] per outcome]. */
const heatRows = (dashboard: Dashboard) =>
  dashboard.heatMap.map((r) => [r.regionName, r.cells.map((c) => [c.medianLevel, c.graded])])
const changeRows = (dashboard: Dashboard) => dashboard.change.map((c) => [c.compared, c.improved, c.same, c.declined])

beforeAll(async () => {
  await useDemoData()
  for (const r of await prisma.region.findMany({ select: { id: true, name: true } })) regionIds.set(r.name, r.id)
  viewer = await actorFor('viewer@demo.nhs.uk')
  admin = await actorFor('admin@demo.nhs.uk')
  regionalLead = await actorFor('regional.lead@demo.nhs.uk')
  serviceLead = await actorFor('lead@demo.nhs.uk')
  for (const [key, code] of [
    ['e2019', '2019'],
    ['e2022', '2022'],
  ] as const) {
    editions[key] = (await prisma.frameworkEdition.findUniqueOrThrow({ where: { code }, select: { id: true } })).id
  }
  cycles.baseline = (
    await prisma.cycle.findUniqueOrThrow({ where: { name: '2021/22 baseline' }, select: { id: true } })
  ).id
  cycles.open = (await prisma.cycle.findUniqueOrThrow({ where: { name: '2026/27' }, select: { id: true } })).id

  // By opening date: empty (2000, before every seeded cycle), baseline (2022), 2026/27, previous
  // (2040), a draft (2041-04), current (2041-10), single (2045). The draft must never be the
  // cycle the current one is compared with.
  const empty = await createCycle('2000/01 empty', '2022', '2000-10-01')
  const previous = await createCycle('2040/41 dashboard', '2019', '2040-10-01')
  const draft = await createCycle('2041 draft', '2019', '2041-04-01', 'DRAFT')
  const current = await createCycle('2041/42 dashboard', '2022', '2041-10-01')
  const single = await createCycle('2045/46 single', '2019', '2045-10-01')
  Object.assign(cycles, {
    empty: empty.id,
    previous: previous.id,
    draft: draft.id,
    current: current.id,
    single: single.id,
  })
  await createSubmissions(previous, PREVIOUS, '4041')
  await createSubmissions(current, CURRENT, '4142')
  // levels 2 3 0 4 0 1; against the current cycle's RXV [4, 7, 1, 10, 0, 6]: up same down up same down
  await createSubmissions(
    single,
    [{ odsCode: 'RXV', status: 'PUBLISHED', agreed: [5, 7, 0, 12, 0, 3], self: [5, 8, 0, 12, null, 1] }],
    '4546',
  )

  // Required actions (RA) and development plan items (PI) of the current cycle.
  await addRequiredAction('LKS-4142-RXV', 3, ['COMPLETE']) // answered
  await addRequiredAction('LKS-4142-RXV', 5, ['IN_PROGRESS']) // open: its item is not complete
  await addRequiredAction('LKS-4142-RXV', 5) // open: no item
  await addRequiredAction('LKS-4142-RTH', 1, ['COMPLETE', 'NOT_STARTED']) // answered: one complete item is enough
  await addRequiredAction('LKS-4142-RTH', 5, ['NOT_STARTED', 'IN_PROGRESS']) // open
  await addRequiredAction('LKS-4142-RKQ', 5) // open
  await addRequiredAction('LKS-4142-RWV', 5) // open: validated counts as well as published
  await addRequiredAction('LKS-4142-RSV', 2) // open
  await addRequiredAction('LKS-4142-RYV', 1) // in moderation: not counted
  await addPlanItem('LKS-4142-RKQ', 'COMPLETE') // complete, but answers no required action
  // Required actions: outcome 1: 1 (0 open), 2: 1 (1), 3: 1 (0), 5: 5 (5); 8 in all, 6 open.
  // Plan items: RXV 2 (1 complete), RTH 4 (1), RKQ 1 (1): 7 in all, 3 complete.

  // The previous cycle's actions and plans belong to that cycle only.
  await addRequiredAction('LKS-4041-RXV', 1, ['COMPLETE', 'IN_PROGRESS'])
  // The single organisation's: one required action, answered.
  await addRequiredAction('LKS-4546-RXV', 3, ['COMPLETE'])
}, 60_000)

describe('the national dashboard of a cycle', () => {
  it('names the cycle, its edition, its outcomes, and the previous cycle that is not a draft', async () => {
    const dashboard = await getDashboard(viewer, 'national', { cycleId: cycles.current })
    expect(dashboard.scope).toEqual({ kind: 'national' })
    expect(dashboard.cycle).toEqual({
      id: cycles.current,
      name: '2041/42 dashboard',
      editionName: 'Second edition (2022)',
    })
    // The draft opened between the two: skipped.
    expect(dashboard.previousCycle).toEqual({ id: cycles.previous, name: '2040/41 dashboard' })
    expect(dashboard.appliedFilters).toEqual([])
    const titles = await prisma.outcome.findMany({
      where: { editionId: editions.e2022 },
      orderBy: { number: 'asc' },
      select: { number: true, shortTitle: true },
    })
    expect(titles.map((t) => t.number)).toEqual(ALL_OUTCOMES)
    expect(dashboard.outcomes).toEqual(titles)
    expect(dashboard.organisations).toBeNull()
  })

  it('counts submissions by region and status, every status in workflow order with zeros, and the totals', async () => {
    const { progress } = await getDashboard(viewer, 'national', { cycleId: cycles.current })
    expect(progress.statuses).toEqual([...SUBMISSION_STATUSES])
    // Regions with a submission, by name; the other four regions have none in this cycle.
    expect(progress.regions).toEqual([
      { regionId: region('London'), regionName: 'London', counts: statusCounts({ PUBLISHED: 2 }), total: 2 }, // RTH, RKQ
      {
        regionId: region('Midlands'),
        regionName: 'Midlands',
        counts: statusCounts({ SUBMITTED: 1, VALIDATED: 1 }),
        total: 2,
      }, // QAF, RSV
      {
        regionId: region('North West'),
        regionName: 'North West',
        counts: statusCounts({ IN_MODERATION: 1, VALIDATED: 1, PUBLISHED: 1 }),
        total: 3,
      },
    ])
    expect(progress.totals).toEqual(statusCounts({ SUBMITTED: 1, IN_MODERATION: 1, VALIDATED: 2, PUBLISHED: 3 }))
    expect(progress.total).toBe(7)
  })

  it('counts agreed levels per outcome of validated and published submissions, with the median', async () => {
    // RXV, RWV, RTH, RKQ, RSV (RYV is in moderation; QAF has no agreed grade).
    const { attainment } = await getDashboard(viewer, 'national', { cycleId: cycles.current })
    expect(attainment).toEqual([
      { outcomeNumber: 1, levelCounts: [0, 2, 2, 0, 1], graded: 5, medianLevel: 2 }, // steps 4 6 3 2 10: levels 1 1 2 2 4
      { outcomeNumber: 2, levelCounts: [0, 1, 1, 3, 0], graded: 5, medianLevel: 3 }, // 7 8 9 5 1: 1 2 3 3 3
      { outcomeNumber: 3, levelCounts: [0, 1, 2, 1, 1], graded: 5, medianLevel: 2 }, // 1 4 4 7 12: 1 2 2 3 4
      { outcomeNumber: 4, levelCounts: [0, 1, 1, 0, 3], graded: 5, medianLevel: 4 }, // 10 12 1 11 6: 1 2 4 4 4
      { outcomeNumber: 5, levelCounts: [2, 2, 1, 0, 0], graded: 5, medianLevel: 1 }, // 0 2 0 3 4: 0 0 1 1 2
      // RSV has no grade for outcome 6: an even count, 6 5 7 9: levels 2 2 3 3, median (2 + 3) / 2.
      { outcomeNumber: 6, levelCounts: [0, 0, 2, 2, 0], graded: 4, medianLevel: 2.5 },
    ])
  })

  it('gives each region with submissions a heat map row of median agreed levels and how many each is of', async () => {
    const dashboard = await getDashboard(viewer, 'national', { cycleId: cycles.current })
    expect(dashboard.heatMap.map((r) => r.regionId)).toEqual([
      region('London'),
      region('Midlands'),
      region('North West'),
    ])
    expect(dashboard.heatMap.every((r) => r.cells.map((c) => c.outcomeNumber).join() === ALL_OUTCOMES.join())).toBe(
      true,
    )
    expect(heatRows(dashboard)).toEqual([
      // RTH 3 9 4 1 0 7 and RKQ 2 5 7 11 3 9: levels 1|1 3|2 2|3 1|4 0|1 3|3, two each.
      [
        'London',
        [
          [1, 2],
          [2.5, 2],
          [2.5, 2],
          [2.5, 2],
          [0.5, 2],
          [3, 2],
        ],
      ],
      // RSV alone, with no grade for outcome 6: no median there, not zero.
      [
        'Midlands',
        [
          [4, 1],
          [1, 1],
          [4, 1],
          [2, 1],
          [2, 1],
          [null, 0],
        ],
      ],
      // RXV 4 7 1 10 0 6 and RWV 6 8 4 12 2 5: levels 2|2 3|3 1|2 4|4 0|1 2|2. RYV would make three.
      [
        'North West',
        [
          [2, 2],
          [3, 2],
          [1.5, 2],
          [4, 2],
          [0.5, 2],
          [2, 2],
        ],
      ],
    ])
  })

  it('compares self-assessed with agreed grades only where both exist, in validated and published submissions', async () => {
    // RXV +1 0 +2 - 0 -2, RWV 0 +1 0 -1 0 +3, RTH 0 +1 +3 0 +1 -, RKQ -1 0 0 +1 0 0. RSV has no
    // self grades; QAF no agreed ones; RYV (-11 on four outcomes) is in moderation.
    const { calibration } = await getDashboard(viewer, 'national', { cycleId: cycles.current })
    expect(calibration).toEqual([
      {
        outcomeNumber: 1,
        compared: 4,
        above: 1,
        equal: 2,
        below: 1,
        differences: [
          { steps: -1, count: 1 },
          { steps: 1, count: 1 },
        ],
      },
      { outcomeNumber: 2, compared: 4, above: 2, equal: 2, below: 0, differences: [{ steps: 1, count: 2 }] },
      {
        outcomeNumber: 3,
        compared: 4,
        above: 2,
        equal: 2,
        below: 0,
        differences: [
          { steps: 2, count: 1 },
          { steps: 3, count: 1 },
        ],
      },
      {
        outcomeNumber: 4,
        compared: 3,
        above: 1,
        equal: 1,
        below: 1,
        differences: [
          { steps: -1, count: 1 },
          { steps: 1, count: 1 },
        ],
      },
      { outcomeNumber: 5, compared: 4, above: 1, equal: 3, below: 0, differences: [{ steps: 1, count: 1 }] },
      {
        outcomeNumber: 6,
        compared: 3,
        above: 1,
        equal: 1,
        below: 1,
        differences: [
          { steps: -2, count: 1 },
          { steps: 3, count: 1 },
        ],
      },
    ])
  })

  it('counts change since the previous cycle in sub-level steps, for organisations graded in both only', async () => {
    // RXV up same down same down same; RWV same up same same up down; RTH up same same down same -.
    const dashboard = await getDashboard(viewer, 'national', { cycleId: cycles.current })
    expect(dashboard.change.map((c) => c.outcomeNumber)).toEqual(ALL_OUTCOMES)
    // [compared, improved, same, declined]
    expect(changeRows(dashboard)).toEqual([
      [3, 2, 1, 0],
      [3, 1, 2, 0],
      [3, 0, 2, 1],
      [3, 0, 2, 1],
      [3, 1, 1, 1],
      [2, 0, 1, 1], // RTH had no grade for outcome 6 before
    ])
  })

  it('counts required actions, those not answered by a completed plan item, and plan completion', async () => {
    const { actions } = await getDashboard(viewer, 'national', { cycleId: cycles.current })
    expect(actions).toEqual({
      requiredActions: 8,
      openRequiredActions: 6,
      planItems: 7,
      planItemsComplete: 3,
      byOutcome: [
        { outcomeNumber: 1, requiredActions: 1, openRequiredActions: 0 }, // RTH answered; RYV's in moderation
        { outcomeNumber: 2, requiredActions: 1, openRequiredActions: 1 }, // RSV
        { outcomeNumber: 3, requiredActions: 1, openRequiredActions: 0 }, // RXV answered
        { outcomeNumber: 4, requiredActions: 0, openRequiredActions: 0 },
        { outcomeNumber: 5, requiredActions: 5, openRequiredActions: 5 }, // RXV 2, RTH, RKQ, RWV
        { outcomeNumber: 6, requiredActions: 0, openRequiredActions: 0 },
      ],
    })
  })
})

describe('filters', () => {
  it('narrows every part to one organisation type: mental health trusts give even counts', async () => {
    // RWV (North West, validated) and RKQ (London, published).
    const dashboard = await getDashboard(viewer, 'national', {
      cycleId: cycles.current,
      organisationType: 'MENTAL_HEALTH_TRUST',
    })
    expect(dashboard.appliedFilters).toEqual([{ label: 'Organisation type', value: 'Mental health trust' }])
    expect(dashboard.progress.regions.map((r) => [r.regionName, r.counts, r.total])).toEqual([
      ['London', statusCounts({ PUBLISHED: 1 }), 1],
      ['North West', statusCounts({ VALIDATED: 1 }), 1],
    ])
    expect(dashboard.progress.total).toBe(2)
    // RWV 6 8 4 12 2 5 and RKQ 2 5 7 11 3 9: levels 2|1 3|2 2|3 4|4 1|1 2|3.
    expect(dashboard.attainment).toEqual([
      { outcomeNumber: 1, levelCounts: [0, 1, 1, 0, 0], graded: 2, medianLevel: 1.5 },
      { outcomeNumber: 2, levelCounts: [0, 0, 1, 1, 0], graded: 2, medianLevel: 2.5 },
      { outcomeNumber: 3, levelCounts: [0, 0, 1, 1, 0], graded: 2, medianLevel: 2.5 },
      { outcomeNumber: 4, levelCounts: [0, 0, 0, 0, 2], graded: 2, medianLevel: 4 },
      { outcomeNumber: 5, levelCounts: [0, 2, 0, 0, 0], graded: 2, medianLevel: 1 },
      { outcomeNumber: 6, levelCounts: [0, 0, 1, 1, 0], graded: 2, medianLevel: 2.5 },
    ])
    expect(heatRows(dashboard)).toEqual([
      [
        'London',
        [
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 1],
          [1, 1],
          [3, 1],
        ],
      ],
      [
        'North West',
        [
          [2, 1],
          [3, 1],
          [2, 1],
          [4, 1],
          [1, 1],
          [2, 1],
        ],
      ],
    ])
    // RWV 0 +1 0 -1 0 +3 and RKQ -1 0 0 +1 0 0.
    expect(dashboard.calibration.map((c) => [c.compared, c.above, c.equal, c.below])).toEqual([
      [2, 0, 1, 1],
      [2, 1, 1, 0],
      [2, 0, 2, 0],
      [2, 1, 0, 1],
      [2, 0, 2, 0],
      [2, 1, 1, 0],
    ])
    expect(dashboard.calibration[5]!.differences).toEqual([{ steps: 3, count: 1 }])
    // Only RWV was final in both cycles: same up same same up down.
    expect(changeRows(dashboard)).toEqual([
      [1, 0, 1, 0],
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [1, 0, 1, 0],
      [1, 1, 0, 0],
      [1, 0, 0, 1],
    ])
    // RKQ's and RWV's outcome 5 actions, both open; RKQ's one complete item.
    expect(dashboard.actions).toMatchObject({
      requiredActions: 2,
      openRequiredActions: 2,
      planItems: 1,
      planItemsComplete: 1,
    })
    expect(dashboard.actions.byOutcome.map((o) => o.requiredActions)).toEqual([0, 0, 0, 0, 2, 0])
  })

  it('narrows every part to acute trusts, one in each region', async () => {
    // RXV (North West), RTH (London), RSV (Midlands).
    const dashboard = await getDashboard(admin, 'national', {
      cycleId: cycles.current,
      organisationType: 'ACUTE_TRUST',
    })
    expect(dashboard.progress.regions.map((r) => [r.regionName, r.counts, r.total])).toEqual([
      ['London', statusCounts({ PUBLISHED: 1 }), 1],
      ['Midlands', statusCounts({ VALIDATED: 1 }), 1],
      ['North West', statusCounts({ PUBLISHED: 1 }), 1],
    ])
    // RXV 4 7 1 10 0 6, RTH 3 9 4 1 0 7, RSV 10 1 12 6 4 -.
    expect(dashboard.attainment.map((a) => [a.levelCounts, a.graded, a.medianLevel])).toEqual([
      [[0, 1, 1, 0, 1], 3, 2], // levels 2 1 4
      [[0, 1, 0, 2, 0], 3, 3], // 3 3 1
      [[0, 1, 1, 0, 1], 3, 2], // 1 2 4
      [[0, 1, 1, 0, 1], 3, 2], // 4 1 2
      [[2, 0, 1, 0, 0], 3, 0], // 0 0 2
      [[0, 0, 1, 1, 0], 2, 2.5], // 2 3
    ])
    // RXV +1 0 +2 - 0 -2 and RTH 0 +1 +3 0 +1 -.
    expect(dashboard.calibration.map((c) => [c.compared, c.above, c.equal, c.below])).toEqual([
      [2, 1, 1, 0],
      [2, 1, 1, 0],
      [2, 2, 0, 0],
      [1, 0, 1, 0],
      [2, 1, 1, 0],
      [1, 0, 0, 1],
    ])
    // RXV up same down same down same; RTH up same same down same -.
    expect(changeRows(dashboard)).toEqual([
      [2, 2, 0, 0],
      [2, 0, 2, 0],
      [2, 0, 1, 1],
      [2, 0, 1, 1],
      [2, 0, 1, 1],
      [1, 0, 1, 0],
    ])
    // RXV's three (one answered), RTH's two (one answered), RSV's one; RXV's and RTH's six items, two complete.
    expect(dashboard.actions).toMatchObject({
      requiredActions: 6,
      openRequiredActions: 4,
      planItems: 6,
      planItemsComplete: 2,
    })
    expect(dashboard.actions.byOutcome.map((o) => [o.requiredActions, o.openRequiredActions])).toEqual([
      [1, 0],
      [1, 1],
      [1, 0],
      [0, 0],
      [3, 3],
      [0, 0],
    ])
  })

  it('narrows every part to one region, the same figures the regional dashboard shows', async () => {
    // RXV (published), RWV (validated), RYV (in moderation: progress only).
    const filter = { cycleId: cycles.current, regionId: region('North West') }
    const dashboard = await getDashboard(viewer, 'national', filter)
    expect(dashboard.scope).toEqual({ kind: 'national' })
    expect(dashboard.appliedFilters).toEqual([{ label: 'Region', value: 'North West' }])
    expect(dashboard.progress).toEqual({
      statuses: [...SUBMISSION_STATUSES],
      regions: [
        {
          regionId: region('North West'),
          regionName: 'North West',
          counts: statusCounts({ IN_MODERATION: 1, VALIDATED: 1, PUBLISHED: 1 }),
          total: 3,
        },
      ],
      totals: statusCounts({ IN_MODERATION: 1, VALIDATED: 1, PUBLISHED: 1 }),
      total: 3,
    })
    // RXV 4 7 1 10 0 6 and RWV 6 8 4 12 2 5: levels 2|2 3|3 1|2 4|4 0|1 2|2.
    expect(dashboard.attainment).toEqual([
      { outcomeNumber: 1, levelCounts: [0, 0, 2, 0, 0], graded: 2, medianLevel: 2 },
      { outcomeNumber: 2, levelCounts: [0, 0, 0, 2, 0], graded: 2, medianLevel: 3 },
      { outcomeNumber: 3, levelCounts: [0, 1, 1, 0, 0], graded: 2, medianLevel: 1.5 },
      { outcomeNumber: 4, levelCounts: [0, 0, 0, 0, 2], graded: 2, medianLevel: 4 },
      { outcomeNumber: 5, levelCounts: [1, 1, 0, 0, 0], graded: 2, medianLevel: 0.5 },
      { outcomeNumber: 6, levelCounts: [0, 0, 2, 0, 0], graded: 2, medianLevel: 2 },
    ])
    expect(heatRows(dashboard)).toEqual([
      [
        'North West',
        [
          [2, 2],
          [3, 2],
          [1.5, 2],
          [4, 2],
          [0.5, 2],
          [2, 2],
        ],
      ],
    ])
    // RXV +1 0 +2 - 0 -2 and RWV 0 +1 0 -1 0 +3.
    expect(dashboard.calibration).toEqual([
      { outcomeNumber: 1, compared: 2, above: 1, equal: 1, below: 0, differences: [{ steps: 1, count: 1 }] },
      { outcomeNumber: 2, compared: 2, above: 1, equal: 1, below: 0, differences: [{ steps: 1, count: 1 }] },
      { outcomeNumber: 3, compared: 2, above: 1, equal: 1, below: 0, differences: [{ steps: 2, count: 1 }] },
      { outcomeNumber: 4, compared: 1, above: 0, equal: 0, below: 1, differences: [{ steps: -1, count: 1 }] },
      { outcomeNumber: 5, compared: 2, above: 0, equal: 2, below: 0, differences: [] },
      {
        outcomeNumber: 6,
        compared: 2,
        above: 1,
        equal: 0,
        below: 1,
        differences: [
          { steps: -2, count: 1 },
          { steps: 3, count: 1 },
        ],
      },
    ])
    // RXV up same down same down same; RWV same up same same up down.
    expect(changeRows(dashboard)).toEqual([
      [2, 1, 1, 0],
      [2, 1, 1, 0],
      [2, 0, 1, 1],
      [2, 0, 2, 0],
      [2, 1, 0, 1],
      [2, 0, 1, 1],
    ])
    // RXV's outcome 3 (answered) and two outcome 5, RWV's outcome 5; RYV's is not final. RXV's two items.
    expect(dashboard.actions).toMatchObject({
      requiredActions: 4,
      openRequiredActions: 3,
      planItems: 2,
      planItemsComplete: 1,
    })
    expect(dashboard.actions.byOutcome.map((o) => [o.requiredActions, o.openRequiredActions])).toEqual([
      [0, 0],
      [0, 0],
      [1, 0],
      [0, 0],
      [3, 3],
      [0, 0],
    ])

    const regional = await getDashboard(regionalLead, 'regional', filter)
    expect(regional.scope).toEqual({ kind: 'region', regionId: region('North West'), regionName: 'North West' })
    expect(regional.appliedFilters).toEqual([])
    const { scope: _a, appliedFilters: _b, organisations: _c, ...figures } = dashboard
    const { scope: _d, appliedFilters: _e, organisations: _f, ...regionalFigures } = regional
    expect(regionalFigures).toEqual(figures)
  })

  it('combines a region and a type: one acute trust in the North West', async () => {
    const dashboard = await getDashboard(viewer, 'national', {
      cycleId: cycles.current,
      regionId: region('North West'),
      organisationType: 'ACUTE_TRUST',
    })
    expect(dashboard.appliedFilters).toEqual([
      { label: 'Region', value: 'North West' },
      { label: 'Organisation type', value: 'Acute trust' },
    ])
    expect(dashboard.progress.total).toBe(1)
    // RXV alone: levels 2 3 1 4 0 2, each its own median.
    expect(dashboard.attainment.map((a) => [a.graded, a.medianLevel])).toEqual([
      [1, 2],
      [1, 3],
      [1, 1],
      [1, 4],
      [1, 0],
      [1, 2],
    ])
    expect(dashboard.calibration.map((c) => c.compared)).toEqual([1, 1, 1, 0, 1, 1])
    expect(dashboard.actions).toMatchObject({
      requiredActions: 3,
      openRequiredActions: 2,
      planItems: 2,
      planItemsComplete: 1,
    })
  })

  it('shows nothing, not an error, for a region or type with no submissions in the cycle', async () => {
    for (const filter of [{ regionId: region('South West') }, { organisationType: 'HIGHER_EDUCATION' }]) {
      const dashboard = await getDashboard(viewer, 'national', { cycleId: cycles.current, ...filter })
      expect(dashboard.progress.regions).toEqual([])
      expect(dashboard.progress.total).toBe(0)
      expect(dashboard.heatMap).toEqual([])
      expect(dashboard.attainment.every((a) => a.graded === 0 && a.medianLevel === null)).toBe(true)
      expect(dashboard.calibration.every((c) => c.compared === 0)).toBe(true)
      expect(dashboard.change.every((c) => c.compared === 0)).toBe(true)
      expect(dashboard.actions).toMatchObject({
        requiredActions: 0,
        openRequiredActions: 0,
        planItems: 0,
        planItemsComplete: 0,
      })
    }
  })
})

describe('the regional organisation table', () => {
  it('lists every submission of the region by organisation name, with agreed grades only once final', async () => {
    const dashboard = await getDashboard(regionalLead, 'regional', {
      cycleId: cycles.current,
      regionId: region('North West'),
    })
    const ids = await prisma.submission.findMany({
      where: { cycleId: cycles.current },
      select: { id: true, reference: true },
    })
    const submissionId = (reference: string) => ids.find((s) => s.reference === reference)!.id
    // 'Ribble and Fylde' before 'Ribble Valley' in English, though 'V' comes before 'a' by code point.
    expect(dashboard.organisations).toEqual([
      {
        submissionId: submissionId('LKS-4142-RYV'),
        reference: 'LKS-4142-RYV',
        name: 'Ribble and Fylde Community Health NHS Trust',
        odsCode: 'RYV',
        organisationType: 'COMMUNITY_TRUST',
        status: 'IN_MODERATION',
        agreedSteps: [null, null, null, null, null, null], // agreed rows exist, but it is in moderation
      },
      {
        submissionId: submissionId('LKS-4142-RWV'),
        reference: 'LKS-4142-RWV',
        name: 'Ribble Valley Mental Health NHS Foundation Trust',
        odsCode: 'RWV',
        organisationType: 'MENTAL_HEALTH_TRUST',
        status: 'VALIDATED',
        agreedSteps: [6, 8, 4, 12, 2, 5],
      },
      {
        submissionId: submissionId('LKS-4142-RXV'),
        reference: 'LKS-4142-RXV',
        name: 'Ribble Valley Teaching Hospitals NHS Foundation Trust',
        odsCode: 'RXV',
        organisationType: 'ACUTE_TRUST',
        status: 'PUBLISHED',
        agreedSteps: [4, 7, 1, 10, 0, 6],
      },
    ])
  })

  it('gives null for an outcome not agreed, and narrows by type', async () => {
    const midlands = await getDashboard(viewer, 'regional', { cycleId: cycles.current, regionId: region('Midlands') })
    expect(midlands.organisations?.map((o) => [o.odsCode, o.status, o.agreedSteps])).toEqual([
      ['QAF', 'SUBMITTED', [null, null, null, null, null, null]], // 'NHS Arden Forest' before 'Severn Vale'
      ['RSV', 'VALIDATED', [10, 1, 12, 6, 4, null]],
    ])
    const acute = await getDashboard(viewer, 'regional', {
      cycleId: cycles.current,
      regionId: region('Midlands'),
      organisationType: 'ACUTE_TRUST',
    })
    expect(acute.organisations?.map((o) => o.odsCode)).toEqual(['RSV'])
    expect(acute.appliedFilters).toEqual([{ label: 'Organisation type', value: 'Acute trust' }])
  })
})

describe('small cycles', () => {
  it('shows an empty cycle as zeros with no medians, and the first cycle has nothing to compare with', async () => {
    const dashboard = await getDashboard(admin, 'national', { cycleId: cycles.empty })
    const titles = await prisma.outcome.findMany({
      where: { editionId: editions.e2022 },
      orderBy: { number: 'asc' },
      select: { number: true, shortTitle: true },
    })
    expect(dashboard).toEqual({
      scope: { kind: 'national' },
      cycle: { id: cycles.empty, name: '2000/01 empty', editionName: 'Second edition (2022)' },
      previousCycle: null,
      appliedFilters: [],
      outcomes: titles,
      progress: { statuses: [...SUBMISSION_STATUSES], regions: [], totals: statusCounts({}), total: 0 },
      attainment: ALL_OUTCOMES.map((n) => ({ outcomeNumber: n, levelCounts: zeros(), graded: 0, medianLevel: null })),
      heatMap: [],
      calibration: ALL_OUTCOMES.map((n) => ({
        outcomeNumber: n,
        compared: 0,
        above: 0,
        equal: 0,
        below: 0,
        differences: [],
      })),
      change: ALL_OUTCOMES.map((n) => ({ outcomeNumber: n, compared: 0, improved: 0, same: 0, declined: 0 })),
      actions: {
        requiredActions: 0,
        openRequiredActions: 0,
        planItems: 0,
        planItemsComplete: 0,
        byOutcome: ALL_OUTCOMES.map((n) => ({ outcomeNumber: n, requiredActions: 0, openRequiredActions: 0 })),
      },
      organisations: null,
    })
    const regional = await getDashboard(regionalLead, 'regional', {
      cycleId: cycles.empty,
      regionId: region('North West'),
    })
    expect(regional.organisations).toEqual([])
    expect(regional.progress.regions).toEqual([])
  })

  it('shows a single organisation: its own grades are the medians, compared with the cycle before', async () => {
    // RXV: agreed 5 7 0 12 0 3 (levels 2 3 0 4 0 1), self 5 8 0 12 - 1, the current cycle's 4 7 1 10 0 6 before.
    const dashboard = await getDashboard(viewer, 'national', { cycleId: cycles.single })
    expect(dashboard.previousCycle).toEqual({ id: cycles.current, name: '2041/42 dashboard' })
    expect(dashboard.progress.regions).toEqual([
      { regionId: region('North West'), regionName: 'North West', counts: statusCounts({ PUBLISHED: 1 }), total: 1 },
    ])
    expect(dashboard.progress.total).toBe(1)
    expect(dashboard.attainment.map((a) => [a.levelCounts, a.graded, a.medianLevel])).toEqual([
      [[0, 0, 1, 0, 0], 1, 2],
      [[0, 0, 0, 1, 0], 1, 3],
      [[1, 0, 0, 0, 0], 1, 0],
      [[0, 0, 0, 0, 1], 1, 4],
      [[1, 0, 0, 0, 0], 1, 0],
      [[0, 1, 0, 0, 0], 1, 1],
    ])
    expect(heatRows(dashboard)).toEqual([
      [
        'North West',
        [
          [2, 1],
          [3, 1],
          [0, 1],
          [4, 1],
          [0, 1],
          [1, 1],
        ],
      ],
    ])
    // self minus agreed: 0 +1 0 0 - -2
    expect(dashboard.calibration.map((c) => [c.compared, c.above, c.equal, c.below, c.differences])).toEqual([
      [1, 0, 1, 0, []],
      [1, 1, 0, 0, [{ steps: 1, count: 1 }]],
      [1, 0, 1, 0, []],
      [1, 0, 1, 0, []],
      [0, 0, 0, 0, []],
      [1, 0, 0, 1, [{ steps: -2, count: 1 }]],
    ])
    // 4 to 5 up, 7 same, 1 to 0 down, 10 to 12 up, 0 same, 6 to 3 down.
    expect(changeRows(dashboard)).toEqual([
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [1, 0, 0, 1],
      [1, 1, 0, 0],
      [1, 0, 1, 0],
      [1, 0, 0, 1],
    ])
    expect(dashboard.actions).toMatchObject({
      requiredActions: 1,
      openRequiredActions: 0,
      planItems: 1,
      planItemsComplete: 1,
    })
  })

  it("compares the previous cycle's figures with the one before it, and keeps each cycle's actions apart", async () => {
    // 2040/41: RXV, RWV, RYV, QAF published, RTH validated (no outcome 6); RKQ in moderation. Compared
    // with 2026/27, which has no agreed grades.
    const dashboard = await getDashboard(viewer, 'national', { cycleId: cycles.previous })
    expect(dashboard.previousCycle).toEqual({ id: cycles.open, name: '2026/27' })
    expect(dashboard.change.every((c) => c.compared === 0)).toBe(true)
    expect(dashboard.attainment.map((a) => a.graded)).toEqual([5, 5, 5, 5, 5, 4])
    expect(dashboard.actions).toMatchObject({
      requiredActions: 1,
      openRequiredActions: 0,
      planItems: 2,
      planItemsComplete: 1,
    })
  })
})

describe('who may see a dashboard', () => {
  it('refuses a regional lead the national dashboard and other regions, before looking anything up', async () => {
    await expect(getDashboard(regionalLead, 'national', { cycleId: cycles.current })).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      getDashboard(regionalLead, 'national', { cycleId: cycles.current, regionId: region('North West') }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      getDashboard(regionalLead, 'regional', { cycleId: cycles.current, regionId: region('London') }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      getDashboard(regionalLead, 'regional', { cycleId: cycles.current, regionId: 'no-such-region' }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(getDashboard(serviceLead, 'national', { cycleId: 'no-such-cycle' })).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      getDashboard(serviceLead, 'regional', { cycleId: cycles.current, regionId: region('North West') }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('answers 404 for an unknown or draft cycle, an unknown region, or a regional dashboard with no region', async () => {
    await expect(getDashboard(viewer, 'national', { cycleId: 'no-such-cycle' })).rejects.toMatchObject({ status: 404 })
    await expect(getDashboard(viewer, 'national', { cycleId: cycles.draft })).rejects.toMatchObject({ status: 404 })
    await expect(
      getDashboard(viewer, 'national', { cycleId: cycles.current, regionId: 'no-such-region' }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      getDashboard(viewer, 'regional', { cycleId: cycles.current, regionId: 'no-such-region' }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(getDashboard(viewer, 'regional', { cycleId: cycles.current })).rejects.toMatchObject({ status: 404 })
    await expect(
      getDashboard(regionalLead, 'regional', { cycleId: cycles.draft, regionId: region('North West') }),
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('the filter options', () => {
  let national: FilterOptions

  beforeAll(async () => {
    national = await getFilterOptions(viewer, 'national')
  })

  it('offers cycles that have opened, newest first, never a draft, with their editions', async () => {
    expect(national.cycles.map((c) => c.name)).toEqual([
      '2045/46 single',
      '2041/42 dashboard',
      '2040/41 dashboard',
      '2026/27',
      '2026/27 service improvement review',
      '2024/25 service improvement review',
      '2021/22 baseline',
      '2000/01 empty',
    ])
    expect(national.cycles.find((c) => c.id === cycles.current)).toEqual({
      id: cycles.current,
      name: '2041/42 dashboard',
      editionId: editions.e2022,
      editionName: 'Second edition (2022)',
    })
    expect(national.editions.map((e) => e.id)).toEqual([editions.e2019, editions.e2022])
    expect(national.regions.map((r) => r.name)).toEqual([
      'East of England',
      'London',
      'Midlands',
      'North East and Yorkshire',
      'North West',
      'South East',
      'South West',
    ])
    expect(national.organisationTypes).toContainEqual({ value: 'MENTAL_HEALTH_TRUST', label: 'Mental health trust' })
    expect(national.organisationTypes).toHaveLength(7)
  })

  it('offers each user only the regions they may see', async () => {
    expect((await getFilterOptions(admin, 'regional')).regions).toHaveLength(7)
    expect((await getFilterOptions(regionalLead, 'regional')).regions).toEqual([
      { id: region('North West'), name: 'North West' },
    ])
    expect((await getFilterOptions(regionalLead, 'national')).regions).toEqual([])
    expect((await getFilterOptions(serviceLead, 'regional')).regions).toEqual([])
    expect((await getFilterOptions(serviceLead, 'national')).regions).toEqual([])
  })

  it('resolves to the newest cycle, or the one asked for', () => {
    expect(resolveFilter({}, national)).toEqual({
      cycleId: cycles.single,
      editionId: undefined,
      regionId: undefined,
      organisationType: undefined,
    })
    expect(resolveFilter({ cycleId: cycles.previous }, national)?.cycleId).toBe(cycles.previous)
    expect(resolveFilter({ cycleId: cycles.baseline }, national)?.cycleId).toBe(cycles.baseline)
  })

  it('narrows the cycles to an edition, and falls back to its newest cycle', () => {
    expect(resolveFilter({ editionId: editions.e2022 }, national)).toMatchObject({
      cycleId: cycles.current,
      editionId: editions.e2022,
    })
    expect(resolveFilter({ editionId: editions.e2022, cycleId: cycles.empty }, national)).toMatchObject({
      cycleId: cycles.empty,
      editionId: editions.e2022,
    })
    // 2040/41 uses the 2019 edition: not one of the 2022 edition's cycles.
    expect(resolveFilter({ editionId: editions.e2022, cycleId: cycles.previous }, national)).toMatchObject({
      cycleId: cycles.current,
    })
    expect(resolveFilter({ editionId: editions.e2019, cycleId: cycles.current }, national)).toMatchObject({
      cycleId: cycles.single,
      editionId: editions.e2019,
    })
  })

  it('falls back for ids it does not know, and never to a draft', () => {
    expect(resolveFilter({ cycleId: 'no-such-cycle' }, national)?.cycleId).toBe(cycles.single)
    expect(resolveFilter({ cycleId: cycles.draft }, national)?.cycleId).toBe(cycles.single)
    expect(resolveFilter({ editionId: 'no-such-edition', cycleId: cycles.previous }, national)).toEqual({
      cycleId: cycles.previous,
      editionId: undefined,
      regionId: undefined,
      organisationType: undefined,
    })
    expect(
      resolveFilter({ cycleId: cycles.current, regionId: region('London'), organisationType: 'ACUTE_TRUST' }, national),
    ).toEqual({
      cycleId: cycles.current,
      editionId: undefined,
      regionId: region('London'),
      organisationType: 'ACUTE_TRUST',
    })
    expect(
      resolveFilter({ cycleId: cycles.current, regionId: 'no-such-region', organisationType: 'PIRATE_SHIP' }, national),
    ).toMatchObject({
      regionId: undefined,
      organisationType: undefined,
    })
  })

  it("keeps a region only if it is one of the user's, and resolves to nothing without cycles", async () => {
    const lead = await getFilterOptions(regionalLead, 'regional')
    expect(resolveFilter({ regionId: region('London') }, lead)?.regionId).toBeUndefined()
    expect(resolveFilter({ regionId: region('North West') }, lead)?.regionId).toBe(region('North West'))
    expect(resolveFilter({ cycleId: cycles.current }, { ...national, cycles: [] })).toBeNull()
  })
})
