import { describe, expect, it } from 'vitest'
import { countWords, formatWordCount, parseNarrative } from './narrative-text'

describe('parseNarrative', () => {
  it('splits paragraphs on blank lines and keeps line breaks within one', () => {
    expect(parseNarrative('First line\nsecond line\n\n\nNext paragraph.  \n')).toEqual([
      { kind: 'paragraph', lines: ['First line', 'second line'] },
      { kind: 'paragraph', lines: ['Next paragraph.'] },
    ])
  })

  it('recognises a bulleted list pasted from Word, with its sub-items and Windows line ends', () => {
    const pasted = 'We offer:\r\n•\tLiterature searches\r\no\tfor clinicians\r\n\uF0B7\tTraining\r\n\r\nThen more.'
    expect(parseNarrative(pasted)).toEqual([
      { kind: 'paragraph', lines: ['We offer:'] },
      {
        kind: 'list',
        ordered: false,
        items: [
          { text: 'Literature searches', level: 0 },
          { text: 'for clinicians', level: 1 },
          { text: 'Training', level: 0 },
        ],
      },
      { kind: 'paragraph', lines: ['Then more.'] },
    ])
  })

  it('nests items indented by a tab or four spaces', () => {
    expect(parseNarrative('- one\n\t- one a\n    * one b\n- two')).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [
          { text: 'one', level: 0 },
          { text: 'one a', level: 1 },
          { text: 'one b', level: 1 },
          { text: 'two', level: 0 },
        ],
      },
    ])
  })

  it('recognises numbered lists and joins a wrapped line to its item', () => {
    expect(parseNarrative('1.\tSearches\n2) Training for\nnew staff\n\nDone')).toEqual([
      {
        kind: 'list',
        ordered: true,
        items: [
          { text: 'Searches', level: 0 },
          { text: 'Training for new staff', level: 0 },
        ],
      },
      { kind: 'paragraph', lines: ['Done'] },
    ])
  })

  it('starts a new list when bullets follow numbers at the same level', () => {
    const blocks = parseNarrative('1. a\n- b')
    expect(blocks.map((b) => b.kind === 'list' && b.ordered)).toEqual([true, false])
  })

  it('leaves ordinary sentences alone: hyphenated words, years, abbreviations, capitals', () => {
    for (const text of ['Well-used service', '2025. A good year', 'e.g. searches', 'A. Smith chairs it', 'order 66']) {
      expect(parseNarrative(text)).toEqual([{ kind: 'paragraph', lines: [text] }])
    }
  })

  it('returns nothing for empty or blank text', () => {
    expect(parseNarrative('')).toEqual([])
    expect(parseNarrative(' \n\t\n')).toEqual([])
  })
})

describe('countWords', () => {
  it('counts words as a person does', () => {
    expect(countWords('')).toBe(0)
    expect(countWords('  ')).toBe(0)
    expect(countWords('Zoë’s team ran 412 literature-searches in 2025/26.')).toBe(7)
    expect(countWords('•\tOne\n•\tTwo – three')).toBe(3)
  })

  it('formats the count', () => {
    expect(formatWordCount(1)).toBe('1 word')
    expect(formatWordCount(5000)).toBe('5,000 words')
  })
})
