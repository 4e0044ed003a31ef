// Starts the portal's HTTP server. `npm run dev` runs this file through tsx with NODE_ENV=development
// (Vite's middleware, hot reload); `node server.js` runs its production build (build/http), which
// `npm run build` makes beside the Remix build.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { getEnv } from '~/utils/env.server'
import { logger } from '~/utils/logger.server'
import { createPortalApp } from './app'

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

const app = createPortalApp({ env, logger, ...(await remixBuild()) })

const server = app.listen(env.PORT, () => {
  process.stdout.write(`LKS Quality Portal listening on http://localhost:${env.PORT}\n`)
})

function shutdown() {
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 5000).unref()
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
