// The service's home page as a to-do list: what each person sees of the demo data, scoped to the
// submissions they may act on, with the deadline, progress and next step; and the late rule.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { getHome } from '~/modules/home/home.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { recordSponsorDecision, submit } from '~/modules/submissions/workflow.server'
import { actorFor, backToAwaitingSignOff } from '../factories'

const RIBBLE = 'Ribble Valley Library and Knowledge Service'
const FIRST_OF_DECEMBER = new Date('2026-12-01T10:00:00Z')

beforeAll(async () => {
  await useDemoData()
})

afterEach(() => {
  vi.useRealTimers()
})

const summary = (item: {
  reference: string
  deadline: { text: string } | null
  progress: { text: string } | null
  nextStep: { action: { label: string } | null }
}) => [item.reference, item.deadline?.text ?? null, item.progress?.text ?? null, item.nextStep.action?.label ?? null]

describe('the service lead’s to-do list', () => {
  it('lists the open cycle first, with the deadline, progress and next step, then past cycles', async () => {
    const home = await getHome(await actorFor('lead@demo.nhs.uk'), FIRST_OF_DECEMBER)
    expect(home.services.map((s) => s.name)).toEqual([RIBBLE])
    const [ribble] = home.services
    expect(ribble!.toDo.map(summary)).toEqual([
      ['LKS-2627-RWV', 'Due 29 January 2027, in 59 days', '0 of 8 sections completed', 'Continue'],
      ['LKS-2627-RXV', 'Due 29 January 2027, in 59 days', '2 of 8 sections completed', 'Continue'],
      ['LKS-2627-RYV', null, null, null],
      ['LKS-2122-RXV', null, null, 'Update your development plan'],
      ['LKS-2122-RYV', null, null, 'Update your development plan'],
    ])
    expect(ribble!.toDo.find((i) => i.reference === 'LKS-2627-RYV')?.nextStep.summary).toBe(
      'Submitted: waiting for the regional team to assign validators.',
    )
    // The baseline of Ribble Valley Mental Health is done with and was sent late.
    expect(ribble!.past.map((i) => [i.reference, i.isLate])).toEqual([['LKS-2122-RWV', true]])
  })

  it('shows an overdue deadline once the deadline day has passed in London', async () => {
    const home = await getHome(await actorFor('lead@demo.nhs.uk'), new Date('2027-02-01T09:00:00Z'))
    const item = home.services[0]!.toDo.find((i) => i.reference === 'LKS-2627-RXV')!
    expect(item.deadline).toEqual({ text: 'Overdue: the deadline was 29 January 2027, 3 days ago', overdue: true })
    const onTheDay = await getHome(await actorFor('lead@demo.nhs.uk'), new Date('2027-01-29T22:30:00Z'))
    expect(onTheDay.services[0]!.toDo.find((i) => i.reference === 'LKS-2627-RXV')!.deadline).toEqual({
      text: 'Due today, 29 January 2027',
      overdue: false,
    })
  })
})

describe('scoping', () => {
  it('lists exactly the submissions of the person’s own library service', async () => {
    const ribble = await prisma.submission.findMany({
      where: { libraryService: { name: RIBBLE } },
      select: { reference: true },
    })
    for (const email of ['lead@demo.nhs.uk', 'contributor@demo.nhs.uk']) {
      const home = await getHome(await actorFor(email), FIRST_OF_DECEMBER)
      const listed = home.services.flatMap((s) => [...s.toDo, ...s.past].map((i) => i.reference))
      expect(listed.sort()).toEqual(ribble.map((s) => s.reference).sort())
    }
    const thameside = await getHome(await actorFor('mark.lewis@demo.nhs.uk'), FIRST_OF_DECEMBER)
    const listed = thameside.services.flatMap((s) => [...s.toDo, ...s.past].map((i) => i.reference))
    expect(listed.length).toBeGreaterThan(0)
    expect(listed.filter((reference) => ribble.some((s) => s.reference === reference))).toEqual([])
  })

  it('gives people outside the service team no service to-do list', async () => {
    for (const email of ['sponsor@demo.nhs.uk', 'validator@demo.nhs.uk', 'regional.lead@demo.nhs.uk']) {
      expect((await getHome(await actorFor(email), FIRST_OF_DECEMBER)).services).toEqual([])
    }
  })

  it('offers the contributor the same steps except sending and submitting', async () => {
    const home = await getHome(await actorFor('contributor@demo.nhs.uk'), FIRST_OF_DECEMBER)
    expect(home.services[0]!.toDo.map(summary)).toEqual(
      (await getHome(await actorFor('lead@demo.nhs.uk'), FIRST_OF_DECEMBER)).services[0]!.toDo.map(summary),
    )
  })
})

describe('the executive sponsor’s to-do list', () => {
  it('has Review and sign off on a submission sent to them, and nothing to press once it is signed off', async () => {
    await backToAwaitingSignOff('LKS-2627-RYV')
    const sponsor = await actorFor('sponsor.ryv@demo.nhs.uk')
    let home = await getHome(sponsor, FIRST_OF_DECEMBER)
    expect(home.sponsorOrganisations.map((o) => o.odsCode)).toEqual(['RYV'])
    const item = () => home.sponsorOrganisations[0]!.toDo.find((i) => i.reference === 'LKS-2627-RYV')!
    expect(summary(item())).toEqual([
      'LKS-2627-RYV',
      'Due 29 January 2027, in 59 days',
      '7 of 8 sections completed',
      'Review and sign off',
    ])
    expect(item().nextStep.action?.path).toBe('sign-off')

    const { id } = await prisma.submission.findUniqueOrThrow({
      where: { reference: 'LKS-2627-RYV' },
      select: { id: true },
    })
    await recordSponsorDecision({
      actor: sponsor,
      context: await loadSubmissionContext(sponsor, id, 'submission:sign-off'),
      decision: 'SIGNED_OFF',
      signerName: 'Dr Helen Ward',
      signerRole: 'Medical Director',
      reason: '',
      ipAddress: '',
    })
    home = await getHome(sponsor, FIRST_OF_DECEMBER)
    expect(item().nextStep).toEqual({ action: null, summary: 'Signed off: your service lead can now submit it.' })
    expect(item().signOff).toMatchObject({ signerName: 'Dr Helen Ward' })
  })

  it('lists the sponsor’s published baseline result under past cycles', async () => {
    const home = await getHome(await actorFor('sponsor@demo.nhs.uk'), FIRST_OF_DECEMBER)
    const [teaching] = home.sponsorOrganisations
    expect(teaching!.toDo.map(summary)).toEqual([
      ['LKS-2627-RXV', 'Due 29 January 2027, in 59 days', '2 of 8 sections completed', null],
    ])
    expect(teaching!.past.map((i) => [i.reference, i.nextStep.action?.label])).toEqual([
      ['LKS-2122-RXV', 'Read your result'],
    ])
  })
})

describe('the late rule', () => {
  async function signedOff(reference: string) {
    await backToAwaitingSignOff(reference)
    const sponsor = await actorFor('sponsor.ryv@demo.nhs.uk')
    const { id } = await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })
    expect(
      await recordSponsorDecision({
        actor: sponsor,
        context: await loadSubmissionContext(sponsor, id, 'submission:sign-off'),
        decision: 'SIGNED_OFF',
        signerName: 'Dr Helen Ward',
        signerRole: 'Medical Director',
        reason: '',
        ipAddress: '',
      }),
    ).toEqual({ ok: true })
    return id
  }

  it('takes a submission sent on the deadline day in London as on time, and one sent the next day as late', async () => {
    const lead = await actorFor('lead@demo.nhs.uk')
    vi.useFakeTimers({ now: new Date('2027-01-29T16:00:00Z'), toFake: ['Date'] })
    let id = await signedOff('LKS-2627-RYV')
    expect(await submit({ actor: lead, context: await loadSubmissionContext(lead, id), ipAddress: '' })).toEqual({
      ok: true,
    })
    expect(await prisma.submission.findUniqueOrThrow({ where: { id }, select: { isLate: true } })).toEqual({
      isLate: false,
    })

    // 00:30 on 30 January in London.
    vi.setSystemTime(new Date('2027-01-30T00:30:00Z'))
    id = await signedOff('LKS-2627-RYV')
    expect(await submit({ actor: lead, context: await loadSubmissionContext(lead, id), ipAddress: '' })).toEqual({
      ok: true,
    })
    expect(await prisma.submission.findUniqueOrThrow({ where: { id }, select: { isLate: true } })).toEqual({
      isLate: true,
    })
    const home = await getHome(lead, new Date('2027-01-30T09:00:00Z'))
    expect(home.services[0]!.toDo.find((i) => i.id === id)).toMatchObject({ isLate: true, deadline: null })
  })
})
