import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '~/generated/prisma/client'
import { getEnv } from './env.server'

export type { Prisma } from '~/generated/prisma/client'

// One client per process; in development the module reloads, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { __lksPrisma?: PrismaClient }

function createClient() {
  return new PrismaClient({ adapter: new PrismaLibSQL({ url: getEnv().DATABASE_URL }) })
}

export const prisma: PrismaClient = globalForPrisma.__lksPrisma ?? createClient()
if (getEnv().NODE_ENV !== 'production') globalForPrisma.__lksPrisma = prisma

/** The client or an interactive transaction: modules accept either so callers can compose writes. */
export type Db = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0] | PrismaClient
