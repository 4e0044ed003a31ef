// pa11y over the portal (issue 16): HTML CodeSniffer's WCAG 2 AA rules, in Debian's Chromium, on
// the public pages and on the pages each demo role reaches from its home page. A manual check,
// documented in the README (it takes a few minutes): `npm run build && npm run a11y:pa11y`.
//
// It starts the production build on a fresh database of its own (as the browser tests do, in
// tests/.tmp/pa11y), signs in as each role in its own browser context, and checks the role's home
// page and the pages its links lead to, breadth first, up to PAGES_PER_ROLE pages of different
// kinds (two addresses that differ only by a record's id count as one kind). It prints each
// page's errors and exits with 1 if any page has one, or if fewer than MIN_PAGES were checked.
// Options (environment): PA11Y_PORT (3290), PAGES_PER_ROLE (7), PA11Y_REPORT (a JSON file to write).
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generate } from 'otplib'
import pa11y from 'pa11y'
import puppeteer from 'puppeteer'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = Number(process.env.PA11Y_PORT ?? 3290)
const origin = `http://localhost:${port}`
const pagesPerRole = Number(process.env.PAGES_PER_ROLE ?? 7)
const MIN_PAGES = 30
const PASSWORD = 'Quality-Portal-2026'
// The demo authenticator key of the national admins and regional leads (prisma/demo-credentials.ts),
// who must give a security code after their password.
const DEMO_TOTP_SECRET = 'LKSQUALITYPORTALDEMOTOTPSECRET22'

const PUBLIC_PAGES = ['/sign-in', '/password-reset', '/accessibility', '/privacy', '/cookies', '/glossary']
const ROLES = [
  { role: 'Service contributor', email: 'contributor@demo.nhs.uk' },
  { role: 'Service lead', email: 'lead@demo.nhs.uk' },
  { role: 'Executive sponsor', email: 'sponsor@demo.nhs.uk' },
  { role: 'Validator', email: 'priya.shah@demo.nhs.uk' },
  { role: 'Regional lead', email: 'regional.lead@demo.nhs.uk' },
  { role: 'National admin', email: 'admin@demo.nhs.uk' },
  { role: 'National viewer', email: 'viewer@demo.nhs.uk' },
]
/** Links not followed: signing out, files (downloads, exports, PDFs) and anything off the portal. */
const SKIP = [/^\/sign-out/, /\.(pdf|csv|xlsx|zip|json)$/, /\/download$/, /\/preview$/]

function kindOf(pathname) {
  return pathname
    .split('/')
    .map((part) => (/^[a-z0-9]{20,}$/i.test(part) || /^\d+$/.test(part) ? ':id' : part))
    .join('/')
}

async function waitForServer(server) {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    if (server.exitCode !== null) throw new Error('The server stopped before it was ready')
    try {
      if ((await fetch(`${origin}/healthcheck`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('The server did not start within two minutes')
}

const server = spawn('node', ['tests/e2e/start-server.mjs'], {
  cwd: root,
  env: { ...process.env, E2E_PORT: String(port), E2E_SERVER_DIR: path.join(root, 'tests/.tmp/pa11y') },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const results = []
let browser
try {
  await waitForServer(server)
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })

  async function check(role, page, url) {
    const result = await pa11y(url, { browser, page, standard: 'WCAG2AA', runner: 'htmlcs', timeout: 120_000 })
    const errors = result.issues.filter((issue) => issue.type === 'error')
    results.push({ role, url: url.slice(origin.length), title: result.documentTitle, errors })
    console.log(`${errors.length === 0 ? 'ok   ' : 'ERROR'} ${role.padEnd(20)} ${url.slice(origin.length)}`)
    for (const error of errors) console.log(`      ${error.code}\n      ${error.message}\n      ${error.selector}`)
  }

  const publicContext = await browser.createBrowserContext()
  const publicPage = await publicContext.newPage()
  for (const pathname of PUBLIC_PAGES) await check('Signed out', publicPage, origin + pathname)
  await publicContext.close()

  for (const { role, email } of ROLES) {
    const context = await browser.createBrowserContext()
    const page = await context.newPage()
    await page.goto(`${origin}/sign-in`)
    await page.type('input[name="email"]', email)
    await page.type('input[name="password"]', PASSWORD)
    await Promise.all([page.waitForNavigation(), page.click('form[method="post"] button[type="submit"]')])
    if (new URL(page.url()).pathname === '/sign-in/two-step') {
      // The second step is a page this role sees, so it is checked too.
      await check(role, page, page.url())
      await page.type('input[name="code"]', await generate({ secret: DEMO_TOTP_SECRET }))
      await Promise.all([page.waitForNavigation(), page.click('form[method="post"] button[type="submit"]')])
    }
    if (new URL(page.url()).pathname.startsWith('/sign-in')) throw new Error(`Could not sign in as ${email}`)

    const queue = ['/']
    const seenKinds = new Set()
    let checked = 0
    while (queue.length > 0 && checked < pagesPerRole) {
      const pathname = queue.shift()
      if (seenKinds.has(kindOf(pathname))) continue
      seenKinds.add(kindOf(pathname))
      await check(role, page, origin + pathname)
      checked += 1
      const links = await page.$$eval('main a[href], header a[href]', (anchors) => anchors.map((a) => a.href))
      for (const href of links) {
        const url = new URL(href)
        if (url.origin !== origin || SKIP.some((pattern) => pattern.test(url.pathname))) continue
        if (!seenKinds.has(kindOf(url.pathname))) queue.push(url.pathname + url.search)
      }
    }
    await context.close()
  }
} finally {
  await browser?.close()
  server.kill('SIGTERM')
}

const failing = results.filter((r) => r.errors.length > 0)
const errorCount = failing.reduce((sum, r) => sum + r.errors.length, 0)
console.log(
  `\npa11y (HTML CodeSniffer, WCAG2AA): ${results.length} pages, ${errorCount} errors on ${failing.length} pages`,
)
if (process.env.PA11Y_REPORT) writeFileSync(process.env.PA11Y_REPORT, JSON.stringify(results, null, 2))
if (results.length < MIN_PAGES) {
  console.log(`Fewer than ${MIN_PAGES} pages were checked.`)
  process.exitCode = 1
}
if (errorCount > 0) process.exitCode = 1
