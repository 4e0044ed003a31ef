import { defineConfig, devices } from '@playwright/test'
import { E2E_PORT } from './tests/e2e/paths'

// Browser tests run against the production build (`npm run build`, done by `npm run test:e2e`),
// served by tests/e2e/start-server.mjs on a freshly migrated and seeded database of their own.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1, // faster than two on these 2-core machines, and the tests share one server
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: 'tests/.tmp/playwright-report' }]],
  outputDir: 'tests/.tmp/playwright-results',
  // Sized for a busy two-core machine (the suite must pass with `stress --cpu 2` beside it): under a
  // load average of about 12 a journey that takes 10 s on a quiet machine took 35 s and ran past the
  // old 30 s. A test that hangs still fails, two minutes later. Nothing asserts a timing.
  timeout: 120_000,
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium's own background traffic is refused by this closed network; keep it quiet.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-gpu',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node tests/e2e/start-server.mjs',
    url: `http://localhost:${E2E_PORT}/healthcheck`,
    reuseExistingServer: false,
    // Migrating and seeding the demo data takes minutes on a busy machine.
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
