import { expect, signIn, test } from './fixtures'

// WCAG 1.4.10: at 320 CSS pixels (400% zoom of a 1280 pixel screen) nothing scrolls sideways. The
// header moves the links that do not fit into its "More" menu, as the NHS header does.

const ROLES = [
  { email: 'contributor@demo.nhs.uk', links: ['Home', 'Evidence library', 'Framework'] },
  { email: 'lead@demo.nhs.uk', links: ['Home', 'Evidence library', 'Framework'] },
  { email: 'sponsor@demo.nhs.uk', links: ['Home', 'Framework'] },
  { email: 'validator@demo.nhs.uk', links: ['Home', 'Validation', 'Framework'] },
  { email: 'regional.lead@demo.nhs.uk', links: ['Home', 'Dashboard', 'Framework'] },
  { email: 'admin@demo.nhs.uk', links: ['Home', 'Dashboards', 'Framework', 'Admin'] },
  { email: 'viewer@demo.nhs.uk', links: ['Home', 'Dashboards', 'Framework'] },
]

test.use({ viewport: { width: 320, height: 720 } })

for (const { email, links } of ROLES) {
  test(`at 320 pixels the header fits the screen for ${email}, every link reachable`, async ({ page }) => {
    await signIn(page, email)
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      header: document.querySelector('header')!.scrollWidth,
    }))
    expect(widths).toEqual({ page: 320, header: 320 })

    const menu = page.getByRole('navigation', { name: 'Menu' })
    const more = menu.getByRole('button', { name: 'Browse More' })
    if (await more.isVisible()) {
      await expect(more).toHaveAttribute('aria-expanded', 'false')
      await more.click()
      await expect(more).toHaveAttribute('aria-expanded', 'true')
    }
    for (const name of links) {
      const link = menu.getByRole('link', { name, exact: true })
      await expect(link).toBeVisible()
      const box = (await link.boundingBox())!
      expect(box.x + box.width, `${name} inside the screen`).toBeLessThanOrEqual(320)
    }
    if (await more.isVisible()) {
      await page.keyboard.press('Escape')
      await expect(more).toHaveAttribute('aria-expanded', 'false')
    }
  })
}

test('at full width every link stays in the bar and there is no "More" menu', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await signIn(page, 'admin@demo.nhs.uk')
  const menu = page.getByRole('navigation', { name: 'Menu' })
  await expect(menu.getByRole('button', { name: 'Browse More' })).toBeHidden()
  for (const name of ['Home', 'Dashboards', 'Framework', 'Admin']) {
    await expect(menu.getByRole('link', { name, exact: true })).toBeVisible()
  }
})
