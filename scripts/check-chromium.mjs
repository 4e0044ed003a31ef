#!/usr/bin/env node
// The browser tests use the machine's Chromium (browser downloads do not work on these machines).
import { existsSync } from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(path)) {
  console.error(
    `No Chromium found at ${path}. The browser tests need one:\n` +
      '  - on Debian or Ubuntu: sudo apt-get install chromium\n' +
      '  - or point CHROMIUM_PATH at a Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chromium npm test',
  )
  process.exit(1)
}
