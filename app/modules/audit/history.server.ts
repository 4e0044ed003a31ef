// A submission's history for regional leads and national admins (issue 4, item 8): its audit
// events, newest first, in plain English. The describing functions are pure and exported for tests.
import { prisma } from '~/utils/db.server'
import { can, type Action, type Actor } from '~/modules/auth/permissions'
import type { SubmissionContext } from '~/modules/submissions/access.server'
import { formatGrade, toGrade } from '~/modules/framework/grading'
import {
  RESPONSE_STATUS_LABELS,
  responseStatusLabel,
  SUBMISSION_STATUS_LABELS,
  isSubmissionStatus,
} from '~/modules/submissions/status'
import { PLAN_ITEM_STATUS_LABELS, isPlanItemStatus } from '~/modules/results/schema'
import { formatDate } from '~/utils/dates'

export const HISTORY_PAGE_SIZE = 50

const ACTION_DESCRIPTIONS: Record<string, string> = {
  'submission.started': 'Started',
  'submission.copied_forward': 'Answers copied from the last cycle',
  'submission.sent_for_sign_off': 'Sent for sign-off',
  'submission.withdrawn_from_sign_off': 'Taken back from sign-off',
  'submission.returned_by_sponsor': 'Returned by the executive sponsor',
  'submission.signed_off': 'Signed off by the executive sponsor',
  'submission.submitted': 'Submitted',
  'submission.clarification_requested': 'Clarification requested',
  'submission.resubmitted_after_clarification': 'Resubmitted after clarification',
  'submission.sent_to_moderation': 'Sent to moderation',
  'submission.validated': 'Validated',
  'submission.result_published': 'Result published',
  'submission.result_reopened': 'Result reopened',
  'outcome_response.saved': 'Outcome answers saved',
  'outcome_response.narrative_autosaved': 'Narrative saved automatically',
  'pen_portrait.saved': 'Pen portrait saved',
  'evidence_link.added': 'Evidence linked',
  'evidence_link.removed': 'Evidence link removed',
  'validation.validators_assigned': 'Validators assigned',
  'validation.grade_saved': 'Validator’s grade saved',
  'validation.completed': 'Validation completed by a validator',
  'validation.reopened': 'Validation reopened for a validator',
  'validation.agreed_grade_recorded': 'Agreed grade recorded',
  'validation.moderated_grade_recorded': 'Moderated grade recorded',
  'clarification.asked': 'Clarification question asked',
  'clarification.follow_up_asked': 'Follow-up question asked',
  'clarification.replied': 'Clarification question answered',
  'clarification.closed': 'Clarification question closed',
  'outcome_response.reopened_for_clarification': 'Outcome reopened for clarification',
  'outcome_response.clarification_completed': 'Outcome completed again after clarification',
  'development_plan_item.created': 'Development plan item added',
  'development_plan_item.updated': 'Development plan item updated',
  'settings.contact_details_updated': 'Contact details changed',
}

/** The plain-English name of an audit action, or the code itself when it is not known. */
export function describeAuditAction(code: string): string {
  return ACTION_DESCRIPTIONS[code] ?? code
}

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  narrativeLength: 'Narrative length',
  selfGrade: 'Self-assessed grade',
  grade: 'Grade',
  outcome: 'Outcome',
  outcomes: 'Outcomes',
  penPortrait: 'Pen portrait copied',
  budgetPounds: 'Budget',
  staffPosts: 'Staff posts',
  organisations: 'Organisations',
  documents: 'Documents',
  signerName: 'Signed by',
  signerRole: 'Role',
  reason: 'Reason',
  pointer: 'Page or section',
  kind: 'Validator',
  differing: 'Outcomes where the validators differ',
  requiredActions: 'Required actions',
  threadsClosed: 'Questions closed',
  length: 'Message length',
  reopenedForClarification: 'Reopened for clarification',
  dueDate: 'Due date',
  owner: 'Owner',
  action: 'Action',
  progressNotes: 'Progress notes',
  submittedAt: 'Submitted',
  sentForSignOffAt: 'Sent for sign-off',
  isLate: 'After the deadline',
}

const VALIDATOR_KINDS: Record<string, string> = { PRIMARY: 'Primary', SECONDARY: 'Second' }

/** Grades are stored as a level and a sub-level: each pair is shown as one grade. */
const GRADE_PAIRS = [
  { level: 'selfLevel', subLevel: 'selfSubLevel', as: 'selfGrade' },
  { level: 'level', subLevel: 'subLevel', as: 'grade' },
] as const

type Values = Record<string, unknown>

function asValues(json: string | null): Values {
  if (!json) return {}
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Values) : {}
  } catch {
    return {}
  }
}

function gradeText(level: unknown, subLevel: unknown): string | null {
  if (level === null || level === undefined) return null
  const grade = toGrade(level, subLevel)
  return grade.ok ? formatGrade(grade.grade) : null
}

function withGrades(values: Values): Values {
  const result: Values = { ...values }
  for (const pair of GRADE_PAIRS) {
    if (!(pair.level in result)) continue
    result[pair.as] = gradeText(result[pair.level], result[pair.subLevel])
    delete result[pair.level]
    delete result[pair.subLevel]
  }
  return result
}

function sentenceCase(code: string): string {
  const words = code.toLowerCase().replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function labelOf(key: string): string {
  return FIELD_LABELS[key] ?? sentenceCase(key.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))
}

function truncate(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text
}

function statusText(entityType: string, value: string): string {
  if (entityType === 'Submission' && isSubmissionStatus(value)) return SUBMISSION_STATUS_LABELS[value]
  if (entityType === 'DevelopmentPlanItem' && isPlanItemStatus(value)) return PLAN_ITEM_STATUS_LABELS[value]
  if (entityType === 'OutcomeResponse' && value in RESPONSE_STATUS_LABELS) return responseStatusLabel(value)
  return sentenceCase(value)
}

function valueText(entityType: string, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') {
    if (key === 'budgetPounds') return `£${value.toLocaleString('en-GB')}`
    if (key === 'narrativeLength' || key === 'length') return `${value.toLocaleString('en-GB')} characters`
    return value.toLocaleString('en-GB')
  }
  if (Array.isArray(value)) return value.map((v) => valueText(entityType, key, v)).join(', ')
  if (typeof value !== 'string') return ''
  if (key === 'status') return statusText(entityType, value)
  if (key === 'kind') return VALIDATOR_KINDS[value] ?? sentenceCase(value)
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) && !Number.isNaN(Date.parse(value))) return formatDate(value)
  if (/^[A-Z][A-Z_]+$/.test(value)) return sentenceCase(value)
  return truncate(value)
}

/** Whether a field is worth showing: identifiers, versions and nested records are not. */
function isShown(key: string, value: unknown): boolean {
  if (key === 'id' || key === 'version' || /Ids?$/.test(key)) return false
  if (Array.isArray(value)) return value.every((v) => v === null || typeof v !== 'object')
  return value === null || typeof value !== 'object'
}

/**
 * The before and after values of an event, one line per field that matters: "Status: In progress →
 * Awaiting sign-off" for a change, "Signed by: Dr Aisha Rahman" for a value set or removed.
 */
export function summariseChanges(entityType: string, beforeJson: string | null, afterJson: string | null): string[] {
  const before = withGrades(asValues(beforeJson))
  const after = withGrades(asValues(afterJson))
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])]
  const lines: string[] = []
  for (const key of keys) {
    const hasBefore = key in before && isShown(key, before[key])
    const hasAfter = key in after && isShown(key, after[key])
    if (!hasBefore && !hasAfter) continue
    const label = labelOf(key)
    const old = hasBefore ? valueText(entityType, key, before[key]) : null
    const now = hasAfter ? valueText(entityType, key, after[key]) : null
    if (old !== null && now !== null) {
      if (old !== now) lines.push(`${label}: ${old} → ${now}`)
    } else {
      lines.push(`${label}: ${old ?? now}`)
    }
  }
  return lines
}

type HistoryEvent = { action: string; entityType: string; entityId: string }

/** A page an event links to, and what the reader must be allowed to do to open it. */
export type HistoryTarget = { href: string; needs: Action }

/**
 * Where the thing an event changed can be seen: the service's answers (outcomes, evidence links and
 * the pen portrait) in the reviewer pack, which is how the region and the national team read them;
 * the clarifications, the development plan, the validators' grades, the assignment or the result;
 * the task list for the submission's own steps. The history shows the link only to a reader who
 * may open that page.
 */
export function eventTarget(submissionId: string, event: HistoryEvent): HistoryTarget {
  const base = `/submissions/${submissionId}`
  switch (event.entityType) {
    case 'OutcomeResponse':
    case 'EvidenceLink':
    case 'PenPortrait':
      return { href: `${base}/reviewer-pack.pdf`, needs: 'report:reviewer-pack' }
    case 'ClarificationThread':
      return { href: `${base}/clarifications`, needs: 'submission:view' }
    case 'DevelopmentPlanItem':
      return { href: `${base}/development-plan`, needs: 'development-plan:view' }
    case 'OutcomeValidation':
    case 'ValidatorAssignment':
    case 'AgreedResult':
      return { href: `${base}/agreement`, needs: 'submission:view' }
  }
  if (event.action === 'validation.validators_assigned') return { href: `${base}/assign`, needs: 'validation:assign' }
  if (['submission.validated', 'submission.result_published', 'submission.result_reopened'].includes(event.action))
    return { href: `${base}/result`, needs: 'result:view' }
  if (event.action === 'submission.sent_to_moderation') return { href: `${base}/agreement`, needs: 'submission:view' }
  return { href: base, needs: 'submission:view' }
}

const VALIDATOR_ROLE_KEYS = [
  { kind: 'PRIMARY', key: 'primaryId', label: 'Primary validator' },
  { kind: 'SECONDARY', key: 'secondaryId', label: 'Second validator' },
] as const

/** The validators an assignment event names, by their role: "Primary validator: Priya Shah". */
export function assignedValidatorLines(
  beforeJson: string | null,
  afterJson: string | null,
  nameOf: (userId: string) => string,
): string[] {
  const before = asValues(beforeJson)
  const after = asValues(afterJson)
  const earlier = Array.isArray(before.assignments) ? (before.assignments as Values[]) : []
  return VALIDATOR_ROLE_KEYS.flatMap(({ kind, key, label }) => {
    const now = after[key]
    if (typeof now !== 'string') return []
    const was = earlier.find((a) => a.kind === kind)?.validatorId
    return typeof was === 'string' && was !== now
      ? [`${label}: ${nameOf(was)} → ${nameOf(now)}`]
      : [`${label}: ${nameOf(now)}`]
  })
}

function validatorIdsOf(events: ReadonlyArray<{ action: string; before: string | null; after: string | null }>) {
  return events
    .filter((e) => e.action === 'validation.validators_assigned')
    .flatMap((e) => {
      const after = asValues(e.after)
      const earlier = asValues(e.before).assignments
      return [
        after.primaryId,
        after.secondaryId,
        ...(Array.isArray(earlier) ? earlier.map((a: Values) => a.validatorId) : []),
      ].filter((id): id is string => typeof id === 'string')
    })
}

/** One page of the submission's history, newest first, or null when the page does not exist. */
export async function getSubmissionHistory(
  reader: Actor,
  context: Pick<SubmissionContext, 'id' | 'target'>,
  page: number,
) {
  const where = { OR: [{ submissionId: context.id }, { entityType: 'Submission', entityId: context.id }] }
  const [total, events] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: {
        id: true,
        at: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        actor: { select: { name: true } },
      },
    }),
  ])
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE))
  if (page > pageCount) return null
  // Outcome answers are recorded against their response: name the outcome instead.
  const responseIds = events.filter((e) => e.entityType === 'OutcomeResponse').map((e) => e.entityId)
  const responses = responseIds.length
    ? await prisma.outcomeResponse.findMany({
        where: { id: { in: responseIds }, submissionId: context.id },
        select: { id: true, outcome: { select: { number: true } } },
      })
    : []
  const outcomeOf = new Map(responses.map((r) => [r.id, r.outcome.number]))
  const validatorIds = [...new Set(validatorIdsOf(events))]
  const validators = validatorIds.length
    ? await prisma.user.findMany({ where: { id: { in: validatorIds } }, select: { id: true, name: true } })
    : []
  const target = (event: HistoryEvent) => {
    const { href, needs } = eventTarget(context.id, event)
    return can(reader, needs, context.target) ? href : null
  }
  const nameOf = (userId: string) => validators.find((v) => v.id === userId)?.name ?? 'a person no longer listed'
  return {
    total,
    page,
    pageCount,
    pageSize: HISTORY_PAGE_SIZE,
    events: events.map((event) => {
      const outcome = event.entityType === 'OutcomeResponse' ? outcomeOf.get(event.entityId) : undefined
      return {
        id: event.id,
        at: event.at,
        who: event.actor?.name ?? 'System',
        description: describeAuditAction(event.action),
        href: target(event),
        changes: [
          ...(outcome === undefined ? [] : [`Outcome ${outcome}`]),
          ...(event.action === 'validation.validators_assigned'
            ? assignedValidatorLines(event.before, event.after, nameOf)
            : []),
          ...summariseChanges(event.entityType, event.before, event.after),
        ],
      }
    }),
  }
}
