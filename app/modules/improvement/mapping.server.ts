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

/** The mapping page: both editions' outcomes and the mappings recorded between them. */
export async function getOutcomeMapping(actor: Actor, fromCode: string, toCode: string) {
  requirePermission(actor, 'mapping:manage')
  const [from, to] = await Promise.all(
    [fromCode, toCode].map((code) =>
      prisma.frameworkEdition.findUnique({
        where: { code },
        select: {
          id: true,
          code: true,
          name: true,
          outcomes: { orderBy: { number: 'asc' }, select: { id: true, number: true, shortTitle: true } },
        },
      }),
    ),
  )
  if (!from || !to || from.id === to.id) notFound()
  const mappings = await prisma.outcomeMapping.findMany({
    where: { fromOutcome: { editionId: from.id }, toOutcome: { editionId: to.id } },
    select: { fromOutcomeId: true, toOutcomeId: true },
  })
  return {
    from,
    to,
    rows: from.outcomes.map((outcome) => ({
      ...outcome,
      mappedTo: mappings.filter((m) => m.fromOutcomeId === outcome.id).map((m) => m.toOutcomeId),
    })),
    recorded: mappings.length > 0,
  }
}

/** Replaces the mappings from one edition to another with the admin's choice, audited. */
export async function saveOutcomeMapping(input: {
  actor: Actor
  fromCode: string
  toCode: string
  choices: Record<string, string[]>
  ipAddress?: string
}): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const current = await getOutcomeMapping(input.actor, input.fromCode, input.toCode)
  const toIds = new Set(current.to.outcomes.map((o) => o.id))
  const fieldErrors: Record<string, string[]> = {}
  for (const row of current.rows) {
    const chosen = input.choices[row.id] ?? []
    if (chosen.length === 0)
      fieldErrors[`map-${row.number}`] = [`Select the outcome that outcome ${row.number} becomes`]
    else if (chosen.some((id) => !toIds.has(id)))
      fieldErrors[`map-${row.number}`] = [`Select an outcome of the ${current.to.name} for outcome ${row.number}`]
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors }
  await prisma.$transaction(async (tx) => {
    await tx.outcomeMapping.deleteMany({
      where: { fromOutcome: { editionId: current.from.id }, toOutcome: { editionId: current.to.id } },
    })
    const data = current.rows.flatMap((row) =>
      [...new Set(input.choices[row.id])].map((toOutcomeId) => ({ fromOutcomeId: row.id, toOutcomeId })),
    )
    await tx.outcomeMapping.createMany({ data })
    const numberOf = new Map(current.to.outcomes.map((o) => [o.id, o.number]))
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'framework.outcomes_mapped',
      entityType: 'FrameworkEdition',
      entityId: current.to.id,
      before: Object.fromEntries(current.rows.map((r) => [r.number, r.mappedTo.map((id) => numberOf.get(id))])),
      after: Object.fromEntries(
        current.rows.map((r) => [r.number, [...new Set(input.choices[r.id])].map((id) => numberOf.get(id))]),
      ),
      ipAddress: input.ipAddress,
    })
  })
  return { ok: true }
}
