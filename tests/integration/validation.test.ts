// Regional validation against the seeded demo data: assignment, independent grading, completion,
// moderation or agreement, publication and reopening, with who may do each.
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { portalOrigin } from '~/modules/notifications/notifications.server'
import { mailMark, sentSince } from './mail-helpers'
import type { Actor } from '~/modules/auth/permissions'
import { loadSubmissionContext } from '~/modules/submissions/access.server'
import { assignValidators, listCandidates } from '~/modules/validation/assignment.server'
import {
  completeValidation,
  getReviewOutcome,
  getWorkspaceOverview,
  gradesOfBoth,
  saveValidation,
} from '~/modules/validation/workspace.server'
import {
  finaliseAgreement,
  getAgreement,
  publishResult,
  recordAgreedResult,
  reopenResult,
  reopenValidation,
} from '~/modules/validation/agreement.server'
import type { ValidationForm } from '~/modules/validation/schema'
import { validationFieldValues } from '~/modules/validation/validation-fields'
import { actorFor } from '../factories'

const id = async (reference: string) =>
  (await prisma.submission.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id
const userId = async (email: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
const due = new Date(Date.now() + 30 * 86400000)

const grade = (level: number, subLevel: 'LOW' | 'MEDIUM' | 'HIGH' | undefined, version = 0): ValidationForm => ({
  version,
  level,
  subLevel,
  rationale: 'Evidence supports this level.',
  notes: '',
  judgements: [],
})

async function gradeAll(
  actor: Actor,
  assignmentId: string,
  grades: Array<[number, 'LOW' | 'MEDIUM' | 'HIGH' | undefined]>,
) {
  for (const [index, [level, subLevel]] of grades.entries()) {
    const review = await getReviewOutcome(actor, assignmentId, index + 1)
    expect(
      await saveValidation({
        actor,
        assignmentId,
        number: index + 1,
        form: grade(level, subLevel, review.validation.version),
        ipAddress: '',
      }),
    ).toEqual({ ok: true })
  }
}

const assignmentOf = async (reference: string, email: string) =>
  (
    await prisma.validatorAssignment.findFirstOrThrow({
      where: { submission: { reference }, validator: { email } },
      select: { id: true },
    })
  ).id

let londonLead: Actor
let northWestLead: Actor
let southWestLead: Actor
let validator: Actor
let priya: Actor
let fiona: Actor
let serviceLead: Actor

beforeAll(async () => {
  await useDemoData()
  londonLead = await actorFor('rachel.osei@demo.nhs.uk')
  northWestLead = await actorFor('regional.lead@demo.nhs.uk')
  southWestLead = await actorFor('david.evans@demo.nhs.uk')
  validator = await actorFor('validator@demo.nhs.uk')
  priya = await actorFor('priya.shah@demo.nhs.uk')
  fiona = await actorFor('fiona.campbell@demo.nhs.uk')
  serviceLead = await actorFor('mark.lewis@demo.nhs.uk')
})

// One journey: London's one submitted submission, LKS-2627-RKQ, from assignment to a reopened
// result. Each step acts on it as the step before left it (assigned, graded by both, moderated), so
// the steps run in order even when Vitest shuffles.
describe('LKS-2627-RKQ through validation', { shuffle: false }, () => {
  describe('assignment', () => {
    it('offers a primary from the region and a second from elsewhere, and starts validation', async () => {
      const context = await loadSubmissionContext(londonLead, await id('LKS-2627-RKQ'), 'validation:assign')
      const candidates = await listCandidates(context)
      const byName = (name: string) => candidates.find((c) => c.name === name)!
      expect(byName('Łukasz Nowak').eligible).toEqual({ PRIMARY: true, SECONDARY: false })
      expect(byName('Priya Shah').eligible).toEqual({ PRIMARY: false, SECONDARY: true })

      const wrong = await assignValidators({
        actor: londonLead,
        context,
        primaryId: await userId('priya.shah@demo.nhs.uk'),
        secondaryId: await userId('validator@demo.nhs.uk'),
        dueDate: due,
        ipAddress: '',
      })
      expect(wrong).toMatchObject({
        ok: false,
        fieldErrors: { primaryId: [expect.any(String)], secondaryId: [expect.any(String)] },
      })
      expect((await loadSubmissionContext(londonLead, context.id)).status).toBe('SUBMITTED')

      const result = await assignValidators({
        actor: londonLead,
        context,
        primaryId: await userId('validator@demo.nhs.uk'),
        secondaryId: await userId('priya.shah@demo.nhs.uk'),
        dueDate: due,
        ipAddress: '',
      })
      expect(result).toEqual({ ok: true })
      expect((await loadSubmissionContext(londonLead, context.id)).status).toBe('IN_VALIDATION')
    })

    it('refuses a regional lead outside the region and the service itself', async () => {
      await expect(
        loadSubmissionContext(northWestLead, await id('LKS-2627-RKQ'), 'validation:assign'),
      ).rejects.toMatchObject({ status: 404 })
      await expect(
        loadSubmissionContext(serviceLead, await id('LKS-2627-RKQ'), 'validation:assign'),
      ).rejects.toMatchObject({ status: 403 })
    })
  })

  describe('independent grading, then moderation', () => {
    it('keeps each validator’s grades from the other until both complete, and sends a wide difference to moderation', async () => {
      const reference = 'LKS-2627-RKQ'
      const primary = await assignmentOf(reference, 'validator@demo.nhs.uk')
      const second = await assignmentOf(reference, 'priya.shah@demo.nhs.uk')
      // A validator cannot open someone else's assignment.
      await expect(getWorkspaceOverview(priya, primary)).rejects.toMatchObject({ status: 404 })

      await gradeAll(validator, primary, [
        [2, 'HIGH'],
        [2, 'MEDIUM'],
        [3, 'LOW'],
        [1, 'HIGH'],
        [2, 'LOW'],
        [2, 'MEDIUM'],
      ])
      // An impossible grade is refused by the schema; a stale version is a conflict.
      expect(
        await saveValidation({
          actor: validator,
          assignmentId: primary,
          number: 1,
          form: grade(2, 'HIGH', 0),
          ipAddress: '',
        }),
      ).toMatchObject({ ok: false, kind: 'conflict' })
      expect(await completeValidation({ actor: validator, assignmentId: primary, ipAddress: '' })).toEqual({
        ok: true,
        next: 'WAITING',
      })
      expect(await gradesOfBoth(await loadSubmissionContext(validator, await id(reference)))).toBeNull()
      // Completed: no more changes without the regional lead reopening it.
      expect(
        await saveValidation({
          actor: validator,
          assignmentId: primary,
          number: 1,
          form: grade(3, 'LOW', 1),
          ipAddress: '',
        }),
      ).toMatchObject({ ok: false, kind: 'locked' })

      // The second validator must grade every outcome before completing.
      expect(await completeValidation({ actor: priya, assignmentId: second, ipAddress: '' })).toMatchObject({
        ok: false,
        missing: [1, 2, 3, 4, 5, 6],
      })
      await gradeAll(priya, second, [
        [2, 'MEDIUM'],
        [2, 'MEDIUM'],
        [2, 'LOW'],
        [1, 'HIGH'],
        [2, 'LOW'],
        [2, 'HIGH'],
      ])
      const mark = await mailMark()
      expect(await completeValidation({ actor: priya, assignmentId: second, ipAddress: '' })).toEqual({
        ok: true,
        next: 'MODERATION',
      })
      // The primary validator hears that the second has completed and what is left to them; the
      // region's lead hears which outcome to moderate, each with a link to the next step.
      const mail = await sentSince(mark)
      expect(mail.map((m) => [m.kind, m.to])).toEqual([
        ['SECOND_VALIDATION_COMPLETED', ['validator@demo.nhs.uk']],
        ['MODERATION_NEEDED', ['rachel.osei@demo.nhs.uk']],
      ])
      const submissionUrl = `${portalOrigin()}/submissions/${await id(reference)}/agreement`
      expect(mail[0]!.text).toContain(
        'differ by more than one sub-level for outcome 3, which the regional lead moderates',
      )
      expect(mail[0]!.text).toContain(submissionUrl)
      expect(mail[1]!.subject).toContain('Moderation needed: outcome 3 of the 2026/27 submission')
      expect(mail[1]!.text).toMatch(/- outcome 3: \S/)
      expect(mail[1]!.text).toContain(submissionUrl)

      const context = await loadSubmissionContext(londonLead, await id(reference))
      expect(context.status).toBe('IN_MODERATION')
      const both = await gradesOfBoth(context)
      expect(both?.agreement).toEqual({ kind: 'MODERATION', differing: [{ outcomeNumber: 3, steps: 3 }] })
    })

    it('moderates outcome by outcome: the regional lead decides only the outcome that differs, the primary validator records the rest', async () => {
      const reference = 'LKS-2627-RKQ'
      let context = await loadSubmissionContext(londonLead, await id(reference))
      const validatorContext = await loadSubmissionContext(validator, context.id)
      const form = (level: number, subLevel: 'LOW' | 'MEDIUM' | 'HIGH' | undefined, requiredActions = '') => ({
        level,
        subLevel,
        rationale: 'Read both rationales and the linked evidence.',
        strengths: 'Strong outreach.',
        areasForDevelopment: 'Board reporting.',
        requiredActions,
        recommendations: 'Share case studies.',
      })
      // Outcome 3 differs by three steps: only the regional lead may decide it, not the primary validator.
      expect(
        await recordAgreedResult({
          actor: validator,
          context: validatorContext,
          number: 3,
          form: form(2, 'HIGH'),
          ipAddress: '',
        }),
      ).toEqual({ ok: false, message: 'Only the regional lead can record the moderated grade of this outcome.' })
      // Outcome 1 is within one sub-level: the validators agreed it, so the regional lead may not record it.
      expect(
        await recordAgreedResult({ actor: londonLead, context, number: 1, form: form(2, 'HIGH'), ipAddress: '' }),
      ).toMatchObject({ ok: false, message: expect.any(String) })

      const before = await getAgreement(londonLead, context)
      expect(before.outcomes.map((o) => [o.number, o.decidedBy, o.canRecord])).toEqual([
        [1, 'VALIDATORS', false],
        [2, 'VALIDATORS', false],
        [3, 'MODERATION', true],
        [4, 'VALIDATORS', false],
        [5, 'VALIDATORS', false],
        [6, 'VALIDATORS', false],
      ])

      // A moderated grade below the minimum needs a required action.
      expect(
        await recordAgreedResult({ actor: londonLead, context, number: 3, form: form(1, 'HIGH'), ipAddress: '' }),
      ).toEqual({
        ok: false,
        fieldErrors: {
          requiredActions: [
            'Enter at least one required action: level 1 is below the cycle’s minimum expected level of 2',
          ],
        },
      })
      expect(
        await recordAgreedResult({
          actor: londonLead,
          context,
          number: 3,
          form: form(1, 'HIGH', 'Agree a staffing plan with the sponsor\nReport to the Board quarterly'),
          ipAddress: '',
        }),
      ).toEqual({ ok: true })
      // Not every outcome is agreed yet: nothing to confirm.
      expect(await finaliseAgreement({ actor: londonLead, context, ipAddress: '' })).toMatchObject({ ok: false })

      // The primary validator records the outcomes the validators agreed on, while the submission is in moderation.
      for (const number of [1, 2, 4, 5, 6]) {
        expect(
          await recordAgreedResult({
            actor: validator,
            context: validatorContext,
            number,
            form: form(2, 'MEDIUM'),
            ipAddress: '',
          }),
        ).toEqual({ ok: true })
      }
      expect(await finaliseAgreement({ actor: londonLead, context, ipAddress: '' })).toEqual({ ok: true })

      context = await loadSubmissionContext(londonLead, context.id)
      expect(context.status).toBe('VALIDATED')
      const agreement = await getAgreement(londonLead, context)
      expect(agreement.outcomes.find((o) => o.number === 3)?.agreed?.requiredActions).toEqual([
        'Agree a staffing plan with the sponsor',
        'Report to the Board quarterly',
      ])
      expect(agreement.outcomes.map((o) => [o.number, o.agreed?.viaModeration, o.agreed?.agreedBy])).toEqual([
        [1, false, 'Łukasz Nowak'],
        [2, false, 'Łukasz Nowak'],
        [3, true, 'Rachel Osei'],
        [4, false, 'Łukasz Nowak'],
        [5, false, 'Łukasz Nowak'],
        [6, false, 'Łukasz Nowak'],
      ])
      const recorded = await prisma.auditEvent.findMany({
        where: {
          submissionId: context.id,
          action: { in: ['validation.agreed_grade_recorded', 'validation.moderated_grade_recorded'] },
        },
        select: { action: true, after: true },
      })
      expect(
        recorded
          .filter((r) => r.action === 'validation.moderated_grade_recorded')
          .map((r) => (JSON.parse(r.after!) as { outcome: number }).outcome),
      ).toEqual([3])
      expect(recorded.filter((r) => r.action === 'validation.agreed_grade_recorded')).toHaveLength(5)

      expect(
        await publishResult({
          actor: validator,
          context: await loadSubmissionContext(validator, context.id),
          ipAddress: '',
        }),
      ).toMatchObject({ ok: false })
      expect(await publishResult({ actor: londonLead, context, ipAddress: '' })).toEqual({ ok: true })
      context = await loadSubmissionContext(londonLead, context.id)
      expect(context).toMatchObject({ status: 'PUBLISHED' })
      expect(
        await reopenResult({ actor: londonLead, context, reason: 'Outcome 4 evidence was misread', ipAddress: '' }),
      ).toEqual({ ok: true })
      expect((await loadSubmissionContext(londonLead, context.id)).status).toBe('VALIDATED')

      const trail = await prisma.auditEvent.findMany({
        where: { submissionId: context.id, entityType: 'Submission' },
        orderBy: { at: 'asc' },
        select: { action: true },
      })
      expect(trail.map((t) => t.action)).toEqual([
        'validation.validators_assigned',
        'submission.sent_to_moderation',
        'submission.validated',
        'submission.result_published',
        'submission.result_reopened',
      ])
    })
  })
})

describe('agreement without moderation', () => {
  it('lets the primary validator record the agreed result when both agree within one sub-level', async () => {
    const reference = 'LKS-2627-RTM'
    const context = await loadSubmissionContext(southWestLead, await id(reference), 'validation:assign')
    expect(
      await assignValidators({
        actor: southWestLead,
        context,
        primaryId: await userId('fiona.campbell@demo.nhs.uk'),
        secondaryId: await userId('validator@demo.nhs.uk'),
        dueDate: due,
        ipAddress: '',
      }),
    ).toEqual({ ok: true })
    const primary = await assignmentOf(reference, 'fiona.campbell@demo.nhs.uk')
    const second = await assignmentOf(reference, 'validator@demo.nhs.uk')
    await gradeAll(fiona, primary, [
      [2, 'HIGH'],
      [2, 'MEDIUM'],
      [3, 'LOW'],
      [2, 'HIGH'],
      [2, 'LOW'],
      [2, 'MEDIUM'],
    ])
    await gradeAll(validator, second, [
      [3, 'LOW'],
      [2, 'MEDIUM'],
      [2, 'HIGH'],
      [2, 'HIGH'],
      [2, 'MEDIUM'],
      [2, 'MEDIUM'],
    ])
    expect(await completeValidation({ actor: fiona, assignmentId: primary, ipAddress: '' })).toEqual({
      ok: true,
      next: 'WAITING',
    })

    // The regional lead can reopen a completed validation for a change.
    const inValidation = await loadSubmissionContext(southWestLead, context.id)
    expect(
      await reopenValidation({
        actor: southWestLead,
        context: inValidation,
        assignmentId: primary,
        reason: 'Check outcome 3',
        ipAddress: '',
      }),
    ).toEqual({ ok: true })
    expect(await completeValidation({ actor: fiona, assignmentId: primary, ipAddress: '' })).toEqual({
      ok: true,
      next: 'WAITING',
    })
    const mark = await mailMark()
    expect(await completeValidation({ actor: validator, assignmentId: second, ipAddress: '' })).toEqual({
      ok: true,
      next: 'AGREEMENT',
    })
    // Agreement: only the primary validator is told, to record the agreed result; nobody moderates.
    const mail = await sentSince(mark)
    expect(mail.map((m) => [m.kind, m.to])).toEqual([['SECOND_VALIDATION_COMPLETED', ['fiona.campbell@demo.nhs.uk']]])
    expect(mail[0]!.text).toContain('agree within one sub-level for every outcome. Record the agreed result')
    expect(mail[0]!.text).toContain(`${portalOrigin()}/submissions/${context.id}/agreement`)

    const validating = await loadSubmissionContext(fiona, context.id)
    expect(validating.status).toBe('IN_VALIDATION')
    const form = {
      level: 2,
      subLevel: 'HIGH' as const,
      rationale: '',
      strengths: 'Good',
      areasForDevelopment: 'More',
      requiredActions: '',
      recommendations: 'Keep going',
    }
    expect(
      await recordAgreedResult({
        actor: validator,
        context: await loadSubmissionContext(validator, context.id),
        number: 1,
        form,
        ipAddress: '',
      }),
    ).toMatchObject({ ok: false })
    for (const number of [1, 2, 3, 4, 5, 6])
      expect(await recordAgreedResult({ actor: fiona, context: validating, number, form, ipAddress: '' })).toEqual({
        ok: true,
      })
    expect(await finaliseAgreement({ actor: fiona, context: validating, ipAddress: '' })).toEqual({ ok: true })
    const validated = await loadSubmissionContext(southWestLead, context.id)
    expect(validated.status).toBe('VALIDATED')
    expect((await getAgreement(southWestLead, validated)).outcomes.some((o) => o.agreed?.viaModeration)).toBe(false)
  })
})

describe('one validator in two tabs (issue 14, items 2 and 3)', () => {
  it('merges the judgement field by field, asks about a field both tabs changed, and answers a retried save as the first', async () => {
    const assignmentId = await assignmentOf('LKS-2627-RTH', 'validator@demo.nhs.uk')
    const review = await getReviewOutcome(validator, assignmentId, 5)
    const ids = review.indicators.map((i) => i.id)
    const rendered = {
      ...review.validation,
      judgements: review.indicators.map((i) => ({ id: i.id, status: i.judgement })),
    }
    const base = validationFieldValues(rendered, ids)
    const form = (changes: Partial<ValidationForm>): ValidationForm => ({
      version: review.validation.version,
      level: review.validation.level ?? undefined,
      subLevel: (review.validation.subLevel as ValidationForm['subLevel']) ?? undefined,
      rationale: review.validation.rationale,
      notes: review.validation.notes,
      judgements: review.indicators.map((i) => ({ id: i.id, status: i.judgement ?? undefined })),
      ...changes,
    })
    const save = (changes: Partial<ValidationForm>) =>
      saveValidation({ actor: validator, assignmentId, number: 5, form: form(changes), ipAddress: '', base })

    // The first tab changes the rationale; its save is sent twice (the answer was lost): stored once.
    const first = { rationale: 'The first tab’s rationale.', saveKey: 'first-tab-save-key-0001' }
    expect(await save(first)).toEqual({ ok: true })
    expect(await save(first)).toEqual({ ok: true })
    // The second tab, on the same stale page, changes the notes and a judgement: merged without a question.
    const judgements = form({}).judgements.map((j, index) => (index === 0 ? { ...j, status: 'MET' as const } : j))
    expect(await save({ notes: 'The second tab’s notes.', judgements })).toEqual({ ok: true })
    // The third tab changes the rationale as well: that field, and only it, is a conflict.
    const conflict = await save({ rationale: 'The third tab’s rationale.' })
    expect(conflict).toMatchObject({
      ok: false,
      kind: 'conflict',
      version: review.validation.version + 2,
      fields: [{ key: 'rationale', mine: 'The third tab’s rationale.', theirs: 'The first tab’s rationale.' }],
      merged: { notes: 'The second tab’s notes.', [`judgement/${ids[0]}`]: 'MET' },
    })

    const stored = await getReviewOutcome(validator, assignmentId, 5)
    expect(stored.validation).toMatchObject({
      rationale: 'The first tab’s rationale.',
      notes: 'The second tab’s notes.',
      version: review.validation.version + 2,
    })
    expect(stored.indicators[0]?.judgement).toBe('MET')
  })
})
