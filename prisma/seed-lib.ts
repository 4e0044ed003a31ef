// Building blocks shared by the demo seed (prisma/seed.ts) and the benchmark generator
// (bench/generate.ts): framework editions from seed content, and submissions whose indicator
// statuses, self grades, validator grades and agreed results agree with the grading rules.
import type { PrismaClient } from '../app/generated/prisma/client'
import {
  gradeToSteps,
  stepsToGrade,
  suggestGrade,
  type Grade,
  type IndicatorStatus,
} from '../app/modules/framework/grading'
import type { EditionSeed } from './seed-data/framework-content'

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]

export type EditionShape = {
  id: string
  outcomes: Array<{
    id: string
    number: number
    indicators: Array<{ id: string; level: 1 | 2 | 3 | 4; position: number }>
  }>
}

/** A small deterministic generator (mulberry32), so the demo data is the same on every machine. */
export function randomSource(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  }
}
export type Random = ReturnType<typeof randomSource>

export async function createEdition(
  db: Tx | PrismaClient,
  seed: EditionSeed,
  publishedAt: Date,
): Promise<EditionShape> {
  const edition = await db.frameworkEdition.create({
    data: {
      code: seed.code,
      name: seed.name,
      status: seed.status,
      description: seed.description,
      publishedAt: seed.status === 'PUBLISHED' ? publishedAt : null,
    },
    select: { id: true },
  })
  const outcomes: EditionShape['outcomes'] = []
  for (const o of seed.outcomes) {
    const outcome = await db.outcome.create({
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
    const indicators: EditionShape['outcomes'][number]['indicators'] = []
    for (const l of o.levels) {
      const level = await db.level.create({
        data: { outcomeId: outcome.id, level: l.level, summary: l.summary },
        select: { id: true },
      })
      for (const [i, text] of l.indicators.entries()) {
        const indicator = await db.indicator.create({
          data: {
            outcomeId: outcome.id,
            levelId: level.id,
            position: i + 1,
            code: `${o.number}.${l.level}.${i + 1}`,
            text,
          },
          select: { id: true },
        })
        indicators.push({ id: indicator.id, level: l.level, position: i + 1 })
      }
    }
    outcomes.push({ id: outcome.id, number: o.number, indicators })
  }
  return { id: edition.id, outcomes }
}

/**
 * Indicator statuses close to a target grade: every indicator of the levels below met, part of the
 * target level met (at least one, never all), partly met or not met above. Callers take the
 * grading rules' suggestion from these statuses as the self grade, so the two always agree.
 */
export function statusesForGrade(
  indicators: EditionShape['outcomes'][number]['indicators'],
  target: Grade,
): Map<string, IndicatorStatus> {
  const statuses = new Map<string, IndicatorStatus>()
  const share = target.subLevel === 'LOW' ? 0.3 : target.subLevel === 'MEDIUM' ? 0.6 : 0.9
  for (const level of [1, 2, 3, 4] as const) {
    const own = indicators.filter((i) => i.level === level)
    let met = 0
    if (level < target.level) met = own.length
    else if (level === target.level) met = Math.min(own.length - 1, Math.max(1, Math.round(share * own.length)))
    own.forEach((indicator, i) =>
      statuses.set(indicator.id, i < met ? 'MET' : level === target.level ? 'PARTLY_MET' : 'NOT_MET'),
    )
  }
  return statuses
}

export function suggestedFor(
  indicators: EditionShape['outcomes'][number]['indicators'],
  statuses: Map<string, IndicatorStatus>,
): Grade {
  return suggestGrade(indicators.map((i) => ({ level: i.level, status: statuses.get(i.id) ?? null })))
}

/** A grade near `steps`, moved by up to `spread` sub-level steps, kept within 0..12. */
export function gradeNear(random: Random, steps: number, spread: number): Grade {
  return stepsToGrade(Math.max(0, Math.min(12, steps + random.int(-spread, spread))))
}

export function gradeColumns(grade: Grade) {
  return { level: grade.level, subLevel: grade.subLevel, gradeSteps: gradeToSteps(grade) }
}

export const NARRATIVE_OPENINGS = [
  'The library and knowledge service has worked closely with the executive sponsor this year.',
  'Our knowledge specialists now attend the clinical effectiveness group every month.',
  "Since the last review the team has rebuilt its evidence search service around the organisation's priorities.",
  'The service reaches staff on every site, including community teams who work remotely.',
]

export function demoNarrative(random: Random, outcomeNumber: number, organisationName: string): string {
  return [
    random.pick(NARRATIVE_OPENINGS),
    `For outcome ${outcomeNumber}, the evidence below shows how ${organisationName} staff and learners use the service, what has changed as a result and what we plan next.`,
    'Each indicator we mark as met is supported by at least one linked evidence item, with a page reference where the document is long.',
  ].join('\n\n')
}
