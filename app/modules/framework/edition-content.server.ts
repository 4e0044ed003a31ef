// A framework edition's outcomes, levels, indicators and suggested evidence, kept in memory by each
// server process. Every page of a submission shows them, and they were read again on each page: four
// to six Prisma queries, each with its own compilation in Prisma 6's JavaScript engine (ADR 017).
//
// The copy is keyed by the edition's id and its `updatedAt`. Every change to an edition's content
// claims a new `updatedAt` in the same transaction (editions.server.ts), and every page reads the
// edition's `updatedAt` with its submission, so a process never serves a copy older than the version
// the page read, however many processes share the database. No copy outlives a restart.
import { prisma } from '~/utils/db.server'

export type EditionVersion = { id: string; updatedAt: Date }

export type EditionIndicator = { id: string; code: string; text: string; level: 1 | 2 | 3 | 4 }

export type EditionOutcome = {
  id: string
  number: number
  shortTitle: string
  statement: string
  scope: string
  keyQuestions: string
  levels: Array<{ level: number; summary: string; indicators: Array<Omit<EditionIndicator, 'level'>> }>
  /** Every indicator of the outcome, level by level, in the framework's order. */
  indicators: EditionIndicator[]
  suggestedEvidence: string[]
}

/** At most this many edition versions are kept per process (an edition is a few tens of kilobytes). */
const KEPT_VERSIONS = 16
const kept = new Map<string, Promise<EditionOutcome[]>>()

async function load(editionId: string): Promise<EditionOutcome[]> {
  const outcomes = await prisma.outcome.findMany({
    where: { editionId },
    orderBy: { number: 'asc' },
    select: {
      id: true,
      number: true,
      shortTitle: true,
      statement: true,
      scope: true,
      keyQuestions: true,
      levels: {
        orderBy: { level: 'asc' },
        select: {
          level: true,
          summary: true,
          indicators: { orderBy: { position: 'asc' }, select: { id: true, code: true, text: true } },
        },
      },
      suggestedEvidence: { orderBy: { position: 'asc' }, select: { text: true } },
    },
  })
  // Frozen: every page shares these objects, so none may change them.
  return deepFreeze(
    outcomes.map((outcome) => ({
      ...outcome,
      indicators: outcome.levels.flatMap((l) => l.indicators.map((i) => ({ ...i, level: l.level as 1 | 2 | 3 | 4 }))),
      suggestedEvidence: outcome.suggestedEvidence.map((e) => e.text),
    })),
  )
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** The edition's outcomes in number order, as of the version given. */
export function editionOutcomes(edition: EditionVersion): Promise<EditionOutcome[]> {
  const key = `${edition.id}@${edition.updatedAt.getTime()}`
  let outcomes = kept.get(key)
  if (!outcomes) {
    outcomes = load(edition.id)
    // A failed read is not kept: the next page tries again.
    outcomes.catch(() => kept.delete(key))
    kept.set(key, outcomes)
    while (kept.size > KEPT_VERSIONS) kept.delete(kept.keys().next().value!)
  }
  return outcomes
}

/** One outcome of the edition, or null when the edition has no such number. */
export async function editionOutcome(edition: EditionVersion, number: number): Promise<EditionOutcome | null> {
  return (await editionOutcomes(edition)).find((o) => o.number === number) ?? null
}
