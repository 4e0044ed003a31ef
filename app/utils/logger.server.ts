import { pino, type DestinationStream, type Logger } from 'pino'
import { currentRequest } from './request-context.server'

// Structured logs: one JSON object a line on standard output, for the hosting platform to collect.
// Nothing secret is logged: request lines carry the route pattern, never the URL with its tokens,
// and these paths are blanked wherever an object logged carries them.
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'currentPassword',
  '*.currentPassword',
  'token',
  '*.token',
  'cookie',
  '*.cookie',
  'headers.cookie',
  'headers.authorization',
  'headers["set-cookie"]',
  '*.headers.cookie',
  '*.headers.authorization',
  '*.headers["set-cookie"]',
  'SESSION_SECRET',
  '*.SESSION_SECRET',
  'SMTP_URL',
  '*.SMTP_URL',
]

/** A logger that adds the current request's id to every line written while handling it. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const request = currentRequest()
        return request ? { requestId: request.requestId } : {}
      },
    },
    destination,
  )
}

// Through process.stdout (synchronous for files and pipes), so a test can read what is written.
export const logger = createLogger(process.stdout)
