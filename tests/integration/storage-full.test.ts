// A full upload disk (issue 13, item 5): the person is told in words, keeps every field they typed,
// nothing is half-stored, and the log carries an alert. The disk is made full for real: while the
// test says so, each partial upload is written to /dev/full, where every write fails with ENOSPC
// from the kernel, as on a full file system.
import { randomBytes } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

const disk = vi.hoisted(() => ({ full: false }))
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  const createWriteStream = ((file: string, options?: unknown) =>
    disk.full && String(file).endsWith('.part')
      ? fs.createWriteStream('/dev/full', { flags: 'w' })
      : fs.createWriteStream(
          file,
          options as Parameters<typeof fs.createWriteStream>[1],
        )) as typeof fs.createWriteStream
  return { ...fs, default: { ...fs, createWriteStream }, createWriteStream }
})

import { prisma } from '~/utils/db.server'
import { logger } from '~/utils/logger.server'
import { useDemoData } from '../setup/demo-data'
import {
  evidenceForm,
  evidenceUploader,
  expectRefusedCleanly,
  fieldErrors,
  initialValue,
  type EvidenceUploader,
} from './evidence-helpers'

let contributor: EvidenceUploader

beforeAll(async () => {
  await useDemoData()
  contributor = await evidenceUploader()
})

afterEach(() => {
  disk.full = false
  vi.restoreAllMocks()
})

const textFile = (name: string) => new File([randomBytes(4096).toString('hex')], name, { type: 'text/plain' })
const upload = (form: FormData) => contributor.upload(form)

describe('an upload when the disk is full', () => {
  it('says the portal is out of space, keeps the text, stores nothing and raises an alert', async () => {
    // The contact details an admin saved, not the installation's CONTACT_EMAIL.
    await prisma.contactSettings.create({
      data: { team: 'LKS Quality Team', email: 'quality.help@example.nhs.uk', responseDays: 5 },
    })
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => undefined)
    disk.full = true
    const outcome = await expectRefusedCleanly(() =>
      upload(
        evidenceForm(
          { title: 'Annual report', description: 'Typed before the disk filled', url: 'typed after the file' },
          [textFile('annual-report.txt')],
        ),
      ),
    )
    expect(outcome.status).toBe(507)
    expect(fieldErrors(outcome).files).toEqual([
      expect.stringMatching(
        /^The file could not be saved because the portal is out of storage space\. Your text has been kept\. Try again later, or contact quality\.help@example\.nhs\.uk$/,
      ),
    ])
    expect(initialValue(outcome)).toMatchObject({
      title: 'Annual report',
      description: 'Typed before the disk filled',
      url: 'typed after the file',
    })
    expect(errors).toHaveBeenCalledWith(
      expect.objectContaining({ event: 'storage.out_of_space', alert: true }),
      expect.stringContaining('out of space'),
    )
  })

  it('stores the same upload once there is room again', async () => {
    const outcome = await upload(evidenceForm({ title: 'Annual report, again' }, [textFile('annual-report-2.txt')]))
    expect(outcome.status).toBe(302)
  })
})
