import { afterEach } from 'vitest'
import { copyFileSync, mkdirSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import path from 'node:path'

// Each test file gets its own copy of the migrated template database, upload folder and mail folder, so files
// run in parallel without sharing state. Set before any app module reads its configuration.
const tmp = process.env.LKS_TEST_TMP ?? path.resolve(import.meta.dirname, '../.tmp/vitest')
const id = randomUUID()
const file = path.join(tmp, `db-${id}.db`)
copyFileSync(path.join(tmp, 'template.db'), file)
mkdirSync(path.join(tmp, `uploads-${id}`), { recursive: true })
process.env.DATABASE_URL = `file:${file}`
process.env.UPLOAD_DIR = path.join(tmp, `uploads-${id}`)
process.env.MAIL_DIR = path.join(tmp, `mail-${id}`)
process.env.NODE_ENV = 'test'
// Two-step verification is required of no role unless a test file asks for it (tests of the
// requirement set TWO_STEP_REQUIRED_ROLES themselves, before any app module is loaded).
process.env.TWO_STEP_REQUIRED_ROLES ??= ''

// A console.error during a test fails it, as in the browser tests: it is how React, Node and the
// libraries report what went wrong. A test that expects one spies on console.error itself, which
// takes the place of this watcher for that test.
const consoleErrors: string[] = []
const reportToConsole = console.error.bind(console)
console.error = (...args: unknown[]) => {
  consoleErrors.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '))
  reportToConsole(...args)
}
afterEach(() => {
  if (consoleErrors.length === 0) return
  const messages = consoleErrors.splice(0)
  throw new Error(`console.error was called during the test:\n${messages.join('\n')}`)
})
