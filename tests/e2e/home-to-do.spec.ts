// The home page as a to-do list (issue 15): each person starts from what they must do next.
import { expect, expectAccessible, signIn, test } from './fixtures'

const MENTAL_HEALTH = 'Ribble Valley Mental Health NHS Foundation Trust'

test('the service lead sees each submission with its deadline, progress and next step, and continues from it', async ({
  page,
}) => {
  await signIn(page, 'lead@demo.nhs.uk')
  const card = page.getByRole('region', { name: `${MENTAL_HEALTH}, 2026/27` })
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(MENTAL_HEALTH)
  await expect(card).toContainText('Cycle2026/27')
  await expect(card).toContainText(/Due 29 January 2027, in \d+ days/)
  await expect(card).toContainText(/\d of 8 sections completed/)
  // The baseline result whose required actions are not yet planned.
  await expect(
    page
      .getByRole('region', { name: 'Ribble Valley Teaching Hospitals NHS Foundation Trust, 2021/22 baseline' })
      .getByRole('button', { name: /^(Update your development plan|Read your result) for / }),
  ).toBeVisible()
  // Past cycles: the Mental Health trust's baseline was sent late.
  const past = page.getByRole('table', { name: 'Earlier submissions by Ribble Valley Library and Knowledge Service' })
  await expect(past.getByRole('row').filter({ hasText: MENTAL_HEALTH })).toContainText('after the deadline')
  await expect(past.getByRole('row').filter({ hasText: MENTAL_HEALTH }).locator('.nhsuk-tag--red')).toHaveText('Late')
  await expectAccessible(page)

  const progress = (await card.getByText(/of 8 sections completed/).textContent())!
  await card.getByRole('button', { name: `Continue for ${MENTAL_HEALTH}, 2026/27` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MENTAL_HEALTH)
  await expect(page.getByRole('main').getByText(progress, { exact: true })).toBeVisible()
  await expect(page.getByRole('main')).toContainText(/Submission deadlineDue 29 January 2027, in \d+ days/)
  await expectAccessible(page)
})

test('someone who only validates sees their queue on the home page, open work before completed work', async ({
  page,
}) => {
  await signIn(page, 'owen.griffiths@demo.nhs.uk')
  const queue = page.getByRole('region', { name: 'Your validation queue' })
  await expect(queue).toContainText(/\d+ submissions? to validate(, \d+ overdue)?\. You have completed \d+\./)
  await expect(
    queue.getByRole('table', { name: 'Submissions assigned to you' }).getByRole('link', {
      name: 'Severn Vale Hospitals NHS Trust',
    }),
  ).toBeVisible()
  await expect(page.getByRole('main')).not.toContainText('Your account has no roles yet')
  await expectAccessible(page)

  await queue.getByRole('link', { name: /See your whole validation queue/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your validation queue')
  await expect(page.getByRole('heading', { level: 2, name: /^To validate \(\d+\)$/ })).toBeVisible()
  const completed = page.getByRole('table', { name: 'Validations you have completed' })
  await expect(completed.getByRole('link', { name: 'Pendle Moor Hospitals NHS Trust' })).toBeVisible()
  await expect(
    page.getByRole('table', { name: 'Submissions assigned to you' }).getByRole('link', {
      name: 'Pendle Moor Hospitals NHS Trust',
    }),
  ).toHaveCount(0)
  await expectAccessible(page)
})

test('a validator with nothing left to do is told so on the home page', async ({ page }) => {
  await signIn(page, 'fiona.campbell@demo.nhs.uk')
  const queue = page.getByRole('region', { name: 'Your validation queue' })
  await expect(queue).toContainText('Nothing to validate at the moment.')
  await expect(queue).toContainText('When a regional lead assigns you a submission to validate')
  await expectAccessible(page)
})
