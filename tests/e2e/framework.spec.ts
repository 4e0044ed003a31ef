import { expect, expectAccessible, signIn, test } from './fixtures'

test('every signed-in user can read the framework: editions, outcomes, levels, indicators and suggested evidence', async ({
  page,
}) => {
  await signIn(page, 'contributor@demo.nhs.uk')
  await page.getByRole('link', { name: 'Framework' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quality and improvement outcomes framework')
  await expect(page.getByRole('heading', { name: /Second edition \(2022\)/ })).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: '2019 edition' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('2019 edition')
  await expectAccessible(page)

  await page.getByRole('link', { name: /Outcome 2:/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Outcome 2')
  await expect(
    page.getByText(
      'All NHS decision making is underpinned by high quality evidence and knowledge mobilised by skilled library and knowledge specialists',
    ),
  ).toBeVisible()
  for (const level of [1, 2, 3, 4])
    await expect(page.getByRole('heading', { level: 3, name: `Level ${level}` })).toBeVisible()
  await expect(page.getByText('2.1.1', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Suggested evidence' })).toBeVisible()
  await expectAccessible(page)
})
