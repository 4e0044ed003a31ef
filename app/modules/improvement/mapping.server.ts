// Framework refresh readiness (issue 18, item 7): a plan's targets are tied to its cycle's
// edition, and an admin maps each outcome of one edition to the outcome(s) of the next, so a grade
// or target made on one edition can be read against another. With no mapping between two editions
// outcomes are matched by number (the editions so far keep the six outcomes in the same order).
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { prisma, type Db } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'

type Grade = { level: number; subLevel: string | null; gradeSteps: number; submissionId: string }

/**
 * For each outcome of `editionId`, the organisation's agreed grade from its latest published
 * result, carried across editions by the mappings (or outcome number when none are recorded).
 */
export async function currentGradesFor(db: Db, organisationId: string, editionId: string): Promise<Map<string, Grade>> {
  const latest = await db.submission.findFirst({
    where: { organisationId, status: 'PUBLISHED' },
    orderBy: [{ publishedAt: 'desc' }, { cycle: { opensAt: 'desc' } }],
    select: {
      id: true,
      cycle: { select: { editionId: true } },
      agreedResults: {
        select: {
          outcomeId: true,
          level: true,
          subLevel: true,
          gradeSteps: true,
          outcome: { select: { number: true } },
        },
      },
    },
  })
  const grades = new Map<string, Grade>()
  if (!latest) return grades
  const targets = await db.outcome.findMany({ where: { editionId }, select: { id: true, number: true } })
  const translate = await outcomeTranslation(db, latest.cycle.editionId, editionId)
  for (const result of latest.agreedResults) {
    const toIds = translate(result.outcomeId, result.outcome.number, targets)
    for (const id of toIds) {
      const grade = {
        level: result.level,
        subLevel: result.subLevel,
        gradeSteps: result.gradeSteps,
        submissionId: latest.id,
      }
      // Two old outcomes merged into one: keep the lower grade, the one the evidence supports for both.
      const existing = grades.get(id)
      if (!existing || grade.gradeSteps < existing.gradeSteps) grades.set(id, grade)
    }
  }
  return grades
}

type Translate = (fromOutcomeId: string, fromNumber: number, targets: Array<{ id: string; number: number }>) => string[]

/** How an outcome of one edition reads in another: through recorded mappings, else by number. */
export async function outcomeTranslation(db: Db, fromEditionId: string, toEditionId: string): Promise<Translate> {
  if (fromEditionId === toEditionId) return (id) => [id]
  const mappings = await db.outcomeMapping.findMany({
    where: { fromOutcome: { editionId: fromEditionId }, toOutcome: { editionId: toEditionId } },
    select: { fromOutcomeId: true, toOutcomeId: true },
  })
  if (mappings.length === 0)
    return (_id, number, targets) => targets.filter((t) => t.number === number).map((t) => t.id)
  return (id) => mappings.filter((m) => m.fromOutcomeId === id).map((m) => m.toOutcomeId)
}

/**
 * The mapping page of edition `toCode`: the other editions it can be mapped from (the one it was
 * copied from first, then the latest earlier one), both editions' outcomes, and for each outcome of
 * the earlier edition what it reads as now: the recorded mapping, or the outcome of the same number.
 * Null when either edition does not exist, or they are the same.
 */
export async function getOutcomeMapping(actor: Actor, toCode: string, fromCode?: string | null) {
  requirePermission(actor, 'mapping:manage')
  const editions = await prisma.frameworkEdition.findMany({
    orderBy: [{ createdAt: 'desc' }, { code: 'asc' }],
    select: {
      id: true,
      code: true,
      name: true,
      createdAt: true,
      publishedAt: true,
      basedOnId: true,
      outcomes: { orderBy: { number: 'asc' }, select: { id: true, number: true, shortTitle: true } },
    },
  })
  const to = editions.find((e) => e.code === toCode)
  if (!to) return null
  const others = editions.filter((e) => e.id !== to.id)
  const dated = (e: (typeof editions)[number]) => (e.publishedAt ?? e.createdAt).getTime()
  const earlier = others.filter((e) => dated(e) <= dated(to)).sort((a, b) => dated(b) - dated(a))
  const from = fromCode
    ? others.find((e) => e.code === fromCode)
    : (others.find((e) => e.id === to.basedOnId) ?? earlier[0] ?? others[0])
  if (fromCode && !from) return null
  const sources = others.map((e) => ({ code: e.code, name: e.name }))
  if (!from) return { to, from: null, sources, rows: [], recorded: false }
  const mappings = await prisma.outcomeMapping.findMany({
    where: { fromOutcome: { editionId: from.id }, toOutcome: { editionId: to.id } },
    select: { fromOutcomeId: true, toOutcome: { select: { number: true } } },
  })
  const recorded = mappings.length > 0
  const toNumbers = new Set(to.outcomes.map((o) => o.number))
  return {
    to,
    from,
    sources,
    recorded,
    rows: from.outcomes.map((outcome) => ({
      ...outcome,
      mappedTo: recorded
        ? mappings
            .filter((m) => m.fromOutcomeId === outcome.id)
            .map((m) => m.toOutcome.number)
            .sort((a, b) => a - b)
        : toNumbers.has(outcome.number)
          ? [outcome.number]
          : [],
    })),
  }
}

/**
 * Replaces the mappings from one edition to another with the admin's choice (for each outcome
 * number of the earlier edition, the outcome numbers of this one), in one audited transaction.
 */
export async function saveOutcomeMapping(input: {
  actor: Actor
  fromCode: string
  toCode: string
  choices: Record<number, number[]>
  ipAddress?: string
}): Promise<{ ok: true; changed: boolean } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const current = await getOutcomeMapping(input.actor, input.toCode, input.fromCode)
  if (!current?.from) notFound()
  const { from, to } = current
  const toIdOf = new Map(to.outcomes.map((o) => [o.number, o.id]))
  const fieldErrors: Record<string, string[]> = {}
  const chosen = new Map<number, number[]>()
  for (const row of current.rows) {
    const numbers = [...new Set(input.choices[row.number] ?? [])].sort((a, b) => a - b)
    chosen.set(row.number, numbers)
    if (numbers.length === 0)
      fieldErrors[`map-${row.number}`] = [`Select the outcome that outcome ${row.number} becomes`]
    else if (numbers.some((n) => !toIdOf.has(n)))
      fieldErrors[`map-${row.number}`] = [`Select an outcome of the ${to.name} for outcome ${row.number}`]
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }
  const before = Object.fromEntries(current.rows.map((r) => [r.number, r.mappedTo]))
  const after = Object.fromEntries(current.rows.map((r) => [r.number, chosen.get(r.number)!]))
  if (current.recorded && JSON.stringify(before) === JSON.stringify(after)) return { ok: true, changed: false }
  await prisma.$transaction(async (tx) => {
    await tx.outcomeMapping.deleteMany({
      where: { fromOutcome: { editionId: from.id }, toOutcome: { editionId: to.id } },
    })
    await tx.outcomeMapping.createMany({
      data: current.rows.flatMap((row) =>
        chosen.get(row.number)!.map((n) => ({ fromOutcomeId: row.id, toOutcomeId: toIdOf.get(n)! })),
      ),
    })
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'framework.outcomes_mapped',
      entityType: 'FrameworkEdition',
      entityId: to.id,
      before: { from: from.code, recorded: current.recorded, outcomes: before },
      after: { from: from.code, recorded: true, outcomes: after },
      ipAddress: input.ipAddress,
    })
  })
  return { ok: true, changed: true }
}
