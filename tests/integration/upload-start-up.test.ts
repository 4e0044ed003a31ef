// Start-up clean-up of the upload folder: partial uploads left by crashes are all removed, whatever
// their age; a stored file no row names is set aside; evidence and import previews are left alone.
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { prepareUploadFolder } from '~/modules/evidence/start-up.server'
import {
  newStorageKey,
  newTempPath,
  removePartialUploads,
  setAsideDir,
  storagePath,
  tempDir,
} from '~/modules/evidence/storage.server'
import { seedDemoData } from '../../prisma/seed'
import { createUser } from '../factories'
import { uploadedFiles } from './evidence-helpers'

beforeAll(async () => {
  expect(await seedDemoData(prisma)).toEqual({ seeded: true })
}, 60_000)

async function storedFileWithRow(): Promise<string> {
  const service = await prisma.libraryService.findFirstOrThrow({ select: { id: true } })
  const user = await createUser()
  const storageKey = newStorageKey()
  await mkdir(path.dirname(storagePath(storageKey)), { recursive: true })
  await writeFile(storagePath(storageKey), 'kept')
  await prisma.evidenceItem.create({
    data: {
      libraryServiceId: service.id,
      title: 'Kept evidence',
      evidenceDateFrom: new Date('2025-04-01'),
      createdById: user.id,
      files: {
        create: {
          versions: {
            create: {
              libraryServiceId: service.id,
              version: 1,
              originalName: 'kept.pdf',
              mimeType: 'application/pdf',
              sizeBytes: 4,
              sha256: 'a'.repeat(64),
              storageKey,
              uploadedById: user.id,
            },
          },
        },
      },
    },
    select: { id: true },
  })
  return storageKey
}

describe('start-up clean-up of the upload folder', () => {
  it('removes every partial upload however new, sets aside files with no row, and keeps the rest', async () => {
    // Partial uploads of processes killed a moment ago (the old clean-up kept anything under an hour old).
    const partial = [await newTempPath(), path.join(tempDir(), `4242-${crypto.randomUUID()}.part`)]
    for (const file of partial) await writeFile(file, 'half an upload')
    const old = path.join(tempDir(), 'from-an-older-version.part')
    await writeFile(old, 'old')
    await utimes(old, new Date('2026-01-01'), new Date('2026-01-01'))
    const preview = path.join(tempDir(), 'organisation-imports', 'preview.json')
    await mkdir(path.dirname(preview), { recursive: true })
    await writeFile(preview, '{}')

    const kept = await storedFileWithRow()
    const orphan = newStorageKey()
    await mkdir(path.dirname(storagePath(orphan)), { recursive: true })
    await writeFile(storagePath(orphan), 'moved but never committed')

    const result = await prepareUploadFolder()

    expect(result).toEqual({ partialUploadsRemoved: 3, filesSetAside: [orphan] })
    const files = await uploadedFiles()
    expect(files).toContain(path.join(...kept.split('/')))
    expect(files).toContain(path.join('tmp', 'organisation-imports', 'preview.json'))
    expect(files).toContain(path.relative(process.env.UPLOAD_DIR!, path.join(setAsideDir(), ...orphan.split('/'))))
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([])
    expect(files).not.toContain(path.join(...orphan.split('/')))
  })

  it('removes only the partial uploads of a process that died, leaving those of the others', async () => {
    const mine = await newTempPath()
    const dead = path.join(tempDir(), `999999-${crypto.randomUUID()}.part`)
    await writeFile(mine, 'still uploading')
    await writeFile(dead, 'cut off')
    expect(await removePartialUploads(999999)).toBe(1)
    expect(await readdir(tempDir())).toContain(path.basename(mine))
    expect(await readdir(tempDir())).not.toContain(path.basename(dead))
  })
})
