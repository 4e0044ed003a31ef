// Framework refresh readiness (issue 18, item 7): a national admin maps the 2019 edition's outcomes
// onto the Second edition (2022) from the edition's admin page, with JavaScript (the browser checks
// the form) and without it (the server does, with the same messages).
import { expect, expectAccessible, signIn, test } from './fixtures'

const group = (page: import('@playwright/test').Page, n: number) =>
  page.getByRole('group', { name: new RegExp(`^Outcome ${n} of the 2019 edition`) })

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript })

    test('an admin maps the outcomes of the 2019 edition onto the 2022 edition', async ({ page }) => {
      await signIn(page, 'admin@demo.nhs.uk')
      await page.goto('/admin/editions/2022')
      await page.getByRole('link', { name: 'Map outcomes from an earlier edition' }).click()
      await expect(page).toHaveURL('/admin/editions/2022/mapping')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outcome mapping')
      const table = page.getByRole('table', { name: 'How the 2019 edition reads in the Second edition (2022)' })
      await expect(table).toBeVisible()
      if (javaScript) await expectAccessible(page) // axe runs in the page, so needs its JavaScript

      // Leaving an outcome with nothing selected is refused, with the message at the field.
      for (const box of await group(page, 4).getByRole('checkbox').all()) await box.uncheck()
      await page.getByRole('button', { name: 'Save mapping' }).click()
      const summary = page.locator('.nhsuk-error-summary')
      await expect(summary).toContainText('Select the outcome that outcome 4 becomes')
      await expect(group(page, 4)).toContainText('Error: Select the outcome that outcome 4 becomes')
      if (javaScript) await expectAccessible(page)

      // Outcome 1 split across outcomes 1 and 2 of the 2022 edition; outcome 4 stays outcome 4.
      await group(page, 4)
        .getByRole('checkbox', { name: /^Outcome 4:/ })
        .check()
      await group(page, 1)
        .getByRole('checkbox', { name: /^Outcome 2:/ })
        .check()
      await page.getByRole('button', { name: 'Save mapping' }).click()
      await expect(
        page.getByText(javaScript ? 'Outcome mapping saved' : /Outcome mapping saved|Nothing to save/),
      ).toBeVisible()
      await expect(page.getByText('A mapping from the 2019 edition is recorded.')).toBeVisible()
      await expect(table.getByRole('row').nth(1)).toContainText(/Outcome 1: .*; Outcome 2: /)
      await expect(group(page, 1).getByRole('checkbox', { name: /^Outcome 2:/ })).toBeChecked()
    })
  })
}
