// Admin-editable contact details (issue 16, item 9): a national admin changes them at
// /admin/contact-details (linked from the admin area) and the accessibility statement and every
// page's footer show the new details at once, with and without JavaScript; axe finds nothing on
// each page (axe needs JavaScript, so it runs in the test with it, as in nothing-lost.spec.ts).
// Each test puts the old details back, which content.spec.ts expects (lks.quality@example.nhs.uk).
import type { Page } from '@playwright/test'
import { expect, expectAccessible, signIn, test } from './fixtures'
import { run } from './db'

const OLD = {
  team: 'the national Knowledge for Healthcare team',
  email: 'lks.quality@example.nhs.uk',
  responseDays: '5',
}

async function fillDetails(page: Page, details: { team: string; email: string; phone?: string; responseDays: string }) {
  await page.getByLabel('Team').fill(details.team)
  await page.getByLabel('Email address', { exact: true }).fill(details.email)
  await page.getByLabel('Phone number (optional)').fill(details.phone ?? '')
  await page.getByLabel('Security email address (optional)').fill('')
  await page.getByLabel('Working days to reply').fill(details.responseDays)
  await page.getByRole('button', { name: 'Save contact details' }).click()
}

async function changeAndSee(
  page: Page,
  details: { team: string; email: string; phone: string; responseDays: string },
  { javaScript }: { javaScript: boolean },
) {
  // A long journey (sign-in, two saves, five axe runs) on a shared machine.
  test.slow()
  await signIn(page, 'admin@demo.nhs.uk')
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Contact details' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact details')
  await expect(page.getByLabel('Email address', { exact: true })).toHaveValue(OLD.email)
  if (javaScript) await expectAccessible(page)

  // A mistake is shown in the error summary and the title, and nothing changes.
  await fillDetails(page, { ...details, email: 'not an email', responseDays: '40' })
  await expect(page).toHaveTitle(/^Error: Contact details/)
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Enter an email address in the correct format')
  await expect(summary).toContainText('Enter a number of working days of 30 or fewer')
  if (javaScript) await expectAccessible(page)

  await fillDetails(page, details)
  await expect(page.getByText('Contact details saved')).toBeVisible()
  if (javaScript) await expectAccessible(page)

  await page.goto('/accessibility')
  const main = page.getByRole('main')
  await expect(main).toContainText(`contact ${details.team}`)
  await expect(main.getByRole('link', { name: details.email }).first()).toBeVisible()
  await expect(main).toContainText(`call ${details.phone}`)
  await expect(main).toContainText(`in ${details.responseDays} working days`)
  await expect(main.getByRole('link', { name: OLD.email })).toHaveCount(0)
  const footer = page.getByRole('contentinfo')
  await expect(footer).toContainText(`contact ${details.team} at ${details.email}`)
  await expect(footer.getByRole('link', { name: details.email })).toHaveAttribute('href', `mailto:${details.email}`)
  if (javaScript) await expectAccessible(page)

  // Put the old details back.
  await page.goto('/admin/contact-details')
  await fillDetails(page, OLD)
  await expect(page.getByText('Contact details saved')).toBeVisible()
  await expect(page.getByRole('contentinfo')).toContainText(`contact ${OLD.team} at ${OLD.email}`)
}

// Should a test stop half-way, the installation's settings (the old details) apply again.
test.afterAll(async () => {
  await run('DELETE FROM ContactSettings', [])
})

test('an admin changes the contact details and the statement and footer show them', async ({ page }) => {
  await changeAndSee(
    page,
    {
      team: 'the LKS quality support team',
      email: 'quality.support@example.nhs.uk',
      phone: '0113 496 0123',
      responseDays: '7',
    },
    { javaScript: true },
  )
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('an admin changes the contact details and the statement and footer show them', async ({ page }) => {
    await changeAndSee(
      page,
      {
        team: 'the portal help desk',
        email: 'portal.help@example.nhs.uk',
        phone: '0113 496 0456',
        responseDays: '3',
      },
      { javaScript: false },
    )
  })
})
