// Nothing typed into a Service Improvement Plan is lost (issue 14), with and without JavaScript:
// progress notes saved after the session ended come back after signing in again, to check and
// save; a save whose answer the browser never got, sent again with the same key, is answered as
// the first was and is not taken for someone else's change. Thameside's published 2024/25 plan
// (SIP-2425-RTH), which no other spec changes, is used by its service lead: the actions of outcomes
// 3 to 6, each by one test only; their progress notes are put back afterwards.
import type { Page } from '@playwright/test'
import { one, run } from './db'
import { expect, expectAccessible, expectBanner, signIn, submitSecondFactor, test } from './fixtures'

const LEAD = 'mark.lewis@demo.nhs.uk'
const PLAN = 'SIP-2425-RTH'

const planId = () => one('SELECT id FROM ServiceImprovementPlan WHERE reference = ?', [PLAN])
const actionOf = (outcome: number) =>
  one(
    `SELECT a.id FROM SipAction a JOIN ServiceImprovementPlan p ON p.id = a.planId
     JOIN SipObjective ob ON ob.id = a.objectiveId JOIN SipOutcome so ON so.id = ob.sipOutcomeId
     JOIN Outcome o ON o.id = so.outcomeId WHERE p.reference = ? AND o.number = ? ORDER BY a.createdAt LIMIT 1`,
    [PLAN, String(outcome)],
  )
const storedAction = async (id: string) => {
  const row = await one(`SELECT version || char(10) || progressNotes FROM SipAction WHERE id = ?`, [id])
  const at = row.indexOf('\n')
  return { version: Number(row.slice(0, at)), progressNotes: row.slice(at + 1) }
}

/** Every session of the person ends, as if left unused for twelve hours. */
async function endSessions(email: string) {
  await run(
    `UPDATE Session SET expiresAt = CASE typeof(expiresAt) WHEN 'integer' THEN ? ELSE ? END
     WHERE userId = (SELECT id FROM User WHERE email = ?)`,
    [Date.now() - 60_000, new Date(Date.now() - 60_000).toISOString(), email],
  )
}

async function signInAgainHere(page: Page, email: string) {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill('Quality-Portal-2026')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname !== '/sign-in')
  if (new URL(page.url()).pathname === '/sign-in/two-step') await submitSecondFactor(page, email)
}

const originalNotes = new Map<string, string>()

test.beforeAll(async () => {
  for (const outcome of [3, 4, 5, 6]) {
    const id = await actionOf(outcome)
    originalNotes.set(id, (await storedAction(id)).progressNotes)
  }
})

test.afterAll(async () => {
  for (const [id, notes] of originalNotes) await run('UPDATE SipAction SET progressNotes = ? WHERE id = ?', [notes, id])
})

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript })

    test("an action's progress saved after the session ended comes back after signing in again, to check and save", async ({
      page,
    }) => {
      const outcome = javaScript ? 3 : 4
      const id = await actionOf(outcome)
      const path = `/plans/${await planId()}/actions/${id}`
      await signIn(page, LEAD)
      await page.goto(path)
      const notes = `Progress typed ${javaScript ? 'with' : 'without'} JavaScript while the session ran out.`
      await page.getByLabel('Progress notes').fill(notes)
      await endSessions(LEAD)
      await page.getByRole('button', { name: 'Save action' }).click()

      await expect(page.locator('#signed-out')).toContainText('What you had typed has been kept')
      await signInAgainHere(page, LEAD)
      await expect(page).toHaveURL((url) => url.pathname === path)
      await expect(page.getByText('Check what you typed and save it')).toBeVisible()
      await expect(page.getByLabel('Progress notes')).toHaveValue(notes)
      if (javaScript) await expectAccessible(page)
      expect((await storedAction(id)).progressNotes).not.toBe(notes)

      await page.getByRole('button', { name: 'Save action' }).click()
      await expectBanner(page, 'Action saved')
      expect((await storedAction(id)).progressNotes).toBe(notes)
      // Kept once only: the form opened again shows what is saved, with no message.
      await page.goto(path)
      await expect(page.getByText('Check what you typed and save it')).toHaveCount(0)
      await expect(page.getByLabel('Progress notes')).toHaveValue(notes)
    })

    test("an action's progress sent again after the browser gave up waiting is answered as the first was, not as a conflict", async ({
      page,
      allowConsole,
      baseURL,
    }) => {
      allowConsole(/ERR_TIMED_OUT|ERR_FAILED|net::|Failed to fetch|TypeError/)
      const outcome = javaScript ? 5 : 6
      const id = await actionOf(outcome)
      const plan = await planId()
      const path = `/plans/${plan}/actions/${id}`
      await signIn(page, LEAD)
      await page.goto(path)
      const before = await storedAction(id)
      const notes = `A progress update the server stored after the browser had given up (${javaScript ? 'with' : 'without'} JavaScript).`
      await page.getByLabel('Progress notes').fill(notes)

      let body: string | null = null
      await page.route(
        // With JavaScript the form is sent as a data request (the same path with `.data`).
        (address) => address.pathname === path || address.pathname === `${path}.data`,
        async (route) => {
          if (route.request().method() !== 'POST') return route.continue()
          // Stored on the server; the browser gives up before the answer comes.
          await route.fetch({ maxRedirects: 0 })
          body = route.request().postData()
          await route.abort('timedout')
        },
      )
      await page
        .getByRole('button', { name: 'Save action' })
        .click({ noWaitAfter: true })
        .catch(() => undefined)
      await expect.poll(() => body).not.toBeNull()
      await page.unrouteAll()
      expect(await storedAction(id)).toEqual({ version: before.version + 1, progressNotes: notes })

      // The very same form is sent again.
      const retried = await page.request.post(path, {
        data: body ?? '',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL ?? '' },
        maxRedirects: 0,
      })
      expect(retried.status()).toBe(302)
      expect(retried.headers()['location']).toBe(`/plans/${plan}/outcomes/${outcome}`)
      await page.goto(`/plans/${plan}/outcomes/${outcome}`)
      await expectBanner(page, 'Action saved')
      await expect(page.getByText('Someone else has changed this page')).toHaveCount(0)
      if (javaScript) await expectAccessible(page)
      expect(await storedAction(id)).toEqual({ version: before.version + 1, progressNotes: notes })
    })
  })
}
