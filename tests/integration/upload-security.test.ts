// Upload security (issue 12): a zip bomb named .docx and a .docx that is not a document are refused
// with a clear message and nothing is stored (finding 11).
import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { ZipArchive } from 'archiver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useDemoData } from '../setup/demo-data'
import { action as newEvidence } from '~/routes/services.$serviceId.evidence.new'
import {
  cookieFor,
  evidenceForm,
  evidenceRowCounts,
  fieldErrors,
  post,
  runAction,
  serviceId,
  tempFiles,
  uploadedFiles,
  type Outcome,
} from './evidence-helpers'

let ribble: string
let cookie: string
let dir: string

beforeAll(async () => {
  await useDemoData()
  ribble = await serviceId()
  cookie = await cookieFor('contributor@demo.nhs.uk')
  dir = await mkdtemp(path.join(tmpdir(), 'upload-security-'))
}, 60_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function upload(files: File[]) {
  return runAction(
    newEvidence,
    post(`/services/${ribble}/evidence/new`, evidenceForm({ title: 'Policy' }, files), cookie),
    { serviceId: ribble },
  )
}

async function expectNothingStored(run: () => Promise<Outcome>): Promise<Outcome> {
  const filesBefore = await uploadedFiles()
  const rowsBefore = await evidenceRowCounts()
  const outcome = await run()
  expect(outcome.status).toBe(400)
  expect(await evidenceRowCounts()).toEqual(rowsBefore)
  expect(await uploadedFiles()).toEqual(filesBefore)
  expect(await tempFiles()).toEqual([])
  return outcome
}

async function zipFile(name: string, entries: Array<{ name: string; data: string | Readable }>): Promise<File> {
  const file = path.join(dir, name)
  const archive = new ZipArchive({ zlib: { level: 9 } })
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file)
    out.on('close', resolve)
    archive.on('error', reject)
    archive.pipe(out)
  })
  for (const entry of entries) archive.append(entry.data, { name: entry.name })
  await archive.finalize()
  await done
  return new File([await readFile(file)], name)
}

function zeros(size: number): Readable {
  let left = size
  const chunk = Buffer.alloc(1024 * 1024)
  return new Readable({
    read() {
      if (left <= 0) return this.push(null)
      const n = Math.min(left, chunk.length)
      left -= n
      this.push(chunk.subarray(0, n))
    },
  })
}

// What file-type reads to call a zip a Word document: the content types part.
const WORD_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'

describe('office documents by content', { timeout: 120_000 }, () => {
  it('refuses a 1 MB zip bomb named .docx (1 GiB inflated), storing nothing', async () => {
    const bomb = await zipFile('policy.docx', [
      { name: '[Content_Types].xml', data: WORD_TYPES },
      { name: 'word/document.xml', data: zeros(1024 * 1024 * 1024) },
    ])
    expect(bomb.size).toBeLessThan(2 * 1024 * 1024)
    const outcome = await expectNothingStored(() => upload([bomb]))
    expect(fieldErrors(outcome).files).toEqual([
      'The selected file is too large when opened (over 500 MB, or too many parts). Save it as a smaller file or split it up',
    ])
  })

  it('refuses a zip named .docx that holds no Word document', async () => {
    const notWord = await zipFile('minutes.docx', [
      { name: '[Content_Types].xml', data: WORD_TYPES },
      { name: 'notes.txt', data: 'not a document' },
    ])
    const outcome = await expectNothingStored(() => upload([notWord]))
    expect(fieldErrors(outcome).files).toEqual([
      'The selected file is damaged or is not a real Word file. Open it, save it again and upload the new copy',
    ])
  })
})
