// One outcome of a submission: what the page shows, and saving the service's answers. Every save
// names the version it edited; a save against an older version is a conflict, never an overwrite.
import { prisma } from '~/utils/db.server'
import { diffText } from './text-diff'
import { recordAudit } from '~/modules/audit/audit.server'
import { gradeToSteps, suggestGrade, toGrade, type IndicatorStatus } from '~/modules/framework/grading'
import { INDICATOR_STATUSES } from '~/modules/framework/grading'
import { splitLines } from '~/modules/framework/framework.server'
import { editionOutcome, editionOutcomes, type EditionVersion } from '~/modules/framework/edition-content.server'
import type { Actor } from '~/modules/auth/permissions'
import { invariantResponse, notFound } from '~/utils/http.server'
import { requireEditable, SubmissionLocked, type SubmissionContext } from './access.server'
import { outcomeProblems, unevidencedIndicators, unevidencedToConfirm, type OutcomeProblem } from './progress'
import { isEditableByService, isOutcomeEditableByService } from './status'
import type { OutcomeForm } from './schema'
import { findReceipt, recordReceipt, type SaveReceiptKey } from './save-receipts.server'
import { mergeFields, type FieldValues } from './merge'
import { outcomeFieldValues, outcomeValuesOf, type OutcomeValues } from './outcome-fields'

const isIndicatorStatus = (value: string | null | undefined): value is IndicatorStatus =>
  value !== null && value !== undefined && (INDICATOR_STATUSES as readonly string[]).includes(value)

async function findOutcome(edition: EditionVersion, number: number) {
  const outcome = await editionOutcome(edition, number)
  if (!outcome) notFound()
  return outcome
}

/** The answers of the submission this one was copied from, for the same outcome, matched by number. */
function previousAnswers(copiedFromId: string, number: number) {
  return prisma.outcomeResponse.findFirst({
    where: { submissionId: copiedFromId, outcome: { number } },
    select: {
      narrative: true,
      keyStrengths: true,
      submission: { select: { cycle: { select: { name: true } } } },
      indicators: { select: { status: true, note: true, indicator: { select: { code: true } } } },
    },
  })
}

/** Everything the outcome page shows, for a submission the caller has already authorised. */
export async function getOutcomePage(context: SubmissionContext, number: number) {
  const outcome = await findOutcome(context.cycle.edition, number)
  const [response, outcomes] = await Promise.all([
    prisma.outcomeResponse.findUnique({
      where: { submissionId_outcomeId: { submissionId: context.id, outcomeId: outcome.id } },
      select: {
        id: true,
        status: true,
        narrative: true,
        keyStrengths: true,
        selfLevel: true,
        selfSubLevel: true,
        selfGradeReason: true,
        copiedForward: true,
        reopenedForClarification: true,
        version: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
        indicators: { select: { indicatorId: true, status: true, note: true } },
        links: {
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            indicatorId: true,
            pointer: true,
            evidenceItem: {
              select: {
                id: true,
                title: true,
                evidenceDateFrom: true,
                evidenceDateTo: true,
                url: true,
                archivedAt: true,
              },
            },
          },
        },
      },
    }),
    editionOutcomes(context.cycle.edition),
  ])
  const previous = context.copiedFromId ? await previousAnswers(context.copiedFromId, number) : null
  const statusOf = new Map(response?.indicators.map((i) => [i.indicatorId, i]) ?? [])
  const indicators = outcome.indicators.map((i) => {
    const answer = statusOf.get(i.id)
    const before = previous?.indicators.find((p) => p.indicator.code === i.code)
    return {
      ...i,
      status: isIndicatorStatus(answer?.status) ? answer.status : null,
      note: answer?.note ?? '',
      // What the copied submission said of this indicator: shown beside it, never taken as the answer.
      previous: before && isIndicatorStatus(before.status) ? { status: before.status, note: before.note } : null,
    }
  })
  const links = response?.links ?? []
  const suggested = suggestGrade(indicators)
  const claimed = response?.selfLevel ?? null
  // Indicators of the claimed level and below that no evidence is linked to.
  const linkedIndicatorIds = new Set(links.flatMap((l) => (l.indicatorId ? [l.indicatorId] : [])))
  const unevidenced = unevidencedIndicators(indicators, claimed, linkedIndicatorIds)
  return {
    outcome: {
      id: outcome.id,
      number: outcome.number,
      shortTitle: outcome.shortTitle,
      statement: outcome.statement,
      scope: outcome.scope,
      keyQuestions: splitLines(outcome.keyQuestions),
      levels: outcome.levels.map((l) => ({ level: l.level, summary: l.summary })),
      suggestedEvidence: outcome.suggestedEvidence,
    },
    editionOutcomes: outcomes.map((o) => ({ number: o.number, shortTitle: o.shortTitle })),
    indicators,
    response: {
      status: response?.status ?? 'NOT_STARTED',
      narrative: response?.narrative ?? '',
      keyStrengths: response?.keyStrengths ?? '',
      selfLevel: response?.selfLevel ?? null,
      selfSubLevel: response?.selfSubLevel ?? null,
      selfGradeReason: response?.selfGradeReason ?? '',
      copiedForward: response?.copiedForward ?? false,
      version: response?.version ?? 0,
      updatedAt: response?.updatedAt ?? null,
      updatedByName: response?.updatedBy?.name ?? null,
    },
    links: links.map((l) => ({
      id: l.id,
      indicatorCode: outcome.indicators.find((i) => i.id === l.indicatorId)?.code ?? null,
      pointer: l.pointer,
      item: l.evidenceItem,
    })),
    suggested,
    unevidenced,
    previous: previous
      ? {
          cycleName: previous.submission.cycle.name,
          narrative: diffText(previous.narrative, response?.narrative ?? ''),
          keyStrengths: diffText(previous.keyStrengths, response?.keyStrengths ?? ''),
        }
      : null,
    editable: isOutcomeEditableByService(context.status, response?.reopenedForClarification ?? false),
  }
}

export type SaveResult =
  | { ok: true; version: number; savedAt: Date; status: string }
  | { ok: false; kind: 'invalid'; problems: OutcomeProblem[] }
  /** Marking as completed with indicators of the claimed level or below that have no evidence: nothing saved yet. */
  | { ok: false; kind: 'unevidenced'; indicators: Array<{ id: string; code: string }> }
  | {
      ok: false
      kind: 'conflict'
      current: {
        narrative: string
        keyStrengths: string
        version: number
        updatedAt: Date | null
        updatedByName: string | null
      }
      /** Fields both people changed, to different values (a full save only; the autosave names none). */
      fields: { key: string; mine: string; theirs: string }[]
      /** The values stored now: the base of the conflict page's form. */
      theirs: FieldValues
      /** What the form shows on the conflict page: the other person's one-sided changes taken in. */
      merged: FieldValues
    }

type SaveInput = {
  actor: Actor
  context: SubmissionContext
  number: number
  form: OutcomeForm
  ipAddress: string
  /** The values the form was rendered with; without it, the version alone says whether it is current. */
  base?: FieldValues | null
  /** Fields left in conflict on a conflict page (no choice made): they stay in conflict. */
  unresolved?: string[]
  /**
   * Marking as completed first warns of indicators without evidence (the outcome page asks the
   * person to confirm); without it, the form's intent alone decides.
   */
  warnUnevidenced?: boolean
}

/** Saves the whole outcome form (draft or completed). */
export async function saveOutcome({
  actor,
  context,
  number,
  form,
  ipAddress,
  base,
  unresolved = [],
  warnUnevidenced = false,
}: SaveInput): Promise<SaveResult> {
  requireEditable(context)
  const outcome = await findOutcome(context.cycle.edition, number)
  const known = new Map(outcome.indicators.map((i) => [i.id, i]))
  invariantResponse(
    form.indicators.every((i) => known.has(i.id)),
    'An indicator in the form does not belong to this outcome',
  )
  const submitted = new Map(form.indicators.map((i) => [i.id, i]))
  const answers = {
    number,
    narrative: form.narrative,
    indicators: outcome.indicators.map((i) => ({ level: i.level, status: submitted.get(i.id)?.status ?? null })),
    selfLevel: form.selfLevel ?? null,
    selfSubLevel: form.selfSubLevel ?? null,
    selfGradeReason: form.selfGradeReason,
  }
  // A draft may be unfinished, but a grade that differs from the suggestion always needs its reason.
  const problems = outcomeProblems(answers).filter((p) => form.intent === 'complete' || p.field === 'selfGradeReason')
  if (problems.length) return { ok: false, kind: 'invalid', problems }
  if (form.intent === 'complete' && warnUnevidenced) {
    const links = await prisma.evidenceLink.findMany({
      where: { outcomeResponse: { submissionId: context.id, outcomeId: outcome.id }, indicatorId: { not: null } },
      select: { indicatorId: true },
    })
    const linked = new Set(links.flatMap((l) => (l.indicatorId ? [l.indicatorId] : [])))
    const unevidenced = unevidencedIndicators(outcome.indicators, form.selfLevel ?? null, linked)
    const toConfirm = unevidencedToConfirm(unevidenced, form.acknowledgedUnevidenced)
    if (toConfirm.length) return { ok: false, kind: 'unevidenced', indicators: toConfirm }
  }

  const status = form.intent === 'complete' ? 'COMPLETED' : 'IN_PROGRESS'
  const indicatorIds = outcome.indicators.map((i) => i.id)
  const mine = outcomeFieldValues(
    {
      narrative: form.narrative,
      keyStrengths: form.keyStrengths,
      selfLevel: form.selfLevel ?? null,
      selfSubLevel: form.selfSubLevel ?? null,
      selfGradeReason: form.selfGradeReason,
      indicators: form.indicators.map((i) => ({ id: i.id, status: i.status ?? null, note: i.note })),
    },
    indicatorIds,
  )
  const receipt = form.saveKey ? { userId: actor.id, key: form.saveKey } : null
  return writeWithVersion(
    context,
    outcome.id,
    form.version,
    ipAddress,
    actor,
    { copiedForward: false, updatedById: actor.id },
    {
      base: base ?? null,
      mine,
      unresolved,
      indicatorIds,
      toData: (merged) => {
        const grade = merged.selfLevel === null ? null : toGrade(merged.selfLevel, merged.selfSubLevel)
        const gradeColumns = grade?.ok
          ? {
              selfLevel: grade.grade.level,
              selfSubLevel: grade.grade.subLevel,
              selfGradeSteps: gradeToSteps(grade.grade),
            }
          : { selfLevel: null, selfSubLevel: null, selfGradeSteps: null }
        return {
          data: {
            narrative: merged.narrative,
            keyStrengths: merged.keyStrengths,
            selfGradeReason: merged.selfGradeReason,
            ...gradeColumns,
            status,
          },
          writeChildren: async (tx, responseId) => {
            await tx.indicatorResponse.deleteMany({ where: { outcomeResponseId: responseId } })
            const rows = merged.indicators.flatMap((i) =>
              i.status ? [{ outcomeResponseId: responseId, indicatorId: i.id, status: i.status, note: i.note }] : [],
            )
            if (rows.length) await tx.indicatorResponse.createMany({ data: rows })
          },
        }
      },
    },
    receipt,
  )
}

/** Saves the narrative alone (autosave with JavaScript). */
export async function autosaveNarrative(input: {
  actor: Actor
  context: SubmissionContext
  number: number
  version: number
  narrative: string
  ipAddress: string
  /** The autosave's idempotency key: a retry with it is answered with the first answer. */
  saveKey?: string
}): Promise<SaveResult> {
  requireEditable(input.context)
  const outcome = await findOutcome(input.context.cycle.edition, input.number)
  return writeWithVersion(
    input.context,
    outcome.id,
    input.version,
    input.ipAddress,
    input.actor,
    { narrative: input.narrative, copiedForward: false, updatedById: input.actor.id },
    null,
    input.saveKey ? { userId: input.actor.id, key: input.saveKey } : null,
  )
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

/** The first change to a submission moves it from not started to in progress. */
export async function markStarted(tx: Tx, submissionId: string, actorId: string, ipAddress: string): Promise<void> {
  const { count } = await tx.submission.updateMany({
    where: { id: submissionId, status: 'NOT_STARTED' },
    data: { status: 'IN_PROGRESS', startedAt: new Date(), version: { increment: 1 } },
  })
  if (count === 0) return
  await recordAudit(tx, {
    actorId,
    action: 'submission.started',
    entityType: 'Submission',
    entityId: submissionId,
    submissionId,
    before: { status: 'NOT_STARTED' },
    after: { status: 'IN_PROGRESS' },
    ipAddress,
  })
}
type ResponseData = {
  narrative?: string
  keyStrengths?: string
  selfGradeReason?: string
  selfLevel?: number | null
  selfSubLevel?: string | null
  selfGradeSteps?: number | null
  status?: string
  copiedForward: boolean
  updatedById: string
}

class VersionConflict extends Error {}

class FieldConflict extends Error {
  constructor(
    readonly fields: { key: string; mine: string; theirs: string }[],
    readonly theirs: FieldValues,
    readonly merged: FieldValues,
  ) {
    super('Fields changed on both sides')
  }
}

/** A full save: its fields are merged with what is stored now, field by field. */
type MergeInput = {
  base: FieldValues | null
  mine: FieldValues
  unresolved: string[]
  indicatorIds: string[]
  toData: (merged: OutcomeValues) => {
    data: Partial<ResponseData>
    writeChildren: (tx: Tx, responseId: string) => Promise<void>
  }
}

async function writeWithVersion(
  context: SubmissionContext,
  outcomeId: string,
  version: number,
  ipAddress: string,
  actor: Actor,
  data: ResponseData,
  merge: MergeInput | null,
  receipt: SaveReceiptKey | null = null,
): Promise<SaveResult> {
  let writeChildren: ((tx: Tx, responseId: string) => Promise<void>) | null = null
  try {
    return await prisma.$transaction(async (tx) => {
      // The same save again (a retry with the same key): the first answer, and nothing written.
      const done = receipt ? await findReceipt(tx, receipt) : null
      if (done) return { ok: true as const, ...done }
      // Re-read the submission inside the transaction: it may have been sent or submitted meanwhile.
      const submission = await tx.submission.findUniqueOrThrow({ where: { id: context.id }, select: { status: true } })
      if (!isEditableByService(submission.status)) throw new SubmissionLocked()
      const existing = await tx.outcomeResponse.findUnique({
        where: { submissionId_outcomeId: { submissionId: context.id, outcomeId } },
        select: {
          id: true,
          version: true,
          status: true,
          selfLevel: true,
          selfSubLevel: true,
          narrative: true,
          keyStrengths: true,
          selfGradeReason: true,
          indicators: { select: { indicatorId: true, status: true, note: true } },
          reopenedForClarification: true,
        },
      })
      if (submission.status === 'CLARIFICATION_REQUESTED' && !existing?.reopenedForClarification)
        throw new SubmissionLocked('This outcome was not reopened for clarification, so it cannot be changed.')
      if (merge) {
        // Field by field against what is stored now: the version only says whether anything changed.
        const theirs = outcomeFieldValues(
          {
            narrative: existing?.narrative ?? '',
            keyStrengths: existing?.keyStrengths ?? '',
            selfLevel: existing?.selfLevel ?? null,
            selfSubLevel: existing?.selfSubLevel ?? null,
            selfGradeReason: existing?.selfGradeReason ?? '',
            indicators: (existing?.indicators ?? []).map((i) => ({
              id: i.indicatorId,
              status: i.status,
              note: i.note,
            })),
          },
          merge.indicatorIds,
        )
        const currentVersion = existing?.version ?? 0
        const base = merge.base ?? (version === currentVersion ? theirs : {})
        const result = mergeFields(base, theirs, merge.mine)
        const inConflict = new Set([
          ...result.conflicts,
          ...merge.unresolved.filter((key) => key in theirs && merge.mine[key] !== theirs[key]),
        ])
        if (inConflict.size > 0)
          throw new FieldConflict(
            [...inConflict].map((key) => ({ key, mine: merge.mine[key] ?? '', theirs: theirs[key] ?? '' })),
            theirs,
            result.merged,
          )
        const planned = merge.toData(outcomeValuesOf(result.merged, merge.indicatorIds))
        Object.assign(data, planned.data)
        writeChildren = planned.writeChildren
        version = currentVersion
      }
      let responseId: string
      let newVersion: number
      if (!existing) {
        if (version !== 0) throw new VersionConflict()
        const created = await tx.outcomeResponse.create({
          data: { submissionId: context.id, outcomeId, ...data, status: data.status ?? 'IN_PROGRESS', version: 1 },
          select: { id: true, version: true },
        })
        responseId = created.id
        newVersion = created.version
      } else {
        const { count } = await tx.outcomeResponse.updateMany({
          where: { id: existing.id, version },
          data: {
            ...data,
            status: data.status ?? (existing.status === 'NOT_STARTED' ? 'IN_PROGRESS' : existing.status),
            version: { increment: 1 },
          },
        })
        if (count === 0) throw new VersionConflict()
        responseId = existing.id
        newVersion = version + 1
      }
      if (writeChildren) await writeChildren(tx, responseId)
      if (submission.status === 'NOT_STARTED') await markStarted(tx, context.id, actor.id, ipAddress)
      const saved = await tx.outcomeResponse.findUniqueOrThrow({
        where: { id: responseId },
        select: { status: true, updatedAt: true, selfLevel: true, selfSubLevel: true, narrative: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: writeChildren ? 'outcome_response.saved' : 'outcome_response.narrative_autosaved',
        entityType: 'OutcomeResponse',
        entityId: responseId,
        submissionId: context.id,
        before: existing
          ? {
              status: existing.status,
              selfLevel: existing.selfLevel,
              selfSubLevel: existing.selfSubLevel,
              narrativeLength: existing.narrative.length,
            }
          : null,
        after: {
          status: saved.status,
          selfLevel: saved.selfLevel,
          selfSubLevel: saved.selfSubLevel,
          narrativeLength: saved.narrative.length,
          version: newVersion,
        },
        ipAddress,
      })
      const answer = { version: newVersion, savedAt: saved.updatedAt, status: saved.status }
      if (receipt) await recordReceipt(tx, receipt, answer)
      return { ok: true as const, ...answer }
    })
  } catch (error) {
    if (!(error instanceof VersionConflict) && !(error instanceof FieldConflict)) throw error
    // The first try of this very save may have been stored while this one waited.
    const done = receipt ? await findReceipt(prisma, receipt) : null
    if (done) return { ok: true, ...done }
    const current = await prisma.outcomeResponse.findUnique({
      where: { submissionId_outcomeId: { submissionId: context.id, outcomeId } },
      select: {
        narrative: true,
        keyStrengths: true,
        version: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
      },
    })
    return {
      ok: false,
      kind: 'conflict',
      current: {
        narrative: current?.narrative ?? '',
        keyStrengths: current?.keyStrengths ?? '',
        version: current?.version ?? 0,
        updatedAt: current?.updatedAt ?? null,
        updatedByName: current?.updatedBy?.name ?? null,
      },
      fields: error instanceof FieldConflict ? error.fields : [{ key: 'narrative', mine: '', theirs: '' }],
      theirs: error instanceof FieldConflict ? error.theirs : {},
      merged: error instanceof FieldConflict ? error.merged : {},
    }
  }
}

/** Removes one evidence link from an outcome of an editable submission. */
export async function unlinkEvidence(input: {
  actor: Actor
  context: SubmissionContext
  number: number
  linkId: string
  ipAddress: string
}): Promise<void> {
  requireEditable(input.context)
  const outcome = await findOutcome(input.context.cycle.edition, input.number)
  await prisma.$transaction(async (tx) => {
    const link = await tx.evidenceLink.findFirst({
      where: { id: input.linkId, outcomeResponse: { submissionId: input.context.id, outcomeId: outcome.id } },
      select: { id: true, evidenceItemId: true, indicatorId: true, pointer: true },
    })
    if (!link) notFound('That evidence link was not found')
    await tx.evidenceLink.delete({ where: { id: link.id } })
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'evidence_link.removed',
      entityType: 'EvidenceLink',
      entityId: link.id,
      submissionId: input.context.id,
      before: link,
      ipAddress: input.ipAddress,
    })
  })
}

export type LinkResult = { ok: true } | { ok: false; field: 'evidenceItemId' | 'target'; message: string }

/** Links a library item to the outcome as a whole or to one of its indicators. */
export async function linkEvidence(input: {
  actor: Actor
  context: SubmissionContext
  number: number
  evidenceItemId: string
  target: string
  pointer: string
  ipAddress: string
}): Promise<LinkResult> {
  requireEditable(input.context)
  const outcome = await findOutcome(input.context.cycle.edition, input.number)
  const indicatorId = input.target === 'outcome' ? null : input.target
  if (indicatorId && !outcome.indicators.some((i) => i.id === indicatorId))
    return { ok: false, field: 'target', message: 'Select the outcome or one of its indicators' }
  return prisma.$transaction(async (tx) => {
    // Only the submitting service's own, current evidence can be linked.
    const item = await tx.evidenceItem.findFirst({
      where: { id: input.evidenceItemId, libraryServiceId: input.context.libraryServiceId, archivedAt: null },
      select: { id: true },
    })
    if (!item)
      return {
        ok: false as const,
        field: 'evidenceItemId' as const,
        message: 'Select an evidence item from your library',
      }
    const response = await tx.outcomeResponse.upsert({
      where: { submissionId_outcomeId: { submissionId: input.context.id, outcomeId: outcome.id } },
      update: {},
      create: {
        submissionId: input.context.id,
        outcomeId: outcome.id,
        status: 'IN_PROGRESS',
        version: 1,
        updatedById: input.actor.id,
      },
      select: { id: true },
    })
    const duplicate = await tx.evidenceLink.findFirst({
      where: { evidenceItemId: item.id, outcomeResponseId: response.id, indicatorId },
      select: { id: true },
    })
    if (duplicate)
      return { ok: false as const, field: 'evidenceItemId' as const, message: 'That evidence is already linked there' }
    const link = await tx.evidenceLink.create({
      data: { evidenceItemId: item.id, outcomeResponseId: response.id, indicatorId, pointer: input.pointer },
      select: { id: true },
    })
    await markStarted(tx, input.context.id, input.actor.id, input.ipAddress)
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'evidence_link.added',
      entityType: 'EvidenceLink',
      entityId: link.id,
      submissionId: input.context.id,
      after: { evidenceItemId: item.id, outcome: input.number, indicatorId, pointer: input.pointer },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}

/** The outcome's indicators, for the link page's "what does this support" choice. */
export async function getOutcomeIndicators(context: SubmissionContext, number: number) {
  const outcome = await findOutcome(context.cycle.edition, number)
  return {
    id: outcome.id,
    number: outcome.number,
    shortTitle: outcome.shortTitle,
    indicators: outcome.indicators.map((i) => ({ id: i.id, code: i.code, text: i.text, level: i.level })),
  }
}
