import type { Page } from '@playwright/test'
import { one, submissionId } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

// WCAG 1.3.1: a fieldset is a group of related fields with a legend that names it. The outcome page,
// pen portrait and validator's outcome page used to wrap the whole form in one with no legend.

/** Fieldsets whose first child is not a legend with text. */
async function fieldsetsWithoutLegend(page: Page) {
  return page.locator('main fieldset').evaluateAll((sets) =>
    sets
      .filter((set) => {
        const first = set.firstElementChild
        return !(first instanceof HTMLLegendElement) || first.textContent!.trim() === ''
      })
      .map((set) => set.outerHTML.slice(0, 120)),
  )
}

const assignmentOf = (email: string, reference: string) =>
  one(
    `SELECT a.id FROM ValidatorAssignment a JOIN User u ON u.id = a.validatorId JOIN Submission s ON s.id = a.submissionId
     WHERE u.email = ? AND s.reference = ?`,
    [email, reference],
  )

for (const { state, reference } of [
  { state: 'editable', reference: 'LKS-2627-RXV' },
  { state: 'submitted', reference: 'LKS-2627-RYV' },
]) {
  test(`the ${state} outcome page and pen portrait group only real groups, each with a legend`, async ({ page }) => {
    await signIn(page, 'lead@demo.nhs.uk')
    const id = await submissionId(reference)
    await page.goto(`/submissions/${id}/pen-portrait`)
    await expect(page.locator('main fieldset').first()).toBeAttached()
    expect(await fieldsetsWithoutLegend(page)).toEqual([])
    await expectAccessible(page)

    await page.goto(`/submissions/${id}/outcomes/1`)
    await expect(page.locator('main fieldset').first()).toBeAttached()
    expect(await fieldsetsWithoutLegend(page)).toEqual([])
    await expectAccessible(page)
    // A submitted outcome stays read-only: every field is disabled, as the whole-form fieldset made it.
    const narrative = page.getByRole('textbox', { name: 'Narrative' })
    const firstLevel = page.getByRole('group', { name: 'Self-assessed level' }).getByRole('radio').first()
    if (state === 'submitted') {
      await expect(narrative).toBeDisabled()
      await expect(firstLevel).toBeDisabled()
    } else {
      await expect(narrative).toBeEditable()
      await expect(firstLevel).toBeEnabled()
    }
  })
}

test('the validator’s outcome page groups only real groups, each with a legend', async ({ page }) => {
  await signIn(page, 'validator@demo.nhs.uk')
  await page.goto(`/validation/assignments/${await assignmentOf('validator@demo.nhs.uk', 'LKS-2627-RTH')}/outcomes/1`)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('main fieldset').first()).toBeAttached()
  expect(await fieldsetsWithoutLegend(page)).toEqual([])
  await expectAccessible(page)
})
