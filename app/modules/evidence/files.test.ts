import { fileTypeFromBuffer } from 'file-type'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  ACCEPTED_FILE_TYPES,
  ACCEPT_ATTRIBUTE,
  acceptedTypeForName,
  checkFileType,
  cleanFileName,
  contentDisposition,
  extensionOf,
  fileKindLabel,
  fileMessages,
  fileTypeMessage,
  formatFileSize,
  formatSizeLimit,
  isTextContent,
  previewKind,
  shortSha256,
  type SniffedContent,
} from './files'

const encode = (text: string) => new TextEncoder().encode(text)

function bytes(...values: number[]): Uint8Array {
  const out = new Uint8Array(Math.max(values.length, 512))
  out.set(values)
  return out
}

const OOXML_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
}

/** A minimal Office Open XML package: the content types part is what identifies it. */
function ooxml(kind: keyof typeof OOXML_TYPES): Uint8Array {
  const folder = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml', pptx: 'ppt/presentation.xml' }[kind]
  const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${folder}" ContentType="${OOXML_TYPES[kind]}"/></Types>`
  return zipSync({ '[Content_Types].xml': strToU8(contentTypes), [folder]: strToU8('<x/>') }, { level: 0 })
}

/** A minimal OpenDocument package: an uncompressed `mimetype` entry first. */
function openDocument(mime: string): Uint8Array {
  return zipSync({ mimetype: [strToU8(mime), { level: 0 }], 'content.xml': strToU8('<x/>') })
}

// Real signatures for each accepted kind, detected by file-type as the upload handler does.
const SAMPLES: Record<string, () => Uint8Array> = {
  pdf: () => encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
  png: () => bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52),
  jpg: () => bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0),
  cfb: () => bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
  docx: () => ooxml('docx'),
  xlsx: () => ooxml('xlsx'),
  pptx: () => ooxml('pptx'),
  odt: () => openDocument('application/vnd.oasis.opendocument.text'),
  ods: () => openDocument('application/vnd.oasis.opendocument.spreadsheet'),
  odp: () => openDocument('application/vnd.oasis.opendocument.presentation'),
  exe: () => bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff),
  elf: () => bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00),
  zip: () => zipSync({ 'notes.txt': strToU8('hello') }),
}

async function sniff(sample: Uint8Array): Promise<SniffedContent> {
  const detected = await fileTypeFromBuffer(sample)
  return { detected: detected?.ext, text: isTextContent(sample, true) }
}

describe('the accepted file types', () => {
  it('lists every format the issue accepts, once per extension, each with a MIME type', () => {
    const extensions = ACCEPTED_FILE_TYPES.map((type) => type.extension)
    expect(extensions.sort()).toEqual([
      'csv',
      'doc',
      'docx',
      'jpeg',
      'jpg',
      'odp',
      'ods',
      'odt',
      'pdf',
      'png',
      'pptx',
      'txt',
      'xls',
      'xlsx',
    ])
    for (const type of ACCEPTED_FILE_TYPES) expect(type.mimeType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/)
    expect(ACCEPT_ATTRIBUTE.split(',')).toHaveLength(ACCEPTED_FILE_TYPES.length)
  })

  it('previews only PDFs and images', () => {
    expect(ACCEPTED_FILE_TYPES.filter((type) => type.preview).map((type) => type.extension)).toEqual([
      'pdf',
      'png',
      'jpg',
      'jpeg',
    ])
    expect(previewKind('application/pdf')).toBe('pdf')
    expect(previewKind('image/jpeg')).toBe('image')
    expect(previewKind('text/csv')).toBeNull()
    expect(previewKind('text/html')).toBeNull()
  })

  it('reads extensions case-insensitively and ignores dot files and trailing dots', () => {
    expect(extensionOf('Annual Report.PDF')).toBe('pdf')
    expect(extensionOf('archive.tar.gz')).toBe('gz')
    expect(extensionOf('.pdf')).toBe('')
    expect(extensionOf('report.')).toBe('')
    expect(extensionOf('README')).toBe('')
    expect(acceptedTypeForName('Photo.JPEG')?.mimeType).toBe('image/jpeg')
    expect(acceptedTypeForName('setup.exe')).toBeUndefined()
  })

  it('labels stored files for readers', () => {
    expect(fileKindLabel('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('Excel')
    expect(fileKindLabel('text/plain')).toBe('Text')
    expect(fileKindLabel('application/x-unknown')).toBe('File')
  })
})

describe('matching a file name with its content', () => {
  const accepted: Array<[string, keyof typeof SAMPLES]> = [
    ['report.pdf', 'pdf'],
    ['minutes.docx', 'docx'],
    ['minutes.doc', 'cfb'],
    ['budget.xlsx', 'xlsx'],
    ['budget.xls', 'cfb'],
    ['slides.pptx', 'pptx'],
    ['notes.odt', 'odt'],
    ['figures.ods', 'ods'],
    ['talk.odp', 'odp'],
    ['chart.png', 'png'],
    ['photo.jpg', 'jpg'],
    ['photo.jpeg', 'jpg'],
  ]
  it.each(accepted)('accepts %s with %s content', async (name, sample) => {
    const check = checkFileType(name, await sniff(SAMPLES[sample]!()))
    expect(check).toMatchObject({ ok: true, type: { extension: extensionOf(name) } })
  })

  it('accepts CSV and text files only when their content is text', async () => {
    expect(checkFileType('usage.csv', await sniff(encode('month,loans\nApril,1200\n'))).ok).toBe(true)
    expect(checkFileType('notes.txt', await sniff(encode('Zoë’s notes — “draft”\r\n'))).ok).toBe(true)
    expect(checkFileType('usage.csv', await sniff(SAMPLES.exe!()))).toMatchObject({ ok: false, reason: 'MISMATCH' })
    expect(checkFileType('notes.txt', await sniff(SAMPLES.zip!()))).toMatchObject({ ok: false, reason: 'MISMATCH' })
    expect(checkFileType('notes.txt', await sniff(SAMPLES.pdf!()))).toMatchObject({ ok: false, reason: 'MISMATCH' })
  })

  it('refuses an executable or a ZIP named report.pdf, with a message naming the file', async () => {
    for (const sample of ['exe', 'elf', 'zip'] as const) {
      const check = checkFileType('report.pdf', await sniff(SAMPLES[sample]!()))
      expect(check).toMatchObject({ ok: false, reason: 'MISMATCH' })
      if (check.ok) throw new Error('expected a refusal')
      expect(fileTypeMessage('report.pdf', true, check)).toBe('report.pdf is not a PDF file')
    }
  })

  it('refuses content of another accepted kind under the wrong name', async () => {
    const check = checkFileType('budget.xlsx', await sniff(SAMPLES.docx!()))
    if (check.ok) throw new Error('expected a refusal')
    expect(fileTypeMessage('budget.xlsx', false, check)).toBe('budget.xlsx is not an Excel file')
    expect(checkFileType('chart.png', await sniff(SAMPLES.jpg!())).ok).toBe(false)
    expect(checkFileType('notes.odt', await sniff(SAMPLES.ods!())).ok).toBe(false)
    expect(checkFileType('minutes.docx', await sniff(SAMPLES.cfb!())).ok).toBe(false)
  })

  it('refuses a file whose name is not an accepted type, whatever its content', async () => {
    const check = checkFileType('setup.exe', await sniff(SAMPLES.exe!()))
    expect(check).toEqual({ ok: false, reason: 'UNSUPPORTED' })
    if (check.ok) throw new Error('expected a refusal')
    expect(fileTypeMessage('setup.exe', true, check)).toBe(
      'The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG file',
    )
    expect(fileTypeMessage('setup.exe', false, check)).toBe(
      'setup.exe must be a PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG file',
    )
    expect(checkFileType('passwd', await sniff(encode('root:x:0:0'))).ok).toBe(false)
  })
})

describe('text content', () => {
  it('accepts ASCII and UTF-8 and refuses NUL, binary control bytes and invalid UTF-8', () => {
    expect(isTextContent(encode('plain, ascii\ttext\n'), true)).toBe(true)
    expect(isTextContent(encode('ünïcødé ✓ 😀'), true)).toBe(true)
    expect(isTextContent(Uint8Array.of(0x61, 0x00, 0x62), true)).toBe(false)
    expect(isTextContent(Uint8Array.of(0x61, 0x07, 0x62), true)).toBe(false)
    expect(isTextContent(Uint8Array.of(0xc3, 0x28), true)).toBe(false)
    expect(isTextContent(Uint8Array.of(0xff, 0xfe, 0x41, 0x00), true)).toBe(false)
  })

  it('allows a character cut in two at the end of the first chunk, but not at the end of the file', () => {
    const cut = encode('price: 5€').subarray(0, -1)
    expect(isTextContent(cut, false)).toBe(true)
    expect(isTextContent(cut, true)).toBe(false)
    expect(isTextContent(Uint8Array.of(0x61, 0x80), false)).toBe(false)
  })
})

describe('cleaning file names', () => {
  it('keeps only the last segment of a path', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd')
    expect(cleanFileName('C:\\Users\\zoe\\Documents\\report.pdf')).toBe('report.pdf')
    expect(cleanFileName('..')).toBe('file')
    expect(cleanFileName('')).toBe('file')
  })

  it('keeps unicode, quotes and apostrophes as they are', () => {
    expect(cleanFileName('Zoë’s “report”.pdf')).toBe('Zoë’s “report”.pdf')
    expect(cleanFileName('Zoe\u0308.pdf')).toBe('Zoë.pdf')
  })

  it('removes control and direction characters that could disguise a name', () => {
    expect(cleanFileName('report\u0000\u0007\r\n.pdf')).toBe('report.pdf')
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    expect(cleanFileName('  .hidden  name .pdf  ')).toBe('hidden name .pdf')
    expect(cleanFileName('trailing dots...')).toBe('trailing dots')
  })

  it('shortens very long names but keeps the extension', () => {
    const name = cleanFileName(`${'a'.repeat(300)}.docx`)
    expect(Array.from(name)).toHaveLength(200)
    expect(name.endsWith('.docx')).toBe(true)
  })
})

describe('Content-Disposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 6266)', () => {
    expect(contentDisposition('attachment', 'Zoë’s “report”.pdf')).toBe(
      `attachment; filename="Zoe_s _report_.pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20%E2%80%9Creport%E2%80%9D.pdf`,
    )
  })

  it('cannot be broken out of by quotes, semicolons or new lines', () => {
    const header = contentDisposition('inline', 'a"b;c\r\nd\'(e).pdf')
    expect(header).toBe(`inline; filename="a_b;cd'(e).pdf"; filename*=UTF-8''a%22b%3Bcd%27%28e%29.pdf`)
    expect(header).not.toMatch(/[\r\n]/)
  })

  it('never names a path', () => {
    expect(contentDisposition('attachment', '../../etc/passwd')).toBe(
      `attachment; filename="passwd"; filename*=UTF-8''passwd`,
    )
  })
})

describe('sizes', () => {
  it('formats sizes for reading', () => {
    expect(formatFileSize(0)).toBe('0 bytes')
    expect(formatFileSize(1)).toBe('1 byte')
    expect(formatFileSize(1023)).toBe('1023 bytes')
    expect(formatFileSize(1536)).toBe('1.5 KB')
    expect(formatFileSize(12 * 1024 + 300)).toBe('12 KB')
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe('2.4 MB')
    expect(formatFileSize(50 * 1024 * 1024)).toBe('50 MB')
    expect(formatFileSize(1.5 * 1024 ** 3)).toBe('1.5 GB')
  })

  it('formats limits as error messages write them', () => {
    expect(formatSizeLimit(50 * 1024 * 1024)).toBe('50MB')
    expect(formatSizeLimit(1024 * 1024)).toBe('1MB')
    expect(formatSizeLimit(5 * 1024 ** 3)).toBe('5GB')
    expect(formatSizeLimit(20 * 1024)).toBe('20KB')
    expect(fileMessages.tooLarge('big.pdf', true, 50 * 1024 * 1024)).toBe('The selected file must be smaller than 50MB')
    expect(fileMessages.tooLarge('big.pdf', false, 50 * 1024 * 1024)).toBe('big.pdf must be smaller than 50MB')
    expect(fileMessages.empty('blank.txt', true)).toBe('The selected file is empty')
  })

  it('shortens a SHA-256 to 12 hex digits', () => {
    expect(shortSha256('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe('e3b0c44298fc')
  })
})
