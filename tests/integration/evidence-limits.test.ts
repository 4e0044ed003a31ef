// The configured limits, set small for this file before any module reads the configuration
// (getEnv parses it once per process): a 64KB file limit and a 256KB default service quota.
import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.MAX_UPLOAD_MB = '0.0625'
  process.env.SERVICE_QUOTA_MB = '0.25'
})

import { prisma } from '~/utils/db.server'
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

/** Text of a given size that no other file shares (hex of random bytes is valid ASCII). */
function textFile(name: string, bytes: number): File {
  return new File(
    [
      randomBytes(Math.ceil(bytes / 2))
        .toString('hex')
        .slice(0, bytes),
    ],
    name,
    { type: 'text/plain' },
  )
}

const upload = (body: BodyInit, headers?: Record<string, string>) => contributor.upload(body, headers)

describe('the size limit per file', () => {
  it('refuses a file over the limit, reading on so every other field is kept', async () => {
    const outcome = await expectRefusedCleanly(() =>
      upload(evidenceForm({ title: 'Too big', url: 'typed after the file' }, [textFile('minutes.txt', 200 * 1024)])),
    )
    expect(outcome.status).toBe(400)
    expect(fieldErrors(outcome).files).toEqual(['The selected file must be smaller than 64KB'])
    expect(initialValue(outcome)).toMatchObject({ title: 'Too big', url: 'typed after the file' })
  })

  it('names the file that is too large when there are several, and stores the others', async () => {
    const outcome = await upload(
      evidenceForm({ title: 'One too big' }, [textFile('small.txt', 10 * 1024), textFile('large.txt', 65 * 1024)]),
    )
    expect(outcome.status).toBe(302)
    const stored = await prisma.evidenceFileVersion.findMany({
      where: { evidenceFile: { evidenceItem: { title: 'One too big' } } },
      select: { originalName: true },
    })
    expect(stored).toEqual([{ originalName: 'small.txt' }])
  })

  it('names every file that is too large when all of several are', async () => {
    const outcome = await expectRefusedCleanly(() =>
      upload(
        evidenceForm({ title: 'All too big' }, [
          textFile('large-a.txt', 65 * 1024),
          textFile('large-b.txt', 65 * 1024),
        ]),
      ),
    )
    expect(fieldErrors(outcome).files).toEqual([
      'large-a.txt must be smaller than 64KB',
      'large-b.txt must be smaller than 64KB',
    ])
  })

  it('accepts a file of exactly the limit', async () => {
    const outcome = await upload(evidenceForm({ title: 'Exactly the limit' }, [textFile('exact.txt', 64 * 1024)]))
    expect(outcome.status).toBe(302)
  })

  it('stops reading a body without a declared length once it passes what the form could hold', async () => {
    const boundary = 'limits-boundary'
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nStreamed\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="huge.txt"\r\n\r\n`,
      ),
      Buffer.alloc(2 * 1024 * 1024, 'a'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const outcome = await expectRefusedCleanly(() =>
      upload(new Uint8Array(body), { 'Content-Type': `multipart/form-data; boundary=${boundary}` }),
    )
    expect(outcome.status).toBe(413)
    expect(fieldErrors(outcome).files).toEqual(['The selected files must be smaller than 640KB in total'])
  })
})

describe('the default service quota', () => {
  it('refuses files that would take a library with no quota of its own over the configured one', async () => {
    const used =
      (
        await prisma.evidenceFileVersion.aggregate({
          where: { libraryServiceId: contributor.serviceId },
          _sum: { sizeBytes: true },
        })
      )._sum.sizeBytes ?? 0
    const fill = 256 * 1024 - used - 50 * 1024
    const chunks = Math.ceil(fill / (60 * 1024))
    const filler = Array.from({ length: chunks }, (_, i) => textFile(`filler-${i}.txt`, Math.floor(fill / chunks)))
    expect((await upload(evidenceForm({ title: 'Filling the library' }, filler))).status).toBe(302)

    const outcome = await expectRefusedCleanly(() =>
      upload(evidenceForm({ title: 'One too many' }, [textFile('a.txt', 30 * 1024), textFile('b.txt', 30 * 1024)])),
    )
    expect(fieldErrors(outcome).files?.[0]).toMatch(
      /^These files would take your evidence library over its limit of 256KB \(\d+(\.\d)? KB is in use\)/,
    )
  })
})
