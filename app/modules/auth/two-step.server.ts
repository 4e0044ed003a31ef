// Two-step verification (issue 12): TOTP codes (RFC 6238, otplib) from an authenticator app, and
// ten single-use recovery codes kept only as salted SHA-256 hashes. A code's time step is recorded
// when it is used, so the same code (or an older one) is never accepted twice. Wrong codes earn a
// growing wait on the person's own key (throttle.server.ts), whoever sends them.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { generate, generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import { prisma, type Db } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { recordAudit } from '~/modules/audit/audit.server'
import { clearFailures, recordFailure, secondsToWait, type DelayPolicy } from './throttle.server'
import { verifyPassword } from './password.server'
import { secondFactorRequired } from './two-step'
import { isRole, type RoleGrant } from './roles'
import { encryptTotpSecret, readTotpSecret } from './totp-secret.server'

const ISSUER = 'LKS Quality Portal'
export const RECOVERY_CODE_COUNT = 10
/** Codes from one time step either side of now are accepted, for clocks a little out. */
const EPOCH_TOLERANCE_SECONDS = 30
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

const CODE_POLICY: DelayPolicy = { freeAttempts: 5, firstDelaySeconds: 2, maxDelaySeconds: 15 * 60 }

function throttleKey(userId: string): string {
  return `two-step:${userId}`
}

/** The current code for a secret: for the demo command and the tests. */
export function currentCode(secret: string, now = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) })
}

/** "ABCD EFGH …": the secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim()
}

function hashRecoveryCode(code: string, salt: string): string {
  return createHash('sha256')
    .update(`${salt}:${normaliseRecoveryCode(code)}`)
    .digest('hex')
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 15 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)])
  return `${chars.slice(0, 5).join('')}-${chars.slice(5, 10).join('')}-${chars.slice(10).join('')}`
}

/** Replaces the person's recovery codes with ten new ones; returns them (shown once, never again). */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await db.recoveryCode.deleteMany({ where: { userId } })
  await db.recoveryCode.createMany({
    data: codes.map((code) => {
      const salt = randomBytes(8).toString('hex')
      return { userId, codeHash: `${salt}:${hashRecoveryCode(code, salt)}` }
    }),
  })
  return codes
}

export type Enrolment = { secret: string; groupedSecret: string; qrCodeSvg: string; uri: string }

/**
 * The secret to set up an authenticator app with: the one already offered (so a reload shows the
 * same QR code) or a new one. It takes effect only once a code from it is confirmed.
 */
export async function startEnrolment(userId: string): Promise<Enrolment | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  })
  if (!user || user.totpEnabledAt) return null
  let secret = user.totpSecret ? await readTotpSecret(userId, user.totpSecret) : null
  if (!secret) {
    secret = generateSecret()
    await prisma.user.update({
      where: { id: userId },
      data: { totpSecret: encryptTotpSecret(userId, secret) },
      select: { id: true },
    })
  }
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret })
  const qrCodeSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
  return { secret, groupedSecret: groupSecret(secret), qrCodeSvg, uri }
}

export type CodeResult =
  | { ok: true; recoveryCodeUsed: boolean; recoveryCodesLeft: number }
  | { ok: false; reason: 'INVALID' }
  | { ok: false; reason: 'THROTTLED'; retryAfterSeconds: number }

/** A TOTP code: its time step if it is right and newer than the last one used, else null. */
async function checkTotp(secret: string, token: string, lastTimeStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(token)) return null
  const result = await verify({
    secret,
    token,
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Checks a code from the authenticator app, or one of the recovery codes, for a person who has
 * two-step verification turned on. Throttled on the person's key; records failures as audit events.
 */
export async function checkSecondFactor(input: {
  userId: string
  code: string
  ipAddress: string
  now?: Date
}): Promise<CodeResult> {
  const key = throttleKey(input.userId)
  const wait = await secondsToWait([key])
  if (wait > 0) return { ok: false, reason: 'THROTTLED', retryAfterSeconds: wait }
  const user = await prisma.user.findUnique({
    where: { id: input.userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastTimeStep: true },
  })
  if (!user?.totpSecret || !user.totpEnabledAt) return { ok: false, reason: 'INVALID' }
  const token = input.code.replace(/\s/g, '')

  const timeStep = await checkTotp(await readTotpSecret(input.userId, user.totpSecret), token, user.totpLastTimeStep)
  if (timeStep !== null) {
    // Only one request can move the time step on: a code sent twice at once is accepted once.
    const { count } = await prisma.user.updateMany({
      where: {
        id: input.userId,
        OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: timeStep } }],
      },
      data: { totpLastTimeStep: timeStep },
    })
    if (count === 1) {
      await clearFailures(key)
      return { ok: true, recoveryCodeUsed: false, recoveryCodesLeft: -1 }
    }
  } else if (!/^\d{6}$/.test(token)) {
    const codes = await prisma.recoveryCode.findMany({
      where: { userId: input.userId, usedAt: null },
      select: { id: true, codeHash: true },
    })
    const match = codes.find(({ codeHash }) => {
      const [salt = '', hash = ''] = codeHash.split(':')
      return sameHash(hash, hashRecoveryCode(token, salt))
    })
    if (match) {
      const used = await prisma.$transaction(async (tx) => {
        const { count } = await tx.recoveryCode.updateMany({
          where: { id: match.id, usedAt: null },
          data: { usedAt: input.now ?? new Date() },
        })
        if (count === 1) {
          await recordAudit(tx, {
            actorId: input.userId,
            action: 'auth.recovery_code_used',
            entityType: 'User',
            entityId: input.userId,
            after: { recoveryCodesLeft: codes.length - 1 },
            ipAddress: input.ipAddress,
          })
        }
        return count === 1
      })
      if (used) {
        await clearFailures(key)
        return { ok: true, recoveryCodeUsed: true, recoveryCodesLeft: codes.length - 1 }
      }
    }
  }
  const delay = await recordFailure(key, CODE_POLICY)
  await recordAudit(prisma, {
    actorId: input.userId,
    action: delay > 0 ? 'auth.two_step_throttled' : 'auth.two_step_failed',
    entityType: 'User',
    entityId: input.userId,
    after: delay > 0 ? { waitSeconds: delay } : undefined,
    ipAddress: input.ipAddress,
  })
  return { ok: false, reason: 'INVALID' }
}

/** Confirms the offered secret with a code from the app, turns two-step on and returns new recovery codes. */
export async function confirmEnrolment(input: {
  userId: string
  code: string
  ipAddress: string
}): Promise<{ ok: true; recoveryCodes: string[] } | Exclude<CodeResult, { ok: true }>> {
  const key = throttleKey(input.userId)
  const wait = await secondsToWait([key])
  if (wait > 0) return { ok: false, reason: 'THROTTLED', retryAfterSeconds: wait }
  const user = await prisma.user.findUnique({
    where: { id: input.userId },
    select: { totpSecret: true, totpEnabledAt: true },
  })
  if (!user?.totpSecret || user.totpEnabledAt) return { ok: false, reason: 'INVALID' }
  const timeStep = await checkTotp(
    await readTotpSecret(input.userId, user.totpSecret),
    input.code.replace(/\s/g, ''),
    null,
  )
  if (timeStep === null) {
    await recordFailure(key, CODE_POLICY)
    return { ok: false, reason: 'INVALID' }
  }
  await clearFailures(key)
  const recoveryCodes = await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.userId },
      data: { totpEnabledAt: new Date(), totpLastTimeStep: timeStep },
      select: { id: true },
    })
    const codes = await replaceRecoveryCodes(tx, input.userId)
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'auth.two_step_enabled',
      entityType: 'User',
      entityId: input.userId,
      ipAddress: input.ipAddress,
    })
    return codes
  })
  return { ok: true, recoveryCodes }
}

async function grantsOf(userId: string): Promise<RoleGrant[]> {
  const roles = await prisma.roleAssignment.findMany({
    where: { userId },
    select: { role: true, libraryServiceId: true, organisationId: true, regionId: true },
  })
  return roles.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : []))
}

/** Whether the person's roles oblige them to use two-step verification. */
export async function twoStepRequiredFor(userId: string): Promise<boolean> {
  return secondFactorRequired(await grantsOf(userId), getEnv().TWO_STEP_REQUIRED_ROLES)
}

function clearedSecondFactor() {
  return { totpSecret: null, totpEnabledAt: null, totpLastTimeStep: null }
}

/**
 * Turns two-step verification off for a person who is not required to use it, once they have
 * typed their password again.
 */
export async function turnOffTwoStep(input: {
  userId: string
  password: string
  ipAddress: string
}): Promise<{ ok: true } | { ok: false; reason: 'WRONG_PASSWORD' | 'REQUIRED' }> {
  if (await twoStepRequiredFor(input.userId)) return { ok: false, reason: 'REQUIRED' }
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true } })
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
    return { ok: false, reason: 'WRONG_PASSWORD' }
  }
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: clearedSecondFactor(), select: { id: true } })
    await tx.recoveryCode.deleteMany({ where: { userId: input.userId } })
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'auth.two_step_disabled',
      entityType: 'User',
      entityId: input.userId,
      ipAddress: input.ipAddress,
    })
  })
  return { ok: true }
}

/**
 * An administrator's reset of someone's second factor (a lost phone): the secret and recovery
 * codes go, and so do the person's sessions; they set it up again at their next sign-in if their
 * role requires it. Call inside the transaction that checks permission on the person.
 */
export async function resetSecondFactor(
  db: Db,
  input: { actorId: string; userId: string; ipAddress: string },
): Promise<void> {
  await db.user.update({ where: { id: input.userId }, data: clearedSecondFactor(), select: { id: true } })
  await db.recoveryCode.deleteMany({ where: { userId: input.userId } })
  await db.session.deleteMany({ where: { userId: input.userId } })
  await recordAudit(db, {
    actorId: input.actorId,
    action: 'auth.two_step_reset',
    entityType: 'User',
    entityId: input.userId,
    ipAddress: input.ipAddress,
  })
}

/** How many unused recovery codes the person has. */
export function recoveryCodesLeft(userId: string): Promise<number> {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } })
}

/**
 * New recovery codes for a person with two-step verification on: the old ones stop working at
 * once, and the new ones are returned to be shown once (only their hashes are kept). Audited.
 */
export async function renewRecoveryCodes(input: {
  userId: string
  ipAddress: string
}): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { totpEnabledAt: true } })
    if (!user?.totpEnabledAt) return { ok: false as const }
    const before = await tx.recoveryCode.count({ where: { userId: input.userId, usedAt: null } })
    const recoveryCodes = await replaceRecoveryCodes(tx, input.userId)
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'auth.recovery_codes_renewed',
      entityType: 'User',
      entityId: input.userId,
      before: { recoveryCodesLeft: before },
      after: { recoveryCodesLeft: recoveryCodes.length },
      ipAddress: input.ipAddress,
    })
    return { ok: true as const, recoveryCodes }
  })
}
