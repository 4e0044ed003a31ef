// The evidence library against a real SQLite file and upload folder: uploads through the real
// route actions with real multipart bodies, every kind of bad input leaving nothing behind, file
// versions, delete against archive, and who may reach an item by its id.
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { prisma } from '~/utils/db.server'
import { useDemoData } from '../setup/demo-data'
import { actorFor } from '../factories'
import { makeFixtureFiles, makePdf, type FixtureFiles } from '../fixtures/files'
import {
  cookieFor,
  evidenceForm,
  evidenceRowCounts,
  expectRefusedCleanly,
  fieldErrors,
  fileFrom,
  get,
  initialValue,
  outcomeResponseId,
  post,
  runAction,
  runLoader,
  serviceId,
  sha256,
  sha256OfFile,
  tempFiles,
  uploadedFiles,
  type Outcome,
} from './evidence-helpers'
import { action as newEvidence, loader as newEvidencePage } from '~/routes/services.$serviceId.evidence.new'
import { loader as libraryPage } from '~/routes/services.$serviceId.evidence._index'
import { loader as itemPage } from '~/routes/evidence.$itemId._index'
import { action as editEvidence, loader as editPage } from '~/routes/evidence.$itemId.edit'
import { action as addFiles } from '~/routes/evidence.$itemId.files.new'
import { action as replaceFile } from '~/routes/evidence.$itemId.files.$fileId.replace'
import { action as deleteEvidence } from '~/routes/evidence.$itemId.delete'
import { action as archiveEvidence } from '~/routes/evidence.$itemId.archive'
import { loader as download } from '~/routes/evidence.files.$versionId.download'
import { loader as preview } from '~/routes/evidence.files.$versionId.preview'
import {
  assertItemsBelongToService,
  createEvidenceItem,
  getEvidenceItem,
  listEvidence,
  listEvidenceForLinking,
} from '~/modules/evidence/evidence.server'
import { storagePath } from '~/modules/evidence/storage.server'
import { UPLOAD_PROGRESS_HEADER } from '~/modules/evidence/files'

let ribble: string
let thameside: string
let files: FixtureFiles
let leadCookie: string
const MIME = {
  pdf: 'application/pdf',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

beforeAll(async () => {
  await useDemoData()
  ribble = await serviceId()
  thameside = await serviceId('Thameside Healthcare Library')
  files = await freshFiles()
  leadCookie = await cookieFor('lead@demo.nhs.uk')
})

const newItemPath = () => `/services/${ribble}/evidence/new`

function upload(form: FormData, cookie = leadCookie, headers: Record<string, string> = {}, service = ribble) {
  return runAction(newEvidence, post(`/services/${service}/evidence/new`, form, cookie, headers), {
    serviceId: service,
  })
}

function itemIdFrom(outcome: Outcome): string {
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302)
  const match = /^\/evidence\/([^/]+)$/.exec(outcome.location ?? '')
  if (!match?.[1]) throw new Error(`Not redirected to an item: ${outcome.location}`)
  return match[1]
}

/** New fixture files, with content no earlier test has stored. */
async function freshFiles(): Promise<FixtureFiles> {
  return makeFixtureFiles(await mkdtemp(path.join(tmpdir(), 'evidence-fixtures-')))
}

async function pdfNamed(name: string, text: string): Promise<File> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'evidence-pdf-')), 'file.pdf')
  await makePdf(file, [text, String(Math.random())])
  return fileFrom(file, name, 'application/pdf')
}

describe('uploading evidence', () => {
  it('stores a PDF, PNG, DOCX and XLSX: rows, files under generated names, and their SHA-256', async () => {
    const before = await uploadedFiles()
    const outcome = await upload(
      evidenceForm(
        {
          title: 'Annual report and usage',
          description: 'Reported to the Board.',
          from: ['1', '4', '2025'],
          to: ['31', '3', '2026'],
        },
        [await fileFrom(files.pdf), await fileFrom(files.png), await fileFrom(files.docx), await fileFrom(files.xlsx)],
      ),
    )
    const itemId = itemIdFrom(outcome)
    expect(outcome.headers.get('Set-Cookie')).toMatch(/^lks_flash=/)

    const item = await prisma.evidenceItem.findUniqueOrThrow({
      where: { id: itemId },
      select: {
        libraryServiceId: true,
        title: true,
        description: true,
        evidenceDateFrom: true,
        evidenceDateTo: true,
        url: true,
        files: {
          select: {
            versions: {
              select: {
                version: true,
                originalName: true,
                mimeType: true,
                sizeBytes: true,
                sha256: true,
                storageKey: true,
                libraryServiceId: true,
              },
            },
          },
        },
      },
    })
    expect(item).toMatchObject({
      libraryServiceId: ribble,
      title: 'Annual report and usage',
      description: 'Reported to the Board.',
      evidenceDateFrom: new Date('2025-04-01T00:00:00Z'),
      evidenceDateTo: new Date('2026-03-31T00:00:00Z'),
      url: null,
    })
    const versions = item.files.flatMap((f) => f.versions)
    expect(versions.map((v) => v.originalName).sort()).toEqual([
      'annual-report.pdf',
      'board-minutes.docx',
      'impact-chart.png',
      'usage-figures.xlsx',
    ])
    for (const [key, fixture] of [
      ['pdf', files.pdf],
      ['png', files.png],
      ['docx', files.docx],
      ['xlsx', files.xlsx],
    ] as const) {
      const version = versions.find((v) => v.originalName === path.basename(fixture))!
      expect(version).toMatchObject({
        version: 1,
        mimeType: MIME[key],
        libraryServiceId: ribble,
        sizeBytes: (await stat(fixture)).size,
      })
      expect(version.sha256).toBe(await sha256OfFile(fixture))
      expect(version.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/)
      expect(await sha256OfFile(storagePath(version.storageKey))).toBe(version.sha256)
    }
    const added = (await uploadedFiles()).filter((file) => !before.includes(file))
    expect(added).toHaveLength(4)
    expect(await tempFiles()).toEqual([])
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: itemId },
      select: { action: true, actorId: true, after: true },
    })
    expect(audit.action).toBe('evidence.item_created')
    expect(audit.actorId).toBe((await actorFor('lead@demo.nhs.uk')).id)
    expect(JSON.parse(audit.after ?? '{}').files).toHaveLength(4)
  })

  it('stores a web link instead of files', async () => {
    const itemId = itemIdFrom(
      await upload(evidenceForm({ title: 'Knowledge for Healthcare', url: 'https://www.example.nhs.uk/kfh' })),
    )
    const item = await prisma.evidenceItem.findUniqueOrThrow({
      where: { id: itemId },
      select: { url: true, _count: { select: { files: true } } },
    })
    expect(item).toEqual({ url: 'https://www.example.nhs.uk/kfh', _count: { files: 0 } })
  })

  it('answers the progress script with where to go next and the flash cookie, not a redirect', async () => {
    const outcome = await upload(
      evidenceForm({ title: 'Uploaded with progress' }, [await fileFrom(files.csv, 'search-requests.csv')]),
      leadCookie,
      { [UPLOAD_PROGRESS_HEADER]: '1' },
    )
    expect(outcome.status).toBe(200)
    expect(outcome.data).toEqual({ redirectTo: expect.stringMatching(/^\/evidence\/[^/]+$/) })
    expect(outcome.headers.get('Set-Cookie')).toMatch(/^lks_flash=/)
  })

  it('keeps a file named with path characters under a generated name, and shows only its last segment', async () => {
    const pdf = await pdfNamed('../../etc/passwd.pdf', 'Path characters')
    const itemId = itemIdFrom(await upload(evidenceForm({ title: 'Path characters' }, [pdf])))
    const version = await prisma.evidenceFileVersion.findFirstOrThrow({
      where: { evidenceFile: { evidenceItemId: itemId } },
      select: { originalName: true, storageKey: true },
    })
    expect(version.originalName).toBe('passwd.pdf')
    expect(storagePath(version.storageKey).startsWith(path.resolve(process.env.UPLOAD_DIR!))).toBe(true)
    expect(await uploadedFiles()).not.toContainEqual(expect.stringContaining('passwd'))
  })

  it('keeps semicolons, equals signs and quotes in a name', async () => {
    const pdf = await pdfNamed('minutes; v2 = "final".pdf', 'Punctuation')
    const itemId = itemIdFrom(await upload(evidenceForm({ title: 'Punctuation in a name' }, [pdf])))
    const version = await prisma.evidenceFileVersion.findFirstOrThrow({
      where: { evidenceFile: { evidenceItemId: itemId } },
      select: { originalName: true },
    })
    expect(version.originalName).toBe('minutes; v2 = "final".pdf')
  })

  it('keeps a unicode name exactly, and offers it in Content-Disposition (RFC 6266)', async () => {
    const pdf = await pdfNamed('Zoë’s “report”.pdf', 'Unicode name')
    const itemId = itemIdFrom(await upload(evidenceForm({ title: 'Unicode name' }, [pdf])))
    const version = await prisma.evidenceFileVersion.findFirstOrThrow({
      where: { evidenceFile: { evidenceItemId: itemId } },
      select: { id: true, originalName: true },
    })
    expect(version.originalName).toBe('Zoë’s “report”.pdf')
    const response = await runLoader(download, get(`/evidence/files/${version.id}/download`, leadCookie), {
      versionId: version.id,
    })
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Zoe_s _report_.pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20%E2%80%9Creport%E2%80%9D.pdf`,
    )
  })
})

describe('refusing bad uploads, leaving nothing behind', () => {
  it('an empty file', async () => {
    const outcome = await expectRefusedCleanly(() =>
      upload(evidenceForm({ title: 'Empty' }, [new File([], 'empty.pdf', { type: 'application/pdf' })])),
    )
    expect(fieldErrors(outcome).files).toEqual(['The selected file is empty'])
  })

  it('an executable named report.pdf, keeping everything else typed', async () => {
    const outcome = await expectRefusedCleanly(async () =>
      upload(
        evidenceForm({ title: 'Quarterly report', description: 'Typed with care', from: ['2', '5', '2025'] }, [
          await fileFrom(files.fakePdf, 'report.pdf', 'application/pdf'),
        ]),
      ),
    )
    expect(outcome.status).toBe(400)
    expect(fieldErrors(outcome)).toEqual({ files: ['report.pdf is not a PDF file'] })
    expect(initialValue(outcome)).toMatchObject({
      title: 'Quarterly report',
      description: 'Typed with care',
      evidenceDateFrom: { day: '2', month: '5', year: '2025' },
    })
  })

  it('a file of an accepted type among others that are not: the good one is stored, each bad one named', async () => {
    const outcome = await upload(
      evidenceForm({ title: 'Mixed' }, [
        await pdfNamed('fine.pdf', 'Fine among bad ones'),
        await fileFrom(files.fakePdf, 'setup.exe'),
        await fileFrom(files.docx, 'sheet.xlsx'),
      ]),
    )
    const itemId = itemIdFrom(outcome)
    const stored = await prisma.evidenceFileVersion.findMany({
      where: { evidenceFile: { evidenceItemId: itemId } },
      select: { originalName: true },
    })
    expect(stored).toEqual([{ originalName: 'fine.pdf' }])
    expect(await tempFiles()).toEqual([])
  })

  it('only bad files among several: nothing is stored, each bad file is named', async () => {
    const outcome = await expectRefusedCleanly(async () =>
      upload(
        evidenceForm({ title: 'Mixed' }, [
          await fileFrom(files.fakePdf, 'setup.exe'),
          await fileFrom(files.docx, 'sheet.xlsx'),
        ]),
      ),
    )
    expect(fieldErrors(outcome).files).toEqual([
      'setup.exe must be a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG file',
      'sheet.xlsx is not an Excel file',
    ])
  })

  it('a name that is only a path, with no extension', async () => {
    const outcome = await expectRefusedCleanly(async () =>
      upload(evidenceForm({ title: 'No extension' }, [await fileFrom(files.txt, '../../etc/passwd')])),
    )
    expect(fieldErrors(outcome).files).toEqual([
      'The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG file',
    ])
  })

  it('a part that is not well formed', async () => {
    const boundary = 'malformed-boundary'
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nMalformed\r\n--${boundary}\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--${boundary}--\r\n`,
    )
    const outcome = await expectRefusedCleanly(() =>
      runAction(
        newEvidence,
        post(newItemPath(), new Uint8Array(body), leadCookie, {
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
        }),
        { serviceId: ribble },
      ),
    )
    expect(fieldErrors(outcome).files).toEqual(['The upload could not be read. Try again'])
  })

  it('twenty files at once', async () => {
    const twenty = Array.from(
      { length: 20 },
      (_, i) => new File([`row,${i}\n`], `part-${i + 1}.csv`, { type: 'text/csv' }),
    )
    const outcome = await expectRefusedCleanly(() => upload(evidenceForm({ title: 'Twenty files' }, twenty)))
    expect(fieldErrors(outcome).files).toEqual(['Select up to 10 files at a time'])
    expect(initialValue(outcome).title).toBe('Twenty files')
  })

  it('a multipart body cut off in the middle of a file', async () => {
    const boundary = '----evidence-boundary-7MA4YWxkTrZu0gW'
    const pdf = await readFile(files.pdf)
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nCut off\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="evidenceDateFrom.day"\r\n\r\n1\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="annual-report.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const truncated = new Uint8Array(body.subarray(0, body.length - pdf.length / 2))
    const outcome = await expectRefusedCleanly(() =>
      runAction(
        newEvidence,
        post(newItemPath(), truncated, leadCookie, { 'Content-Type': `multipart/form-data; boundary=${boundary}` }),
        { serviceId: ribble },
      ),
    )
    expect(fieldErrors(outcome).files).toEqual([
      'The files could not be uploaded because the upload did not finish. Try again',
    ])
  })

  it('a body declared larger than the upload limits, before reading it', async () => {
    const outcome = await expectRefusedCleanly(async () =>
      runAction(
        newEvidence,
        post(newItemPath(), evidenceForm({ title: 'Huge' }, [await fileFrom(files.txt)]), leadCookie, {
          'Content-Length': String(600 * 1024 * 1024),
        }),
        {
          serviceId: ribble,
        },
      ),
    )
    expect(outcome.status).toBe(413)
    expect(fieldErrors(outcome).files).toEqual(['The selected files must be smaller than 500MB in total'])
  })

  it('a form that is not multipart', async () => {
    const outcome = await expectRefusedCleanly(() =>
      runAction(newEvidence, post(newItemPath(), new URLSearchParams({ title: 'x' }), leadCookie), {
        serviceId: ribble,
      }),
    )
    expect(outcome.status).toBe(415)
  })

  it('a file the library already holds, linking to the item that holds it and keeping what was typed', async () => {
    const pdf = await pdfNamed('strategy.pdf', 'Held once')
    const firstId = itemIdFrom(await upload(evidenceForm({ title: 'LKS strategy 2025' }, [pdf])))
    const outcome = await expectRefusedCleanly(() =>
      upload(evidenceForm({ title: 'The same strategy again', description: 'Kept' }, [pdf])),
    )
    expect(fieldErrors(outcome).files).toEqual(['This file is already in your evidence library as ‘LKS strategy 2025’'])
    expect((outcome.data as { duplicates: unknown }).duplicates).toEqual([
      { fileName: 'strategy.pdf', itemId: firstId, title: 'LKS strategy 2025' },
    ])
    expect(initialValue(outcome)).toMatchObject({ title: 'The same strategy again', description: 'Kept' })
  })

  it('the same file twice in one upload: the first is stored, the second reported by name', async () => {
    const itemId = itemIdFrom(
      await upload(
        evidenceForm({ title: 'Twice' }, [await fileFrom(files.txt, 'a.txt'), await fileFrom(files.txt, 'b.txt')]),
      ),
    )
    const stored = await prisma.evidenceFileVersion.findMany({
      where: { evidenceFile: { evidenceItemId: itemId } },
      select: { originalName: true },
    })
    expect(stored).toEqual([{ originalName: 'a.txt' }])
    expect(await tempFiles()).toEqual([])
  })

  it('one file of several already in the library: the others are stored with the details typed, the duplicate reported by name', async () => {
    const held = await pdfNamed('held.pdf', 'Held in the library')
    const heldId = itemIdFrom(await upload(evidenceForm({ title: 'Annual report 2024' }, [held])))
    const outcome = await upload(
      evidenceForm({ title: 'Three files, one held', description: 'Typed once', from: ['2', '5', '2025'] }, [
        await pdfNamed('new-one.pdf', 'New one'),
        held,
        await pdfNamed('minutes.pdf', 'Minutes, new'),
      ]),
    )
    const itemId = itemIdFrom(outcome)
    expect(itemId).not.toBe(heldId)
    const item = await prisma.evidenceItem.findUniqueOrThrow({
      where: { id: itemId },
      select: {
        title: true,
        description: true,
        evidenceDateFrom: true,
        files: { select: { versions: { select: { originalName: true } } } },
      },
    })
    expect(item).toMatchObject({ title: 'Three files, one held', description: 'Typed once' })
    expect(item.evidenceDateFrom.toISOString().slice(0, 10)).toBe('2025-05-02')
    expect(item.files.flatMap((f) => f.versions.map((v) => v.originalName)).sort()).toEqual([
      'minutes.pdf',
      'new-one.pdf',
    ])
    expect(outcome.headers.get('Set-Cookie')).toMatch(/^lks_flash=/)
    expect(await tempFiles()).toEqual([])
  })

  it('files that would take the library over its quota', async () => {
    const used =
      (await prisma.evidenceFileVersion.aggregate({ where: { libraryServiceId: ribble }, _sum: { sizeBytes: true } }))
        ._sum.sizeBytes ?? 0
    await prisma.libraryService.update({
      where: { id: ribble },
      data: { evidenceQuotaBytes: used + 100 },
      select: { id: true },
    })
    try {
      const outcome = await expectRefusedCleanly(async () =>
        upload(evidenceForm({ title: 'Over quota' }, [await pdfNamed('big.pdf', 'Over the quota')])),
      )
      expect(fieldErrors(outcome).files?.[0]).toMatch(
        /^This file would take your evidence library over its limit of \d+KB \(.+ is in use\)/,
      )
    } finally {
      await prisma.libraryService.update({
        where: { id: ribble },
        data: { evidenceQuotaBytes: null },
        select: { id: true },
      })
    }
  })

  it('a web link that is not http or https, and files with a link', async () => {
    const scheme = await expectRefusedCleanly(() =>
      upload(evidenceForm({ title: 'Bad link', url: 'javascript:alert(document.cookie)' })),
    )
    expect(fieldErrors(scheme)).toEqual({ url: ['Web link must start with http:// or https://'] })
    const both = await expectRefusedCleanly(async () =>
      upload(evidenceForm({ title: 'Both', url: 'https://example.org/' }, [await fileFrom(files.txt)])),
    )
    expect(fieldErrors(both)).toEqual({ url: ['Enter a web link or select files, not both'] })
  })

  it('missing details, with the file problems reported at the same time', async () => {
    const outcome = await expectRefusedCleanly(() =>
      upload(evidenceForm({ title: '', from: ['', '', ''] }, [new File([], 'empty.txt')])),
    )
    expect(fieldErrors(outcome)).toEqual({
      title: ['Enter a title'],
      evidenceDateFrom: ['Enter the evidence start date'],
      files: ['The selected file is empty'],
    })
  })
})

describe('changing evidence', () => {
  let itemId: string
  let fileId: string
  beforeAll(async () => {
    itemId = itemIdFrom(
      await upload(evidenceForm({ title: 'Service level agreement' }, [await pdfNamed('sla.pdf', 'SLA version 1')])),
    )
    fileId = (await prisma.evidenceFile.findFirstOrThrow({ where: { evidenceItemId: itemId }, select: { id: true } }))
      .id
  })

  it('replacing a file keeps the old version, on disk and listed', async () => {
    const form = new FormData()
    form.append('files', await pdfNamed('sla-2026.pdf', 'SLA version 2'))
    const outcome = await runAction(
      replaceFile,
      post(`/evidence/${itemId}/files/${fileId}/replace`, form, leadCookie),
      { itemId, fileId },
    )
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe(`/evidence/${itemId}`)
    const versions = await prisma.evidenceFileVersion.findMany({
      where: { evidenceFileId: fileId },
      orderBy: { version: 'asc' },
      select: { version: true, originalName: true, storageKey: true },
    })
    expect(versions.map((v) => [v.version, v.originalName])).toEqual([
      [1, 'sla.pdf'],
      [2, 'sla-2026.pdf'],
    ])
    for (const version of versions) expect((await stat(storagePath(version.storageKey))).isFile()).toBe(true)
    const page = await getEvidenceItem(await actorFor('lead@demo.nhs.uk'), itemId)
    expect(page?.files[0]?.current).toMatchObject({
      version: 2,
      originalName: 'sla-2026.pdf',
      uploadedByName: 'Zoë Hartley',
    })
    expect(page?.files[0]?.olderVersions.map((v) => v.version)).toEqual([1])
  })

  it('replacing with more than one file, or with nothing, is refused', async () => {
    const two = new FormData()
    two.append('files', await pdfNamed('one.pdf', 'one'))
    two.append('files', await pdfNamed('two.pdf', 'two'))
    const outcome = await expectRefusedCleanly(() =>
      runAction(replaceFile, post(`/evidence/${itemId}/files/${fileId}/replace`, two, leadCookie), { itemId, fileId }),
    )
    expect(fieldErrors(outcome).files).toEqual(['Select one file'])
    const none = new FormData()
    none.append('files', new File([], ''))
    const empty = await expectRefusedCleanly(() =>
      runAction(replaceFile, post(`/evidence/${itemId}/files/${fileId}/replace`, none, leadCookie), { itemId, fileId }),
    )
    expect(fieldErrors(empty).files).toEqual(['Select a file'])
  })

  it('adds more files to an item', async () => {
    const fresh = await freshFiles()
    const form = new FormData()
    form.append('files', await fileFrom(fresh.csv, 'sla-usage.csv'))
    form.append('files', await fileFrom(fresh.txt, 'sla-notes.txt'))
    const outcome = await runAction(addFiles, post(`/evidence/${itemId}/files/new`, form, leadCookie), { itemId })
    expect(outcome.status).toBe(302)
    expect(await prisma.evidenceFile.count({ where: { evidenceItemId: itemId } })).toBe(3)
    expect(await prisma.auditEvent.count({ where: { entityId: itemId, action: 'evidence.files_added' } })).toBe(1)
  })

  it('edits the details, validated like a new item, keeping what was typed when refused', async () => {
    const refused = await runAction(
      editEvidence,
      post(
        `/evidence/${itemId}/edit`,
        new URLSearchParams({
          title: 'SLA 2025',
          'evidenceDateFrom.day': '1',
          'evidenceDateFrom.month': '4',
          'evidenceDateFrom.year': '2025',
          'evidenceDateTo.day': '1',
          'evidenceDateTo.month': '1',
          'evidenceDateTo.year': '2025',
        }),
        leadCookie,
      ),
      { itemId },
    )
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused)).toEqual({
      evidenceDateTo: ['Evidence end date must be the same as or after the start date'],
    })
    expect(initialValue(refused).title).toBe('SLA 2025')
    expect(
      (await prisma.evidenceItem.findUniqueOrThrow({ where: { id: itemId }, select: { title: true } })).title,
    ).toBe('Service level agreement')

    const saved = await runAction(
      editEvidence,
      post(
        `/evidence/${itemId}/edit`,
        new URLSearchParams({
          title: 'SLA 2025 to 2027',
          description: 'Signed',
          'evidenceDateFrom.day': '1',
          'evidenceDateFrom.month': '4',
          'evidenceDateFrom.year': '2025',
        }),
        leadCookie,
      ),
      { itemId },
    )
    expect(saved.status).toBe(302)
    expect(
      await prisma.evidenceItem.findUniqueOrThrow({
        where: { id: itemId },
        select: { title: true, description: true, evidenceDateTo: true },
      }),
    ).toEqual({ title: 'SLA 2025 to 2027', description: 'Signed', evidenceDateTo: null })
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: itemId, action: 'evidence.item_updated' },
      select: { before: true, after: true },
    })
    expect(JSON.parse(audit.before ?? '{}').title).toBe('Service level agreement')
    expect(JSON.parse(audit.after ?? '{}').title).toBe('SLA 2025 to 2027')
  })

  it('gives the edit form the stored values', async () => {
    // An item of its own, stored as the edit above leaves the shared one, whichever runs first.
    const itemId = itemIdFrom(
      await upload(
        evidenceForm({ title: 'SLA 2025 to 2027', description: 'Signed' }, [await pdfNamed('sla.pdf', 'Signed SLA')]),
      ),
    )
    const page = await runLoader(editPage, get(`/evidence/${itemId}/edit`, leadCookie), { itemId })
    expect((page.data as { defaultValue: unknown }).defaultValue).toEqual({
      title: 'SLA 2025 to 2027',
      description: 'Signed',
      evidenceDateFrom: { day: '1', month: '4', year: '2025' },
      evidenceDateTo: undefined,
      url: undefined,
    })
  })
})

describe('deleting and archiving', () => {
  it('refuses to delete an item linked to a submitted submission, but archives and restores it', async () => {
    const itemId = itemIdFrom(
      await upload(evidenceForm({ title: 'Impact case studies 2021' }, [await pdfNamed('impact.pdf', 'Impact')])),
    )
    await prisma.evidenceLink.create({
      data: { evidenceItemId: itemId, outcomeResponseId: await outcomeResponseId('LKS-2122-RXV', 6) },
      select: { id: true },
    })

    const refused = await expectRefusedCleanly(() =>
      runAction(deleteEvidence, post(`/evidence/${itemId}/delete`, new FormData(), leadCookie), { itemId }),
    )
    expect(refused.data).toEqual({
      error: 'This item is part of a submitted submission, so it can be archived but not deleted',
    })

    const archiveForm = (intent: string) => new URLSearchParams({ intent })
    expect(
      (
        await runAction(archiveEvidence, post(`/evidence/${itemId}/archive`, archiveForm('archive'), leadCookie), {
          itemId,
        })
      ).location,
    ).toBe(`/evidence/${itemId}`)
    const lead = await actorFor('lead@demo.nhs.uk')
    expect(
      (await prisma.evidenceItem.findUniqueOrThrow({ where: { id: itemId }, select: { archivedAt: true } })).archivedAt,
    ).toBeInstanceOf(Date)
    expect((await listEvidence(lead, ribble, { includeArchived: false })).items.map((i) => i.id)).not.toContain(itemId)
    expect(
      (await listEvidence(lead, ribble, { includeArchived: true })).items.find((i) => i.id === itemId),
    ).toMatchObject({ archived: true, outcomeNumbers: [6] })
    expect((await listEvidenceForLinking(lead, ribble)).map((i) => i.id)).not.toContain(itemId)
    await expect(assertItemsBelongToService(prisma, [itemId], ribble)).rejects.toMatchObject({ status: 400 })

    await runAction(archiveEvidence, post(`/evidence/${itemId}/archive`, archiveForm('restore'), leadCookie), {
      itemId,
    })
    expect((await listEvidenceForLinking(lead, ribble)).map((i) => i.id)).toContain(itemId)
    const actions = await prisma.auditEvent.findMany({
      where: { entityId: itemId },
      orderBy: { at: 'asc' },
      select: { action: true },
    })
    expect(actions.map((a) => a.action)).toEqual([
      'evidence.item_created',
      'evidence.item_archived',
      'evidence.item_restored',
    ])
  })

  it('deletes an item linked only to a submission still in progress: rows, links and files', async () => {
    const fresh = await freshFiles()
    const itemId = itemIdFrom(
      await upload(
        evidenceForm({ title: 'Draft evidence summary' }, [
          await pdfNamed('summary.pdf', 'Summary'),
          await fileFrom(fresh.csv, 'figures.csv'),
        ]),
      ),
    )
    await prisma.evidenceLink.create({
      data: { evidenceItemId: itemId, outcomeResponseId: await outcomeResponseId('LKS-2627-RXV', 2) },
      select: { id: true },
    })
    const keys = (
      await prisma.evidenceFileVersion.findMany({
        where: { evidenceFile: { evidenceItemId: itemId } },
        select: { storageKey: true },
      })
    ).map((v) => v.storageKey)
    expect(keys).toHaveLength(2)

    const outcome = await runAction(deleteEvidence, post(`/evidence/${itemId}/delete`, new FormData(), leadCookie), {
      itemId,
    })
    expect(outcome.status).toBe(302)
    expect(outcome.location).toBe(`/services/${ribble}/evidence`)
    expect(await prisma.evidenceItem.count({ where: { id: itemId } })).toBe(0)
    expect(await prisma.evidenceLink.count({ where: { evidenceItemId: itemId } })).toBe(0)
    expect(await prisma.evidenceFileVersion.count({ where: { storageKey: { in: keys } } })).toBe(0)
    for (const key of keys) await expect(stat(storagePath(key))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await prisma.auditEvent.count({ where: { entityId: itemId, action: 'evidence.item_deleted' } })).toBe(1)
  })
})

describe('finding evidence', () => {
  let strategy: string
  let usage: string
  beforeAll(async () => {
    const lead = await actorFor('lead@demo.nhs.uk')
    const created = async (title: string, from: Date, to: Date | null) => {
      const result = await createEvidenceItem({
        actor: lead,
        libraryServiceId: ribble,
        details: { title, description: '', evidenceDateFrom: from, evidenceDateTo: to },
        url: 'https://example.org/',
        files: [],
      })
      if (!result.ok) throw new Error('not created')
      return result.itemId
    }
    strategy = await created(
      'KNOWLEDGE Strategy 2019',
      new Date('2019-04-01T00:00:00Z'),
      new Date('2022-03-31T00:00:00Z'),
    )
    usage = await created('Usage statistics 2030', new Date('2030-06-30T00:00:00Z'), null)
    await prisma.evidenceLink.create({
      data: { evidenceItemId: usage, outcomeResponseId: await outcomeResponseId('LKS-2627-RXV', 3) },
      select: { id: true },
    })
  })

  it('filters by title, ignoring case', async () => {
    const { items } = await listEvidence(await actorFor('contributor@demo.nhs.uk'), ribble, {
      q: 'knowledge strategy',
      includeArchived: false,
    })
    expect(items.map((i) => i.id)).toEqual([strategy])
  })

  it('filters by an outcome the item is linked to in any submission of the service', async () => {
    const { items } = await listEvidence(await actorFor('lead@demo.nhs.uk'), ribble, {
      outcome: 3,
      includeArchived: false,
    })
    expect(items.map((i) => i.id)).toContain(usage)
    expect(items.map((i) => i.id)).not.toContain(strategy)
    expect(items.find((i) => i.id === usage)?.outcomeNumbers).toEqual([3])
  })

  it('filters by a date range that overlaps the evidence period', async () => {
    const lead = await actorFor('lead@demo.nhs.uk')
    const ids = async (from?: string, to?: string) =>
      (
        await listEvidence(lead, ribble, {
          from: from ? new Date(from) : undefined,
          to: to ? new Date(to) : undefined,
          includeArchived: false,
        })
      ).items
        .map((i) => i.id)
        // The demo library has items of its own: only this test's two matter here.
        .filter((id) => id === strategy || id === usage)
    expect(await ids('2020-01-01', '2020-12-31')).toEqual([strategy])
    expect(await ids('2022-03-31', '2022-04-30')).toEqual([strategy])
    expect(await ids('2022-04-01', '2023-01-01')).toEqual([])
    expect(await ids('2030-06-30', '2030-06-30')).toEqual([usage])
    expect(await ids(undefined, '2019-04-01')).toEqual([strategy])
  })

  it('reads the filters from the query string of the library page', async () => {
    const page = await runLoader(
      libraryPage,
      get(`/services/${ribble}/evidence?q=usage+STATISTICS&outcome=3`, leadCookie),
      { serviceId: ribble },
    )
    const data = page.data as { items: Array<{ id: string; title: string }>; filtered: boolean }
    expect(data.filtered).toBe(true)
    expect(data.items.map((i) => i.id).filter((id) => id === strategy || id === usage)).toEqual([usage])
    expect(data.items.every((i) => /usage statistics/i.test(i.title))).toBe(true)
  })

  it('lists items for linking newest evidence first, with their current files', async () => {
    // An item with files of its own: the upload tests' items may not exist yet.
    const fresh = await freshFiles()
    const withFilesId = itemIdFrom(
      await upload(
        evidenceForm({ title: 'Files for linking' }, [
          await fileFrom(fresh.pdf),
          await fileFrom(fresh.png),
          await fileFrom(fresh.docx),
          await fileFrom(fresh.xlsx),
        ]),
      ),
    )
    const items = await listEvidenceForLinking(await actorFor('contributor@demo.nhs.uk'), ribble)
    expect(items[0]?.id).toBe(usage)
    const dates = items.map((i) => i.evidenceDateFrom.getTime())
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    const withFiles = items.find((i) => i.id === withFilesId)
    expect(withFiles?.files.map((f) => f.originalName).sort()).toEqual([
      'annual-report.pdf',
      'board-minutes.docx',
      'impact-chart.png',
      'usage-figures.xlsx',
    ])
    expect(withFiles?.files.find((f) => f.originalName === 'impact-chart.png')).toEqual({
      originalName: 'impact-chart.png',
      sizeBytes: expect.any(Number),
      mimeType: 'image/png',
    })
  })

  it('accepts its own items for linking and refuses another service’s, naming nothing', async () => {
    await expect(assertItemsBelongToService(prisma, [strategy, usage, strategy], ribble)).resolves.toBeUndefined()
    await expect(assertItemsBelongToService(prisma, [], ribble)).resolves.toBeUndefined()
    const thamesideItem = await createEvidenceItem({
      actor: await actorFor('mark.lewis@demo.nhs.uk'),
      libraryServiceId: thameside,
      details: {
        title: 'Thameside secret',
        description: '',
        evidenceDateFrom: new Date('2025-01-01T00:00:00Z'),
        evidenceDateTo: null,
      },
      url: 'https://example.org/thameside',
      files: [],
    })
    if (!thamesideItem.ok) throw new Error('not created')
    const refusal = await assertItemsBelongToService(prisma, [strategy, thamesideItem.itemId], ribble).catch(
      (thrown: unknown) => thrown,
    )
    expect(refusal).toBeInstanceOf(Response)
    expect((refusal as Response).status).toBe(400)
    expect(await (refusal as Response).text()).not.toMatch(/Thameside|secret/)
    await expect(assertItemsBelongToService(prisma, ['not-an-id'], ribble)).rejects.toMatchObject({ status: 400 })
  })
})

describe('who may reach evidence', () => {
  let itemId: string
  let versionId: string
  let linkedItemId: string
  let linkedVersionId: string
  let linkedPdf: File

  beforeAll(async () => {
    itemId = itemIdFrom(
      await upload(
        evidenceForm({ title: 'Unlinked staffing structure' }, [await pdfNamed('staffing.pdf', 'Staffing')]),
      ),
    )
    versionId = (
      await prisma.evidenceFileVersion.findFirstOrThrow({
        where: { evidenceFile: { evidenceItemId: itemId } },
        select: { id: true },
      })
    ).id
    linkedPdf = await pdfNamed('impact-survey.pdf', 'Impact survey')
    linkedItemId = itemIdFrom(
      await upload(
        evidenceForm({ title: 'Impact survey results' }, [
          linkedPdf,
          await fileFrom((await freshFiles()).docx, 'survey-questions.docx'),
        ]),
      ),
    )
    linkedVersionId = (
      await prisma.evidenceFileVersion.findFirstOrThrow({
        where: { evidenceFile: { evidenceItemId: linkedItemId }, originalName: 'impact-survey.pdf' },
        select: { id: true },
      })
    ).id
    // validator@demo.nhs.uk is the second validator of the published 2021/22 Ribble Valley submission.
    await prisma.evidenceLink.create({
      data: {
        evidenceItemId: linkedItemId,
        outcomeResponseId: await outcomeResponseId('LKS-2122-RXV', 6),
        pointer: 'page 4',
      },
      select: { id: true },
    })
  })

  it('lets the service’s contributors and lead open, download and preview', async () => {
    const contributor = await cookieFor('contributor@demo.nhs.uk')
    const page = await runLoader(itemPage, get(`/evidence/${itemId}`, contributor), { itemId })
    expect((page.data as { item: { title: string } }).item.title).toBe('Unlinked staffing structure')
    const response = await runLoader(download, get(`/evidence/files/${versionId}/download`, contributor), { versionId })
    expect(response.status).toBe(200)
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="staffing.pdf"; filename*=UTF-8''staffing.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    })
    const inline = await runLoader(preview, get(`/evidence/files/${versionId}/preview`, leadCookie), { versionId })
    expect(inline.headers.get('Content-Disposition')).toMatch(/^inline; /)
    expect(inline.headers.get('Content-Type')).toBe('application/pdf')
    const docx = await prisma.evidenceFileVersion.findFirstOrThrow({
      where: { originalName: 'survey-questions.docx' },
      select: { id: true },
    })
    expect(
      (await runLoader(preview, get(`/evidence/files/${docx.id}/preview`, leadCookie), { versionId: docx.id })).status,
    ).toBe(404)
  })

  it.each([
    'mark.lewis@demo.nhs.uk',
    'sponsor@demo.nhs.uk',
    'viewer@demo.nhs.uk',
    'regional.lead@demo.nhs.uk',
    'validator@demo.nhs.uk',
  ])('refuses %s the library, the item and its files', async (email) => {
    const cookie = await cookieFor(email)
    expect(
      (await runLoader(libraryPage, get(`/services/${ribble}/evidence`, cookie), { serviceId: ribble })).status,
    ).toBe(403)
    expect(
      (await runLoader(newEvidencePage, get(`/services/${ribble}/evidence/new`, cookie), { serviceId: ribble })).status,
    ).toBe(403)
    await expect(listEvidenceForLinking(await actorFor(email), ribble)).rejects.toMatchObject({ status: 403 })
    expect((await runLoader(itemPage, get(`/evidence/${itemId}`, cookie), { itemId })).status).toBe(404)
    expect((await runLoader(editPage, get(`/evidence/${itemId}/edit`, cookie), { itemId })).status).toBe(404)
    expect(
      (await runLoader(download, get(`/evidence/files/${versionId}/download`, cookie), { versionId })).status,
    ).toBe(404)
    expect((await runLoader(preview, get(`/evidence/files/${versionId}/preview`, cookie), { versionId })).status).toBe(
      404,
    )
  })

  it('refuses another service’s lead every change by id, changing nothing', async () => {
    const cookie = await cookieFor('mark.lewis@demo.nhs.uk')
    const rows = await evidenceRowCounts()
    const filesBefore = await uploadedFiles()
    const edit = new URLSearchParams({
      title: 'Hijacked',
      'evidenceDateFrom.day': '1',
      'evidenceDateFrom.month': '1',
      'evidenceDateFrom.year': '2025',
    })
    expect((await runAction(editEvidence, post(`/evidence/${itemId}/edit`, edit, cookie), { itemId })).status).toBe(404)
    expect(
      (
        await runAction(
          archiveEvidence,
          post(`/evidence/${itemId}/archive`, new URLSearchParams({ intent: 'archive' }), cookie),
          { itemId },
        )
      ).status,
    ).toBe(404)
    expect(
      (await runAction(deleteEvidence, post(`/evidence/${itemId}/delete`, new FormData(), cookie), { itemId })).status,
    ).toBe(404)
    const more = new FormData()
    more.append('files', await fileFrom(files.txt, 'intruder.txt'))
    expect((await runAction(addFiles, post(`/evidence/${itemId}/files/new`, more, cookie), { itemId })).status).toBe(
      404,
    )
    expect(
      (await upload(evidenceForm({ title: 'Planted' }, [await fileFrom(files.txt, 'planted.txt')]), cookie)).status,
    ).toBe(403)
    expect(await evidenceRowCounts()).toEqual(rows)
    expect(await uploadedFiles()).toEqual(filesBefore)
    expect(
      await prisma.evidenceItem.findUniqueOrThrow({ where: { id: itemId }, select: { title: true, archivedAt: true } }),
    ).toEqual({ title: 'Unlinked staffing structure', archivedAt: null })
  })

  it('lets a validator assigned to a submission that links the item download it, and nothing else', async () => {
    const cookie = await cookieFor('validator@demo.nhs.uk')
    const response = await runLoader(download, get(`/evidence/files/${linkedVersionId}/download`, cookie), {
      versionId: linkedVersionId,
    })
    expect(response.status).toBe(200)
    const body = new Uint8Array(await response.response!.arrayBuffer())
    expect(sha256(body)).toBe(sha256(new Uint8Array(await linkedPdf.arrayBuffer())))
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="impact-survey.pdf"/)
    // The item page stays with the service's team.
    expect((await runLoader(itemPage, get(`/evidence/${linkedItemId}`, cookie), { itemId: linkedItemId })).status).toBe(
      404,
    )
  })

  it('lets the sponsor of the organisation whose submission links the item download it, and not a sponsor elsewhere', async () => {
    const own = await runLoader(
      download,
      get(`/evidence/files/${linkedVersionId}/download`, await cookieFor('sponsor@demo.nhs.uk')),
      { versionId: linkedVersionId },
    )
    expect(own.status).toBe(200)
    const other = await runLoader(
      download,
      get(`/evidence/files/${linkedVersionId}/download`, await cookieFor('kate.holt@demo.nhs.uk')),
      { versionId: linkedVersionId },
    )
    expect(other.status).toBe(404)
  })

  it('shows the service where an item is linked', async () => {
    const item = await getEvidenceItem(await actorFor('lead@demo.nhs.uk'), linkedItemId)
    expect(item?.links).toEqual([
      expect.objectContaining({
        outcomeNumber: 6,
        pointer: 'page 4',
        indicatorCode: null,
        submission: expect.objectContaining({ reference: 'LKS-2122-RXV', cycleName: '2021/22 baseline' }),
      }),
    ])
    expect(item?.lockedBySubmission).toBe(true)
  })
})
