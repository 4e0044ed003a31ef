// The data behind the PDF reports (issue 5) against a real database seeded like `npm start`: who
// may have the reviewer pack and the outcome report, what each reader sees of validation as the
// demo's Thameside submission moves from validation to publication, and the evidence and pen
// portrait a reviewer takes away.
import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { DEMO_EVIDENCE } from '../../prisma/seed-data/evidence'
import { useDemoData } from '../setup/demo-data'
import type { Actor } from '~/modules/auth/permissions'
import {
  createEvidenceItem,
  getEvidenceItem,
  replaceEvidenceFile,
  setEvidenceArchived,
} from '~/modules/evidence/evidence.server'
import { newTempPath } from '~/modules/evidence/storage.server'
import type { UploadedFile } from '~/modules/evidence/files'
import { suggestGrade, toGrade, type Grade, type IndicatorStatus } from '~/modules/framework/grading'
import { getOutcomeReport } from '~/modules/reports/outcome-report.server'
import { getReviewerPack } from '~/modules/reports/reviewer-pack.server'
import type { ReviewerPack } from '~/modules/reports/model'
import { createPlanItem, getDevelopmentPlan } from '~/modules/results/development-plan.server'
import { getResult } from '~/modules/results/results.server'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { getOutcomePage, linkEvidence } from '~/modules/submissions/outcome.server'
import { savePenPortrait } from '~/modules/submissions/pen-portrait.server'
import { finaliseAgreement, publishResult, recordAgreedResult } from '~/modules/validation/agreement.server'
import { completeValidation, getReviewOutcome, saveValidation } from '~/modules/validation/workspace.server'
import { actorFor, createUser } from '../factories'

const BASE_URL = 'https://portal.example.nhs.uk'
const THAMESIDE = 'LKS-2627-RTH'
const OUTCOME_NUMBERS = [1, 2, 3, 4, 5, 6]

const submissionId = async (reference: string) =>
  (await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id
const packOf = async (actor: Actor, reference: string) =>
  getReviewerPack(actor, await submissionId(reference), BASE_URL)
const reportOf = async (actor: Actor, reference: string) => getOutcomeReport(actor, await submissionId(reference))
const assignmentOf = async (reference: string, email: string) =>
  (
    await prisma.validatorAssignment.findFirstOrThrow({
      where: { submission: { reference }, validator: { email } },
      select: { id: true },
    })
  ).id

/** Which validators' work each outcome of the pack shows, by kind. */
const kindsShown = (pack: ReviewerPack) => pack.outcomes.map((o) => o.validations.map((v) => v.kind))
const everyOutcome = <T>(value: T) => OUTCOME_NUMBERS.map(() => value)
const grade = (level: 1 | 2 | 3 | 4, subLevel: 'LOW' | 'MEDIUM' | 'HIGH'): Grade => ({ level, subLevel })

// The demo's Thameside submission is in validation: Łukasz Nowak (London) is the primary
// validator and Priya Shah (North West) the second; Rachel Osei leads London.
let thamesideLead: Actor
let thamesideContributor: Actor
let thamesideSponsor: Actor
let ribbleLead: Actor
let ribbleContributor: Actor
let ribbleSponsor: Actor
let primary: Actor
let secondary: Actor
let unassignedValidator: Actor
let londonLead: Actor
let northWestLead: Actor
let admin: Actor
let viewer: Actor

beforeAll(async () => {
  await useDemoData()
  thamesideLead = await actorFor('mark.lewis@demo.nhs.uk')
  thamesideSponsor = await actorFor('sponsor.rth@demo.nhs.uk')
  const thameside = await prisma.libraryService.findUniqueOrThrow({
    where: { name: 'Thameside Healthcare Library' },
    select: { id: true },
  })
  thamesideContributor = await actorFor(
    (await createUser({ roles: [{ role: 'SERVICE_CONTRIBUTOR', libraryServiceId: thameside.id }] })).email,
  )
  ribbleLead = await actorFor('lead@demo.nhs.uk')
  ribbleContributor = await actorFor('contributor@demo.nhs.uk')
  ribbleSponsor = await actorFor('sponsor@demo.nhs.uk')
  primary = await actorFor('validator@demo.nhs.uk')
  secondary = await actorFor('priya.shah@demo.nhs.uk')
  unassignedValidator = await actorFor('fiona.campbell@demo.nhs.uk')
  londonLead = await actorFor('rachel.osei@demo.nhs.uk')
  northWestLead = await actorFor('regional.lead@demo.nhs.uk')
  admin = await actorFor('admin@demo.nhs.uk')
  viewer = await actorFor('viewer@demo.nhs.uk')
})

// One journey: the demo's Thameside submission, LKS-2627-RTH, read while in validation, then graded
// by each validator, agreed and published. Each step reads or acts on it as the step before left
// it, so the steps run in order even when Vitest shuffles.
describe('LKS-2627-RTH from validation to publication', { shuffle: false }, () => {
  describe('who may have the reviewer pack', () => {
    it('gives it to the service lead, both assigned validators, the region’s lead and the national roles', async () => {
      for (const actor of [thamesideLead, primary, secondary, londonLead, admin, viewer]) {
        const pack = await packOf(actor, THAMESIDE)
        expect(pack.submission).toEqual({
          reference: THAMESIDE,
          cycleName: '2026/27',
          editionName: '2019 edition',
          status: 'IN_VALIDATION',
          submittedAt: expect.any(Date),
          isLate: false,
          publishedAt: null,
          organisation: { name: 'Thameside University Hospitals NHS Trust', odsCode: 'RTH' },
          libraryServiceName: 'Thameside Healthcare Library',
          regionName: 'London',
        })
        expect(pack.outcomes.map((o) => o.number)).toEqual(OUTCOME_NUMBERS)
      }
    })

    it('refuses the service’s contributors and the executive sponsor (403)', async () => {
      for (const actor of [thamesideContributor, thamesideSponsor]) {
        await expect(packOf(actor, THAMESIDE)).rejects.toMatchObject({ status: 403 })
      }
      for (const actor of [ribbleContributor, ribbleSponsor]) {
        await expect(packOf(actor, 'LKS-2627-RXV')).rejects.toMatchObject({ status: 403 })
      }
    })

    it('answers as if it did not exist for another service’s lead, an unassigned validator and another region’s lead (404)', async () => {
      for (const actor of [ribbleLead, unassignedValidator, northWestLead]) {
        await expect(packOf(actor, THAMESIDE)).rejects.toMatchObject({ status: 404 })
      }
      await expect(getReviewerPack(admin, 'not-a-submission', BASE_URL)).rejects.toMatchObject({ status: 404 })
    })
  })

  describe('what each reader of the reviewer pack sees of validation', () => {
    const primaryGrades: Grade[] = [
      grade(2, 'HIGH'),
      grade(2, 'MEDIUM'),
      grade(3, 'LOW'),
      grade(1, 'HIGH'),
      grade(2, 'LOW'),
      grade(2, 'MEDIUM'),
    ]
    // Within one sub-level of the primary's on every outcome, so they agree without moderation.
    const secondaryGrades: Grade[] = [
      grade(2, 'HIGH'),
      grade(2, 'HIGH'),
      grade(2, 'HIGH'),
      grade(2, 'LOW'),
      grade(2, 'LOW'),
      grade(2, 'MEDIUM'),
    ]
    const PRIMARY_NOTES = 'Ask the service for the Board paper on outreach.'
    const AGREED_STRENGTHS = 'An outreach service valued by every directorate.'

    async function gradeAll(
      actor: Actor,
      assignmentId: string,
      grades: Grade[],
      notes: string,
      judgements: (ids: string[]) => Array<{ id: string; status: IndicatorStatus }>,
    ) {
      for (const [index, g] of grades.entries()) {
        const review = await getReviewOutcome(actor, assignmentId, index + 1)
        const form = {
          version: review.validation.version,
          level: g.level,
          subLevel: g.subLevel ?? undefined,
          rationale: `Rationale for outcome ${index + 1}.`,
          notes,
          judgements: index === 0 ? judgements(review.indicators.map((i) => i.id)) : [],
        }
        expect(await saveValidation({ actor, assignmentId, number: index + 1, form, ipAddress: '' })).toEqual({
          ok: true,
        })
      }
    }

    it('shows the service nothing of validation, each validator only their own, and the regional lead both', async () => {
      const lead = await packOf(thamesideLead, THAMESIDE)
      expect(lead.outcomes.map((o) => [o.validations, o.agreed])).toEqual(everyOutcome([[], null]))
      expect(lead.validatedSeriesLabel).toBeNull()

      const own = await packOf(primary, THAMESIDE)
      expect(own.outcomes.map((o) => o.validations)).toEqual(
        everyOutcome([
          {
            validatorName: 'Łukasz Nowak',
            kind: 'PRIMARY',
            completed: false,
            grade: null,
            rationale: '',
            notes: '',
            judgements: {},
          },
        ]),
      )
      expect(own.validatedSeriesLabel).toBe('Your validation grade')
      expect(kindsShown(await packOf(secondary, THAMESIDE))).toEqual(everyOutcome(['SECONDARY']))
      for (const actor of [londonLead, admin, viewer]) {
        expect(kindsShown(await packOf(actor, THAMESIDE))).toEqual(everyOutcome(['PRIMARY', 'SECONDARY']))
      }
    })

    it('keeps the first validator’s completed work from the second until both have completed', async () => {
      const assignmentId = await assignmentOf(THAMESIDE, 'validator@demo.nhs.uk')
      await gradeAll(primary, assignmentId, primaryGrades, PRIMARY_NOTES, ([first, second]) => [
        { id: first!, status: 'MET' },
        { id: second!, status: 'PARTLY_MET' },
      ])
      expect(await completeValidation({ actor: primary, assignmentId, ipAddress: '' })).toEqual({
        ok: true,
        next: 'WAITING',
      })

      const own = await packOf(primary, THAMESIDE)
      expect(own.outcomes.map((o) => o.validations.map((v) => [v.kind, v.completed, v.grade]))).toEqual(
        primaryGrades.map((g) => [['PRIMARY', true, g]]),
      )
      const codes = own.outcomes[0]!.indicators.map((i) => i.code)
      expect(own.outcomes[0]!.validations[0]).toMatchObject({
        rationale: 'Rationale for outcome 1.',
        notes: PRIMARY_NOTES,
        judgements: { [codes[0]!]: 'MET', [codes[1]!]: 'PARTLY_MET' },
      })

      const other = await packOf(secondary, THAMESIDE)
      expect(kindsShown(other)).toEqual(everyOutcome(['SECONDARY']))
      expect(JSON.stringify(other)).not.toContain(PRIMARY_NOTES)
      expect(JSON.stringify(await packOf(thamesideLead, THAMESIDE))).not.toContain(PRIMARY_NOTES)

      const overseen = await packOf(londonLead, THAMESIDE)
      expect(overseen.outcomes.map((o) => o.validations.map((v) => v.grade))).toEqual(
        primaryGrades.map((g) => [g, null]),
      )
      expect(overseen.validatedSeriesLabel).toBeNull()
    })

    it('shows each validator the other’s work once both have completed, and still nothing to the service', async () => {
      const assignmentId = await assignmentOf(THAMESIDE, 'priya.shah@demo.nhs.uk')
      await gradeAll(secondary, assignmentId, secondaryGrades, '', () => [])
      expect(await completeValidation({ actor: secondary, assignmentId, ipAddress: '' })).toEqual({
        ok: true,
        next: 'AGREEMENT',
      })

      for (const actor of [primary, secondary, londonLead]) {
        const pack = await packOf(actor, THAMESIDE)
        expect(pack.outcomes.map((o) => o.validations.map((v) => [v.validatorName, v.grade]))).toEqual(
          primaryGrades.map((g, i) => [
            ['Łukasz Nowak', g],
            ['Priya Shah', secondaryGrades[i]],
          ]),
        )
        expect(pack.outcomes.every((o) => o.agreed === null)).toBe(true)
        expect(pack.validatedSeriesLabel).toBeNull()
      }
      const lead = await packOf(thamesideLead, THAMESIDE)
      expect(lead.outcomes.map((o) => [o.validations, o.agreed])).toEqual(everyOutcome([[], null]))
    })

    it('shows reviewers the agreed result once the submission is validated, and never the service', async () => {
      const context = await loadSubmissionContext(primary, await submissionId(THAMESIDE))
      const base = {
        rationale: 'Both validators agreed.',
        strengths: AGREED_STRENGTHS,
        areasForDevelopment: 'Reporting to the Board.',
        recommendations: 'Share case studies quarterly.',
      }
      for (const number of OUTCOME_NUMBERS) {
        const agreed =
          number === 4
            ? { level: 1, subLevel: 'HIGH' as const, requiredActions: 'Agree a staffing plan with the sponsor' }
            : { level: 2, subLevel: 'MEDIUM' as const, requiredActions: '' }
        expect(
          await recordAgreedResult({ actor: primary, context, number, form: { ...base, ...agreed }, ipAddress: '' }),
        ).toEqual({ ok: true })
      }
      // Recorded but not yet final: still in validation, so nobody reads it as the agreed result.
      expect((await packOf(londonLead, THAMESIDE)).outcomes.every((o) => o.agreed === null)).toBe(true)

      expect(await finaliseAgreement({ actor: primary, context, ipAddress: '' })).toEqual({ ok: true })
      for (const actor of [primary, secondary, londonLead, admin, viewer]) {
        const pack = await packOf(actor, THAMESIDE)
        expect(pack.submission.status).toBe('VALIDATED')
        expect(pack.validatedSeriesLabel).toBe('Agreed grade')
        expect(pack.outcomes.map((o) => o.agreed?.grade)).toEqual(
          OUTCOME_NUMBERS.map((n) => (n === 4 ? grade(1, 'HIGH') : grade(2, 'MEDIUM'))),
        )
        expect(pack.outcomes[3]!.agreed).toEqual({
          ...base,
          grade: grade(1, 'HIGH'),
          viaModeration: false,
          requiredActions: ['Agree a staffing plan with the sponsor'],
        })
      }
      const lead = await packOf(thamesideLead, THAMESIDE)
      expect(lead.outcomes.map((o) => [o.validations, o.agreed])).toEqual(everyOutcome([[], null]))
      expect(lead.validatedSeriesLabel).toBeNull()
      expect(JSON.stringify(lead)).not.toContain(AGREED_STRENGTHS)
    })
  })

  describe('the outcome report', () => {
    it('is refused to the service before publication, while the regional lead has it without a plan', async () => {
      // The Thameside result was validated by the tests above but is not yet published.
      for (const actor of [thamesideLead, thamesideSponsor, thamesideContributor]) {
        await expect(reportOf(actor, THAMESIDE)).rejects.toMatchObject({ status: 404 })
      }
      for (const actor of [londonLead, admin]) {
        const report = await reportOf(actor, THAMESIDE)
        expect(report.submission).toMatchObject({ reference: THAMESIDE, status: 'VALIDATED', publishedAt: null })
        expect(report.outcomes.map((o) => o.agreedSteps)).toEqual(OUTCOME_NUMBERS.map((n) => (n === 4 ? 3 : 5)))
        expect(report.outcomes[3]!.requiredActions).toEqual(['Agree a staffing plan with the sponsor'])
        expect(report.plan).toBeNull()
      }
    })

    it('is refused to readers without the report, or out of reach', async () => {
      await expect(reportOf(primary, THAMESIDE)).rejects.toMatchObject({ status: 403 })
      await expect(reportOf(northWestLead, THAMESIDE)).rejects.toMatchObject({ status: 404 })
      await expect(reportOf(ribbleLead, THAMESIDE)).rejects.toMatchObject({ status: 404 })
    })

    it('gives the service the published result with its development plan', async () => {
      expect(
        await publishResult({
          actor: londonLead,
          context: await loadSubmissionContext(londonLead, await submissionId(THAMESIDE)),
          ipAddress: '',
        }),
      ).toEqual({ ok: true })
      const context = await loadSubmissionContext(thamesideLead, await submissionId(THAMESIDE))
      const requiredAction = await prisma.requiredAction.findFirstOrThrow({
        where: { agreedResult: { submissionId: context.id } },
        select: { id: true },
      })
      const item = { owner: 'Library manager', dueDate: new Date('2027-09-30T00:00:00Z'), progressNotes: '' }
      expect(
        await createPlanItem({
          actor: thamesideLead,
          context,
          ipAddress: '',
          form: {
            ...item,
            action: 'Write the staffing plan',
            status: 'IN_PROGRESS',
            progressNotes: 'Draft shared with the sponsor.',
            requiredActionId: requiredAction.id,
          },
        }),
      ).toMatchObject({ ok: true })
      expect(
        await createPlanItem({
          actor: thamesideLead,
          context,
          ipAddress: '',
          form: { ...item, action: 'Present the annual report to the Board', status: 'COMPLETE' },
        }),
      ).toMatchObject({ ok: true })

      for (const actor of [thamesideLead, thamesideSponsor, thamesideContributor, londonLead, viewer]) {
        const report = await reportOf(actor, THAMESIDE)
        expect(report.submission).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(Date) })
        expect(report.plan?.items).toEqual([
          {
            action: 'Write the staffing plan',
            owner: 'Library manager',
            dueDate: item.dueDate,
            status: 'IN_PROGRESS',
            overdue: false,
            outcomeNumber: 4,
            requiredAction: 'Agree a staffing plan with the sponsor',
            progressNotes: 'Draft shared with the sponsor.',
          },
          {
            action: 'Present the annual report to the Board',
            owner: 'Library manager',
            dueDate: item.dueDate,
            status: 'COMPLETE',
            overdue: false,
            outcomeNumber: null,
            requiredAction: null,
            progressNotes: '',
          },
        ])
        expect(report.plan).toMatchObject({ complete: 1, total: 2 })
      }
      // Publication shows the service the result, but the reviewer pack still holds nothing of validation for it.
      const pack = await packOf(thamesideLead, THAMESIDE)
      expect(pack.outcomes.map((o) => [o.validations, o.agreed])).toEqual(everyOutcome([[], null]))
    })

    it('reports a published baseline result as the result page shows it', async () => {
      const reference = 'LKS-2122-RXV'
      const context = await loadSubmissionContext(ribbleLead, await submissionId(reference), 'result:view')
      const result = await getResult(ribbleLead, context)
      expect(result).not.toBeNull()
      for (const actor of [ribbleLead, ribbleContributor, ribbleSponsor]) {
        const report = await reportOf(actor, reference)
        expect(report.submission).toMatchObject({
          reference,
          cycleName: '2021/22 baseline',
          editionName: '2019 edition',
          status: 'PUBLISHED',
          organisation: { odsCode: 'RXV' },
        })
        expect(report.minimumExpectedLevel).toBe(2)
        expect(report.previousCycleName).toBeNull()
        expect(report.outcomes).toEqual(
          result!.outcomes.map((o) => ({ ...o, requiredActions: o.requiredActions.map((a) => a.text) })),
        )
        expect(report.outcomes.some((o) => o.requiredActions.length > 0)).toBe(true)
        // The demo baseline carries a development plan; the report lists it exactly as the plan page does.
        const plan = await getDevelopmentPlan(context)
        expect(plan.items.length).toBeGreaterThan(0)
        expect(report.plan?.items.map((item) => [item.action, item.status])).toEqual(
          plan.items.map((item) => [item.action, item.status]),
        )
        expect(report.plan).toMatchObject({
          total: plan.items.length,
          complete: plan.items.filter((item) => item.status === 'COMPLETE').length,
        })
      }
      await expect(reportOf(thamesideLead, reference)).rejects.toMatchObject({ status: 404 })
      await expect(reportOf(await actorFor('kate.holt@demo.nhs.uk'), reference)).rejects.toMatchObject({ status: 404 })
    })
  })
})

describe('the service’s answers, evidence and pen portrait in the reviewer pack', () => {
  // The demo's Ribble Valley 2026/27 submission is in progress with three outcomes answered.
  const REFERENCE = 'LKS-2627-RXV'
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
  let strategyId: string
  let annualReportId: string
  let blogId: string
  let slaId: string

  async function upload(name: string, text: string, mimeType = 'application/pdf'): Promise<UploadedFile> {
    const tempPath = await newTempPath()
    await writeFile(tempPath, text)
    return { originalName: name, tempPath, sizeBytes: Buffer.byteLength(text), sha256: sha256(text), mimeType }
  }

  async function createItem(title: string, files: UploadedFile[], url: string | null = null) {
    const libraryServiceId = (await loadSubmissionContext(ribbleLead, await submissionId(REFERENCE))).libraryServiceId
    const details = {
      title,
      description: '',
      evidenceDateFrom: new Date('2025-04-01T00:00:00Z'),
      evidenceDateTo: new Date('2026-03-31T00:00:00Z'),
    }
    const created = await createEvidenceItem({ actor: ribbleLead, libraryServiceId, details, url, files })
    if (!created.ok) throw new Error(created.messages.join(' '))
    return created.itemId
  }

  beforeAll(async () => {
    strategyId = await createItem('Library strategy 2025 to 2028', [
      await upload('strategy.pdf', '%PDF-1.4 strategy, first draft'),
      await upload(
        'appendix.docx',
        'Appendix: service map',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    ])
    const strategyPdf = (await getEvidenceItem(ribbleLead, strategyId))!.files.find(
      (f) => f.current.originalName === 'strategy.pdf',
    )!
    expect(
      await replaceEvidenceFile({
        actor: ribbleLead,
        itemId: strategyId,
        fileId: strategyPdf.id,
        file: await upload('strategy-final.pdf', '%PDF-1.4 strategy, as approved'),
      }),
    ).toEqual({ ok: true, version: 2 })
    annualReportId = await createItem('Annual report 2025', [
      await upload('annual-report.pdf', '%PDF-1.4 annual report'),
      await upload('old-figures.pdf', '%PDF-1.4 withdrawn figures'),
    ])
    // No module removes a file yet; a removed file keeps its row with the time it was removed.
    await prisma.evidenceFile.updateMany({
      where: { evidenceItemId: annualReportId, versions: { some: { originalName: 'old-figures.pdf' } } },
      data: { removedAt: new Date() },
    })
    blogId = await createItem('Knowledge for Healthcare blog post', [], 'https://example.org/blog/outreach')
    slaId = await createItem('Service level agreement with the mental health trust', [], 'https://example.org/sla')

    const context = await loadSubmissionContext(ribbleLead, await submissionId(REFERENCE), 'submission:edit')
    const indicator = (await getOutcomePage(context, 1)).indicators[0]!
    const link = async (number: number, evidenceItemId: string, target: string, pointer: string) =>
      expect(
        await linkEvidence({ actor: ribbleLead, context, number, evidenceItemId, target, pointer, ipAddress: '' }),
      ).toEqual({ ok: true })
    await link(1, strategyId, indicator.id, 'page 4')
    await link(1, strategyId, 'outcome', '')
    await link(2, annualReportId, 'outcome', 'section 2.1')
    await link(2, blogId, 'outcome', '')
    await setEvidenceArchived({ actor: ribbleLead, itemId: blogId, archived: true })

    const organisations = await prisma.serviceOrganisation.findMany({
      where: { libraryServiceId: context.libraryServiceId },
      select: { organisationId: true },
    })
    const saved = await savePenPortrait({
      actor: ribbleLead,
      context,
      ipAddress: '',
      form: {
        version: 0,
        organisations: organisations.map((o, i) => ({
          organisationId: o.organisationId,
          staffHeadcount: 3000 + i,
          staffWte: 2500,
        })),
        staffPosts: [
          { title: 'Head of library services', wte: 1, qualified: 'yes' },
          { title: 'Clinical librarian', wte: 2, qualified: 'yes' },
          { title: 'Library assistant', wte: 0.8, qualified: 'no' },
        ],
        budgetPounds: 250000,
        strategyEvidenceId: strategyId,
        annualReportEvidenceId: annualReportId,
        slaEvidenceIds: [slaId],
        contextNotes: 'Three sites across the Ribble valley.',
      },
    })
    expect(saved).toEqual({ ok: true })
  })

  it('lists each link’s evidence with the latest version of every current file, its hash and its address', async () => {
    const pack = await packOf(ribbleLead, REFERENCE)
    const strategyVersions = await prisma.evidenceFileVersion.findMany({
      where: { evidenceFile: { evidenceItemId: strategyId } },
      select: { id: true, originalName: true },
    })
    const versionId = (name: string) => strategyVersions.find((v) => v.originalName === name)!.id
    const dates = {
      evidenceDateFrom: new Date('2025-04-01T00:00:00Z'),
      evidenceDateTo: new Date('2026-03-31T00:00:00Z'),
    }
    const strategyFiles = [
      {
        name: 'strategy-final.pdf',
        sizeBytes: 30,
        sha256: sha256('%PDF-1.4 strategy, as approved'),
        mimeType: 'application/pdf',
        url: `${BASE_URL}/evidence/files/${versionId('strategy-final.pdf')}/download`,
      },
      {
        name: 'appendix.docx',
        sizeBytes: 21,
        sha256: sha256('Appendix: service map'),
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        url: `${BASE_URL}/evidence/files/${versionId('appendix.docx')}/download`,
      },
    ]
    const code = pack.outcomes[0]!.indicators[0]!.code
    // The demo data links evidence of its own to these outcomes: only this test's links matter here.
    const ours = (evidence: (typeof pack.outcomes)[number]['evidence']) =>
      evidence.filter((e) => !DEMO_EVIDENCE.some((demo) => demo.title === e.title))
    expect(ours(pack.outcomes[0]!.evidence)).toEqual([
      {
        title: 'Library strategy 2025 to 2028',
        ...dates,
        url: null,
        pointer: 'page 4',
        indicatorCode: code,
        files: strategyFiles,
        portalUrl: `${BASE_URL}/evidence/${strategyId}`,
        archived: false,
      },
      {
        title: 'Library strategy 2025 to 2028',
        ...dates,
        url: null,
        pointer: '',
        indicatorCode: null,
        files: strategyFiles,
        portalUrl: `${BASE_URL}/evidence/${strategyId}`,
        archived: false,
      },
    ])
    const [annualReport, blog] = ours(pack.outcomes[1]!.evidence)
    expect(annualReport?.files.map((f) => [f.name, f.sha256])).toEqual([
      ['annual-report.pdf', sha256('%PDF-1.4 annual report')],
    ])
    expect(annualReport).toMatchObject({ pointer: 'section 2.1', archived: false })
    expect(blog).toEqual({
      title: 'Knowledge for Healthcare blog post',
      ...dates,
      url: 'https://example.org/blog/outreach',
      pointer: '',
      indicatorCode: null,
      files: [],
      portalUrl: `${BASE_URL}/evidence/${blogId}`,
      archived: true,
    })
    expect(pack.outcomes.slice(2).every((o) => ours(o.evidence).length === 0)).toBe(true)
    // A national reader takes away the same list.
    expect((await packOf(admin, REFERENCE)).outcomes.map((o) => o.evidence)).toEqual(
      pack.outcomes.map((o) => o.evidence),
    )
  })

  it('fills the pen portrait with the organisations served, staffing, budget and key documents', async () => {
    const { penPortrait } = await packOf(ribbleLead, REFERENCE)
    expect(penPortrait.organisations.map((o) => o.odsCode).sort()).toEqual(['RWV', 'RXV', 'RYV'])
    expect(
      penPortrait.organisations.every((o) => o.staffWte === 2500 && o.staffHeadcount !== null && o.name.length > 0),
    ).toBe(true)
    expect(penPortrait.staffPosts).toEqual([
      { title: 'Head of library services', wte: 1, qualified: true },
      { title: 'Clinical librarian', wte: 2, qualified: true },
      { title: 'Library assistant', wte: 0.8, qualified: false },
    ])
    expect(penPortrait).toMatchObject({
      budgetPounds: 250000,
      contextNotes: 'Three sites across the Ribble valley.',
      policyStaffPerQualified: 1250,
    })
    expect(penPortrait.staffing).toEqual({
      totalPostsWte: 3.8,
      qualifiedWte: 3,
      organisationStaffWte: 7500,
      staffPerQualified: 2500,
      policyQualifiedWte: 6,
      meetsPolicy: false,
    })
    expect(penPortrait.documents).toEqual([
      { kindLabel: 'Strategy', title: 'Library strategy 2025 to 2028' },
      { kindLabel: 'Annual report', title: 'Annual report 2025' },
      { kindLabel: 'Service level agreement', title: 'Service level agreement with the mental health trust' },
    ])
  })

  it('gives each outcome the service’s narrative, indicator statuses and grades, and nothing for an unanswered one', async () => {
    const pack = await packOf(ribbleLead, REFERENCE)
    const responses = await prisma.outcomeResponse.findMany({
      where: { submission: { reference: REFERENCE } },
      orderBy: { outcome: { number: 'asc' } },
      select: {
        narrative: true,
        keyStrengths: true,
        selfLevel: true,
        selfSubLevel: true,
        indicators: {
          select: { status: true, indicator: { select: { code: true, level: { select: { level: true } } } } },
        },
      },
    })
    expect(responses).toHaveLength(3)
    for (const [index, response] of responses.entries()) {
      const outcome = pack.outcomes[index]!
      expect(outcome.narrative).toBe(response.narrative)
      expect(outcome.narrative.length).toBeGreaterThan(0)
      expect(outcome.keyStrengths).toBe(response.keyStrengths)
      const self = toGrade(response.selfLevel, response.selfSubLevel)
      expect(outcome.selfGrade).toEqual(self.ok ? self.grade : 'malformed')
      const statusOf = new Map(response.indicators.map((i) => [i.indicator.code, i.status]))
      expect(outcome.indicators.map((i) => i.status)).toEqual(
        outcome.indicators.map((i) => statusOf.get(i.code) ?? null),
      )
      const suggested = suggestGrade(
        response.indicators.map((i) => ({
          level: i.indicator.level.level as 1 | 2 | 3 | 4,
          status: i.status as IndicatorStatus,
        })),
      )
      expect(outcome.suggestedGrade).toEqual(suggested)
    }
    expect(pack.outcomes[0]!.statement.length).toBeGreaterThan(0)
    expect(pack.outcomes[0]!.indicators.map((i) => i.level)).toEqual(
      [...pack.outcomes[0]!.indicators.map((i) => i.level)].sort(),
    )
    for (const outcome of pack.outcomes.slice(3)) {
      expect(outcome).toMatchObject({
        narrative: '',
        keyStrengths: '',
        selfGrade: null,
        suggestedGrade: null,
        selfGradeReason: '',
        evidence: [],
        validations: [],
        agreed: null,
      })
      expect(outcome.indicators.length).toBeGreaterThan(0)
      expect(outcome.indicators.every((i) => i.status === null && i.note === '')).toBe(true)
    }
    expect(pack.submission).toMatchObject({ status: 'IN_PROGRESS', submittedAt: null, isLate: null, publishedAt: null })
  })
})
