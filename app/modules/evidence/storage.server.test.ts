import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeStaleTempFiles, tempDir } from './storage.server'

describe('stale temporary uploads', () => {
  it('removes files left by an interrupted upload, and keeps recent ones', async () => {
    await mkdir(tempDir(), { recursive: true })
    const stale = path.join(tempDir(), 'stale.part')
    const fresh = path.join(tempDir(), 'fresh.part')
    await writeFile(stale, 'half an upload')
    await writeFile(fresh, 'an upload under way')
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    await utimes(stale, twoHoursAgo, twoHoursAgo)
    expect(await removeStaleTempFiles()).toBe(1)
    expect(await readdir(tempDir())).toEqual(['fresh.part'])
  })

  it('removes everything older than the age given', async () => {
    expect(await removeStaleTempFiles(0, Date.now() + 1000)).toBe(1)
    expect(await readdir(tempDir())).toEqual([])
  })
})
