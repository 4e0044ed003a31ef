// Peer comparison (issue 17, item 2) against the demo data: the 2021/22 baseline has eight
// published results (North West 3, London 2, Midlands 2, South West 1) and the threshold is 5, so
// the nation is compared and no region is. The result page, the outcome report and the
// organisation page read the same comparison; a regional lead sees the region against the nation.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '~/modules/auth/permissions'
import { medianFromHistogram } from '~/modules/attainment/median'
import { getOrganisationAttainment } from '~/modules/organisations/organisation.server'
import { getOutcomeReport } from '~/modules/reports/outcome-report.server'
import { getReviewerPack } from '~/modules/reports/reviewer-pack.server'
import { nationalMedianSeries } from '~/modules/results/peers'
import { getRegionAgainstNation } from '~/modules/results/peers.server'
import { getResult } from '~/modules/results/results.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { askForClarification, replyToThread } from '~/modules/validation/clarification.server'
import { prisma } from '~/utils/db.server'
import { actorFor } from '../factories'
import { useDemoData } from '../setup/demo-data'

const BASELINE = '2021/22 baseline'
let lead: Actor // Ribble Valley (RXV, North West)
let northWestLead: Actor
let londonLead: Actor

const submissionOf = async (reference: string) =>
  prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true, cycleId: true, regionId: true } })

async function resultOf(actor: Actor, reference: string) {
  const { id } = await submissionOf(reference)
  const result = await getResult(actor, await loadSubmissionContext(actor, id, 'result:view'))
  if (!result) throw new Error('expected a result')
  return result
}

/** Published agreed grades of the baseline for an outcome, the long way. */
async function publishedSteps(number: number, regionId?: string): Promise<number[]> {
  const rows = await prisma.agreedResult.findMany({
    where: {
      outcome: { number },
      submission: { status: 'PUBLISHED', cycle: { name: BASELINE }, ...(regionId ? { regionId } : {}) },
    },
    select: { gradeSteps: true },
  })
  return rows.map((r) => r.gradeSteps).sort((a, b) => a - b)
}

const histogram = (steps: number[]) => {
  const counts = Array<number>(13).fill(0)
  for (const s of steps) counts[s]! += 1
  return counts
}

beforeAll(async () => {
  await useDemoData()
  lead = await actorFor('lead@demo.nhs.uk')
  northWestLead = await actorFor('regional.lead@demo.nhs.uk')
  londonLead = await actorFor('rachel.osei@demo.nhs.uk')
})

describe('an organisation beside its peers', () => {
  it("gives the service its agreed grades beside the nation's median and range, without a region below the threshold", async () => {
    const result = await resultOf(lead, 'LKS-2122-RXV')
    const peers = result.peers
    if (!peers.shown) throw new Error('expected the comparison to be shown')
    expect(peers).toMatchObject({ cycleName: BASELINE, regionName: 'North West', nationalOrganisations: 8 })
    expect(peers.regionalOrganisations).toBeNull()
    for (const row of peers.rows) {
      const steps = await publishedSteps(row.number)
      expect(row.national).toEqual({
        graded: 8,
        medianSteps: medianFromHistogram(histogram(steps)),
        lowestSteps: steps[0],
        highestSteps: steps.at(-1),
      })
      expect(row.regional).toBeNull()
      expect(row.ownSteps).toBe(result.outcomes.find((o) => o.number === row.number)!.agreedSteps)
    }
    expect(nationalMedianSeries(peers)).toHaveLength(6)
  })

  it('reads the same comparison into the outcome report and the organisation page', async () => {
    const { id } = await submissionOf('LKS-2122-RXV')
    const result = await resultOf(lead, 'LKS-2122-RXV')
    expect((await getOutcomeReport(lead, id)).peers).toEqual(result.peers)
    const rxv = await prisma.organisation.findUniqueOrThrow({ where: { odsCode: 'RXV' }, select: { id: true } })
    expect((await getOrganisationAttainment(lead, rxv.id)).peers).toEqual(result.peers)
  })

  it('shows the region once it has enough published results of its own', async () => {
    const northWest = (await submissionOf('LKS-2122-RXV')).regionId
    const london = ['LKS-2122-RTH', 'LKS-2122-RKQ']
    await prisma.submission.updateMany({ where: { reference: { in: london } }, data: { regionId: northWest } })
    try {
      const peers = (await resultOf(lead, 'LKS-2122-RXV')).peers
      if (!peers.shown) throw new Error('expected the comparison to be shown')
      expect(peers.regionalOrganisations).toBe(5)
      for (const row of peers.rows) {
        const steps = await publishedSteps(row.number, northWest)
        expect(row.regional).toMatchObject({ graded: 5, lowestSteps: steps[0], highestSteps: steps.at(-1) })
      }
    } finally {
      const londonId = (await prisma.region.findFirstOrThrow({ where: { name: 'London' }, select: { id: true } })).id
      await prisma.submission.updateMany({ where: { reference: { in: london } }, data: { regionId: londonId } })
    }
  })

  it('shows nothing of the peers, and no national median, while fewer than five organisations have published results', async () => {
    const unpublished = ['LKS-2122-RSV', 'LKS-2122-QAF', 'LKS-2122-RTM', 'LKS-2122-RKQ']
    await prisma.submission.updateMany({ where: { reference: { in: unpublished } }, data: { status: 'VALIDATED' } })
    try {
      const peers = (await resultOf(lead, 'LKS-2122-RXV')).peers
      expect(peers).toEqual({ shown: false, threshold: 5, cycleName: BASELINE })
      expect(nationalMedianSeries(peers)).toEqual([])
      // A validated result that is not yet published is never counted, even for its regional lead.
      expect((await resultOf(northWestLead, 'LKS-2122-RXV')).peers.shown).toBe(false)
    } finally {
      await prisma.submission.updateMany({ where: { reference: { in: unpublished } }, data: { status: 'PUBLISHED' } })
    }
  })
})

describe("a regional lead's region against the nation", () => {
  it('gives the region in full and the nation once the rest of the country reaches the threshold', async () => {
    const { cycleId, regionId } = await submissionOf('LKS-2122-RXV')
    const view = await getRegionAgainstNation(northWestLead, { cycleId, regionId })
    expect(view).toMatchObject({ regionName: 'North West', regionalOrganisations: 3, nationalOrganisations: 8 })
    for (const row of view.rows) {
      const region = await publishedSteps(row.number, regionId)
      expect(row.region.graded).toBe(3)
      expect(row.region.figures).toMatchObject({ lowestSteps: region[0], highestSteps: region.at(-1) })
      expect(row.nation).not.toBeNull()
    }
  })

  it("refuses a lead another region's view", async () => {
    const { cycleId, regionId } = await submissionOf('LKS-2122-RXV')
    await expect(getRegionAgainstNation(londonLead, { cycleId, regionId })).rejects.toMatchObject({ status: 403 })
  })
})

describe("the reviewer pack's record", () => {
  it("carries the sponsor's sign-off and the clarification questions and answers by outcome", async () => {
    const validator = await actorFor('validator@demo.nhs.uk') // primary validator of Thameside (RTH)
    const serviceLead = await actorFor('mark.lewis@demo.nhs.uk')
    const { id } = await submissionOf('LKS-2627-RTH')
    const asked = await askForClarification({
      actor: validator,
      context: await loadSubmissionContext(validator, id, 'clarification:ask'),
      questions: [{ number: 2, question: 'Which Board decisions used your evidence summaries?' }],
      ipAddress: '127.0.0.1',
    })
    expect(asked).toEqual({ ok: true })
    const thread = await prisma.clarificationThread.findFirstOrThrow({
      where: { submissionId: id },
      select: { id: true },
    })
    expect(
      await replyToThread({
        actor: serviceLead,
        context: await loadSubmissionContext(serviceLead, id, 'clarification:answer'),
        threadId: thread.id,
        body: 'The March 2026 Board paper on falls prevention.',
        ipAddress: '127.0.0.1',
      }),
    ).toEqual({ ok: true })

    const pack = await getReviewerPack(validator, id, 'https://portal.example.nhs.uk')
    const stored = await prisma.signOff.findMany({
      where: { submissionId: id },
      select: { signerName: true, signerRole: true, createdAt: true },
    })
    expect(stored.length).toBeGreaterThan(0)
    expect(pack.signOffs).toEqual(
      stored.map((s) => ({
        decision: 'SIGNED_OFF',
        signerName: s.signerName,
        signerRole: s.signerRole,
        at: s.createdAt,
        reason: '',
      })),
    )
    const outcome2 = pack.outcomes.find((o) => o.number === 2)!
    expect(outcome2.clarifications).toHaveLength(1)
    expect(outcome2.clarifications[0]!.messages.map((m) => [m.authorContext, m.body])).toEqual([
      ['Validator', 'Which Board decisions used your evidence summaries?'],
      ['Service', 'The March 2026 Board paper on falls prevention.'],
    ])
    expect(pack.outcomes.filter((o) => o.number !== 2).every((o) => o.clarifications.length === 0)).toBe(true)
    // The service reads the same questions and answers in its own pack.
    const servicePack = await getReviewerPack(serviceLead, id, 'https://portal.example.nhs.uk')
    expect(servicePack.outcomes.find((o) => o.number === 2)!.clarifications).toEqual(outcome2.clarifications)
  })
})
