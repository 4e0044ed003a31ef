// Cycle administration (issue 7, item 2): national admins create and change cycles, choose the
// organisations taking part, open a cycle (which creates a submission for each of them) and close
// it. Every change is checked against the version of the cycle the admin saw (Cycle.updatedAt), so
// two admins never overwrite each other silently, and lands with its audit events in one transaction.
import { recordAudit } from '~/modules/audit/audit.server'
import { requirePermission, type Actor } from '~/modules/auth/permissions'
import { createPlans, isServiceImprovementCycle } from '~/modules/improvement/open.server'
import { prisma, type Db } from '~/utils/db.server'
import { notFound } from '~/utils/http.server'
import { NOT_YET_SUBMITTED_STATUSES } from '~/modules/submissions/status'
import {
  CANNOT_TAKE_PART,
  canMoveCycle,
  cycleCodeFromName,
  cycleCodeFromReference,
  cycleDateErrors,
  editionCanChange,
  inForce,
  participantsCanChange,
  participation,
  submissionReference,
  uniqueCycleCode,
  type CannotTakePartReason,
  type Candidate,
} from './rules'
import type { EditCycleForm, NewCycleForm, ParticipantsForm } from './schema'

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0]
type FieldErrors = Record<string, string[]>

export type Invalid = { ok: false; kind: 'invalid'; fieldErrors: FieldErrors }
export type Refused = { ok: false; kind: 'refused'; message: string }
export type Conflict<T> = { ok: false; kind: 'conflict'; current: T }

/** Thrown inside a transaction to undo its writes and answer with `result`. */
class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super('rollback')
  }
}

async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    // Opening a cycle writes a submission and an audit event per organisation: allow for a few thousand.
    return await prisma.$transaction(work, { timeout: 60_000, maxWait: 10_000 })
  } catch (error) {
    if (error instanceof Rollback) return error.result as T
    throw error
  }
}

/** The version an admin saw, from the form's hidden field; a value that is not a date matches nothing. */
function versionOf(updatedAt: string): Date {
  const date = new Date(updatedAt)
  return Number.isNaN(date.getTime()) ? new Date(0) : date
}

const day = (date: Date) => date.toISOString().slice(0, 10)

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** Every cycle, newest first, for the admin list. */
export async function listCyclesForAdmin(actor: Actor) {
  requirePermission(actor, 'cycle:manage')
  return prisma.cycle.findMany({
    orderBy: [{ opensAt: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      type: true,
      status: true,
      opensAt: true,
      submissionDeadline: true,
      edition: { select: { name: true } },
      _count: { select: { submissions: true } },
    },
  })
}

/**
 * The editions a cycle may use: the published ones (the editions module owns their lifecycle), and
 * the cycle's own edition so a form never loses it.
 */
export async function listEditionOptions(actor: Actor, currentEditionId?: string) {
  requirePermission(actor, 'cycle:manage')
  return prisma.frameworkEdition.findMany({
    where: { OR: [{ status: 'PUBLISHED' }, ...(currentEditionId ? [{ id: currentEditionId }] : [])] },
    orderBy: [{ publishedAt: 'desc' }, { name: 'asc' }],
    select: { id: true, code: true, name: true, status: true },
  })
}

const CYCLE_SELECT = {
  id: true,
  name: true,
  type: true,
  status: true,
  editionId: true,
  evidencePeriodStart: true,
  evidencePeriodEnd: true,
  opensAt: true,
  submissionDeadline: true,
  validationDeadline: true,
  minimumExpectedLevel: true,
  allOrganisations: true,
  updatedAt: true,
} as const

/** A cycle for its admin page and edit form, with how many organisations take part. */
export async function getCycleForAdmin(actor: Actor, cycleId: string) {
  requirePermission(actor, 'cycle:manage')
  const cycle = await prisma.cycle.findUnique({
    where: { id: cycleId },
    select: {
      ...CYCLE_SELECT,
      edition: { select: { id: true, code: true, name: true, status: true } },
      _count: { select: { participants: true, submissions: true, improvementPlans: true } },
    },
  })
  if (!cycle) notFound()
  const unsubmitted = { cycleId, status: { in: [...NOT_YET_SUBMITTED_STATUSES] } }
  const plans = isServiceImprovementCycle(cycle)
  const notSubmitted = plans
    ? await prisma.serviceImprovementPlan.count({ where: unsubmitted })
    : await prisma.submission.count({ where: unsubmitted })
  return {
    ...cycle,
    participantCount: cycle._count.participants,
    // For a service improvement review, the Service Improvement Plans stand in for submissions.
    submissionCount: plans ? cycle._count.improvementPlans : cycle._count.submissions,
    notSubmitted,
  }
}

// ---------------------------------------------------------------------------
// Creating and changing a cycle
// ---------------------------------------------------------------------------

type CycleValues = Omit<NewCycleForm, 'editionId'>

function dateErrors(form: CycleValues): FieldErrors {
  return Object.fromEntries(Object.entries(cycleDateErrors(form)).map(([field, message]) => [field, [message]]))
}

/** Another cycle with the same name, ignoring case and spacing at the ends. */
async function nameTaken(tx: Tx, name: string, exceptId?: string): Promise<boolean> {
  const cycles = await tx.cycle.findMany({ where: exceptId ? { id: { not: exceptId } } : {}, select: { name: true } })
  const wanted = name.trim().toLowerCase()
  return cycles.some((c) => c.name.trim().toLowerCase() === wanted)
}

const nameTakenError = (name: string): Invalid => ({
  ok: false,
  kind: 'invalid',
  fieldErrors: { name: [`There is already a cycle called ${name}`] },
})

async function isPublished(tx: Tx, editionId: string): Promise<boolean> {
  return (await tx.frameworkEdition.count({ where: { id: editionId, status: 'PUBLISHED' } })) > 0
}

const UNPUBLISHED_EDITION: Invalid = {
  ok: false,
  kind: 'invalid',
  fieldErrors: { editionId: ['Select a published framework edition'] },
}

/** What the audit trail keeps of a cycle: dates as days. */
function auditValues(cycle: CycleValues & { editionId: string }) {
  return {
    name: cycle.name,
    type: cycle.type,
    editionId: cycle.editionId,
    evidencePeriodStart: day(cycle.evidencePeriodStart),
    evidencePeriodEnd: day(cycle.evidencePeriodEnd),
    opensAt: day(cycle.opensAt),
    submissionDeadline: day(cycle.submissionDeadline),
    validationDeadline: day(cycle.validationDeadline),
    minimumExpectedLevel: cycle.minimumExpectedLevel,
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
}

type ActorInput = { actor: Actor; ipAddress?: string }

/** Creates a draft cycle, taking part: all active organisations until the admin chooses others. */
export async function createCycle(
  input: ActorInput & { form: NewCycleForm },
): Promise<{ ok: true; cycleId: string } | Invalid> {
  const { actor, form } = input
  requirePermission(actor, 'cycle:manage')
  const errors = dateErrors(form)
  if (Object.keys(errors).length) return { ok: false, kind: 'invalid', fieldErrors: errors }
  try {
    return await inTransaction(async (tx) => {
      if (await nameTaken(tx, form.name)) return nameTakenError(form.name)
      if (!(await isPublished(tx, form.editionId))) return UNPUBLISHED_EDITION
      const values = { ...auditValues(form), name: form.name }
      const cycle = await tx.cycle.create({
        data: {
          name: form.name,
          type: form.type,
          status: 'DRAFT',
          editionId: form.editionId,
          evidencePeriodStart: form.evidencePeriodStart,
          evidencePeriodEnd: form.evidencePeriodEnd,
          opensAt: form.opensAt,
          submissionDeadline: form.submissionDeadline,
          validationDeadline: form.validationDeadline,
          minimumExpectedLevel: form.minimumExpectedLevel,
          allOrganisations: true,
        },
        select: { id: true },
      })
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'cycle.created',
        entityType: 'Cycle',
        entityId: cycle.id,
        after: { ...values, status: 'DRAFT', allOrganisations: true },
        ipAddress: input.ipAddress,
      })
      return { ok: true as const, cycleId: cycle.id }
    })
  } catch (error) {
    // Two admins creating the same name at once: the unique index decides.
    if (isUniqueViolation(error)) return nameTakenError(form.name)
    throw error
  }
}

export type CycleSnapshot = CycleValues & { editionId: string; status: string; updatedAt: Date }

/**
 * Saves a cycle's details against the version the admin edited. Once the cycle has opened its
 * edition is fixed (submissions are made against it); its name, type, dates and minimum level can
 * still change, and each change is in the audit trail.
 */
export async function updateCycle(
  input: ActorInput & { cycleId: string; form: EditCycleForm },
): Promise<{ ok: true } | Invalid | Conflict<CycleSnapshot>> {
  const { actor, form } = input
  requirePermission(actor, 'cycle:manage')
  const errors = dateErrors(form)
  if (Object.keys(errors).length) return { ok: false, kind: 'invalid', fieldErrors: errors }
  try {
    return await inTransaction(async (tx) => {
      const existing = await tx.cycle.findUnique({ where: { id: input.cycleId }, select: CYCLE_SELECT })
      if (!existing) notFound()
      let editionId = existing.editionId
      if (editionCanChange(existing.status)) {
        if (!form.editionId)
          return {
            ok: false as const,
            kind: 'invalid' as const,
            fieldErrors: { editionId: ['Select a framework edition'] },
          }
        if (form.editionId !== existing.editionId && !(await isPublished(tx, form.editionId)))
          return UNPUBLISHED_EDITION
        editionId = form.editionId
      } else if (form.editionId && form.editionId !== existing.editionId) {
        return {
          ok: false as const,
          kind: 'invalid' as const,
          fieldErrors: { editionId: ['The framework edition cannot change once the cycle has opened'] },
        }
      }
      if (await nameTaken(tx, form.name, existing.id)) return nameTakenError(form.name)
      const values = {
        name: form.name,
        type: form.type,
        editionId,
        evidencePeriodStart: form.evidencePeriodStart,
        evidencePeriodEnd: form.evidencePeriodEnd,
        opensAt: form.opensAt,
        submissionDeadline: form.submissionDeadline,
        validationDeadline: form.validationDeadline,
        minimumExpectedLevel: form.minimumExpectedLevel,
      }
      const { count } = await tx.cycle.updateMany({
        where: { id: existing.id, updatedAt: versionOf(form.updatedAt) },
        data: values,
      })
      if (count === 0) {
        const { allOrganisations: _all, id: _id, ...current } = existing
        return {
          ok: false as const,
          kind: 'conflict' as const,
          current: { ...current, type: current.type as CycleSnapshot['type'] },
        }
      }
      const before = auditValues({ ...existing, type: existing.type as CycleValues['type'] })
      const after = auditValues(values)
      const changed = (Object.keys(after) as Array<keyof typeof after>).filter((key) => before[key] !== after[key])
      if (changed.length) {
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'cycle.updated',
          entityType: 'Cycle',
          entityId: existing.id,
          // The name is always kept, so the history says which cycle changed.
          before: {
            name: before.name,
            ...Object.fromEntries(changed.map((key) => [key, before[key]])),
            status: existing.status,
          },
          after: { name: after.name, ...Object.fromEntries(changed.map((key) => [key, after[key]])) },
          ipAddress: input.ipAddress,
        })
      }
      return { ok: true as const }
    })
  } catch (error) {
    if (isUniqueViolation(error)) return nameTakenError(form.name)
    throw error
  }
}

// ---------------------------------------------------------------------------
// Who takes part
// ---------------------------------------------------------------------------

const ORGANISATION_SELECT = {
  id: true,
  odsCode: true,
  name: true,
  type: true,
  regionId: true,
  activeFrom: true,
  activeTo: true,
  region: { select: { name: true } },
  services: {
    select: {
      libraryServiceId: true,
      servesFrom: true,
      servesTo: true,
      libraryService: { select: { active: true, name: true } },
    },
  },
} as const

type OrganisationRow = {
  id: string
  odsCode: string
  name: string
  type: string
  regionId: string
  activeFrom: Date
  activeTo: Date | null
  region: { name: string }
  services: Array<{
    libraryServiceId: string
    servesFrom: Date
    servesTo: Date | null
    libraryService: { active: boolean; name: string }
  }>
}

function candidateOf(org: OrganisationRow): Candidate {
  return {
    organisationId: org.id,
    activeFrom: org.activeFrom,
    activeTo: org.activeTo,
    links: org.services.map((s) => ({
      libraryServiceId: s.libraryServiceId,
      servesFrom: s.servesFrom,
      servesTo: s.servesTo,
      serviceActive: s.libraryService.active,
    })),
  }
}

const activeWhere = (now: Date) => ({ activeFrom: { lte: now }, OR: [{ activeTo: null }, { activeTo: { gt: now } }] })

/**
 * The organisations a cycle names: every active one when it takes all, otherwise its chosen ones
 * (an inactive choice is kept, to be reported as unable to take part).
 */
async function namedOrganisations(
  tx: Db,
  cycle: { id: string; allOrganisations: boolean },
  now: Date,
): Promise<OrganisationRow[]> {
  return tx.organisation.findMany({
    where: cycle.allOrganisations ? activeWhere(now) : { cycleParticipations: { some: { cycleId: cycle.id } } },
    orderBy: [{ region: { name: 'asc' } }, { name: 'asc' }],
    select: ORGANISATION_SELECT,
  })
}

export type TakingPart = {
  organisationId: string
  odsCode: string
  name: string
  regionId: string
  regionName: string
  libraryServiceId: string
  libraryServiceName: string
}
export type CannotTakePart = {
  organisationId: string
  odsCode: string
  name: string
  reason: CannotTakePartReason
  message: string
}

/** Splits the named organisations into those that can take part (with their service) and those that cannot. */
function planParticipation(
  orgs: readonly OrganisationRow[],
  now: Date,
): { taking: TakingPart[]; cannot: CannotTakePart[] } {
  const taking: TakingPart[] = []
  const cannot: CannotTakePart[] = []
  for (const org of orgs) {
    const result = participation(candidateOf(org), now)
    if (result.ok) {
      const service = org.services.find((s) => s.libraryServiceId === result.libraryServiceId)!
      taking.push({
        organisationId: org.id,
        odsCode: org.odsCode,
        name: org.name,
        regionId: org.regionId,
        regionName: org.region.name,
        libraryServiceId: result.libraryServiceId,
        libraryServiceName: service.libraryService.name,
      })
    } else {
      cannot.push({
        organisationId: org.id,
        odsCode: org.odsCode,
        name: org.name,
        reason: result.reason,
        message: `cannot take part: ${CANNOT_TAKE_PART[result.reason]}`,
      })
    }
  }
  return { taking, cannot }
}

/** The cycle's reference code: the one its submissions already use, or a new one no other cycle uses. */
async function cycleCodeFor(tx: Tx, cycle: { id: string; name: string }): Promise<string> {
  const existing = await tx.submission.findFirst({
    where: { cycleId: cycle.id },
    select: { reference: true, organisation: { select: { odsCode: true } } },
  })
  const own = existing ? cycleCodeFromReference(existing.reference, existing.organisation.odsCode) : null
  if (own) return own
  const base = cycleCodeFromName(cycle.name)
  const others = await tx.submission.findMany({
    where: { cycleId: { not: cycle.id }, reference: { startsWith: `LKS-${base}` } },
    select: { reference: true, organisation: { select: { odsCode: true } } },
  })
  const taken = new Set(others.flatMap((s) => cycleCodeFromReference(s.reference, s.organisation.odsCode) ?? []))
  return uniqueCycleCode(base, taken)
}

/** A NOT_STARTED submission for each organisation, with its reference and audit event. */
async function createSubmissions(
  tx: Tx,
  input: ActorInput,
  cycle: { id: string; name: string },
  taking: readonly TakingPart[],
): Promise<number> {
  if (taking.length === 0) return 0
  const code = await cycleCodeFor(tx, cycle)
  const created = await tx.submission.createManyAndReturn({
    data: taking.map((t) => ({
      reference: submissionReference(code, t.odsCode),
      cycleId: cycle.id,
      organisationId: t.organisationId,
      libraryServiceId: t.libraryServiceId,
      regionId: t.regionId,
      status: 'NOT_STARTED',
    })),
    select: { id: true, reference: true, organisationId: true, libraryServiceId: true },
  })
  for (const submission of created) {
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: 'submission.created',
      entityType: 'Submission',
      entityId: submission.id,
      submissionId: submission.id,
      after: {
        reference: submission.reference,
        cycleId: cycle.id,
        organisationId: submission.organisationId,
        libraryServiceId: submission.libraryServiceId,
        status: 'NOT_STARTED',
      },
      ipAddress: input.ipAddress,
    })
  }
  return created.length
}

type OpeningCycle = { id: string; name: string; type: string; editionId: string; opensAt: Date }

/**
 * What a cycle creates for each organisation taking part: a self-assessment, or for a service
 * improvement review a Service Improvement Plan (modules/improvement).
 */
async function createForTaking(
  tx: Tx,
  input: ActorInput,
  cycle: OpeningCycle,
  taking: readonly TakingPart[],
): Promise<number> {
  if (!isServiceImprovementCycle(cycle)) return createSubmissions(tx, input, cycle, taking)
  return createPlans(
    tx,
    { actorId: input.actor.id, ipAddress: input.ipAddress },
    cycle,
    taking.map((t) => ({
      organisationId: t.organisationId,
      odsCode: t.odsCode,
      regionId: t.regionId,
      libraryServiceId: t.libraryServiceId,
    })),
  )
}

/** The organisations that already have a submission (or plan) in the cycle. */
async function organisationsWithRecords(tx: Tx, cycle: { id: string; type: string }): Promise<Set<string>> {
  const rows = isServiceImprovementCycle(cycle)
    ? await tx.serviceImprovementPlan.findMany({ where: { cycleId: cycle.id }, select: { organisationId: true } })
    : await tx.submission.findMany({ where: { cycleId: cycle.id }, select: { organisationId: true } })
  return new Set(rows.map((r) => r.organisationId))
}

/** The participants page: the active organisations by region, which are chosen, and which have started. */
export async function getParticipantsForm(actor: Actor, cycleId: string, now = new Date()) {
  requirePermission(actor, 'cycle:manage')
  const cycle = await prisma.cycle.findUnique({
    where: { id: cycleId },
    select: { id: true, name: true, status: true, allOrganisations: true, updatedAt: true },
  })
  if (!cycle) notFound()
  const [orgs, chosen, submissions] = await Promise.all([
    prisma.organisation.findMany({
      where: activeWhere(now),
      orderBy: [{ region: { name: 'asc' } }, { name: 'asc' }],
      select: ORGANISATION_SELECT,
    }),
    prisma.cycleParticipant.findMany({ where: { cycleId }, select: { organisationId: true } }),
    prisma.submission.findMany({ where: { cycleId }, select: { organisationId: true, status: true, startedAt: true } }),
  ])
  const chosenIds = new Set(chosen.map((c) => c.organisationId))
  const submissionOf = new Map(submissions.map((s) => [s.organisationId, s]))
  const regions = new Map<
    string,
    {
      name: string
      organisations: Array<{
        id: string
        odsCode: string
        name: string
        type: string
        libraryServiceName: string | null
        chosen: boolean
        started: boolean
      }>
    }
  >()
  for (const org of orgs) {
    const result = participation(candidateOf(org), now)
    const submission = submissionOf.get(org.id)
    const region = regions.get(org.regionId) ?? { name: org.region.name, organisations: [] }
    region.organisations.push({
      id: org.id,
      odsCode: org.odsCode,
      name: org.name,
      type: org.type,
      libraryServiceName: result.ok
        ? (org.services.find((s) => s.libraryServiceId === result.libraryServiceId)?.libraryService.name ?? null)
        : null,
      // With every organisation taking part, each box starts ticked, ready to untick a few.
      chosen: cycle.allOrganisations || chosenIds.has(org.id) || submission !== undefined,
      started: submission !== undefined && (submission.status !== 'NOT_STARTED' || submission.startedAt !== null),
    })
    regions.set(org.regionId, region)
  }
  return { cycle, regions: [...regions.entries()].map(([id, region]) => ({ id, ...region })) }
}

export type ParticipantsSaved = { ok: true; added: number; removed: number; cannotTakePart: CannotTakePart[] }

/**
 * Saves who takes part. While the cycle is a draft only the choice changes; once it is open, each
 * newly chosen organisation gets its submission, and an organisation no longer chosen loses its
 * submission unless the service has started it, which refuses the whole change.
 */
export async function saveParticipants(
  input: ActorInput & { cycleId: string; form: ParticipantsForm; now?: Date },
): Promise<ParticipantsSaved | Invalid | Refused | Conflict<{ updatedAt: Date }>> {
  const { actor, form } = input
  const now = input.now ?? new Date()
  requirePermission(actor, 'cycle:manage')
  return inTransaction<ParticipantsSaved | Invalid | Refused | Conflict<{ updatedAt: Date }>>(async (tx) => {
    const cycle = await tx.cycle.findUnique({
      where: { id: input.cycleId },
      select: {
        id: true,
        name: true,
        type: true,
        editionId: true,
        opensAt: true,
        status: true,
        allOrganisations: true,
        updatedAt: true,
      },
    })
    if (!cycle) notFound()
    if (!participantsCanChange(cycle.status))
      return {
        ok: false,
        kind: 'refused',
        message: 'The organisations taking part cannot change once the cycle has closed.',
      }
    const all = form.scope === 'ALL'
    const wanted = [...new Set(all ? [] : form.organisationIds)]
    if (wanted.length) {
      const known = await tx.organisation.count({ where: { id: { in: wanted }, ...activeWhere(now) } })
      if (known !== wanted.length)
        return { ok: false, kind: 'invalid', fieldErrors: { organisationIds: ['Select organisations from the list'] } }
    }
    const { count } = await tx.cycle.updateMany({
      where: { id: cycle.id, updatedAt: versionOf(form.updatedAt) },
      data: { allOrganisations: all },
    })
    if (count === 0) return { ok: false, kind: 'conflict', current: { updatedAt: cycle.updatedAt } }

    const before = await tx.cycleParticipant.findMany({
      where: { cycleId: cycle.id },
      select: { organisation: { select: { odsCode: true } } },
    })
    await tx.cycleParticipant.deleteMany({ where: { cycleId: cycle.id } })
    if (wanted.length)
      await tx.cycleParticipant.createMany({
        data: wanted.map((organisationId) => ({ cycleId: cycle.id, organisationId })),
      })

    let added = 0
    let removed = 0
    let cannotTakePart: CannotTakePart[] = []
    if (cycle.status === 'OPEN' && isServiceImprovementCycle(cycle)) {
      const named = await namedOrganisations(tx, { id: cycle.id, allOrganisations: all }, now)
      const namedIds = new Set(named.map((o) => o.id))
      const existing = await tx.serviceImprovementPlan.findMany({
        where: { cycleId: cycle.id },
        select: {
          id: true,
          reference: true,
          status: true,
          startedAt: true,
          organisationId: true,
          organisation: { select: { name: true, activeFrom: true, activeTo: true } },
        },
      })
      const dropped = existing.filter(
        (p) =>
          !namedIds.has(p.organisationId) &&
          inForce({ from: p.organisation.activeFrom, to: p.organisation.activeTo }, now),
      )
      const started = dropped.filter((p) => p.status !== 'NOT_STARTED' || p.startedAt !== null)
      if (started.length) {
        const names = started.map((p) => p.organisation.name).sort()
        throw new Rollback<Refused>({
          ok: false,
          kind: 'refused',
          message: `${names.join(', ')} cannot be removed: ${started.length === 1 ? 'its library service has' : 'their library services have'} started the Service Improvement Plan.`,
        })
      }
      for (const plan of dropped) {
        await tx.serviceImprovementPlan.delete({ where: { id: plan.id } })
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'sip.removed',
          entityType: 'ServiceImprovementPlan',
          entityId: plan.id,
          before: { reference: plan.reference, cycleId: cycle.id, organisationId: plan.organisationId },
          ipAddress: input.ipAddress,
        })
      }
      removed = dropped.length
      const have = new Set(existing.map((p) => p.organisationId))
      const plan = planParticipation(
        named.filter((o) => !have.has(o.id)),
        now,
      )
      added = await createForTaking(tx, input, cycle, plan.taking)
      cannotTakePart = plan.cannot
    } else if (cycle.status === 'OPEN') {
      const named = await namedOrganisations(tx, { id: cycle.id, allOrganisations: all }, now)
      const namedIds = new Set(named.map((o) => o.id))
      const existing = await tx.submission.findMany({
        where: { cycleId: cycle.id },
        select: {
          id: true,
          reference: true,
          status: true,
          startedAt: true,
          organisationId: true,
          organisation: { select: { name: true, activeFrom: true, activeTo: true } },
          penPortrait: { select: { id: true } },
          _count: { select: { outcomeResponses: true } },
        },
      })
      // An organisation that has since closed keeps its submission: it was never offered on the form.
      const dropped = existing.filter(
        (s) =>
          !namedIds.has(s.organisationId) &&
          inForce({ from: s.organisation.activeFrom, to: s.organisation.activeTo }, now),
      )
      const started = dropped.filter(
        (s) =>
          s.status !== 'NOT_STARTED' || s.startedAt !== null || s.penPortrait !== null || s._count.outcomeResponses > 0,
      )
      if (started.length) {
        const names = started.map((s) => s.organisation.name).sort()
        throw new Rollback<Refused>({
          ok: false,
          kind: 'refused',
          message: `${names.join(', ')} cannot be removed: ${started.length === 1 ? 'its library service has' : 'their library services have'} started the submission.`,
        })
      }
      for (const submission of dropped) {
        await tx.submission.delete({ where: { id: submission.id } })
        await recordAudit(tx, {
          actorId: actor.id,
          action: 'submission.removed',
          entityType: 'Submission',
          entityId: submission.id,
          submissionId: submission.id,
          before: {
            reference: submission.reference,
            cycleId: cycle.id,
            organisationId: submission.organisationId,
            status: submission.status,
          },
          ipAddress: input.ipAddress,
        })
      }
      removed = dropped.length
      const have = new Set(existing.map((s) => s.organisationId))
      const plan = planParticipation(
        named.filter((o) => !have.has(o.id)),
        now,
      )
      added = await createSubmissions(tx, input, cycle, plan.taking)
      cannotTakePart = plan.cannot
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'cycle.participants_changed',
      entityType: 'Cycle',
      entityId: cycle.id,
      before: {
        name: cycle.name,
        allOrganisations: cycle.allOrganisations,
        organisations: before.map((p) => p.organisation.odsCode).sort(),
      },
      after: {
        name: cycle.name,
        allOrganisations: all,
        organisations: all
          ? []
          : (await tx.organisation.findMany({ where: { id: { in: wanted } }, select: { odsCode: true } }))
              .map((o) => o.odsCode)
              .sort(),
        submissionsCreated: added,
        submissionsRemoved: removed,
      },
      ipAddress: input.ipAddress,
    })
    return { ok: true, added, removed, cannotTakePart }
  })
}

// ---------------------------------------------------------------------------
// Opening and closing
// ---------------------------------------------------------------------------

/** What opening the cycle would do now: who gets a submission, and who cannot take part and why. */
export async function previewOpening(actor: Actor, cycleId: string, now = new Date()) {
  requirePermission(actor, 'cycle:manage')
  const cycle = await prisma.cycle.findUnique({
    where: { id: cycleId },
    select: {
      id: true,
      name: true,
      type: true,
      status: true,
      allOrganisations: true,
      updatedAt: true,
      edition: { select: { name: true } },
    },
  })
  if (!cycle) notFound()
  const plan = planParticipation(await namedOrganisations(prisma, cycle, now), now)
  return { cycle, taking: plan.taking, cannotTakePart: plan.cannot }
}

export type Opened = { ok: true; created: number; plans: boolean; cannotTakePart: CannotTakePart[] }

/**
 * Opens a draft cycle: a NOT_STARTED submission for every organisation taking part that a library
 * service serves, each with its reference and region, all in one transaction with the audit events.
 */
export async function openCycle(
  input: ActorInput & { cycleId: string; updatedAt: string; now?: Date },
): Promise<Opened | Refused | Conflict<{ updatedAt: Date }>> {
  const { actor } = input
  const now = input.now ?? new Date()
  requirePermission(actor, 'cycle:manage')
  return inTransaction<Opened | Refused | Conflict<{ updatedAt: Date }>>(async (tx) => {
    const cycle = await tx.cycle.findUnique({
      where: { id: input.cycleId },
      select: {
        id: true,
        name: true,
        type: true,
        editionId: true,
        opensAt: true,
        status: true,
        allOrganisations: true,
        updatedAt: true,
      },
    })
    if (!cycle) notFound()
    if (!canMoveCycle(cycle.status, 'OPEN'))
      return {
        ok: false,
        kind: 'refused',
        message: cycle.status === 'OPEN' ? 'This cycle is already open.' : 'A closed cycle cannot be opened again.',
      }
    const { count } = await tx.cycle.updateMany({
      where: { id: cycle.id, status: 'DRAFT', updatedAt: versionOf(input.updatedAt) },
      data: { status: 'OPEN' },
    })
    if (count === 0) return { ok: false, kind: 'conflict', current: { updatedAt: cycle.updatedAt } }
    const have = await organisationsWithRecords(tx, cycle)
    const plan = planParticipation(
      (await namedOrganisations(tx, cycle, now)).filter((o) => !have.has(o.id)),
      now,
    )
    if (plan.taking.length === 0 && have.size === 0) {
      throw new Rollback<Refused>({
        ok: false,
        kind: 'refused',
        message:
          'No organisation can take part in this cycle yet. Choose organisations that a library service serves, then open the cycle.',
      })
    }
    const created = await createForTaking(tx, input, cycle, plan.taking)
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'cycle.opened',
      entityType: 'Cycle',
      entityId: cycle.id,
      before: { name: cycle.name, status: 'DRAFT' },
      after: {
        name: cycle.name,
        status: 'OPEN',
        [isServiceImprovementCycle(cycle) ? 'plansCreated' : 'submissionsCreated']: created,
        cannotTakePart: plan.cannot.map((c) => ({ odsCode: c.odsCode, reason: c.reason })),
      },
      ipAddress: input.ipAddress,
    })
    return { ok: true, created, plans: isServiceImprovementCycle(cycle), cannotTakePart: plan.cannot }
  })
}

/** Closes an open cycle. Submissions keep their status; nothing more can be added to the cycle. */
export async function closeCycle(
  input: ActorInput & { cycleId: string; updatedAt: string },
): Promise<{ ok: true } | Refused | Conflict<{ updatedAt: Date }>> {
  const { actor } = input
  requirePermission(actor, 'cycle:manage')
  return inTransaction<{ ok: true } | Refused | Conflict<{ updatedAt: Date }>>(async (tx) => {
    const cycle = await tx.cycle.findUnique({
      where: { id: input.cycleId },
      select: { id: true, name: true, status: true, updatedAt: true },
    })
    if (!cycle) notFound()
    if (!canMoveCycle(cycle.status, 'CLOSED'))
      return {
        ok: false,
        kind: 'refused',
        message: cycle.status === 'CLOSED' ? 'This cycle is already closed.' : 'Only an open cycle can be closed.',
      }
    const { count } = await tx.cycle.updateMany({
      where: { id: cycle.id, status: 'OPEN', updatedAt: versionOf(input.updatedAt) },
      data: { status: 'CLOSED' },
    })
    if (count === 0) return { ok: false, kind: 'conflict', current: { updatedAt: cycle.updatedAt } }
    const unsubmitted = await tx.submission.count({
      where: { cycleId: cycle.id, status: { in: [...NOT_YET_SUBMITTED_STATUSES] } },
    })
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'cycle.closed',
      entityType: 'Cycle',
      entityId: cycle.id,
      before: { name: cycle.name, status: 'OPEN' },
      after: { name: cycle.name, status: 'CLOSED', submissionsNotSubmitted: unsubmitted },
      ipAddress: input.ipAddress,
    })
    return { ok: true }
  })
}
