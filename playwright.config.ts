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
  timeout: 30_000,
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
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
