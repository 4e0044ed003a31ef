import { describe, expect, it } from 'vitest'
import {
  EDITION_JSON_FORMAT,
  jsonPath,
  parseEditionJson,
  plainLocation,
  serialiseEdition,
  type EditionContent,
} from './edition-json'

function level(outcome: number, level: number, count: number) {
  return {
    level,
    summary: `Level ${level} summary`,
    indicators: Array.from({ length: count }, (_, i) => ({
      code: `${outcome}.${level}.${i + 1}`,
      text: `Indicator ${outcome}.${level}.${i + 1}`,
    })),
  }
}

function content(): EditionContent {
  return {
    code: '2026',
    name: '2026 edition',
    description: 'A test edition',
    outcomes: [1, 2, 3].map((number) => ({
      number,
      shortTitle: `Outcome ${number}`,
      statement: `Statement ${number}`,
      scope: '',
      whyItMatters: 'Because',
      keyQuestions: ['Why?', 'How?'],
      levels: [1, 2, 3, 4].map((l) => level(number, l, 2)),
      suggestedEvidence: ['A strategy'],
    })),
  }
}

/** The document as a plain object, to break in a test. */
function doc(): Record<string, any> {
  return JSON.parse(serialiseEdition(content()))
}

const texts = (text: string) => {
  const parsed = parseEditionJson(text)
  return parsed.ok ? [] : parsed.errors.map((e) => e.text)
}

describe('edition JSON', () => {
  it('reads back exactly what it wrote', () => {
    const text = serialiseEdition(content())
    expect(text.endsWith('}\n')).toBe(true)
    expect(JSON.parse(text)).toMatchObject({ format: EDITION_JSON_FORMAT, version: 1 })
    expect(parseEditionJson(text)).toEqual({ ok: true, content: content() })
  })

  it('accepts a byte order mark', () => {
    expect(parseEditionJson(`\ufeff${serialiseEdition(content())}`).ok).toBe(true)
  })

  it('says when the file is not JSON', () => {
    const errors = texts('format: edition')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^The file is not valid JSON/)
  })

  it('names a missing field and where it is', () => {
    const d = doc()
    delete d.outcomes[2].statement
    expect(texts(JSON.stringify(d))).toEqual(['outcomes[2].statement (Outcome 3, statement): This field is missing'])
  })

  it('names an extra field and where it is', () => {
    const d = doc()
    d.outcomes[0].levels[1].colour = 'blue'
    d.notes = 'x'
    expect(texts(JSON.stringify(d)).sort()).toEqual([
      'notes (Notes): Remove this field: it is not part of the edition format',
      'outcomes[0].levels[1].colour (Outcome 1, level 2, colour): Remove this field: it is not part of the edition format',
    ])
  })

  it('names a value of the wrong type', () => {
    const d = doc()
    d.outcomes[1].number = '2'
    d.outcomes[0].keyQuestions = 'Why?'
    expect(texts(JSON.stringify(d)).sort()).toEqual([
      'outcomes[0].keyQuestions (Outcome 1, key questions): Must be a list in square brackets',
      'outcomes[1].number (Outcome 2, number): Must be a number',
    ])
  })

  it('names empty text', () => {
    const d = doc()
    d.outcomes[2].levels[0].indicators[1].text = '   '
    d.outcomes[0].suggestedEvidence = ['']
    expect(texts(JSON.stringify(d)).sort()).toEqual([
      'outcomes[0].suggestedEvidence[0] (Outcome 1, suggested evidence 1): Enter the suggested evidence, or remove the empty entry',
      'outcomes[2].levels[0].indicators[1].text (Outcome 3, level 1, indicator 2, text): Enter the indicator text',
    ])
  })

  it('checks outcome numbers, level numbers and indicator codes follow their positions', () => {
    const d = doc()
    d.outcomes[1].levels[2].indicators[0].code = '2.3.9'
    d.outcomes[0].levels[3].level = 5
    expect(texts(JSON.stringify(d)).sort()).toEqual([
      'outcomes[0].levels[3].level (Outcome 1, level 4, level): Levels must be 1 to 4 in order: this one must be 4',
      'outcomes[1].levels[2].indicators[0].code (Outcome 2, level 3, indicator 1, code): The code must be "2.3.1" (outcome.level.position)',
    ])
    const swapped = doc()
    swapped.outcomes[1].number = 3
    expect(texts(JSON.stringify(swapped))).toContain(
      'outcomes[1].number (Outcome 2, number): Outcomes must be numbered 1, 2, 3 and so on, in order: this one must be 2',
    )
  })

  it('needs four levels and a known format and version', () => {
    const d = doc()
    d.outcomes[0].levels.pop()
    expect(texts(JSON.stringify(d))).toEqual([
      'outcomes[0].levels (Outcome 1, levels): Give exactly four levels, 1 to 4, in order',
    ])
    const other = doc()
    other.version = 2
    other.format = 'something-else'
    expect(texts(JSON.stringify(other))).toEqual([
      `format (Format): This is not a framework edition file: format must be "${EDITION_JSON_FORMAT}"`,
      'version (Version): This portal reads format version 1',
    ])
    expect(texts('[]')).toEqual(['Must be an object in curly brackets'])
  })

  it('checks the edition code', () => {
    const d = doc()
    d.code = '2026 draft'
    expect(texts(JSON.stringify(d))).toEqual([
      'code (Code): Code must start with a letter or number and use only letters, numbers and hyphens, like 2026',
    ])
  })

  it('describes paths for people and for JSON', () => {
    const path = ['outcomes', 2, 'levels', 0, 'indicators', 3, 'text']
    expect(jsonPath(path)).toBe('outcomes[2].levels[0].indicators[3].text')
    expect(plainLocation(path)).toBe('Outcome 3, level 1, indicator 4, text')
  })
})
