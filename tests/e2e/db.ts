// Look-ups in the browser tests' database, to find the ids a person would click through to, and
// the few changes a test makes the way the world outside the browser would.
import { createClient } from '@libsql/client'
import { E2E_DATABASE_FILE } from './paths'

/** The first column of the first row, which must be text. */
export async function one(sql: string, args: string[]): Promise<string> {
  const client = createClient({ url: `file:${E2E_DATABASE_FILE}` })
  try {
    const { rows } = await client.execute({ sql, args })
    const value = rows[0]?.[0]
    if (typeof value !== 'string') throw new Error(`No row for ${sql} with ${args.join(', ')}`)
    return value
  } finally {
    client.close()
  }
}

export const submissionId = (reference: string) => one('SELECT id FROM Submission WHERE reference = ?', [reference])
export const organisationId = (odsCode: string) => one('SELECT id FROM Organisation WHERE odsCode = ?', [odsCode])
export const regionId = (name: string) => one('SELECT id FROM Region WHERE name = ?', [name])
export const libraryServiceId = (name: string) => one('SELECT id FROM LibraryService WHERE name = ?', [name])

/** The first 2021/22 baseline submission of a library service whose published result has a required action. */
export const baselineWithRequiredActions = (libraryServiceName: string) =>
  one(
    `SELECT s.reference FROM Submission s JOIN LibraryService l ON l.id = s.libraryServiceId
     WHERE s.reference LIKE 'LKS-2122-%' AND s.status = 'PUBLISHED' AND l.name = ?
       AND EXISTS (SELECT 1 FROM RequiredAction r JOIN AgreedResult a ON a.id = r.agreedResultId WHERE a.submissionId = s.id)
     ORDER BY s.reference LIMIT 1`,
    [libraryServiceName],
  )

/**
 * Changes the browser tests' database as something outside the browser would: another server
 * process, the clock passing, or an administrator. Never a route of the app made for tests.
 */
export async function run(sql: string, args: Array<string | number | null>): Promise<number> {
  const client = createClient({ url: `file:${E2E_DATABASE_FILE}` })
  try {
    const result = await client.execute({ sql, args })
    return result.rowsAffected
  } finally {
    client.close()
  }
}

export const SEVERN_AND_ARDEN_LEAD = 'anna.bright@demo.nhs.uk'

/**
 * A contributor of Severn and Arden, made here as an administrator would (same password as the
 * demo people), so no other spec's people are signed in or out by this one.
 */
export async function contributorOfSevernAndArden(): Promise<string> {
  const email = 'second.editor.severn@demo.nhs.uk'
  await run(
    `INSERT OR IGNORE INTO User (id, email, name, jobTitle, passwordHash, active, failedSignInCount, passwordChangedAt, createdAt, updatedAt)
     SELECT 'e2e-second-severn-editor', ?, 'Sam Severn', 'Library assistant', passwordHash, 1, 0, passwordChangedAt, createdAt, updatedAt
     FROM User WHERE email = ?`,
    [email, SEVERN_AND_ARDEN_LEAD],
  )
  await run(
    `INSERT OR IGNORE INTO RoleAssignment (id, userId, role, libraryServiceId, createdAt)
     SELECT 'e2e-second-severn-editor-role', 'e2e-second-severn-editor', 'SERVICE_CONTRIBUTOR', r.libraryServiceId, r.createdAt
     FROM RoleAssignment r JOIN User u ON u.id = r.userId WHERE u.email = ? AND r.role = 'SERVICE_LEAD'`,
    [SEVERN_AND_ARDEN_LEAD],
  )
  return email
}
