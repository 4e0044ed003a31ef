// The one way the portal writes a PDF (issue 5): A4 pages in the NHS.UK style, an embedded Unicode
// font (Noto Sans, so "Zoë", "Łukasz" and Welsh names render, with Noto fallbacks for emoji,
// symbols, Hebrew and Arabic: fonts.server.ts), a tagged structure in reading order
// (headings, paragraphs, lists, tables, figures), a contents page with page numbers and links, a PDF
// outline (bookmarks), and a running header and a "Page x of y" footer on every page.
//
// Blocks are written top to bottom; each is one structure element of the document, so a screen
// reader meets them in the order they are printed. Anything decorative (rules, the header and
// footer) is marked as an artifact. Long text flows over as many pages as it needs; a word too long
// for a line (a URL, say) is broken, so nothing runs off the page. Table cells hold short text only:
// long text belongs in paragraphs, and `table()` refuses a row taller than a page rather than clip it.
import PDFDocument from 'pdfkit'
import { parseNarrative, type ListItem } from '~/modules/submissions/narrative-text'
import { formatDate } from '~/utils/dates'
import type { ReportReader } from '../model'
import { fontRuns, loadFaces, type Weight } from './fonts.server'

type Doc = PDFKit.PDFDocument
type StructElement = PDFKit.PDFStructureElement
type Outline = PDFKit.PDFOutline

/** NHS.UK colours (text, secondary text, blue, borders, grey background). */
export const COLOURS = {
  text: '#212b32',
  secondary: '#4c6272',
  blue: '#005eb8',
  border: '#aeb7bd',
  lightBorder: '#d8dde0',
  headerBackground: '#f0f4f5',
  white: '#ffffff',
} as const

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 }
const SIZES = { title: 24, h1: 18, h2: 14, h3: 12, body: 10.5, small: 8.5 } as const
const LINE_GAP = 2
const PARAGRAPH_GAP = 6

export type FontName = 'regular' | 'bold'

export type ParagraphOptions = {
  font?: FontName
  size?: number
  colour?: string
  /** Space after the paragraph, in points. */
  gapAfter?: number
  /** Make the whole paragraph a link. */
  link?: string
  indent?: number
}

export type TableColumn = {
  header: string
  /** Share of the content width; shares are scaled to fill it. */
  width: number
  align?: 'left' | 'right' | 'center'
}

export type TableSpec = {
  columns: TableColumn[]
  rows: string[][]
  /** Make each row's first cell a row header (TH). */
  rowHeaders?: boolean
  /** Shown when there are no rows, instead of an empty table. */
  emptyText?: string
  size?: number
}

type ContentsEntry = { title: string; level: 1 | 2; pageIndex: number; destination: string }

export type ReportOptions = {
  /** Document title (metadata and the title the viewer shows). */
  title: string
  subject: string
  /** Short text in the header of every page after the cover, e.g. "Reviewer pack: LKS-2627-RXV". */
  runningHeader: string
  reader: ReportReader
  keywords?: string
}

/** Ends a piece of text with a space, as tagged PDF asks, so words never run together when extracted. */
function spaced(text: string): string {
  return text.endsWith(' ') ? text : `${text} `
}

export class ReportWriter {
  readonly doc: Doc
  private readonly root: StructElement
  private readonly options: ReportOptions
  private readonly contents: ContentsEntry[] = []
  private contentsPage: { pageIndex: number; element: StructElement } | null = null
  private outlineParent: Outline | null = null
  private pageIndex = 0
  private destinationCount = 0
  private readonly chunks: Buffer[] = []
  private readonly done: Promise<Buffer>

  constructor(options: ReportOptions) {
    this.options = options
    this.doc = new PDFDocument({
      size: [A4.width, A4.height],
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'en-GB',
      displayTitle: true,
      compress: true,
      info: {
        Title: options.title,
        Subject: options.subject,
        Author: 'LKS Quality Portal',
        Creator: 'LKS Quality Portal',
        Keywords: options.keywords ?? '',
        CreationDate: options.reader.generatedAt,
      },
    })
    // Registered by name, so pdfkit parses each font once per document, and embeds only those used.
    // (pdfkit also loads its default Helvetica, which is never used, so never written.)
    for (const [name, face] of loadFaces()) this.doc.registerFont(name, face as unknown as Buffer) // pdfkit takes a fontkit font too
    this.doc.font('regular').fontSize(SIZES.body).fillColor(COLOURS.text)
    this.doc.on('pageAdded', () => {
      this.pageIndex += 1
      this.doc.font('regular').fontSize(SIZES.body).fillColor(COLOURS.text)
    })
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk))
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)))
      this.doc.on('error', reject)
    })
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
  }

  /** Left edge and width of the text column. */
  get left(): number {
    return MARGIN.left
  }

  get width(): number {
    return A4.width - MARGIN.left - MARGIN.right
  }

  /** The lowest y that content may reach on this page. */
  get bottom(): number {
    return A4.height - MARGIN.bottom
  }

  /** Starts a new page unless at least `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage()
  }

  newPage(): void {
    this.doc.addPage()
    this.doc.x = this.left
    this.doc.y = MARGIN.top
  }

  /** The height `text` takes in the given font and size across `width`. */
  heightOf(text: string, options: { font?: FontName; size?: number; width?: number } = {}): number {
    this.doc.font(options.font ?? 'regular').fontSize(options.size ?? SIZES.body)
    return this.doc.heightOfString(text, { width: options.width ?? this.width, lineGap: LINE_GAP })
  }

  /** The cover: a large title, a subtitle and then whatever the report adds (usually `facts`). */
  title(text: string, subtitle?: string): void {
    const doc = this.doc
    doc.markContent('Artifact', { type: 'Layout' })
    doc.rect(0, 0, A4.width, 12).fill(COLOURS.blue)
    doc.endMarkedContent()
    doc.x = this.left
    doc.y = MARGIN.top + 40
    this.textBlock('H1', text, { font: 'bold', size: SIZES.title, gapAfter: 8 })
    this.addOutline(text, 1, this.newDestination())
    if (subtitle) this.textBlock('P', subtitle, { size: SIZES.h2, colour: COLOURS.secondary, gapAfter: 18 })
  }

  /**
   * Reserves the next page for the contents; it is filled in by `finish()` once the page of every
   * heading is known. Headings of levels 1 and 2 are listed.
   */
  reserveContentsPage(): void {
    this.newPage()
    const element = this.doc.struct('TOC')
    this.root.add(element)
    this.contentsPage = { pageIndex: this.pageIndex, element }
    this.newPage()
  }

  /**
   * A section heading, with a bookmark and a contents entry for levels 1 and 2 (unless `contents` is
   * false). Keeps itself with the next lines (or the next `keepWith` points), so no heading is left
   * alone at the foot of a page. Tagged one level below the title (H1), so level 1 is H2: a report
   * goes down one level at a time (H2, then H3, then H4), as a screen reader's list of headings expects.
   */
  heading(
    text: string,
    level: 1 | 2 | 3,
    options: { newPage?: boolean; keepWith?: number; contents?: boolean } = {},
  ): void {
    const size = level === 1 ? SIZES.h1 : level === 2 ? SIZES.h2 : SIZES.h3
    if (options.newPage && this.doc.y > MARGIN.top + 1) this.newPage()
    const before = level === 1 ? 12 : 8
    // Kept with what follows: four lines of text, or `keepWith` points (a chart) when more.
    const following = Math.max(4 * (SIZES.body + LINE_GAP), options.keepWith ?? 0)
    this.ensureSpace(before + this.heightOf(text, { font: 'bold', size }) + following)
    if (this.doc.y > MARGIN.top + 1) this.doc.y += before
    const destination = this.newDestination()
    this.doc.addNamedDestination(destination, 'XYZ', this.left, this.doc.y, null as unknown as number)
    this.textBlock(`H${level + 1}`, text, { font: 'bold', size, gapAfter: level === 1 ? 8 : 4 })
    if (level <= 2 && options.contents !== false) {
      this.contents.push({ title: text, level: level as 1 | 2, pageIndex: this.pageIndex, destination })
      this.addOutline(text, level, destination)
    }
  }

  /**
   * Free text as people type or paste it from Word: paragraphs (blank lines separate them; other
   * line breaks are kept) and bulleted or numbered lists, read by the same parser as the pages
   * (modules/submissions/narrative-text.ts), so "•<tab>item" is a list item, not a bullet and a box.
   * Nothing is written for empty text.
   */
  paragraphs(text: string, options: ParagraphOptions = {}): void {
    for (const block of parseNarrative(text)) {
      if (block.kind === 'paragraph') this.paragraph(block.lines.join('\n'), options)
      else this.list(block.items, { ordered: block.ordered, size: options.size })
    }
  }

  paragraph(text: string, options: ParagraphOptions = {}): void {
    if (!text.trim()) return
    this.textBlock('P', text, options)
  }

  /** "Label: value" as one paragraph, the label in bold. */
  labelled(label: string, value: string, options: { gapAfter?: number } = {}): void {
    const doc = this.doc
    const element = doc.struct('P')
    this.root.add(element)
    const content = doc.markStructureContent('P')
    element.add(content)
    doc.fontSize(SIZES.body).fillColor(COLOURS.text)
    this.write(
      'bold',
      `${label}: `,
      { x: this.left, y: doc.y },
      { width: this.width, lineGap: LINE_GAP, continued: true },
    )
    this.write('regular', spaced(value), null, { lineGap: LINE_GAP })
    doc.endMarkedContent()
    element.end()
    doc.x = this.left
    doc.y += options.gapAfter ?? PARAGRAPH_GAP
  }

  /** A secondary-coloured note, e.g. "No evidence is linked to this outcome." */
  hint(text: string): void {
    this.paragraph(text, { colour: COLOURS.secondary })
  }

  /** A bulleted list; each item may be long and flow over pages. */
  bulletList(items: readonly string[], options: { size?: number } = {}): void {
    this.list(
      items.map((text) => ({ text, level: 0 })),
      { ordered: false, size: options.size },
    )
  }

  /**
   * A bulleted or numbered list, items indented by level (•, ◦, ▪; or 1., 2., … counted per
   * level); each item may be long and flow over pages.
   */
  list(items: readonly ListItem[], options: { ordered: boolean; size?: number }): void {
    if (items.length === 0) return
    const doc = this.doc
    const list = doc.struct('L')
    this.root.add(list)
    const size = options.size ?? SIZES.body
    const step = 14
    const counters: number[] = []
    for (const item of items) {
      const level = Math.max(0, Math.min(3, item.level))
      counters[level] = (counters[level] ?? 0) + 1
      counters.length = level + 1
      const marker = options.ordered ? `${counters[level]}.` : (['•', '◦', '▪', '•'] as const)[level]!
      const labelWidth = options.ordered ? 20 : step
      const x = this.left + level * step
      this.ensureSpace(size + LINE_GAP)
      const li = doc.struct('LI')
      list.add(li)
      const y = doc.y
      const label = doc.struct('Lbl')
      li.add(label)
      const labelContent = doc.markStructureContent('Lbl')
      label.add(labelContent)
      doc.fontSize(size).fillColor(COLOURS.text)
      this.write('regular', `${marker} `, { x, y }, { lineBreak: false, width: labelWidth })
      doc.endMarkedContent()
      label.end()
      const body = doc.struct('LBody')
      li.add(body)
      const bodyContent = doc.markStructureContent('LBody')
      body.add(bodyContent)
      this.write(
        'regular',
        spaced(item.text),
        { x: x + labelWidth, y },
        { width: this.width - (x - this.left) - labelWidth, lineGap: LINE_GAP },
      )
      doc.endMarkedContent()
      body.end()
      li.end()
      doc.y += 3
    }
    list.end()
    doc.x = this.left
    doc.y += PARAGRAPH_GAP - 3
  }

  /** Facts as a two-column table whose first column heads each row ("Organisation" | "…"). */
  facts(rows: ReadonlyArray<readonly [string, string]>): void {
    this.table({
      columns: [
        { header: 'Detail', width: 1 },
        { header: 'Value', width: 2 },
      ],
      rows: rows.map(([k, v]) => [k, v]),
      rowHeaders: true,
    })
  }

  /**
   * A table with a header row, repeated at the top of every page it spans. Cells wrap; a row never
   * splits across pages, and a row taller than a page is refused (long text belongs in paragraphs).
   */
  table(spec: TableSpec): void {
    const doc = this.doc
    if (spec.rows.length === 0) {
      if (spec.emptyText) this.hint(spec.emptyText)
      return
    }
    const size = spec.size ?? SIZES.body - 0.5
    const padding = { x: 5, y: 4 }
    const total = spec.columns.reduce((sum, c) => sum + c.width, 0)
    const widths = spec.columns.map((c) => (c.width / total) * this.width)
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0))
    const rowHeight = (cells: readonly string[], font: (i: number) => FontName) =>
      Math.max(
        ...cells.map((cell, i) =>
          // Measured exactly as drawRow writes it (with the trailing space), or a cell that only
          // just fits would be measured one line short and its last line printed over the next row.
          this.heightOf(spaced(cell || ' '), { font: font(i), size, width: widths[i]! - 2 * padding.x }),
        ),
      ) +
      2 * padding.y
    const headerFont = () => 'bold' as const
    const bodyFont = (i: number): FontName => (spec.rowHeaders && i === 0 ? 'bold' : 'regular')
    const headerHeight = rowHeight(
      spec.columns.map((c) => c.header),
      headerFont,
    )
    const maxRowHeight = this.bottom - MARGIN.top - headerHeight

    const table = doc.struct('Table')
    this.root.add(table)
    const drawRow = (cells: readonly string[], kind: 'header' | 'body', height: number, parent: StructElement) => {
      const y = doc.y
      const row = doc.struct('TR')
      parent.add(row)
      cells.forEach((cell, i) => {
        const isHeader = kind === 'header' || (spec.rowHeaders === true && i === 0)
        const x = xs[i]!
        const w = widths[i]!
        doc.markContent('Artifact', { type: 'Layout' })
        if (kind === 'header') doc.rect(x, y, w, height).fill(COLOURS.headerBackground)
        doc.lineWidth(0.6).rect(x, y, w, height).stroke(COLOURS.lightBorder)
        doc.endMarkedContent()
        const element = doc.struct(isHeader ? 'TH' : 'TD')
        row.add(element)
        const content = doc.markStructureContent(isHeader ? 'TH' : 'TD')
        element.add(content)
        doc.fontSize(size).fillColor(COLOURS.text)
        this.write(
          isHeader ? 'bold' : 'regular',
          spaced(cell || ' '),
          { x: x + padding.x, y: y + padding.y },
          {
            width: w - 2 * padding.x,
            lineGap: LINE_GAP,
            align: spec.columns[i]?.align ?? 'left',
          },
        )
        doc.endMarkedContent()
        element.end()
      })
      row.end()
      doc.x = this.left
      doc.y = y + height
    }

    // Headers go in the THead once (for the structure); on later pages they are repeated as artifacts.
    const drawRepeatedHeader = () => {
      const y = doc.y
      doc.markContent('Artifact', { type: 'Pagination' })
      spec.columns.forEach((column, i) => {
        doc.rect(xs[i]!, y, widths[i]!, headerHeight).fill(COLOURS.headerBackground)
        doc.lineWidth(0.6).rect(xs[i]!, y, widths[i]!, headerHeight).stroke(COLOURS.lightBorder)
        doc.fontSize(size).fillColor(COLOURS.text)
        this.write(
          'bold',
          spaced(column.header),
          { x: xs[i]! + padding.x, y: y + padding.y },
          {
            width: widths[i]! - 2 * padding.x,
            lineGap: LINE_GAP,
          },
        )
      })
      doc.endMarkedContent()
      doc.x = this.left
      doc.y = y + headerHeight
    }

    const firstRowHeight = rowHeight(spec.rows[0]!, bodyFont)
    this.ensureSpace(headerHeight + Math.min(firstRowHeight, maxRowHeight))
    const head = doc.struct('THead')
    table.add(head)
    drawRow(
      spec.columns.map((c) => c.header),
      'header',
      headerHeight,
      head,
    )
    head.end()
    const body = doc.struct('TBody')
    table.add(body)
    for (const cells of spec.rows) {
      const height = rowHeight(cells, bodyFont)
      if (height > maxRowHeight) {
        throw new RangeError(
          `A table row is taller than a page (${Math.round(height)} points); put long text in paragraphs instead`,
        )
      }
      if (doc.y + height > this.bottom) {
        this.newPage()
        drawRepeatedHeader()
      }
      drawRow(cells, 'body', height, body)
    }
    body.end()
    table.end()
    doc.y += PARAGRAPH_GAP + 4
  }

  /**
   * A figure drawn with vector graphics: `draw` gets the top-left corner and draws within `height`;
   * `alt` is the alternative text a screen reader announces.
   */
  figure(alt: string, height: number, draw: (top: number) => void): void {
    this.ensureSpace(height)
    const doc = this.doc
    const element = doc.struct('Figure', { alt })
    this.root.add(element)
    const content = doc.markStructureContent('Figure')
    element.add(content)
    const top = doc.y
    doc.save()
    draw(top)
    doc.restore()
    doc.endMarkedContent()
    element.end()
    doc.font('regular').fontSize(SIZES.body).fillColor(COLOURS.text)
    doc.x = this.left
    doc.y = top + height + PARAGRAPH_GAP
  }

  /** Adds the contents page, headers and footers, ends the document and returns its bytes. */
  async finish(): Promise<Buffer> {
    const doc = this.doc
    this.fillContentsPage()
    this.root.end()
    const { start, count } = doc.bufferedPageRange()
    const generated = `LKS Quality Portal · Generated ${formatDate(this.options.reader.generatedAt)} for ${this.options.reader.name}`
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i)
      const margins = doc.page.margins
      const savedBottom = margins.bottom
      margins.bottom = 0 // writing in the margin must not add a page
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Top'] })
      if (i > start) {
        doc.fontSize(SIZES.small).fillColor(COLOURS.secondary)
        this.write(
          'regular',
          this.options.runningHeader,
          { x: this.left, y: 30 },
          {
            width: this.width,
            lineBreak: false,
            ellipsis: true,
            height: SIZES.small + 4,
          },
        )
        doc
          .lineWidth(0.5)
          .moveTo(this.left, 44)
          .lineTo(this.left + this.width, 44)
          .stroke(COLOURS.lightBorder)
      }
      doc.endMarkedContent()
      doc.markContent('Artifact', { type: 'Pagination', attached: ['Bottom'] })
      const footerY = A4.height - 40
      doc
        .lineWidth(0.5)
        .moveTo(this.left, footerY - 8)
        .lineTo(this.left + this.width, footerY - 8)
        .stroke(COLOURS.lightBorder)
      doc.font('regular').fontSize(SIZES.small).fillColor(COLOURS.secondary)
      const pageText = `Page ${i - start + 1} of ${count}`
      const pageWidth = doc.widthOfString(pageText)
      this.write(
        'regular',
        generated,
        { x: this.left, y: footerY },
        {
          width: this.width - pageWidth - 12,
          lineBreak: false,
          ellipsis: true,
          height: SIZES.small + 4,
        },
      )
      doc.text(pageText, this.left + this.width - pageWidth, footerY, { lineBreak: false })
      doc.endMarkedContent()
      margins.bottom = savedBottom
    }
    doc.end()
    return this.done
  }

  // -------------------------------------------------------------------------------------------

  private newDestination(): string {
    this.destinationCount += 1
    return `section-${this.destinationCount}`
  }

  private addOutline(text: string, level: 1 | 2 | 3, _destination: string): void {
    if (level === 1) {
      this.outlineParent = this.doc.outline.addItem(text)
    } else if (level === 2) {
      ;(this.outlineParent ?? this.doc.outline).addItem(text)
    }
  }

  /**
   * Writes text in the current size and colour, split into runs of the faces that have its glyphs
   * (fonts.server.ts), continued one after another so they wrap as one piece of text. Tabs
   * become spaces: no font has a glyph for a tab.
   */
  private write(
    weight: Weight,
    text: string,
    at: { x: number; y: number } | null,
    options: PDFKit.Mixins.TextOptions,
  ): void {
    const doc = this.doc
    const runs = fontRuns(text.replace(/\t/g, ' '), weight)
    runs.forEach((run, i) => {
      const last = i === runs.length - 1
      const runOptions = { ...options, continued: last ? (options.continued ?? false) : true }
      doc.font(run.face)
      if (i === 0 && at) doc.text(run.text, at.x, at.y, runOptions)
      else doc.text(run.text, runOptions)
    })
  }

  private textBlock(type: string, text: string, options: ParagraphOptions): void {
    const doc = this.doc
    const element = doc.struct(type)
    this.root.add(element)
    const content = doc.markStructureContent(type)
    element.add(content)
    doc.fontSize(options.size ?? SIZES.body).fillColor(options.colour ?? COLOURS.text)
    const indent = options.indent ?? 0
    this.write(
      options.font ?? 'regular',
      spaced(text),
      { x: this.left + indent, y: doc.y },
      {
        width: this.width - indent,
        lineGap: LINE_GAP,
        ...(options.link ? { link: options.link, underline: true } : {}),
      },
    )
    doc.endMarkedContent()
    element.end()
    doc.x = this.left
    doc.y += options.gapAfter ?? PARAGRAPH_GAP
    doc.font('regular').fontSize(SIZES.body).fillColor(COLOURS.text)
  }

  private fillContentsPage(): void {
    if (!this.contentsPage) return
    const doc = this.doc
    const { pageIndex, element } = this.contentsPage
    doc.switchToPage(pageIndex)
    doc.x = this.left
    doc.y = MARGIN.top
    const heading = doc.struct('H2')
    element.add(heading)
    const headingContent = doc.markStructureContent('H2')
    heading.add(headingContent)
    doc
      .font('bold')
      .fontSize(SIZES.h1)
      .fillColor(COLOURS.text)
      .text('Contents ', this.left, doc.y, { width: this.width })
    doc.endMarkedContent()
    heading.end()
    doc.y += 10
    // One page of contents: with more entries than fit, list the level 1 headings only.
    const lineHeight = SIZES.body + LINE_GAP + 5
    const capacity = Math.floor((this.bottom - doc.y) / lineHeight)
    const entries =
      this.contents.length <= capacity ? this.contents : this.contents.filter((e) => e.level === 1).slice(0, capacity)
    for (const entry of entries) {
      const y = doc.y
      const indent = entry.level === 1 ? 0 : 16
      const pageNumber = String(entry.pageIndex + 1)
      const item = doc.struct('TOCI')
      element.add(item)
      const content = doc.markStructureContent('TOCI')
      item.add(content)
      doc.fontSize(SIZES.body).fillColor(COLOURS.blue)
      const numberWidth = 40
      this.write(
        entry.level === 1 ? 'bold' : 'regular',
        `${entry.title} `,
        { x: this.left + indent, y },
        {
          width: this.width - indent - numberWidth,
          lineBreak: false,
          ellipsis: true,
          height: SIZES.body + 4,
          goTo: entry.destination,
        },
      )
      doc.fillColor(COLOURS.text).text(spaced(pageNumber), this.left + this.width - numberWidth, y, {
        width: numberWidth,
        align: 'right',
        lineBreak: false,
        goTo: entry.destination,
      })
      doc.endMarkedContent()
      item.end()
      doc.y = y + lineHeight
    }
    element.end()
  }
}

export { SIZES as FONT_SIZES }
