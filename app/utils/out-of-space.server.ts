import { logger } from './logger.server'

// A write that failed because the storage is full: the disk (ENOSPC), the portal's quota on it
// (EDQUOT), or the database (SQLITE_FULL: its disk is full, or it reached DATABASE_MAX_SIZE_MB).
// Prisma and the libSQL driver wrap the driver's error, so the causes are followed.
const CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL'])
const SQLITE_FULL = 13

export function isOutOfSpace(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const { code, rawCode, extendedCode, message, cause } = current as {
      code?: unknown
      rawCode?: unknown
      extendedCode?: unknown
      message?: unknown
      cause?: unknown
    }
    if (typeof code === 'string' && CODES.has(code)) return true
    if (rawCode === SQLITE_FULL || (typeof extendedCode === 'number' && (extendedCode & 0xff) === SQLITE_FULL))
      return true
    if (typeof message === 'string' && /\bSQLITE_FULL\b|database or disk is full/.test(message)) return true
    current = cause
  }
  return false
}

/** An alert for whoever runs the portal: the log line their monitoring looks for. */
export function alertOutOfSpace(where: 'database' | 'upload folder', detail: Record<string, unknown>): void {
  logger.error(
    { event: 'storage.out_of_space', alert: true, where, ...detail },
    `A save could not be stored: the ${where} is out of space`,
  )
}
