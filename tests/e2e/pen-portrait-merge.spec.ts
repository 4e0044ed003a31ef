// Every field of the pen portrait under the version check (issue 14, items 2 and 3). A contributor
// and the lead have the pen portrait open at once: a change only one of them made is merged with
// the other's without a question; a field both changed is asked about, with both versions, and can
// be kept, taken or merged. A save sent again after the browser gave up is answered as the first.
// Severn and Arden's ICB (LKS-2627-QAF, not started): browser-validation.spec.ts opens its pen
// portrait but saves nothing; this spec puts it back as seeded before each test and at the end.
import type { Browser, Page } from '@playwright/test'
import { contributorOfSevernAndArden, one, run, SEVERN_AND_ARDEN_LEAD, submissionId } from './db'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

const REFERENCE = 'LKS-2627-QAF'

async function putBackNotStarted() {
  const id = await submissionId(REFERENCE)
  const portraits = 'SELECT id FROM PenPortrait WHERE submissionId = ?'
  for (const table of ['PenPortraitOrganisation', 'PenPortraitStaffPost', 'PenPortraitDocument'])
    await run(`DELETE FROM ${table} WHERE penPortraitId IN (${portraits})`, [id])
  await run('DELETE FROM PenPortrait WHERE submissionId = ?', [id])
  await run("UPDATE Submission SET status = 'NOT_STARTED', startedAt = NULL, version = version + 1 WHERE id = ?", [id])
}

test.beforeEach(putBackNotStarted)
test.afterAll(putBackNotStarted)

const portraitPath = async () => `/submissions/${await submissionId(REFERENCE)}/pen-portrait`
const portraitVersion = async () =>
  Number(
    await one(
      'SELECT CAST(p.version AS TEXT) FROM PenPortrait p JOIN Submission s ON s.id = p.submissionId WHERE s.reference = ?',
      [REFERENCE],
    ),
  )

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save pen portrait' }).click()
  await expectBanner(page, 'Pen portrait saved')
}

const budget = (page: Page) => page.getByLabel('Annual budget (optional)')
const notes = (page: Page) => page.getByLabel('Context notes (optional)')
const firstStaffWte = (page: Page) => page.getByLabel('Staff WTE').first()
const postWte = (page: Page, index: number) => page.getByLabel('WTE', { exact: true }).nth(index)

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
    test('a contributor’s and the lead’s changes to different fields are merged; a field both changed is asked about', async ({
      browser,
    }) => {
      const path = await portraitPath()
      const { contributor, lead, close } = await people(browser, javaScript)

      // The lead fills in the pen portrait from empty.
      await lead.goto(path)
      await firstStaffWte(lead).fill('3500')
      await lead.getByLabel('Post title').first().fill('Knowledge services manager')
      await postWte(lead, 0).fill('1')
      await lead
        .getByRole('group', { name: /qualified library and knowledge specialist/ })
        .first()
        .getByLabel('Yes')
        .check()
      await budget(lead).fill('£200,000')
      await notes(lead).fill('The lead’s first notes.')
      await save(lead)

      // Both open it. The contributor changes the budget and the post's WTE.
      await contributor.goto(path)
      await lead.goto(path)
      await budget(contributor).fill('£250,000')
      await postWte(contributor, 0).fill('0.8')
      await save(contributor)

      // The lead, on the page opened before that, changes the notes: saved without a question,
      // and the contributor's changes are kept.
      await notes(lead).fill('The lead’s second notes.')
      await save(lead)
      await lead.goto(path)
      await expect(budget(lead)).toHaveValue('250000')
      await expect(postWte(lead, 0)).toHaveValue('0.8')
      await expect(notes(lead)).toHaveValue('The lead’s second notes.')

      // Both open it again, and both change the notes; the lead changes a staff figure as well.
      await contributor.goto(path)
      await lead.goto(path)
      await notes(contributor).fill('The contributor’s notes.')
      await postWte(contributor, 0).fill('0.9')
      await save(contributor)
      await notes(lead).fill('The lead’s notes.')
      await postWte(lead, 0).fill('1')
      await firstStaffWte(lead).fill('3600')
      await lead.getByRole('button', { name: 'Save pen portrait' }).click()
      await expect(lead.getByRole('heading', { name: 'Someone else changed the pen portrait' })).toBeVisible()
      const conflict = lead.getByRole('group', { name: /^Context notes: changed by you and by Sam Severn/ })
      await expect(conflict).toContainText('The contributor’s notes.')
      await expect(conflict).toContainText('The lead’s notes.')
      // The post, keyed by its row, is asked about as a whole.
      const post = lead.getByRole('group', { name: /^Post 1: changed by you and by Sam Severn/ })
      await expect(post).toContainText('Knowledge services manager, 0.9 WTE, qualified')
      await expect(post).toContainText('Knowledge services manager, 1 WTE, qualified')
      await expect(lead.getByRole('alert').getByRole('link')).toHaveText([
        'Context notes: changed by you and by Sam Severn',
        'Post 1: changed by you and by Sam Severn',
      ])
      // Every other field shows the merged values: the budget as saved, the lead's own figure.
      await expect(budget(lead)).toHaveValue('250000')
      await expect(firstStaffWte(lead)).toHaveValue('3600')
      if (javaScript) await expectAccessible(lead)

      // Without a choice it stays asked about.
      await lead.getByRole('button', { name: 'Save pen portrait' }).click()
      await expect(
        lead.getByRole('alert').getByRole('link', { name: 'Choose which context notes to save' }),
      ).toBeVisible()
      await expect(budget(lead)).toHaveValue('250000')

      // Keep yours for the notes, take the contributor's post: saved with everyone's other changes.
      await lead
        .getByRole('group', { name: /^Context notes: changed by you and by Sam Severn/ })
        .getByLabel('Keep yours')
        .check()
      await lead
        .getByRole('group', { name: /^Post 1: changed by you and by Sam Severn/ })
        .getByLabel(/^Take Sam Severn’s/)
        .check()
      await save(lead)
      await lead.goto(path)
      await expect(notes(lead)).toHaveValue('The lead’s notes.')
      await expect(budget(lead)).toHaveValue('250000')
      await expect(lead.getByLabel('Post title')).toHaveCount(1)
      await expect(lead.getByLabel('Post title')).toHaveValue('Knowledge services manager')
      await expect(postWte(lead, 0)).toHaveValue('0.9')
      await expect(firstStaffWte(lead)).toHaveValue('3600')
      await close()
    })
  })
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('a pen portrait saved again after the browser gave up waiting is answered as the first was, not as a conflict', async ({
    page,
    allowConsole,
    baseURL,
  }) => {
    allowConsole(/ERR_TIMED_OUT|net::/)
    const path = await portraitPath()
    await signIn(page, SEVERN_AND_ARDEN_LEAD)
    await page.goto(path)
    await budget(page).fill('£230,000')
    await save(page)
    await page.goto(path)
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
      .getByRole('button', { name: 'Save pen portrait' })
      .click({ noWaitAfter: true })
      .catch(() => undefined)
    await expect.poll(() => body).not.toBeNull()
    await page.unrouteAll()
    expect(await portraitVersion()).toBe(2)

    // The person (or the browser) sends the very same form again: answered as the first was.
    const retried = await page.request.post(path, {
      data: body ?? '',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseURL ?? '' },
      maxRedirects: 0,
    })
    expect(retried.status()).toBe(302)
    expect(retried.headers()['location']).toBe(`/submissions/${await submissionId(REFERENCE)}`)
    expect(await portraitVersion()).toBe(2)
    await page.goto(path)
    await expect(notes(page)).toHaveValue('Saved once, though the browser sent it twice.')
    await expect(page.getByText('Someone else changed the pen portrait')).toHaveCount(0)
  })
})

test.describe('without JavaScript, on the conflict page', () => {
  test('“Add another post” and “Remove” bring the conflict page back as it was, and the next save keeps the choice', async ({
    browser,
  }) => {
    const path = await portraitPath()
    const { contributor, lead, close } = await people(browser, false)
    await lead.goto(path)
    await firstStaffWte(lead).fill('3500')
    await lead.getByLabel('Post title').first().fill('Knowledge services manager')
    await postWte(lead, 0).fill('1')
    await lead
      .getByRole('group', { name: /qualified library and knowledge specialist/ })
      .first()
      .getByLabel('Yes')
      .check()
    await notes(lead).fill('The lead’s first notes.')
    await save(lead)

    // Both open it and both change the notes: the lead's save finds the contributor's.
    await contributor.goto(path)
    await lead.goto(path)
    await notes(contributor).fill('The contributor’s notes.')
    await save(contributor)
    await notes(lead).fill('The lead’s notes.')
    await lead.getByRole('button', { name: 'Save pen portrait' }).click()
    await expect(lead.getByRole('heading', { name: 'Someone else changed the pen portrait' })).toBeVisible()

    // The lead starts a merged version, then adds a post: nothing is saved, and the conflict stays.
    const conflict = () => lead.getByRole('group', { name: /^Context notes: changed by you and by Sam Severn/ })
    const merged = 'The lead’s notes, with the contributor’s.'
    await conflict().getByLabel('Save the version in the box below').check()
    await conflict().getByLabel('Context notes', { exact: true }).fill(merged)
    await lead.getByRole('button', { name: 'Add another post' }).click()
    const expectConflictAsItWas = async () => {
      await expect(lead.getByRole('heading', { name: 'Someone else changed the pen portrait' })).toBeVisible()
      await expect(conflict()).toContainText('The contributor’s notes.')
      await expect(conflict()).toContainText('The lead’s notes.')
      await expect(conflict().getByLabel('Save the version in the box below')).toBeChecked()
      await expect(conflict().getByLabel('Context notes', { exact: true })).toHaveValue(merged)
      await expect(firstStaffWte(lead)).toHaveValue('3500')
    }
    await expectConflictAsItWas()
    await expect(lead.getByLabel('Post title')).toHaveCount(2)
    expect(await portraitVersion()).toBe(2)

    // A second post typed, then removed again: still the conflict page, with the first post.
    await lead.getByLabel('Post title').nth(1).fill('Library assistant')
    await lead.getByRole('button', { name: 'Remove post 2' }).click()
    await expectConflictAsItWas()
    await expect(lead.getByLabel('Post title')).toHaveCount(1)
    await expect(lead.getByLabel('Post title')).toHaveValue('Knowledge services manager')

    // Added again and filled in, then saved: the merged notes as chosen, and both posts.
    await lead.getByRole('button', { name: 'Add another post' }).click()
    await expectConflictAsItWas()
    await lead.getByLabel('Post title').nth(1).fill('Library assistant')
    await postWte(lead, 1).fill('0.5')
    await lead
      .getByRole('group', { name: /qualified library and knowledge specialist/ })
      .nth(1)
      .getByLabel('No')
      .check()
    await save(lead)
    expect(await portraitVersion()).toBe(3)
    await lead.goto(path)
    await expect(notes(lead)).toHaveValue(merged)
    await expect(lead.getByLabel('Post title').first()).toHaveValue('Knowledge services manager')
    await expect(lead.getByLabel('Post title').nth(1)).toHaveValue('Library assistant')
    await expect(postWte(lead, 1)).toHaveValue('0.5')
    await close()
  })
})
