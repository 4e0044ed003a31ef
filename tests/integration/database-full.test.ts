// A full database (issue 13, item 5): a save that cannot be stored because the database is out of
// space gives the person a clear message with everything they typed, stores nothing half-way, and
// writes an alert to the log. The database is made full for real: DATABASE_MAX_SIZE_MB caps the file
// (SQLite's max_page_count), and the test fills it to the cap with a table of its own, so the next
// save fails inside SQLite with SQLITE_FULL, as it would on a full disk.
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  // Above the demo database's size, so signing in works until the test fills it.
  process.env.DATABASE_MAX_SIZE_MB = '48'
})

import { action as outcomeAction } from '~/routes/submissions.$submissionId.outcomes.$number._index'
import { action as autosaveAction } from '~/routes/submissions.$submissionId.outcomes.$number.autosave'
import { action as penPortraitAction } from '~/routes/submissions.$submissionId.pen-portrait'
import { isOutOfSpace } from '~/utils/out-of-space.server'
import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { useDemoData } from '../setup/demo-data'
import { cookieFor, post, runAction } from './evidence-helpers'

const REFERENCE = 'LKS-2627-RXV'
let cookie: string
let submissionId: string

beforeAll(async () => {
  await useDemoData()
  cookie = await cookieFor('lead@demo.nhs.uk')
  submissionId = (await prisma.submission.findUniqueOrThrow({ where: { reference: REFERENCE } })).id
  await prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS test_ballast (bytes BLOB)')
})

/** Fills the database to its cap: rows of shrinking size until not even a small one fits. */
async function fillDatabase(): Promise<void> {
  for (const size of [1024 * 1024, 64 * 1024, 4096, 256]) {
    for (;;) {
      try {
        await prisma.$executeRawUnsafe(`INSERT INTO test_ballast (bytes) VALUES (randomblob(${size}))`)
      } catch (error) {
        expect(isOutOfSpace(error), String(error)).toBe(true)
        break
      }
    }
  }
}

async function freeDatabase(): Promise<void> {
  await prisma.$executeRawUnsafe('DELETE FROM test_ballast')
}

async function outcome(number: number) {
  const response = await prisma.outcomeResponse.findFirst({
    where: { submissionId, outcome: { number } },
    select: { version: true, narrative: true, keyStrengths: true },
  })
  return response ?? { version: 0, narrative: '', keyStrengths: '' }
}

// A narrative of about 3,000 words: far more than the pages left free once the database is full.
const longNarrative = (label: string) =>
  Array.from({ length: 300 }, (_, i) => `${label} paragraph ${i}: outreach to ward teams and clinical searches.`).join(
    '\n\n',
  )

const MESSAGE =
  /^Your changes could not be saved because the portal is out of storage space\. What you typed has been kept on this page\. Try again later, or contact .+@.+$/

describe('a save when the database is full', () => {
  it('keeps what was typed on the outcome page, says why, stores nothing and raises an alert; it saves once there is room', async () => {
    const before = await outcome(2)
    const narrative = longNarrative('Full disk')
    const form = () => {
      const body = new URLSearchParams()
      body.append('intent', 'save')
      body.append('version', String(before.version))
      body.append('narrative', narrative)
      body.append('keyStrengths', 'Strong outreach to ward teams')
      body.append('selfGradeReason', '')
      body.append('saveKey', crypto.randomUUID())
      return body
    }
    const errors = vi.spyOn(logger, 'error')
    await fillDatabase()
    const refused = await runAction(outcomeAction, post(`/submissions/${submissionId}/outcomes/2`, form(), cookie), {
      submissionId,
      number: '2',
    })
    expect(refused.status).toBe(507)
    const result = (
      refused.data as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }
    ).result
    expect(result.error['']).toEqual([expect.stringMatching(MESSAGE)])
    expect(result.initialValue).toMatchObject({ narrative, keyStrengths: 'Strong outreach to ward teams' })
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'storage.out_of_space', alert: true, where: 'database' }),
      expect.stringContaining('out of space'),
    )
    expect(await outcome(2)).toEqual(before)

    await freeDatabase()
    const saved = await runAction(outcomeAction, post(`/submissions/${submissionId}/outcomes/2`, form(), cookie), {
      submissionId,
      number: '2',
    })
    expect(saved.status).toBe(302)
    expect(await outcome(2)).toMatchObject({ version: before.version + 1, narrative })
  })

  it('answers an autosave with out-of-space (507), not a 500, and stores nothing', async () => {
    const before = await outcome(3)
    const body = () =>
      new URLSearchParams({
        intent: 'autosave',
        version: String(before.version),
        narrative: longNarrative('Autosave'),
        saveKey: crypto.randomUUID(),
      })
    await fillDatabase()
    const refused = await runAction(
      autosaveAction,
      post(`/submissions/${submissionId}/outcomes/3/autosave`, body(), cookie),
      { submissionId, number: '3' },
    )
    expect(refused.status).toBe(507)
    await expect(refused.response?.json()).resolves.toMatchObject({ ok: false, reason: 'out-of-space' })
    expect(await outcome(3)).toEqual(before)
    await freeDatabase()
  })

  it('keeps the pen portrait as typed with the message', async () => {
    const before = await prisma.penPortrait.findUnique({ where: { submissionId } })
    const body = new URLSearchParams()
    const notes = longNarrative('Pen portrait').slice(0, 9_000)
    body.append('intent', 'save')
    body.append('version', String(before?.version ?? 0))
    body.append('saveKey', crypto.randomUUID())
    body.append('contextNotes', notes)
    await fillDatabase()
    const refused = await runAction(
      penPortraitAction,
      post(`/submissions/${submissionId}/pen-portrait`, body, cookie),
      {
        submissionId,
      },
    )
    await freeDatabase()
    expect(refused.status, JSON.stringify(refused.data).slice(0, 500)).toBe(507)
    const result = (
      refused.data as { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }
    ).result
    expect(result.error['']).toEqual([expect.stringMatching(MESSAGE)])
    expect(result.initialValue).toMatchObject({ contextNotes: notes })
    expect(await prisma.penPortrait.findUnique({ where: { submissionId } })).toEqual(before)
  })
})
