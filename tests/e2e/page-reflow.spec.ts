import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'

// WCAG 1.4.10 (reflow) beyond the header: at 320 CSS pixels (400% zoom of a 1280 pixel screen) no
// page of any role scrolls sideways. Each role's pages are found as a person finds them, from the
// home page's links, breadth first, one page of each kind (addresses that differ only by a record's
// id are one kind), so the pages added later are checked without a list to keep up to date. A data
// table may scroll inside its own box (1.4.10 exempts content that needs two dimensions); the page
// itself may not. Only links are followed (GET), so no record is changed.

const WIDTH = 320
const PAGES_PER_ROLE = 8

const ROLES = [
  'contributor@demo.nhs.uk',
  'lead@demo.nhs.uk',
  'sponsor@demo.nhs.uk',
  'priya.shah@demo.nhs.uk',
  'regional.lead@demo.nhs.uk',
  'admin@demo.nhs.uk',
  'viewer@demo.nhs.uk',
]

/** Not followed: signing out, files (downloads, exports, PDFs, previews) and anything off the portal. */
const SKIP = [/^\/sign-out/, /\.(pdf|csv|xlsx|zip|json|txt)$/, /\/download$/, /\/preview$/, /\/files\//]

const kindOf = (pathname: string) =>
  pathname
    .split('/')
    .map((part) => (/^[a-z0-9]{20,}$/i.test(part) || /^\d+$/.test(part) ? ':id' : part))
    .join('/')

/** How far the page reaches past the screen's right edge, and what sticks out furthest. */
async function overflow(page: Page) {
  return page.evaluate((width) => {
    const scroll = document.documentElement.scrollWidth
    let widest = ''
    let right = width
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      // Content inside a box of its own that scrolls (a wide data table) does not widen the page.
      let inScroller = false
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent)
        if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'hidden') {
          inScroller = true
          break
        }
      }
      if (inScroller) continue
      const box = element.getBoundingClientRect()
      if (box.width > 0 && box.right > right + 0.5) {
        right = box.right
        widest = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`
      }
    }
    return { scroll, widest }
  }, WIDTH)
}

/**
 * With JavaScript, the page as the person uses it: once React has taken the page over, the header
 * has moved the links that do not fit into its "More" menu (before that, for a moment, the bar is
 * laid out in one line). Without JavaScript the links wrap, and there is nothing to wait for.
 */
async function settled(page: Page) {
  if ((await page.locator('body.nhsuk-frontend-supported').count()) === 0) return
  await page.waitForFunction(() => {
    const header = document.querySelector('header')
    return header !== null && Object.keys(header).some((key) => key.startsWith('__reactFiber'))
  })
}

test.use({ viewport: { width: WIDTH, height: 720 } })

const RUNS = [
  ...ROLES.map((email) => ({ email, javaScript: true })),
  // Without JavaScript, for the roles with the most header links and the longest forms.
  { email: 'admin@demo.nhs.uk', javaScript: false },
  { email: 'lead@demo.nhs.uk', javaScript: false },
]

for (const { email, javaScript } of RUNS) {
  test(`at ${WIDTH} pixels no page of ${email} scrolls sideways (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 720 }, javaScriptEnabled: javaScript })
    const page = await context.newPage()
    test.setTimeout(180_000)
    await signIn(page, email)
    const queue = ['/']
    const seenKinds = new Set<string>()
    const checked: string[] = []
    const wide: string[] = []
    while (queue.length > 0 && checked.length < PAGES_PER_ROLE) {
      const next = queue.shift()!
      const kind = kindOf(new URL(next, 'http://portal').pathname)
      if (seenKinds.has(kind)) continue
      seenKinds.add(kind)
      const response = await page.goto(next)
      expect(response?.status(), next).toBeLessThan(400)
      await settled(page)
      checked.push(next)
      const { scroll, widest } = await overflow(page)
      if (scroll > WIDTH) wide.push(`${next}: ${scroll} pixels wide (${widest})`)
      const links = await page
        .locator('main a[href]')
        .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))
      for (const href of links) {
        const url = new URL(href)
        if (url.origin !== new URL(page.url()).origin || SKIP.some((pattern) => pattern.test(url.pathname))) continue
        if (!seenKinds.has(kindOf(url.pathname))) queue.push(url.pathname + url.search)
      }
    }
    expect(wide, `pages wider than ${WIDTH} pixels, of ${checked.join(', ')}`).toEqual([])
    // The walk reached more than the home page (so a broken link list cannot pass it by).
    expect(checked.length).toBeGreaterThan(3)
    await context.close()
  })
}
