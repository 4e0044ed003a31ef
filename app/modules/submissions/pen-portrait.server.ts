// The pen portrait of a submission: the organisations served and their staff, the library and
// knowledge service's posts, budget, key documents and context.
import { prisma } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { recordAudit } from '~/modules/audit/audit.server'
import type { Actor } from '~/modules/auth/permissions'
import { requireEditable, type SubmissionContext } from './access.server'
import { markStarted } from './outcome.server'
import { summariseStaffing } from './pen-portrait'
import { isEditableByService } from './status'
import type { PenPortraitForm } from './schema'
import { mergeFields, type FieldValues } from './merge'
import {
  mergedPostOrder,
  penPortraitFieldValues,
  penPortraitValuesOf,
  postIdOf,
  type PenPortraitValues,
} from './pen-portrait-fields'
import { findReceipt, recordReceipt } from './save-receipts.server'

export const DOCUMENT_KINDS = ['STRATEGY', 'ANNUAL_REPORT', 'SERVICE_LEVEL_AGREEMENT'] as const

export async function getPenPortrait(context: SubmissionContext) {
  const [served, portrait] = await Promise.all([
    prisma.serviceOrganisation.findMany({
      where: { libraryServiceId: context.libraryServiceId, servesTo: null },
      orderBy: { organisation: { name: 'asc' } },
      select: { organisation: { select: { id: true, name: true, odsCode: true } } },
    }),
    prisma.penPortrait.findUnique({
      where: { submissionId: context.id },
      select: {
        version: true,
        budgetPounds: true,
        contextNotes: true,
        copiedForward: true,
        updatedAt: true,
        organisations: { select: { organisationId: true, staffHeadcount: true, staffWte: true } },
        staffPosts: { orderBy: { position: 'asc' }, select: { id: true, title: true, wte: true, qualified: true } },
        documents: { select: { kind: true, evidenceItemId: true, evidenceItem: { select: { title: true } } } },
      },
    }),
  ])
  const organisations = served.map(({ organisation }) => {
    const figures = portrait?.organisations.find((o) => o.organisationId === organisation.id)
    return { ...organisation, staffHeadcount: figures?.staffHeadcount ?? null, staffWte: figures?.staffWte ?? null }
  })
  const staffPosts = portrait?.staffPosts ?? []
  const policy = getEnv().QUALIFIED_STAFF_POLICY_WTE
  const documentsOf = (kind: (typeof DOCUMENT_KINDS)[number]) =>
    portrait?.documents.filter((d) => d.kind === kind) ?? []
  return {
    version: portrait?.version ?? 0,
    exists: portrait !== null,
    copiedForward: portrait?.copiedForward ?? false,
    updatedAt: portrait?.updatedAt ?? null,
    organisations,
    staffPosts,
    budgetPounds: portrait?.budgetPounds ?? null,
    contextNotes: portrait?.contextNotes ?? '',
    strategyEvidenceId: documentsOf('STRATEGY')[0]?.evidenceItemId ?? null,
    annualReportEvidenceId: documentsOf('ANNUAL_REPORT')[0]?.evidenceItemId ?? null,
    slaEvidenceIds: documentsOf('SERVICE_LEVEL_AGREEMENT').map((d) => d.evidenceItemId),
    documents:
      portrait?.documents.map((d) => ({
        kind: d.kind,
        evidenceItemId: d.evidenceItemId,
        title: d.evidenceItem.title,
      })) ?? [],
    policyStaffPerQualified: policy,
    staffing: summariseStaffing(
      staffPosts,
      organisations.map((o) => o.staffWte),
      policy,
    ),
  }
}

/** The pen portrait as getPenPortrait gives it, as the merge sees it: the base a form is rendered with. */
export function penPortraitBase(portrait: Awaited<ReturnType<typeof getPenPortrait>>): FieldValues {
  return penPortraitFieldValues({
    organisations: portrait.organisations.map((o) => ({
      organisationId: o.id,
      staffHeadcount: o.staffHeadcount,
      staffWte: o.staffWte,
    })),
    staffPosts: portrait.staffPosts,
    budgetPounds: portrait.budgetPounds,
    strategyEvidenceId: portrait.strategyEvidenceId,
    annualReportEvidenceId: portrait.annualReportEvidenceId,
    slaEvidenceIds: portrait.slaEvidenceIds,
    contextNotes: portrait.contextNotes,
  })
}

export type PenPortraitConflict = {
  ok: false
  kind: 'conflict'
  /** The version stored now, which the conflict page's form edits. */
  version: number
  updatedAt: Date | null
  /** Who saved it since the form was loaded (null when not known); the same person in another window is named as such. */
  updatedBy: { id: string; name: string } | null
  /** Fields changed in this form and in another save since it was loaded, to different values. */
  fields: { key: string; mine: string; theirs: string }[]
  /** The values stored now: the base of the conflict page's form. */
  theirs: FieldValues
  /** What the conflict page's form shows: the other save's one-sided changes taken in. */
  merged: FieldValues
  /** The posts' merge ids in the order the conflict page shows them. */
  postIds: string[]
}

export type SavePenPortraitResult =
  | { ok: true }
  | PenPortraitConflict
  | { ok: false; kind: 'locked' }
  | { ok: false; kind: 'invalid'; fieldErrors: Record<string, string[]> }

class FieldConflict extends Error {
  constructor(readonly conflict: Omit<PenPortraitConflict, 'updatedBy'> & { penPortraitId: string | null }) {
    super('Fields changed on both sides')
  }
}

class Locked extends Error {}

const DOCUMENT_SELECT = { kind: true, evidenceItemId: true } as const

/**
 * Saves the pen portrait. With the values the form was rendered with (`base`), it is merged field
 * by field with what was saved since (another person, or another window): a field changed on one
 * side only is taken without asking, a field changed on both is a conflict. A save sent again with
 * the same key is answered as the first was. Without a base, the version alone says whether the
 * form is current.
 */
export async function savePenPortrait(input: {
  actor: Actor
  context: SubmissionContext
  form: PenPortraitForm
  ipAddress: string
  /** The values the form was rendered with; without it, the version alone says whether it is current. */
  base?: FieldValues | null
  /** Fields left in conflict on a conflict page (no choice made): they stay in conflict. */
  unresolved?: string[]
}): Promise<SavePenPortraitResult> {
  const { actor, context, form } = input
  requireEditable(context)
  const served = await prisma.serviceOrganisation.findMany({
    where: { libraryServiceId: context.libraryServiceId, servesTo: null },
    orderBy: { organisation: { name: 'asc' } },
    select: { organisationId: true },
  })
  const servedIds = new Set(served.map((s) => s.organisationId))
  if (form.organisations.some((o) => !servedIds.has(o.organisationId))) {
    return {
      ok: false,
      kind: 'invalid',
      fieldErrors: {
        organisations: [
          'An organisation in the form is not served by your library service. Reload the page and try again.',
        ],
      },
    }
  }
  const documentIds = [form.strategyEvidenceId, form.annualReportEvidenceId, ...form.slaEvidenceIds].filter(
    (id): id is string => Boolean(id),
  )
  const owned = await prisma.evidenceItem.findMany({
    where: { id: { in: documentIds }, libraryServiceId: context.libraryServiceId, archivedAt: null },
    select: { id: true },
  })
  const ownedIds = new Set(owned.map((o) => o.id))
  const fieldErrors: Record<string, string[]> = {}
  if (form.strategyEvidenceId && !ownedIds.has(form.strategyEvidenceId))
    fieldErrors.strategyEvidenceId = ['Select a strategy from your evidence library']
  if (form.annualReportEvidenceId && !ownedIds.has(form.annualReportEvidenceId))
    fieldErrors.annualReportEvidenceId = ['Select an annual report from your evidence library']
  if (form.slaEvidenceIds.some((id) => !ownedIds.has(id)))
    fieldErrors.slaEvidenceIds = ['Select service level agreements from your evidence library']
  if (Object.keys(fieldErrors).length) return { ok: false, kind: 'invalid', fieldErrors }

  const organisationIds = served.map((s) => s.organisationId)
  const posted = new Map(form.organisations.map((o) => [o.organisationId, o]))
  const minePosts = form.staffPosts.map((p) => ({
    id: p.id || null,
    title: p.title,
    wte: p.wte,
    qualified: p.qualified === 'yes',
  }))
  const mine = penPortraitFieldValues({
    organisations: organisationIds.map((organisationId) => ({
      organisationId,
      staffHeadcount: posted.get(organisationId)?.staffHeadcount ?? null,
      staffWte: posted.get(organisationId)?.staffWte ?? null,
    })),
    staffPosts: minePosts,
    budgetPounds: form.budgetPounds ?? null,
    strategyEvidenceId: form.strategyEvidenceId || null,
    annualReportEvidenceId: form.annualReportEvidenceId || null,
    slaEvidenceIds: [...new Set(form.slaEvidenceIds)],
    contextNotes: form.contextNotes,
  })
  const minePostIds = minePosts.map(postIdOf)
  const unresolved = input.unresolved ?? []
  const receipt = form.saveKey ? { userId: actor.id, key: form.saveKey } : null

  try {
    return await prisma.$transaction(async (tx) => {
      // The same save again (the browser gave up waiting and sent it again): answered as the first was.
      if (receipt && (await findReceipt(tx, receipt))) return { ok: true as const }
      const submission = await tx.submission.findUniqueOrThrow({ where: { id: context.id }, select: { status: true } })
      if (!isEditableByService(submission.status)) throw new Locked()
      const existing = await tx.penPortrait.findUnique({
        where: { submissionId: context.id },
        select: {
          id: true,
          version: true,
          budgetPounds: true,
          contextNotes: true,
          updatedAt: true,
          organisations: { select: { organisationId: true, staffHeadcount: true, staffWte: true } },
          staffPosts: { orderBy: { position: 'asc' }, select: { id: true, title: true, wte: true, qualified: true } },
          documents: { select: DOCUMENT_SELECT },
        },
      })
      const currentVersion = existing?.version ?? 0
      const storedPosts = existing?.staffPosts ?? []
      const documentOf = (kind: string) => existing?.documents.find((d) => d.kind === kind)?.evidenceItemId ?? null
      const theirs = penPortraitFieldValues({
        organisations: (existing?.organisations ?? []).map((o) => ({ ...o })),
        staffPosts: storedPosts,
        budgetPounds: existing?.budgetPounds ?? null,
        strategyEvidenceId: documentOf('STRATEGY'),
        annualReportEvidenceId: documentOf('ANNUAL_REPORT'),
        slaEvidenceIds: (existing?.documents ?? [])
          .filter((d) => d.kind === 'SERVICE_LEVEL_AGREEMENT')
          .map((d) => d.evidenceItemId),
        contextNotes: existing?.contextNotes ?? '',
      })
      // Field by field against what is stored now; without a base, a stale version is a conflict.
      const base = input.base ?? (form.version === currentVersion ? theirs : {})
      const result = mergeFields(base, theirs, mine)
      const inConflict = new Set([
        ...result.conflicts,
        ...unresolved.filter((key) => key in theirs && mine[key] !== theirs[key]),
      ])
      const postIds = mergedPostOrder(
        minePostIds,
        storedPosts.map((p) => p.id),
      )
      if (inConflict.size > 0 || (!input.base && form.version !== currentVersion))
        throw new FieldConflict({
          ok: false,
          kind: 'conflict',
          version: currentVersion,
          updatedAt: existing?.updatedAt ?? null,
          fields: [...inConflict].map((key) => ({ key, mine: mine[key] ?? '', theirs: theirs[key] ?? '' })),
          theirs,
          merged: result.merged,
          postIds,
          penPortraitId: existing?.id ?? null,
        })
      const merged = penPortraitValuesOf(result.merged, { organisationIds, postIds })
      await writePenPortrait(tx, {
        actor,
        context,
        ipAddress: input.ipAddress,
        existing: existing ? { id: existing.id, version: existing.version, budgetPounds: existing.budgetPounds } : null,
        storedPostIds: new Set(storedPosts.map((p) => p.id)),
        values: merged,
      })
      if (receipt)
        await recordReceipt(tx, receipt, { version: currentVersion + 1, savedAt: new Date(), status: 'saved' })
      return { ok: true as const }
    })
  } catch (error) {
    if (error instanceof Locked) return { ok: false, kind: 'locked' }
    if (!(error instanceof FieldConflict)) throw error
    // The first try of this very save may have been stored while this one waited.
    if (receipt && (await findReceipt(prisma, receipt))) return { ok: true }
    const { penPortraitId, ...conflict } = error.conflict
    return { ...conflict, updatedBy: penPortraitId ? await lastSavedBy(penPortraitId) : null }
  }
}

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]

/** Writes the merged pen portrait: a post keeps its id, so a form loaded before can still name it. */
async function writePenPortrait(
  tx: Tx,
  input: {
    actor: Actor
    context: SubmissionContext
    ipAddress: string
    existing: { id: string; version: number; budgetPounds: number | null } | null
    storedPostIds: Set<string>
    values: PenPortraitValues
  },
) {
  const { actor, context, existing, values } = input
  const data = { budgetPounds: values.budgetPounds, contextNotes: values.contextNotes, copiedForward: false }
  let penPortraitId: string
  if (!existing) {
    penPortraitId = (
      await tx.penPortrait.create({ data: { submissionId: context.id, ...data, version: 1 }, select: { id: true } })
    ).id
  } else {
    await tx.penPortrait.update({
      where: { id: existing.id },
      data: { ...data, version: { increment: 1 } },
      select: { id: true },
    })
    penPortraitId = existing.id
    await tx.penPortraitOrganisation.deleteMany({ where: { penPortraitId } })
    await tx.penPortraitStaffPost.deleteMany({ where: { penPortraitId } })
    await tx.penPortraitDocument.deleteMany({ where: { penPortraitId } })
  }
  const organisations = values.organisations.filter((o) => o.staffHeadcount !== null || o.staffWte !== null)
  if (organisations.length) {
    await tx.penPortraitOrganisation.createMany({
      data: organisations.map((o) => ({ penPortraitId, ...o })),
    })
  }
  if (values.staffPosts.length) {
    await tx.penPortraitStaffPost.createMany({
      data: values.staffPosts.map((p, i) => ({
        // Only an id this pen portrait had is kept: any other post is a new row.
        ...(p.id && input.storedPostIds.has(p.id) ? { id: p.id } : {}),
        penPortraitId,
        position: i + 1,
        title: p.title,
        wte: p.wte,
        qualified: p.qualified,
      })),
    })
  }
  const documents = [
    ...(values.strategyEvidenceId ? [{ kind: 'STRATEGY', evidenceItemId: values.strategyEvidenceId }] : []),
    ...(values.annualReportEvidenceId
      ? [{ kind: 'ANNUAL_REPORT', evidenceItemId: values.annualReportEvidenceId }]
      : []),
    ...[...new Set(values.slaEvidenceIds)].map((evidenceItemId) => ({
      kind: 'SERVICE_LEVEL_AGREEMENT',
      evidenceItemId,
    })),
  ]
  if (documents.length)
    await tx.penPortraitDocument.createMany({ data: documents.map((d) => ({ penPortraitId, ...d })) })
  await markStarted(tx, context.id, actor.id, input.ipAddress)
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'pen_portrait.saved',
    entityType: 'PenPortrait',
    entityId: penPortraitId,
    submissionId: context.id,
    before: existing ? { version: existing.version, budgetPounds: existing.budgetPounds } : null,
    after: {
      version: (existing?.version ?? 0) + 1,
      budgetPounds: data.budgetPounds,
      staffPosts: values.staffPosts.length,
      organisations: organisations.length,
      documents: documents.length,
    },
    ipAddress: input.ipAddress,
  })
}

/** Who saved the pen portrait last, for the conflict page. */
async function lastSavedBy(penPortraitId: string): Promise<{ id: string; name: string } | null> {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: 'PenPortrait', entityId: penPortraitId, action: 'pen_portrait.saved' },
    orderBy: { at: 'desc' },
    select: { actor: { select: { id: true, name: true } } },
  })
  return event?.actor ?? null
}
