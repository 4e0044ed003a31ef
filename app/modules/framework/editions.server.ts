// Framework editions for national admins (issue 7): list, copy, edit, publish, export and import.
// The rules live in edition-rules.ts and the file format in edition-json.ts; this module reads and
// writes, each change in one transaction with its audit event. The edition's updatedAt is the
// version every form carries: a save from an older version changes nothing and says so.
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { prisma } from '~/utils/db.server'
import { type EditionContent } from './edition-json'
import { editMode, planOutcomeChanges, publishProblems, type EditMode, type OutcomeState } from './edition-rules'
import type { CopyEditionForm, OutcomeForm } from './edition-schema'

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

export type EditionStatus = 'DRAFT' | 'PUBLISHED' | 'RETIRED'

/** The version token a form carries: the edition's last change, to the millisecond. */
export function versionOf(updatedAt: Date): string {
  return updatedAt.toISOString()
}

/** Every edition with its status, what it was copied from and the cycles that use it. */
export async function listEditionsForAdmin(actor: Actor) {
  requirePermission(actor, 'framework:manage')
  return prisma.frameworkEdition.findMany({
    orderBy: [{ code: 'desc' }],
    select: {
      code: true,
      name: true,
      status: true,
      publishedAt: true,
      basedOn: { select: { code: true, name: true } },
      cycles: { orderBy: { opensAt: 'desc' }, select: { id: true, name: true } },
    },
  })
}

/** Editions a cycle can be set up on. */
export async function listPublishedEditions() {
  return prisma.frameworkEdition.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ code: 'desc' }],
    select: { id: true, code: true, name: true },
  })
}

/** An edition's page: its outcomes, who uses it, how it may be edited and whether it can be published. */
export async function getEditionForAdmin(actor: Actor, code: string) {
  requirePermission(actor, 'framework:manage')
  const edition = await prisma.frameworkEdition.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      description: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      basedOn: { select: { code: true, name: true } },
      cycles: { orderBy: { opensAt: 'desc' }, select: { id: true, name: true } },
      outcomes: {
        orderBy: { number: 'asc' },
        select: {
          number: true,
          shortTitle: true,
          levels: { orderBy: { level: 'asc' }, select: { level: true, _count: { select: { indicators: true } } } },
        },
      },
    },
  })
  if (!edition) return null
  const outcomes = edition.outcomes.map((o) => ({
    number: o.number,
    shortTitle: o.shortTitle,
    levels: o.levels.map((l) => ({ level: l.level, indicatorCount: l._count.indicators })),
  }))
  const { updatedAt, ...rest } = edition
  return {
    ...rest,
    outcomes,
    version: versionOf(updatedAt),
    mode: editMode({ status: edition.status, cycleCount: edition.cycles.length }),
    problems: edition.status === 'DRAFT' ? publishProblems(outcomes) : [],
  }
}

async function readOutcomeState(
  db: Tx | typeof prisma,
  editionId: string,
  number: number,
): Promise<(OutcomeState & { id: string }) | null> {
  const outcome = await db.outcome.findUnique({
    where: { editionId_number: { editionId, number } },
    select: {
      id: true,
      number: true,
      shortTitle: true,
      statement: true,
      scope: true,
      whyItMatters: true,
      keyQuestions: true,
      levels: {
        orderBy: { level: 'asc' },
        select: {
          id: true,
          level: true,
          summary: true,
          indicators: { orderBy: { position: 'asc' }, select: { id: true, position: true, code: true, text: true } },
        },
      },
      suggestedEvidence: { orderBy: { position: 'asc' }, select: { id: true, position: true, text: true } },
    },
  })
  return outcome
}

/** The outcome page of the admin: every text, with ids for the form. */
export async function getOutcomeForEditing(actor: Actor, code: string, number: number) {
  requirePermission(actor, 'framework:manage')
  const edition = await prisma.frameworkEdition.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      updatedAt: true,
      _count: { select: { cycles: true } },
      outcomes: { orderBy: { number: 'asc' }, select: { number: true, shortTitle: true } },
    },
  })
  if (!edition) return null
  const outcome = await readOutcomeState(prisma, edition.id, number)
  if (!outcome) return null
  return {
    edition: { code: edition.code, name: edition.name, status: edition.status, outcomes: edition.outcomes },
    outcome,
    version: versionOf(edition.updatedAt),
    mode: editMode({ status: edition.status, cycleCount: edition._count.cycles }),
  }
}

/** An edition's content in the shape of the JSON file, or null when there is no such edition. */
export async function readEditionContent(actor: Actor, code: string): Promise<EditionContent | null> {
  requirePermission(actor, 'framework:manage')
  return readContent(prisma, code)
}

async function readContent(db: Tx | typeof prisma, code: string): Promise<EditionContent | null> {
  const edition = await db.frameworkEdition.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      description: true,
      outcomes: {
        orderBy: { number: 'asc' },
        select: {
          number: true,
          shortTitle: true,
          statement: true,
          scope: true,
          whyItMatters: true,
          keyQuestions: true,
          levels: {
            orderBy: { level: 'asc' },
            select: {
              level: true,
              summary: true,
              indicators: { orderBy: { position: 'asc' }, select: { code: true, text: true } },
            },
          },
          suggestedEvidence: { orderBy: { position: 'asc' }, select: { text: true } },
        },
      },
    },
  })
  if (!edition) return null
  return {
    ...edition,
    outcomes: edition.outcomes.map((o) => ({
      ...o,
      keyQuestions: o.keyQuestions.split('\n').filter(Boolean),
      suggestedEvidence: o.suggestedEvidence.map((e) => e.text),
    })),
  }
}

/** Writes a whole edition as a draft. Levels 1 to 4 always exist, so every outcome page has them. */
async function createDraft(tx: Tx, content: EditionContent, basedOnId: string | null): Promise<string> {
  const edition = await tx.frameworkEdition.create({
    data: { code: content.code, name: content.name, description: content.description, status: 'DRAFT', basedOnId },
    select: { id: true },
  })
  for (const o of content.outcomes) {
    const outcome = await tx.outcome.create({
      data: {
        editionId: edition.id,
        number: o.number,
        shortTitle: o.shortTitle,
        statement: o.statement,
        scope: o.scope,
        whyItMatters: o.whyItMatters,
        keyQuestions: o.keyQuestions.join('\n'),
        suggestedEvidence: { create: o.suggestedEvidence.map((text, i) => ({ position: i + 1, text })) },
      },
      select: { id: true },
    })
    for (const levelNumber of [1, 2, 3, 4]) {
      const l = o.levels.find((x) => x.level === levelNumber) ?? { level: levelNumber, summary: '', indicators: [] }
      const level = await tx.level.create({
        data: { outcomeId: outcome.id, level: levelNumber, summary: l.summary },
        select: { id: true },
      })
      await tx.indicator.createMany({
        data: l.indicators.map((indicator, i) => ({
          outcomeId: outcome.id,
          levelId: level.id,
          position: i + 1,
          code: `${o.number}.${levelNumber}.${i + 1}`,
          text: indicator.text,
        })),
      })
    }
  }
  return edition.id
}

const codeTaken = (code: string) => `An edition with the code ${code} already exists. Choose another code`

type Audit = { actor: Actor; ipAddress?: string }

/** A new draft edition, a deep copy of another. */
export async function copyEdition(
  input: Audit & { form: CopyEditionForm },
): Promise<{ ok: true; code: string } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const { actor, form } = input
  requirePermission(actor, 'framework:manage')
  return prisma.$transaction(
    async (tx): Promise<{ ok: true; code: string } | { ok: false; fieldErrors: Record<string, string[]> }> => {
      const source = await tx.frameworkEdition.findUnique({
        where: { code: form.from },
        select: { id: true, code: true },
      })
      if (!source)
        return {
          ok: false,
          fieldErrors: { from: ['The edition to copy no longer exists. Go back to the editions and choose another'] },
        }
      if (await tx.frameworkEdition.findUnique({ where: { code: form.code }, select: { id: true } }))
        return { ok: false, fieldErrors: { code: [codeTaken(form.code)] } }
      const content = (await readContent(tx, source.code))!
      const id = await createDraft(
        tx,
        { ...content, code: form.code, name: form.name, description: form.description },
        source.id,
      )
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'framework_edition.copied',
        entityType: 'FrameworkEdition',
        entityId: id,
        after: {
          code: form.code,
          name: form.name,
          description: form.description,
          status: 'DRAFT',
          copiedFrom: source.code,
        },
        ipAddress: input.ipAddress,
      })
      return { ok: true as const, code: form.code }
    },
  )
}

/** A new draft edition from a checked JSON file. */
export async function importEdition(
  input: Audit & { content: EditionContent; fileName: string },
): Promise<{ ok: true; code: string } | { ok: false; message: string }> {
  const { actor, content } = input
  requirePermission(actor, 'framework:manage')
  return prisma.$transaction(async (tx) => {
    if (await tx.frameworkEdition.findUnique({ where: { code: content.code }, select: { id: true } })) {
      return { ok: false as const, message: `code (Code): ${codeTaken(content.code)}, or change the code in the file` }
    }
    const id = await createDraft(tx, content, null)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'framework_edition.imported',
      entityType: 'FrameworkEdition',
      entityId: id,
      after: {
        code: content.code,
        name: content.name,
        status: 'DRAFT',
        fileName: input.fileName,
        outcomes: content.outcomes.length,
      },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, code: content.code }
  })
}

/** Takes the edition's version if it is still the one given; false when someone saved since. */
async function claimVersion(tx: Tx, editionId: string, version: string, current: Date): Promise<boolean> {
  const seen = new Date(version)
  if (Number.isNaN(seen.getTime())) return false
  // At least a millisecond later than the last change, so two quick saves never share a version.
  const next = new Date(Math.max(Date.now(), current.getTime() + 1))
  const { count } = await tx.frameworkEdition.updateMany({
    where: { id: editionId, updatedAt: seen },
    data: { updatedAt: next },
  })
  return count === 1
}

export type SaveOutcomeResult =
  | { ok: true; changed: boolean }
  | { ok: false; kind: 'conflict'; savedAt: Date }
  | { ok: false; kind: 'wording-only' | 'stale'; message: string }

/** Saves one outcome's page against the version the admin opened. */
export async function saveOutcome(
  input: Audit & { code: string; number: number; form: OutcomeForm },
): Promise<SaveOutcomeResult | null> {
  const { actor, form } = input
  requirePermission(actor, 'framework:manage')
  return prisma.$transaction(async (tx) => {
    const edition = await tx.frameworkEdition.findUnique({
      where: { code: input.code },
      select: { id: true, status: true, updatedAt: true, _count: { select: { cycles: true } } },
    })
    if (!edition) return null
    const existing = await readOutcomeState(tx, edition.id, input.number)
    if (!existing) return null
    if (versionOf(edition.updatedAt) !== form.editionVersion)
      return { ok: false as const, kind: 'conflict' as const, savedAt: edition.updatedAt }
    const mode: EditMode = editMode({ status: edition.status, cycleCount: edition._count.cycles })
    const planned = planOutcomeChanges(existing, form, mode)
    if (!planned.ok) return planned
    const { plan } = planned
    if (!plan.changed) return { ok: true as const, changed: false }
    if (!(await claimVersion(tx, edition.id, form.editionVersion, edition.updatedAt)))
      return { ok: false as const, kind: 'conflict' as const, savedAt: edition.updatedAt }

    if (Object.keys(plan.outcomeFields).length > 0)
      await tx.outcome.update({ where: { id: existing.id }, data: plan.outcomeFields, select: { id: true } })
    for (const level of plan.levels) {
      if (level.summary !== null)
        await tx.level.update({ where: { id: level.levelId }, data: { summary: level.summary }, select: { id: true } })
      if (level.remove.length > 0)
        await tx.indicator.deleteMany({ where: { id: { in: level.remove }, levelId: level.levelId } })
      // Positions are unique within a level: park the moved ones out of the way first.
      if (level.reordered) {
        for (const item of level.keep)
          await tx.indicator.update({
            where: { id: item.id },
            data: { position: -item.position },
            select: { id: true },
          })
      }
      const was = new Map(existing.levels.find((l) => l.id === level.levelId)!.indicators.map((i) => [i.id, i]))
      for (const item of level.keep) {
        const old = was.get(item.id)!
        if (level.reordered || old.text !== item.text || old.code !== item.code) {
          await tx.indicator.update({
            where: { id: item.id },
            data: { position: item.position, code: item.code, text: item.text },
            select: { id: true },
          })
        }
      }
      for (const item of level.add)
        await tx.indicator.create({
          data: { outcomeId: existing.id, levelId: level.levelId, ...item },
          select: { id: true },
        })
    }
    const evidence = plan.suggestedEvidence
    if (evidence.remove.length > 0)
      await tx.suggestedEvidence.deleteMany({ where: { id: { in: evidence.remove }, outcomeId: existing.id } })
    if (evidence.reordered) {
      for (const item of evidence.keep)
        await tx.suggestedEvidence.update({
          where: { id: item.id },
          data: { position: -item.position },
          select: { id: true },
        })
    }
    const evidenceWas = new Map(existing.suggestedEvidence.map((e) => [e.id, e]))
    for (const item of evidence.keep) {
      if (evidence.reordered || evidenceWas.get(item.id)!.text !== item.text)
        await tx.suggestedEvidence.update({
          where: { id: item.id },
          data: { position: item.position, text: item.text },
          select: { id: true },
        })
    }
    for (const item of evidence.add)
      await tx.suggestedEvidence.create({ data: { outcomeId: existing.id, ...item }, select: { id: true } })

    await recordAudit(tx, {
      actorId: actor.id,
      action: mode === 'wording' ? 'framework_outcome.wording_fixed' : 'framework_outcome.updated',
      entityType: 'Outcome',
      entityId: existing.id,
      before: { edition: input.code, outcome: input.number, ...plan.before },
      after: { edition: input.code, outcome: input.number, ...plan.after },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, changed: true }
  })
}

export type PublishResult =
  | { ok: true }
  | { ok: false; kind: 'conflict' }
  | { ok: false; kind: 'not-draft' }
  | { ok: false; kind: 'incomplete'; problems: string[] }

/** DRAFT to PUBLISHED, when every outcome has indicators on levels 1 to 4. */
export async function publishEdition(
  input: Audit & { code: string; editionVersion: string },
): Promise<PublishResult | null> {
  const { actor } = input
  requirePermission(actor, 'framework:manage')
  return prisma.$transaction(async (tx) => {
    const edition = await tx.frameworkEdition.findUnique({
      where: { code: input.code },
      select: {
        id: true,
        status: true,
        updatedAt: true,
        outcomes: {
          orderBy: { number: 'asc' },
          select: { number: true, levels: { select: { level: true, _count: { select: { indicators: true } } } } },
        },
      },
    })
    if (!edition) return null
    if (edition.status !== 'DRAFT') return { ok: false as const, kind: 'not-draft' as const }
    const problems = publishProblems(
      edition.outcomes.map((o) => ({
        number: o.number,
        levels: o.levels.map((l) => ({ level: l.level, indicatorCount: l._count.indicators })),
      })),
    )
    if (problems.length > 0) return { ok: false as const, kind: 'incomplete' as const, problems }
    const seen = new Date(input.editionVersion)
    if (Number.isNaN(seen.getTime())) return { ok: false as const, kind: 'conflict' as const }
    const publishedAt = new Date()
    const { count } = await tx.frameworkEdition.updateMany({
      where: { id: edition.id, status: 'DRAFT', updatedAt: seen },
      data: { status: 'PUBLISHED', publishedAt },
    })
    if (count === 0) return { ok: false as const, kind: 'conflict' as const }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'framework_edition.published',
      entityType: 'FrameworkEdition',
      entityId: edition.id,
      before: { code: input.code, status: 'DRAFT' },
      after: { code: input.code, status: 'PUBLISHED', publishedAt: publishedAt.toISOString() },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}
