import { expect, expectAccessible, signIn, test } from './fixtures'
import { organisationId, regionId, submissionId } from './db'

test.describe('a changed id in a URL reveals nothing', () => {
  test('a service lead can open their own submission but not another service’s', async ({ page }) => {
    await signIn(page, 'lead@demo.nhs.uk')
    const own = await page.goto(`/submissions/${await submissionId('LKS-2627-RXV')}`)
    expect(own?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Ribble Valley Teaching Hospitals NHS Foundation Trust',
    )
    await expectAccessible(page)

    const other = await page.goto(`/submissions/${await submissionId('LKS-2627-RTH')}`)
    expect(other?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await expect(page.getByRole('main')).not.toContainText('Thameside')
    await expectAccessible(page)

    const missing = await page.goto('/submissions/not-a-real-id')
    expect(missing?.status()).toBe(404)
    const organisation = await page.goto(`/organisations/${await organisationId('RTH')}`)
    expect(organisation?.status()).toBe(404)
    const region = await page.goto(`/regions/${await regionId('North West')}`)
    expect(region?.status()).toBe(404)
  })

  test('a sponsor sees their organisation only', async ({ page }) => {
    await signIn(page, 'sponsor@demo.nhs.uk')
    expect((await page.goto(`/organisations/${await organisationId('RXV')}`))?.status()).toBe(200)
    await expectAccessible(page)
    expect((await page.goto(`/organisations/${await organisationId('RYV')}`))?.status()).toBe(404)
    expect((await page.goto(`/submissions/${await submissionId('LKS-2627-RYV')}`))?.status()).toBe(404)
  })

  test('a validator sees the submissions assigned to them only', async ({ page }) => {
    await signIn(page, 'validator@demo.nhs.uk')
    expect((await page.goto(`/submissions/${await submissionId('LKS-2627-RTH')}`))?.status()).toBe(200)
    await expect(page.getByRole('main')).toContainText('In validation')
    await expectAccessible(page)
    expect((await page.goto(`/submissions/${await submissionId('LKS-2627-RKQ')}`))?.status()).toBe(404)
  })

  test('a regional lead sees their region only', async ({ page }) => {
    await signIn(page, 'regional.lead@demo.nhs.uk')
    expect((await page.goto(`/regions/${await regionId('North West')}`))?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('North West')
    await expectAccessible(page)
    expect((await page.goto(`/regions/${await regionId('London')}`))?.status()).toBe(404)
    expect((await page.goto(`/submissions/${await submissionId('LKS-2627-RSV')}`))?.status()).toBe(404)
  })

  test('the national viewer reaches every region, cycle and published result', async ({ page }) => {
    await signIn(page, 'viewer@demo.nhs.uk')
    await page.getByRole('link', { name: 'London' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('London')
    await expectAccessible(page)
    await page.goto('/')
    await page.getByRole('link', { name: '2021/22 baseline' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('2021/22 baseline')
    await expectAccessible(page)
    await page.getByRole('link', { name: 'Tamar and Moor NHS Foundation Trust' }).click()
    await expect(page.getByRole('columnheader', { name: 'Agreed grade' })).toBeVisible()
    await expectAccessible(page)
  })
})

test('an account without a role is told it has none, and is refused pages that need one', async ({ page }) => {
  await signIn(page, 'noroles.test@demo.nhs.uk')
  await expect(page.getByRole('main')).toContainText('Your account has no roles yet')
  const response = await page.goto('/framework')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have permission to view this page')
  await expectAccessible(page)
})

test('a signed-out visitor is sent to sign in', async ({ page }) => {
  await page.goto(`/submissions/${await submissionId('LKS-2627-RXV')}`)
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fsubmissions%2F/)
})

test.describe('security defaults', () => {
  test('pages carry an enforced content security policy with a fresh nonce, and the usual headers', async ({
    request,
  }) => {
    const first = await request.get('/sign-in')
    const second = await request.get('/sign-in')
    const csp = first.headers()['content-security-policy'] ?? ''
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toEqual(second.headers()['content-security-policy'])
    expect(first.headers()['x-content-type-options']).toBe('nosniff')
    expect(first.headers()['referrer-policy']).toBe('same-origin')
    expect(first.headers()['x-powered-by']).toBeUndefined()
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!
    expect(await first.text()).toContain(`nonce="${nonce}"`)
  })

  test('a form posted from another site is refused', async ({ request }) => {
    const response = await request.post('/sign-in', {
      headers: { Origin: 'https://evil.example' },
      form: { email: 'lead@demo.nhs.uk', password: 'anything' },
    })
    expect(response.status()).toBe(403)
  })

  test('the healthcheck queries the database', async ({ request }) => {
    const response = await request.get('/healthcheck')
    expect(response.status()).toBe(200)
    expect(await response.text()).toBe('OK')
  })

  test('an unknown page is an NHS-style 404', async ({ page }) => {
    const response = await page.goto('/no-such-page')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await expectAccessible(page)
  })
})
