// The fonts of every PDF (issues 5 and 17): Noto Sans for text, and Noto fallbacks for what it has
// no glyph for, so an emoji, a tick or arrow, or a Hebrew or Arabic name prints as itself rather
// than as an empty box. All SIL Open Font License, from npm packages that ship TrueType files
// (pdfkit embeds TTF or OTF, not WOFF).
//
// pdfkit writes a piece of text in one font, so text is split into runs, each in the first font of
// the chain that has a glyph for it: Noto Sans, then Noto Emoji (monochrome; pdfkit cannot draw
// colour emoji) for pictographs, Noto Sans Symbols, Symbols 2 and Math (≥, ∑), Hebrew and Arabic. Joiners
// (zero-width joiner, variation selectors, skin tones, combining marks) stay with the character
// before them, so an emoji sequence or an accented letter is never split between fonts.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import * as fontkit from 'fontkit'

const require = createRequire(import.meta.url)

/** Words laid out and kept per font, shared by every document; cleared when it grows past this. */
const MAX_SHARED_LAYOUTS = 50_000

/**
 * A glyph's position as pdfkit reads it for every glyph it writes. One shape for every position,
 * with its fields held as floating-point numbers from the start: pdfkit scales font units (small
 * integers) into fractions in place and then adds `advanceWidth`, which, on plain copies, changed
 * each object's shape twice and left pdfkit's per-glyph loop reading properties the slow way
 * (about a third of a long report's render time, in the profile of bench/reports.ts).
 */
class GlyphPosition {
  xAdvance = 0.5
  yAdvance = 0.5
  xOffset = 0.5
  yOffset = 0.5
  advanceWidth = 0.5
  constructor(xAdvance: number, yAdvance: number, xOffset: number, yOffset: number) {
    this.xAdvance = xAdvance
    this.yAdvance = yAdvance
    this.xOffset = xOffset
    this.yOffset = yOffset
    this.advanceWidth = 0
  }
}

/**
 * A copy of a cached layout for one document. Its width is read by pdfkit for every word of every
 * line, after pdfkit has scaled the positions in place, so it is summed on first reading and kept;
 * a getter on the class (rather than on each object) keeps that reading fast.
 */
class SharedGlyphRun {
  private width = -1
  constructor(
    readonly glyphs: fontkit.Glyph[],
    readonly positions: GlyphPosition[],
  ) {}
  get advanceWidth(): number {
    if (this.width < 0) this.width = this.positions.reduce((sum, p) => sum + p.xAdvance, 0)
    return this.width
  }
}

/**
 * fontkit shapes each word with the font's OpenType tables, which is most of the cost of a report;
 * pdfkit keeps those layouts for one document only. This keeps them for the process. pdfkit scales
 * the positions it is given in place, so each call gets fresh copies of the cached positions.
 */
function withSharedLayouts(font: fontkit.Font): fontkit.Font {
  const cache = new Map<string, fontkit.GlyphRun>()
  const layout = (text: string, features?: unknown) => {
    if (features !== undefined) return font.layout(text, features as Parameters<fontkit.Font['layout']>[1])
    let run = cache.get(text)
    if (!run) {
      if (cache.size >= MAX_SHARED_LAYOUTS) cache.clear()
      run = font.layout(text)
      cache.set(text, run)
    }
    return new SharedGlyphRun(
      run.glyphs,
      run.positions.map((p) => new GlyphPosition(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset)),
    )
  }
  return new Proxy(font, {
    get: (target, property) => (property === 'layout' ? layout : Reflect.get(target, property, target)),
  })
}

function openFont(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(file))
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`)
  return withSharedLayouts(font)
}

export type Weight = 'regular' | 'bold'

/** The fonts in the order they are tried; each has a regular and a bold face (the same file when the family has one weight). */
const FAMILIES = [
  { key: 'text', pkg: '@expo-google-fonts/noto-sans', stem: 'NotoSans', bold: true },
  { key: 'emoji', pkg: '@expo-google-fonts/noto-emoji', stem: 'NotoEmoji', bold: true },
  { key: 'symbols', pkg: '@expo-google-fonts/noto-sans-symbols', stem: 'NotoSansSymbols', bold: true },
  { key: 'symbols2', pkg: '@expo-google-fonts/noto-sans-symbols-2', stem: 'NotoSansSymbols2', bold: false },
  { key: 'math', pkg: '@expo-google-fonts/noto-sans-math', stem: 'NotoSansMath', bold: false },
  { key: 'hebrew', pkg: '@expo-google-fonts/noto-sans-hebrew', stem: 'NotoSansHebrew', bold: true },
  { key: 'arabic', pkg: '@expo-google-fonts/noto-sans-arabic', stem: 'NotoSansArabic', bold: true },
] as const

type FamilyKey = (typeof FAMILIES)[number]['key']

/** The name a face is registered under in each document: "regular", "bold", "emoji-bold", … */
export type FaceName = string

function faceName(family: FamilyKey, weight: Weight): FaceName {
  return family === 'text' ? weight : `${family}-${weight}`
}

let faces: Map<FaceName, fontkit.Font> | undefined

/** Every face, parsed once per process and shared by every document (pdfkit embeds a subset of each it uses). */
export function loadFaces(): ReadonlyMap<FaceName, fontkit.Font> {
  if (!faces) {
    const loaded = new Map<FaceName, fontkit.Font>()
    for (const family of FAMILIES) {
      const dir = path.dirname(require.resolve(`${family.pkg}/package.json`))
      const regular = openFont(path.join(dir, '400Regular', `${family.stem}_400Regular.ttf`))
      loaded.set(faceName(family.key, 'regular'), regular)
      loaded.set(
        faceName(family.key, 'bold'),
        family.bold ? openFont(path.join(dir, '700Bold', `${family.stem}_700Bold.ttf`)) : regular,
      )
    }
    faces = loaded
  }
  return faces
}

const MARK = /^\p{M}$/u

/** Whether a character belongs with the one before it: a joiner, variation selector, skin tone, keycap, tag or mark. */
function joinsPrevious(char: string): boolean {
  const c = char.codePointAt(0)!
  return (
    c === 0x200d ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0x20e3 ||
    (c >= 0x1f3fb && c <= 0x1f3ff) ||
    (c >= 0xe0020 && c <= 0xe007f) ||
    MARK.test(char)
  )
}

/** Text the main font covers entirely (Latin, Latin-1, Latin Extended, common punctuation): one run, no look-ups. */
const PLAIN = /^[\n\t\u0020-\u007E\u00A0-\u024F\u2010-\u2027\u2030-\u205E\u20AC]*$/
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u
const SPACE = /^\s$/u

const familyCache = new Map<number, FamilyKey | null>()

/** The first family with a glyph for the code point (pictographs try the emoji font first), or null. */
function familyFor(codePoint: number): FamilyKey | null {
  const cached = familyCache.get(codePoint)
  if (cached !== undefined) return cached
  const all = loadFaces()
  const char = String.fromCodePoint(codePoint)
  const order: FamilyKey[] = PICTOGRAPH.test(char)
    ? ['emoji', 'text', 'symbols', 'symbols2']
    : ['text', 'symbols', 'symbols2', 'math', 'hebrew', 'arabic', 'emoji']
  const found = order.find((key) => all.get(faceName(key, 'regular'))!.hasGlyphForCodePoint(codePoint)) ?? null
  familyCache.set(codePoint, found)
  return found
}

export type Run = { face: FaceName; text: string }

/** The text as runs, each in the first face of the chain that has its glyphs. */
export function fontRuns(text: string, weight: Weight): Run[] {
  if (PLAIN.test(text)) return [{ face: weight, text }]
  const runs: Array<{ family: FamilyKey; text: string }> = []
  for (const char of text) {
    const last = runs[runs.length - 1]
    if (last && (joinsPrevious(char) || SPACE.test(char))) {
      last.text += char
      continue
    }
    const family = familyFor(char.codePointAt(0)!) ?? 'text'
    if (last && last.family === family) last.text += char
    else runs.push({ family, text: char })
  }
  if (runs.length === 0) return [{ face: weight, text }]
  const merged: Run[] = []
  for (const run of runs.flatMap(placed)) {
    const face = faceName(run.family, weight)
    const last = merged[merged.length - 1]
    // Right-to-left words stay apart: each is turned right to left on its own.
    if (last && last.face === face && !RIGHT_TO_LEFT.has(run.family)) last.text += run.text
    else merged.push({ face, text: run.text })
  }
  return merged
}

const RIGHT_TO_LEFT: ReadonlySet<FamilyKey> = new Set(['hebrew', 'arabic'])

/**
 * A run ready for pdfkit, which lays out text word by word, left to right. Spaces are set in the
 * main font (a fallback font's space can be far wider). A right-to-left run has its words in
 * reverse order, so that each word, which fontkit shapes and turns right to left, lands in reading
 * order from the right: a simple reordering that is right for names and phrases in one script (a
 * full bidirectional algorithm is beyond what a report needs).
 */
function placed(run: { family: FamilyKey; text: string }): Array<{ family: FamilyKey; text: string }> {
  if (run.family === 'text') return [run]
  const [, before = '', middle = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(run.text) ?? []
  const edges = (space: string) => (space ? [{ family: 'text' as const, text: space }] : [])
  const words = middle.split(/(\s+)/u).filter((part) => part !== '')
  if (RIGHT_TO_LEFT.has(run.family)) words.reverse()
  const parts = words.map((part) => ({ family: SPACE.test(part[0]!) ? ('text' as const) : run.family, text: part }))
  return [...edges(before), ...parts, ...edges(after)]
}

/** The characters of `text` that no font of the chain can draw (each once), e.g. for a test or a warning. */
export function missingGlyphs(text: string): string[] {
  const missing = new Set<string>()
  for (const char of text) {
    if (SPACE.test(char) || joinsPrevious(char)) continue
    if (familyFor(char.codePointAt(0)!) === null) missing.add(char)
  }
  return [...missing]
}
