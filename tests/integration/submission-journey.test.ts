// The service's self-assessment journey against a real database seeded like `npm start`:
// outcomes, conflicts, evidence links, the pen portrait, copy forward, sign-off and submission.
import { parseWithZod } from '@conform-to/zod/v4'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { autosaveNarrative, getOutcomePage, linkEvidence, saveOutcome } from '~/modules/submissions/outcome.server'
import { getPenPortrait, savePenPortrait } from '~/modules/submissions/pen-portrait.server'
import { copyForward } from '~/modules/submissions/copy-forward.server'
import {
  getSubmissionProgress,
  recordSponsorDecision,
  sendForSignOff,
  signOffState,
  submit,
  withdrawFromSignOff,
} from '~/modules/submissions/workflow.server'
import { OutcomeFormSchema, type OutcomeForm, type PenPortraitForm } from '~/modules/submissions/schema'
import type { Actor } from '~/modules/auth/permissions'
import { actorFor } from '../factories'

let lead: Actor
let contributor: Actor
let sponsor: Actor
let viewer: Actor
let otherLead: Actor

const submissionId = async (reference: string) =>
  (await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id
const context = async (
  actor: Actor,
  reference: string,
  action: Parameters<typeof loadSubmissionContext>[2] = 'submission:edit',
) => loadSubmissionContext(actor, await submissionId(reference), action)

/** A full, valid answer to an outcome: every indicator met up to the grade's level. */
async function completeAnswer(reference: string, number: number, version: number): Promise<OutcomeForm> {
  const page = await getOutcomePage(await context(lead, reference), number)
  const indicators = page.indicators.map((i) => ({
    id: i.id,
    status: (i.level <= 2 ? 'MET' : 'NOT_MET') as 'MET' | 'NOT_MET',
    note: '',
  }))
  return {
    intent: 'complete',
    version,
    narrative: `Narrative for outcome ${number}.`,
    keyStrengths: 'Strengths',
    selfLevel: 2,
    selfSubLevel: 'HIGH',
    selfGradeReason: '',
    acknowledgedUnevidenced: [],
    indicators,
  }
}

/**
 * A submission of the same service and organisation as `like`, not yet started, in a cycle of its
 * own: for a test that must see the first save, whichever tests of this file ran before it.
 */
async function notStartedSubmission(reference: string, like: string): Promise<string> {
  const model = await context(lead, like, 'submission:view')
  const cycle = await prisma.cycle.create({
    data: {
      name: `Test cycle for ${reference}`,
      type: 'FULL_VALIDATION',
      status: 'OPEN',
      editionId: model.cycle.editionId,
      evidencePeriodStart: new Date('2027-04-01'),
      evidencePeriodEnd: new Date('2028-03-31'),
      opensAt: new Date('2028-10-01'),
      submissionDeadline: new Date('2029-01-31'),
      validationDeadline: new Date('2029-03-31'),
    },
    select: { id: true },
  })
  await prisma.submission.create({
    data: {
      reference,
      cycleId: cycle.id,
      organisationId: model.organisationId,
      libraryServiceId: model.libraryServiceId,
      regionId: model.regionId,
    },
    select: { id: true },
  })
  return reference
}

function penPortraitForm(organisationIds: string[], version: number): PenPortraitForm {
  return {
    version,
    organisations: organisationIds.map((organisationId, i) => ({
      organisationId,
      staffHeadcount: 3000 + i,
      staffWte: 2500.5,
    })),
    staffPosts: [
      { title: 'Head of library services', wte: 1, qualified: 'yes' },
      { title: 'Library assistant', wte: 0.8, qualified: 'no' },
    ],
    budgetPounds: 250000,
    slaEvidenceIds: [],
    contextNotes: 'Three sites.',
  }
}

async function evidenceItem(libraryServiceName: string, title: string) {
  const service = await prisma.libraryService.findUniqueOrThrow({
    where: { name: libraryServiceName },
    select: { id: true },
  })
  const creator = await prisma.user.findUniqueOrThrow({ where: { email: 'lead@demo.nhs.uk' }, select: { id: true } })
  return prisma.evidenceItem.create({
    data: { libraryServiceId: service.id, title, evidenceDateFrom: new Date('2025-06-01'), createdById: creator.id },
    select: { id: true },
  })
}

beforeAll(async () => {
  await useDemoData()
  lead = await actorFor('lead@demo.nhs.uk')
  contributor = await actorFor('contributor@demo.nhs.uk')
  sponsor = await actorFor('sponsor@demo.nhs.uk')
  viewer = await actorFor('viewer@demo.nhs.uk')
  otherLead = await actorFor('mark.lewis@demo.nhs.uk')
})

describe('who may work on a submission', () => {
  it('lets the service edit, and gives everyone else 404 or 403', async () => {
    await expect(context(lead, 'LKS-2627-RWV')).resolves.toMatchObject({ reference: 'LKS-2627-RWV' })
    await expect(context(contributor, 'LKS-2627-RWV')).resolves.toMatchObject({ reference: 'LKS-2627-RWV' })
    await expect(context(otherLead, 'LKS-2627-RWV')).rejects.toMatchObject({ status: 404 })
    await expect(context(sponsor, 'LKS-2627-RXV')).rejects.toMatchObject({ status: 403 })
    await expect(context(viewer, 'LKS-2627-RXV')).rejects.toMatchObject({ status: 403 })
  })
})

describe('saving an outcome', () => {
  it('starts the submission, saves the answers and records who did what', async () => {
    const reference = await notStartedSubmission('LKS-2829-RWV', 'LKS-2627-RWV')
    const ctx = await context(contributor, reference)
    expect(ctx.status).toBe('NOT_STARTED')
    const form = { ...(await completeAnswer(reference, 1, 0)), intent: 'save' as const }
    const result = await saveOutcome({ actor: contributor, context: ctx, number: 1, form, ipAddress: '' })
    expect(result).toMatchObject({ ok: true, version: 1, status: 'IN_PROGRESS' })
    const page = await getOutcomePage(await context(lead, reference), 1)
    expect(page.response).toMatchObject({
      narrative: 'Narrative for outcome 1.',
      selfLevel: 2,
      selfSubLevel: 'HIGH',
      version: 1,
    })
    expect(page.indicators.every((i) => i.status !== null)).toBe(true)
    expect(page.suggested).toEqual({ level: 2, subLevel: 'HIGH' })
    expect((await context(lead, reference)).status).toBe('IN_PROGRESS')
    const actions = await prisma.auditEvent.findMany({ where: { submissionId: ctx.id }, select: { action: true } })
    expect(actions.map((a) => a.action).sort()).toEqual(['outcome_response.saved', 'submission.started'])
  })

  it('detects a second save of the same version and shows both texts, never overwriting', async () => {
    const ctx = await context(lead, 'LKS-2627-RWV')
    const base = await completeAnswer('LKS-2627-RWV', 2, 0)
    const first = await saveOutcome({
      actor: lead,
      context: ctx,
      number: 2,
      form: { ...base, intent: 'save', narrative: 'Zoë’s text' },
      ipAddress: '',
    })
    expect(first).toMatchObject({ ok: true, version: 1 })
    const second = await saveOutcome({
      actor: contributor,
      context: ctx,
      number: 2,
      form: { ...base, intent: 'save', version: 0, narrative: 'Sam’s text' },
      ipAddress: '',
    })
    expect(second).toMatchObject({
      ok: false,
      kind: 'conflict',
      current: { narrative: 'Zoë’s text', version: 1, updatedByName: 'Zoë Hartley' },
    })
    expect((await getOutcomePage(ctx, 2)).response.narrative).toBe('Zoë’s text')
    // Having seen both, the user saves against the latest version.
    const reconciled = await saveOutcome({
      actor: contributor,
      context: ctx,
      number: 2,
      form: { ...base, intent: 'save', version: 1, narrative: 'Zoë’s text and Sam’s text' },
      ipAddress: '',
    })
    expect(reconciled).toMatchObject({ ok: true, version: 2 })
  })

  it('autosaves the narrative with the same version check', async () => {
    const ctx = await context(lead, 'LKS-2627-RWV')
    const saved = await autosaveNarrative({
      actor: lead,
      context: ctx,
      number: 3,
      version: 0,
      narrative: 'Draft in progress',
      ipAddress: '',
    })
    expect(saved).toMatchObject({ ok: true, version: 1 })
    expect(
      await autosaveNarrative({
        actor: lead,
        context: ctx,
        number: 3,
        version: 0,
        narrative: 'Stale tab',
        ipAddress: '',
      }),
    ).toMatchObject({ ok: false, kind: 'conflict' })
    expect((await getOutcomePage(ctx, 3)).response).toMatchObject({
      narrative: 'Draft in progress',
      status: 'IN_PROGRESS',
    })
  })

  it('refuses to complete an unfinished outcome and asks for a reason when the grade differs', async () => {
    const ctx = await context(lead, 'LKS-2627-RWV')
    const answer = await completeAnswer('LKS-2627-RWV', 4, 0)
    expect(
      await saveOutcome({ actor: lead, context: ctx, number: 4, form: { ...answer, narrative: '' }, ipAddress: '' }),
    ).toEqual({
      ok: false,
      kind: 'invalid',
      problems: [{ field: 'narrative', message: 'Enter a narrative for outcome 4' }],
    })
    const differs = await saveOutcome({
      actor: lead,
      context: ctx,
      number: 4,
      form: { ...answer, intent: 'save', selfLevel: 3, selfSubLevel: 'LOW' },
      ipAddress: '',
    })
    expect(differs).toMatchObject({ ok: false, kind: 'invalid', problems: [{ field: 'selfGradeReason' }] })
    expect((await getOutcomePage(ctx, 4)).response.version).toBe(0)
  })

  it('warns of indicators without evidence before marking an outcome as completed, and completes once confirmed', async () => {
    const reference = await notStartedSubmission('LKS-2930-RWV', 'LKS-2627-RWV')
    const ctx = await context(lead, reference)
    const first = await saveOutcome({
      actor: lead,
      context: ctx,
      number: 2,
      form: { ...(await completeAnswer(reference, 2, 0)), intent: 'save' },
      ipAddress: '',
    })
    expect(first).toMatchObject({ ok: true, version: 1 })
    // One indicator of level 1 has evidence; the others of levels 1 and 2 (claimed) have none.
    const page = await getOutcomePage(ctx, 2)
    const evidenced = page.indicators.find((i) => i.level === 1)!
    const item = await evidenceItem('Ribble Valley Library and Knowledge Service', 'Evidence for the warning')
    await linkEvidence({
      actor: lead,
      context: ctx,
      number: 2,
      evidenceItemId: item.id,
      target: evidenced.id,
      pointer: '',
      ipAddress: '',
    })
    const expected = page.indicators
      .filter((i) => i.level <= 2 && i.id !== evidenced.id)
      .map((i) => ({ id: i.id, code: i.code }))
    expect(expected.length).toBeGreaterThan(0)

    const complete = async (acknowledgedUnevidenced: string[]) =>
      saveOutcome({
        actor: lead,
        context: ctx,
        number: 2,
        form: { ...(await completeAnswer(reference, 2, 1)), acknowledgedUnevidenced },
        ipAddress: '',
        warnUnevidenced: true,
      })
    expect(await complete([])).toEqual({ ok: false, kind: 'unevidenced', indicators: expected })
    // Nothing was saved: still version 1, in progress.
    expect((await getOutcomePage(ctx, 2)).response).toMatchObject({ version: 1, status: 'IN_PROGRESS' })
    // Warned of only some of them, it warns of the rest.
    expect(await complete([expected[0]!.id])).toEqual({
      ok: false,
      kind: 'unevidenced',
      indicators: expected.slice(1),
    })
    expect(await complete(expected.map((i) => i.id))).toMatchObject({ ok: true, version: 2, status: 'COMPLETED' })
  })

  it('rejects impossible grades and over-long narratives in the form schema', () => {
    const form = (entries: Record<string, string>) => {
      const data = new FormData()
      for (const [k, v] of Object.entries(entries)) data.set(k, v)
      const result = parseWithZod(data, { schema: OutcomeFormSchema })
      return { status: result.status, error: result.status === 'error' ? result.error : undefined }
    }
    const level0 = form({ version: '0', selfLevel: '0', selfSubLevel: 'LOW' })
    expect(level0.status).toBe('error')
    expect(level0.error?.selfSubLevel).toEqual([
      'Level 0 has no sub-level. Select level 1 or above, or clear the sub-level',
    ])
    // Word-length narratives (5,000 words is about 32,000 characters) fit; past 60,000 is refused.
    expect(form({ version: '0', narrative: 'x'.repeat(60_000) }).error?.narrative).toBeUndefined()
    const tooLong = form({ version: '0', narrative: 'x'.repeat(60_001) })
    expect(tooLong.error?.narrative).toEqual(['Narrative must be 60,000 characters or fewer'])
    expect(form({ version: '0', selfLevel: '5' }).error?.selfLevel).toEqual(['Select a level from 0 to 4'])
  })

  it('refuses an indicator from another outcome', async () => {
    const ctx = await context(lead, 'LKS-2627-RWV')
    const other = await getOutcomePage(ctx, 6)
    const answer = await completeAnswer('LKS-2627-RWV', 5, 0)
    const forged = {
      ...answer,
      indicators: [...answer.indicators, { id: other.indicators[0]!.id, status: 'MET' as const, note: '' }],
    }
    await expect(
      saveOutcome({ actor: lead, context: ctx, number: 5, form: forged, ipAddress: '' }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('linking evidence', () => {
  it('links only the service’s own current items, once per place', async () => {
    const ctx = await context(lead, 'LKS-2627-RWV')
    const own = await evidenceItem('Ribble Valley Library and Knowledge Service', 'LKS strategy 2025 to 2028')
    const others = await evidenceItem('Thameside Healthcare Library', 'Thameside strategy')
    const page = await getOutcomePage(ctx, 1)
    const indicator = page.indicators[0]!
    const link = (evidenceItemId: string, target: string) =>
      linkEvidence({ actor: lead, context: ctx, number: 1, evidenceItemId, target, pointer: 'page 4', ipAddress: '' })
    expect(await link(others.id, 'outcome')).toEqual({
      ok: false,
      field: 'evidenceItemId',
      message: 'Select an evidence item from your library',
    })
    expect(await link(own.id, indicator.id)).toEqual({ ok: true })
    expect(await link(own.id, indicator.id)).toEqual({
      ok: false,
      field: 'evidenceItemId',
      message: 'That evidence is already linked there',
    })
    expect(await link(own.id, 'outcome')).toEqual({ ok: true })
    expect(await link(own.id, 'not-an-indicator')).toMatchObject({ ok: false, field: 'target' })
    const after = await getOutcomePage(ctx, 1)
    expect(after.links.map((l) => [l.item.title, l.indicatorCode, l.pointer])).toEqual([
      ['LKS strategy 2025 to 2028', indicator.code, 'page 4'],
      ['LKS strategy 2025 to 2028', null, 'page 4'],
    ])
  })
})

describe('the pen portrait', () => {
  it('saves, works out the ratio, and detects a stale save', async () => {
    const ctx = await context(lead, 'LKS-2627-RWV')
    const portrait = await getPenPortrait(ctx)
    const ids = portrait.organisations.map((o) => o.id)
    expect(ids).toHaveLength(3)
    expect(await savePenPortrait({ actor: lead, context: ctx, form: penPortraitForm(ids, 0), ipAddress: '' })).toEqual({
      ok: true,
    })
    const saved = await getPenPortrait(ctx)
    expect(saved.staffing).toMatchObject({
      totalPostsWte: 1.8,
      qualifiedWte: 1,
      organisationStaffWte: 7501.5,
      staffPerQualified: 7502,
      meetsPolicy: false,
    })
    expect(
      await savePenPortrait({ actor: contributor, context: ctx, form: penPortraitForm(ids, 0), ipAddress: '' }),
    ).toMatchObject({ ok: false, kind: 'conflict' })
  })

  it('refuses an organisation the service does not serve, and another service’s evidence', async () => {
    const ctx = await context(lead, 'LKS-2627-RWV')
    const { version, organisations } = await getPenPortrait(ctx)
    const foreignOrg = await prisma.organisation.findUniqueOrThrow({ where: { odsCode: 'RTH' }, select: { id: true } })
    const withForeignOrg = await savePenPortrait({
      actor: lead,
      context: ctx,
      form: penPortraitForm([...organisations.map((o) => o.id), foreignOrg.id], version),
      ipAddress: '',
    })
    expect(withForeignOrg).toMatchObject({ ok: false, kind: 'invalid' })
    const foreignItem = await evidenceItem('Thameside Healthcare Library', 'Thameside annual report')
    const withForeignItem = await savePenPortrait({
      actor: lead,
      context: ctx,
      form: {
        ...penPortraitForm(
          organisations.map((o) => o.id),
          version,
        ),
        annualReportEvidenceId: foreignItem.id,
      },
      ipAddress: '',
    })
    expect(withForeignItem).toEqual({
      ok: false,
      kind: 'invalid',
      fieldErrors: { annualReportEvidenceId: ['Select an annual report from your evidence library'] },
    })
  })
})

describe('copy forward', () => {
  it('copies narratives, evidence links and the pen portrait from the last cycle, but not grades or indicator statuses', async () => {
    // The demo's Ribble and Fylde baseline submission is the one to copy; its 2026/27 one is awaiting sign-off,
    // so use a fresh cycle for the organisation.
    const source = await context(lead, 'LKS-2122-RYV', 'submission:view')
    const cycle = await prisma.cycle.create({
      data: {
        name: '2027/28',
        type: 'FULL_VALIDATION',
        status: 'OPEN',
        editionId: source.cycle.editionId,
        evidencePeriodStart: new Date('2026-04-01'),
        evidencePeriodEnd: new Date('2027-03-31'),
        opensAt: new Date('2027-10-01'),
        submissionDeadline: new Date('2028-01-31'),
        validationDeadline: new Date('2028-03-31'),
      },
      select: { id: true },
    })
    const fresh = await prisma.submission.create({
      data: {
        reference: 'LKS-2728-RYV',
        cycleId: cycle.id,
        organisationId: source.organisationId,
        libraryServiceId: source.libraryServiceId,
        regionId: source.regionId,
      },
      select: { id: true },
    })
    const ctx = await loadSubmissionContext(lead, fresh.id, 'submission:edit')
    const result = await copyForward({ actor: lead, context: ctx, ipAddress: '' })
    expect(result).toEqual({ ok: true, fromCycle: '2026/27', outcomes: 6 })
    const page = await getOutcomePage(await loadSubmissionContext(lead, fresh.id, 'submission:edit'), 1)
    expect(page.response).toMatchObject({ status: 'IN_PROGRESS', copiedForward: true, selfLevel: null })
    expect(page.response.narrative).not.toBe('')
    // Every indicator is to be reviewed again, with last cycle's status beside it.
    expect(page.indicators.every((i) => i.status === null)).toBe(true)
    // Copied from the latest earlier submission with answers: 2026/27's, signed off and submitted.
    const sourcePage = await getOutcomePage(await context(lead, 'LKS-2627-RYV', 'submission:view'), 1)
    expect(page.indicators.map((i) => i.previous?.status ?? null)).toEqual(sourcePage.indicators.map((i) => i.status))
    expect(page.indicators.some((i) => i.previous !== null)).toBe(true)
    expect(page.previous).toEqual({
      cycleName: '2026/27',
      narrative: { kind: 'unchanged' },
      keyStrengths: { kind: 'unchanged' },
    })
    // Once the narrative is edited, the page shows what changed since the copy.
    const edited = `${page.response.narrative} We now run weekly clinics on the wards.`
    const form = await completeAnswer('LKS-2728-RYV', 1, page.response.version)
    expect(
      await saveOutcome({
        actor: lead,
        context: await loadSubmissionContext(lead, fresh.id, 'submission:edit'),
        number: 1,
        form: { ...form, narrative: edited },
        ipAddress: '',
      }),
    ).toMatchObject({ ok: true })
    const after = await getOutcomePage(await loadSubmissionContext(lead, fresh.id, 'submission:edit'), 1)
    expect(after.response.copiedForward).toBe(false)
    expect(after.previous?.narrative).toMatchObject({ kind: 'changed', added: 8, removed: 0 })
    expect(
      await copyForward({
        actor: lead,
        context: await loadSubmissionContext(lead, fresh.id, 'submission:edit'),
        ipAddress: '',
      }),
    ).toMatchObject({ ok: false })
  })
})

describe('sign-off and submission', () => {
  it('goes from complete answers, through the sponsor, to a locked submission', async () => {
    const reference = 'LKS-2627-RXV'
    let ctx = await context(lead, reference)
    // Finish every outcome and the pen portrait.
    for (const number of [1, 2, 3, 4, 5, 6]) {
      const page = await getOutcomePage(ctx, number)
      const result = await saveOutcome({
        actor: lead,
        context: ctx,
        number,
        form: await completeAnswer(reference, number, page.response.version),
        ipAddress: '',
      })
      expect(result).toMatchObject({ ok: true, status: 'COMPLETED' })
    }
    const portrait = await getPenPortrait(ctx)
    expect(
      await savePenPortrait({
        actor: lead,
        context: ctx,
        form: penPortraitForm(
          portrait.organisations.map((o) => o.id),
          portrait.version,
        ),
        ipAddress: '',
      }),
    ).toEqual({ ok: true })
    expect((await getSubmissionProgress(ctx)).tasks).toMatchObject({
      readyForSignOff: true,
      signOff: 'NOT_STARTED',
      submit: 'CANNOT_START',
    })

    // Contributors cannot send for sign-off; the lead can.
    await expect(sendForSignOff({ actor: contributor, context: ctx, ipAddress: '' })).rejects.toMatchObject({
      status: 403,
    })
    expect(await sendForSignOff({ actor: lead, context: ctx, ipAddress: '' })).toEqual({ ok: true })
    ctx = await context(lead, reference)
    expect(ctx.status).toBe('AWAITING_SIGN_OFF')
    await expect(
      saveOutcome({ actor: lead, context: ctx, number: 1, form: await completeAnswer(reference, 1, 2), ipAddress: '' }),
    ).rejects.toMatchObject({ status: 409 })

    // The lead can take it back to make a change, and send it again.
    await expect(
      withdrawFromSignOff({ actor: contributor, context: await context(contributor, reference), ipAddress: '' }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await withdrawFromSignOff({ actor: lead, context: ctx, ipAddress: '' })).toEqual({ ok: true })
    ctx = await context(lead, reference)
    expect(ctx.status).toBe('IN_PROGRESS')
    expect(await sendForSignOff({ actor: lead, context: ctx, ipAddress: '' })).toEqual({ ok: true })
    // A stale page cannot send it twice.
    expect(await sendForSignOff({ actor: lead, context: ctx, ipAddress: '' })).toMatchObject({ ok: false })

    // The sponsor returns it with a reason; the lead sends it again; the sponsor signs off.
    const sponsorCtx = () => context(sponsor, reference, 'submission:sign-off')
    expect(
      await recordSponsorDecision({
        actor: sponsor,
        context: await sponsorCtx(),
        decision: 'RETURNED',
        signerName: 'Dr Aisha Rahman',
        signerRole: 'Chief Medical Officer',
        reason: 'Add the 2025 impact survey',
        ipAddress: '',
      }),
    ).toEqual({ ok: true })
    ctx = await context(lead, reference)
    expect(ctx.status).toBe('IN_PROGRESS')
    expect(await signOffState(ctx)).toMatchObject({ kind: 'RETURNED', reason: 'Add the 2025 impact survey' })
    expect(await submit({ actor: lead, context: ctx, ipAddress: '' })).toMatchObject({ ok: false })
    expect(await sendForSignOff({ actor: lead, context: ctx, ipAddress: '' })).toEqual({ ok: true })
    expect(
      await recordSponsorDecision({
        actor: sponsor,
        context: await sponsorCtx(),
        decision: 'SIGNED_OFF',
        signerName: 'Dr Aisha Rahman',
        signerRole: 'Chief Medical Officer',
        reason: '',
        ipAddress: '',
      }),
    ).toEqual({ ok: true })
    expect(
      await recordSponsorDecision({
        actor: sponsor,
        context: await sponsorCtx(),
        decision: 'SIGNED_OFF',
        signerName: 'Dr Aisha Rahman',
        signerRole: 'Chief Medical Officer',
        reason: '',
        ipAddress: '',
      }),
    ).toMatchObject({ ok: false })

    // Only the lead submits; the submission is then locked and time-stamped.
    ctx = await context(lead, reference)
    await expect(
      submit({ actor: contributor, context: await context(contributor, reference), ipAddress: '' }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await submit({ actor: lead, context: ctx, ipAddress: '' })).toEqual({ ok: true })
    const submitted = await context(lead, reference)
    expect(submitted).toMatchObject({ status: 'SUBMITTED', isLate: false })
    expect(submitted.submittedAt).toBeInstanceOf(Date)
    await expect(
      saveOutcome({
        actor: lead,
        context: submitted,
        number: 1,
        form: await completeAnswer(reference, 1, 3),
        ipAddress: '',
      }),
    ).rejects.toMatchObject({ status: 409 })
    await expect(
      savePenPortrait({ actor: lead, context: submitted, form: penPortraitForm([], 2), ipAddress: '' }),
    ).rejects.toMatchObject({ status: 409 })
    // A stale page cannot submit twice.
    expect(await submit({ actor: lead, context: ctx, ipAddress: '' })).toMatchObject({ ok: false })

    const trail = await prisma.auditEvent.findMany({
      where: { submissionId: ctx.id, entityType: 'Submission' },
      orderBy: { at: 'asc' },
      select: { action: true },
    })
    // The demo submission was already in progress, so the trail starts at sending for sign-off.
    expect(trail.map((t) => t.action)).toEqual([
      'submission.sent_for_sign_off',
      'submission.withdrawn_from_sign_off',
      'submission.sent_for_sign_off',
      'submission.returned_by_sponsor',
      'submission.sent_for_sign_off',
      'submission.signed_off',
      'submission.submitted',
    ])
  })
})
