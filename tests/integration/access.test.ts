// Every demo role against every record of the demo data: what each may reach, and that a changed
// id in a URL reaches nothing more. Runs against a real SQLite file seeded as `npm start` seeds it.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { seedDemoData } from '../../prisma/seed'
import { getSubmissionOverview } from '~/modules/submissions/submission.server'
import { getOrganisationForUser, getRegionForUser } from '~/modules/organisations/organisation.server'
import { getCycleForUser } from '~/modules/cycles/cycle.server'
import { getHome } from '~/modules/home/home.server'
import { actorFor } from '../factories'

type SubmissionFacts = {
  id: string
  reference: string
  service: string
  odsCode: string
  region: string
  status: string
  validators: string[]
}

let submissions: SubmissionFacts[] = []
let organisations: Array<{ id: string; odsCode: string; region: string; services: string[] }> = []
let regions: Array<{ id: string; name: string }> = []

const RIBBLE = 'Ribble Valley Library and Knowledge Service'

// Who should see a submission, written from domain.md §4 rather than from the permissions code.
const SEES_SUBMISSION: Record<string, (s: SubmissionFacts) => boolean> = {
  'contributor@demo.nhs.uk': (s) => s.service === RIBBLE,
  'lead@demo.nhs.uk': (s) => s.service === RIBBLE,
  'sponsor@demo.nhs.uk': (s) => s.odsCode === 'RXV',
  'validator@demo.nhs.uk': (s) => s.validators.includes('validator@demo.nhs.uk'),
  'regional.lead@demo.nhs.uk': (s) => s.region === 'North West',
  'admin@demo.nhs.uk': () => true,
  'viewer@demo.nhs.uk': () => true,
}

beforeAll(async () => {
  expect(await seedDemoData(prisma)).toEqual({ seeded: true })
  submissions = (
    await prisma.submission.findMany({
      select: {
        id: true,
        reference: true,
        status: true,
        libraryService: { select: { name: true } },
        organisation: { select: { odsCode: true } },
        region: { select: { name: true } },
        validatorAssignments: { select: { validator: { select: { email: true } } } },
      },
    })
  ).map((s) => ({
    id: s.id,
    reference: s.reference,
    status: s.status,
    service: s.libraryService.name,
    odsCode: s.organisation.odsCode,
    region: s.region.name,
    validators: s.validatorAssignments.map((a) => a.validator.email),
  }))
  organisations = (
    await prisma.organisation.findMany({
      select: {
        id: true,
        odsCode: true,
        region: { select: { name: true } },
        services: { select: { libraryService: { select: { name: true } } } },
      },
    })
  ).map((o) => ({
    id: o.id,
    odsCode: o.odsCode,
    region: o.region.name,
    services: o.services.map((s) => s.libraryService.name),
  }))
  regions = await prisma.region.findMany({ select: { id: true, name: true } })
})

describe('demo data', () => {
  it('has the shape the issue asks for', async () => {
    expect(await prisma.region.count()).toBe(7)
    expect(await prisma.organisation.count()).toBeGreaterThanOrEqual(12)
    expect(new Set(organisations.map((o) => o.region)).size).toBeGreaterThanOrEqual(4)
    expect(await prisma.libraryService.count()).toBe(5)
    expect(organisations.filter((o) => o.services.includes(RIBBLE))).toHaveLength(3)
    const baseline = submissions.filter((s) => s.reference.startsWith('LKS-2122-'))
    expect(baseline.every((s) => s.status === 'PUBLISHED')).toBe(true)
    expect(baseline.length).toBeGreaterThan(organisations.length / 2)
    const current = submissions.filter((s) => s.reference.startsWith('LKS-2627-'))
    expect(new Set(current.map((s) => s.status)).size).toBeGreaterThanOrEqual(4)
    expect(await prisma.outcome.count({ where: { edition: { code: '2019' } } })).toBe(6)
    expect(await prisma.outcome.count({ where: { edition: { code: '2022' } } })).toBe(6)
  })

  it('gives every validated outcome below the minimum level a required action', async () => {
    const below = await prisma.agreedResult.findMany({
      where: { level: { lt: 2 } },
      select: { _count: { select: { requiredActions: true } } },
    })
    expect(below.length).toBeGreaterThan(0)
    for (const result of below) expect(result._count.requiredActions).toBeGreaterThanOrEqual(1)
  })

  it('lets every seeded person sign in with the demo password', async () => {
    expect(await prisma.user.count({ where: { passwordHash: null } })).toBe(0)
  })

  it('gives the North West regional lead one submission to assign and one to moderate', async () => {
    const northWest = submissions.filter((s) => s.region === 'North West' && s.reference.startsWith('LKS-2627-'))
    expect(northWest.filter((s) => s.status === 'SUBMITTED' && s.validators.length === 0)).toHaveLength(1)
    const moderation = northWest.filter((s) => s.status === 'IN_MODERATION')
    expect(moderation).toHaveLength(1)
    // Some outcomes are already agreed by the primary validator; the others wait for the regional lead.
    const agreed = await prisma.agreedResult.count({ where: { submissionId: moderation[0]!.id } })
    expect(agreed).toBeGreaterThan(0)
    expect(agreed).toBeLessThan(6)
  })

  it('fills the demo evidence library with real files linked to outcomes with pointers', async () => {
    const items = await prisma.evidenceItem.findMany({
      where: { libraryService: { name: RIBBLE } },
      select: {
        files: { select: { versions: { select: { mimeType: true, storageKey: true, sizeBytes: true } } } },
        links: { select: { pointer: true } },
      },
    })
    expect(items.length).toBeGreaterThanOrEqual(10)
    const versions = items.flatMap((i) => i.files.flatMap((f) => f.versions))
    expect(new Set(versions.map((v) => v.mimeType))).toEqual(
      new Set([
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'image/png',
      ]),
    )
    for (const version of versions) {
      const stored = await stat(path.join(process.env.UPLOAD_DIR!, ...version.storageKey.split('/')))
      expect(stored.size).toBe(version.sizeBytes)
    }
    expect(items.flatMap((i) => i.links).filter((l) => /^page \d+$/.test(l.pointer)).length).toBeGreaterThan(3)
  })

  it('gives the baseline pen portraits and evidence links to copy forward', async () => {
    const baseline = await prisma.submission.findUniqueOrThrow({
      where: { reference: 'LKS-2122-RXV' },
      select: {
        penPortrait: { select: { staffPosts: { select: { id: true } }, documents: { select: { kind: true } } } },
        outcomeResponses: { select: { links: { select: { id: true } } } },
      },
    })
    expect(baseline.penPortrait?.staffPosts.length).toBeGreaterThan(0)
    expect(baseline.penPortrait?.documents.map((d) => d.kind).sort()).toEqual([
      'ANNUAL_REPORT',
      'SERVICE_LEVEL_AGREEMENT',
      'STRATEGY',
    ])
    expect(baseline.outcomeResponses.flatMap((r) => r.links).length).toBeGreaterThanOrEqual(6)
  })

  it('loads only once', async () => {
    const users = await prisma.user.count()
    expect(await seedDemoData(prisma)).toEqual({ seeded: false })
    expect(await prisma.user.count()).toBe(users)
  })
})

describe.each(Object.keys(SEES_SUBMISSION))('%s', (email) => {
  it('reaches exactly the submissions the role allows, by id', async () => {
    const actor = await actorFor(email)
    const expected = submissions
      .filter(SEES_SUBMISSION[email]!)
      .map((s) => s.reference)
      .sort()
    const reached: string[] = []
    for (const s of submissions) {
      const overview = await getSubmissionOverview(actor, s.id)
      if (overview) reached.push(overview.reference)
    }
    expect(reached.sort()).toEqual(expected)
    expect(reached.length).toBeGreaterThan(0)
  })

  it('lists on the cycle pages only what it may reach', async () => {
    const actor = await actorFor(email)
    const cycles = await prisma.cycle.findMany({ select: { id: true } })
    const listed = (await Promise.all(cycles.map((c) => getCycleForUser(actor, c.id)))).flatMap(
      (c) => c?.submissions.map((s) => s.id) ?? [],
    )
    const expected = submissions.filter(SEES_SUBMISSION[email]!).map((s) => s.id)
    expect(listed.sort()).toEqual(expected.sort())
  })

  it('finds nothing for an id that does not exist', async () => {
    const actor = await actorFor(email)
    expect(await getSubmissionOverview(actor, 'does-not-exist')).toBeNull()
    expect(await getOrganisationForUser(actor, 'does-not-exist')).toBeNull()
    expect(await getRegionForUser(actor, 'does-not-exist')).toBeNull()
  })
})

describe('organisations and regions', () => {
  const orgCodesSeenBy = async (email: string) => {
    const actor = await actorFor(email)
    const seen: string[] = []
    for (const o of organisations) if (await getOrganisationForUser(actor, o.id)) seen.push(o.odsCode)
    return seen.sort()
  }
  const regionsSeenBy = async (email: string) => {
    const actor = await actorFor(email)
    const seen: string[] = []
    for (const r of regions) if (await getRegionForUser(actor, r.id)) seen.push(r.name)
    return seen.sort()
  }

  it('shows a service its own organisations, a sponsor theirs, a regional lead their region', async () => {
    expect(await orgCodesSeenBy('lead@demo.nhs.uk')).toEqual(['RWV', 'RXV', 'RYV'])
    expect(await orgCodesSeenBy('contributor@demo.nhs.uk')).toEqual(['RWV', 'RXV', 'RYV'])
    expect(await orgCodesSeenBy('sponsor@demo.nhs.uk')).toEqual(['RXV'])
    expect(await orgCodesSeenBy('validator@demo.nhs.uk')).toEqual([])
    expect(await orgCodesSeenBy('regional.lead@demo.nhs.uk')).toEqual(
      organisations
        .filter((o) => o.region === 'North West')
        .map((o) => o.odsCode)
        .sort(),
    )
    expect(await orgCodesSeenBy('viewer@demo.nhs.uk')).toHaveLength(organisations.length)
  })

  it('opens a region page only to its regional lead and the national roles', async () => {
    expect(await regionsSeenBy('regional.lead@demo.nhs.uk')).toEqual(['North West'])
    expect(await regionsSeenBy('lead@demo.nhs.uk')).toEqual([])
    expect(await regionsSeenBy('validator@demo.nhs.uk')).toEqual([])
    expect(await regionsSeenBy('admin@demo.nhs.uk')).toHaveLength(7)
    expect(await regionsSeenBy('viewer@demo.nhs.uk')).toHaveLength(7)
  })

  it('lists only reachable submissions inside a region or organisation page', async () => {
    const sponsor = await actorFor('sponsor@demo.nhs.uk')
    const rxv = organisations.find((o) => o.odsCode === 'RXV')!
    const page = await getOrganisationForUser(sponsor, rxv.id)
    expect(page?.submissions.map((s) => s.reference).sort()).toEqual(['LKS-2122-RXV', 'LKS-2627-RXV'])
  })
})

describe('results', () => {
  it('shows the service its agreed grades only once published', async () => {
    const sponsor = await actorFor('sponsor@demo.nhs.uk')
    const published = submissions.find((s) => s.reference === 'LKS-2122-RXV')!
    const open = submissions.find((s) => s.reference === 'LKS-2627-RXV')!
    const publishedView = await getSubmissionOverview(sponsor, published.id)
    expect(publishedView?.showResults).toBe(true)
    expect(publishedView?.outcomes.every((o) => o.agreedGrade !== null)).toBe(true)
    expect((await getSubmissionOverview(sponsor, open.id))?.showResults).toBe(false)
  })
})

describe('home pages', () => {
  it('lists for each role the real records it can reach', async () => {
    const lead = await getHome(await actorFor('lead@demo.nhs.uk'))
    expect(lead.services.map((s) => s.name)).toEqual([RIBBLE])
    const ribble = lead.services[0]!
    expect(new Set([...ribble.toDo, ...ribble.past].map((i) => i.organisation.name)).size).toBe(3)
    expect(lead.validation).toBeNull()
    expect(lead.regions).toEqual([])
    expect(lead.national).toBeNull()
    // The open 2026/27 service improvement review's plans, not the published 2024/25 ones.
    expect(lead.plans.map((p) => [p.reference, p.cycle.name, p.status])).toEqual([
      ['SIP-2627-RWV', '2026/27 service improvement review', 'NOT_STARTED'],
      ['SIP-2627-RXV', '2026/27 service improvement review', 'NOT_STARTED'],
    ])

    const sponsor = await getHome(await actorFor('sponsor@demo.nhs.uk'))
    expect(sponsor.sponsorOrganisations.map((o) => o.odsCode)).toEqual(['RXV'])
    expect(sponsor.services).toEqual([])
    expect(sponsor.plans.map((p) => p.reference)).toEqual(['SIP-2627-RXV'])

    const validator = await getHome(await actorFor('validator@demo.nhs.uk'))
    const assigned = submissions.filter((s) => s.validators.includes('validator@demo.nhs.uk'))
    const queue = validator.validation!
    expect([...queue.open, ...queue.completed].map((a) => a.submission.reference).sort()).toEqual(
      assigned.map((s) => s.reference).sort(),
    )

    const regional = await getHome(await actorFor('regional.lead@demo.nhs.uk'))
    expect(regional.regions.map((r) => r.name)).toEqual(['North West'])
    expect(regional.regions[0]!.submissions.every((s) => s.reference.startsWith('LKS-2627-'))).toBe(true)
    expect(regional.national).toBeNull()
    expect(regional.plans.map((p) => [p.reference, p.needsReviewer])).toEqual([
      ['SIP-2627-RWV', false],
      ['SIP-2627-RXV', false],
    ])
    expect((await getHome(await actorFor('validator@demo.nhs.uk'))).plans).toEqual([])

    const viewer = await getHome(await actorFor('viewer@demo.nhs.uk'))
    expect(viewer.national?.cycles.map((c) => c.name)).toEqual([
      '2026/27',
      '2026/27 service improvement review',
      '2024/25 service improvement review',
      '2021/22 baseline',
    ])
    expect(viewer.national?.regions).toHaveLength(7)
    expect(viewer.plans).toEqual([])
    expect(viewer.national?.cycles.find((c) => c.name === '2021/22 baseline')).toMatchObject({ total: 8, published: 8 })
  })
})
