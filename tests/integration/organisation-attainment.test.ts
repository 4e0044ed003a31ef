// The organisation page's radar (issue 6, item 3): self-assessed and agreed grades in each cycle
// whose result the user may read, newest first: the service once published, reviewers once validated.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { getOrganisationAttainment } from '~/modules/organisations/organisation.server'
import { actorFor } from '../factories'

const organisationId = async (odsCode: string) =>
  (await prisma.organisation.findUniqueOrThrow({ where: { odsCode }, select: { id: true } })).id

beforeAll(async () => {
  await useDemoData()
})

describe('getOrganisationAttainment', () => {
  it('gives the service its published results with self and agreed steps per outcome, as stored', async () => {
    const lead = await actorFor('lead@demo.nhs.uk')
    const rxv = await organisationId('RXV')
    const attainment = await getOrganisationAttainment(lead, rxv)
    expect(attainment.outcomeNumbers).toEqual([1, 2, 3, 4, 5, 6])
    expect(attainment.cycles.map((c) => c.cycleName)).toEqual(['2021/22 baseline'])
    const stored = await prisma.submission.findFirstOrThrow({
      where: { organisationId: rxv, cycle: { name: '2021/22 baseline' } },
      select: {
        agreedResults: { select: { gradeSteps: true, outcome: { select: { number: true } } } },
        outcomeResponses: { select: { selfGradeSteps: true, outcome: { select: { number: true } } } },
      },
    })
    const byNumber = (rows: Array<{ outcome: { number: number } }>, pick: (row: never) => number | null) =>
      [1, 2, 3, 4, 5, 6].map((n) => {
        const row = rows.find((r) => r.outcome.number === n)
        return row ? pick(row as never) : null
      })
    expect(attainment.cycles[0]!.agreedSteps).toEqual(
      byNumber(stored.agreedResults, (r: { gradeSteps: number }) => r.gradeSteps),
    )
    expect(attainment.cycles[0]!.selfSteps).toEqual(
      byNumber(stored.outcomeResponses, (r: { selfGradeSteps: number | null }) => r.selfGradeSteps),
    )
  })

  it('hides a validated but unpublished result from the service and shows it to the regional lead', async () => {
    const rxv = await organisationId('RXV')
    const baseline = await prisma.submission.findFirstOrThrow({
      where: { organisationId: rxv, cycle: { name: '2021/22 baseline' } },
      select: { id: true },
    })
    await prisma.submission.update({ where: { id: baseline.id }, data: { status: 'VALIDATED' } })
    try {
      expect((await getOrganisationAttainment(await actorFor('lead@demo.nhs.uk'), rxv)).cycles).toEqual([])
      expect((await getOrganisationAttainment(await actorFor('sponsor@demo.nhs.uk'), rxv)).cycles).toEqual([])
      expect(
        (await getOrganisationAttainment(await actorFor('regional.lead@demo.nhs.uk'), rxv)).cycles.map(
          (c) => c.cycleName,
        ),
      ).toEqual(['2021/22 baseline'])
    } finally {
      await prisma.submission.update({ where: { id: baseline.id }, data: { status: 'PUBLISHED' } })
    }
  })

  it('gives nothing to someone who may not read the organisation’s results', async () => {
    const rxv = await organisationId('RXV')
    // The London regional lead and the lead of another service reach no result of RXV.
    expect((await getOrganisationAttainment(await actorFor('rachel.osei@demo.nhs.uk'), rxv)).cycles).toEqual([])
    expect((await getOrganisationAttainment(await actorFor('mark.lewis@demo.nhs.uk'), rxv)).cycles).toEqual([])
    // A national viewer reads it.
    expect((await getOrganisationAttainment(await actorFor('viewer@demo.nhs.uk'), rxv)).cycles).toHaveLength(1)
  })
})
