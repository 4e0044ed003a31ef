// A session that ends while someone is writing loses nothing (issue 14, item 1). The session is
// ended the way the world would end it, in the database (its expiry set in the past, as if twelve
// hours had passed unused), never by waiting. Thameside's open submission (LKS-2627-RWK), which no
// other spec changes, is used by its service lead, so these tests pass alone, in any order and
// before or after the other specs; the other long-text forms each keep their text without saving it.
import type { Page } from '@playwright/test'
import { createClient } from '@libsql/client'
import { E2E_DATABASE_FILE } from './paths'
import { one, run, submissionId } from './db'
import { expect, expectAccessible, signIn, submitSecondFactor, test } from './fixtures'

const LEAD = 'mark.lewis@demo.nhs.uk'
const SUBMISSION = 'LKS-2627-RWK'

/** Sets when every session of a person ends (and that it was last used now), as stored. */
async function setSessionEnd(email: string, endsInMs: number) {
  const client = createClient({ url: `file:${E2E_DATABASE_FILE}` })
  try {
    const now = Date.now()
    const end = now + endsInMs
    // Whichever way the dates are stored (milliseconds or ISO text), the same way again.
    await client.execute({
      sql: `UPDATE Session SET
              expiresAt = CASE typeof(expiresAt) WHEN 'integer' THEN ? ELSE ? END,
              lastUsedAt = CASE typeof(lastUsedAt) WHEN 'integer' THEN ? ELSE ? END
            WHERE userId = (SELECT id FROM User WHERE email = ?)`,
      args: [end, new Date(end).toISOString(), now, new Date(now).toISOString(), email],
    })
  } finally {
    client.close()
  }
}

const endSessions = (email: string) => setSessionEnd(email, -60_000)

async function narrativeOf(reference: string, outcome: number): Promise<string> {
  return one(
    `SELECT r.narrative FROM OutcomeResponse r JOIN Submission s ON s.id = r.submissionId
     JOIN Outcome o ON o.id = r.outcomeId WHERE s.reference = ? AND o.number = ?`,
    [reference, String(outcome)],
  )
}

async function signInAgainHere(page: Page, email: string) {
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill('Quality-Portal-2026')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname !== '/sign-in')
  // Accounts with two-step verification give their code next, and still land back on the form.
  if (new URL(page.url()).pathname === '/sign-in/two-step') await submitSecondFactor(page, email)
}

test.describe('with JavaScript', () => {
  test('a warning comes before an idle session ends, and "Stay signed in" keeps the person signed in', async ({
    page,
  }) => {
    const id = await submissionId(SUBMISSION)
    await signIn(page, LEAD)
    // As if the person had left the page unused: three minutes of the session are left.
    await setSessionEnd(LEAD, 3 * 60_000)
    await page.goto(`/submissions/${id}/outcomes/6`)
    const warning = page.getByRole('alert').filter({ hasText: 'You will be signed out soon' })
    await expect(warning).toBeVisible()
    await expect(warning).toContainText('unless you choose to stay signed in')
    await expectAccessible(page)
    await warning.getByRole('button', { name: 'Stay signed in' }).click()
    await expect(warning).toHaveCount(0)
    // The session now runs for hours again: a fresh page gives no warning.
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Outcome 6')
    await expect(page.getByText('You will be signed out soon')).toHaveCount(0)
  })

  test('an autosave that finds the session gone keeps the text, says so, and saves it once the person signs in again in another tab', async ({
    page,
  }) => {
    const id = await submissionId(SUBMISSION)
    await signIn(page, LEAD)
    await page.goto(`/submissions/${id}/outcomes/6`)
    const field = page.getByLabel('Narrative', { exact: true })
    await field.fill('Written before the session ended.')
    await expect(page.getByText(/Narrative saved automatically at/)).toBeVisible()

    await endSessions(LEAD)
    await field.press('End')
    await field.pressSequentially(' Typed after it ended.')
    const status = page.locator('#autosave-status')
    await expect(status).toContainText('could not be saved because you have been signed out')
    await expect(page.getByRole('alert').filter({ hasText: 'You have been signed out' })).toBeVisible()
    await expect(page).toHaveURL(new RegExp(`/submissions/${id}/outcomes/6$`))
    const typed = 'Written before the session ended. Typed after it ended.'
    await expect(field).toHaveValue(typed)
    const kept = await page.evaluate((key) => window.localStorage.getItem(key), `lks:draft:${id}:6`)
    expect(JSON.parse(kept ?? '{}')).toMatchObject({ narrative: typed })
    await expectAccessible(page)

    // Signing in again in another tab: this page saves what it kept.
    const other = await page.context().newPage()
    await signIn(other, LEAD)
    // The other tab, once its page is up, tells this one through the browser's storage.
    await expect(status).toContainText('Narrative saved automatically at')
    await other.close()
    await expect(page.getByText('You have been signed out')).toHaveCount(0)
    expect(await narrativeOf(SUBMISSION, 6)).toBe(typed)
    expect(await page.evaluate((key) => window.localStorage.getItem(key), `lks:draft:${id}:6`)).toBeNull()
  })

  test('text kept in the browser comes back when the page is opened again, and is saved', async ({ page }) => {
    const id = await submissionId(SUBMISSION)
    await signIn(page, LEAD)
    await page.goto(`/submissions/${id}/outcomes/6`)
    const field = page.getByLabel('Narrative', { exact: true })
    await field.fill('Saved once.')
    await expect(page.getByText(/Narrative saved automatically at/)).toBeVisible()
    await endSessions(LEAD)
    await field.pressSequentially(' Kept in the browser.')
    await expect(page.locator('#autosave-status')).toContainText('signed out')
    // Signing in again on this tab, by another way in: the page comes back with the kept text.
    await page.goto(`/sign-in?redirectTo=${encodeURIComponent(`/submissions/${id}/outcomes/6`)}`)
    await signInAgainHere(page, LEAD)
    await expect(page.getByText('Check what you typed and save it')).toBeVisible()
    await expect(field).toHaveValue('Saved once. Kept in the browser.')
    await expect(page.locator('#autosave-status')).toContainText('Narrative saved automatically at')
    expect(await narrativeOf(SUBMISSION, 6)).toBe('Saved once. Kept in the browser.')
  })
})

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript })

    test('saving after the session ended: the sign-in page says why, and the form comes back with the text to check and save', async ({
      page,
    }) => {
      const id = await submissionId(SUBMISSION)
      const mode = javaScript ? 'with' : 'without'
      await signIn(page, LEAD)
      await page.goto(`/submissions/${id}/outcomes/6`)
      const narrative = `A narrative written ${mode} JavaScript while the session ran out.`
      const strengths = `Strengths typed ${mode} JavaScript.`
      await page.getByLabel('Narrative', { exact: true }).fill(narrative)
      await page.getByLabel('Key strengths').fill(strengths)
      await endSessions(LEAD)
      await page.getByRole('button', { name: 'Save and come back later' }).click()

      await expect(page).toHaveURL(/\/sign-in\?/)
      const notice = page.locator('#signed-out')
      await expect(notice).toContainText('You were signed out because you had not used the portal for 12 hours')
      await expect(notice).toContainText('What you had typed has been kept')
      if (javaScript) await expectAccessible(page)
      await signInAgainHere(page, LEAD)

      await expect(page).toHaveURL(new RegExp(`/submissions/${id}/outcomes/6$`))
      await expect(page.getByText('Check what you typed and save it')).toBeVisible()
      await expect(page.getByLabel('Narrative', { exact: true })).toHaveValue(narrative)
      await expect(page.getByLabel('Key strengths')).toHaveValue(strengths)
      await page.getByRole('button', { name: 'Save and come back later' }).click()
      await expect(
        page.locator('.nhsuk-notification-banner').getByText('Outcome 6 saved', { exact: true }),
      ).toBeVisible()
      expect(await narrativeOf(SUBMISSION, 6)).toBe(narrative)

      // Kept once only: opening the form again shows what is saved, with no message.
      await page.goto(`/submissions/${id}/outcomes/6`)
      await expect(page.getByText('Check what you typed and save it')).toHaveCount(0)
    })
  })
}

const assignmentOf = (email: string, reference: string) =>
  one(
    `SELECT a.id FROM ValidatorAssignment a JOIN User u ON u.id = a.validatorId JOIN Submission s ON s.id = a.submissionId
     WHERE u.email = ? AND s.reference = ?`,
    [email, reference],
  )

type LongTextForm = {
  name: string
  email: string
  path: () => Promise<string>
  /** Fills the form as a person would; returns the long text typed, by the field's label. */
  fill: (page: Page) => Promise<Record<string, string>>
  button: string
}

const LONG_TEXT_FORMS: LongTextForm[] = [
  {
    name: 'the pen portrait',
    email: LEAD,
    path: async () => `/submissions/${await submissionId(SUBMISSION)}/pen-portrait`,
    fill: async (page) => {
      const notes = 'Context notes typed while the session ran out.'
      await page.getByLabel('Context notes (optional)').fill(notes)
      return { 'Context notes (optional)': notes }
    },
    button: 'Save pen portrait',
  },
  {
    name: "the validator's judgement of an outcome",
    email: 'validator@demo.nhs.uk',
    path: async () =>
      `/validation/assignments/${await assignmentOf('validator@demo.nhs.uk', 'LKS-2627-RTH')}/outcomes/1`,
    fill: async (page) => {
      const rationale = 'A rationale typed while the session ran out.'
      const notes = 'Notes typed while the session ran out.'
      await page.getByLabel('Rationale for your grade').fill(rationale)
      await page.getByLabel('Notes (optional)').fill(notes)
      return { 'Rationale for your grade': rationale, 'Notes (optional)': notes }
    },
    button: 'Save your judgement',
  },
  {
    name: 'a clarification question',
    email: 'validator@demo.nhs.uk',
    path: async () => `/submissions/${await submissionId('LKS-2627-RTH')}/clarifications/new`,
    fill: async (page) => {
      const question = 'A question typed while the session ran out.'
      await page.getByLabel('Ask about outcome 4').check()
      await page.getByLabel('Your question about outcome 4').fill(question)
      return { 'Your question about outcome 4': question }
    },
    button: 'Send questions',
  },
  {
    name: 'an agreed result at moderation',
    email: 'regional.lead@demo.nhs.uk',
    path: async () => `/submissions/${await submissionId('LKS-2627-RPM')}/agreement/outcomes/2`,
    fill: async (page) => {
      const strengths = 'Strengths agreed while the session ran out.'
      await page.getByLabel('Strengths and good practice').fill(strengths)
      return { 'Strengths and good practice': strengths }
    },
    button: 'Save the agreed result',
  },
  {
    name: 'a development plan item',
    email: 'lead@demo.nhs.uk',
    path: async () => {
      const reference = await one(
        `SELECT s.reference FROM Submission s JOIN LibraryService l ON l.id = s.libraryServiceId
         WHERE s.reference LIKE 'LKS-2122-%' AND s.status = 'PUBLISHED' AND l.name = ? ORDER BY s.reference LIMIT 1`,
        ['Ribble Valley Library and Knowledge Service'],
      )
      return `/submissions/${await submissionId(reference)}/development-plan/new`
    },
    fill: async (page) => {
      const action = 'An action typed while the session ran out'
      const notes = 'Progress notes typed while the session ran out.'
      await page.getByLabel('Action', { exact: true }).fill(action)
      await page.getByLabel('Progress notes (optional)').fill(notes)
      return { Action: action, 'Progress notes (optional)': notes }
    },
    button: 'Add item',
  },
]

test.describe('without JavaScript, every long-text form', () => {
  test.use({ javaScriptEnabled: false })

  for (const form of LONG_TEXT_FORMS) {
    test(`${form.name}: sent after the session ended, it comes back after sign-in with the text to check and save`, async ({
      page,
    }) => {
      await signIn(page, form.email)
      const path = await form.path()
      await page.goto(path)
      const typed = await form.fill(page)
      await endSessions(form.email)
      await page.getByRole('button', { name: form.button }).click()
      await expect(page.locator('#signed-out')).toContainText('What you had typed has been kept')
      await signInAgainHere(page, form.email)
      await expect(page).toHaveURL((url) => url.pathname === path)
      await expect(page.getByText('Check what you typed and save it')).toBeVisible()
      for (const [label, text] of Object.entries(typed)) {
        await expect(page.getByLabel(label, { exact: true })).toHaveValue(text)
      }
    })
  }
})

/**
 * A second editor of Thameside's submissions, made here as an administrator would (same password as
 * the demo people), so no other spec's people are signed in or out by this one.
 */
async function secondThamesideEditor(): Promise<string> {
  const email = 'second.editor.thameside@demo.nhs.uk'
  await run(
    `INSERT OR IGNORE INTO User (id, email, name, jobTitle, passwordHash, active, failedSignInCount, passwordChangedAt, createdAt, updatedAt)
     SELECT 'e2e-second-thameside-editor', ?, 'Sam Second', 'Library assistant', passwordHash, 1, 0, passwordChangedAt, createdAt, updatedAt
     FROM User WHERE email = ?`,
    [email, LEAD],
  )
  await run(
    `INSERT OR IGNORE INTO RoleAssignment (id, userId, role, libraryServiceId, createdAt)
     SELECT 'e2e-second-thameside-editor-role', 'e2e-second-thameside-editor', 'SERVICE_CONTRIBUTOR', r.libraryServiceId, r.createdAt
     FROM RoleAssignment r JOIN User u ON u.id = r.userId WHERE u.email = ? AND r.role = 'SERVICE_LEAD'`,
    [LEAD],
  )
  return email
}

test('what a form kept for one person is never shown to another who signs in on the same browser', async ({ page }) => {
  const id = await submissionId(SUBMISSION)
  const other = await secondThamesideEditor()
  await signIn(page, LEAD)
  await page.goto(`/submissions/${id}/pen-portrait`)
  // A form the browser's own check lets through, so it reaches the server after the session ended.
  await page.getByLabel('Post title').first().fill('Library Services Manager')
  await page.getByLabel('WTE', { exact: true }).first().fill('1')
  await page
    .getByRole('group', { name: /qualified library and knowledge specialist/ })
    .first()
    .getByLabel('Yes')
    .check()
  await page.getByLabel('Context notes (optional)').fill('Only for the service lead.')
  await endSessions(LEAD)
  await page.getByRole('button', { name: 'Save pen portrait' }).click()
  await expect(page.locator('#signed-out')).toContainText('What you had typed has been kept')
  await signInAgainHere(page, other)
  await expect(page).toHaveURL((url) => url.pathname === `/submissions/${id}/pen-portrait`)
  await expect(page.getByText('Check what you typed and save it')).toHaveCount(0)
  await expect(page.getByLabel('Context notes (optional)')).not.toHaveValue('Only for the service lead.')
})
