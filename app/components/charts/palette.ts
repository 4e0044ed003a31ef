// The colours of the attainment dashboard charts (issue 6): one colour-blind-safe scheme for all of
// them. Ordered things (levels 0..4, stages of the workflow) use one single-hue blue scale, light
// to dark; the three-way comparisons (lower / same / higher, declined / same / improved) use
// Okabe–Ito vermillion and blue either side of a neutral grey. Every fill has at least 3:1 contrast
// with white (WCAG 1.4.11) and is drawn with text that has at least 4.5:1 against it (WCAG 1.4.3).
// Colour is never the only carrier of meaning: bars keep a fixed order, segments are labelled, and
// every chart has a key and a data table. The heat map's CSS classes in app/styles/app.scss use the
// same colours (a test keeps them in step).

export type Fill = { fill: string; text: string }

const WHITE = '#ffffff'
/** NHS.UK text colour. */
export const TEXT_COLOUR = '#212b32'
/** NHS.UK secondary text colour, also used for outlines and the hatching of hidden small numbers. */
const SECONDARY_TEXT_COLOUR = '#4c6272'

/** Relative luminance of a #rrggbb colour (WCAG 2.2). */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new RangeError(`Not a #rrggbb colour: ${hex}`)
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** White text where it has 4.5:1 against the fill, else the NHS text colour, else black. */
export function textColourOn(fill: string): string {
  if (contrastRatio(fill, WHITE) >= 4.5) return WHITE
  if (contrastRatio(fill, TEXT_COLOUR) >= 4.5) return TEXT_COLOUR
  return '#000000'
}

function withText(fill: string): Fill {
  return { fill, text: textColourOn(fill) }
}

/**
 * Levels 0..4, light to dark blue: equal steps of contrast with white, from 3.1:1 (level 0) to 17:1
 * (level 4), so each level is visibly darker than the one before in any kind of colour vision.
 */
export const LEVEL_FILLS: readonly [Fill, Fill, Fill, Fill, Fill] = [
  withText('#4a99cd'),
  withText('#1878b8'),
  withText('#0057a0'),
  withText('#003a79'),
  withText('#061a42'),
]

/** Three-way comparisons: the lower side on the left, the same in the middle, the higher side on the right. */
export const DIVERGING_FILLS: { readonly lower: Fill; readonly same: Fill; readonly higher: Fill } = {
  lower: withText('#d55e00'), // Okabe–Ito vermillion
  same: withText('#768692'), // NHS.UK mid grey
  higher: withText('#0072b2'), // Okabe–Ito blue
}

/**
 * Parts that include hidden small numbers keep their own fill, striped with white (3:1 or more
 * against every fill above), and are never labelled. The key shows the stripes on dark grey.
 */
export const HATCH = { stripe: '#ffffff', keyFill: SECONDARY_TEXT_COLOUR } as const
