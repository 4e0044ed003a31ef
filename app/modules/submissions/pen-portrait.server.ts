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
        staffPosts: { orderBy: { position: 'asc' }, select: { title: true, wte: true, qualified: true } },
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

export type SavePenPortraitResult =
  { ok: true } | { ok: false; kind: 'conflict' } | { ok: false; kind: 'invalid'; fieldErrors: Record<string, string[]> }

export async function savePenPortrait(input: {
  actor: Actor
  context: SubmissionContext
  form: PenPortraitForm
  ipAddress: string
}): Promise<SavePenPortraitResult> {
  const { actor, context, form } = input
  requireEditable(context)
  const served = await prisma.serviceOrganisation.findMany({
    where: { libraryServiceId: context.libraryServiceId, servesTo: null },
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

  return prisma.$transaction(async (tx) => {
    const submission = await tx.submission.findUniqueOrThrow({ where: { id: context.id }, select: { status: true } })
    if (!isEditableByService(submission.status)) return { ok: false as const, kind: 'conflict' as const }
    const existing = await tx.penPortrait.findUnique({
      where: { submissionId: context.id },
      select: { id: true, version: true, budgetPounds: true },
    })
    const data = { budgetPounds: form.budgetPounds ?? null, contextNotes: form.contextNotes, copiedForward: false }
    let penPortraitId: string
    if (!existing) {
      if (form.version !== 0) return { ok: false as const, kind: 'conflict' as const }
      penPortraitId = (
        await tx.penPortrait.create({ data: { submissionId: context.id, ...data, version: 1 }, select: { id: true } })
      ).id
    } else {
      const { count } = await tx.penPortrait.updateMany({
        where: { id: existing.id, version: form.version },
        data: { ...data, version: { increment: 1 } },
      })
      if (count === 0) return { ok: false as const, kind: 'conflict' as const }
      penPortraitId = existing.id
      await tx.penPortraitOrganisation.deleteMany({ where: { penPortraitId } })
      await tx.penPortraitStaffPost.deleteMany({ where: { penPortraitId } })
      await tx.penPortraitDocument.deleteMany({ where: { penPortraitId } })
    }
    const organisations = form.organisations.filter((o) => o.staffHeadcount !== undefined || o.staffWte !== undefined)
    if (organisations.length) {
      await tx.penPortraitOrganisation.createMany({
        data: organisations.map((o) => ({
          penPortraitId,
          organisationId: o.organisationId,
          staffHeadcount: o.staffHeadcount ?? null,
          staffWte: o.staffWte ?? null,
        })),
      })
    }
    if (form.staffPosts.length) {
      await tx.penPortraitStaffPost.createMany({
        data: form.staffPosts.map((p, i) => ({
          penPortraitId,
          position: i + 1,
          title: p.title,
          wte: p.wte,
          qualified: p.qualified === 'yes',
        })),
      })
    }
    const documents = [
      ...(form.strategyEvidenceId ? [{ kind: 'STRATEGY', evidenceItemId: form.strategyEvidenceId }] : []),
      ...(form.annualReportEvidenceId ? [{ kind: 'ANNUAL_REPORT', evidenceItemId: form.annualReportEvidenceId }] : []),
      ...[...new Set(form.slaEvidenceIds)].map((evidenceItemId) => ({
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
        staffPosts: form.staffPosts.length,
        organisations: organisations.length,
        documents: documents.length,
      },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const }
  })
}
