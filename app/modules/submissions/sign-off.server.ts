// The read-only summary an executive sponsor signs off.
import { prisma } from '~/utils/db.server'
import { formatGrade, toGrade } from '~/modules/framework/grading'
import type { SubmissionContext } from './access.server'
import { getPenPortrait } from './pen-portrait.server'
import { getSubmissionProgress, signOffState } from './workflow.server'

const number = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 2 })

export async function getSignOffSummary(context: SubmissionContext) {
  const [outcomes, portrait, state, progress] = await Promise.all([
    prisma.outcome.findMany({
      where: { editionId: context.cycle.editionId },
      orderBy: { number: 'asc' },
      select: {
        number: true,
        shortTitle: true,
        responses: {
          where: { submissionId: context.id },
          select: {
            narrative: true,
            keyStrengths: true,
            selfLevel: true,
            selfSubLevel: true,
            _count: { select: { links: true } },
          },
        },
      },
    }),
    getPenPortrait(context),
    signOffState(context),
    getSubmissionProgress(context),
  ])
  const { staffing } = portrait
  return {
    submissionId: context.id,
    organisationName: context.organisation.name,
    cycleName: context.cycle.name,
    libraryServiceName: context.libraryService.name,
    canDecide: context.status === 'AWAITING_SIGN_OFF' && state.kind === 'AWAITING',
    penPortrait: [
      {
        key: 'Organisations served',
        value: portrait.organisations
          .map(
            (o) =>
              `${o.name}: ${o.staffHeadcount === null ? 'headcount not given' : `${number(o.staffHeadcount)} staff`}${o.staffWte === null ? '' : `, ${number(o.staffWte)} WTE`}`,
          )
          .join('; '),
      },
      {
        key: 'Library and knowledge service posts',
        value: `${portrait.staffPosts.length} posts, ${number(staffing.totalPostsWte)} WTE, of which ${number(staffing.qualifiedWte)} WTE qualified`,
      },
      {
        key: 'Qualified staff ratio',
        value:
          staffing.staffPerQualified === null
            ? 'No qualified staff recorded'
            : `1 per ${number(staffing.staffPerQualified)} WTE staff (policy: 1 per ${number(portrait.policyStaffPerQualified)})`,
      },
      { key: 'Budget', value: portrait.budgetPounds === null ? 'Not given' : `£${number(portrait.budgetPounds)}` },
      { key: 'Documents', value: portrait.documents.map((d) => d.title).join(', ') || 'None linked' },
    ],
    outcomes: outcomes.map((o) => {
      const response = o.responses[0]
      const grade = response && response.selfLevel !== null ? toGrade(response.selfLevel, response.selfSubLevel) : null
      return {
        number: o.number,
        shortTitle: o.shortTitle,
        grade: grade?.ok ? formatGrade(grade.grade) : null,
        narrative: response?.narrative ?? '',
        keyStrengths: response?.keyStrengths ?? '',
        evidenceCount: response?._count.links ?? 0,
        unevidenced: progress.outcomes.find((p) => p.number === o.number)?.unevidenced ?? [],
      }
    }),
  }
}
