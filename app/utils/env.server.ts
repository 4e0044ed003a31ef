import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import { ROLES } from '~/modules/auth/roles'

// The one place that reads process.env. Every setting has a default that serves the embedded
// first run; production refuses to start with a missing or weak SESSION_SECRET.
const DEV_SESSION_SECRET = 'development-only-session-secret-do-not-use-in-production'
const EXAMPLE_SESSION_SECRET = 'replace-with-a-long-random-string'
// Published, so only for development and tests: production refuses it.
const DEV_TOTP_ENCRYPTION_KEY = createHash('sha256').update('development-only-totp-encryption-key').digest('hex')

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^file:/, 'DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db')
      .default('file:./prisma/dev.db'),
    SESSION_SECRET: z.string().optional(),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12),
    COOKIE_SECURE: booleanFromString.optional(),
    APP_ORIGIN: z.url().optional(),
    TRUST_PROXY: booleanFromString.default(false),
    UPLOAD_DIR: z.string().default(path.join('data', 'uploads')),
    // Where `npm run backup` puts each backup (in a new folder named by the time) unless given --out.
    BACKUP_DIR: z.string().default(path.join('data', 'backups')),
    MAX_UPLOAD_MB: z.coerce.number().positive().max(2048).default(50),
    SERVICE_QUOTA_MB: z.coerce.number().positive().default(5120),
    QUALIFIED_STAFF_POLICY_WTE: z.coerce.number().positive().default(1250),
    // Hours from sign-in after which a session ends however much it is used.
    SESSION_ABSOLUTE_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 90)
      .default(24 * 7),
    // Minutes after typing the password within which sensitive actions do not ask for it again.
    REAUTHENTICATE_AFTER_MINUTES: z.coerce.number().int().min(1).max(720).default(15),
    // Sign-in throttling: failed attempts on one email address before each further one must wait,
    // the wait doubling from 1 second up to the maximum. The same from one IP address, more freely.
    SIGN_IN_FREE_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    SIGN_IN_MAX_DELAY_MINUTES: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .default(15),
    SIGN_IN_IP_FREE_ATTEMPTS: z.coerce.number().int().min(1).default(100),
    // Password reset and invitation emails: at most this many to one address an hour, and reset
    // requests from one IP address an hour.
    ACCOUNT_EMAILS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(3),
    RESET_REQUESTS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
    INVITATIONS_PER_ADMIN_PER_HOUR: z.coerce.number().int().min(1).default(200),
    // Roles that must use two-step verification (comma-separated; empty for none). National admins
    // and regional leads see every organisation's evidence in their reach, so they must by default.
    TWO_STEP_REQUIRED_ROLES: z
      .string()
      .default('NATIONAL_ADMIN,REGIONAL_LEAD')
      .transform((value) =>
        value
          .split(',')
          .map((role) => role.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(ROLES, 'must list roles such as NATIONAL_ADMIN,REGIONAL_LEAD'))),
    // Encrypts each person's two-step verification key in the database (AES-256-GCM): 32 random
    // bytes as 64 hexadecimal characters. Required in production; keep it apart from database backups.
    TOTP_ENCRYPTION_KEY: z
      .string()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        'must be 64 hexadecimal characters (32 random bytes), for example from `openssl rand -hex 32`',
      )
      .optional(),
    // Malware scanning by a ClamAV daemon: its Unix socket, or host and port. Unset: no scanning.
    CLAMAV_SOCKET: z.string().optional(),
    CLAMAV_HOST: z.string().optional(),
    CLAMAV_PORT: z.coerce.number().int().min(1).max(65535).default(3310),
    CLAMAV_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    // When the configured scanner does not answer: refuse the upload (default) or accept it unscanned.
    CLAMAV_FAIL_OPEN: booleanFromString.default(false),
    // One JSON line per request on standard output; on by default in production.
    LOG_REQUESTS: booleanFromString.optional(),
    // SQLite with several server processes (ADR 012): how long a write waits for another process's
    // write, how durable a commit is, and how long Prisma waits to start and to finish a transaction.
    // Server processes and their limits (ADR 012). WEB_CONCURRENCY: processes on the one port
    // (default: one per core in production, one otherwise).
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
    HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    // The longest a whole request may take. An hour lets an upload of about 20 MB finish over a
    // 56 kbit/s modem line (about 6 KB/s); a body that stops arriving is cut off far sooner, after
    // BODY_IDLE_TIMEOUT_MS with no bytes while the portal waits for them (server/body-idle-timeout.ts).
    REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(3_600_000),
    BODY_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
    MAX_IN_FLIGHT_REQUESTS: z.coerce.number().int().positive().default(48),
    BUSY_EVENT_LOOP_DELAY_MS: z.coerce.number().int().positive().default(1_000),
    BUSY_RETRY_AFTER_SECONDS: z.coerce.number().int().positive().default(10),
    // Readiness fails when the database or upload folder has less free space than this.
    MIN_FREE_DISK_MB: z.coerce.number().int().min(0).default(512),
    SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
    // The size the database may grow to (SQLite's max_page_count), to keep room on a shared disk for
    // uploads, backups and the write-ahead log. Past it a save is refused as if the disk were full.
    DATABASE_MAX_SIZE_MB: z.coerce.number().int().positive().optional(),
    TRANSACTION_MAX_WAIT_MS: z.coerce.number().int().positive().max(120_000).default(10_000),
    TRANSACTION_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(15_000),
    // Email: over SMTP when SMTP_URL is set (smtp://user:pass@host:587 or smtps://...); otherwise each
    // message is written to MAIL_DIR as an .eml file, which admins can read at /admin/mail.
    SMTP_URL: z
      .union([z.literal(''), z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')])
      .optional()
      .transform((value) => value || undefined),
    MAIL_FROM: z.string().min(3).default('LKS Quality Portal <no-reply@lks-quality.example.nhs.uk>'),
    MAIL_DIR: z.string().default(path.join('data', 'mail')),
    // Who answers questions about the portal, its accessibility and personal data: shown on the
    // accessibility statement, privacy notice and error pages.
    CONTACT_TEAM: z.string().min(3).default('the national Knowledge for Healthcare team'),
    CONTACT_EMAIL: z.email().default('lks.quality@example.nhs.uk'),
    CONTACT_PHONE: z.string().optional(),
    CONTACT_RESPONSE_DAYS: z.coerce.number().int().min(1).max(30).default(5),
    // Where vulnerabilities are reported (/.well-known/security.txt); CONTACT_EMAIL when not set.
    SECURITY_CONTACT_EMAIL: z
      .union([z.literal(''), z.email()])
      .optional()
      .transform((value) => value || undefined),
    // Production needs SMTP_URL, or this set to true to say on purpose that email goes to MAIL_DIR.
    MAIL_TO_FILES: booleanFromString.default(false),
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(60).default(14),
    PASSWORD_RESET_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    // Dashboards: counts from 1 to one less than this are shown as "<N" when figures are suppressed for publication.
    SUPPRESSION_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
    // Service improvement review: months from a published review to the next one (the plan period too).
    SIP_REVIEW_INTERVAL_MONTHS: z.coerce.number().int().min(6).max(60).default(24),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return
    if (!env.APP_ORIGIN) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_ORIGIN'],
        message:
          'is required in production: the address people use to reach the portal, such as https://lks-quality.example.nhs.uk. Links in emails and reports are built from it, and requests for any other host are refused.',
      })
    }
    if (!env.SMTP_URL && !env.MAIL_TO_FILES) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message:
          'is required in production, so that email reaches people. To write every message to MAIL_DIR instead (a demo or a test), set MAIL_TO_FILES=true.',
      })
    }
    if (!env.TOTP_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOTP_ENCRYPTION_KEY'],
        message:
          'is required in production: it encrypts the two-step verification keys in the database. Set it to 64 hexadecimal characters, for example from `openssl rand -hex 32`, keep it apart from backups of the database, and never change it without re-encrypting the keys.',
      })
    } else if (env.TOTP_ENCRYPTION_KEY.toLowerCase() === DEV_TOTP_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['TOTP_ENCRYPTION_KEY'],
        message: 'is the published development key. Use your own, for example from `openssl rand -hex 32`.',
      })
    }
    const secret = env.SESSION_SECRET
    if (!secret) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message:
          'is required in production. Set it to a random string of at least 32 characters, for example from `openssl rand -hex 32`.',
      })
    } else if (
      secret.length < 32 ||
      secret === DEV_SESSION_SECRET ||
      secret === EXAMPLE_SESSION_SECRET ||
      new Set(secret).size < 8
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is too weak. Use a random string of at least 32 characters, for example from `openssl rand -hex 32`.',
      })
    }
  })

export type Env = ReturnType<typeof parseEnv>

export function parseEnv(source: Record<string, string | undefined>) {
  const result = EnvSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || 'configuration'} ${issue.message}`)
    throw new Error(
      `The portal's configuration is not valid:\n${lines.join('\n')}\nSee .env.example for every setting.`,
    )
  }
  const env = result.data
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    TOTP_ENCRYPTION_KEY: (env.TOTP_ENCRYPTION_KEY ?? DEV_TOTP_ENCRYPTION_KEY).toLowerCase(),
    APP_ORIGIN: new URL(env.APP_ORIGIN ?? `http://localhost:${env.PORT}`).origin,
    // Set on purpose (always in production): the server then refuses any other Host.
    APP_ORIGIN_CONFIGURED: env.APP_ORIGIN !== undefined,
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    LOG_REQUESTS: env.LOG_REQUESTS ?? env.NODE_ENV === 'production',
    MAX_UPLOAD_BYTES: Math.round(env.MAX_UPLOAD_MB * 1024 * 1024),
    SERVICE_QUOTA_BYTES: Math.round(env.SERVICE_QUOTA_MB * 1024 * 1024),
    isProduction: env.NODE_ENV === 'production',
    WEB_CONCURRENCY: env.WEB_CONCURRENCY ?? (env.NODE_ENV === 'production' ? availableParallelism() : 1),
  }
}

let cached: Env | undefined

/** The validated configuration, parsed once per process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
