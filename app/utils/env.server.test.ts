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
      SIGN_IN_FREE_ATTEMPTS: 5,
      SIGN_IN_MAX_DELAY_MINUTES: 15,
      SESSION_ABSOLUTE_HOURS: 168,
      APP_ORIGIN: 'http://localhost:3000',
      TWO_STEP_REQUIRED_ROLES: ['NATIONAL_ADMIN', 'REGIONAL_LEAD'],
    })
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32)
  })

  it('lets a 20 MB upload over a 56 kbit/s modem finish by default, and cuts off a stalled body within a minute', () => {
    const env = parseEnv({})
    const modemBytesPerSecond = 56_000 / 8 - 1_000 // less the line's overheads
    expect((20 * 1024 * 1024) / modemBytesPerSecond).toBeLessThan(env.REQUEST_TIMEOUT_MS / 1000)
    expect(env.BODY_IDLE_TIMEOUT_MS).toBeLessThanOrEqual(60_000)
  })

  it('stops a production server without its own two-step key encryption key, saying how to make one', () => {
    const ready = {
      NODE_ENV: 'production',
      SESSION_SECRET: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      APP_ORIGIN: 'https://lks.example.nhs.uk',
      MAIL_TO_FILES: 'true',
    }
    expect(() => parseEnv(ready)).toThrow(/TOTP_ENCRYPTION_KEY is required in production[\s\S]*openssl rand -hex 32/)
    expect(() => parseEnv({ ...ready, TOTP_ENCRYPTION_KEY: 'too-short' })).toThrow(
      /TOTP_ENCRYPTION_KEY must be 64 hexadecimal characters/,
    )
    expect(() => parseEnv({ ...ready, TOTP_ENCRYPTION_KEY: parseEnv({}).TOTP_ENCRYPTION_KEY })).toThrow(
      /TOTP_ENCRYPTION_KEY is the published development key/,
    )
    const key = 'A1'.repeat(32)
    expect(parseEnv({ ...ready, TOTP_ENCRYPTION_KEY: key }).TOTP_ENCRYPTION_KEY).toBe(key.toLowerCase())
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

  it('stops a production server without APP_ORIGIN, or without SMTP_URL unless email goes to files on purpose', () => {
    const secret = {
      NODE_ENV: 'production',
      SESSION_SECRET: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      TOTP_ENCRYPTION_KEY: '3c'.repeat(32),
    }
    expect(() => parseEnv({ ...secret, MAIL_TO_FILES: 'true' })).toThrow(/APP_ORIGIN is required in production/)
    expect(() => parseEnv({ ...secret, APP_ORIGIN: 'https://lks.example.nhs.uk' })).toThrow(
      /SMTP_URL is required in production[\s\S]*MAIL_TO_FILES=true/,
    )
    expect(
      parseEnv({ ...secret, APP_ORIGIN: 'https://lks.example.nhs.uk/', SMTP_URL: 'smtp://mail:25' }).APP_ORIGIN,
    ).toBe('https://lks.example.nhs.uk')
  })

  it('accepts a strong production secret and secures cookies', () => {
    const env = parseEnv({
      NODE_ENV: 'production',
      SESSION_SECRET: '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      TOTP_ENCRYPTION_KEY: '3c'.repeat(32),
      APP_ORIGIN: 'https://lks.example.nhs.uk',
      MAIL_TO_FILES: 'true',
    })
    expect(env.COOKIE_SECURE).toBe(true)
    expect(env.isProduction).toBe(true)
  })

  it('names each invalid setting', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'postgres://x' })).toThrow(
      /PORT[\s\S]*DATABASE_URL must be a SQLite file URL/,
    )
  })
})
