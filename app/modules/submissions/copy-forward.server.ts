// Starting a submission from the organisation's previous one: narratives, key strengths, evidence
// links and the pen portrait come across; grades and indicator statuses do not (each indicator is
// reviewed again, with last cycle's status shown beside it). Every copied outcome is in progress
// and marked as copied until someone edits it.
import { prisma } from '~/utils/db.server'
import { recordAudit } from '~/modules/audit/audit.server'
import type { Actor } from '~/modules/auth/permissions'
import { requirePermission } from '~/modules/auth/permissions'
import type { SubmissionContext } from './access.server'
import { findPreviousSubmission } from './workflow.server'

export type CopyForwardResult = { ok: true; fromCycle: string; outcomes: number } | { ok: false; message: string }

export async function copyForward(input: {
  actor: Actor
  context: SubmissionContext
  ipAddress: string
}): Promise<CopyForwardResult> {
  const { actor, context } = input
  requirePermission(actor, 'submission:start', context.target)
  if (context.status !== 'NOT_STARTED')
    return { ok: false, message: 'Answers can be copied only into a submission that has not been started.' }
  const previous = await findPreviousSubmission(context)
  if (!previous) return { ok: false, message: 'There is no earlier submission for this organisation to copy from.' }

  const [source, targetOutcomes] = await Promise.all([
    prisma.submission.findUniqueOrThrow({
      where: { id: previous.id },
      select: {
        outcomeResponses: {
          select: {
            narrative: true,
            keyStrengths: true,
            outcome: { select: { number: true } },
            links: {
              where: { evidenceItem: { archivedAt: null, libraryServiceId: context.libraryServiceId } },
              select: { evidenceItemId: true, pointer: true, indicator: { select: { code: true } } },
            },
          },
        },
        penPortrait: {
          select: {
            budgetPounds: true,
            contextNotes: true,
            organisations: { select: { organisationId: true, staffHeadcount: true, staffWte: true } },
            staffPosts: { select: { position: true, title: true, wte: true, qualified: true } },
            documents: {
              where: { evidenceItem: { archivedAt: null, libraryServiceId: context.libraryServiceId } },
              select: { kind: true, evidenceItemId: true },
            },
          },
        },
      },
    }),
    prisma.outcome.findMany({
      where: { editionId: context.cycle.editionId },
      select: { id: true, number: true, indicators: { select: { id: true, code: true } } },
    }),
  ])

  return prisma.$transaction(async (tx) => {
    // Indicators are matched by code, so answers carry across a change of framework edition too.
    let copied = 0
    for (const response of source.outcomeResponses) {
      const outcome = targetOutcomes.find((o) => o.number === response.outcome.number)
      if (!outcome) continue
      const indicatorByCode = new Map(outcome.indicators.map((i) => [i.code, i.id]))
      const created = await tx.outcomeResponse.create({
        data: {
          submissionId: context.id,
          outcomeId: outcome.id,
          status: 'IN_PROGRESS',
          narrative: response.narrative,
          keyStrengths: response.keyStrengths,
          copiedForward: true,
          version: 1,
          updatedById: actor.id,
        },
        select: { id: true },
      })
      // Indicator statuses are not copied: each starts "not yet reviewed", and the outcome page shows
      // last cycle's status and note beside it (from copiedFromId), so every one is looked at again.
      const links = response.links.flatMap((l) => {
        const indicatorId = l.indicator ? indicatorByCode.get(l.indicator.code) : null
        return indicatorId === undefined
          ? []
          : [{ outcomeResponseId: created.id, evidenceItemId: l.evidenceItemId, indicatorId, pointer: l.pointer }]
      })
      if (links.length) await tx.evidenceLink.createMany({ data: links })
      copied++
    }
    const portrait = source.penPortrait
    if (portrait) {
      await tx.penPortrait.create({
        data: {
          submissionId: context.id,
          budgetPounds: portrait.budgetPounds,
          contextNotes: portrait.contextNotes,
          copiedForward: true,
          version: 1,
          organisations: {
            create: portrait.organisations.map((o) => ({
              organisationId: o.organisationId,
              staffHeadcount: o.staffHeadcount,
              staffWte: o.staffWte,
            })),
          },
          staffPosts: {
            create: portrait.staffPosts.map((p) => ({
              position: p.position,
              title: p.title,
              wte: p.wte,
              qualified: p.qualified,
            })),
          },
          documents: { create: portrait.documents.map((d) => ({ kind: d.kind, evidenceItemId: d.evidenceItemId })) },
        },
        select: { id: true },
      })
    }
    const { count } = await tx.submission.updateMany({
      where: { id: context.id, status: 'NOT_STARTED', version: context.version },
      data: { status: 'IN_PROGRESS', startedAt: new Date(), copiedFromId: previous.id, version: { increment: 1 } },
    })
    if (count === 0)
      throw new Response('This submission has moved on since the page was loaded. Reload it and try again.', {
        status: 409,
      })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'submission.copied_forward',
      entityType: 'Submission',
      entityId: context.id,
      submissionId: context.id,
      before: { status: 'NOT_STARTED' },
      after: { status: 'IN_PROGRESS', copiedFromId: previous.id, outcomes: copied, penPortrait: Boolean(portrait) },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, fromCycle: previous.cycle.name, outcomes: copied }
  })
}
