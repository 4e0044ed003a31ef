// Office documents by content (issue 12, finding 11): real documents pass; a zip bomb named .docx,
// a container without a document's parts, too many entries and a wrong ODF mimetype are refused.
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeZip, zeros, type ZipEntry } from '../../../tests/fixtures/zip'
import { checkOfficeContainer } from './archive.server'

const SEED_FILES = path.resolve(import.meta.dirname, '../../../prisma/seed-data/files')
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'archive-test-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const zip = (name: string, entries: ZipEntry[]) => writeZip(dir, name, entries)

describe('office containers', { timeout: 120_000 }, () => {
  it('accepts the demo data’s real Word and Excel files', async () => {
    expect(await checkOfficeContainer(path.join(SEED_FILES, 'staffing-structure.docx'), 'docx')).toEqual({ ok: true })
    expect(await checkOfficeContainer(path.join(SEED_FILES, 'cpd-log-2025-26.xlsx'), 'xlsx')).toEqual({ ok: true })
  })

  it('refuses a 1 MB zip bomb named .docx that inflates to 1 GiB, without inflating it all', async () => {
    const bomb = await zip('bomb.docx', [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: zeros(1024 * 1024 * 1024) },
    ])
    expect((await stat(bomb)).size).toBeLessThan(2 * 1024 * 1024)
    expect(await checkOfficeContainer(bomb, 'docx')).toEqual({ ok: false, reason: 'TOO_LARGE_INFLATED' })
  })

  it('refuses a container that is within the limits in total but compressed past any document’s ratio', async () => {
    const dense = await zip('dense.xlsx', [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: zeros(64 * 1024 * 1024) },
    ])
    expect(await checkOfficeContainer(dense, 'xlsx')).toEqual({ ok: false, reason: 'TOO_LARGE_INFLATED' })
  })

  it('refuses a zip without the parts a document of its kind must have', async () => {
    const notWord = await zip('photos.docx', [{ name: 'holiday.txt', data: 'not a document' }])
    expect(await checkOfficeContainer(notWord, 'docx')).toEqual({ ok: false, reason: 'NOT_A_DOCUMENT' })
  })

  it('refuses more entries than any document has', async () => {
    const many = await zip('many.pptx', [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'ppt/presentation.xml', data: '<presentation/>' },
      ...Array.from({ length: 5_001 }, (_, i) => ({ name: `ppt/media/${i}.xml`, data: 'x' })),
    ])
    expect(await checkOfficeContainer(many, 'pptx')).toEqual({ ok: false, reason: 'TOO_LARGE_INFLATED' })
  })

  it('checks an OpenDocument file’s mimetype entry against its name', async () => {
    const parts = (mimetype: string) => [
      { name: 'mimetype', data: mimetype, store: true },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]
    const odt = await zip('real.odt', parts('application/vnd.oasis.opendocument.text'))
    expect(await checkOfficeContainer(odt, 'odt')).toEqual({ ok: true })
    const ods = await zip('sheet-named-text.odt', parts('application/vnd.oasis.opendocument.spreadsheet'))
    expect(await checkOfficeContainer(ods, 'odt')).toEqual({ ok: false, reason: 'NOT_A_DOCUMENT' })
  })

  it('refuses a file that is not a zip at all', async () => {
    expect(await checkOfficeContainer(path.join(SEED_FILES, 'annual-report-2021-22.pdf'), 'docx')).toEqual({
      ok: false,
      reason: 'NOT_A_DOCUMENT',
    })
  })
})
