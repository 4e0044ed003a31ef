// A published result reopened by the regional lead (issue 15, item 16): the service is told it is
// being reviewed again, and why, instead of "Page not found"; publishing it again restores it.
import { submissionId } from './db'
import { expect, expectAccessible, signIn, test } from './fixtures'

const REASON = 'A strength of outcome 2 names the wrong team (reopened-result spec)'

test('the service reads that its reopened result is being reviewed again, with the reason', async ({ browser }) => {
  test.setTimeout(180_000)
  const id = await submissionId('LKS-2122-RKQ')
  const leadContext = await browser.newContext()
  const lead = await leadContext.newPage()
  const serviceContext = await browser.newContext()
  const service = await serviceContext.newPage()

  await signIn(lead, 'rachel.osei@demo.nhs.uk')
  await lead.goto(`/submissions/${id}/agreement`)
  await lead.getByLabel('Why are you reopening it?').fill(REASON)
  await lead.getByRole('button', { name: 'Reopen the result' }).click()
  await expect(lead.getByRole('button', { name: 'Publish the result' })).toBeVisible()

  await signIn(service, 'mark.lewis@demo.nhs.uk')
  const response = await service.goto(`/submissions/${id}/result`)
  expect(response?.status()).toBe(200)
  await expect(service.getByRole('heading', { level: 1 })).toHaveText('This result is being reviewed again')
  await expect(service.getByRole('main')).toContainText(`Reason given: ${REASON}`)
  await expectAccessible(service)

  // Published again, the result is back.
  await lead.getByRole('button', { name: 'Publish the result' }).click()
  await service.goto(`/submissions/${id}/result`)
  await expect(service.getByRole('heading', { level: 1 })).toHaveText('Validated result')
  await leadContext.close()
  await serviceContext.close()
})
