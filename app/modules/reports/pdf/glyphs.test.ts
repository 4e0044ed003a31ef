// Every character of a narrative prints as itself (issue 17, item 3): emoji, symbols, Welsh,
// Polish and right-to-left names, and Word's pasted bullets as real list items rather than a
// bullet and a box. Read back with pdftotext and pdffonts, as a person's tools would.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outcomeReportFixture, READER, reviewerPackFixture } from '../../../../tests/fixtures/reports'
import { type InspectedPdf, pdfWorkspace } from '../../../../tests/pdf-tools'
import { parseNarrative } from '~/modules/submissions/narrative-text'
import { fontRuns, missingGlyphs } from './fonts.server'
import { outcomeList, renderOutcomeReport } from './outcome-report.server'
import { renderReviewerPack } from './reviewer-pack.server'

const run = promisify(execFile)

const NAMES = {
  welsh: 'Ysbyty Gwynedd, Llŷn a Dŵr: Siân ap Rhŷs',
  polish: 'Łukasz Żółkiewski i Zofia Świętochowska',
  hebrew: 'שרה כהן',
  arabic: 'فاطمة الزهراء',
}
// 👍🏽: Noto Emoji is monochrome, so the skin tone cannot show; the thumb prints, and the test looks for it.
const EMOJI = ['📚', '✅', '🎉', '👍', '❤️']
const SYMBOLS = ['→', '✓', '★', '☎', '⚠', '≥', '€', '½']

const NARRATIVE = [
  `Our outreach librarians ${EMOJI.join(' ')} 👍🏽 visited every ward. ${SYMBOLS.join(' ')}`,
  `Led by ${NAMES.welsh}; with ${NAMES.polish}; and our colleagues ${NAMES.hebrew} and ${NAMES.arabic}.`,
  // As Word copies a bulleted list: a bullet, a tab, the item; then a second level with "o" and a tab.
  '•\tLiterature searches for the Board',
  '•\tCurrent awareness bulletins',
  'o\tFor the emergency department',
  '\uF0B7\tTraining in critical appraisal', // Word's Symbol-font bullet, a private-use character
  '',
  '1.\tFirst numbered step',
  '2.\tSecond numbered step',
].join('\n')

let workspace: Awaited<ReturnType<typeof pdfWorkspace>>
let pack: InspectedPdf
let outcome: InspectedPdf
let fonts: string

beforeAll(async () => {
  workspace = await pdfWorkspace()
  const fixture = reviewerPackFixture({ words: 50 })
  fixture.outcomes[0]!.narrative = NARRATIVE
  fixture.outcomes[0]!.keyStrengths = `Strengths ${EMOJI[0]} from ${NAMES.hebrew}`
  pack = await workspace.inspect('glyph-pack', await renderReviewerPack(fixture, READER))
  const report = outcomeReportFixture()
  report.outcomes[0]!.strengths = NARRATIVE
  outcome = await workspace.inspect('glyph-outcome', await renderOutcomeReport(report, READER))
  fonts = (await run('pdffonts', [pack.file], { encoding: 'utf8' })).stdout
}, 60_000)

afterAll(async () => {
  await workspace?.cleanup()
})

const text = (pdf: InspectedPdf) => pdf.pages.join('\n').replace(/\s+/g, ' ')

describe('the fonts of a report', () => {
  it('have a glyph for every character of the narrative, in one font or another', () => {
    // What is printed: the parsed paragraphs and list items (Word's private-use bullet becomes a list item).
    const printed = parseNarrative(NARRATIVE).flatMap((block) =>
      block.kind === 'paragraph' ? block.lines : block.items.map((item) => item.text),
    )
    expect(printed.join('\n')).not.toContain('\uF0B7')
    expect(missingGlyphs(printed.join('\n'))).toEqual([])
    for (const name of Object.values(NAMES)) expect(missingGlyphs(name), name).toEqual([])
  })

  it('keep an emoji sequence (skin tone, variation selector) in one font', () => {
    const runs = fontRuns('Thanks 👍🏽 and ❤️ to all', 'regular')
    expect(runs).toEqual([
      { face: 'regular', text: 'Thanks ' },
      { face: 'emoji-regular', text: '👍🏽' },
      { face: 'regular', text: ' and ' },
      { face: 'emoji-regular', text: '❤️' },
      { face: 'regular', text: ' to all' },
    ])
  })

  it('set a right-to-left name with its words in reading order from the right, and spaces in the main font', () => {
    expect(fontRuns('Dr שרה כהן and', 'regular')).toEqual([
      { face: 'regular', text: 'Dr ' },
      { face: 'hebrew-regular', text: 'כהן' },
      { face: 'regular', text: ' ' },
      { face: 'hebrew-regular', text: 'שרה' },
      { face: 'regular', text: ' and' },
    ])
  })

  it('write plain text in the main font alone', () => {
    expect(fontRuns(NAMES.welsh, 'bold')).toEqual([{ face: 'bold', text: NAMES.welsh }])
  })

  it('say which characters no font can draw', () => {
    // A private-use character outside Word's bullets, which no font here has.
    expect(missingGlyphs('A \uE123 B')).toEqual(['\uE123'])
  })

  it('are embedded in the PDF: Noto Sans and the emoji, symbols, Hebrew and Arabic fallbacks', () => {
    for (const font of ['NotoSans-Regular', 'NotoEmoji', 'NotoSansSymbols', 'NotoSansHebrew', 'NotoSansArabic']) {
      expect(fonts, font).toContain(font)
    }
    // Every font is embedded (the "emb" column of pdffonts says yes on each line).
    const rows = fonts.split('\n').slice(2).filter(Boolean)
    expect(rows.length).toBeGreaterThan(4)
    for (const row of rows) expect(row, row).toMatch(/\byes\s+yes\s+yes\b/)
  })
})

describe('a narrative in the reviewer pack and the outcome report', () => {
  it('prints every emoji, symbol, Welsh and Polish name as written', () => {
    for (const pdf of [pack, outcome]) {
      const printed = text(pdf)
      for (const character of [...EMOJI, ...SYMBOLS]) expect(printed, character).toContain(character)
      expect(printed).toContain(NAMES.welsh)
      expect(printed).toContain(NAMES.polish)
    }
  })

  it('prints right-to-left names in their own letters', () => {
    // Noto Sans Arabic draws reh (ر) and zain (ز) with one base glyph and a dot, so a text extractor
    // reads both as whichever came first: either is taken as the other.
    const twins: Record<string, string> = { ر: 'ز', ز: 'ر' }
    for (const pdf of [pack, outcome]) {
      const printed = text(pdf)
      for (const name of [NAMES.hebrew, NAMES.arabic]) {
        for (const letter of name.replace(/\s/g, '')) {
          expect(printed.includes(letter) || printed.includes(twins[letter] ?? letter), `${name}: ${letter}`).toBe(true)
        }
      }
      expect(printed).not.toContain('\uFFFD')
    }
  })

  it('turns Word bullets and tabs into list items, with no bullet character or tab left in the text', () => {
    for (const pdf of [pack, outcome]) {
      const printed = text(pdf)
      expect(printed).toContain('• Literature searches for the Board')
      expect(printed).toContain('• Current awareness bulletins')
      expect(printed).toContain('◦ For the emergency department')
      expect(printed).toContain('• Training in critical appraisal')
      expect(printed).toContain('1. First numbered step')
      expect(printed).toContain('2. Second numbered step')
      expect(printed).not.toContain('\uF0B7')
      expect(printed).not.toContain('o For the emergency')
      expect(pdf.structure.filter((s) => s.type === 'LI').length).toBeGreaterThanOrEqual(6)
    }
  })

  it('is a sound PDF', () => {
    for (const pdf of [pack, outcome]) expect(pdf.check.code, pdf.check.output).toBe(0)
  })
})

describe('the outcome report cover', () => {
  it('gives the agreed result at a glance, with the radar, on the first page', () => {
    const cover = outcome.pages[0]!
    expect(cover).toContain('The agreed result at a glance')
    expect(cover).toContain('Agreed grade')
    expect(cover).toContain('Outcome 6')
    expect(outcome.structure.filter((s) => s.type === 'Figure').length).toBeGreaterThanOrEqual(2)
  })

  it('lists outcomes in plain English', () => {
    expect(outcomeList([3])).toBe('outcome 3')
    expect(outcomeList([3, 6])).toBe('outcomes 3 and 6')
    expect(outcomeList([1, 2, 5])).toBe('outcomes 1, 2 and 5')
  })
})
