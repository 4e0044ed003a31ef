// Issue 15, item 3: check your answers and the sponsor's sign-off page list, per outcome, the
// indicators of the claimed level and below that have no linked evidence (the demo's LKS-2627-RYV,
// put back to awaiting sign-off, outcome 1 claimed at level 2 with evidence on one indicator only).
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import type { Actor } from '~/modules/auth/permissions'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { getSubmissionProgress } from '~/modules/submissions/workflow.server'
import { getSignOffSummary } from '~/modules/submissions/sign-off.server'
import { useDemoData } from '../setup/demo-data'
import { actorFor, backToAwaitingSignOff } from '../factories'

let id = ''
let lead: Actor
let sponsor: Actor
let expected: string[] = []

beforeAll(async () => {
  await useDemoData()
  await backToAwaitingSignOff('LKS-2627-RYV')
  id = (await prisma.submission.findUniqueOrThrow({ where: { reference: 'LKS-2627-RYV' }, select: { id: true } })).id
  lead = await actorFor('lead@demo.nhs.uk')
  sponsor = await actorFor('sponsor.ryv@demo.nhs.uk')
  const response = await prisma.outcomeResponse.findFirstOrThrow({
    where: { submissionId: id, outcome: { number: 1 } },
    select: { id: true, outcome: { select: { levels: { select: { level: true, indicators: true } } } } },
  })
  const indicators = response.outcome.levels
    .filter((l) => l.level <= 2)
    .flatMap((l) => l.indicators)
    .sort((a, b) => a.code.localeCompare(b.code))
  expect(indicators.length).toBeGreaterThan(1)
  const [evidenced, ...rest] = indicators
  await prisma.outcomeResponse.update({ where: { id: response.id }, data: { selfLevel: 2, selfSubLevel: 'MEDIUM' } })
  await prisma.evidenceLink.deleteMany({ where: { outcomeResponseId: response.id } })
  const item = await prisma.evidenceItem.findFirstOrThrow({
    where: { libraryService: { submissions: { some: { id } } } },
    select: { id: true },
  })
  await prisma.evidenceLink.create({
    data: { evidenceItemId: item.id, outcomeResponseId: response.id, indicatorId: evidenced!.id, pointer: 'page 2' },
  })
  expected = rest.map((i) => i.code)
})

describe('unevidenced indicators on check your answers and sign-off', () => {
  it('check your answers lists, for outcome 1, every indicator up to level 2 but the evidenced one', async () => {
    const progress = await getSubmissionProgress(await loadSubmissionContext(lead, id, 'submission:view'))
    const one = progress.outcomes.find((o) => o.number === 1)!
    expect([...one.unevidenced].sort()).toEqual(expected)
    expect(one.evidenceCount).toBe(1)
    expect(one.grade).not.toBeNull()
  })

  it("the sponsor's sign-off summary carries the same warning", async () => {
    const summary = await getSignOffSummary(await loadSubmissionContext(sponsor, id, 'submission:sign-off'))
    const one = summary.outcomes.find((o) => o.number === 1)!
    expect([...one.unevidenced].sort()).toEqual(expected)
  })
})
