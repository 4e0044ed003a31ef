// Issue 15, item 10: evidence at its pointer. A link's "page 2" opens the PDF's preview at page 2
// (the browser's PDF viewer reads #page=2); a pointer that names no page is shown as written.
// The demo service's seeded evidence: the strategy PDF is linked at "page 2", the service level
// agreement (Word) at "section 3".
import type { Page } from '@playwright/test'
import { libraryServiceId } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

const RIBBLE = 'Ribble Valley Library and Knowledge Service'

async function openItem(page: Page, title: string) {
  await page.goto(`/services/${await libraryServiceId(RIBBLE)}/evidence`)
  await page.getByRole('link', { name: title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  return page.getByRole('table', { name: 'Where this evidence is used' })
}

test('a page pointer opens the PDF preview at that page; any other pointer is shown as written', async ({ page }) => {
  await signIn(page, 'lead@demo.nhs.uk')
  const used = await openItem(page, 'LKS strategy 2021 to 2024')
  const pointer = used.getByRole('link', { name: /^page 2 of lks-strategy-2021-2024\.pdf/ }).first()
  await expect(pointer).toBeVisible()
  const href = await pointer.getAttribute('href')
  expect(href).toMatch(/^\/evidence\/files\/[^/#]+\/preview#page=2$/)
  // The address without its fragment is the PDF itself, shown inline.
  const preview = await page.request.get(href!.replace(/#.*$/, ''))
  expect(preview.status()).toBe(200)
  expect(preview.headers()['content-type']).toBe('application/pdf')
  expect(preview.headers()['content-disposition']).toMatch(/^inline/)
  await expectAccessible(page)

  const agreement = await openItem(page, 'Service level agreement with Ribble Valley Teaching Hospitals')
  await expect(agreement.getByRole('cell', { name: 'section 3' }).first()).toBeVisible()
  await expect(agreement.getByRole('link', { name: /section 3/ })).toHaveCount(0)
})
