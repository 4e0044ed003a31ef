// Upload security (issue 12): a zip bomb named .docx and a .docx that is not a document are refused
// with a clear message and nothing is stored (finding 11).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useDemoData } from '../setup/demo-data'
import { writeZip, zeros, type ZipEntry } from '../fixtures/zip'
import { evidenceForm, evidenceUploader, expectRefusedCleanly, fieldErrors, type Outcome } from './evidence-helpers'

let upload: (files: File[]) => Promise<Outcome>
let dir: string

beforeAll(async () => {
  await useDemoData()
  const contributor = await evidenceUploader()
  upload = (files) => contributor.upload(evidenceForm({ title: 'Policy' }, files))
  dir = await mkdtemp(path.join(tmpdir(), 'upload-security-'))
}, 60_000)
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function zipFile(name: string, entries: ZipEntry[]): Promise<File> {
  return new File([await readFile(await writeZip(dir, name, entries))], name)
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
    const outcome = await expectRefusedCleanly(() => upload([bomb]))
    expect(outcome.status).toBe(400)
    expect(fieldErrors(outcome).files).toEqual([
      'The selected file is too large when opened (over 500 MB, or too many parts). Save it as a smaller file or split it up',
    ])
  })

  it('refuses a zip named .docx that holds no Word document', async () => {
    const notWord = await zipFile('minutes.docx', [
      { name: '[Content_Types].xml', data: WORD_TYPES },
      { name: 'notes.txt', data: 'not a document' },
    ])
    const outcome = await expectRefusedCleanly(() => upload([notWord]))
    expect(outcome.status).toBe(400)
    expect(fieldErrors(outcome).files).toEqual([
      'The selected file is damaged or is not a real Word file. Open it, save it again and upload the new copy',
    ])
  })
})
