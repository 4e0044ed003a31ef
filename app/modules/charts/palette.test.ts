import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DIVERGING_FILLS,
  HATCH,
  HEAT_MAP_FILLS,
  LEVEL_FILLS,
  chartContrasts,
  contrastRatio,
  relativeLuminance,
  textColourOn,
} from './palette'
import { RADAR_SERIES_STYLES } from './radar'

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

  // Issue 16 (WCAG 1.4.11): the parts of a bar touch each other, so each needs 3:1 against the next,
  // as well as against the white background.
  it('gives every level 3:1 against white and against the levels either side', () => {
    const { background, adjacent } = chartContrasts(LEVEL_FILLS.map((f) => f.fill))
    for (const ratio of [...background, ...adjacent]) expect(ratio).toBeGreaterThanOrEqual(3)
  })

  it('gives both sides of a comparison 3:1 against white and against the middle', () => {
    const { lower, same, higher } = DIVERGING_FILLS
    const { background, adjacent } = chartContrasts([lower.fill, same.fill, higher.fill])
    for (const ratio of [...background, ...adjacent]) expect(ratio).toBeGreaterThanOrEqual(3)
  })

  it('would refuse the four blues the progress bars used before (1.5:1 between neighbours)', () => {
    const { adjacent } = chartContrasts(['#4a99cd', '#1878b8', '#0057a0', '#061a42'])
    expect(adjacent.map((ratio) => Math.round(ratio * 10) / 10)).toEqual([1.5, 1.5, 2.3])
    expect(adjacent.some((ratio) => ratio < 3)).toBe(true)
  })

  it('marks each level and each side of a comparison with its own pattern, never the diagonal of hidden numbers', () => {
    expect(new Set(LEVEL_FILLS.map((f) => f.pattern)).size).toBe(LEVEL_FILLS.length)
    expect(new Set(Object.values(DIVERGING_FILLS).map((f) => f.pattern)).size).toBe(3)
  })

  it.each(FILLS)('draws the pattern of $name in its text colour, of 4.5:1 against the fill', ({ fill, text }) => {
    expect(contrastRatio(text, fill)).toBeGreaterThanOrEqual(4.5)
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

  it.each(HEAT_MAP_FILLS.map((fill, level) => ({ level, ...fill })))(
    'level $level uses the heat map blue and its text colour',
    ({ level, fill, text }) => {
      expect(rule(`app-heat-map__cell--level-${level}`)).toEqual({ background: fill, colour: text })
    },
  )

  it('shades the heat map light to dark, each cell with 3:1 against white', () => {
    const luminances = HEAT_MAP_FILLS.map((f) => relativeLuminance(f.fill))
    for (let level = 1; level < luminances.length; level += 1)
      expect(luminances[level]).toBeLessThan(luminances[level - 1]!)
    for (const ratio of chartContrasts(HEAT_MAP_FILLS.map((f) => f.fill)).background)
      expect(ratio).toBeGreaterThanOrEqual(3)
  })

  it('shows empty cells with readable text', () => {
    const empty = rule('app-heat-map__cell--empty')
    expect(contrastRatio(empty.colour, empty.background)).toBeGreaterThanOrEqual(4.5)
  })
})

// The radar charts (result pages and every PDF report) draw their series as lines over each other,
// not as parts side by side: each colour needs 3:1 against white, and each series has its own dash
// pattern and point marker besides its colour, drawn in the legend too.
describe('the radar series', () => {
  it.each(RADAR_SERIES_STYLES.map((style, index) => ({ index, ...style })))(
    'series $index ($colour) has 3:1 against white',
    ({ colour }) => {
      expect(contrastRatio(colour.toLowerCase(), WHITE)).toBeGreaterThanOrEqual(3)
    },
  )

  it('gives each series its own dash pattern and its own marker', () => {
    expect(new Set(RADAR_SERIES_STYLES.map((style) => style.dash.join(' '))).size).toBe(RADAR_SERIES_STYLES.length)
    expect(new Set(RADAR_SERIES_STYLES.map((style) => style.marker)).size).toBe(RADAR_SERIES_STYLES.length)
  })
})
