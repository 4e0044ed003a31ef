// Issue 16, item 5 (WCAG 1.4.1 and 1.4.11): the dashboard's bars are told apart by more than colour.
// Each part of a bar has its own pattern, drawn in the key, whose text names the pattern; numbers
// sit on a plain plate; and every part has 3:1 contrast with the white background and with the part
// beside it, as the browser draws them. Read-only: the national dashboard of the seeded data.
import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures'

/**
 * For every chart on the page: the colours of its key, in the order of the parts in its bars (left
 * to right), and the colours its bars are drawn in.
 */
async function chartColours(page: Page): Promise<Array<{ chart: string; key: string[]; bars: string[] }>> {
  return page.locator('.app-chart:has(.app-chart__svg)').evaluateAll((charts) =>
    charts.map((chart) => ({
      chart: chart.id,
      key: [...chart.querySelectorAll('.app-chart__key-item .app-chart__swatch > rect:first-child')]
        .map((rect) => rect.getAttribute('fill')!)
        .filter((fill) => fill.startsWith('#')),
      bars: [...chart.querySelectorAll('.app-chart__bar')].map((bar) => bar.getAttribute('fill')!),
    })),
  )
}

/** WCAG contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const channel = parseInt(hex.slice(i, i + 2), 16) / 255
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
    }) as [number, number, number]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

test('the national dashboard marks each part of its bars with a pattern named in the key, at 3:1 against its neighbours', async ({
  page,
}) => {
  await signIn(page, 'viewer@demo.nhs.uk')
  await page.goto('/dashboards/national')
  await expect(page.getByRole('heading', { level: 1, name: 'National dashboard' })).toBeVisible()
  // The 2021/22 baseline: every submission published, so every level has agreed grades.
  await page.getByLabel('Cycle', { exact: true }).selectOption({ label: '2021/22 baseline (2019 edition)' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page.getByRole('heading', { level: 2, name: /^2021\/22 baseline/ })).toBeVisible()

  const progress = page.locator('#progress')
  await expect(progress.getByRole('list', { name: 'Key to the chart' }).getByRole('listitem')).toHaveText([
    'Not started',
    'In progress or awaiting sign-off, dotted',
    'Submitted, in validation or moderation, horizontal lines',
    'Validated or published, vertical lines',
  ])
  await expect(
    page.locator('#attainment').getByRole('list', { name: 'Key to the chart' }).getByRole('listitem'),
  ).toHaveText([
    'Level 0',
    'Level 1, dotted',
    'Level 2, horizontal lines',
    'Level 3, vertical lines',
    'Level 4, grid',
    'Median level',
  ])
  await expect(page.locator('#calibration').getByRole('list', { name: 'Key to the chart' })).toContainText(
    'Rated lower than agreed (left), vertical lines',
  )

  // Every pattern a bar or a key swatch uses is defined on the page.
  const missing = await page
    .locator('[fill^="url(#"]')
    .evaluateAll((shapes) =>
      shapes
        .map((shape) => /^url\(#(.+)\)$/.exec(shape.getAttribute('fill')!)![1]!)
        .filter((id) => document.getElementById(id)?.tagName !== 'pattern'),
    )
  expect(missing).toEqual([])
  await expect(progress.locator('.app-chart__pattern').first()).toBeAttached()

  // The numbers inside the bars are drawn, each on a plate of its part's own colour where there is a pattern.
  await expect(progress.locator('.app-chart__value').first()).toHaveText(/^\d/)

  // Parts next to each other in a bar are next to each other in the key (a part with no count is
  // not drawn, and the white gap between segments then parts its two neighbours).
  const charts = await chartColours(page)
  expect(charts.map((c) => c.chart)).toEqual(expect.arrayContaining(['progress', 'attainment', 'calibration']))
  const failures = charts.flatMap(({ chart, key, bars }) => [
    ...[...key, ...bars]
      .filter((fill) => contrast(fill, '#ffffff') < 3)
      .map((fill) => `${chart}: ${fill} against white`),
    ...key.slice(1).flatMap((fill, i) => (contrast(fill, key[i]!) < 3 ? [`${chart}: ${key[i]} beside ${fill}`] : [])),
  ])
  expect(failures).toEqual([])
})
