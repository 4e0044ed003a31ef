import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '~/generated/prisma/client'
import { getEnv } from './env.server'

export type { Prisma } from '~/generated/prisma/client'

// One client per process. In development Vite reloads this module, so the client is kept on
// globalThis there; tests give each file its own database, so they never share one.
const globalForPrisma = globalThis as unknown as { __lksPrisma?: PrismaClient }

function createClient() {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: getEnv().DATABASE_URL }) })
}

export const prisma: PrismaClient =
  (getEnv().NODE_ENV === 'development' && globalForPrisma.__lksPrisma) || createClient()
if (getEnv().NODE_ENV === 'development') globalForPrisma.__lksPrisma = prisma

/** The client or an interactive transaction: modules accept either so callers can compose writes. */
export type Db = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0] | PrismaClient
