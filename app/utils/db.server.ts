import type { Client, Config, Transaction, TransactionMode } from '@libsql/client'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { PrismaClient } from '~/generated/prisma/client'
import { getEnv } from './env.server'

export type { Prisma } from '~/generated/prisma/client'

/**
 * The libSQL driver, set up for several server processes on one SQLite file (ADR 012):
 * - every connection runs in WAL mode (readers never wait for the writer) with a busy timeout, so
 *   a writer waits for another process's write to finish instead of failing with SQLITE_BUSY;
 * - every interactive transaction begins IMMEDIATE: it takes the write lock at its start, so it
 *   cannot fail half-way when another process has written since it began reading (a deferred
 *   transaction would, with SQLITE_BUSY_SNAPSHOT, which no timeout helps);
 * - `synchronous = NORMAL` (the default here; SQLITE_SYNCHRONOUS=FULL to change it): in WAL mode a
 *   commit survives any crash of the portal; only a power cut or an operating-system crash can undo
 *   the last commits, never corrupt the file. FULL adds a flush of the disk, about 4 ms of the event
 *   loop on the reference machine, to every commit;
 * - with DATABASE_MAX_SIZE_MB, the file may not grow past that size (pages of 4 KiB): a write past it
 *   fails with SQLITE_FULL, as on a full disk, and is answered as one (utils/storage.server.ts).
 * The driver opens a new connection after each transaction, so the settings are applied to each.
 */
class PortalLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    const client = super.createClient(config)
    const { SQLITE_BUSY_TIMEOUT_MS, SQLITE_SYNCHRONOUS, DATABASE_MAX_SIZE_MB } = getEnv()
    const execute = client.execute.bind(client) as (sql: string) => Promise<unknown>
    const configure = async () => {
      await execute('PRAGMA journal_mode = WAL')
      await execute(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)
      await execute(`PRAGMA synchronous = ${SQLITE_SYNCHRONOUS}`)
      // SQLite keeps the limit per connection and never below the file's current size.
      if (DATABASE_MAX_SIZE_MB) await execute(`PRAGMA max_page_count = ${DATABASE_MAX_SIZE_MB * 256}`)
    }
    const configured = configure()
    const begin = client.transaction.bind(client)
    client.transaction = async (mode?: TransactionMode): Promise<Transaction> => {
      await configured
      const transaction = await begin(mode === 'read' ? 'read' : 'write')
      await configure()
      return transaction
    }
    const executeStatement = client.execute.bind(client) as Client['execute']
    client.execute = (async (...args: Parameters<Client['execute']>) => {
      await configured
      return executeStatement(...args)
    }) as Client['execute']
    return client
  }
}

// One client per process. In development Vite reloads this module, so the client is kept on
// globalThis there; tests give each file its own database, so they never share one.
const globalForPrisma = globalThis as unknown as { __lksPrisma?: PrismaClient }

function createClient() {
  const env = getEnv()
  return new PrismaClient({
    adapter: new PortalLibSQL({ url: env.DATABASE_URL }),
    // Prisma's defaults (wait 2 s for a transaction, 5 s to run it) turned a busy moment into
    // P2028 errors. Transactions here are short; waiting longer for one is better than failing.
    transactionOptions: { maxWait: env.TRANSACTION_MAX_WAIT_MS, timeout: env.TRANSACTION_TIMEOUT_MS },
  })
}

export const prisma: PrismaClient =
  (getEnv().NODE_ENV === 'development' && globalForPrisma.__lksPrisma) || createClient()
if (getEnv().NODE_ENV === 'development') globalForPrisma.__lksPrisma = prisma

/** The client or an interactive transaction: modules accept either so callers can compose writes. */
export type Db = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0] | PrismaClient
