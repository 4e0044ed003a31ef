// How the portal's server processes start, share the machine and stop (ADR 012).
// - Several processes (WEB_CONCURRENCY, default one per core) on one port through node:cluster,
//   all on the one SQLite file. The primary only supervises: before any worker takes requests it
//   clears the upload folder of partial uploads; when a worker dies it removes that worker's
//   partial uploads, logs it and starts another.
// - Each HTTP server has header, request and keep-alive timeouts, so a slow or stalled client
//   cannot hold a connection for ever; the request timeout is long enough for a modem-speed upload,
//   and a body that stops arriving is cut off sooner by server/body-idle-timeout.ts.
// - SIGTERM (or SIGINT): stop accepting connections, let requests in flight finish (up to
//   SHUTDOWN_TIMEOUT_MS), then exit 0; a forced exit after the timeout exits 1.
import cluster from 'node:cluster'
import type { Server } from 'node:http'
import type { Logger } from 'pino'
import type { Env } from '~/utils/env.server'

type Listener = { listen: (port: number, callback: () => void) => Server }

/** Applies the configured timeouts to an HTTP server. */
export function applyTimeouts(server: Server, env: Env): void {
  server.headersTimeout = env.HEADERS_TIMEOUT_MS
  server.requestTimeout = env.REQUEST_TIMEOUT_MS
  // Longer than a proxy's idle timeout in front, so the proxy closes first and never reuses a
  // connection the portal is closing.
  server.keepAliveTimeout = env.KEEP_ALIVE_TIMEOUT_MS
}

/**
 * Stops a server gracefully: no new connections, idle keep-alive connections closed, requests in
 * flight finished. Resolves true when all finished within `timeoutMs`, false when it gave up.
 */
export function closeGracefully(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections()
      resolve(false)
    }, timeoutMs)
    timer.unref()
    server.close(() => {
      clearTimeout(timer)
      resolve(true)
    })
    server.closeIdleConnections()
    // Connections that finish a request while closing are then closed rather than kept alive.
    server.on('request', (_req, res) => res.setHeader('Connection', 'close'))
  })
}

/** Listens, and on SIGTERM or SIGINT shuts down gracefully and exits (1 if it had to force it). */
export function serveUntilStopped(app: Listener, env: Env, logger: Logger): Server {
  const server = app.listen(env.PORT, () => {
    logger.info({ port: env.PORT, pid: process.pid }, 'LKS Quality Portal listening')
    if (cluster.isPrimary) process.stdout.write(`LKS Quality Portal listening on http://localhost:${env.PORT}\n`)
  })
  applyTimeouts(server, env)
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal, timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, 'Stopping: finishing requests in flight')
    void closeGracefully(server, env.SHUTDOWN_TIMEOUT_MS).then((finished) => {
      if (finished) {
        logger.info('Stopped')
        process.exit(0)
      }
      logger.error(
        { timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
        'Requests still running at the shutdown timeout: forced exit',
      )
      process.exit(1)
    })
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  return server
}

/**
 * Runs `prepare` once, then `workers` processes of this same entry (each calls `startWorker`);
 * with one worker there is no cluster at all. Dead workers are replaced, and `onWorkerDied` can
 * clear up after them. The primary forwards SIGTERM and SIGINT, waits for the workers to stop, and
 * exits with 1 if any had to be forced or killed.
 */
export async function runProcesses(options: {
  workers: number
  logger: Logger
  shutdownTimeoutMs: number
  prepare: () => Promise<void>
  startWorker: () => Promise<void>
  onWorkerDied: (pid: number) => Promise<void>
}): Promise<void> {
  const { logger } = options
  if (!cluster.isPrimary) return options.startWorker()
  await options.prepare()
  if (options.workers <= 1) return options.startWorker()

  let stopping = false
  let exitCode = 0
  const fork = () => cluster.fork()
  for (let i = 0; i < options.workers; i++) fork()
  cluster.on('exit', (worker, code, signal) => {
    const pid = worker.process.pid ?? 0
    if (stopping) {
      if (code !== 0) exitCode = 1
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode)
      return
    }
    logger.error({ pid, code, signal }, 'A server process died: starting another')
    void options
      .onWorkerDied(pid)
      .catch((error: unknown) => logger.error({ err: error, pid }, 'Could not clear up after a server process'))
      .finally(fork)
  })
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'Stopping every server process')
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
    // The workers force their own exit at the timeout; this is the backstop if one cannot.
    setTimeout(() => {
      logger.error('Server processes still running after the shutdown timeout: killing them')
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
      process.exit(1)
    }, options.shutdownTimeoutMs + 5_000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}
