// A save applied after the browser gave up waiting (issue 14, item 3): each save carries an
// idempotency key, and the same save sent again is answered with the stored result, never taken
// for someone else's change. The lost answer is made by the test's network, not by waiting.
// Ribble Valley's open submission (LKS-2627-RXV), outcome 6 only, as in session-expiry.spec.ts.
import { one, submissionId } from './db'
import { expect, signIn, test } from './fixtures'

const LEAD = 'lead@demo.nhs.uk'

const responseOf = (reference: string, outcome: number) =>
  one(
    `SELECT r.narrative || char(10) || r.version FROM OutcomeResponse r JOIN Submission s ON s.id = r.submissionId
     JOIN Outcome o ON o.id = r.outcomeId WHERE s.reference = ? AND o.number = ?`,
    [reference, String(outcome)],
  ).then((row) => {
    const at = row.lastIndexOf('\n')
    return { narrative: row.slice(0, at), version: Number(row.slice(at + 1)) }
  })

test.describe('with JavaScript', () => {
  test('an autosave whose answer was lost is sent again with its key and is not a conflict', async ({
    page,
    allowConsole,
  }) => {
    allowConsole(/net::ERR_FAILED/)
    const id = await submissionId('LKS-2627-RXV')
    await signIn(page, LEAD)
    await page.goto(`/submissions/${id}/outcomes/6`)
    const before = await responseOf('LKS-2627-RXV', 6).catch(() => ({ narrative: '', version: 0 }))
    let lost = 0
    await page.route(`**/submissions/${id}/outcomes/6/autosave`, async (route) => {
      if (lost === 0) {
        lost += 1
        // The server stores the save; its answer never reaches the browser.
        await route.fetch()
        await route.abort('failed')
        return
      }
      await route.continue()
    })
    const narrative = 'An autosave whose first answer was lost on the way back.'
    await page.getByLabel('Narrative', { exact: true }).fill(narrative)
    const status = page.locator('#autosave-status')
    await expect(status).toContainText('Narrative saved automatically at')
    await expect(page.getByText('someone else changed this outcome')).toHaveCount(0)
    expect(lost).toBe(1)
    expect(await responseOf('LKS-2627-RXV', 6)).toEqual({ narrative, version: before.version + 1 })
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a save sent again after the browser gave up waiting is answered as the first was, not as a conflict', async ({
    page,
    allowConsole,
    baseURL,
  }) => {
    allowConsole(/ERR_TIMED_OUT|net::/)
    const id = await submissionId('LKS-2627-RXV')
    const url = `/submissions/${id}/outcomes/6`
    await signIn(page, LEAD)
    await page.goto(url)
    const before = await responseOf('LKS-2627-RXV', 6).catch(() => ({ narrative: '', version: 0 }))
    const narrative = 'A save the server stored after the browser had given up.'
    await page.getByLabel('Narrative', { exact: true }).fill(narrative)

    let body: string | null = null
    await page.route(
      (address) => address.pathname === url,
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue()
        // Stored on the server; the browser gives up before the answer comes.
        await route.fetch({ maxRedirects: 0 })
        await route.abort('timedout')
        body = route.request().postData()
      },
    )
    await page
      .getByRole('button', { name: 'Save and come back later' })
      .click({ noWaitAfter: true })
      .catch(() => undefined)
    await expect.poll(() => body).not.toBeNull()
    await page.unrouteAll()
    expect((await responseOf('LKS-2627-RXV', 6)).version).toBe(before.version + 1)

    // The person (or the browser) sends the very same form again.
    const retried = await page.request.post(`${url}?index`, {
      data: body ?? '',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL ?? '' },
      maxRedirects: 0,
    })
    expect(retried.status()).toBe(302)
    expect(retried.headers()['location']).toBe(url)
    await page.goto(url)
    await expect(page.locator('.nhsuk-notification-banner').getByText('Outcome 6 saved', { exact: true })).toBeVisible()
    await expect(page.getByText('Someone else changed this outcome')).toHaveCount(0)
    await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue(narrative)
    expect(await responseOf('LKS-2627-RXV', 6)).toEqual({ narrative, version: before.version + 1 })
  })
})
