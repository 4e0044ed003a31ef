// Administration (issue 7): the national admin copies and publishes a framework edition, imports
// organisations from CSV files (refused with row errors, then created, updated and left alone, in
// UTF-8 and Windows-1252), sets up a library service for them, creates a cycle on the new edition
// for those organisations only and opens it; invites a service lead, who accepts the invitation,
// sets a password and signs in (the link then refuses a second use); and the reminder command
// sends exactly the deadline reminders due today, once.
//
// This file runs first against the shared database, so it leaves the demo data the other journeys
// rely on alone: the new organisations (ZNEW1, ZNEW2) belong to a new library service and are the
// only ones in the new cycle, whose name does not contain "2026/27" and which opens before 2026/27
// (so 2026/27 stays the newest cycle that dashboards and reports choose by default).
import { execFile } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { simpleParser } from 'mailparser'
import { expect, expectAccessible, signIn, submitSignIn, test } from './fixtures'
import { E2E_DIR, E2E_PORT } from './paths'

const MAIL_DIR = path.join(E2E_DIR, 'mail')
const FIXTURES = path.join(E2E_DIR, 'admin-fixtures')
const ADMIN = 'admin@demo.nhs.uk'
const EDITION = { code: '2027', name: '2027 edition' }
const SERVICE = 'Gwynedd Library and Knowledge Service'
const CYCLE = 'Gwynedd pilot'
const LEAD = { email: 'gwen.pritchard@demo.nhs.uk', name: 'Gwen Pritchard', password: 'Gwynedd-Library-2026!' }

test.describe.configure({ mode: 'serial' })

/** 14 days before the new cycle's submission deadline (30 June 2027). */
const REMINDER_DAY = '2027-06-16'

async function fillDate(page: Page, id: string, date: { day: string; month: string; year: string }) {
  await page.locator(`#${id}-day`).fill(date.day)
  await page.locator(`#${id}-month`).fill(date.month)
  await page.locator(`#${id}-year`).fill(date.year)
}

async function writeFixture(name: string, content: string | Buffer): Promise<string> {
  await mkdir(FIXTURES, { recursive: true })
  const file = path.join(FIXTURES, name)
  await writeFile(file, content)
  return file
}

async function emlFiles(): Promise<string[]> {
  try {
    return (await readdir(MAIL_DIR)).filter((name) => name.endsWith('.eml')).sort()
  } catch {
    return []
  }
}

async function readMail(name: string) {
  const parsed = await simpleParser(await readFile(path.join(MAIL_DIR, name)))
  const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '')
  return { to, subject: parsed.subject ?? '', text: parsed.text ?? '' }
}

async function uploadCsv(page: Page, file: string) {
  await page.goto('/admin/organisations')
  await page.getByRole('button', { name: 'Import from a CSV file' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import organisations from a CSV file')
  await page.getByLabel('Upload a CSV file').setInputFiles(file)
  await page.getByRole('button', { name: 'Upload and check' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check the organisations to import')
}

test('an admin copies an edition and publishes it', async ({ page }) => {
  await signIn(page, ADMIN)
  await page.getByRole('link', { name: 'Admin', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration')
  await expectAccessible(page)

  await page.goto('/admin/editions')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Framework editions')
  await expectAccessible(page)
  await page.getByRole('link', { name: 'Copy Second edition (2022)' }).click()
  await expect(page).toHaveURL(/\/admin\/editions\/new\?from=2022$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Copy an edition')
  await expectAccessible(page)
  await page.getByLabel('Code').fill(EDITION.code)
  await page.getByLabel('Name', { exact: true }).fill(EDITION.name)
  await page.getByRole('button', { name: 'Create draft edition' }).click()

  await expect(page).toHaveURL(`/admin/editions/${EDITION.code}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(EDITION.name)
  await expect(page.getByText('Draft edition created')).toBeVisible()
  await expect(page.locator('.nhsuk-tag').getByText('Draft', { exact: true })).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Publish edition' }).click()
  await expect(page.getByText('Edition published')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publish edition' })).toHaveCount(0)
  await expectAccessible(page)
})

test('a CSV file with errors is refused row by row, with nothing to import', async ({ page }) => {
  const file = await writeFixture(
    'organisations-with-errors.csv',
    [
      'ODS code,Name,Type,Region',
      'ZBAD1,First Test Hospital,Acute trust,Y62',
      'ZBAD1,Second Test Hospital,Acute trust,Y62',
      'ZBAD2,Third Test Hospital,Acute trust,Atlantis',
      '',
    ].join('\r\n'),
  )
  await signIn(page, ADMIN)
  await uploadCsv(page, file)
  await expectAccessible(page)
  const summary = page.locator('.nhsuk-error-summary')
  await expect(summary).toBeVisible()
  await expect(summary.getByText('Fix the errors in the file and upload it again')).toBeVisible()
  await expect(summary).toContainText('ZBAD1')
  await expect(summary).toContainText('Atlantis')
  await expect(page.getByRole('button', { name: /^Import \d+ organisations?$/ })).toHaveCount(0)
  // Nothing was written.
  await page.goto('/admin/organisations?q=ZBAD')
  await expect(page.getByText('First Test Hospital')).toHaveCount(0)
})

test('an admin imports organisations from CSV files: created, updated and left alone, in UTF-8 and Windows-1252', async ({
  page,
}) => {
  await signIn(page, ADMIN)
  await page.goto('/admin/organisations')
  await expectAccessible(page)

  // UTF-8: two new organisations and one exactly as it is.
  const first = await writeFixture(
    'organisations.csv',
    [
      'ODS code,Name,Type,Region',
      'ZNEW1,Ysbyty Gwynedd,Acute trust,Y62',
      'ZNEW2,Gwynedd Community Health,Community trust,North West',
      'RSV,Severn Vale Hospitals NHS Trust,Acute trust,Midlands',
      '',
    ].join('\n'),
  )
  await uploadCsv(page, first)
  await expect(page.getByRole('table', { name: 'New organisations (2)' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'New organisations (2)' })).toContainText('Ysbyty Gwynedd')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Import 2 organisations' }).click()
  await expect(page).toHaveURL(/\/admin\/organisations/)
  await expect(page.getByText('2 organisations imported')).toBeVisible()

  // Windows-1252: one renamed (with accents), one unchanged.
  const second = await writeFixture(
    'organisations-windows-1252.csv',
    Buffer.from(
      [
        'ODS code,Name,Type,Region',
        'ZNEW1,Hôpital Général de Gwynedd,Acute trust,North West',
        'ZNEW2,Gwynedd Community Health,Community trust,Y62',
        '',
      ].join('\r\n'),
      'latin1',
    ),
  )
  await uploadCsv(page, second)
  const updates = page.getByRole('table', { name: 'Organisations to update (1)' })
  await expect(updates).toBeVisible()
  await expect(updates).toContainText('Hôpital Général de Gwynedd')
  await page.getByRole('button', { name: 'Import 1 organisation' }).click()
  await expect(page.getByText('1 organisation imported')).toBeVisible()
  await page.goto('/admin/organisations?q=ZNEW')
  await expect(page.getByText('Hôpital Général de Gwynedd')).toBeVisible()
  await expect(page.getByText('Gwynedd Community Health')).toBeVisible()
})

test('an admin sets up a library service for the imported organisations', async ({ page }) => {
  await signIn(page, ADMIN)
  await page.goto('/admin/services')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Add a library service' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a library service')
  await expectAccessible(page)
  await page.getByLabel('Name', { exact: true }).fill(SERVICE)
  await page.getByRole('button', { name: 'Save library service' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SERVICE)
  for (const organisation of ['Hôpital Général de Gwynedd (ZNEW1)', 'Gwynedd Community Health (ZNEW2)']) {
    await page.getByLabel('Add an organisation it serves').selectOption({ label: organisation })
    await page.getByRole('button', { name: 'Add organisation' }).click()
    await expect(page.getByText('Organisation added')).toBeVisible()
  }
  await expect(page.getByRole('table', { name: 'Organisations served now' }).getByRole('row')).toHaveCount(3)
  await expectAccessible(page)
})

test('an admin creates a cycle with the new edition for the imported organisations and opens it', async ({ page }) => {
  await signIn(page, ADMIN)
  await page.goto('/admin/cycles')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cycles')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Create a cycle' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create a cycle')
  await expectAccessible(page)

  await page.getByLabel('Name', { exact: true }).fill(CYCLE)
  await page.getByRole('radio', { name: 'Full self-evaluation and validation' }).check()
  await page.getByLabel('Framework edition').selectOption({ label: EDITION.name })
  await fillDate(page, 'evidencePeriodStart', { day: '1', month: '4', year: '2025' })
  await fillDate(page, 'evidencePeriodEnd', { day: '31', month: '3', year: '2026' })
  // Before 2026/27 opens (1 October 2026), so 2026/27 stays the newest cycle.
  await fillDate(page, 'opensAt', { day: '1', month: '9', year: '2026' })
  // A fixed deadline; the reminder command below runs as if it were 14 days before it. (No other
  // cycle's reminder falls on that day, so the test does not depend on the day it runs.)
  await fillDate(page, 'submissionDeadline', { day: '30', month: '6', year: '2027' })
  await fillDate(page, 'validationDeadline', { day: '30', month: '9', year: '2027' })
  await page.getByLabel('Minimum expected level').selectOption({ label: 'Level 2' })
  await page.getByRole('button', { name: 'Save cycle' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CYCLE)
  await expect(page.getByText(`Cycle ${CYCLE} created`)).toBeVisible()
  const cycleUrl = page.url()
  await expectAccessible(page)

  await page.getByRole('button', { name: 'Choose organisations' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisations taking part')
  await expectAccessible(page)
  await page.getByRole('radio', { name: 'Only the organisations I choose' }).check()
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck()
  await page.getByRole('checkbox', { name: 'Hôpital Général de Gwynedd (ZNEW1)' }).check()
  await page.getByRole('checkbox', { name: 'Gwynedd Community Health (ZNEW2)' }).check()
  await page.getByRole('button', { name: 'Save organisations' }).click()
  await expect(page).toHaveURL(cycleUrl)
  await expect(page.getByText('Organisations taking part saved')).toBeVisible()

  await page.getByRole('button', { name: 'Open cycle' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Open the cycle')
  await expect(page.getByText('Hôpital Général de Gwynedd')).toBeVisible()
  await expect(page.getByText('Gwynedd Community Health')).toBeVisible()
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Open cycle' }).click()
  await expect(page).toHaveURL(cycleUrl)
  await expect(page.getByText('Cycle opened')).toBeVisible()
  await expectAccessible(page)
})

test('an admin invites a service lead, who accepts the invitation, sets a password and signs in; the link works once', async ({
  page,
  browser,
}) => {
  await signIn(page, ADMIN)
  await page.goto('/admin/users')
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Invite someone' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Invite someone')
  await expectAccessible(page)
  const before = new Set(await emlFiles())
  await page.getByLabel('Email address').fill(LEAD.email)
  await page.getByLabel('Full name').fill(LEAD.name)
  await page.getByLabel('Job title (optional)').fill('Library Services Manager')
  const role1 = page.getByRole('group', { name: 'Role 1' })
  await role1.getByLabel('Role', { exact: true }).selectOption({ label: 'Service lead' })
  await role1.getByLabel('Where they hold it').selectOption({ label: SERVICE })
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${LEAD.email}`)).toBeVisible()

  // One email, to the person invited, with the link.
  const sent = (await emlFiles()).filter((name) => !before.has(name))
  expect(sent).toHaveLength(1)
  const invitation = await readMail(sent[0]!)
  expect(invitation.to).toContain(LEAD.email)
  const link = invitation.text.match(/https?:\/\/[^\s]+\/invitations\/[A-Za-z0-9_-]+/)?.[0]
  expect(link, 'the invitation link in the email').toBeTruthy()
  const invitationPath = new URL(link!).pathname

  await page.goto('/admin/mail')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Email sent')
  await expect(
    page.getByRole('table', { name: 'Email sent' }).getByRole('row').filter({ hasText: LEAD.email }),
  ).toHaveCount(1)
  await expectAccessible(page)

  // The invited person, in a browser of their own.
  const context = await browser.newContext({ baseURL: `http://localhost:${E2E_PORT}` })
  const lead = await context.newPage()
  await lead.goto(invitationPath)
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText('Set up your account')
  await expectAccessible(lead)
  await lead.getByLabel('Create a password').fill(LEAD.password)
  await lead.getByLabel('Confirm your password').fill(LEAD.password)
  await lead.getByRole('button', { name: 'Set password and continue' }).click()
  await expect(lead).toHaveURL(`http://localhost:${E2E_PORT}/`)
  await expect(lead.getByText('Your account is set up')).toBeVisible()
  await expect(lead.getByText('Hôpital Général de Gwynedd').first()).toBeVisible()
  // The pointer rests where the button was, over a link whose hover style axe would judge.
  await lead.mouse.move(0, 0)
  await expectAccessible(lead)

  // Used once: the link now says so.
  await lead.goto(invitationPath)
  await expect(lead.getByRole('heading', { level: 1 })).toHaveText(
    'This invitation link has already been used or is not valid',
  )
  await expectAccessible(lead)
  await context.close()

  // They sign in with the password they chose.
  await page.context().clearCookies()
  await submitSignIn(page, LEAD.email, LEAD.password)
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
  await expect(page.getByText(LEAD.name).first()).toBeVisible()
})

test('the reminder command sends the 14-day reminders due that day exactly once', async () => {
  const run = () =>
    promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['scripts/send-reminders.ts', '--today', REMINDER_DAY], {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: `file:${path.join(E2E_DIR, 'portal.db')}`,
        UPLOAD_DIR: path.join(E2E_DIR, 'uploads'),
        MAIL_DIR,
        APP_ORIGIN: `http://localhost:${E2E_PORT}`,
        SMTP_URL: '',
      },
    })
  const before = new Set(await emlFiles())
  const first = await run()
  expect(first.stdout).toContain(`${CYCLE}: deadline in 14 days, 2 submissions not yet submitted`)
  expect(first.stdout).toContain('Sent 2; already sent earlier 0; nobody to send to 0; failed 0.')
  const afterFirst = await emlFiles()
  const sent = afterFirst.filter((name) => !before.has(name))
  // The same run also tells regional leads of validations past their due date on that day.
  const messages = (await Promise.all(sent.map(readMail))).filter((m) => !m.subject.startsWith('Validation overdue:'))
  expect(messages).toHaveLength(2)
  for (const message of messages) expect(message.to).toContain(LEAD.email)
  const text = messages.map((m) => `${m.subject}\n${m.text}`).join('\n')
  expect(text).toContain('Hôpital Général de Gwynedd')
  expect(text).toContain('Gwynedd Community Health')

  // Run again the same day: nothing more.
  const again = await run()
  expect(again.stdout).toContain('Sent 0; already sent earlier 2; nobody to send to 0; failed 0.')
  expect(again.stdout).toMatch(/Regional leads told 0; already told earlier \d+|No validation is past its due date\./)
  expect((await emlFiles()).length).toBe(afterFirst.length)
})

test('the admin sees the reminders and the audit log', async ({ page }) => {
  await signIn(page, ADMIN)
  await page.goto('/admin/mail')
  await expect(
    page.getByRole('table', { name: 'Email sent' }).getByRole('row').filter({ hasText: LEAD.email }),
  ).toHaveCount(3)
  await expectAccessible(page)
  await page.goto('/admin/audit')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log')
  await expectAccessible(page)
})
