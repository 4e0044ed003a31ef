// Issue 15, item 6: copy forward from the demo data as seeded. The lead copies the 2021/22 baseline
// into Ribble Valley Mental Health's 2026/27 submission (not started): every outcome is marked as
// copied, every indicator is to be reviewed again with last cycle's status beside it, and once the
// narrative is edited the page shows what changed since the copy. Afterwards the submission is put
// back as it was seeded, as an administrator would, for the specs that expect it not started.
import { run, submissionId } from './db'
import { expect, expectAccessible, expectBanner, signIn, test } from './fixtures'

const REFERENCE = 'LKS-2627-RWV'

async function putBackNotStarted(id: string) {
  const responses = 'SELECT id FROM OutcomeResponse WHERE submissionId = ?'
  const portraits = 'SELECT id FROM PenPortrait WHERE submissionId = ?'
  await run(`DELETE FROM IndicatorResponse WHERE outcomeResponseId IN (${responses})`, [id])
  await run(`DELETE FROM EvidenceLink WHERE outcomeResponseId IN (${responses})`, [id])
  await run('DELETE FROM OutcomeResponse WHERE submissionId = ?', [id])
  for (const table of ['PenPortraitOrganisation', 'PenPortraitStaffPost', 'PenPortraitDocument'])
    await run(`DELETE FROM ${table} WHERE penPortraitId IN (${portraits})`, [id])
  await run('DELETE FROM PenPortrait WHERE submissionId = ?', [id])
  await run(
    "UPDATE Submission SET status = 'NOT_STARTED', copiedFromId = NULL, startedAt = NULL, version = version + 1 WHERE id = ?",
    [id],
  )
}

test.afterAll(async () => {
  await putBackNotStarted(await submissionId(REFERENCE))
})

test('the lead copies last cycle’s answers, reviews each indicator again and sees what changed since', async ({
  page,
}) => {
  const id = await submissionId(REFERENCE)
  await signIn(page, 'lead@demo.nhs.uk')
  await page.goto(`/submissions/${id}`)
  await page.getByRole('button', { name: /^Copy answers from / }).click()
  await expectBanner(page, 'Answers copied from 2021/22 baseline')
  await expectAccessible(page)

  await page.goto(`/submissions/${id}/outcomes/1`)
  await expect(page.getByRole('main')).toContainText('This outcome was copied from 2021/22 baseline')
  // No indicator keeps last cycle's status as its answer; each shows it beside the choice.
  const level1 = page.locator('section', { has: page.getByRole('heading', { level: 3, name: 'Level 1' }) })
  const firstIndicator = level1.getByRole('group').first()
  await expect(firstIndicator.getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(firstIndicator).toContainText(
    /Last cycle \(2021\/22 baseline\): (Met|Partly met|Not met|Not applicable)/,
  )
  await expect(page.getByText('Narrative: what has changed since the copy from 2021/22 baseline')).toBeVisible()
  await expectAccessible(page)

  const narrative = page.getByLabel('Narrative', { exact: true })
  await narrative.fill(`${await narrative.inputValue()} We now run weekly clinics on the wards.`)
  await page.getByRole('button', { name: 'Save and come back later' }).click()
  await expectBanner(page, 'Outcome 1 saved')
  await page.getByText('Narrative: what has changed since the copy from 2021/22 baseline').click()
  const changes = page.locator('.app-text-changes').first()
  await expect(changes.locator('ins')).toContainText('We now run weekly clinics on the wards.')
  await expect(page.getByRole('main')).toContainText('8 words added and 0 words taken out since it was copied')
  await expectAccessible(page)
})
