// Reads a PDF the way a person's tools do, for the report renderer tests: poppler-utils (pdftotext,
// pdfinfo) and qpdf, installed on developer machines and in CI. Each PDF is written to a temporary
// file and every tool runs once; the tests then look at plain data.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)
// A long report's word boxes run to several megabytes.
const MAX_OUTPUT = 256 * 1024 * 1024

/** A word as pdftotext places it, in points from the top-left corner of its page. */
export type PdfWord = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }

export type PdfOutlineItem = { title: string; page: number | null; kids: PdfOutlineItem[] }

export type InspectedPdf = {
  file: string
  /** pdfinfo's fields ("Title", "Tagged", "Pages", "Page size", ...). */
  info: Record<string, string>
  pageCount: number
  /** Per page, the text in content order (`pdftotext -raw`): reading order, hyphens at line ends kept. */
  pages: string[]
  /** Per page, the text laid out as printed (`pdftotext -layout`): table rows stay on one line. */
  layoutPages: string[]
  /** Page sizes from the word boxes output, in points. */
  pageSizes: Array<{ width: number; height: number }>
  words: PdfWord[]
  outline: PdfOutlineItem[]
  /** The document catalog (trailer /Root) as qpdf JSON, with /MarkInfo resolved. */
  catalog: Record<string, unknown>
  /** Structure element types (/S) from the structure tree, in tree order. */
  structure: Array<{ type: string; alt: string | null }>
  /** Every /URI of a link action in the file. */
  uris: string[]
  /** `qpdf --check`: its exit code and output. */
  check: { code: number; output: string }
}

async function tool(command: string, args: string[]): Promise<string> {
  const { stdout } = await run(command, args, { maxBuffer: MAX_OUTPUT, encoding: 'utf8' })
  return stdout
}

async function exitCodeOf(command: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { maxBuffer: MAX_OUTPUT, encoding: 'utf8' })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof failure.code === 'number' ? failure.code : -1,
      output: `${failure.stdout ?? ''}${failure.stderr ?? ''}`,
    }
  }
}

/** pdftotext ends every page with a form feed. */
function splitPages(text: string): string[] {
  const pages = text.split('\f')
  if (pages.at(-1) === '') pages.pop()
  return pages
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_, name: string, code?: string) =>
    code
      ? String.fromCodePoint(Number(code))
      : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name]!,
  )
}

export function parseWordBoxes(html: string): {
  pageSizes: Array<{ width: number; height: number }>
  words: PdfWord[]
} {
  const pageSizes: Array<{ width: number; height: number }> = []
  const words: PdfWord[] = []
  const chunks = html.split(/<page /).slice(1)
  chunks.forEach((chunk, page) => {
    const size = /^width="([\d.]+)" height="([\d.]+)"/.exec(chunk)
    pageSizes.push({ width: Number(size?.[1]), height: Number(size?.[2]) })
    for (const m of chunk.matchAll(
      /<word xMin="(-?[\d.]+)" yMin="(-?[\d.]+)" xMax="(-?[\d.]+)" yMax="(-?[\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({
        page,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: decodeEntities(m[5]!),
      })
    }
  })
  return { pageSizes, words }
}

function parseInfo(text: string): Record<string, string> {
  const info: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line)
    if (m) info[m[1]!] = m[2]!
  }
  return info
}

type QpdfOutline = { title: string; destpageposfrom1?: number | null; kids: QpdfOutline[] }
type QpdfJson = { outlines: QpdfOutline[]; qpdf: [unknown, Record<string, { value?: unknown }>] }
type Dict = Record<string, unknown>

const isDict = (value: unknown): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value)
const isRef = (value: unknown): value is string => typeof value === 'string' && /^\d+ \d+ R$/.test(value)
/** qpdf JSON v2 writes strings as "u:text" (or "b:hex"). */
const stringOf = (value: unknown): string | null =>
  typeof value === 'string' && value.startsWith('u:') ? value.slice(2) : null

function readObjects(json: QpdfJson) {
  const objects = json.qpdf[1]
  const resolve = (value: unknown): unknown => (isRef(value) ? objects[`obj:${value}`]?.value : value)
  const trailer = objects.trailer?.value as Dict
  const catalog = { ...(resolve(trailer['/Root']) as Dict) }
  if (catalog['/MarkInfo']) catalog['/MarkInfo'] = resolve(catalog['/MarkInfo'])

  const structure: InspectedPdf['structure'] = []
  const walk = (node: unknown) => {
    const element = resolve(node)
    if (Array.isArray(element)) return element.forEach(walk)
    if (!isDict(element)) return // a marked-content id
    if (typeof element['/S'] === 'string' && element['/Type'] !== '/MCR' && element['/Type'] !== '/OBJR') {
      structure.push({ type: element['/S'].slice(1), alt: stringOf(element['/Alt']) })
    }
    if (element['/K'] !== undefined) walk(element['/K'])
  }
  const root = resolve(catalog['/StructTreeRoot'])
  if (isDict(root)) walk(root['/K'])

  const uris: string[] = []
  const collect = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(collect)
    if (!isDict(value)) return
    const uri = stringOf(value['/URI'])
    if (uri !== null) uris.push(uri)
    Object.values(value).forEach(collect)
  }
  for (const object of Object.values(objects)) collect(object.value)
  return { catalog, structure, uris }
}

function outlineOf(items: QpdfOutline[]): PdfOutlineItem[] {
  return items.map((item) => ({ title: item.title, page: item.destpageposfrom1 ?? null, kids: outlineOf(item.kids) }))
}

/** A temporary folder for the PDFs of one test file; `inspect` writes a PDF there and reads it with every tool. */
export async function pdfWorkspace(parent = process.env.LKS_TEST_TMP ?? tmpdir()) {
  const dir = await mkdtemp(path.join(parent, 'pdf-'))
  return {
    dir,
    async inspect(name: string, bytes: Buffer): Promise<InspectedPdf> {
      const file = path.join(dir, `${name}.pdf`)
      await writeFile(file, bytes)
      const [raw, layout, boxes, info, json, check] = await Promise.all([
        tool('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']),
        tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']),
        tool('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']),
        tool('pdfinfo', [file]),
        tool('qpdf', ['--json=2', '--json-key=outlines', '--json-key=qpdf', file]),
        exitCodeOf('qpdf', ['--check', file]),
      ])
      const parsedInfo = parseInfo(info)
      const { pageSizes, words } = parseWordBoxes(boxes)
      const parsed = JSON.parse(json) as QpdfJson
      return {
        file,
        info: parsedInfo,
        pageCount: Number(parsedInfo.Pages),
        pages: splitPages(raw),
        layoutPages: splitPages(layout),
        pageSizes,
        words,
        outline: outlineOf(parsed.outlines),
        ...readObjects(parsed),
        check,
      }
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  }
}
