import { prisma } from '~/utils/db.server'

/**
 * Which editions a reader sees. Published and retired content is open to every signed-in user; a
 * draft is work in progress that only those who manage the framework may read.
 */
export type EditionVisibility = { includeDrafts: boolean }

function visible({ includeDrafts }: EditionVisibility) {
  return includeDrafts ? {} : { status: { not: 'DRAFT' } }
}

/** Every edition the reader may see with its outcomes' titles, newest first. */
export async function listEditions(visibility: EditionVisibility) {
  return prisma.frameworkEdition.findMany({
    where: visible(visibility),
    orderBy: [{ code: 'desc' }],
    select: {
      code: true,
      name: true,
      status: true,
      description: true,
      publishedAt: true,
      outcomes: { orderBy: { number: 'asc' }, select: { number: true, shortTitle: true, statement: true } },
      _count: { select: { cycles: true } },
    },
  })
}

export async function getEdition(code: string, visibility: EditionVisibility) {
  return prisma.frameworkEdition.findFirst({
    where: { code, ...visible(visibility) },
    select: {
      code: true,
      name: true,
      status: true,
      description: true,
      publishedAt: true,
      outcomes: {
        orderBy: { number: 'asc' },
        select: { number: true, shortTitle: true, statement: true, scope: true },
      },
    },
  })
}

export async function getOutcome(editionCode: string, number: number, visibility: EditionVisibility) {
  return prisma.outcome.findFirst({
    where: { number, edition: { code: editionCode, ...visible(visibility) } },
    select: {
      number: true,
      shortTitle: true,
      statement: true,
      scope: true,
      whyItMatters: true,
      keyQuestions: true,
      edition: {
        select: {
          code: true,
          name: true,
          status: true,
          outcomes: { orderBy: { number: 'asc' }, select: { number: true, shortTitle: true } },
        },
      },
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
}

/** Key questions are stored one per line. */
export function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
