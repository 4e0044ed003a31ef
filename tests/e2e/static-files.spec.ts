import { expect, test } from './fixtures'

// The files at the site's root that browsers, search engines and security researchers ask for,
// without signing in.
test.describe('files at the site root', () => {
  test('robots.txt keeps every page out of search engines', async ({ request }) => {
    const response = await request.get('/robots.txt')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(text).toMatch(/^User-agent: \*$/m)
    expect(text).toMatch(/^Disallow: \/$/m)
  })

  test('security.txt says how to report a vulnerability, with a contact and an expiry date', async ({ request }) => {
    const response = await request.get('/.well-known/security.txt')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(text).toMatch(/^Contact: mailto:\S+@\S+$/m)
    const expires = /^Expires: (\S+)$/m.exec(text)?.[1]
    expect(Date.parse(expires ?? '')).toBeGreaterThan(Date.now())
    expect(text).toMatch(/^Canonical: http:\/\/localhost:\d+\/\.well-known\/security\.txt$/m)
  })

  test('the favicon, touch icon and manifest are served from the root', async ({ request }) => {
    for (const [file, type] of [
      ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)/],
      ['/favicon.svg', /^image\/svg\+xml/],
      ['/apple-touch-icon.png', /^image\/png/],
      ['/icon-192.png', /^image\/png/],
      ['/icon-512.png', /^image\/png/],
    ] as const) {
      const response = await request.get(file)
      expect(response.status(), file).toBe(200)
      expect(response.headers()['content-type'], file).toMatch(type)
    }
    const manifest = await request.get('/manifest.webmanifest')
    expect(manifest.status()).toBe(200)
    expect((await manifest.json()).icons).toHaveLength(2)
  })

  test('the page links to its icons, and fingerprinted scripts and styles are kept for a year', async ({
    page,
    request,
  }) => {
    await page.goto('/sign-in')
    await expect(page.locator('link[rel="icon"][href="/favicon.svg"]')).toHaveCount(1)
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/apple-touch-icon.png')
    const script = await page.locator('link[rel="modulepreload"][href^="/assets/"]').first().getAttribute('href')
    const asset = await request.get(script ?? '')
    expect(asset.status()).toBe(200)
    expect(asset.headers()['cache-control']).toMatch(/max-age=31536000/)
    expect(asset.headers()['cache-control']).toMatch(/immutable/)
  })
})
