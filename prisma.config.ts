import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { PrismaLibSQL } from '@prisma/adapter-libsql'

// The CLI reads no .env when a config file exists, so the default lives here (and in app/utils/env.server.ts).
const url = process.env.DATABASE_URL ?? 'file:./prisma/dev.db'
type Connection = Awaited<ReturnType<PrismaLibSQL['connect']>>

// The schema engine replays whole migration files through executeRaw, and libSQL's execute runs
// only the first statement: without this, the shadow database drifts and `db execute` truncates.
function runWholeScripts(connection: Connection): Connection {
  const executeRaw = connection.executeRaw.bind(connection)
  connection.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query)
    await connection.executeScript(query.sql)
    return 0
  }
  return connection
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    const factory = new PrismaLibSQL({ url })
    const connect = factory.connect.bind(factory)
    const connectShadow = factory.connectToShadowDb.bind(factory)
    factory.connect = async () => runWholeScripts(await connect())
    factory.connectToShadowDb = async () => runWholeScripts(await connectShadow())
    return factory
  },
})
