import path from 'node:path'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  // Server-only packages with native parts or large font data stay out of the server bundle.
  ssr: { external: ['argon2', '@libsql/client', '@prisma/adapter-libsql', 'pdfkit'] },
  css: { preprocessorOptions: { scss: { quietDeps: true, silenceDeprecations: ['import'] } } },
  build: { target: 'es2022' },
  plugins: [remix(remixConfig)],
})
