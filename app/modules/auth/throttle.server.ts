// Throttles for sign-in, second-factor codes and account emails (issue 12, findings 3, 5 and 6),
// built on rate-limiter-flexible with its Prisma store: every count lives in the RateLimiterFlexible
// table, so several server processes on the one database see the same counts. Nothing here locks
// an account: failures earn a growing wait before the next try on the same key, which a person who
// proves control of the account (a reset link, a trusted device, a second factor) never shares.
import { RateLimiterPrisma, type RateLimiterRes } from 'rate-limiter-flexible'
import { prisma } from '~/utils/db.server'

const DAY_SECONDS = 24 * 60 * 60

const limiters = new Map<string, RateLimiterPrisma>()

function limiter(keyPrefix: string, points: number, duration: number): RateLimiterPrisma {
  const id = `${keyPrefix}:${points}:${duration}`
  let found = limiters.get(id)
  if (!found) {
    found = new RateLimiterPrisma({
      storeClient: prisma,
      tableName: 'rateLimiterFlexible',
      keyPrefix,
      points,
      duration,
      clearExpiredByTimeout: false,
    })
    limiters.set(id, found)
  }
  return found
}

// "wait" keys are blocked for the current delay; "failures" keys count failures over a day.
const waits = () => limiter('wait', 1, 1)
const failures = () => limiter('failures', 1_000_000, DAY_SECONDS)

export type DelayPolicy = {
  /** Failures allowed before any wait. */
  freeAttempts: number
  /** The wait after the first failure beyond the free ones; it doubles with each further failure. */
  firstDelaySeconds: number
  maxDelaySeconds: number
}

/** The growing wait after the nth failure in a row. */
export function delayAfter(failureCount: number, policy: DelayPolicy): number {
  const beyond = failureCount - policy.freeAttempts
  if (beyond <= 0) return 0
  return Math.min(policy.firstDelaySeconds * 2 ** (beyond - 1), policy.maxDelaySeconds)
}

/** Seconds still to wait before any of these keys may try again (0: go ahead). */
export async function secondsToWait(keys: readonly string[]): Promise<number> {
  const states = await Promise.all(keys.map((key) => waits().get(key)))
  const ms = Math.max(0, ...states.map((state) => (state && state.consumedPoints > 1 ? state.msBeforeNext : 0)))
  return Math.ceil(ms / 1000)
}

/** Counts a failure on the key and starts its wait when the policy says so; returns that wait. */
export async function recordFailure(key: string, policy: DelayPolicy): Promise<number> {
  const { consumedPoints } = await failures().penalty(key, 1)
  const delay = delayAfter(consumedPoints, policy)
  if (delay > 0) await waits().block(key, delay)
  return delay
}

/** Forgets the failures and any wait on the key (after a success, or proof of control). */
export async function clearFailures(key: string): Promise<void> {
  await Promise.all([failures().delete(key), waits().delete(key)])
}

export type Quota = { points: number; durationSeconds: number }

/**
 * Takes one from the key's quota. Returns 0 when it was available, else the seconds until it is;
 * a refused request does not use up more of the quota.
 */
export async function takeFromQuota(key: string, quota: Quota): Promise<number> {
  const quotaLimiter = limiter('quota', quota.points, quota.durationSeconds)
  const state = await quotaLimiter.get(key)
  if (state && state.remainingPoints <= 0) return Math.max(1, Math.ceil(state.msBeforeNext / 1000))
  try {
    await quotaLimiter.consume(key, 1)
    return 0
  } catch (error) {
    if (isLimiterRes(error)) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    throw error
  }
}

function isLimiterRes(value: unknown): value is RateLimiterRes {
  return typeof value === 'object' && value !== null && 'msBeforeNext' in value
}

/** "1 minute", "45 seconds": how long to wait, in plain words. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}
