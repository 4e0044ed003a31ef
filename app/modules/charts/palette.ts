// The colours of the charts (issue 6, issue 16): one colour-blind-safe scheme for the dashboards'
// bars and the PDF summaries. WCAG 1.4.11 asks that each part of a chart has 3:1 contrast with what
// touches it: the white background, and the parts beside it. Only two bands of lightness can do both
// (a fill of 3:1 against white is too dark for a third band to reach 3:1 below it), so the parts of a
// bar alternate between a light band and a dark band, each part with its own hue and its own
// pattern; white gaps part the segments, so two parts of one band never touch when the part between
// them is empty. Every fill is drawn with text of at least 4.5:1 against it (WCAG 1.4.3).
// Colour is never the only carrier of meaning (WCAG 1.4.1): each part has a pattern, drawn in the key
// too; bars keep a fixed order; segments are labelled; every chart has a key in words and a data table.
// The heat map is a table with the value written in each cell: its CSS classes in app/styles/app.scss
// use HEAT_MAP_FILLS (a test keeps them in step).

/** A pattern drawn over a fill in its text colour, so parts of a chart differ by more than colour. */
export type FillPattern = 'none' | 'dots' | 'horizontal' | 'vertical' | 'grid'

export type Fill = { fill: string; text: string; pattern: FillPattern }

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

/**
 * The contrast ratios a row of fills has to meet (WCAG 1.4.11): each fill against the background,
 * and each against the next. The charts' fills give 3:1 or more in every one.
 */
export function chartContrasts(
  fills: readonly string[],
  background = WHITE,
): { background: number[]; adjacent: number[] } {
  return {
    background: fills.map((fill) => contrastRatio(fill, background)),
    adjacent: fills.slice(1).map((fill, index) => contrastRatio(fill, fills[index]!)),
  }
}

function withText(fill: string, pattern: FillPattern = 'none'): Fill {
  return { fill, text: textColourOn(fill), pattern }
}

/**
 * Levels 0..4 (and the four stages of the workflow, which take levels 0..3): light and dark in
 * turn, each with its own hue and pattern. Each has at least 3:1 against white and against the
 * levels either side of it.
 */
export const LEVEL_FILLS: readonly [Fill, Fill, Fill, Fill, Fill] = [
  withText('#4a99cd', 'none'), // light blue, plain
  withText('#003087', 'dots'), // NHS dark blue
  withText('#009e73', 'horizontal'), // Okabe–Ito bluish green
  withText('#330072', 'vertical'), // NHS purple
  withText('#c27c0e', 'grid'), // ochre
]

/**
 * Three-way comparisons: the lower side on the left, the same in the middle (dark), the higher side
 * on the right. Each side has at least 3:1 against white and against the middle.
 */
export const DIVERGING_FILLS: { readonly lower: Fill; readonly same: Fill; readonly higher: Fill } = {
  lower: withText('#d55e00', 'vertical'), // Okabe–Ito vermillion
  same: withText('#212b32', 'none'), // NHS.UK text colour
  higher: withText('#1d8fd1', 'dots'), // mid blue
}

/**
 * The heat map's shades, levels 0..4, light to dark blue: equal steps of contrast with white, from
 * 3.1:1 (level 0) to 17:1 (level 4). Its cells are table cells parted by white borders, each with
 * its median written in it, so a sequential scale reads there without the neighbours' 3:1.
 */
export const HEAT_MAP_FILLS: readonly [Fill, Fill, Fill, Fill, Fill] = [
  withText('#4a99cd'),
  withText('#1878b8'),
  withText('#0057a0'),
  withText('#003a79'),
  withText('#061a42'),
]

/**
 * Parts that include hidden small numbers keep their own fill, striped diagonally with white (3:1 or
 * more against every fill above; no part's own pattern is diagonal), and are never labelled. The
 * key shows the stripes on dark grey.
 */
export const HATCH = { stripe: '#ffffff', keyFill: SECONDARY_TEXT_COLOUR } as const
