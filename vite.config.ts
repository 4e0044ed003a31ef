import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import { build, createLogger, defineConfig } from 'vite'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// The design system's CSS points at /nhsuk/images/..., which server.js serves from the package at
// run time; Vite's notice that it cannot resolve them at build time is expected, so drop it.
const logger = createLogger()
const warnOnce = logger.warnOnce.bind(logger)
logger.warnOnce = (message, options) => {
  if (message.includes('/nhsuk/images/') && message.includes("didn't resolve at build time")) return
  warnOnce(message, options)
}

const appDirectory = path.resolve(import.meta.dirname, 'app')

// The HTTP server (server/*.ts) is built beside the Remix build, into build/http, whenever the
// portal is built, so `node server.js` always serves the two together. Its dependencies stay
// external, loaded from node_modules as the Remix server build's are.
async function buildHttpServer() {
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '~': appDirectory } },
    build: {
      ssr: path.resolve(import.meta.dirname, 'server/index.ts'),
      outDir: path.resolve(import.meta.dirname, 'build/http'),
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'index.js' } },
    },
  })
}

export default defineConfig({
  customLogger: logger,
  resolve: { alias: { '~': appDirectory } },
  // Server-only packages with native parts or large font data stay out of the server bundle.
  ssr: { external: ['argon2', '@libsql/client', '@prisma/adapter-libsql', 'pdfkit'] },
  css: { preprocessorOptions: { scss: { quietDeps: true, silenceDeprecations: ['import'] } } },
  build: {
    target: 'es2022',
    rollupOptions: {
      onwarn(warning, warn) {
        // Dependencies' comments Rollup cannot place, and resource routes with no client code.
        if (warning.code === 'INVALID_ANNOTATION' || warning.code === 'EMPTY_BUNDLE') return
        warn(warning)
      },
    },
  },
  plugins: [remix({ ...remixConfig, buildEnd: buildHttpServer })],
})
