// Benchmark data generator: builds a NEW SQLite database with the schema from prisma/migrations
// and a large, realistic, deterministic data set (the 2019 framework, the seven NHS England
// regions, N organisations grouped into library services, and C cycles of submissions with
// self grades, validations, agreed results, required actions and development plans), for
// measuring queries, dashboards and reports at national scale. It never touches prisma/dev.db.
//
// Usage:
//   npx tsx bench/generate.ts [--organisations 200] [--cycles 5] [--database FILE] [--seed 1] [--force]
//   npm run bench:generate -- --organisations 20000 --database bench/.out/bench-20000.db
//
// --organisations  organisations to create (default 200), about one library service per three
// --cycles         cycles to create (default 5), one a year ending at 2026/27: all CLOSED with
//                  published results but the last, which is OPEN with submissions at every stage
// --database       the SQLite file to create (default bench/.out/bench-<organisations>.db)
// --seed           seed of the deterministic generator: the same seed gives the same grades
// --force          replace the file if it exists (otherwise the generator refuses)
//
// Prisma (createEdition, createMany) writes the framework and reference data; the per-submission
// tables, 99% of the rows, go in as one BEGIN...COMMIT script of multi-row INSERTs per batch of
// organisations on a plain libSQL connection (see writeRows for the measurements behind that).
// Ids are made here (newId: time-ordered UUIDs) so children can name parents without reading back.
// The grade rules are those of app/modules/framework/grading.ts: self grades are the suggestion
// from the indicator statuses, and every `...Steps` column is gradeToSteps of its level and sub-level.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createClient, type Client } from '@libsql/client'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient, type Prisma } from '../app/generated/prisma/client'
import { gradeToSteps, stepsToGrade, type Grade } from '../app/modules/framework/grading'
import { EDITION_2019 } from '../prisma/seed-data/framework-content'
import {
  createEdition,
  demoNarrative,
  gradeColumns,
  gradeNear,
  randomSource,
  statusesForGrade,
  suggestedFor,
  type EditionShape,
  type Random,
} from '../prisma/seed-lib'
import { buildDatabaseFromMigrations } from '../tests/setup/migrate'

export type GenerateOptions = {
  organisations: number
  cycles: number
  databaseFile: string
  /** Replace an existing file. */
  force?: boolean
  /** Seed of the deterministic generator (statuses, dates, grades); ids differ on every run. */
  seed?: number
  /** Organisations written per transaction. */
  batchSize?: number
  /** Progress lines; silent when omitted. */
  log?: (line: string) => void
}

export type GenerateSummary = {
  databaseFile: string
  elapsedSeconds: number
  /** Rows per table, counted in the finished database. */
  counts: Record<string, number>
}

export const LIMITS = { organisations: 999_999, cycles: 30 } as const

// Same codes and names as prisma/seed.ts.
const REGIONS = [
  { code: 'Y61', name: 'East of England' },
  { code: 'Y56', name: 'London' },
  { code: 'Y60', name: 'Midlands' },
  { code: 'Y63', name: 'North East and Yorkshire' },
  { code: 'Y62', name: 'North West' },
  { code: 'Y59', name: 'South East' },
  { code: 'Y58', name: 'South West' },
] as const

const ORGANISATION_TYPES = [
  'ACUTE_TRUST',
  'MENTAL_HEALTH_TRUST',
  'COMMUNITY_TRUST',
  'AMBULANCE_TRUST',
  'INTEGRATED_CARE_BOARD',
  'HIGHER_EDUCATION',
] as const

const LAST_CYCLE_YEAR = 2026 // the open cycle is 2026/27, as in the demo seed
const MINIMUM_LEVEL = 2
const DAY = 86_400_000
const TODAY = new Date('2026-11-22T12:00:00Z') // "now" for the open cycle, as in the demo seed

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY)
const clampSteps = (steps: number) => Math.max(0, Math.min(12, Math.round(steps)))

type Place = { id: string; regionIndex: number }
type Org = { id: string; index: number; odsCode: string; name: string; regionIndex: number; serviceId: string }
type Actors = { lead: string; sponsor: string; sponsorName: string; regional: string[] }
type CycleInfo = {
  id: string
  index: number // 0 = oldest
  name: string
  open: boolean
  opensAt: Date
  deadline: Date
  validationDeadline: Date
}

/** Statuses and the suggested self grade for each outcome and target grade, computed once. */
type Answer = { indicatorStatuses: Array<{ indicatorId: string; status: string }>; self: Grade; selfSteps: number }

function answerTable(edition: EditionShape): Answer[][] {
  return edition.outcomes.map((outcome) =>
    Array.from({ length: 13 }, (_, steps) => {
      const statuses = statusesForGrade(outcome.indicators, stepsToGrade(steps))
      const self = suggestedFor(outcome.indicators, statuses)
      return {
        indicatorStatuses: outcome.indicators.map((i) => ({ indicatorId: i.id, status: statuses.get(i.id)! })),
        self,
        selfSteps: gradeToSteps(self),
      }
    }),
  )
}

/** A 32-bit seed from several integers, so each organisation and cycle has its own stream. */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193)
    h ^= h >>> 15
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
  }
  return h >>> 0
}

/** Each organisation's starting point per outcome and how fast it improves, stable across cycles. */
function profileOf(seed: number, orgIndex: number, outcomes: number) {
  const random = randomSource(mix(seed, orgIndex, 0x0f))
  const base = random.int(2, 7)
  return {
    outcomeSteps: Array.from({ length: outcomes }, () => base + random.int(-2, 2)),
    growthPerCycle: 0.15 + random.next() * 0.6,
  }
}

type Rows = {
  submissions: Prisma.SubmissionCreateManyInput[]
  signOffs: Prisma.SignOffCreateManyInput[]
  outcomeResponses: Prisma.OutcomeResponseCreateManyInput[]
  indicatorResponses: Prisma.IndicatorResponseCreateManyInput[]
  assignments: Prisma.ValidatorAssignmentCreateManyInput[]
  validations: Prisma.OutcomeValidationCreateManyInput[]
  agreedResults: Prisma.AgreedResultCreateManyInput[]
  requiredActions: Prisma.RequiredActionCreateManyInput[]
  planItems: Prisma.DevelopmentPlanItemCreateManyInput[]
}

const emptyRows = (): Rows => ({
  submissions: [],
  signOffs: [],
  outcomeResponses: [],
  indicatorResponses: [],
  assignments: [],
  validations: [],
  agreedResults: [],
  requiredActions: [],
  planItems: [],
})

const OPEN_CYCLE_MIX = [
  ['NOT_STARTED', 0.15],
  ['IN_PROGRESS', 0.35],
  ['AWAITING_SIGN_OFF', 0.1],
  ['SUBMITTED', 0.15],
  ['IN_VALIDATION', 0.15],
  ['PUBLISHED', 0.1],
] as const
type OpenStatus = (typeof OPEN_CYCLE_MIX)[number][0]

function openStatus(random: Random): OpenStatus {
  let r = random.next()
  for (const [status, share] of OPEN_CYCLE_MIX) {
    if (r < share) return status
    r -= share
  }
  return 'PUBLISHED'
}

/** Adds one organisation's submission in one cycle, and everything under it, to `rows`. */
function addSubmission(
  rows: Rows,
  ctx: {
    seed: number
    edition: EditionShape
    answers: Answer[][]
    actors: Actors
    regionIds: string[]
    cycles: number
  },
  org: Org,
  cycle: CycleInfo,
) {
  const random = randomSource(mix(ctx.seed, org.index, cycle.index, 0x5b))
  const profile = profileOf(ctx.seed, org.index, ctx.edition.outcomes.length)
  const regional = ctx.actors.regional[org.regionIndex]!
  const secondary = ctx.actors.regional[(org.regionIndex + 1 + (org.index % (REGIONS.length - 1))) % REGIONS.length]!

  // Where the submission has got to, and when.
  const status: OpenStatus = cycle.open ? openStatus(random) : 'PUBLISHED'
  const published = status === 'PUBLISHED'
  const submitted = status === 'SUBMITTED' || status === 'IN_VALIDATION' || published
  let submittedAt: Date | null = null
  if (submitted && !cycle.open) {
    // Most a few days to a month early; about one in twelve up to a fortnight late.
    // (The deadline is midnight at the start of its day, and late means after it, as in the app.)
    submittedAt =
      random.next() < 0.08 ? addDays(cycle.deadline, random.int(0, 13)) : addDays(cycle.deadline, -random.int(1, 30))
    submittedAt = new Date(submittedAt.getTime() + random.int(8, 17) * 3_600_000)
  } else if (submitted) {
    // The open cycle has not reached its deadline: results published only for the early submitters.
    const daysAfterOpening = published
      ? random.int(2, 8)
      : random.int(5, Math.floor((TODAY.getTime() - cycle.opensAt.getTime()) / DAY) - 1)
    submittedAt = new Date(addDays(cycle.opensAt, daysAfterOpening).getTime() + random.int(8, 17) * 3_600_000)
  }
  const startedAt = status === 'NOT_STARTED' ? null : addDays(submittedAt ?? TODAY, -random.int(30, 90))
  const sentForSignOffAt = submittedAt
    ? addDays(submittedAt, -random.int(2, 10))
    : status === 'AWAITING_SIGN_OFF'
      ? addDays(TODAY, -random.int(1, 20))
      : null
  const validatedAt = published ? addDays(submittedAt!, cycle.open ? 25 : random.int(30, 45)) : null
  const publishedAt = validatedAt ? addDays(validatedAt, cycle.open ? 5 : random.int(5, 20)) : null
  const createdAt = startedAt ?? addDays(cycle.opensAt, random.int(0, 10))
  const updatedAt = publishedAt ?? submittedAt ?? sentForSignOffAt ?? startedAt ?? createdAt

  const submissionId = newId()
  rows.submissions.push({
    id: submissionId,
    reference: `B-${cycle.index + 1}-${org.odsCode}`,
    cycleId: cycle.id,
    organisationId: org.id,
    libraryServiceId: org.serviceId,
    regionId: ctx.regionIds[org.regionIndex]!,
    status,
    version: { NOT_STARTED: 0, IN_PROGRESS: 1, AWAITING_SIGN_OFF: 2, SUBMITTED: 3, IN_VALIDATION: 4, PUBLISHED: 6 }[
      status
    ],
    startedAt,
    sentForSignOffAt,
    submittedAt,
    submittedById: submittedAt ? ctx.actors.lead : null,
    isLate: submittedAt ? submittedAt > cycle.deadline : null,
    validatedAt,
    publishedAt,
    publishedById: published ? regional : null,
    createdAt,
    updatedAt,
  })
  if (submittedAt) {
    rows.signOffs.push({
      id: newId(),
      submissionId,
      userId: ctx.actors.sponsor,
      decision: 'SIGNED_OFF',
      signerName: ctx.actors.sponsorName,
      signerRole: 'Director of Education',
      createdAt: addDays(submittedAt, -1),
    })
  }

  // Self-assessment: grades drift upward across cycles, with noise.
  const answered = status === 'NOT_STARTED' ? 0 : status === 'IN_PROGRESS' ? random.int(1, 6) : 6
  const selfSteps: number[] = []
  for (const [o, outcome] of ctx.edition.outcomes.entries()) {
    if (outcome.number > answered) break
    const target = clampSteps(profile.outcomeSteps[o]! + profile.growthPerCycle * cycle.index + random.int(-1, 1))
    const answer = ctx.answers[o]![target]!
    selfSteps.push(answer.selfSteps)
    const outcomeResponseId = newId()
    const complete = status !== 'IN_PROGRESS' || outcome.number < answered
    rows.outcomeResponses.push({
      id: outcomeResponseId,
      submissionId,
      outcomeId: outcome.id,
      status: complete ? 'COMPLETED' : 'IN_PROGRESS',
      narrative: demoNarrative(random, outcome.number, org.name),
      keyStrengths:
        'Evidence search service used by every directorate; strong working relationship with the executive sponsor.',
      selfLevel: answer.self.level,
      selfSubLevel: answer.self.subLevel,
      selfGradeSteps: answer.selfSteps,
      version: complete ? 3 : 1,
      updatedById: ctx.actors.lead,
      createdAt: startedAt!,
      updatedAt: submittedAt ?? sentForSignOffAt ?? addDays(startedAt!, random.int(1, 25)),
    })
    for (const indicator of answer.indicatorStatuses) {
      rows.indicatorResponses.push({
        id: newId(),
        outcomeResponseId,
        indicatorId: indicator.indicatorId,
        status: indicator.status,
      })
    }
  }

  // Validation: one validator in the region, one from another; complete once results are published.
  if (status === 'IN_VALIDATION' || published) {
    const agreedSteps = selfSteps.map((steps) => {
      const r = random.next()
      return clampSteps(steps + (r < 0.55 ? -1 : r < 0.85 ? 0 : 1)) // usually a step lower than the self grade
    })
    const validatorSteps: number[][] = []
    for (const [kind, validatorId] of [
      ['PRIMARY', regional],
      ['SECONDARY', secondary],
    ] as const) {
      const assignmentId = newId()
      rows.assignments.push({
        id: assignmentId,
        submissionId,
        validatorId,
        kind,
        dueDate: addDays(submittedAt!, 35),
        assignedById: regional,
        assignedAt: addDays(submittedAt!, random.int(1, 5)),
        completedAt: published ? addDays(submittedAt!, random.int(15, 29)) : null,
      })
      if (!published) continue
      const grades = agreedSteps.map((steps) => gradeToSteps(gradeNear(random, steps, 1)))
      validatorSteps.push(grades)
      for (const [o, outcome] of ctx.edition.outcomes.entries()) {
        rows.validations.push({
          id: newId(),
          assignmentId,
          outcomeId: outcome.id,
          ...gradeColumns(stepsToGrade(grades[o]!)),
          rationale:
            'The narrative and linked evidence support this level; the next level needs organisation-wide practice.',
          version: 2,
          updatedAt: addDays(submittedAt!, 14),
        })
      }
    }

    if (published) {
      const actions: Array<{ id: string; outcomeId: string; outcomeNumber: number }> = []
      for (const [o, outcome] of ctx.edition.outcomes.entries()) {
        const agreed = stepsToGrade(agreedSteps[o]!)
        const agreedResultId = newId()
        rows.agreedResults.push({
          id: agreedResultId,
          submissionId,
          outcomeId: outcome.id,
          ...gradeColumns(agreed),
          rationale: 'Both validators agreed within one sub-level.',
          strengths: 'Well-established evidence search service with clear links to organisational priorities.',
          areasForDevelopment: 'Extend systematic practice beyond the teams already supported.',
          recommendations: 'Share impact case studies with the Board each quarter.',
          viaModeration: Math.abs(validatorSteps[0]![o]! - validatorSteps[1]![o]!) > 1,
          agreedById: regional,
          agreedAt: validatedAt!,
        })
        if (agreed.level >= MINIMUM_LEVEL) continue
        for (let position = 1; position <= (agreed.level === 0 ? 2 : 1); position++) {
          const id = newId()
          actions.push({ id, outcomeId: outcome.id, outcomeNumber: outcome.number })
          rows.requiredActions.push({
            id,
            agreedResultId,
            position,
            text:
              position === 1
                ? `Agree a plan with the executive sponsor to reach level ${MINIMUM_LEVEL} for outcome ${outcome.number}.`
                : `Put the foundations of outcome ${outcome.number} in place and evidence them before the next cycle.`,
          })
        }
      }

      // Two development plan items where there are required actions; older cycles are further on.
      const age = ctx.cycles - 1 - cycle.index // 0 for the open cycle
      for (let k = 0; k < 2 && actions.length > 0; k++) {
        const action = actions[k % actions.length]!
        const complete = !cycle.open && random.next() < Math.min(0.9, 0.25 + 0.3 * (age - 1))
        rows.planItems.push({
          id: newId(),
          submissionId,
          requiredActionId: action.id,
          outcomeId: action.outcomeId,
          action:
            k === 0
              ? `Outcome ${action.outcomeNumber}: agree the service's priorities with the executive sponsor and report progress to the education committee.`
              : `Outcome ${action.outcomeNumber}: collect evidence of the new practice and review it with the team each quarter.`,
          owner: 'Head of Library and Knowledge Services',
          dueDate: addDays(publishedAt!, random.int(90, 270)),
          status: complete ? 'COMPLETE' : cycle.open && random.next() < 0.5 ? 'NOT_STARTED' : 'IN_PROGRESS',
          progressNotes: complete
            ? 'Completed and reported to the education committee.'
            : cycle.open
              ? ''
              : 'Work started; first update shared with the executive sponsor.',
          version: complete ? 3 : 1,
          createdAt: publishedAt!,
          updatedAt: addDays(publishedAt!, random.int(10, 120)),
        })
      }
    }
  }
}

function removeDatabase(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true })
}

function validateOptions(options: GenerateOptions) {
  for (const key of ['organisations', 'cycles'] as const) {
    const value = options[key]
    if (!Number.isInteger(value) || value < 1 || value > LIMITS[key]) {
      throw new RangeError(
        `${key} must be a whole number from 1 to ${LIMITS[key].toLocaleString('en-GB')}, got ${String(value)}`,
      )
    }
  }
  if (options.batchSize !== undefined && (!Number.isInteger(options.batchSize) || options.batchSize < 1)) {
    throw new RangeError(`batchSize must be a positive whole number, got ${String(options.batchSize)}`)
  }
}

export async function generate(options: GenerateOptions): Promise<GenerateSummary> {
  validateOptions(options)
  const started = performance.now()
  const log = options.log ?? (() => {})
  const seed = options.seed ?? 1
  const batchSize = options.batchSize ?? 250
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(1)
  const file = path.resolve(options.databaseFile)

  // 1. A new database file with the schema from the migrations.
  if (existsSync(file)) {
    if (!options.force)
      throw new Error(`${file} already exists: choose another --database or add --force to replace it`)
    removeDatabase(file)
  }
  mkdirSync(path.dirname(file), { recursive: true })
  try {
    await buildDatabaseFromMigrations(file)
  } catch (error) {
    removeDatabase(file)
    throw error
  }
  // The connection for the bulk writes (see writeRows); Prisma writes everything else.
  const bulk = createClient({ url: `file:${file}` })
  let failed = false
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${file}` }) })
  try {
    await bulk.execute('PRAGMA journal_mode = WAL')
    await bulk.execute('PRAGMA foreign_keys = ON') // every parent id is checked as rows go in
    log(`Schema built in ${file} (${elapsed()} s)\n`)

    // 2. Framework, regions, organisations, services, users, cycles.
    const edition = await prisma.$transaction((tx) => createEdition(tx, EDITION_2019, d('2019-06-01')), {
      timeout: 60_000,
    })
    const answers = answerTable(edition)

    const regionRows = REGIONS.map((region) => ({ id: newId(), ...region, validFrom: d('2022-07-01') }))
    const regionIds = regionRows.map((r) => r.id)

    const layout = randomSource(mix(seed, 0x1a))
    const width = Math.max(4, String(options.organisations).length)
    const services: Array<Place & { name: string }> = []
    const organisations: Org[] = []
    while (organisations.length < options.organisations) {
      // One service per about three organisations: some serve one, some two, most three, a few four.
      const r = layout.next()
      const size = Math.min(r < 0.1 ? 1 : r < 0.2 ? 2 : r < 0.8 ? 3 : 4, options.organisations - organisations.length)
      const service = {
        id: newId(),
        regionIndex: services.length % REGIONS.length,
        name: `Benchmark Library Service ${String(services.length + 1).padStart(width, '0')}`,
      }
      services.push(service)
      for (let k = 0; k < size; k++) {
        const index = organisations.length
        const number = String(index + 1).padStart(width, '0')
        organisations.push({
          id: newId(),
          index,
          odsCode: `B${number}`,
          name: `Benchmark Trust ${number}`,
          regionIndex: service.regionIndex,
          serviceId: service.id,
        })
      }
    }

    const regionalUsers = REGIONS.map((region) => ({
      id: newId(),
      email: `bench.${region.code.toLowerCase()}@bench.nhs.uk`,
      name: `Regional lead, ${region.name}`,
      jobTitle: 'Regional Library and Knowledge Services Lead',
    }))
    const lead = {
      id: newId(),
      email: 'bench.lead@bench.nhs.uk',
      name: 'Benchmark service lead',
      jobTitle: 'Head of Library and Knowledge Services',
    }
    const sponsor = {
      id: newId(),
      email: 'bench.sponsor@bench.nhs.uk',
      name: 'Benchmark executive sponsor',
      jobTitle: 'Director of Education',
    }
    const admin = {
      id: newId(),
      email: 'bench.admin@bench.nhs.uk',
      name: 'Benchmark national admin',
      jobTitle: 'Knowledge for Healthcare Programme Manager',
    }
    const actors: Actors = {
      lead: lead.id,
      sponsor: sponsor.id,
      sponsorName: sponsor.name,
      regional: regionalUsers.map((u) => u.id),
    }

    const cycles: CycleInfo[] = Array.from({ length: options.cycles }, (_, index) => {
      const year = LAST_CYCLE_YEAR - (options.cycles - 1 - index)
      const next = String((year + 1) % 100).padStart(2, '0')
      return {
        id: newId(),
        index,
        name: `${year}/${next}`,
        open: index === options.cycles - 1,
        opensAt: d(`${year}-10-01`),
        deadline: d(`${year + 1}-01-29`),
        validationDeadline: d(`${year + 1}-03-31`),
      }
    })

    await prisma.$transaction(
      async (tx) => {
        await tx.region.createMany({ data: regionRows })
        for (let i = 0; i < organisations.length; i += 2000) {
          await tx.organisation.createMany({
            data: organisations.slice(i, i + 2000).map((o) => ({
              id: o.id,
              odsCode: o.odsCode,
              name: o.name,
              type: ORGANISATION_TYPES[o.index % ORGANISATION_TYPES.length]!,
              regionId: regionIds[o.regionIndex]!,
              activeFrom: d('2015-04-01'),
            })),
          })
        }
        for (let i = 0; i < services.length; i += 2000) {
          await tx.libraryService.createMany({
            data: services.slice(i, i + 2000).map((s) => ({ id: s.id, name: s.name })),
          })
        }
        for (let i = 0; i < organisations.length; i += 2000) {
          await tx.serviceOrganisation.createMany({
            data: organisations
              .slice(i, i + 2000)
              .map((o) => ({ libraryServiceId: o.serviceId, organisationId: o.id, servesFrom: d('2019-04-01') })),
          })
        }
        await tx.user.createMany({
          data: [...regionalUsers, lead, sponsor, admin].map((u) => ({ ...u, passwordHash: null })),
        })
        await tx.roleAssignment.createMany({
          data: [
            ...regionalUsers.flatMap((u, r) => [
              { id: newId(), userId: u.id, role: 'VALIDATOR', regionId: regionIds[r]! },
              { id: newId(), userId: u.id, role: 'REGIONAL_LEAD', regionId: regionIds[r]! },
            ]),
            { id: newId(), userId: admin.id, role: 'NATIONAL_ADMIN' },
          ],
        })
        await tx.cycle.createMany({
          data: cycles.map((c) => ({
            id: c.id,
            name: c.name,
            type: 'FULL_VALIDATION',
            status: c.open ? 'OPEN' : 'CLOSED',
            editionId: edition.id,
            evidencePeriodStart: d(`${Number(c.name.slice(0, 4)) - 1}-04-01`),
            evidencePeriodEnd: d(`${c.name.slice(0, 4)}-03-31`),
            opensAt: c.opensAt,
            submissionDeadline: c.deadline,
            validationDeadline: c.validationDeadline,
            minimumExpectedLevel: MINIMUM_LEVEL,
            allOrganisations: true,
          })),
        })
      },
      { timeout: 120_000 },
    )
    log(
      `Framework, ${REGIONS.length} regions, ${organisations.length} organisations, ${services.length} library services, ${cycles.length} cycles (${elapsed()} s)\n`,
    )

    // 3. Submissions, cycle by cycle, one transaction per batch of organisations.
    const ctx = { seed, edition, answers, actors, regionIds, cycles: cycles.length }
    for (const cycle of cycles) {
      let nextReport = 0.1
      for (let i = 0; i < organisations.length; i += batchSize) {
        const rows = emptyRows()
        for (const org of organisations.slice(i, i + batchSize)) addSubmission(rows, ctx, org, cycle)
        await writeRows(bulk, rows)
        const done = Math.min(i + batchSize, organisations.length)
        if (done / organisations.length >= nextReport || done === organisations.length) {
          log(
            `Cycle ${cycle.name} (${cycle.open ? 'open' : 'closed'}): ${done}/${organisations.length} organisations (${elapsed()} s)\n`,
          )
          while (done / organisations.length >= nextReport) nextReport += 0.1
        }
      }
    }

    // 4. What was written.
    const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name`,
    )
    const counts: Record<string, number> = {}
    for (const { name } of tables) {
      const [row] = await prisma.$queryRawUnsafe<Array<{ n: number | bigint }>>(`SELECT COUNT(*) AS n FROM "${name}"`)
      counts[name] = Number(row?.n ?? 0)
    }
    return { databaseFile: file, elapsedSeconds: (performance.now() - started) / 1000, counts }
  } catch (error) {
    failed = true
    throw error
  } finally {
    await prisma.$disconnect()
    bulk.close()
    // A half-written database would pass for a small one: remove it.
    if (failed) removeDatabase(file)
  }
}

/**
 * Writes one batch, parents before children, as one script: BEGIN, multi-row INSERTs, COMMIT
 * (a failed statement rolls the whole batch back).
 *
 * Why not createMany through Prisma: measured on this schema with 100,000 IndicatorResponse rows
 * in one transaction, createMany took 7.0 s, $executeRawUnsafe with bound parameters 1.2 s and
 * multi-row INSERTs with literal values 0.45 s; Prisma 6's client engine spends createMany's time
 * on each row and parameter, not in SQLite. And why not through Prisma at all: with the versions
 * this project pins (@libsql/client 0.8.1 over libsql 0.3.19, which the Prisma adapter uses),
 * every statement run through `execute` keeps its native prepared-statement memory for the life
 * of the process (about 4 to 6 KB for a small query, 0.45 MB for a 1,000-row INSERT; neither a
 * forced GC nor closing the client gives it back), and every interactive transaction opens a
 * connection that is never closed. Through Prisma, 20,000 organisations reached 10 GB of RSS.
 * executeMultiple runs the script with sqlite3_exec, which finalises each statement as it goes,
 * so memory stays flat (under 1 GB at 20,000 organisations).
 */
async function writeRows(bulk: Client, rows: Rows) {
  const script = [
    'BEGIN IMMEDIATE',
    ...insertStatements('Submission', rows.submissions),
    ...insertStatements('SignOff', rows.signOffs),
    ...insertStatements('OutcomeResponse', rows.outcomeResponses),
    ...insertStatements('IndicatorResponse', rows.indicatorResponses),
    ...insertStatements('ValidatorAssignment', rows.assignments),
    ...insertStatements('OutcomeValidation', rows.validations),
    ...insertStatements('AgreedResult', rows.agreedResults),
    ...insertStatements('RequiredAction', rows.requiredActions),
    ...insertStatements('DevelopmentPlanItem', rows.planItems),
    'COMMIT',
  ]
  await bulk.executeMultiple(`${script.join(';\n')};`)
}

/**
 * Multi-row INSERTs with the values written as SQL literals. Every row of a table must have the
 * same keys, which are the column names (no model in the schema uses @map). Values are stored as
 * Prisma stores them, so the app reads and compares them as its own: DateTime as ISO text with
 * "+00:00" (as @prisma/adapter-libsql writes), Boolean as 0/1. The values are made by this
 * script, never read from input; strings are quoted all the same.
 */
function insertStatements(table: string, rows: ReadonlyArray<Record<string, unknown>>): string[] {
  if (rows.length === 0) return []
  const columns = Object.keys(rows[0]!)
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `
  const statements: string[] = []
  let values: string[] = []
  for (const row of rows) {
    if (Object.keys(row).length !== columns.length)
      throw new Error(`${table}: every row must have the columns ${columns.join(', ')}`)
    values.push(`(${columns.map((c) => sqlLiteral(table, c, row[c])).join(',')})`)
    if (values.length === 1000) {
      statements.push(head + values.join(','))
      values = []
    }
  }
  if (values.length > 0) statements.push(head + values.join(','))
  return statements
}

function sqlLiteral(table: string, column: string, value: unknown): string {
  if (value === null) return 'NULL'
  switch (typeof value) {
    case 'string':
      return `'${value.replaceAll("'", "''")}'`
    case 'number':
      if (!Number.isFinite(value)) break
      return String(value)
    case 'boolean':
      return value ? '1' : '0'
    case 'object':
      if (value instanceof Date && !Number.isNaN(value.getTime()))
        return `'${value.toISOString().replace('Z', '+00:00')}'`
      break
  }
  throw new TypeError(
    `${table}.${column}: cannot write ${String(value)} (every row must have the same columns, with no undefined values)`,
  )
}

/**
 * Time-ordered ids in the UUID version 7 layout (milliseconds, a per-millisecond counter, then
 * the random tail of crypto.randomUUID()). Ids that grow as rows are written keep each primary-key
 * and foreign-key index append-only, as cuid() ids in the app mostly are; fully random UUIDs made
 * the inserts about three times slower at 300,000 rows, and the gap grows with the index.
 */
let lastMs = 0
let sequence = 0
export function newId(): string {
  const now = Date.now()
  if (now > lastMs) {
    lastMs = now
    sequence = 0
  } else if (++sequence > 0x3ffffff) {
    lastMs++ // more than 67 million ids in one millisecond: borrow the next one
    sequence = 0
  }
  const ms = lastMs.toString(16).padStart(12, '0')
  const high = (sequence >>> 14).toString(16).padStart(3, '0')
  const low = (0x8000 | (sequence & 0x3fff)).toString(16)
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${high}-${low}-${randomUUID().slice(24)}`
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

function parseWholeNumber(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from 1 to ${max.toLocaleString('en-GB')}, got "${value}"`)
  }
  return Number(value)
}

class UsageError extends Error {}

const USAGE =
  'Usage: npx tsx bench/generate.ts [--organisations 200] [--cycles 5] [--database FILE] [--seed 1] [--force]\n'

async function main() {
  let options: GenerateOptions
  try {
    const { values } = parseArgs({
      options: {
        organisations: { type: 'string' },
        cycles: { type: 'string' },
        database: { type: 'string' },
        seed: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    })
    if (values.help) {
      process.stdout.write(USAGE)
      return
    }
    const organisations = parseWholeNumber('organisations', values.organisations, 200, LIMITS.organisations)
    const cycles = parseWholeNumber('cycles', values.cycles, 5, LIMITS.cycles)
    const seed = parseWholeNumber('seed', values.seed, 1, 2 ** 31)
    if (values.database !== undefined && values.database.trim() === '')
      throw new UsageError('--database needs a file name')
    const databaseFile = values.database ?? path.join('bench', '.out', `bench-${organisations}.db`)
    options = { organisations, cycles, seed, databaseFile, force: values.force }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    process.exitCode = 1
    return
  }

  process.stdout.write(
    `Generating ${options.organisations} organisations x ${options.cycles} cycles into ${path.resolve(options.databaseFile)}\n`,
  )
  try {
    const summary = await generate({ ...options, log: (line) => process.stdout.write(line) })
    const filled = Object.entries(summary.counts).filter(([, n]) => n > 0)
    const empty = Object.entries(summary.counts)
      .filter(([, n]) => n === 0)
      .map(([table]) => table)
    const width = Math.max(...filled.map(([table]) => table.length), 'Total'.length)
    const total = filled.reduce((sum, [, n]) => sum + n, 0)
    process.stdout.write('\nRows per table:\n')
    for (const [table, n] of filled)
      process.stdout.write(`  ${table.padEnd(width)}  ${n.toLocaleString('en-GB').padStart(12)}\n`)
    process.stdout.write(`  ${'Total'.padEnd(width)}  ${total.toLocaleString('en-GB').padStart(12)}\n`)
    if (empty.length > 0) process.stdout.write(`Empty (not generated): ${empty.join(', ')}\n`)
    process.stdout.write(`\nDone in ${summary.elapsedSeconds.toFixed(1)} s: ${summary.databaseFile}\n`)
  } catch (error) {
    process.stderr.write(`Generation failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main()
}
