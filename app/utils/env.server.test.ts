import { describe, expect, it } from 'vitest'
import { parseEnv } from './env.server'

describe('configuration', () => {
  it('has defaults for everything a first run needs', () => {
    const env = parseEnv({})
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: 'file:./prisma/dev.db',
      MAX_UPLOAD_BYTES: 50 * 1024 * 1024,
      COOKIE_SECURE: false,
      SIGN_IN_MAX_ATTEMPTS: 10,
      SIGN_IN_LOCKOUT_MINUTES: 15,
    })
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32)
  })

  it('stops a production server without a session secret, saying how to fix it', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required in production/)
  })

  it.each([
    'short',
    'replace-with-a-long-random-string',
    'development-only-session-secret-do-not-use-in-production',
    'a'.repeat(40),
  ])('refuses the weak production secret %s', (secret) => {
    expect(() => parseEnv({ NODE_ENV: 'production', SESSION_SECRET: secret })).toThrow(/SESSION_SECRET is too weak/)
  })

  it('accepts a strong production secret and secures cookies', () => {
    const env = parseEnv({ NODE_ENV: 'production', SESSION_SECRET: '9f8e7d6c5b4a39281706f5e4d3c2b1a0' })
    expect(env.COOKIE_SECURE).toBe(true)
    expect(env.isProduction).toBe(true)
  })

  it('names each invalid setting', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL must be a SQLite file URL/,
    )
  })
})
