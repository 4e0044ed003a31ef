// The structure of text people type or paste from Word into long-text fields (narratives, notes):
// paragraphs, bulleted lists and numbered lists, recognised from plain text. Pure, shared by the
// pages (components/narrative-text.tsx) and anything else that prints the same text, so a bullet
// pasted from Word is a list item wherever the text appears.
//
// Word puts a bullet character and a tab before each item when it copies a list as plain text
// ("•\tItem", "o\tSub-item", "\tItem" with the Symbol font's private-use bullet), and a number
// and a tab for a numbered list ("1.\tItem"). People typing by hand write "- item" or "* item".

export type TextBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; ordered: boolean; items: ListItem[] }

export type ListItem = { text: string; level: number }

// Bullet characters: •, ◦, ▪, ▫, ‣, ⁃, ·, –, —, -, *, and the private-use bullets of Word's Symbol
// (U+F0B7) and Wingdings (U+F0A7, U+F0D8) fonts. "o" counts only when a tab follows, as Word writes it.
const BULLET =
  /^([ \t]*)(?:[•◦▪▫‣⁃·\u2013\u2014*\-\uF0B7\uF0A7\uF0D8\uF076\uF0FC■□●○◆➢►✓✔](?:[ \t]+|$)|(o)\t[ \t]*)(.*)$/
const NUMBERED = /^([ \t]*)(?:\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])[ \t]+(.*)$/

type Line = { kind: 'text'; text: string } | { kind: 'item'; ordered: boolean; text: string; level: number }

function indentLevel(indent: string): number {
  let width = 0
  for (const char of indent) width += char === '\t' ? 4 : 1
  return Math.min(3, Math.floor(width / 4))
}

function classify(line: string): Line {
  const bullet = BULLET.exec(line)
  // Word's second-level bullet is an "o", so an "o" item is at least one level in.
  if (bullet) {
    const level = indentLevel(bullet[1]!)
    return { kind: 'item', ordered: false, text: bullet[3]!.trim(), level: bullet[2] ? Math.max(1, level) : level }
  }
  const numbered = NUMBERED.exec(line)
  if (numbered) return { kind: 'item', ordered: true, text: numbered[2]!.trim(), level: indentLevel(numbered[1]!) }
  return { kind: 'text', text: line.replace(/[ \t]+$/, '') }
}

/** Splits text into paragraphs and lists. Blank lines end a paragraph; a list item's following
 * unmarked lines (without a blank line) continue that item, as a wrapped line pasted from Word does. */
export function parseNarrative(text: string): TextBlock[] {
  const blocks: TextBlock[] = []
  let current: TextBlock | null = null
  const close = () => {
    if (current) blocks.push(current)
    current = null
  }
  for (const raw of text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')) {
    if (!raw.trim()) {
      close()
      continue
    }
    const line = classify(raw)
    if (line.kind === 'item') {
      const block = current as TextBlock | null
      if (block?.kind === 'list' && (block.ordered === line.ordered || line.level > 0)) {
        block.items.push({ text: line.text, level: line.level })
      } else {
        close()
        current = { kind: 'list', ordered: line.ordered, items: [{ text: line.text, level: line.level }] }
      }
      continue
    }
    const block = current as TextBlock | null
    if (block?.kind === 'paragraph') block.lines.push(line.text.trim())
    else if (block?.kind === 'list') {
      const last = block.items[block.items.length - 1]!
      last.text = last.text ? `${last.text} ${line.text.trim()}` : line.text.trim()
    } else {
      close()
      current = { kind: 'paragraph', lines: [line.text.trim()] }
    }
  }
  close()
  return blocks
}

/** Words as a person counts them: runs of letters, digits and joining marks between spaces. */
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-_/@&]*/gu)
  return words ? words.length : 0
}

/** "1 word", "3,120 words". */
export function formatWordCount(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'word' : 'words'}`
}
