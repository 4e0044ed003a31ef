// Office documents by content (issue 12, finding 11): Word, Excel and PowerPoint (OOXML) and
// OpenDocument files are zip containers, so a zip bomb can be named .docx. Before such a file is
// kept, its container is checked from the central directory (entry count, each entry's and the
// total uncompressed size, compression ratio, the entries a real document of its kind must have)
// and then every entry is inflated in memory and counted, never written anywhere, stopping at the
// first byte past the limits (yauzl refuses an entry that inflates beyond the size it declares).
import yauzl from 'yauzl'

export const ARCHIVE_LIMITS = {
  /** Real documents have tens to a few thousand parts. */
  maxEntries: 5_000,
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 500 * 1024 * 1024,
  /** Uncompressed to compressed, for entries big enough to matter (XML compresses to about 1:10). */
  maxRatio: 150,
  ratioFromBytes: 1024 * 1024,
}

export type ArchiveLimits = typeof ARCHIVE_LIMITS

/** The parts each kind of document must have; ODF also its `mimetype` entry's exact content. */
const REQUIRED: Record<string, { entries: string[]; odfMimeType?: string }> = {
  docx: { entries: ['[Content_Types].xml', 'word/document.xml'] },
  xlsx: { entries: ['[Content_Types].xml', 'xl/workbook.xml'] },
  pptx: { entries: ['[Content_Types].xml', 'ppt/presentation.xml'] },
  odt: { entries: ['mimetype', 'content.xml'], odfMimeType: 'application/vnd.oasis.opendocument.text' },
  ods: { entries: ['mimetype', 'content.xml'], odfMimeType: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { entries: ['mimetype', 'content.xml'], odfMimeType: 'application/vnd.oasis.opendocument.presentation' },
}

export function isOfficeContainer(extension: string): boolean {
  return extension in REQUIRED
}

export type ArchiveCheck = { ok: true } | { ok: false; reason: 'NOT_A_DOCUMENT' | 'TOO_LARGE_INFLATED' }

function openZip(filePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  )
}

function readEntries(zip: yauzl.ZipFile, limits: ArchiveLimits): Promise<yauzl.Entry[] | 'TOO_MANY'> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry)
      if (entries.length > limits.maxEntries) resolve('TOO_MANY')
      else zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', reject)
    zip.readEntry()
  })
}

/** Inflates one entry in memory, counting; returns its real size or null past `budget`. `keep` keeps the first bytes. */
function inflateCounting(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: number,
  keep = 0,
): Promise<{ bytes: number; head: Buffer } | null> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error)
      let bytes = 0
      const head: Buffer[] = []
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        if (keep > 0 && Buffer.concat(head).length < keep) head.push(chunk.subarray(0, keep))
        if (bytes > budget) {
          stream.destroy()
          resolve(null)
        }
      })
      stream.on('end', () => resolve({ bytes, head: Buffer.concat(head).subarray(0, keep) }))
      stream.on('error', reject)
    })
  })
}

/**
 * Whether a file named as an office document (`extension`) is a real one within the limits.
 * Reads the file from disk; holds at most one inflated chunk in memory at a time.
 */
export async function checkOfficeContainer(
  filePath: string,
  extension: string,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Promise<ArchiveCheck> {
  const required = REQUIRED[extension]
  if (!required) return { ok: true }
  let zip: yauzl.ZipFile
  try {
    zip = await openZip(filePath)
  } catch {
    return { ok: false, reason: 'NOT_A_DOCUMENT' }
  }
  try {
    const entries = await readEntries(zip, limits)
    if (entries === 'TOO_MANY') return { ok: false, reason: 'TOO_LARGE_INFLATED' }
    let declaredTotal = 0
    for (const entry of entries) {
      declaredTotal += entry.uncompressedSize
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
      if (
        entry.uncompressedSize > limits.maxEntryBytes ||
        declaredTotal > limits.maxTotalBytes ||
        (entry.uncompressedSize >= limits.ratioFromBytes && ratio > limits.maxRatio)
      ) {
        return { ok: false, reason: 'TOO_LARGE_INFLATED' }
      }
    }
    const names = new Set(entries.map((entry) => entry.fileName))
    if (!required.entries.every((name) => names.has(name))) return { ok: false, reason: 'NOT_A_DOCUMENT' }
    // The declared sizes are only claims: inflate everything, counting, within what is left.
    let budget = limits.maxTotalBytes
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      const isMimeType = entry.fileName === 'mimetype'
      const inflated = await inflateCounting(zip, entry, Math.min(budget, limits.maxEntryBytes), isMimeType ? 100 : 0)
      if (!inflated) return { ok: false, reason: 'TOO_LARGE_INFLATED' }
      budget -= inflated.bytes
      if (isMimeType && required.odfMimeType && inflated.head.toString('latin1') !== required.odfMimeType) {
        return { ok: false, reason: 'NOT_A_DOCUMENT' }
      }
    }
    return { ok: true }
  } catch {
    // A damaged container, or an entry bigger than it says: not a document we keep.
    return { ok: false, reason: 'NOT_A_DOCUMENT' }
  } finally {
    zip.close()
  }
}
