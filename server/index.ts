// Starts the portal's HTTP server. `npm run dev` runs this file through tsx with NODE_ENV=development
// (Vite's middleware, hot reload); `node server.js` runs its production build (build/http), which
// `npm run build` makes beside the Remix build.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { prepareUploadFolder } from '~/modules/evidence/start-up.server'
import { removePartialUploads } from '~/modules/evidence/storage.server'
import { encryptPlainTotpSecrets } from '~/modules/auth/totp-secret.server'
import { createPortalApp } from './app'
import { runProcesses, serveUntilStopped } from './lifecycle'

const env = getEnv()

async function remixBuild(): Promise<Pick<Parameters<typeof createPortalApp>[0], 'build' | 'viteMiddleware'>> {
  if (env.NODE_ENV === 'development') {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    return {
      build: () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
      viteMiddleware: vite.middlewares,
    }
  }
  const file = pathToFileURL(path.resolve('build/server/index.js')).href
  return { build: (await import(/* @vite-ignore */ file)) as ServerBuild }
}

await runProcesses({
  workers: env.WEB_CONCURRENCY,
  logger,
  shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  // Before any process takes requests: partial uploads of an earlier run removed, unknown files set aside.
  prepare: async () => {
    const { partialUploadsRemoved, filesSetAside } = await prepareUploadFolder()
    if (partialUploadsRemoved) logger.info({ partialUploadsRemoved }, 'Removed partial uploads left by an earlier run')
    if (filesSetAside.length)
      logger.warn({ filesSetAside }, 'Stored files with no row were set aside in the orphaned folder of the uploads')
    // Two-step verification keys stored before they were encrypted are encrypted now.
    const totpSecretsEncrypted = await encryptPlainTotpSecrets()
    if (totpSecretsEncrypted)
      logger.info({ totpSecretsEncrypted }, 'Encrypted two-step verification keys kept in plain text')
  },
  startWorker: async () => {
    serveUntilStopped(createPortalApp({ env, logger, ...(await remixBuild()) }), env, logger)
  },
  onWorkerDied: async (pid) => {
    await removePartialUploads(pid)
  },
})
