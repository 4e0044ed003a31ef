// Every field of a development plan item under the version check (issue 14, items 2 and 3). A
// contributor and the lead have one item open at once: a change only one of them made is merged
// with the other's without a question; a field both changed is asked about, with both versions.
// Severn and Arden's published 2021/22 result (LKS-2122-QAF): no other spec opens its plan. The
// item is put back as seeded before each test and at the end; an item this spec adds is deleted.
import type { Browser, Page } from '@playwright/test'
import { contributorOfSevernAndArden, one, run, SEVERN_AND_ARDEN_LEAD, submissionId } from './db'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

const REFERENCE = 'LKS-2122-QAF'
const ACTION = 'Publish monthly evidence summaries on the intranet'

const itemId = () =>
  one(
    `SELECT i.id FROM DevelopmentPlanItem i JOIN Submission s ON s.id = i.submissionId
     WHERE s.reference = ? AND i.action = ?`,
    [REFERENCE, ACTION],
  )

type Seeded = { owner: string; dueDate: string | number; status: string; progressNotes: string }
let seeded: Seeded | null = null

test.beforeAll(async () => {
  seeded = JSON.parse(
    await one(
      `SELECT json_object('owner', owner, 'dueDate', dueDate, 'status', status, 'progressNotes', progressNotes)
       FROM DevelopmentPlanItem WHERE id = ?`,
      [await itemId()],
    ),
  ) as Seeded
})

async function putBack() {
  if (!seeded) return
  await run(
    'UPDATE DevelopmentPlanItem SET owner = ?, dueDate = ?, status = ?, progressNotes = ?, version = version + 1 WHERE id = ?',
    [seeded.owner, seeded.dueDate, seeded.status, seeded.progressNotes, await itemId()],
  )
}
const NEW_ACTION = 'Run a monthly literature search clinic (added once, sent twice)'
async function deleteAdded() {
  await run(
    'DELETE FROM DevelopmentPlanItem WHERE action = ? AND submissionId = (SELECT id FROM Submission WHERE reference = ?)',
    [NEW_ACTION, REFERENCE],
  )
}
test.beforeEach(putBack)
test.beforeEach(deleteAdded)
test.afterAll(putBack)
test.afterAll(deleteAdded)

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expectBanner(page, 'Development plan item updated')
}

const notes = (page: Page) => page.getByLabel('Progress notes (optional)')
const status = (page: Page, label: string) => page.getByRole('group', { name: 'Status' }).getByLabel(label)
const dueDate = (page: Page) => page.getByRole('group', { name: 'Due date' })

async function people(browser: Browser, javaScript: boolean) {
  const contributorContext = await browser.newContext({ javaScriptEnabled: javaScript })
  const leadContext = await browser.newContext({ javaScriptEnabled: javaScript })
  const contributor = await contributorContext.newPage()
  const lead = await leadContext.newPage()
  await signIn(contributor, await contributorOfSevernAndArden())
  await signIn(lead, SEVERN_AND_ARDEN_LEAD)
  return {
    contributor,
    lead,
    close: async () => {
      await contributorContext.close()
      await leadContext.close()
    },
  }
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test('a contributor’s and the lead’s changes to different fields of an item are merged; a field both changed is asked about', async ({
      browser,
    }) => {
      const path = `/submissions/${await submissionId(REFERENCE)}/development-plan/${await itemId()}`
      const { contributor, lead, close } = await people(browser, javaScript)

      // Both open the item. The contributor changes its status and notes.
      await contributor.goto(path)
      await lead.goto(path)
      await status(contributor, 'In progress').check()
      await notes(contributor).fill('The contributor’s notes.')
      await save(contributor)

      // The lead, on the page opened before that, changes the owner: saved without a question,
      // and the contributor's changes are kept.
      await lead.getByLabel('Owner').fill('Knowledge and Library Services Manager')
      await save(lead)
      await lead.goto(path)
      await expect(status(lead, 'In progress')).toBeChecked()
      await expect(notes(lead)).toHaveValue('The contributor’s notes.')
      await expect(lead.getByLabel('Owner')).toHaveValue('Knowledge and Library Services Manager')

      // Both open it again and both change the notes; the lead moves the due date as well.
      await contributor.goto(path)
      await notes(contributor).fill('The contributor’s second notes.')
      await save(contributor)
      await notes(lead).fill('The lead’s notes.')
      await dueDate(lead).getByLabel('Day').fill('30')
      await dueDate(lead).getByLabel('Month').fill('9')
      await dueDate(lead).getByLabel('Year').fill('2027')
      await lead.getByRole('button', { name: 'Save changes' }).click()
      await expect(lead.getByRole('heading', { name: 'Someone else changed this item' })).toBeVisible()
      const conflict = lead.getByRole('group', { name: /^Progress notes: changed by you and by Sam Severn/ })
      await expect(conflict).toContainText('The contributor’s second notes.')
      await expect(conflict).toContainText('The lead’s notes.')
      await expect(lead.getByRole('alert').getByRole('link')).toHaveText([
        'Progress notes: changed by you and by Sam Severn',
      ])
      // The other fields show the merged values.
      await expect(lead.getByLabel('Owner')).toHaveValue('Knowledge and Library Services Manager')
      await expect(status(lead, 'In progress')).toBeChecked()
      await expect(dueDate(lead).getByLabel('Month')).toHaveValue('9')
      if (javaScript) await expectAccessible(lead)

      // Without a choice it stays asked about.
      await lead.getByRole('button', { name: 'Save changes' }).click()
      await expect(
        lead.getByRole('alert').getByRole('link', { name: 'Choose which progress notes to save' }),
      ).toBeVisible()

      // Take the contributor's notes: saved with the lead's due date.
      await lead
        .getByRole('group', { name: /^Progress notes: changed by you and by Sam Severn/ })
        .getByLabel('Take Sam Severn’s')
        .check()
      await save(lead)
      await lead.goto(path)
      await expect(notes(lead)).toHaveValue('The contributor’s second notes.')
      await expect(dueDate(lead).getByLabel('Day')).toHaveValue('30')
      await expect(dueDate(lead).getByLabel('Month')).toHaveValue('9')
      await expect(status(lead, 'In progress')).toBeChecked()
      await close()
    })
  })
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a plan item saved again after the browser gave up waiting is answered as the first was, not as a conflict', async ({
    page,
    allowConsole,
    baseURL,
  }) => {
    allowConsole(/ERR_TIMED_OUT|net::/)
    const path = `/submissions/${await submissionId(REFERENCE)}/development-plan/${await itemId()}`
    const version = async () =>
      Number(await one('SELECT CAST(version AS TEXT) FROM DevelopmentPlanItem WHERE id = ?', [await itemId()]))
    await signIn(page, SEVERN_AND_ARDEN_LEAD)
    await page.goto(path)
    const before = await version()
    await notes(page).fill('Saved once, though the browser sent it twice.')

    let body: string | null = null
    await page.route(
      (address) => address.pathname === path,
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue()
        // Stored on the server; the browser gives up before the answer comes.
        await route.fetch({ maxRedirects: 0 })
        await route.abort('timedout')
        body = route.request().postData()
      },
    )
    await page
      .getByRole('button', { name: 'Save changes' })
      .click({ noWaitAfter: true })
      .catch(() => undefined)
    await expect.poll(() => body).not.toBeNull()
    await page.unrouteAll()
    expect(await version()).toBe(before + 1)

    // The very same form again: answered as the first was.
    const retried = await page.request.post(path, {
      data: body ?? '',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL ?? '' },
      maxRedirects: 0,
    })
    expect(retried.status()).toBe(302)
    expect(retried.headers()['location']).toBe(`/submissions/${await submissionId(REFERENCE)}/development-plan`)
    expect(await version()).toBe(before + 1)
    await page.goto(path)
    await expect(notes(page)).toHaveValue('Saved once, though the browser sent it twice.')
  })

  test('a new plan item sent again after the browser gave up waiting is added once, and the repeat is answered as the first', async ({
    page,
    allowConsole,
    baseURL,
  }) => {
    allowConsole(/ERR_TIMED_OUT|net::/)
    const plan = `/submissions/${await submissionId(REFERENCE)}/development-plan`
    const path = `${plan}/new`
    const added = async () =>
      Number(
        await one(
          `SELECT CAST(COUNT(*) AS TEXT) FROM DevelopmentPlanItem i JOIN Submission s ON s.id = i.submissionId
           WHERE s.reference = ? AND i.action = ?`,
          [REFERENCE, NEW_ACTION],
        ),
      )
    await signIn(page, SEVERN_AND_ARDEN_LEAD)
    await page.goto(path)
    await page.getByLabel('Action', { exact: true }).fill(NEW_ACTION)
    await page.getByLabel('Owner').fill('Clinical Librarian')
    await dueDate(page).getByLabel('Day').fill('30')
    await dueDate(page).getByLabel('Month').fill('9')
    await dueDate(page).getByLabel('Year').fill('2027')
    await status(page, 'Not started').check()

    let body: string | null = null
    await page.route(
      (address) => address.pathname === path,
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue()
        // Stored on the server; the browser gives up before the answer comes.
        await route.fetch({ maxRedirects: 0 })
        await route.abort('timedout')
        body = route.request().postData()
      },
    )
    await page
      .getByRole('button', { name: 'Add item' })
      .click({ noWaitAfter: true })
      .catch(() => undefined)
    await expect.poll(() => body).not.toBeNull()
    await page.unrouteAll()
    expect(await added()).toBe(1)

    // The very same form again: answered as the first was, and no second item.
    const retried = await page.request.post(path, {
      data: body ?? '',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL ?? '' },
      maxRedirects: 0,
    })
    expect(retried.status()).toBe(302)
    expect(retried.headers()['location']).toBe(plan)
    expect(await added()).toBe(1)
    await page.goto(plan)
    await expect(page.getByRole('row').filter({ hasText: NEW_ACTION })).toHaveCount(1)
  })
})
