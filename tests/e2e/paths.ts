import path from 'node:path'

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
export const E2E_DIR = path.resolve(import.meta.dirname, '../.tmp/e2e')
export const E2E_DATABASE_FILE = path.join(E2E_DIR, 'portal.db')
export { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../prisma/demo-credentials'
