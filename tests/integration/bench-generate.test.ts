// The benchmark generator (bench/generate.ts) at a small size: the database it writes is read back
// with plain SQL and checked against the rules the app relies on (domain.md §3, §5, §6).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient, type Client } from '@libsql/client'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrismaClient } from '~/generated/prisma/client'
import { gradeToSteps, isValidGrade, type Grade } from '~/modules/framework/grading'
import { generate, type GenerateSummary } from '../../bench/generate'

const ORGANISATIONS = 12
const CYCLES = 3

let dir: string
let databaseFile: string
let db: Client
let summary: GenerateSummary

const rows = async <T>(sql: string, args: Array<string | number> = []) =>
  (await db.execute({ sql, args })).rows as unknown as T[]
const one = async <T>(sql: string, args: Array<string | number> = []) => (await rows<T>(sql, args))[0]!

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lks-bench-'))
  databaseFile = path.join(dir, 'nested', 'bench.db') // the generator creates missing folders
  summary = await generate({ organisations: ORGANISATIONS, cycles: CYCLES, databaseFile })
  db = createClient({ url: `file:${databaseFile}` })
}, 60_000)

afterAll(() => {
  db?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('bench/generate.ts', () => {
  it('creates the organisations, spread over the seven regions and served by library services', async () => {
    expect(await one<{ n: number }>('SELECT COUNT(*) AS n FROM Organisation')).toEqual({ n: ORGANISATIONS })
    expect(await one<{ n: number }>('SELECT COUNT(*) AS n FROM Region')).toEqual({ n: 7 })
    // Services take the regions in turn, and each service's organisations are in its region.
    const services = (await one<{ n: number }>('SELECT COUNT(*) AS n FROM LibraryService')).n
    expect(services).toBeGreaterThanOrEqual(ORGANISATIONS / 4)
    expect(await one<{ n: number }>('SELECT COUNT(DISTINCT regionId) AS n FROM Organisation')).toEqual({
      n: Math.min(7, services),
    })
    expect(
      await rows(
        'SELECT so.libraryServiceId FROM ServiceOrganisation so JOIN Organisation o ON o.id = so.organisationId GROUP BY so.libraryServiceId HAVING COUNT(DISTINCT o.regionId) > 1',
      ),
    ).toEqual([])
    // Every organisation is served by exactly one service, and no service by more than four.
    expect(
      await rows(
        'SELECT o.odsCode FROM Organisation o LEFT JOIN ServiceOrganisation so ON so.organisationId = o.id GROUP BY o.id HAVING COUNT(so.libraryServiceId) <> 1',
      ),
    ).toEqual([])
    const perService = await rows<{ n: number }>(
      'SELECT COUNT(*) AS n FROM ServiceOrganisation GROUP BY libraryServiceId',
    )
    expect(Math.max(...perService.map((r) => r.n))).toBeLessThanOrEqual(4)
    expect(summary.counts.Organisation).toBe(ORGANISATIONS)
  })

  it('creates consecutive cycles ending at 2026/27, all closed but the last', async () => {
    const cycles = await rows<{
      name: string
      status: string
      minimumExpectedLevel: number
      allOrganisations: number
      edition: string
    }>(
      'SELECT c.name, c.status, c.minimumExpectedLevel, c.allOrganisations, e.code AS edition FROM Cycle c JOIN FrameworkEdition e ON e.id = c.editionId ORDER BY c.name',
    )
    expect(cycles.map((c) => [c.name, c.status])).toEqual([
      ['2024/25', 'CLOSED'],
      ['2025/26', 'CLOSED'],
      ['2026/27', 'OPEN'],
    ])
    for (const cycle of cycles)
      expect(cycle).toMatchObject({ minimumExpectedLevel: 2, allOrganisations: 1, edition: '2019' })
  })

  it('gives every organisation exactly one submission per cycle, in its region and through its service', async () => {
    expect(await one<{ n: number }>('SELECT COUNT(*) AS n FROM Submission')).toEqual({ n: ORGANISATIONS * CYCLES })
    const missing = await rows(
      `SELECT o.odsCode, c.name FROM Organisation o CROSS JOIN Cycle c
       LEFT JOIN Submission s ON s.organisationId = o.id AND s.cycleId = c.id GROUP BY o.id, c.id HAVING COUNT(s.id) <> 1`,
    )
    expect(missing).toEqual([])
    const mismatched = await rows(
      `SELECT s.reference FROM Submission s JOIN Organisation o ON o.id = s.organisationId
       LEFT JOIN ServiceOrganisation so ON so.organisationId = o.id AND so.libraryServiceId = s.libraryServiceId
       WHERE s.regionId <> o.regionId OR so.organisationId IS NULL`,
    )
    expect(mismatched).toEqual([])
  })

  it('publishes every closed-cycle submission with six agreed results, and respects the timeline', async () => {
    const closed = await rows<{
      reference: string
      status: string
      agreed: number
      responses: number
      submittedAt: string
      publishedAt: string | null
      isLate: number
      deadline: string
    }>(
      `SELECT s.reference, s.status, s.submittedAt, s.publishedAt, s.isLate, c.submissionDeadline AS deadline,
              (SELECT COUNT(*) FROM AgreedResult a WHERE a.submissionId = s.id) AS agreed,
              (SELECT COUNT(*) FROM OutcomeResponse r WHERE r.submissionId = s.id) AS responses
       FROM Submission s JOIN Cycle c ON c.id = s.cycleId WHERE c.status = 'CLOSED'`,
    )
    expect(closed).toHaveLength(ORGANISATIONS * (CYCLES - 1))
    for (const s of closed) {
      expect(s, s.reference).toMatchObject({ status: 'PUBLISHED', agreed: 6, responses: 6 })
      expect(s.isLate, s.reference).toBe(new Date(s.submittedAt) > new Date(s.deadline) ? 1 : 0)
      expect(new Date(s.publishedAt!) > new Date(s.submittedAt), s.reference).toBe(true)
    }
  })

  it('gives every agreed result below the minimum level at least one required action', async () => {
    const below = await rows<{ id: string; level: number; actions: number }>(
      `SELECT a.id, a.level, (SELECT COUNT(*) FROM RequiredAction ra WHERE ra.agreedResultId = a.id) AS actions
       FROM AgreedResult a JOIN Submission s ON s.id = a.submissionId JOIN Cycle c ON c.id = s.cycleId
       WHERE a.level < c.minimumExpectedLevel`,
    )
    expect(below.length).toBeGreaterThan(0) // the data must exercise the rule
    expect(below.filter((a) => a.actions < 1)).toEqual([])
    // Development plan items point at required actions of their own submission.
    const strayPlanItems = await rows(
      `SELECT p.id FROM DevelopmentPlanItem p JOIN RequiredAction ra ON ra.id = p.requiredActionId
       JOIN AgreedResult a ON a.id = ra.agreedResultId WHERE a.submissionId <> p.submissionId OR a.outcomeId <> p.outcomeId`,
    )
    expect(strayPlanItems).toEqual([])
  })

  it('stores every grade as a valid level and sub-level with the matching steps', async () => {
    const grades = [
      ...(await rows<{ level: number; subLevel: string | null; gradeSteps: number }>(
        'SELECT level, subLevel, gradeSteps FROM AgreedResult',
      )),
      ...(await rows<{ level: number; subLevel: string | null; gradeSteps: number }>(
        'SELECT level, subLevel, gradeSteps FROM OutcomeValidation',
      )),
      ...(await rows<{ level: number; subLevel: string | null; gradeSteps: number }>(
        'SELECT selfLevel AS level, selfSubLevel AS subLevel, selfGradeSteps AS gradeSteps FROM OutcomeResponse',
      )),
    ]
    expect(grades.length).toBeGreaterThan(0)
    for (const g of grades) {
      expect(isValidGrade(g.level, g.subLevel), JSON.stringify(g)).toBe(true)
      expect(g.gradeSteps, JSON.stringify(g)).toBe(gradeToSteps({ level: g.level, subLevel: g.subLevel } as Grade))
    }
  })

  it('keeps each agreed grade within one step of the self grade', async () => {
    const pairs = await rows<{ self: number; agreed: number }>(
      `SELECT r.selfGradeSteps AS self, a.gradeSteps AS agreed FROM AgreedResult a
       JOIN OutcomeResponse r ON r.submissionId = a.submissionId AND r.outcomeId = a.outcomeId`,
    )
    expect(pairs).toHaveLength((await one<{ n: number }>('SELECT COUNT(*) AS n FROM AgreedResult')).n)
    for (const p of pairs) expect(Math.abs(p.self - p.agreed)).toBeLessThanOrEqual(1)
  })

  it('assigns two different validators to each published submission, one primary and one secondary', async () => {
    const published = await rows<{
      reference: string
      kinds: string
      validators: number
      assignments: number
      completed: number
    }>(
      `SELECT s.reference, GROUP_CONCAT(va.kind) AS kinds, COUNT(DISTINCT va.validatorId) AS validators, COUNT(va.id) AS assignments,
              SUM(va.completedAt IS NOT NULL) AS completed
       FROM Submission s LEFT JOIN ValidatorAssignment va ON va.submissionId = s.id WHERE s.status = 'PUBLISHED' GROUP BY s.id`,
    )
    expect(published.length).toBeGreaterThanOrEqual(ORGANISATIONS * (CYCLES - 1))
    for (const s of published) {
      expect({ ...s, kinds: s.kinds.split(',').sort() }, s.reference).toEqual({
        reference: s.reference,
        kinds: ['PRIMARY', 'SECONDARY'],
        validators: 2,
        assignments: 2,
        completed: 2,
      })
    }
    // Six outcome validations per completed assignment.
    expect(
      await rows(
        'SELECT va.id FROM ValidatorAssignment va LEFT JOIN OutcomeValidation ov ON ov.assignmentId = va.id WHERE va.completedAt IS NOT NULL GROUP BY va.id HAVING COUNT(ov.id) <> 6',
      ),
    ).toEqual([])
  })

  it('leaves the open cycle in progress: results only where published, responses only where started', async () => {
    const open = await rows<{ status: string; responses: number; agreed: number }>(
      `SELECT s.status, (SELECT COUNT(*) FROM OutcomeResponse r WHERE r.submissionId = s.id) AS responses,
              (SELECT COUNT(*) FROM AgreedResult a WHERE a.submissionId = s.id) AS agreed
       FROM Submission s JOIN Cycle c ON c.id = s.cycleId WHERE c.status = 'OPEN'`,
    )
    expect(open).toHaveLength(ORGANISATIONS)
    for (const s of open) {
      expect(s.agreed).toBe(s.status === 'PUBLISHED' ? 6 : 0)
      if (s.status === 'NOT_STARTED') expect(s.responses).toBe(0)
      else if (s.status === 'IN_PROGRESS') expect(s.responses).toBeGreaterThan(0)
      else expect(s.responses).toBe(6)
    }
  })

  it('writes values Prisma reads back as it wrote them', async () => {
    const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url: `file:${databaseFile}` }) })
    try {
      const submission = await prisma.submission.findFirstOrThrow({
        where: { status: 'PUBLISHED' },
        include: {
          agreedResults: { include: { requiredActions: true } },
          outcomeResponses: { include: { indicators: true } },
        },
      })
      expect(submission.submittedAt).toBeInstanceOf(Date)
      expect(typeof submission.isLate).toBe('boolean')
      expect(submission.outcomeResponses).toHaveLength(6)
      // Dates stored by the generator sort and compare like the ones Prisma writes.
      const cycle = await prisma.cycle.findUniqueOrThrow({ where: { id: submission.cycleId } })
      const late = await prisma.submission.count({
        where: { cycleId: cycle.id, submittedAt: { gt: cycle.submissionDeadline } },
      })
      expect(late).toBe(await prisma.submission.count({ where: { cycleId: cycle.id, isLate: true } }))
    } finally {
      await prisma.$disconnect()
    }
  })

  it('is deterministic: the same seed gives the same statuses and grades', async () => {
    const again = path.join(dir, 'again.db')
    await generate({ organisations: ORGANISATIONS, cycles: CYCLES, databaseFile: again })
    const other = createClient({ url: `file:${again}` })
    const fingerprint = async (client: Client) =>
      (
        await client.execute(
          `SELECT s.reference, s.status, s.submittedAt, o.number, r.selfGradeSteps, a.gradeSteps
           FROM Submission s LEFT JOIN OutcomeResponse r ON r.submissionId = s.id LEFT JOIN Outcome o ON o.id = r.outcomeId
           LEFT JOIN AgreedResult a ON a.submissionId = s.id AND a.outcomeId = r.outcomeId ORDER BY s.reference, o.number`,
        )
      ).rows.map((row) => Object.values(row).join('|'))
    try {
      const first = await fingerprint(db)
      expect(first.length).toBeGreaterThan(ORGANISATIONS * CYCLES)
      expect(await fingerprint(other)).toEqual(first)
    } finally {
      other.close()
    }
  })

  it('leaves no broken foreign key', async () => {
    expect(await rows('PRAGMA foreign_key_check')).toEqual([])
  })

  it('refuses to overwrite the database unless forced', async () => {
    await expect(generate({ organisations: 1, cycles: 1, databaseFile })).rejects.toThrow(/already exists/)
    expect(existsSync(databaseFile)).toBe(true)
    expect(await one<{ n: number }>('SELECT COUNT(*) AS n FROM Organisation')).toEqual({ n: ORGANISATIONS })
  })

  it('replaces an existing file with --force', async () => {
    const file = path.join(dir, 'forced.db')
    writeFileSync(file, 'not a database')
    const forced = await generate({ organisations: 1, cycles: 1, databaseFile: file, force: true })
    expect(forced.counts).toMatchObject({ Organisation: 1, Cycle: 1, Submission: 1 })
  })

  it('rejects sizes that are not positive whole numbers', async () => {
    const file = path.join(dir, 'never.db')
    await expect(generate({ organisations: 0, cycles: 1, databaseFile: file })).rejects.toThrow(/organisations/)
    await expect(generate({ organisations: 1.5, cycles: 1, databaseFile: file })).rejects.toThrow(/organisations/)
    await expect(generate({ organisations: 1, cycles: -2, databaseFile: file })).rejects.toThrow(/cycles/)
    expect(existsSync(file)).toBe(false)
  })

  it('exits with code 1 and says why when an argument is not a positive whole number', () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const run = spawnSync(
      path.join(root, 'node_modules/.bin/tsx'),
      ['bench/generate.ts', '--organisations', '12x', '--database', path.join(dir, 'cli.db')],
      { cwd: root, encoding: 'utf8' },
    )
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('--organisations must be a whole number from 1')
    expect(existsSync(path.join(dir, 'cli.db'))).toBe(false)
  }, 30_000)
})
