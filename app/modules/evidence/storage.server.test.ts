import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { removeStaleTempFiles, tempDir } from './storage.server'

// Each test starts from an empty temporary folder and makes the files it needs.
beforeEach(async () => {
  await rm(tempDir(), { recursive: true, force: true })
  await mkdir(tempDir(), { recursive: true })
})

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000)

async function partFile(name: string, modified?: Date) {
  const file = path.join(tempDir(), name)
  await writeFile(file, 'part of an upload')
  if (modified) await utimes(file, modified, modified)
  return file
}

describe('stale temporary uploads', () => {
  it('removes files left by an interrupted upload, and keeps recent ones', async () => {
    await partFile('stale.part', hoursAgo(2))
    await partFile('fresh.part')
    expect(await removeStaleTempFiles()).toBe(1)
    expect(await readdir(tempDir())).toEqual(['fresh.part'])
  })

  it('removes everything older than the age given', async () => {
    await partFile('one.part')
    await partFile('two.part', hoursAgo(0.5))
    expect(await removeStaleTempFiles(0, Date.now() + 1000)).toBe(2)
    expect(await readdir(tempDir())).toEqual([])
  })
})
