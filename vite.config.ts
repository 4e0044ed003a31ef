import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import { createLogger, defineConfig } from 'vite'
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

export default defineConfig({
  customLogger: logger,
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
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
  plugins: [remix(remixConfig)],
})
