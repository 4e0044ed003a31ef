import { expect, signIn, test } from './fixtures'

// Someone who starts typing before the page's scripts have started (a slow connection, a busy
// laptop) must never break the page. Here a script types into the form's title field every
// millisecond from the moment the page starts until just after it has started, so keystrokes
// land while the page hydrates. Before the fix, React gave up on the document ("Root did not
// complete", error 345) and the page never started.
test('typing while the page starts up never breaks it, and the page starts', async ({ page }) => {
  await signIn(page, 'lead@demo.nhs.uk')
  await page.getByRole('link', { name: 'Ribble Valley Library and Knowledge Service evidence library' }).click()
  const href = await page.getByRole('button', { name: 'Add evidence' }).first().getAttribute('href')
  expect(href).toMatch(/\/evidence\/new$/)
  await page.addInitScript(() => {
    let typed = 0
    let afterStart = 0
    const timer = window.setInterval(() => {
      const field = document.querySelector<HTMLInputElement>('input[name="title"]')
      if (!field) return
      typed += 1
      field.value = `Typed while starting ${typed}`
      field.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'a' }))
      field.dispatchEvent(new Event('input', { bubbles: true }))
      if (document.documentElement.dataset.hydrated === 'true') afterStart += 1
      if (afterStart > 20) window.clearInterval(timer)
    }, 1)
  })
  for (let visit = 0; visit < 6; visit += 1) {
    await page.goto(href!)
    await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true')
    await expect(page.getByLabel('Title')).toHaveValue(/^Typed while starting \d+$/)
  }
})
