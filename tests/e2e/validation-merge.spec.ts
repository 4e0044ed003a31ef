// Every field of a validator's judgement under the version check (issue 14, item 2): the same
// validator has one outcome open in three tabs. A change made in one tab only is merged with what
// another tab saved, without a question; a field changed in two tabs is asked about, with both
// versions, and can be kept, taken or merged. Thameside's submission (LKS-2627-RTH) is in
// validation; outcomes 5 and 6 of its primary validator's judgement are used by no other spec.
import type { Page } from '@playwright/test'
import { one } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

const VALIDATOR = 'validator@demo.nhs.uk'

const assignmentOf = (email: string, reference: string) =>
  one(
    `SELECT a.id FROM ValidatorAssignment a JOIN User u ON u.id = a.validatorId JOIN Submission s ON s.id = a.submissionId
     WHERE u.email = ? AND s.reference = ?`,
    [email, reference],
  )

async function save(page: Page, number: number) {
  await page.getByRole('button', { name: 'Save your judgement' }).click()
  await expect(
    page
      .locator('.nhsuk-notification-banner')
      .getByText(`Your judgement of outcome ${number} is saved`, { exact: true }),
  ).toBeVisible()
}

const firstJudgement = (page: Page) => page.getByRole('group', { name: /^Your judgement of / }).first()

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript })

    test('one outcome saved in three tabs keeps each tab’s changes, and asks about the field two of them changed', async ({
      page,
      context,
    }) => {
      const number = javaScript ? 5 : 6
      const path = `/validation/assignments/${await assignmentOf(VALIDATOR, 'LKS-2627-RTH')}/outcomes/${number}`
      await signIn(page, VALIDATOR)
      const second = await context.newPage()
      const third = await context.newPage()
      for (const tab of [page, second, third]) await tab.goto(path)

      // The first tab: the rationale and the first indicator's judgement.
      await page.getByLabel('Rationale for your grade').fill('The first tab’s rationale.')
      await firstJudgement(page).getByLabel('Met', { exact: true }).check()
      await save(page, number)

      // The second tab, loaded before that save, changes the notes only: saved without a question.
      await second.getByLabel('Notes (optional)').fill('The second tab’s notes.')
      await save(second, number)
      await second.goto(path)
      await expect(second.getByLabel('Rationale for your grade')).toHaveValue('The first tab’s rationale.')
      await expect(second.getByLabel('Notes (optional)')).toHaveValue('The second tab’s notes.')
      await expect(firstJudgement(second).getByLabel('Met', { exact: true })).toBeChecked()

      // The third tab, loaded before both, changes the rationale too: that field is asked about.
      await third.getByLabel('Rationale for your grade').fill('The third tab’s rationale.')
      await third.getByRole('button', { name: 'Save your judgement' }).click()
      await expect(third.getByRole('heading', { name: 'You saved this outcome in another window' })).toBeVisible()
      const rationale = third.getByRole('group', { name: /^Rationale for your grade: changed by you/ })
      await expect(rationale).toContainText('The first tab’s rationale.')
      await expect(rationale).toContainText('The third tab’s rationale.')
      // What only the other tabs changed is already in the form.
      await expect(third.getByLabel('Notes (optional)')).toHaveValue('The second tab’s notes.')
      await expect(firstJudgement(third).getByLabel('Met', { exact: true })).toBeChecked()
      if (javaScript) await expectAccessible(third)

      // Without a choice it stays asked about.
      await third.getByRole('button', { name: 'Save your judgement' }).click()
      await expect(
        third.getByRole('alert').getByRole('link', { name: 'Choose which rationale for your grade to save' }),
      ).toBeVisible()

      // A merged version typed in the box is saved, with the other tabs' changes.
      const merged = 'The first tab’s rationale. The third tab’s rationale.'
      await third
        .getByRole('group', { name: /^Rationale for your grade: changed by you/ })
        .getByRole('textbox')
        .fill(merged)
      if (!javaScript) await third.getByLabel('Save the version in the box below (edit it to merge the two)').check()
      await save(third, number)
      await third.goto(path)
      await expect(third.getByLabel('Rationale for your grade')).toHaveValue(merged)
      await expect(third.getByLabel('Notes (optional)')).toHaveValue('The second tab’s notes.')
      await expect(firstJudgement(third).getByLabel('Met', { exact: true })).toBeChecked()
    })
  })
}
