// The PDF reports of issue 5, rendered from fixtures and read back with the tools a person would use
// (pdftotext, pdfinfo, qpdf): what a reader sees, on which page, and whether the file is sound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cycleSummaryFixture,
  LONG_URL,
  outcomeReportFixture,
  prose,
  READER,
  reviewerPackFixture,
} from '../../../../tests/fixtures/reports'
import { type InspectedPdf, type PdfOutlineItem, pdfWorkspace } from '../../../../tests/pdf-tools'
import { formatMedian, renderCycleSummary, shortGrade } from './cycle-summary.server'
import { renderOutcomeReport } from './outcome-report.server'
import { renderReviewerPack } from './reviewer-pack.server'
import { formatBytes, shortHash } from './shared.server'
import { ReportWriter } from './writer.server'

const A4 = { width: 595.28, height: 841.89 }
/** The writer's layout: 56 pt side margins, 64 pt top and bottom margins, header at 30 pt, footer 40 pt from the bottom. */
const TEXT_COLUMN = { left: 56, right: A4.width - 56 }
const BODY = { top: 64, bottom: A4.height - 64 }
const HEADER_BAND_BOTTOM = 44
const FOOTER_BAND_TOP = A4.height - 52
const TOLERANCE = 0.5

const SHA256 = 'a3f1c2d4e5b6978877665544332211ffeeddccbbaa99887766554433221100aa'
const PACK_HEADER = 'Reviewer pack · LKS-2627-RXV · Ysbyty Gwynedd Hospital Trust'
const GENERATED = 'LKS Quality Portal · Generated 22 November 2026 for Łukasz Nowak'

type Reports = {
  pack: InspectedPdf
  validated: InspectedPdf
  long: InspectedPdf
  outcome: InspectedPdf
  outcomeWithPrevious: InspectedPdf
  outcomeWithPeers: InspectedPdf
  outcomeWithPreviousAndPeers: InspectedPdf
  publishedNational: InspectedPdf
  unpublished: InspectedPdf
  regional: InspectedPdf
  national: InspectedPdf
}

let workspace: Awaited<ReturnType<typeof pdfWorkspace>>
let reports: Reports

beforeAll(async () => {
  workspace = await pdfWorkspace()
  const rendered: Record<keyof Reports, Buffer> = {
    pack: await renderReviewerPack(reviewerPackFixture(), READER),
    validated: await renderReviewerPack(reviewerPackFixture({ withValidation: true }), READER),
    long: await renderReviewerPack(reviewerPackFixture({ words: 3000 }), READER),
    outcome: await renderOutcomeReport(outcomeReportFixture(), READER),
    outcomeWithPrevious: await renderOutcomeReport(outcomeReportFixture({ previous: true }), READER),
    outcomeWithPeers: await renderOutcomeReport(outcomeReportFixture({ peers: true }), READER),
    outcomeWithPreviousAndPeers: await renderOutcomeReport(
      outcomeReportFixture({ previous: true, peers: true }),
      READER,
    ),
    unpublished: await renderOutcomeReport(outcomeReportFixture({ published: false }), READER),
    regional: await renderCycleSummary(cycleSummaryFixture(), READER),
    national: await renderCycleSummary(cycleSummaryFixture({ national: true, organisations: 300 }), READER),
    publishedNational: await renderCycleSummary(cycleSummaryFixture({ national: true, suppressed: true }), READER),
  }
  const entries = await Promise.all(
    Object.entries(rendered).map(async ([name, bytes]) => [name, await workspace.inspect(name, bytes)] as const),
  )
  reports = Object.fromEntries(entries) as Reports
}, 60_000)

afterAll(async () => {
  await workspace?.cleanup()
})

// ---------------------------------------------------------------------------------------------
// Reading helpers

const linesOf = (page: string) => page.split('\n').map((line) => line.trim())

/** The running footer of a page in raw text: "LKS Quality Portal · Generated <date> for <name> Page x of y" on one line. */
const isFooter = (line: string) => /^LKS Quality Portal · Generated .+ for .+ Page \d+ of \d+$/.test(line)

/** A page's lines without the running header and footer, which pdfkit writes last on each page. */
function contentLines(pdf: InspectedPdf, pageIndex: number): string[] {
  const lines = linesOf(pdf.pages[pageIndex]!).filter((line) => line !== '')
  const footer = lines.findIndex(isFooter)
  // Pages after the cover end with the running header, then the footer.
  const end = footer === -1 ? lines.length : pageIndex > 0 ? footer - 1 : footer
  return lines.slice(0, end)
}

/** The document's text as one string: running headers and footers removed, lines joined with spaces. */
function bodyText(pdf: InspectedPdf): string {
  return pdf.pages
    .map((_, i) => contentLines(pdf, i).join(' '))
    .join(' ')
    .replace(/\s+/g, ' ')
}

/** The document's text with line breaks removed outright, so text wrapped mid-word reads whole again. */
function unwrappedText(pdf: InspectedPdf): string {
  return pdf.pages.map((_, i) => contentLines(pdf, i).join('')).join('')
}

const occurrences = (text: string, needle: string) => text.split(needle).length - 1

/** The first page (1-based) from `from` on whose content a line reads exactly `line`. */
function pageWithLine(pdf: InspectedPdf, line: string, from = 1): number | null {
  for (let page = from; page <= pdf.pageCount; page++) {
    if (contentLines(pdf, page - 1).includes(line)) return page
  }
  return null
}

/** The entries of the contents page (page 2): "Outcome 3: Outcome title 3 13" → title and page. */
function contentsOf(pdf: InspectedPdf): Array<{ title: string; page: number }> {
  const lines = contentLines(pdf, 1)
  expect(lines[0]).toBe('Contents')
  return lines.slice(1).map((line) => {
    const m = /^(.+) (\d+)$/.exec(line)
    if (!m) throw new Error(`Not a contents entry: "${line}"`)
    return { title: m[1]!, page: Number(m[2]) }
  })
}

/** Walks titles in document order and finds the page each is printed on, each search starting where the last one ended. */
function pagesWhereTitlesAppear(pdf: InspectedPdf, titles: string[]): Array<number | null> {
  let from = 1
  return titles.map((title) => {
    const page = pageWithLine(pdf, title, from)
    if (page !== null) from = page
    return page
  })
}

function flatten(items: PdfOutlineItem[]): PdfOutlineItem[] {
  return items.flatMap((item) => [item, ...flatten(item.kids)])
}

const ALL: Array<keyof Reports> = [
  'pack',
  'validated',
  'long',
  'outcome',
  'outcomeWithPrevious',
  'unpublished',
  'regional',
  'national',
]
const OUTCOME_TITLES = [1, 2, 3, 4, 5, 6].map((n) => `Outcome ${n}: Outcome title ${n}`)

// ---------------------------------------------------------------------------------------------

describe('every report', () => {
  it.each(ALL)('%s: passes qpdf --check', (name) => {
    const { check } = reports[name]
    expect(check.output).toContain('No syntax or stream encoding errors')
    expect(check.code).toBe(0)
  })

  it.each(ALL)('%s: is tagged A4 in British English, with a structure tree and marked content', (name) => {
    const pdf = reports[name]
    expect(pdf.info.Tagged).toBe('yes')
    expect(pdf.info['Page size']).toBe('595.28 x 841.89 pts (A4)')
    expect(pdf.pageSizes).toHaveLength(pdf.pageCount)
    for (const size of pdf.pageSizes) expect(size).toEqual(A4)
    expect(pdf.catalog['/Lang']).toBe('u:en-GB')
    expect(pdf.catalog['/StructTreeRoot']).toMatch(/^\d+ 0 R$/)
    expect(pdf.catalog['/MarkInfo']).toEqual({ '/Marked': true })
    expect(pdf.structure[0]?.type).toBe('Document')
  })

  // Issue 16 (WCAG 1.3.1): a screen reader's list of headings goes down one level at a time, from
  // the one H1 (the title): never from H2 straight to H4.
  it.each(ALL)('%s: tags one H1, and each heading at most one level below the heading before it', (name) => {
    const levels = reports[name].structure.flatMap((e) => (/^H[1-6]$/.test(e.type) ? [Number(e.type.slice(1))] : []))
    expect(levels[0]).toBe(1)
    expect(levels.filter((level) => level === 1)).toHaveLength(1)
    const jumps = levels.flatMap((level, i) =>
      i > 0 && level > levels[i - 1]! + 1 ? [`H${levels[i - 1]} to H${level}`] : [],
    )
    expect(jumps).toEqual([])
  })

  it.each(ALL)('%s: numbers every page "Page x of y" and names the reader and date in each footer', (name) => {
    const pdf = reports[name]
    expect(pdf.pages).toHaveLength(pdf.pageCount)
    pdf.pages.forEach((page, i) => {
      expect(linesOf(page)).toContain(`${GENERATED} Page ${i + 1} of ${pdf.pageCount}`)
    })
  })

  it.each(ALL)(
    '%s: keeps every word on the page, inside the side margins and clear of the header and footer',
    (name) => {
      const pdf = reports[name]
      expect(pdf.words.length).toBeGreaterThan(100)
      const offPage = pdf.words.filter((w) => w.xMin < 0 || w.yMin < 0 || w.xMax > A4.width || w.yMax > A4.height)
      expect(offPage).toEqual([])
      const outsideColumn = pdf.words.filter(
        (w) => w.xMin < TEXT_COLUMN.left - TOLERANCE || w.xMax > TEXT_COLUMN.right + TOLERANCE,
      )
      expect(outsideColumn).toEqual([])
      const inHeader = (w: (typeof pdf.words)[number]) => w.yMax <= HEADER_BAND_BOTTOM
      const inFooter = (w: (typeof pdf.words)[number]) => w.yMin >= FOOTER_BAND_TOP
      const inBody = (w: (typeof pdf.words)[number]) => w.yMin >= BODY.top - 4 && w.yMax <= BODY.bottom + TOLERANCE
      expect(pdf.words.filter((w) => !inHeader(w) && !inFooter(w) && !inBody(w))).toEqual([])
    },
  )

  it.each(ALL)('%s: prints no word over another (a wrapped table header once ran into its first row)', (name) => {
    const pdf = reports[name]
    // Line boxes of neighbouring lines touch (ascenders and descenders); an overlap of more than a
    // third of the smaller word's height, and horizontally, is text printed over text.
    const overlaps: string[] = []
    for (let page = 1; page <= pdf.pageCount; page++) {
      const words = pdf.words.filter((w) => w.page === page).sort((a, b) => a.yMin - b.yMin)
      for (let i = 0; i < words.length; i++) {
        const a = words[i]!
        for (let j = i + 1; j < words.length && words[j]!.yMin < a.yMax; j++) {
          const b = words[j]!
          const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin)
          const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin)
          const height = Math.min(a.yMax - a.yMin, b.yMax - b.yMin)
          if (dx > 0.5 && dy > height / 3) overlaps.push(`page ${page}: "${a.text}" and "${b.text}"`)
        }
      }
    }
    expect(overlaps).toEqual([])
  })

  it.each(ALL)('%s: has a contents page whose page numbers are the pages the sections start on', (name) => {
    const pdf = reports[name]
    const contents = contentsOf(pdf)
    expect(contents.length).toBeGreaterThanOrEqual(3)
    expect(
      pagesWhereTitlesAppear(
        pdf,
        contents.map((e) => e.title),
      ),
    ).toEqual(contents.map((e) => e.page))
  })

  it.each(ALL)('%s: has bookmarks that open the page each heading is on', (name) => {
    const pdf = reports[name]
    const items = flatten(pdf.outline)
    expect(items.length).toBeGreaterThanOrEqual(4)
    expect(
      pagesWhereTitlesAppear(
        pdf,
        items.map((i) => i.title),
      ),
    ).toEqual(items.map((i) => i.page))
  })

  it.each(ALL)('%s: prints names beyond ASCII exactly, with no replacement characters', (name) => {
    const text = bodyText(reports[name])
    expect(text).toContain('Ysbyty Gwynedd')
    expect(text).not.toContain('\uFFFD')
    expect(reports[name].pages.join('')).toContain('Łukasz Nowak')
  })
})

describe('the reviewer pack', () => {
  it('has the title and the running header of the submission', () => {
    const { pack } = reports
    expect(pack.info.Title).toBe('Reviewer pack: Ysbyty Gwynedd Hospital Trust, 2026/27')
    expect(linesOf(pack.pages[0]!)).not.toContain(PACK_HEADER)
    for (const page of pack.pages.slice(1)) expect(linesOf(page)).toContain(PACK_HEADER)
  })

  it('prints the names of people and places exactly as written: Zoë, Łukasz, Ysbyty Gwynedd', () => {
    const text = bodyText(reports.pack)
    expect(text).toContain('Zoë Hartley’s Ribble Valley Library and Knowledge Service')
    expect(text).toContain('Outreach to every ward, led by Zoë and Łukasz.')
    expect(text).toContain('Adroddiad blynyddol Ysbyty Gwynedd (annual report)')
    expect(text).not.toContain('\uFFFD')
    expect(reports.pack.pages.at(-1)).toContain(GENERATED)
  })

  it('lists the submission facts on the cover, with the date in British style', () => {
    const cover = reports.pack.layoutPages[0]!
    expect(cover).toMatch(/^\s*Reviewer pack$/m)
    expect(cover).toMatch(/Organisation\s+Ysbyty Gwynedd Hospital Trust$/m)
    expect(cover).toMatch(/ODS code\s+RXV$/m)
    expect(cover).toMatch(/Library and knowledge\s+Zoë Hartley’s Ribble Valley Library and Knowledge Service$/m)
    expect(cover).toMatch(/Region\s+North West$/m)
    expect(cover).toMatch(/Cycle\s+2026\/27$/m)
    expect(cover).toMatch(/Reference\s+LKS-2627-RXV$/m)
    expect(cover).toMatch(/Status\s+In validation$/m)
    expect(cover).toMatch(/Submitted\s+1 October 2026$/m)
  })

  it('lists the pen portrait, each outcome and the chart on the contents page', () => {
    expect(contentsOf(reports.validated).map((e) => e.title)).toEqual([
      'Pen portrait',
      'Sign-off record',
      'Grades at a glance',
      ...OUTCOME_TITLES,
    ])
    // Outcome 3 starts on the page the contents says, and the page before it does not have the heading.
    const outcome3 = contentsOf(reports.validated).find((e) => e.title === 'Outcome 3: Outcome title 3')!
    expect(contentLines(reports.validated, outcome3.page - 1)[0]).toBe('Outcome 3: Outcome title 3')
    expect(contentLines(reports.validated, outcome3.page - 2)).not.toContain('Outcome 3: Outcome title 3')
  })

  it('has bookmarks for the pen portrait, each outcome and their sections', () => {
    const titles = (items: PdfOutlineItem[]) => items.map((i) => i.title)
    const { outline } = reports.validated
    expect(titles(outline)).toEqual([
      'Reviewer pack',
      'Pen portrait',
      'Sign-off record',
      'Grades at a glance',
      ...OUTCOME_TITLES,
    ])
    expect(titles(outline[1]!.kids)).toEqual([
      'Organisations served',
      'Library and knowledge service staff',
      'Key documents',
    ])
    const sections = ['Self-assessment', 'Indicators', 'Narrative', 'Evidence', 'Clarification questions and answers']
    for (const outcome of outline.slice(4)) expect(titles(outcome.kids)).toEqual([...sections, 'Validation'])
    for (const outcome of reports.pack.outline.slice(4)) expect(titles(outcome.kids)).toEqual(sections)
  })

  it('tags headings, lists, tables, the contents and the chart with its alternative text', () => {
    const types = reports.validated.structure.map((e) => e.type)
    const count = (type: string) => types.filter((t) => t === type).length
    expect(count('H1')).toBe(1)
    // "Contents", "Pen portrait", "Sign-off record", "Grades at a glance" and the six outcomes.
    expect(count('H2')).toBe(10)
    expect(count('TOCI')).toBe(contentsOf(reports.validated).length)
    for (const type of ['P', 'L', 'LI', 'Table', 'THead', 'TBody', 'TH', 'TD', 'TOC']) expect(types).toContain(type)
    const figures = reports.validated.structure.filter((e) => e.type === 'Figure')
    expect(figures).toHaveLength(1)
    expect(figures[0]!.alt).toMatch(/Outcome 1.*The values are in the table after the chart\.$/)
  })

  it("prints the sponsor's sign-off record: each decision, who, in what role and when", () => {
    const text = bodyText(reports.pack)
    expect(text).toContain('Sign-off record Decision Who Role When Reason for returning it')
    expect(text).toMatch(
      /Returned to the service Siân Griffiths Director of Education 28 September 2026 at 10:15am Add the service level agreement to outcome 1\. Signed off Siân Griffiths Director of Education 30 September 2026 at 5:45pm/,
    )
  })

  it('prints the clarification questions and answers of each outcome, in order, with who wrote them and when', () => {
    const text = bodyText(reports.pack)
    expect(text).toContain(
      'Clarification questions and answers Question 1 (answered) Priya Shah (validator), 2 November 2026 at 10:00am Which page of the annual report shows the outreach figures? Zoë Hartley (service), 4 November 2026 at 3:30pm Page 12, the table headed "Outreach sessions 2025/26". Resolved on 4 November 2026.',
    )
    expect(occurrences(text, 'No clarification was asked about this outcome.')).toBe(5)
  })

  it('prints the pen portrait', () => {
    const text = bodyText(reports.pack)
    expect(text).toContain('Pen portrait Organisations served')
    expect(text).toContain('Ribble Valley Community Trust RWV Not given Not given')
    expect(text).toContain('Ysbyty Gwynedd Hospital Trust RXV 5,400 4,800.5')
    expect(text).toContain('Clinical librarian 2.6 Yes')
    expect(text).toContain('Total posts: 6.6 WTE, of which 3.6 WTE qualified')
    expect(text).toContain('below the policy ratio, which asks for 3.84 qualified WTE')
    expect(text).toContain('Budget: £412,000')
    expect(text).toContain('Strategy: Knowledge for Healthcare local strategy 2025–2028')
    expect(text).toContain('Two sites, one shared catalogue. Zoë leads the team.')
  })

  it('prints each outcome: heading, statement, grades, indicators, narrative, key strengths', () => {
    const fixture = reviewerPackFixture()
    const text = bodyText(reports.pack)
    for (const outcome of fixture.outcomes) {
      expect(text).toContain(`Outcome ${outcome.number}: Outcome title ${outcome.number} ${outcome.statement}`)
      expect(text).toContain(`Self-assessed grade: Level ${(outcome.number % 4) + 1}, Medium`)
      expect(text).toContain(`Grade the indicators suggest: Level ${(outcome.number % 4) + 1}, Low`)
      for (const indicator of outcome.indicators) expect(text).toContain(`${indicator.code} ${indicator.text}`)
      expect(text).toContain(`${outcome.number}.1.1: Note on ${outcome.number}.1.1: see the annual report, section 1.`)
      expect(text).toContain('Key strengths Outreach to every ward, led by Zoë and Łukasz.')
    }
    expect(text).toContain(
      'Reason for a grade different from the suggestion The indicators undersell the reach of our outreach librarians',
    )
    expect(occurrences(text, 'Reason for a grade different from the suggestion')).toBe(1)
  })

  it.each(['pack', 'long'] as const)('%s: prints every narrative whole, word for word, across page breaks', (name) => {
    const fixture = reviewerPackFixture({ words: name === 'long' ? 3000 : 300 })
    const text = bodyText(reports[name])
    for (const outcome of fixture.outcomes) {
      const paragraphs = outcome.narrative.split('\n\n')
      expect(paragraphs.length).toBeGreaterThan(1)
      for (const paragraph of paragraphs) expect(text).toContain(paragraph)
    }
  })

  it('grows by page with the narratives: 3,000 words an outcome takes many more pages than 300', () => {
    expect(reports.pack.pageCount).toBeGreaterThanOrEqual(15)
    expect(reports.long.pageCount).toBeGreaterThanOrEqual(reports.pack.pageCount + 20)
  })

  it('lists the evidence: titles, dates, indicators, files with size and short hash, and links', () => {
    const text = bodyText(reports.pack)
    for (const n of [1, 2, 3, 4, 5, 6]) {
      expect(text).toContain(
        `1. Evidence ${n}.1: Adroddiad blynyddol Ysbyty Gwynedd (annual report) Evidence date: 1 April 2025 Supports: the whole outcome; where to look: page 4`,
      )
      expect(text).toContain(
        `2. Evidence ${n}.2: Usage statistics and feedback Evidence date: 1 April 2025 to 31 March 2026 Supports: indicator ${n}.1.1`,
      )
      expect(text).toContain(`File: usage-statistics-${n}-1.xlsx (121 KB, SHA-256 a3f1c2d4e5b6)`)
      expect(text).toContain(`File: usage-statistics-${n}-2.xlsx (121 KB, SHA-256 a3f1c2d4e5b6)`)
      expect(text).toContain(`http://localhost:3000/evidence/files/version-${n}-1/download`)
      expect(text).toContain(`In the portal: http://localhost:3000/evidence/item-${n}-2`)
    }
    expect(text).not.toContain(SHA256)
    expect(reports.pack.uris).toContain(`http://localhost:3000/evidence/files/version-1-1/download`)
  })

  it('wraps a URL longer than a line over several lines without losing a character, and links to it whole', () => {
    const { pack } = reports
    // Each outcome's first evidence item gives the long web link.
    expect(occurrences(unwrappedText(pack), LONG_URL)).toBe(6)
    const page = pack.pages.findIndex((p) => p.includes('https://intranet.ysbyty-gwynedd'))
    const lines = contentLines(pack, page)
    const first = lines.findIndex((line) => line.startsWith('https://intranet.ysbyty-gwynedd'))
    const pieces: string[] = []
    while (pieces.join('').length < LONG_URL.length) pieces.push(lines[first + pieces.length]!)
    expect(pieces.length).toBeGreaterThanOrEqual(3)
    expect(pieces.join('')).toBe(LONG_URL)
    // The pieces are on separate lines of the page, one below the other.
    const boxes = pack.words.filter((w) => w.page === page && pieces.includes(w.text))
    expect(new Set(boxes.map((w) => w.yMin)).size).toBeGreaterThanOrEqual(3)
    // pdfkit links each printed line; every one opens the whole URL.
    const links = pack.uris.filter((uri) => uri.startsWith('https://intranet.'))
    expect(links.length).toBeGreaterThanOrEqual(6)
    expect(new Set(links)).toEqual(new Set([LONG_URL]))
  })

  it('shows the validations the reader may see: validator, grade, rationale and judgements', () => {
    const pdf = reports.validated
    const text = bodyText(pdf)
    const lines = pdf.pages.flatMap((_, i) => contentLines(pdf, i))
    expect(lines.filter((line) => line === 'Validation')).toHaveLength(6)
    expect(lines.filter((line) => line === 'Primary validator: Łukasz Nowak')).toHaveLength(6)
    expect(lines.filter((line) => line === 'Rationale')).toHaveLength(6)
    for (const n of [1, 2, 3, 4, 5, 6])
      expect(text).toContain(
        `Primary validator: Łukasz Nowak Grade: Level ${(n % 4) + 1}, Low Rationale Evidence supports the level`,
      )
    expect(text).toContain('Notes Private note for the moderation meeting.')
    // The validator's column in the indicators table.
    expect(text).toContain('Code Indicator Service Łukasz Nowak')
    // The chart compares the self-assessment with the reader's own grades, and says so.
    expect(text).toContain('the chart compares those grades with your validation grades.')
  })

  it('shows no validation when the reader may see none', () => {
    const pdf = reports.pack
    const text = bodyText(pdf)
    const lines = pdf.pages.flatMap((_, i) => contentLines(pdf, i))
    expect(lines).not.toContain('Validation')
    expect(lines).not.toContain('Rationale')
    // The reader's name is in every footer; in the body, the validator's name would be the only "Nowak".
    expect(text).not.toContain('Nowak')
    expect(text).not.toContain('Primary validator')
    expect(text).toContain('No agreed grades are shown in this pack.')
    expect(text).not.toContain('Private note for the moderation meeting')
    expect(text).toContain('Code Indicator Service 1.1.1')
  })
})

describe('the outcome report', () => {
  // Self, agreed and previous cycle grades of the fixture (steps 3 + n, 2 + n or 2 for outcome 1, 1 + n).
  const GRADES = [
    ['Level 2, Low', 'Level 1, Medium', 'Level 1, Medium'],
    ['Level 2, Medium', 'Level 2, Low', 'Level 1, High'],
    ['Level 2, High', 'Level 2, Medium', 'Level 2, Low'],
    ['Level 3, Low', 'Level 2, High', 'Level 2, Medium'],
    ['Level 3, Medium', 'Level 3, Low', 'Level 2, High'],
    ['Level 3, High', 'Level 3, Medium', 'Level 3, Low'],
  ] as const

  it('has the title, the facts and the sections on the contents page', () => {
    const pdf = reports.outcome
    expect(pdf.info.Title).toBe('Outcome report: Ysbyty Gwynedd Hospital Trust, 2026/27')
    expect(pdf.layoutPages[0]).toMatch(/Status\s+Result published$/m)
    expect(pdf.layoutPages[0]).toMatch(/Result published\s+20 November 2026$/m)
    expect(contentsOf(pdf).map((e) => e.title)).toEqual([
      'The agreed result at a glance',
      'Summary of grades',
      'Self-assessment against agreed grades',
      'How the result compares',
      ...OUTCOME_TITLES,
      'Development plan',
      'Progress notes',
    ])
  })

  it('puts the result at a glance, chart and key, on the cover, however many series it has', () => {
    for (const pdf of [reports.outcome, reports.outcomeWithPreviousAndPeers]) {
      const cover = pdf.layoutPages[0]!
      expect(cover).toContain('The agreed result at a glance')
      for (const n of [1, 2, 3, 4, 5, 6]) expect(cover).toContain(`Outcome ${n}`)
      expect(cover).toContain('Self-assessed')
      expect(cover).toContain('Agreed grade')
      // Before, the chart of four series did not fit under the facts and was left alone on page 2,
      // pushing the contents to page 3.
      expect(pdf.layoutPages[1]).toMatch(/^\s*Contents$/m)
    }
    expect(reports.outcomeWithPreviousAndPeers.layoutPages[0]).toContain('National median')
    expect(reports.outcomeWithPreviousAndPeers.layoutPages[0]).toContain('Agreed in 2021/22 baseline')
  })

  it('shows each agreed grade beside the self-assessed grade', () => {
    const text = bodyText(reports.outcome)
    const layout = reports.outcome.layoutPages.join('\n')
    GRADES.forEach(([self, agreed], i) => {
      const n = i + 1
      expect(text).toMatch(
        new RegExp(
          `Outcome ${n}: Outcome title ${n} Agreed grade: ${agreed} \\([^)]*self-assessment\\) Self-assessed grade: ${self} `,
        ),
      )
      // The chart's data table: one row per outcome, self-assessed then agreed, and no previous cycle.
      expect(layout).toMatch(new RegExp(`^\\s*Outcome ${n}\\s+${self}\\s+${agreed}\\s*$`, 'm'))
    })
    expect(text).toContain(
      'Agreed grade: Level 1, Medium (two sub-levels below the self-assessment) Self-assessed grade: Level 2, Low',
    )
    expect(text).toContain(
      'The minimum expected level for this cycle is Level 2. The agreed grade for outcome 1 is below it, which calls for a required action.',
    )
  })

  it('adds the previous cycle beside them when there is one, and not otherwise', () => {
    const text = bodyText(reports.outcomeWithPrevious)
    const layout = reports.outcomeWithPrevious.layoutPages.join('\n')
    GRADES.forEach(([self, agreed, previous], i) => {
      const n = i + 1
      expect(text).toContain(`Agreed in 2021/22 baseline: ${previous}`)
      expect(layout).toMatch(new RegExp(`^\\s*Outcome ${n}\\s+${self}\\s+${agreed}\\s+${previous}\\s*$`, 'm'))
    })
    expect(occurrences(text, 'Agreed in 2021/22 baseline')).toBeGreaterThanOrEqual(7)
    expect(bodyText(reports.outcome)).not.toContain('2021/22')
    expect(bodyText(reports.outcome)).not.toContain('Agreed in')
  })

  it('compares the agreed grades with the regional and national median and range, and charts the national median', () => {
    const text = bodyText(reports.outcomeWithPeers)
    const layout = reports.outcomeWithPeers.layoutPages.join('\n')
    expect(text).toContain(
      'How the result compares Medians and ranges of the agreed grades published by 12 organisations in England for 2026/27, 5 of them in Wales and the Marches.',
    )
    expect(layout).toMatch(/Outcome\s+Agreed\s+Regional\s+Regional\s+National\s+National/)
    // Outcome 2: agreed Level 2, Low; medians of 4.5 steps; range Level 1, Low to Level 4, Medium.
    const cells = (row: string) => row.replace(/\s+/g, ' ')
    expect(cells(text)).toContain(
      cells(
        '2. Outcome title 2 Level 2, Low Between Level 2, Low and Level 2, Medium Level 1, Low to Level 4, Medium Between Level 2, Low and Level 2, Medium Level 1, Low to Level 4, Medium',
      ),
    )
    // Outcome 6 has too few regional grades: the region's figures are not shown.
    expect(text).toMatch(/6\. Outcome title 6 Level 3, Medium Not shown Not shown /)
    // The radar's third series and its values in the chart's table.
    expect(layout).toMatch(/^\s*Outcome\s+Self-assessed\s+Agreed grade\s+National median\s*$/m)
  })

  it('says why there is no comparison below the suppression threshold, and draws no national median', () => {
    const text = bodyText(reports.outcome)
    expect(text).toContain(
      'How the result compares The comparison with other organisations appears once at least 5 organisations have published results for 2026/27, so that no organisation can be identified.',
    )
    expect(text).not.toContain('National median')
  })

  it('gives the strengths, areas for development, required actions and recommendations of each outcome', () => {
    const text = bodyText(reports.outcome)
    for (const n of [1, 2, 3, 4, 5, 6]) {
      expect(text).toContain(`Strengths and good practice Strengths of outcome ${n}: the outreach team led by Zoë.`)
      expect(text).toContain(
        n % 2
          ? `Areas for development Develop outcome ${n} evidence of impact.`
          : 'Areas for development None recorded.',
      )
      expect(text).toContain(`Recommendations Recommendation for outcome ${n}.`)
    }
    expect(text).toContain('Required actions • Agree a service level agreement with Ysbyty Gwynedd by March 2027.')
    expect(occurrences(text, 'Required actions No required actions.')).toBe(5)
  })

  it('gives the development plan once the result is published', () => {
    const pdf = reports.outcome
    const text = bodyText(pdf)
    expect(text).toContain('Development plan 0 of 1 action is complete.')
    expect(pdf.layoutPages.join('\n')).toMatch(
      /Outcome 1: Agree and sign a service level\s+Zoë Hartley\s+31 March 2027\s+In progress$/m,
    )
    expect(text).toContain(
      '(answers the required action: Agree a service level agreement with Ysbyty Gwynedd by March 2027.)',
    )
    expect(text).toContain(
      'Progress notes Agree and sign a service level agreement with each organisation served. Draft shared with the executive sponsor.',
    )
    expect(text).not.toContain('not yet published')
    expect(text).not.toContain('once the result is published')
  })

  it('says the result is not yet published, and has no plan items, before publication', () => {
    const pdf = reports.unpublished
    const text = bodyText(pdf)
    expect(pdf.layoutPages[0]).toMatch(/Status\s+Validated$/m)
    expect(contentLines(pdf, 0)).toContain(
      'This result has been agreed by the validators but not yet published to the service.',
    )
    expect(text).toContain('Development plan The service writes its development plan once the result is published.')
    expect(text).not.toContain('action is complete')
    expect(text).not.toContain('Agree and sign a service level agreement')
    expect(text).not.toContain('Result published')
  })
})

describe('the cycle summaries', () => {
  it('name their scope: national, or the region', () => {
    expect(reports.national.info.Title).toBe('National summary, 2026/27')
    expect(contentLines(reports.national, 0)[0]).toBe('National summary')
    expect(reports.national.layoutPages[0]).toMatch(/Scope\s+All regions$/m)
    expect(reports.regional.info.Title).toBe('Regional summary: North West, 2026/27')
    expect(contentLines(reports.regional, 0)[0]).toBe('Regional summary: North West')
    expect(reports.regional.layoutPages[0]).toMatch(/Scope\s+North West$/m)
  })

  it('give the heat map, the change since the previous cycle, open required actions and plan progress', () => {
    const text = bodyText(reports.national)
    expect(text).toContain('Median level by region and outcome')
    expect(text).toMatch(/North West 1\.5 \(4\) 2 \(5\) 1 \(6\)/)
    expect(text).toContain(
      'Change since the previous cycle Organisations with an agreed grade for the outcome in both 2021/22 baseline and 2026/27',
    )
    expect(text).toContain('Outcome 1 12 6 1 5')
    expect(text).toContain(
      '9 of 14 required actions are still open (not answered by a completed development plan item). 8 of 20 development plan items are complete (40%).',
    )
    expect(text).toContain('All outcomes 14 9')
    expect(text).toContain("Small numbers Shown in full, for the team's own use")
  })

  it('publish with the same suppression as the dashboard: "[c]" for hidden counts, withheld medians, no organisations', () => {
    const text = bodyText(reports.publishedNational)
    expect(text).toContain('Small numbers Suppressed for publication. Counts from 1 to 4 are shown as "[c]"')
    // Status counts of 1 to 4 are hidden, 5 and 0 shown.
    expect(text).toMatch(/Not started \[c\] \[c\] \[c\]/)
    expect(text).toMatch(/Result published \[c\] \[c\] 5/)
    // The heat map's median is withheld with its base.
    expect(text).toMatch(/North West Suppressed \(\[c\]\) 2 \(5\)/)
    expect(text).toContain('Some counts are suppressed: see [c] in the table')
    expect(text).toContain(
      "Not listed: with small numbers suppressed, each organisation's grades would give every count away.",
    )
    expect(text).not.toContain('Ysbyty Gwynedd Hospital Trust')
    expect(text).not.toMatch(/\b[1-4] of\b/)
  })

  it('have a Region column nationally and none in a region', () => {
    const header = /^\s*Organisation\s+Region\s+Status\s+O1\s+O2\s+O3\s+O4\s+O5\s+O6\s*$/m
    expect(reports.national.layoutPages.join('\n')).toMatch(header)
    expect(reports.national.words.some((w) => w.text === 'Region')).toBe(true)
    expect(reports.regional.layoutPages.join('\n')).toMatch(
      /^\s*Organisation\s+Status\s+O1\s+O2\s+O3\s+O4\s+O5\s+O6\s*$/m,
    )
    expect(reports.regional.words.some((w) => w.text === 'Region')).toBe(false)
    expect(bodyText(reports.regional)).not.toContain('Wales and the Marches')
  })

  it('count the submissions by status, every status listed', () => {
    const layout = reports.regional.layoutPages.join('\n')
    const expected = [
      ['Not started', 3],
      ['In progress', 1],
      ['Awaiting sign-off', 1],
      ['Submitted', 1],
      ['In validation', 1],
      ['Clarification requested', 1],
      ['In moderation', 1],
      ['Validated', 1],
      ['Result published', 5],
      ['Total', 15],
    ] as const
    for (const [label, count] of expected) expect(layout).toMatch(new RegExp(`^\\s*${label}\\s+${count}\\s*$`, 'm'))
    expect(reports.regional.layoutPages[0]).toMatch(/Submissions\s+15$/m)
  })

  it('give the distribution of agreed levels with the median of each outcome', () => {
    const layout = reports.regional.layoutPages.join('\n')
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const median = n % 2 ? '2' : '1.5'
      expect(layout).toMatch(
        new RegExp(
          `^\\s*${n}\\. Outcome title ${n}\\s+1\\s+2\\s+${n}\\s+0\\s+1\\s+${4 + n}\\s+${median.replace('.', '\\.')}\\s*$`,
          'm',
        ),
      )
    }
    const figure = reports.regional.structure.find((e) => e.type === 'Figure')
    expect(figure?.alt).toContain('Outcome 2: 1 at level 0, 2 at level 1, 2 at level 2, 0 at level 3, 1 at level 4')
  })

  it("give each organisation's agreed grades in short form, each on one line of its cell", () => {
    const regional = reports.regional.layoutPages.join('\n')
    // Organisation 2 (i = 1): steps 2 to 7.
    expect(regional).toMatch(/^\s*Organisation 2 NHS .*\s1 Med\s+1 High\s+2 Low\s+2 Med\s+2 High\s+3 Low\s*$/m)
    expect(regional).toMatch(/^\s*Ysbyty Gwynedd Hospital .*\sNot started\s+–\s+–\s+–\s+–\s+–\s+–\s*$/m)
    // Organisation 20 (i = 19): steps 7 to 12, with the Region column taking room.
    expect(reports.national.layoutPages.join('\n')).toMatch(/\s3 Low\s+3 Med\s+3 High\s+4 Low\s+4 Med\s+4 High\s*$/m)
  })

  it('repeat the table header on every page of a 300-organisation table, and lose or repeat no row', () => {
    const pdf = reports.national
    const first = pageWithLine(pdf, 'Organisations by outcome', 3)!
    expect(pdf.pageCount - first).toBeGreaterThanOrEqual(10)
    const header = /^\s*Organisation\s+Region\s+Status\s+O1\s+O2\s+O3\s+O4\s+O5\s+O6\s*$/gm
    for (let page = first; page <= pdf.pageCount; page++) {
      expect(pdf.layoutPages[page - 1]!.match(header), `page ${page}`).toHaveLength(1)
    }
    const text = bodyText(pdf)
    for (let i = 0; i < 300; i++) expect(occurrences(text, `(R${String(i).padStart(3, '0')})`), `R${i}`).toBe(1)
  })
})

describe('formatBytes', () => {
  it('counts bytes, then kilobytes, then megabytes (of 1,024)', () => {
    expect(formatBytes(0)).toBe('0 bytes')
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(1023)).toBe('1023 bytes')
    expect(formatBytes(1024)).toBe('1 KB')
    expect(formatBytes(1535)).toBe('1 KB')
    expect(formatBytes(1536)).toBe('2 KB')
    expect(formatBytes(123_457)).toBe('121 KB')
    expect(formatBytes(1024 * 1024)).toBe('1.0 MB')
    expect(formatBytes(50 * 1024 * 1024)).toBe('50.0 MB')
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB')
  })

  it('never shows 1024 KB: sizes that round up to a megabyte are shown in megabytes', () => {
    expect(formatBytes(1024 * 1024 - 513)).toBe('1023 KB')
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB')
  })
})

describe('shortHash', () => {
  it('is the first 12 hex digits', () => {
    expect(shortHash(SHA256)).toBe('a3f1c2d4e5b6')
    expect(shortHash('abc')).toBe('abc')
  })
})

describe('shortGrade', () => {
  it('is the level and a short sub-level, "0" for level 0 and a dash for no grade', () => {
    expect(shortGrade(null)).toBe('–')
    expect(shortGrade(0)).toBe('0')
    expect(shortGrade(1)).toBe('1 Low')
    expect(shortGrade(2)).toBe('1 Med')
    expect(shortGrade(3)).toBe('1 High')
    expect(shortGrade(5)).toBe('2 Med')
    expect(shortGrade(12)).toBe('4 High')
  })

  it('refuses steps that are not a grade', () => {
    expect(() => shortGrade(13)).toThrow(RangeError)
    expect(() => shortGrade(-1)).toThrow(RangeError)
    expect(() => shortGrade(1.5)).toThrow(RangeError)
  })
})

describe('formatMedian', () => {
  it('shows whole levels without a decimal point, halves with one, and "None" when nothing is graded', () => {
    expect(formatMedian(null)).toBe('None')
    expect(formatMedian(0)).toBe('0')
    expect(formatMedian(2)).toBe('2')
    expect(formatMedian(1.5)).toBe('1.5')
    expect(formatMedian(3.5)).toBe('3.5')
    expect(formatMedian(4)).toBe('4')
  })
})

describe('the report writer', () => {
  const newWriter = () =>
    new ReportWriter({ title: 'Table test', subject: 'Tables', runningHeader: 'Table test', reader: READER })
  const columns = [
    { header: 'Name', width: 1 },
    { header: 'Text', width: 1 },
  ]

  it('refuses a table row taller than a page rather than clip it', () => {
    const writer = newWriter()
    expect(() => writer.table({ columns, rows: [['Short', prose(2000)]] })).toThrow(RangeError)
    expect(() => newWriter().table({ columns, rows: [['Short', prose(2000)]] })).toThrow(/taller than a page/)
  })

  it('takes a tall row that fits on a page', async () => {
    const writer = newWriter()
    writer.table({ columns, rows: [['Short', prose(150)]] })
    const bytes = await writer.finish()
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  })
})
