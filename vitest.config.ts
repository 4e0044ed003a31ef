import path from 'node:path'
import { defineConfig } from 'vitest/config'

// Kept apart from vite.config.ts so the Remix plugin is not loaded under tests.
export default defineConfig({
  resolve: { alias: { '~': path.resolve(import.meta.dirname, 'app') } },
  test: {
    include: [
      'app/**/*.test.{ts,tsx}',
      'server/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/setup-each-file.ts'],
    environment: 'node',
    pool: 'forks',
    restoreMocks: true,
    // Sized for a busy two-core machine: hashing passwords with argon2, rendering PDFs and
    // streaming uploads each take seconds there. Demo data is seeded once, in the global setup.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
