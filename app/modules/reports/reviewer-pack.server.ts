// The reviewer pack's data (issue 5): everything a validator needs offline, with the reader's
// permissions applied. All six outcomes are loaded in a fixed handful of queries (no query per
// outcome or per evidence item), so a full pack with long narratives stays quick.
import { prisma } from '~/utils/db.server'
import type { Actor } from '~/modules/auth/permissions'
import {
  INDICATOR_STATUSES,
  suggestGrade,
  toGrade,
  type Grade,
  type IndicatorStatus,
} from '~/modules/framework/grading'
import { loadSubmissionContext, type SubmissionContext } from '~/modules/submissions/access.server'
import { DOCUMENT_KINDS, getPenPortrait } from '~/modules/submissions/pen-portrait.server'
import { THREAD_STATUS_LABELS, isThreadStatus } from '~/modules/validation/clarification-schema'
import type {
  AgreedView,
  ClarificationReport,
  EvidenceReport,
  PenPortraitReport,
  ReportSubmission,
  ReviewerPack,
  ValidatorView,
} from './model'
import { reviewerPackVisibility, type AssignmentKind } from './visibility'

type DocumentKind = (typeof DOCUMENT_KINDS)[number]

const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  STRATEGY: 'Strategy',
  ANNUAL_REPORT: 'Annual report',
  SERVICE_LEVEL_AGREEMENT: 'Service level agreement',
}
const kindOrder = (kind: string) => (DOCUMENT_KINDS as readonly string[]).indexOf(kind)

const isIndicatorStatus = (value: string | null | undefined): value is IndicatorStatus =>
  typeof value === 'string' && (INDICATOR_STATUSES as readonly string[]).includes(value)

const isAssignmentKind = (value: string): value is AssignmentKind => value === 'PRIMARY' || value === 'SECONDARY'

/** A stored grade, or null when there is none or it is malformed. */
function storedGrade(level: number | null, subLevel: string | null): Grade | null {
  if (level === null) return null
  const parsed = toGrade(level, subLevel)
  return parsed.ok ? parsed.grade : null
}

/** The submission as every report names it. */
export function reportSubmissionOf(context: SubmissionContext): ReportSubmission {
  return {
    reference: context.reference,
    cycleName: context.cycle.name,
    editionName: context.cycle.edition.name,
    status: context.status,
    submittedAt: context.submittedAt,
    isLate: context.isLate,
    publishedAt: context.publishedAt,
    organisation: { name: context.organisation.name, odsCode: context.organisation.odsCode },
    libraryServiceName: context.libraryService.name,
    regionName: context.region.name,
  }
}

async function penPortraitOf(context: SubmissionContext): Promise<PenPortraitReport> {
  const portrait = await getPenPortrait(context)
  return {
    organisations: portrait.organisations.map((o) => ({
      name: o.name,
      odsCode: o.odsCode,
      staffHeadcount: o.staffHeadcount,
      staffWte: o.staffWte,
    })),
    staffPosts: portrait.staffPosts.map(({ title, wte, qualified }) => ({ title, wte, qualified })),
    budgetPounds: portrait.budgetPounds,
    contextNotes: portrait.contextNotes,
    documents: [...portrait.documents]
      .sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.title.localeCompare(b.title, 'en-GB'))
      .map((d) => ({ kindLabel: DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? d.kind, title: d.title })),
    staffing: portrait.staffing,
    policyStaffPerQualified: portrait.policyStaffPerQualified,
  }
}

/** The reviewer pack of a submission: 404 when out of reach, 403 when the reader may not have it. */
export async function getReviewerPack(actor: Actor, submissionId: string, baseUrl: string): Promise<ReviewerPack> {
  const context = await loadSubmissionContext(actor, submissionId, 'report:reviewer-pack')
  const base = baseUrl.replace(/\/+$/, '')
  const [penPortrait, outcomes, responses, assignments, signOffs, threads] = await Promise.all([
    penPortraitOf(context),
    prisma.outcome.findMany({
      where: { editionId: context.cycle.editionId },
      orderBy: { number: 'asc' },
      select: {
        id: true,
        number: true,
        shortTitle: true,
        statement: true,
        levels: {
          orderBy: { level: 'asc' },
          select: {
            level: true,
            indicators: { orderBy: { position: 'asc' }, select: { id: true, code: true, text: true } },
          },
        },
      },
    }),
    prisma.outcomeResponse.findMany({
      where: { submissionId: context.id },
      select: {
        outcomeId: true,
        narrative: true,
        keyStrengths: true,
        selfLevel: true,
        selfSubLevel: true,
        selfGradeReason: true,
        indicators: { select: { indicatorId: true, status: true, note: true } },
        links: {
          orderBy: { createdAt: 'asc' },
          select: {
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
    prisma.validatorAssignment.findMany({
      where: { submissionId: context.id },
      select: { id: true, kind: true, validatorId: true, completedAt: true, validator: { select: { name: true } } },
    }),
    prisma.signOff.findMany({
      where: { submissionId: context.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { decision: true, signerName: true, signerRole: true, reason: true, createdAt: true },
    }),
    // Questions and answers are shared by the service and its validators: whoever may read the
    // pack may read them (the clarifications page asks only 'submission:view').
    prisma.clarificationThread.findMany({
      where: { submissionId: context.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        outcomeId: true,
        status: true,
        openedById: true,
        createdAt: true,
        resolvedAt: true,
        messages: {
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { body: true, createdAt: true, authorId: true, author: { select: { name: true } } },
        },
      },
    }),
  ])
  const validatorIds = new Set(assignments.map((a) => a.validatorId))
  const clarificationOf = (thread: (typeof threads)[number]): ClarificationReport => ({
    statusLabel: THREAD_STATUS_LABELS[isThreadStatus(thread.status) ? thread.status : 'OPEN'],
    askedAt: thread.createdAt,
    resolvedAt: thread.resolvedAt,
    messages: thread.messages.map((m) => ({
      authorName: m.author.name,
      authorContext: validatorIds.has(m.authorId) || m.authorId === thread.openedById ? 'Validator' : 'Service',
      at: m.createdAt,
      body: m.body,
    })),
  })

  const facts = assignments.flatMap((a) =>
    isAssignmentKind(a.kind) ? [{ ...a, kind: a.kind, completed: a.completedAt !== null }] : [],
  )
  const visibility = reviewerPackVisibility(actor, context.target, context.status, facts)
  const visibleAssignments = visibility.validations.flatMap((kind) => facts.filter((a) => a.kind === kind))
  const itemIds = [...new Set(responses.flatMap((r) => r.links.map((l) => l.evidenceItem.id)))]

  // Only what the reader may see is read: nothing of validation for the service side.
  const [files, validations, agreedResults] = await Promise.all([
    itemIds.length
      ? prisma.evidenceFile.findMany({
          where: { removedAt: null, evidenceItemId: { in: itemIds } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            evidenceItemId: true,
            versions: {
              orderBy: { version: 'desc' },
              take: 1,
              select: { id: true, originalName: true, mimeType: true, sizeBytes: true, sha256: true },
            },
          },
        })
      : [],
    visibleAssignments.length
      ? prisma.outcomeValidation.findMany({
          where: { assignmentId: { in: visibleAssignments.map((a) => a.id) } },
          select: {
            assignmentId: true,
            outcomeId: true,
            level: true,
            subLevel: true,
            rationale: true,
            notes: true,
            judgements: { select: { indicatorId: true, status: true } },
          },
        })
      : [],
    visibility.agreed
      ? prisma.agreedResult.findMany({
          where: { submissionId: context.id },
          select: {
            outcomeId: true,
            level: true,
            subLevel: true,
            rationale: true,
            viaModeration: true,
            strengths: true,
            areasForDevelopment: true,
            recommendations: true,
            requiredActions: { orderBy: { position: 'asc' }, select: { text: true } },
          },
        })
      : [],
  ])

  const filesOf = new Map<string, EvidenceReport['files']>()
  for (const file of files) {
    const latest = file.versions[0]
    if (!latest) continue
    const list = filesOf.get(file.evidenceItemId) ?? []
    list.push({
      name: latest.originalName,
      sizeBytes: latest.sizeBytes,
      sha256: latest.sha256,
      mimeType: latest.mimeType,
      url: `${base}/evidence/files/${latest.id}/download`,
    })
    filesOf.set(file.evidenceItemId, list)
  }
  const responseOf = new Map(responses.map((r) => [r.outcomeId, r]))
  const agreedOf = new Map(agreedResults.map((a) => [a.outcomeId, a]))

  return {
    submission: reportSubmissionOf(context),
    penPortrait,
    validatedSeriesLabel: visibility.validatedSeriesLabel,
    signOffs: signOffs.map((row) => ({
      decision: row.decision === 'RETURNED' ? 'RETURNED' : 'SIGNED_OFF',
      signerName: row.signerName,
      signerRole: row.signerRole,
      at: row.createdAt,
      reason: row.reason,
    })),
    generalClarifications: threads.filter((t) => t.outcomeId === null).map(clarificationOf),
    outcomes: outcomes.map((outcome) => {
      const response = responseOf.get(outcome.id)
      const answers = new Map(response?.indicators.map((i) => [i.indicatorId, i]) ?? [])
      const indicators = outcome.levels.flatMap((l) =>
        l.indicators.map((i) => {
          const answer = answers.get(i.id)
          return {
            code: i.code,
            level: l.level as 1 | 2 | 3 | 4,
            text: i.text,
            status: isIndicatorStatus(answer?.status) ? answer.status : null,
            note: answer?.note ?? '',
          }
        }),
      )
      const codeOf = new Map(outcome.levels.flatMap((l) => l.indicators.map((i) => [i.id, i.code] as const)))
      const agreed = agreedOf.get(outcome.id)
      const agreedGrade = agreed ? storedGrade(agreed.level, agreed.subLevel) : null
      return {
        number: outcome.number,
        shortTitle: outcome.shortTitle,
        statement: outcome.statement,
        selfGrade: response ? storedGrade(response.selfLevel, response.selfSubLevel) : null,
        // No suggestion until the service has assessed at least one indicator.
        suggestedGrade: indicators.some((i) => i.status !== null) ? suggestGrade(indicators) : null,
        selfGradeReason: response?.selfGradeReason ?? '',
        keyStrengths: response?.keyStrengths ?? '',
        narrative: response?.narrative ?? '',
        indicators,
        evidence: (response?.links ?? []).map((link): EvidenceReport => ({
          title: link.evidenceItem.title,
          evidenceDateFrom: link.evidenceItem.evidenceDateFrom,
          evidenceDateTo: link.evidenceItem.evidenceDateTo,
          url: link.evidenceItem.url,
          pointer: link.pointer,
          indicatorCode: link.indicatorId ? (codeOf.get(link.indicatorId) ?? null) : null,
          files: filesOf.get(link.evidenceItem.id) ?? [],
          portalUrl: `${base}/evidence/${link.evidenceItem.id}`,
          archived: link.evidenceItem.archivedAt !== null,
        })),
        validations: visibleAssignments.map((assignment): ValidatorView => {
          const validation = validations.find((v) => v.assignmentId === assignment.id && v.outcomeId === outcome.id)
          const judgements: Record<string, IndicatorStatus> = {}
          for (const j of validation?.judgements ?? []) {
            const code = codeOf.get(j.indicatorId)
            if (code && isIndicatorStatus(j.status)) judgements[code] = j.status
          }
          return {
            validatorName: assignment.validator.name,
            kind: assignment.kind,
            completed: assignment.completed,
            grade: validation ? storedGrade(validation.level, validation.subLevel) : null,
            rationale: validation?.rationale ?? '',
            notes: validation?.notes ?? '',
            judgements,
          }
        }),
        agreed:
          agreed && agreedGrade
            ? ({
                grade: agreedGrade,
                rationale: agreed.rationale,
                viaModeration: agreed.viaModeration,
                strengths: agreed.strengths,
                areasForDevelopment: agreed.areasForDevelopment,
                recommendations: agreed.recommendations,
                requiredActions: agreed.requiredActions.map((r) => r.text),
              } satisfies AgreedView)
            : null,
        clarifications: threads.filter((t) => t.outcomeId === outcome.id).map(clarificationOf),
      }
    }),
  }
}
