import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIVERGING_FILLS, HATCH, LEVEL_FILLS, contrastRatio, relativeLuminance, textColourOn } from './palette'

const WHITE = '#ffffff'

describe('contrast', () => {
  it('follows WCAG: black on white is 21:1, a colour on itself 1:1', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1)
    expect(relativeLuminance('#000000')).toBe(0)
    expect(contrastRatio('#000000', WHITE)).toBeCloseTo(21)
    expect(contrastRatio(WHITE, '#000000')).toBeCloseTo(21)
    expect(contrastRatio('#005eb8', '#005eb8')).toBe(1)
    expect(contrastRatio('#005eb8', WHITE)).toBeCloseTo(6.38, 1) // NHS blue, as published
  })

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => relativeLuminance('blue')).toThrow(RangeError)
  })

  it('picks white text on dark fills and dark text on light ones', () => {
    expect(textColourOn('#061a42')).toBe(WHITE)
    expect(textColourOn('#f0f4f5')).toBe('#212b32')
    expect(textColourOn('#d55e00')).toBe('#000000') // neither white nor NHS text reaches 4.5:1
  })
})

const FILLS = [
  ...LEVEL_FILLS.map((fill, level) => ({ name: `level ${level}`, ...fill })),
  ...Object.entries(DIVERGING_FILLS).map(([name, fill]) => ({ name, ...fill })),
]

describe('the dashboard palette', () => {
  it.each(FILLS)('$name ($fill) has 3:1 against white and text of 4.5:1 on it', ({ fill, text }) => {
    expect(contrastRatio(fill, WHITE)).toBeGreaterThanOrEqual(3)
    expect(contrastRatio(text, fill)).toBeGreaterThanOrEqual(4.5)
  })

  it('darkens from level 0 to level 4 by clear steps (lightness, not hue, tells them apart)', () => {
    const luminances = LEVEL_FILLS.map((f) => relativeLuminance(f.fill))
    for (let level = 1; level < luminances.length; level += 1) {
      expect(contrastRatio(LEVEL_FILLS[level]!.fill, LEVEL_FILLS[level - 1]!.fill)).toBeGreaterThanOrEqual(1.45)
      expect(luminances[level]).toBeLessThan(luminances[level - 1]!)
    }
  })

  it.each(FILLS)('stripes $name with white of 3:1 against it, to mark hidden small numbers', ({ fill }) => {
    expect(contrastRatio(HATCH.stripe, fill)).toBeGreaterThanOrEqual(3)
  })

  it('shows the stripes in the key on a fill of 3:1 against white', () => {
    expect(contrastRatio(HATCH.keyFill, WHITE)).toBeGreaterThanOrEqual(3)
    expect(contrastRatio(HATCH.stripe, HATCH.keyFill)).toBeGreaterThanOrEqual(3)
  })
})

describe('the heat map classes in app.scss', () => {
  const scss = readFileSync(path.resolve(import.meta.dirname, '../../styles/app.scss'), 'utf8')
  function rule(className: string): { background: string; colour: string } {
    const match = new RegExp(`\\.${className}\\s*\\{([^}]*)\\}`).exec(scss)
    expect(match, `.${className} in app.scss`).not.toBeNull()
    const body = match![1]!
    return {
      background: /background-color:\s*(#[0-9a-f]{6})/i.exec(body)?.[1]?.toLowerCase() ?? '',
      colour: /(?:^|[\s;])color:\s*(#[0-9a-f]{6})/i.exec(body)?.[1]?.toLowerCase() ?? '',
    }
  }

  it.each(LEVEL_FILLS.map((fill, level) => ({ level, ...fill })))(
    'level $level uses the palette blue and its text colour',
    ({ level, fill, text }) => {
      expect(rule(`app-heat-map__cell--level-${level}`)).toEqual({ background: fill, colour: text })
    },
  )

  it('shows empty cells with readable text', () => {
    const empty = rule('app-heat-map__cell--empty')
    expect(contrastRatio(empty.colour, empty.background)).toBeGreaterThanOrEqual(4.5)
  })
})
