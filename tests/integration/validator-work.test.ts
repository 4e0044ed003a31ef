// A validator's work as they and the regional lead see it (issue 15, items 11 to 13): the queue on
// the home page even for someone with only the validator role, open work before completed work
// with counts, and each candidate's workload and the default due date at assignment.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { getHome } from '~/modules/home/home.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { recordAgreedResult } from '~/modules/validation/agreement.server'
import { assignValidators, dueDateOffer, listCandidates } from '~/modules/validation/assignment.server'
import { getQueue } from '~/modules/validation/workspace.server'
import { actorFor, createUser } from '../factories'

const FIRST_OF_DECEMBER = new Date('2026-12-01T10:00:00Z')

const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
const references = (rows: Array<{ submission: { reference: string } }>) => rows.map((r) => r.submission.reference)

beforeAll(async () => {
  await useDemoData()
})

describe('the home page of someone who only validates', () => {
  it('shows their queue, empty, rather than saying they have no roles', async () => {
    const region = await prisma.region.findFirstOrThrow({ where: { name: 'South East' }, select: { id: true } })
    const { email } = await createUser({ roles: [{ role: 'VALIDATOR', regionId: region.id }] })
    const home = await getHome(await actorFor(email), FIRST_OF_DECEMBER)
    expect(home.validation).toEqual({
      open: [],
      completed: [],
      counts: { open: 0, overdue: 0, completed: 0 },
      toAgree: [],
    })
  })

  it('shows a validator with only completed work that there is nothing to validate', async () => {
    const fiona = await actorFor('fiona.campbell@demo.nhs.uk')
    expect(fiona.grants.map((g) => g.role)).toEqual(['VALIDATOR'])
    const { validation } = await getHome(fiona, FIRST_OF_DECEMBER)
    expect(validation!.open).toEqual([])
    expect(validation!.counts).toMatchObject({ open: 0, overdue: 0 })
  })

  it('gives people who do not validate no queue', async () => {
    for (const email of ['lead@demo.nhs.uk', 'sponsor@demo.nhs.uk', 'regional.lead@demo.nhs.uk'])
      expect((await getHome(await actorFor(email), FIRST_OF_DECEMBER)).validation).toBeNull()
  })
})

describe('the validator’s queue', () => {
  it('lists open work first and completed work apart, with counts', async () => {
    const owen = await actorFor('owen.griffiths@demo.nhs.uk')
    const queue = await getQueue(owen, 'due', FIRST_OF_DECEMBER)
    const mine = await prisma.validatorAssignment.findMany({
      where: { validatorId: owen.id },
      select: { completedAt: true, submission: { select: { reference: true } } },
    })
    expect(references(queue.open).sort()).toEqual(references(mine.filter((a) => !a.completedAt)).sort())
    expect(references(queue.completed).sort()).toEqual(references(mine.filter((a) => a.completedAt)).sort())
    expect(references(queue.open)).toContain('LKS-2627-RSV')
    expect(references(queue.completed)).toContain('LKS-2627-RPM')
    expect(queue.counts).toEqual({ open: queue.open.length, overdue: 0, completed: queue.completed.length })
    expect((await getHome(owen, FIRST_OF_DECEMBER)).validation).toEqual({ ...queue, toAgree: [] })
  })

  it('tags and counts open work past its due date as overdue, never completed work', async () => {
    const owen = await actorFor('owen.griffiths@demo.nhs.uk')
    const queue = await getQueue(owen, 'due', new Date('2030-01-01T09:00:00Z'))
    expect(queue.open.every((r) => r.overdue)).toBe(true)
    expect(queue.completed.some((r) => r.overdue)).toBe(false)
    expect(queue.counts.overdue).toBe(queue.open.length)
  })
})

describe('the agreed results waiting for the primary validator', () => {
  const moderated = {
    level: 2,
    subLevel: 'MEDIUM' as const,
    rationale: 'Read both rationales and the linked evidence.',
    strengths: 'A clinical librarian in every directorate.',
    areasForDevelopment: 'Impact data from the community teams.',
    requiredActions: '',
    recommendations: '',
  }
  const waiting = async (email: string) =>
    (await getHome(await actorFor(email), FIRST_OF_DECEMBER)).validation!.toAgree.map((a) => [
      a.organisation.name,
      a.step,
    ])

  it('are none while the outcomes left wait for moderation, then the result to confirm once moderated', async () => {
    // Pendle Moor as seeded: the four outcomes the validators agree on are recorded; 2 and 5 wait.
    expect(await waiting('priya.shah@demo.nhs.uk')).toEqual([])
    // The second validator has nothing to record.
    expect(await waiting('owen.griffiths@demo.nhs.uk')).toEqual([])
    const lead = await actorFor('regional.lead@demo.nhs.uk')
    const { id } = await prisma.submission.findUniqueOrThrow({
      where: { reference: 'LKS-2627-RPM' },
      select: { id: true },
    })
    const context = await loadSubmissionContext(lead, id)
    for (const number of [2, 5])
      expect(await recordAgreedResult({ actor: lead, context, number, form: moderated, ipAddress: '' })).toEqual({
        ok: true,
      })
    expect(await waiting('priya.shah@demo.nhs.uk')).toEqual([['Pendle Moor Hospitals NHS Trust', 'CONFIRM']])
  })

  it('is to record while an outcome the validators agree on has no agreed grade', async () => {
    await prisma.agreedResult.deleteMany({
      where: { submission: { reference: 'LKS-2627-RPM' }, outcome: { number: 1 } },
    })
    expect(await waiting('priya.shah@demo.nhs.uk')).toEqual([['Pendle Moor Hospitals NHS Trust', 'RECORD']])
  })
})

describe('assignment', () => {
  it('shows each eligible validator’s open assignments', async () => {
    const lead = await actorFor('regional.lead@demo.nhs.uk')
    const ryv = await prisma.submission.findUniqueOrThrow({
      where: { reference: 'LKS-2627-RYV' },
      select: { id: true },
    })
    const candidates = await listCandidates(await loadSubmissionContext(lead, ryv.id, 'validation:assign'))
    for (const candidate of candidates) {
      const open = await prisma.validatorAssignment.count({ where: { validatorId: candidate.id, completedAt: null } })
      expect([candidate.name, candidate.openAssignments]).toEqual([candidate.name, open])
    }
    const byName = (name: string) => candidates.find((c) => c.name === name)!
    expect(byName('Fiona Campbell').openAssignments).toBe(0)
    expect(byName('Łukasz Nowak').openAssignments).toBeGreaterThan(0)
  })

  it('offers the cycle’s validation deadline as the due date, then the one set', async () => {
    const lead = await actorFor('regional.lead@demo.nhs.uk')
    const ryv = await prisma.submission.findUniqueOrThrow({
      where: { reference: 'LKS-2627-RYV' },
      select: { id: true },
    })
    let context = await loadSubmissionContext(lead, ryv.id, 'validation:assign')
    const deadline = new Date('2027-03-31T00:00:00Z')
    expect(await dueDateOffer(context, FIRST_OF_DECEMBER)).toEqual({
      validationDeadline: deadline,
      suggested: deadline,
    })
    // Once the deadline has passed, nothing is offered: the lead chooses a new date.
    expect(await dueDateOffer(context, new Date('2027-04-01T09:00:00Z'))).toEqual({
      validationDeadline: deadline,
      suggested: null,
    })

    const chosen = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 1, 26))
    expect(
      await assignValidators({
        actor: lead,
        context,
        primaryId: await userId('priya.shah@demo.nhs.uk'),
        secondaryId: await userId('fiona.campbell@demo.nhs.uk'),
        dueDate: chosen,
        ipAddress: '',
      }),
    ).toEqual({ ok: true })
    context = await loadSubmissionContext(lead, ryv.id, 'validation:assign')
    expect((await dueDateOffer(context, FIRST_OF_DECEMBER)).suggested).toEqual(chosen)

    // Fiona now has work: her home page lists it.
    const fiona = await getHome(await actorFor('fiona.campbell@demo.nhs.uk'), FIRST_OF_DECEMBER)
    expect(references(fiona.validation!.open)).toEqual(['LKS-2627-RYV'])
    expect(fiona.validation!.counts).toMatchObject({ open: 1, overdue: 0 })
  })
})
