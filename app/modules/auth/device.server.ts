// Device cookies (OWASP's answer to lock-out by strangers): a browser that has signed in to an
// account, or reset its password, gets a signed cookie naming that account. Failed attempts from
// such a browser are throttled on the device's own key, so the waits a stranger earns by guessing
// the password elsewhere never keep the owner out of their usual browser.
import { createHash, randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { getEnv } from '~/utils/env.server'

const DEVICE_COOKIE_DAYS = 90

let deviceCookie: ReturnType<typeof createCookie> | undefined
function getDeviceCookie() {
  const env = getEnv()
  deviceCookie ??= createCookie('lks_device', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.COOKIE_SECURE,
    path: '/',
    maxAge: DEVICE_COOKIE_DAYS * 24 * 60 * 60,
    secrets: [env.SESSION_SECRET],
  })
  return deviceCookie
}

export function accountHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)
}

type DeviceValue = { account: string; device: string }

function isDeviceValue(value: unknown): value is DeviceValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DeviceValue).account === 'string' &&
    typeof (value as DeviceValue).device === 'string'
  )
}

/** The device's own id when this browser holds a device cookie for this email, else null. */
export async function trustedDeviceFor(cookieHeader: string | null, email: string): Promise<string | null> {
  const value: unknown = await getDeviceCookie().parse(cookieHeader)
  if (!isDeviceValue(value) || value.account !== accountHash(email)) return null
  return value.device
}

/** The Set-Cookie header that marks this browser as one the owner of the account uses. */
export function trustDevice(email: string): Promise<string> {
  return getDeviceCookie().serialize({ account: accountHash(email), device: randomBytes(16).toString('hex') })
}

/** The account (as its hash) this browser's device cookie names, or null. */
export async function deviceAccountOf(cookieHeader: string | null): Promise<string | null> {
  const value: unknown = await getDeviceCookie().parse(cookieHeader)
  return isDeviceValue(value) ? value.account : null
}
