import { prisma } from '~/utils/db.server'


/** Every edition with its outcomes' titles, newest first. Framework content is open to every signed-in user. */
export async function listEditions() {
  return prisma.frameworkEdition.findMany({
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

export async function getEdition(code: string) {
  return prisma.frameworkEdition.findUnique({
    where: { code },
    select: {
      code: true,
      name: true,
      status: true,
      description: true,
      publishedAt: true,
      outcomes: { orderBy: { number: 'asc' }, select: { number: true, shortTitle: true, statement: true, scope: true } },
    },
  })
}

export async function getOutcome(editionCode: string, number: number) {
  return prisma.outcome.findFirst({
    where: { number, edition: { code: editionCode } },
    select: {
      number: true,
      shortTitle: true,
      statement: true,
      scope: true,
      whyItMatters: true,
      keyQuestions: true,
      edition: { select: { code: true, name: true, status: true, outcomes: { orderBy: { number: 'asc' }, select: { number: true, shortTitle: true } } } },
      levels: {
        orderBy: { level: 'asc' },
        select: { level: true, summary: true, indicators: { orderBy: { position: 'asc' }, select: { id: true, code: true, text: true } } },
      },
      suggestedEvidence: { orderBy: { position: 'asc' }, select: { text: true } },
    },
  })
}

/** Key questions are stored one per line. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean)
}
