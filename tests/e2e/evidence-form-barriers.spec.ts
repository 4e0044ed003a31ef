import { libraryServiceId } from './db'
import { expect, signIn, test } from './fixtures'

test.describe('the Add evidence form without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('says to select the file again after an error, and never offers autofill for the web link', async ({ page }) => {
    await signIn(page, 'lead@demo.nhs.uk')
    await page.goto(`/services/${await libraryServiceId('Ribble Valley Library and Knowledge Service')}/evidence/new`)
    // WCAG 1.3.5: the web link is a document's address, not the person's own home page.
    await expect(page.getByRole('textbox', { name: 'Web link' })).toHaveAttribute('autocomplete', 'off')

    // A file is chosen but the title is missing: the page comes back without the file.
    await page.getByLabel('Upload files').setInputFiles({
      name: 'annual-report.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Annual report of the library service'),
    })
    await page.getByRole('button', { name: 'Add evidence' }).click()
    const summary = page.getByRole('alert')
    await expect(summary).toContainText('There is a problem')
    await expect(summary.getByRole('link', { name: /select them again/ })).toHaveAttribute('href', '#files')
    await expect(page.locator('#files-error')).toContainText('select them again')
  })
})
