// Demo data: the framework, regions, organisations, library services, two cycles and one account
// per role. Idempotent: it does nothing when the database already has users, so `npm start` can
// call it on every start. Run by scripts/prepare-database.mjs, or `npm run db:seed`.
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '../app/generated/prisma/client'
import { hashPassword } from '../app/modules/auth/password.server'
import { encryptTotpSecret } from '../app/modules/auth/totp-secret.server'
import { gradeToSteps, stepsToGrade, type Grade } from '../app/modules/framework/grading'
import { createPlans } from '../app/modules/improvement/open.server'
import {
  createEdition,
  demoNarrative,
  gradeColumns,
  gradeNear,
  randomSource,
  statusesForGrade,
  suggestedFor,
  type EditionShape,
  type Random,
  type Tx,
} from './seed-lib'
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './demo-credentials'
import { DEMO_EVIDENCE } from './seed-data/evidence'
import { EDITION_2019, EDITION_2022 } from './seed-data/framework-content'

const SEED_FILES = path.join(import.meta.dirname, 'seed-data', 'files')

export { DEMO_PASSWORD }
// Demo national admins and regional leads come with two-step verification set up (demo-credentials.ts).
const TWO_STEP_DEMO_ROLES = new Set(['NATIONAL_ADMIN', 'REGIONAL_LEAD'])

const REGIONS = [
  { code: 'Y61', name: 'East of England' },
  { code: 'Y56', name: 'London' },
  { code: 'Y60', name: 'Midlands' },
  { code: 'Y63', name: 'North East and Yorkshire' },
  { code: 'Y62', name: 'North West' },
  { code: 'Y59', name: 'South East' },
  { code: 'Y58', name: 'South West' },
] as const
type RegionName = (typeof REGIONS)[number]['name']

// Fictional organisations with ODS-style codes: demo grades must never be mistaken for a real trust's.
const ORGANISATIONS = [
  {
    odsCode: 'RXV',
    name: 'Ribble Valley Teaching Hospitals NHS Foundation Trust',
    type: 'ACUTE_TRUST',
    region: 'North West',
  },
  {
    odsCode: 'RWV',
    name: 'Ribble Valley Mental Health NHS Foundation Trust',
    type: 'MENTAL_HEALTH_TRUST',
    region: 'North West',
  },
  {
    odsCode: 'RYV',
    name: 'Ribble and Fylde Community Health NHS Trust',
    type: 'COMMUNITY_TRUST',
    region: 'North West',
  },
  { odsCode: 'RTH', name: 'Thameside University Hospitals NHS Trust', type: 'ACUTE_TRUST', region: 'London' },
  { odsCode: 'RKQ', name: 'Kingsmere Partnership NHS Foundation Trust', type: 'MENTAL_HEALTH_TRUST', region: 'London' },
  {
    odsCode: 'RWK',
    name: 'Weald and Downs Ambulance Service NHS Foundation Trust',
    type: 'AMBULANCE_TRUST',
    region: 'South East',
  },
  { odsCode: 'RSV', name: 'Severn Vale Hospitals NHS Trust', type: 'ACUTE_TRUST', region: 'Midlands' },
  { odsCode: 'QAF', name: 'NHS Arden Forest Integrated Care Board', type: 'INTEGRATED_CARE_BOARD', region: 'Midlands' },
  { odsCode: 'RTM', name: 'Tamar and Moor NHS Foundation Trust', type: 'ACUTE_TRUST', region: 'South West' },
  { odsCode: 'RQX', name: 'Exe Estuary Community Healthcare NHS Trust', type: 'COMMUNITY_TRUST', region: 'South West' },
  {
    odsCode: 'RDH',
    name: 'Dales and Humber Teaching Hospitals NHS Foundation Trust',
    type: 'ACUTE_TRUST',
    region: 'North East and Yorkshire',
  },
  {
    odsCode: 'RFN',
    name: 'Fenland and Ouse University Hospitals NHS Foundation Trust',
    type: 'ACUTE_TRUST',
    region: 'East of England',
  },
  // Added after the baseline: it takes part in 2026/27 only, where it waits for moderation.
  { odsCode: 'RPM', name: 'Pendle Moor Hospitals NHS Trust', type: 'ACUTE_TRUST', region: 'North West' },
] as const satisfies ReadonlyArray<{ odsCode: string; name: string; type: string; region: RegionName }>
type OdsCode = (typeof ORGANISATIONS)[number]['odsCode']

const SERVICES = [
  { name: 'Ribble Valley Library and Knowledge Service', serves: ['RXV', 'RWV', 'RYV'] },
  { name: 'Thameside Healthcare Library', serves: ['RTH', 'RKQ', 'RWK'] },
  { name: 'Severn and Arden Knowledge Service', serves: ['RSV', 'QAF'] },
  { name: 'Tamar Health Libraries', serves: ['RTM', 'RQX'] },
  { name: 'Pendle Moor Knowledge and Library Service', serves: ['RPM'] },
] as const satisfies ReadonlyArray<{ name: string; serves: readonly OdsCode[] }>

type DemoUser = {
  email: string
  name: string
  jobTitle: string
  roles: Array<{ role: string; service?: string; organisation?: OdsCode; region?: RegionName }>
}

const USERS: DemoUser[] = [
  {
    email: 'contributor@demo.nhs.uk',
    name: 'Sam Okafor',
    jobTitle: 'Clinical Librarian',
    roles: [{ role: 'SERVICE_CONTRIBUTOR', service: 'Ribble Valley Library and Knowledge Service' }],
  },
  {
    email: 'lead@demo.nhs.uk',
    name: 'Zoë Hartley',
    jobTitle: 'Head of Library and Knowledge Services',
    roles: [{ role: 'SERVICE_LEAD', service: 'Ribble Valley Library and Knowledge Service' }],
  },
  {
    email: 'sponsor@demo.nhs.uk',
    name: 'Dr Aisha Rahman',
    jobTitle: 'Chief Medical Officer',
    roles: [{ role: 'EXECUTIVE_SPONSOR', organisation: 'RXV' }],
  },
  {
    email: 'validator@demo.nhs.uk',
    name: 'Łukasz Nowak',
    jobTitle: 'Knowledge Services Manager',
    roles: [{ role: 'VALIDATOR', region: 'London' }],
  },
  {
    email: 'regional.lead@demo.nhs.uk',
    name: 'Gareth Pryce',
    jobTitle: 'Regional Library and Knowledge Services Lead',
    roles: [{ role: 'REGIONAL_LEAD', region: 'North West' }],
  },
  {
    email: 'admin@demo.nhs.uk',
    name: 'Helen Marsh',
    jobTitle: 'Knowledge for Healthcare Programme Manager',
    roles: [{ role: 'NATIONAL_ADMIN' }],
  },
  {
    email: 'viewer@demo.nhs.uk',
    name: 'Tom Achebe',
    jobTitle: 'Head of Knowledge and Library Services Policy',
    roles: [{ role: 'NATIONAL_VIEWER' }],
  },
  // Everyone else the demo data needs. They sign in with the demo password too, so every journey
  // (a second validator, another region's lead, another service) can be tried.
  {
    email: 'priya.shah@demo.nhs.uk',
    name: 'Priya Shah',
    jobTitle: 'Library Services Manager',
    roles: [{ role: 'VALIDATOR', region: 'North West' }],
  },
  {
    email: 'owen.griffiths@demo.nhs.uk',
    name: 'Owen Griffiths',
    jobTitle: 'Knowledge Manager',
    roles: [{ role: 'VALIDATOR', region: 'Midlands' }],
  },
  {
    email: 'fiona.campbell@demo.nhs.uk',
    name: 'Fiona Campbell',
    jobTitle: 'Clinical Librarian',
    roles: [{ role: 'VALIDATOR', region: 'South West' }],
  },
  {
    email: 'rachel.osei@demo.nhs.uk',
    name: 'Rachel Osei',
    jobTitle: 'Regional Library and Knowledge Services Lead',
    roles: [{ role: 'REGIONAL_LEAD', region: 'London' }],
  },
  {
    email: 'david.evans@demo.nhs.uk',
    name: 'David Evans',
    jobTitle: 'Regional Library and Knowledge Services Lead',
    roles: [
      { role: 'REGIONAL_LEAD', region: 'Midlands' },
      { role: 'REGIONAL_LEAD', region: 'South West' },
      { role: 'REGIONAL_LEAD', region: 'South East' },
    ],
  },
  {
    email: 'mark.lewis@demo.nhs.uk',
    name: 'Mark Lewis',
    jobTitle: 'Library Manager',
    roles: [{ role: 'SERVICE_LEAD', service: 'Thameside Healthcare Library' }],
  },
  {
    email: 'anna.bright@demo.nhs.uk',
    name: 'Anna Bright',
    jobTitle: 'Knowledge Services Lead',
    roles: [{ role: 'SERVICE_LEAD', service: 'Severn and Arden Knowledge Service' }],
  },
  {
    email: 'jo.penrose@demo.nhs.uk',
    name: 'Jo Penrose',
    jobTitle: 'Library Services Manager',
    roles: [{ role: 'SERVICE_LEAD', service: 'Tamar Health Libraries' }],
  },
  {
    email: 'nia.roberts@demo.nhs.uk',
    name: 'Nia Roberts',
    jobTitle: 'Library and Knowledge Services Manager',
    roles: [{ role: 'SERVICE_LEAD', service: 'Pendle Moor Knowledge and Library Service' }],
  },
  {
    email: 'kate.holt@demo.nhs.uk',
    name: 'Kate Holt',
    jobTitle: 'Director of Workforce',
    roles: [{ role: 'EXECUTIVE_SPONSOR', organisation: 'RWV' }],
  },
]

type Ids = {
  regions: Map<string, string>
  organisations: Map<OdsCode, { id: string; regionId: string; name: string }>
  services: Map<string, string>
  serviceOf: Map<OdsCode, string>
  users: Map<string, string>
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`)

async function createPlaces(tx: Tx): Promise<Omit<Ids, 'users'>> {
  const regions = new Map<string, string>()
  for (const region of REGIONS) {
    const row = await tx.region.create({ data: { ...region, validFrom: d('2022-07-01') }, select: { id: true } })
    regions.set(region.name, row.id)
  }
  const organisations: Ids['organisations'] = new Map()
  for (const org of ORGANISATIONS) {
    const regionId = regions.get(org.region)!
    const row = await tx.organisation.create({
      data: { odsCode: org.odsCode, name: org.name, type: org.type, regionId, activeFrom: d('2015-04-01') },
      select: { id: true },
    })
    organisations.set(org.odsCode, { id: row.id, regionId, name: org.name })
  }
  const services = new Map<string, string>()
  const serviceOf = new Map<OdsCode, string>()
  for (const service of SERVICES) {
    const row = await tx.libraryService.create({
      data: {
        name: service.name,
        organisations: {
          create: service.serves.map((code) => ({
            organisationId: organisations.get(code)!.id,
            servesFrom: d('2019-04-01'),
          })),
        },
      },
      select: { id: true },
    })
    services.set(service.name, row.id)
    for (const code of service.serves) serviceOf.set(code, row.id)
  }
  return { regions, organisations, services, serviceOf }
}

async function createUsers(tx: Tx, places: Omit<Ids, 'users'>, passwordHash: string): Promise<Map<string, string>> {
  const users = new Map<string, string>()
  for (const user of USERS) {
    const row = await tx.user.create({
      data: {
        email: user.email,
        name: user.name,
        jobTitle: user.jobTitle,
        passwordHash,
        ...(user.roles.some((r) => TWO_STEP_DEMO_ROLES.has(r.role)) ? { totpEnabledAt: new Date() } : {}),
        roles: {
          create: user.roles.map((r) => ({
            role: r.role,
            libraryServiceId: r.service ? places.services.get(r.service)! : null,
            organisationId: r.organisation ? places.organisations.get(r.organisation)!.id : null,
            regionId: r.region ? places.regions.get(r.region)! : null,
          })),
        },
      },
      select: { id: true },
    })
    // The key is encrypted for its person (their id), so it is written once the row exists.
    if (user.roles.some((r) => TWO_STEP_DEMO_ROLES.has(r.role)))
      await tx.user.update({
        where: { id: row.id },
        data: { totpSecret: encryptTotpSecret(row.id, DEMO_TOTP_SECRET) },
        select: { id: true },
      })
    users.set(user.email, row.id)
  }
  // Every other organisation with a library service gets an executive sponsor of its own.
  for (const org of ORGANISATIONS) {
    if (!places.serviceOf.has(org.odsCode)) continue
    if (USERS.some((u) => u.roles.some((r) => r.role === 'EXECUTIVE_SPONSOR' && r.organisation === org.odsCode)))
      continue
    const email = `sponsor.${org.odsCode.toLowerCase()}@demo.nhs.uk`
    const row = await tx.user.create({
      data: {
        email,
        name: `Executive sponsor, ${org.odsCode}`,
        jobTitle: 'Director of Education',
        passwordHash,
        roles: { create: [{ role: 'EXECUTIVE_SPONSOR', organisationId: places.organisations.get(org.odsCode)!.id }] },
      },
      select: { id: true },
    })
    users.set(email, row.id)
  }
  return users
}

async function sponsorOf(tx: Tx, organisationId: string) {
  const grant = await tx.roleAssignment.findFirstOrThrow({
    where: { role: 'EXECUTIVE_SPONSOR', organisationId },
    select: { user: { select: { id: true, name: true, jobTitle: true } } },
  })
  return grant.user
}

// Service improvement review (issue 18): the baseline's development plans have open items, and a
// closed 2024/25 service improvement review holds published reviews of plans made from them.
async function createImprovementDemo(
  tx: Tx,
  edition: EditionShape,
  input: { reviewers: Record<string, string>; regionalLead: string; leadOf: (code: OdsCode) => string },
) {
  const outcomes = await tx.outcome.findMany({
    where: { editionId: edition.id },
    orderBy: { number: 'asc' },
    select: { id: true, number: true },
  })
  const baseline = await tx.submission.findMany({
    where: { reference: { startsWith: 'LKS-2122-' }, status: 'PUBLISHED' },
    orderBy: { reference: 'asc' },
    select: {
      id: true,
      organisationId: true,
      regionId: true,
      libraryServiceId: true,
      organisation: { select: { odsCode: true } },
      agreedResults: { select: { outcomeId: true, level: true, subLevel: true, gradeSteps: true } },
    },
  })
  const outcome = (n: number) => outcomes.find((o) => o.number === n)!
  for (const submission of baseline) {
    await tx.developmentPlanItem.createMany({
      data: [
        {
          submissionId: submission.id,
          outcomeId: outcome(2).id,
          action: 'Run evidence search training for ward managers',
          owner: 'Clinical Librarian',
          dueDate: d('2027-06-30'),
          status: 'IN_PROGRESS',
          progressNotes: 'Two of six sessions held.',
        },
        {
          submissionId: submission.id,
          outcomeId: outcome(2).id,
          action: 'Publish monthly evidence summaries on the intranet',
          owner: 'Head of Library and Knowledge Services',
          dueDate: d('2027-12-31'),
        },
        {
          submissionId: submission.id,
          outcomeId: outcome(6).id,
          action: 'Collect impact case studies from three directorates',
          owner: 'Outreach Librarian',
          dueDate: d('2024-03-31'),
          status: 'COMPLETE',
          progressNotes: 'Done and shared with the board.',
        },
      ],
    })
  }
  const cycle = await tx.cycle.create({
    data: {
      name: '2024/25 service improvement review',
      type: 'SERVICE_IMPROVEMENT_REVIEW',
      status: 'CLOSED',
      editionId: edition.id,
      evidencePeriodStart: d('2023-04-01'),
      evidencePeriodEnd: d('2024-03-31'),
      opensAt: d('2024-04-01'),
      submissionDeadline: d('2024-06-28'),
      validationDeadline: d('2024-09-30'),
      allOrganisations: true,
    },
    select: { id: true },
  })
  for (const submission of baseline.filter((b) => ['RXV', 'RTH', 'RSV'].includes(b.organisation.odsCode))) {
    const code = submission.organisation.odsCode as OdsCode
    const submittedAt = d('2024-06-20')
    const publishedAt = d('2024-08-15')
    const plan = await tx.serviceImprovementPlan.create({
      data: {
        reference: `SIP-2425-${code}`,
        cycleId: cycle.id,
        organisationId: submission.organisationId,
        libraryServiceId: submission.libraryServiceId,
        regionId: submission.regionId,
        status: 'PUBLISHED',
        version: 6,
        planPeriodStart: d('2024-04-01'),
        planPeriodEnd: d('2026-03-31'),
        changesSinceValidation: 'A new knowledge mobilisation post, and the library moved into the education centre.',
        contextCompleted: true,
        startedAt: d('2024-04-10'),
        sentForSignOffAt: d('2024-06-10'),
        submittedAt,
        submittedById: input.leadOf(code),
        isLate: false,
        reviewerId: input.reviewers[code]!,
        reviewerAssignedAt: d('2024-06-24'),
        publishedAt,
        nextReviewDate: d('2026-08-15'),
        outcomes: {
          create: outcomes.map((o) => {
            const agreed = submission.agreedResults.find((a) => a.outcomeId === o.id)
            const target = Math.min((agreed?.gradeSteps ?? 0) + 2, 12)
            return {
              outcomeId: o.id,
              currentLevel: agreed?.level ?? null,
              currentSubLevel: agreed?.subLevel ?? null,
              currentGradeSteps: agreed?.gradeSteps ?? null,
              currentFromSubmissionId: submission.id,
              targetLevel: target === 0 ? 0 : Math.ceil(target / 3),
              targetSubLevel: target === 0 ? null : (['HIGH', 'LOW', 'MEDIUM'] as const)[target % 3],
              targetGradeSteps: target,
              status: 'COMPLETED',
              objectives: {
                create: [{ position: 1, text: `Strengthen outcome ${o.number} across the organisation` }],
              },
            }
          }),
        },
      },
      select: { id: true, outcomes: { select: { outcomeId: true, objectives: { select: { id: true } } } } },
    })
    for (const row of plan.outcomes)
      await tx.sipAction.create({
        data: {
          planId: plan.id,
          objectiveId: row.objectives[0]!.id,
          what: 'Agree the outcome’s priorities with the executive sponsor',
          owner: 'Head of Library and Knowledge Services',
          dueDate: d('2025-03-31'),
          measure: 'Priorities minuted at the education committee',
          status: 'COMPLETE',
        },
      })
    const sponsor = await sponsorOf(tx, submission.organisationId).catch(() => null)
    if (sponsor)
      await tx.sipSignOff.create({
        data: {
          planId: plan.id,
          userId: sponsor.id,
          decision: 'SIGNED_OFF',
          signerName: sponsor.name,
          signerRole: sponsor.jobTitle,
          createdAt: d('2024-06-14'),
        },
      })
    await tx.sipReview.create({
      data: {
        planId: plan.id,
        round: 1,
        reviewerId: input.reviewers[code]!,
        outcome: code === 'RTH' ? 'ACCEPTED' : 'ACCEPTED_WITH_RECOMMENDATIONS',
        meetingDate: d('2024-07-18'),
        attendees: 'Head of Library and Knowledge Services; the regional reviewer; the executive sponsor',
        meetingNotes: 'Discussed the targets and how the board will see progress.',
        summary: code === 'RTH' ? '' : 'Report progress on outcome 6 to the board twice a year.',
        recordedAt: d('2024-07-25'),
        confirmedAt: publishedAt,
        confirmedById: input.regionalLead,
      },
    })
  }
}

type SubmissionPlan = {
  odsCode: OdsCode
  status: string
  // How far the service has got: outcomes answered (in order), and whether validation happened.
  outcomesAnswered: number
  validators?: { primary: string; secondary: string; completed: boolean }
  agreed?: boolean
  submittedAt?: Date
}

async function createSubmission(
  tx: Tx,
  ids: Ids,
  random: Random,
  edition: EditionShape,
  cycle: { id: string; code: string; deadline: Date; minimumLevel: number },
  plan: SubmissionPlan,
  actors: { lead: string; regionalLead: string },
) {
  const org = ids.organisations.get(plan.odsCode)!
  const started = plan.outcomesAnswered > 0 || plan.status !== 'NOT_STARTED'
  const submittedAt = plan.submittedAt ?? null
  const submission = await tx.submission.create({
    data: {
      reference: `LKS-${cycle.code}-${plan.odsCode}`,
      cycleId: cycle.id,
      organisationId: org.id,
      libraryServiceId: ids.serviceOf.get(plan.odsCode)!,
      regionId: org.regionId,
      status: plan.status,
      startedAt: started ? new Date(cycle.deadline.getTime() - 90 * 86400000) : null,
      sentForSignOffAt: submittedAt
        ? new Date(submittedAt.getTime() - 5 * 86400000)
        : plan.status === 'AWAITING_SIGN_OFF'
          ? new Date(cycle.deadline.getTime() - 80 * 86400000)
          : null,
      submittedAt,
      submittedById: submittedAt ? actors.lead : null,
      isLate: submittedAt ? submittedAt > cycle.deadline : null,
      validatedAt: plan.agreed ? new Date(submittedAt!.getTime() + 40 * 86400000) : null,
      publishedAt: plan.status === 'PUBLISHED' ? new Date(submittedAt!.getTime() + 50 * 86400000) : null,
      publishedById: plan.status === 'PUBLISHED' ? actors.regionalLead : null,
    },
    select: { id: true },
  })

  const baseSteps = random.int(3, 9)
  const selfGrades: Grade[] = []
  for (const outcome of edition.outcomes) {
    if (outcome.number > plan.outcomesAnswered) continue
    const statuses = statusesForGrade(outcome.indicators, gradeNear(random, baseSteps, 2))
    const self = suggestedFor(outcome.indicators, statuses)
    selfGrades.push(self)
    const complete = plan.status !== 'IN_PROGRESS' || outcome.number < plan.outcomesAnswered
    await tx.outcomeResponse.create({
      data: {
        submissionId: submission.id,
        outcomeId: outcome.id,
        status: complete ? 'COMPLETED' : 'IN_PROGRESS',
        narrative: demoNarrative(random, outcome.number, org.name),
        keyStrengths:
          'Strong working relationship with the executive sponsor; evidence search service used by every directorate.',
        selfLevel: self.level,
        selfSubLevel: self.subLevel,
        selfGradeSteps: gradeToSteps(self),
        version: 1,
        updatedById: actors.lead,
        indicators: { create: outcome.indicators.map((i) => ({ indicatorId: i.id, status: statuses.get(i.id)! })) },
      },
      select: { id: true },
    })
  }

  if (submittedAt) {
    const sponsor = await sponsorOf(tx, org.id)
    await tx.signOff.create({
      data: {
        submissionId: submission.id,
        userId: sponsor.id,
        decision: 'SIGNED_OFF',
        signerName: sponsor.name,
        signerRole: sponsor.jobTitle,
        createdAt: new Date(submittedAt.getTime() - 86400000),
      },
      select: { id: true },
    })
  }

  if (plan.validators) {
    const due = new Date(submittedAt!.getTime() + 35 * 86400000)
    for (const [kind, validatorId] of [
      ['PRIMARY', plan.validators.primary],
      ['SECONDARY', plan.validators.secondary],
    ] as const) {
      const assignment = await tx.validatorAssignment.create({
        data: {
          submissionId: submission.id,
          validatorId,
          kind,
          dueDate: due,
          assignedById: actors.regionalLead,
          assignedAt: new Date(submittedAt!.getTime() + 3 * 86400000),
          completedAt: plan.validators.completed ? new Date(submittedAt!.getTime() + 30 * 86400000) : null,
        },
        select: { id: true },
      })
      if (!plan.validators.completed) continue
      for (const [index, outcome] of edition.outcomes.entries()) {
        const grade = gradeNear(random, gradeToSteps(selfGrades[index]!) - 1, 1)
        await tx.outcomeValidation.create({
          data: {
            assignmentId: assignment.id,
            outcomeId: outcome.id,
            ...gradeColumns(grade),
            rationale:
              'The narrative and linked evidence support this level; the next level needs organisation-wide practice.',
            version: 1,
          },
          select: { id: true },
        })
      }
    }
  }

  if (plan.agreed) {
    for (const [index, outcome] of edition.outcomes.entries()) {
      const agreed = gradeNear(random, gradeToSteps(selfGrades[index]!) - 1, 1)
      const belowMinimum = agreed.level < cycle.minimumLevel
      await tx.agreedResult.create({
        data: {
          submissionId: submission.id,
          outcomeId: outcome.id,
          ...gradeColumns(agreed),
          rationale: 'Both validators agreed within one sub-level.',
          strengths: 'Well-established evidence search service with clear links to organisational priorities.',
          areasForDevelopment: 'Extend systematic practice beyond the teams already supported.',
          recommendations: 'Share impact case studies with the Board each quarter.',
          agreedById: plan.validators!.primary,
          agreedAt: new Date(submittedAt!.getTime() + 40 * 86400000),
          requiredActions: belowMinimum
            ? {
                create: [
                  {
                    position: 1,
                    text: `Agree a plan with the executive sponsor to reach level ${cycle.minimumLevel} for outcome ${outcome.number}.`,
                  },
                ],
              }
            : undefined,
        },
        select: { id: true },
      })
    }
  }
  return submission.id
}

/**
 * Pendle Moor's 2026/27 submission: both validators have completed, four outcomes are within one
 * sub-level and already agreed by the primary validator, and outcomes 2 and 5 differ by more, so
 * they wait for the North West regional lead to moderate.
 */
async function createModerationSubmission(
  tx: Tx,
  ids: Ids,
  random: Random,
  edition: EditionShape,
  cycle: { id: string; code: string; deadline: Date; minimumLevel: number },
  people: { lead: string; regionalLead: string; primary: string; secondary: string },
) {
  const submittedAt = d('2026-11-02')
  const submissionId = await createSubmission(
    tx,
    ids,
    random,
    edition,
    cycle,
    { odsCode: 'RPM', status: 'IN_MODERATION', outcomesAnswered: 6, submittedAt },
    { lead: people.lead, regionalLead: people.regionalLead },
  )
  const assignedAt = d('2026-11-04')
  const completedAt = d('2026-11-20')
  const primaryGrades = [5, 7, 6, 5, 8, 4] // sub-level steps, outcome by outcome
  const secondaryGrades = [6, 4, 6, 4, 5, 5] // outcomes 2 and 5 differ by three steps
  for (const [kind, validatorId, grades] of [
    ['PRIMARY', people.primary, primaryGrades],
    ['SECONDARY', people.secondary, secondaryGrades],
  ] as const) {
    const assignment = await tx.validatorAssignment.create({
      data: {
        submissionId,
        validatorId,
        kind,
        dueDate: d('2026-12-09'),
        assignedById: people.regionalLead,
        assignedAt,
        completedAt,
      },
      select: { id: true },
    })
    for (const [index, outcome] of edition.outcomes.entries()) {
      await tx.outcomeValidation.create({
        data: {
          assignmentId: assignment.id,
          outcomeId: outcome.id,
          ...gradeColumns(stepsToGrade(grades[index]!)),
          rationale:
            kind === 'PRIMARY'
              ? 'The linked evidence shows this practice across the trust, not only in one team.'
              : 'The evidence covers one team only; the level above needs organisation-wide practice.',
          version: 1,
        },
        select: { id: true },
      })
    }
  }
  for (const [index, outcome] of edition.outcomes.entries()) {
    if (Math.abs(primaryGrades[index]! - secondaryGrades[index]!) > 1) continue
    await tx.agreedResult.create({
      data: {
        submissionId,
        outcomeId: outcome.id,
        ...gradeColumns(stepsToGrade(primaryGrades[index]!)),
        rationale: 'Both validators agreed within one sub-level.',
        strengths: 'A clinical librarian attends every directorate’s governance meeting.',
        areasForDevelopment: 'Collect impact data from the community teams too.',
        recommendations: 'Report impact case studies to the Board twice a year.',
        agreedById: people.primary,
        agreedAt: d('2026-11-23'),
      },
      select: { id: true },
    })
  }
  await tx.auditEvent.create({
    data: {
      actorId: people.secondary,
      action: 'submission.sent_to_moderation',
      entityType: 'Submission',
      entityId: submissionId,
      submissionId,
      before: JSON.stringify({ status: 'IN_VALIDATION' }),
      after: JSON.stringify({
        status: 'IN_MODERATION',
        differing: [
          { outcomeNumber: 2, steps: 3 },
          { outcomeNumber: 5, steps: 3 },
        ],
      }),
      at: completedAt,
    },
  })
}

/**
 * Complete pen portraits for the submissions of a cycle: the baseline's are what copy forward brings
 * across; a submission that has been signed off and sent must have one, as the completeness check
 * on sign-off and submit demands.
 */
async function createPenPortraits(tx: Tx, ids: Ids, cycleCode: '2122' | '2627', odsCodes: OdsCode[]) {
  for (const [index, code] of odsCodes.entries()) {
    const submission = await tx.submission.findUniqueOrThrow({
      where: { reference: `LKS-${cycleCode}-${code}` },
      select: { id: true, libraryServiceId: true },
    })
    const served = [...ids.serviceOf.entries()].filter(([, id]) => id === submission.libraryServiceId)
    await tx.penPortrait.create({
      data: {
        submissionId: submission.id,
        budgetPounds: 231_500 + index * 12_000,
        contextNotes:
          'One library on the main hospital site and an outreach service for community teams; a shared catalogue with the other two trusts the service supports.',
        version: 1,
        organisations: {
          create: served.map(([servedCode], i) => ({
            organisationId: ids.organisations.get(servedCode)!.id,
            staffHeadcount: 6200 - i * 1500,
            staffWte: 5480 - i * 1320,
          })),
        },
        staffPosts: {
          create: [
            { position: 1, title: 'Head of Library and Knowledge Services', wte: 1, qualified: true },
            { position: 2, title: 'Clinical Librarian', wte: 1.6, qualified: true },
            { position: 3, title: 'Outreach Librarian', wte: 1, qualified: true },
            { position: 4, title: 'Library Assistant', wte: 3, qualified: false },
          ],
        },
      },
      select: { id: true },
    })
  }
}

/** The demo evidence library: real files copied into the upload folder, linked to outcomes with pointers. */
async function createEvidenceLibrary(tx: Tx, ids: Ids, edition: EditionShape, uploadDir: string, leadId: string) {
  const serviceId = ids.services.get('Ribble Valley Library and Knowledge Service')!
  const indicatorId = (outcome: number, code: string) => {
    const [, level, position] = code.split('.').map(Number)
    return edition.outcomes
      .find((o) => o.number === outcome)!
      .indicators.find((i) => i.level === level && i.position === position)!.id
  }
  for (const item of DEMO_EVIDENCE) {
    const bytes = await readFile(path.join(SEED_FILES, item.file.name))
    const uploadedAt = new Date(`${item.from}T10:00:00Z`)
    const month = String(uploadedAt.getUTCMonth() + 1).padStart(2, '0')
    const storageKey = `${uploadedAt.getUTCFullYear()}/${month}/${randomUUID()}`
    const target = path.resolve(uploadDir, ...storageKey.split('/'))
    await mkdir(path.dirname(target), { recursive: true })
    await writeFile(target, bytes)
    const created = await tx.evidenceItem.create({
      data: {
        libraryServiceId: serviceId,
        title: item.title,
        description: item.description,
        evidenceDateFrom: d(item.from),
        evidenceDateTo: item.to ? d(item.to) : null,
        createdById: leadId,
        createdAt: uploadedAt,
        files: {
          create: [
            {
              createdAt: uploadedAt,
              versions: {
                create: [
                  {
                    libraryServiceId: serviceId,
                    version: 1,
                    originalName: item.file.name,
                    mimeType: item.file.mimeType,
                    sizeBytes: bytes.length,
                    sha256: createHash('sha256').update(bytes).digest('hex'),
                    storageKey,
                    uploadedById: leadId,
                    uploadedAt,
                  },
                ],
              },
            },
          ],
        },
      },
      select: { id: true },
    })
    for (const link of item.links) {
      for (const code of link.odsCodes) {
        const response = await tx.outcomeResponse.findFirst({
          where: { submission: { reference: `LKS-${link.cycle}-${code}` }, outcome: { number: link.outcome } },
          select: { id: true },
        })
        if (!response) continue
        await tx.evidenceLink.create({
          data: {
            evidenceItemId: created.id,
            outcomeResponseId: response.id,
            indicatorId: link.indicator ? indicatorId(link.outcome, link.indicator) : null,
            pointer: link.pointer,
          },
          select: { id: true },
        })
      }
    }
    if (item.penPortrait) {
      const portraits = await tx.penPortrait.findMany({
        where: { submission: { reference: { startsWith: 'LKS-2122-' }, libraryServiceId: serviceId } },
        select: { id: true },
      })
      for (const portrait of portraits)
        await tx.penPortraitDocument.create({
          data: { penPortraitId: portrait.id, kind: item.penPortrait, evidenceItemId: created.id },
          select: { id: true },
        })
    }
  }
}

export async function seedDemoData(
  prisma: PrismaClient,
  options: { uploadDir: string } = { uploadDir: process.env.UPLOAD_DIR ?? 'data/uploads' },
): Promise<{ seeded: boolean }> {
  if ((await prisma.user.count()) > 0) return { seeded: false }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const random = randomSource(2026)

  await prisma.$transaction(
    async (tx) => {
      const edition2019 = await createEdition(tx, EDITION_2019, d('2019-06-01'))
      await createEdition(tx, EDITION_2022, d('2022-10-01'))
      const places = await createPlaces(tx)
      const ids: Ids = { ...places, users: await createUsers(tx, places, passwordHash) }
      const user = (email: string) => ids.users.get(email)!
      const allOrgIds = [...ids.organisations.values()].map((o) => o.id)

      const baseline = await tx.cycle.create({
        data: {
          name: '2021/22 baseline',
          type: 'FULL_VALIDATION',
          status: 'CLOSED',
          editionId: edition2019.id,
          evidencePeriodStart: d('2021-04-01'),
          evidencePeriodEnd: d('2022-03-31'),
          opensAt: d('2022-04-04'),
          submissionDeadline: d('2022-06-30'),
          validationDeadline: d('2022-09-30'),
          minimumExpectedLevel: 2,
          allOrganisations: true,
        },
        select: { id: true, submissionDeadline: true },
      })
      const current = await tx.cycle.create({
        data: {
          name: '2026/27',
          type: 'FULL_VALIDATION',
          status: 'OPEN',
          editionId: edition2019.id,
          evidencePeriodStart: d('2025-04-01'),
          evidencePeriodEnd: d('2026-03-31'),
          opensAt: d('2026-10-01'),
          submissionDeadline: d('2027-01-29'),
          validationDeadline: d('2027-03-31'),
          minimumExpectedLevel: 2,
          allOrganisations: false,
          participants: { create: allOrgIds.map((organisationId) => ({ organisationId })) },
        },
        select: { id: true, submissionDeadline: true },
      })

      const leadOf = (code: OdsCode) => {
        const serviceId = ids.serviceOf.get(code)!
        const name = [...ids.services.entries()].find(([, id]) => id === serviceId)![0]
        const email = USERS.find((u) => u.roles.some((r) => r.role === 'SERVICE_LEAD' && r.service === name))!.email
        return user(email)
      }
      const regionalLeadOf = (code: OdsCode) => {
        const region = ORGANISATIONS.find((o) => o.odsCode === code)!.region
        const email =
          USERS.find((u) => u.roles.some((r) => r.role === 'REGIONAL_LEAD' && r.region === region))?.email ??
          'regional.lead@demo.nhs.uk'
        return user(email)
      }
      const validatorsFor = (code: OdsCode) => {
        const region = ORGANISATIONS.find((o) => o.odsCode === code)!.region
        const inRegion = USERS.find((u) => u.roles.some((r) => r.role === 'VALIDATOR' && r.region === region))
        const primary = inRegion ? user(inRegion.email) : user('priya.shah@demo.nhs.uk')
        const secondary = region === 'London' ? user('priya.shah@demo.nhs.uk') : user('validator@demo.nhs.uk')
        return { primary, secondary }
      }

      // The baseline: results published for every organisation with a library service but two.
      const baselineCycle = { id: baseline.id, code: '2122', deadline: baseline.submissionDeadline, minimumLevel: 2 }
      for (const code of ['RXV', 'RWV', 'RYV', 'RTH', 'RKQ', 'RSV', 'QAF', 'RTM'] as const) {
        await createSubmission(
          tx,
          ids,
          random,
          edition2019,
          baselineCycle,
          {
            odsCode: code,
            status: 'PUBLISHED',
            outcomesAnswered: 6,
            validators: { ...validatorsFor(code), completed: true },
            agreed: true,
            submittedAt: new Date(baseline.submissionDeadline.getTime() - random.int(-3, 20) * 86400000),
          },
          { lead: leadOf(code), regionalLead: regionalLeadOf(code) },
        )
      }

      await createImprovementDemo(tx, edition2019, {
        reviewers: {
          RXV: user('priya.shah@demo.nhs.uk'),
          RTH: user('validator@demo.nhs.uk'),
          RSV: user('owen.griffiths@demo.nhs.uk'),
        },
        regionalLead: user('regional.lead@demo.nhs.uk'),
        leadOf,
      })

      // Ribble Valley Mental Health sent its baseline two days after the deadline, so the demo shows
      // how a late submission is marked.
      await tx.submission.update({
        where: { reference: 'LKS-2122-RWV' },
        data: {
          submittedAt: new Date(baseline.submissionDeadline.getTime() + 2 * 86400000 + 10 * 3600000),
          isLate: true,
        },
        select: { id: true },
      })

      // The open cycle, with submissions at several stages.
      const currentCycle = { id: current.id, code: '2627', deadline: current.submissionDeadline, minimumLevel: 2 }
      const early = (days: number) => new Date(d('2026-11-22').getTime() - days * 86400000)
      const plans: SubmissionPlan[] = [
        { odsCode: 'RXV', status: 'IN_PROGRESS', outcomesAnswered: 3 },
        { odsCode: 'RWV', status: 'NOT_STARTED', outcomesAnswered: 0 },
        // Signed off and submitted: waits for the North West regional lead to assign validators.
        { odsCode: 'RYV', status: 'SUBMITTED', outcomesAnswered: 6, submittedAt: early(1) },
        {
          odsCode: 'RTH',
          status: 'IN_VALIDATION',
          outcomesAnswered: 6,
          submittedAt: early(20),
          validators: {
            primary: user('validator@demo.nhs.uk'),
            secondary: user('priya.shah@demo.nhs.uk'),
            completed: false,
          },
        },
        { odsCode: 'RKQ', status: 'SUBMITTED', outcomesAnswered: 6, submittedAt: early(6) },
        { odsCode: 'RWK', status: 'IN_PROGRESS', outcomesAnswered: 2 },
        {
          odsCode: 'RSV',
          status: 'IN_VALIDATION',
          outcomesAnswered: 6,
          submittedAt: early(25),
          validators: {
            primary: user('owen.griffiths@demo.nhs.uk'),
            secondary: user('validator@demo.nhs.uk'),
            completed: false,
          },
        },
        { odsCode: 'QAF', status: 'NOT_STARTED', outcomesAnswered: 0 },
        { odsCode: 'RTM', status: 'SUBMITTED', outcomesAnswered: 6, submittedAt: early(2) },
      ]
      for (const plan of plans) {
        await createSubmission(tx, ids, random, edition2019, currentCycle, plan, {
          lead: leadOf(plan.odsCode),
          regionalLead: regionalLeadOf(plan.odsCode),
        })
      }
      // Later additions draw on their own random numbers, so the records above stay as they were.
      await createModerationSubmission(tx, ids, randomSource(2027), edition2019, currentCycle, {
        lead: leadOf('RPM'),
        regionalLead: regionalLeadOf('RPM'),
        primary: user('priya.shah@demo.nhs.uk'),
        secondary: user('owen.griffiths@demo.nhs.uk'),
      })
      await createPenPortraits(tx, ids, '2122', ['RXV', 'RWV', 'RYV'])
      // Every 2026/27 submission that has been sent, so validators see the service's context.
      await createPenPortraits(tx, ids, '2627', ['RYV', 'RTH', 'RKQ', 'RSV', 'RTM', 'RPM'])
      await createEvidenceLibrary(tx, ids, edition2019, options.uploadDir, user('lead@demo.nhs.uk'))

      // An open service improvement review, two years after 2024/25, for the Ribble Valley service's
      // two trusts in the North West: the demo lead, the sponsor and the regional lead can try the
      // plan's whole journey. Its plans are made just as opening the cycle makes them (context from
      // the pen portrait, current grades from the baseline). It opened before 2026/27, so that stays
      // the newest cycle, and its deadline is a month after 2026/27's, so their reminders never meet.
      const review = await tx.cycle.create({
        data: {
          name: '2026/27 service improvement review',
          type: 'SERVICE_IMPROVEMENT_REVIEW',
          status: 'OPEN',
          editionId: edition2019.id,
          evidencePeriodStart: d('2025-04-01'),
          evidencePeriodEnd: d('2026-03-31'),
          opensAt: d('2026-09-01'),
          submissionDeadline: d('2027-02-26'),
          validationDeadline: d('2027-04-30'),
          allOrganisations: false,
          participants: {
            create: (['RXV', 'RWV'] as const).map((code) => ({ organisationId: ids.organisations.get(code)!.id })),
          },
        },
        select: { id: true, name: true, editionId: true, opensAt: true },
      })
      await createPlans(
        tx,
        { actorId: user('admin@demo.nhs.uk') },
        review,
        (['RXV', 'RWV'] as const).map((code) => ({
          organisationId: ids.organisations.get(code)!.id,
          odsCode: code,
          regionId: ids.organisations.get(code)!.regionId,
          libraryServiceId: ids.serviceOf.get(code)!,
        })),
      )

      await tx.auditEvent.create({
        data: {
          actorId: null,
          action: 'system.demo_data_seeded',
          entityType: 'System',
          entityId: 'seed',
          after: JSON.stringify({ organisations: ORGANISATIONS.length, users: USERS.length }),
        },
      })
    },
    { timeout: 60_000 },
  )
  return { seeded: true }
}

// Run directly: seed the database named by DATABASE_URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL ?? 'file:./prisma/dev.db'
  const prisma = new PrismaClient({ adapter: new PrismaLibSQL({ url }) })
  seedDemoData(prisma)
    .then(({ seeded }) => {
      process.stdout.write(seeded ? 'Demo data loaded.\n' : 'The database already has data: demo data not loaded.\n')
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
    .finally(() => prisma.$disconnect())
}
