// pa11y over the portal (issue 16): HTML CodeSniffer's WCAG 2 AA rules, in Debian's Chromium, on
// the public pages and on the pages each demo role reaches from its home page. A manual check,
// documented in the README (it takes a few minutes): `npm run build && npm run a11y:pa11y`.
//
// It starts the production build on a fresh database of its own (as the browser tests do, in
// tests/.tmp/pa11y), signs in as each role in its own browser context, and checks the role's home
// page and the pages its links lead to, breadth first, up to PAGES_PER_ROLE pages of different
// kinds (two addresses that differ only by a record's id count as one kind). It prints each
// page's errors and exits with 1 if any page has one, if fewer than MIN_PAGES were checked, or if a
// role reached fewer than PAGES_PER_ROLE pages. Once a role's kinds run out, further pages of kinds
// already checked (another submission, outcome or record) make up the number.
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
  // Preparing and seeding the database takes minutes on a busy machine.
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    if (server.exitCode !== null) throw new Error('The server stopped before it was ready')
    try {
      if ((await fetch(`${origin}/healthcheck`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error('The server did not start within ten minutes')
}

const server = spawn('node', ['tests/e2e/start-server.mjs'], {
  cwd: root,
  env: { ...process.env, E2E_PORT: String(port), E2E_SERVER_DIR: path.join(root, 'tests/.tmp/pa11y') },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const results = []
/** How many pages were checked for each role. */
const perRole = []
let browser
try {
  await waitForServer(server)
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // A busy machine answers slowly: wait for the browser as long as for a page.
    protocolTimeout: 300_000,
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

    // Breadth first, a page of each kind before a second page of a kind: `fresh` holds links to kinds
    // not yet checked, `more` further pages of kinds already checked, used once the kinds run out.
    const fresh = ['/']
    const more = []
    const seenKinds = new Set()
    const seenUrls = new Set()
    let checked = 0
    while ((fresh.length > 0 || more.length > 0) && checked < pagesPerRole) {
      const pathname = fresh.length > 0 ? fresh.shift() : more.shift()
      if (seenUrls.has(pathname)) continue
      if (seenKinds.has(kindOf(pathname)) && fresh.length > 0) {
        more.push(pathname)
        continue
      }
      seenUrls.add(pathname)
      seenKinds.add(kindOf(pathname))
      // A page of its own for each check: an evidence page's PDF preview leaves a viewer target behind
      // that stops the next navigation of the same page (puppeteer times out on it).
      const pageOfItsOwn = await context.newPage()
      await check(role, pageOfItsOwn, origin + pathname)
      checked += 1
      const links = await pageOfItsOwn.$$eval('main a[href], header a[href]', (anchors) => anchors.map((a) => a.href))
      await pageOfItsOwn.close()
      for (const href of links) {
        const url = new URL(href)
        if (url.origin !== origin || SKIP.some((pattern) => pattern.test(url.pathname))) continue
        const next = url.pathname + url.search
        if (seenUrls.has(next)) continue
        ;(seenKinds.has(kindOf(url.pathname)) ? more : fresh).push(next)
      }
    }
    perRole.push({ role, checked })
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
for (const { role, checked } of perRole) console.log(`${role.padEnd(20)} ${checked} pages`)
if (process.env.PA11Y_REPORT) writeFileSync(process.env.PA11Y_REPORT, JSON.stringify(results, null, 2))
if (results.length < MIN_PAGES) {
  console.log(`Fewer than ${MIN_PAGES} pages were checked.`)
  process.exitCode = 1
}
// Every role must reach the pages asked for: a role with fewer links is a run that checked too little.
for (const { role, checked } of perRole) {
  if (checked < pagesPerRole) {
    console.log(`Only ${checked} of ${pagesPerRole} pages were found for ${role}.`)
    process.exitCode = 1
  }
}
if (errorCount > 0) process.exitCode = 1
