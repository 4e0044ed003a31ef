// Helpers for the chart tests: a tiny parser for renderToStaticMarkup's well-formed HTML and SVG
// (as in radar-chart.test.tsx), and finders over the tree it builds.
import { expect } from 'vitest'

export type Node = { tag: string; attrs: Record<string, string>; children: Array<Node | string> }
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
}

export function parse(html: string): Node {
  const root: Node = { tag: '#root', attrs: {}, children: [] }
  const stack: Node[] = [root]
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g
  for (const match of html.matchAll(token)) {
    const [, closing, tag, rawAttrs, selfClosing, text] = match
    const parent = stack[stack.length - 1]!
    if (text !== undefined) {
      parent.children.push(decode(text))
    } else if (closing) {
      expect(stack.pop()?.tag, `closing </${tag}>`).toBe(tag)
    } else {
      const attrs: Record<string, string> = {}
      for (const [, name, value] of (rawAttrs ?? '').matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) {
        attrs[name!] = decode(value ?? '')
      }
      const node: Node = { tag: tag!, attrs, children: [] }
      parent.children.push(node)
      if (!selfClosing && !VOID.has(tag!)) stack.push(node)
    }
  }
  expect(stack, 'every element is closed').toHaveLength(1)
  return root
}

export function all(node: Node, test: (n: Node) => boolean): Node[] {
  const found: Node[] = []
  for (const child of node.children) {
    if (typeof child === 'string') continue
    if (test(child)) found.push(child)
    found.push(...all(child, test))
  }
  return found
}

export const byTag = (node: Node, tag: string) => all(node, (n) => n.tag === tag)
export const byClass = (node: Node, className: string) =>
  all(node, (n) => (n.attrs.class ?? '').split(' ').includes(className))
const byId = (node: Node, id: string) =>
  one(
    all(node, (n) => n.attrs.id === id),
    `#${id}`,
  )

export function one(nodes: Node[], what: string): Node {
  expect(nodes, what).toHaveLength(1)
  return nodes[0]!
}

/** Visible text: leaves out the responsive table's aria-hidden column headings. */
export function text(node: Node): string {
  const raw = (n: Node): string =>
    n.children
      .map((child) => (typeof child === 'string' ? child : child.attrs['aria-hidden'] === 'true' ? '' : raw(child)))
      .join('')
  return raw(node).replace(/\s+/g, ' ').trim()
}

/** Every piece of text in the tree, hidden or not, each text node on its own. */
export function textNodes(node: Node): string[] {
  return node.children.flatMap((child) => (typeof child === 'string' ? [child] : textNodes(child)))
}

/** The data table's column headings and its body rows, as text. */
export function tableOf(root: Node): { caption: string; head: string[]; rows: string[][]; table: Node } {
  const table = one(byTag(root, 'table'), 'the table')
  const head = byTag(one(byTag(table, 'thead'), 'thead'), 'th')
  for (const th of head) expect(th.attrs.scope).toBe('col')
  const rows = byTag(one(byTag(table, 'tbody'), 'tbody'), 'tr').map((tr) => {
    const cells = tr.children.filter((c): c is Node => typeof c !== 'string')
    expect(cells[0]!.tag, 'row heading').toBe('th')
    expect(cells[0]!.attrs.scope).toBe('row')
    return cells.map(text)
  })
  return { caption: text(one(byTag(table, 'caption'), 'caption')), head: head.map(text), rows, table }
}

/** The chart's one SVG image. */
export function svgOf(root: Node): Node {
  return one(
    all(root, (n) => n.tag === 'svg' && n.attrs.role === 'img'),
    'the chart image',
  )
}

/** Checks the SVG is one named image: role, title and desc by aria-labelledby, not focusable, a viewBox. Returns its name and description. */
export function expectAccessibleSvg(root: Node, svg: Node): { name: string; description: string } {
  expect(svg.attrs.role).toBe('img')
  expect(svg.attrs.focusable).toBe('false')
  expect(svg.attrs.viewBox).toMatch(/^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$/)
  expect(svg.attrs.width, 'no fixed width: it scales to its container').toBeUndefined()
  const [titleId, descId, ...rest] = (svg.attrs['aria-labelledby'] ?? '').split(' ')
  expect(rest).toEqual([])
  const title = byId(root, titleId!)
  const desc = byId(root, descId!)
  expect(title.tag).toBe('title')
  expect(desc.tag).toBe('desc')
  expect(svg.children.find((c) => typeof c !== 'string')).toBe(title) // the first child, as SVG expects
  return { name: text(title), description: text(desc) }
}

/** Widths of the bars (segments) of one chart row, in order. */
export function segmentsOf(row: Node): Array<{
  key: string
  x: number
  width: number
  hidden: boolean
  fill: string
  hatched: boolean
  label: string | null
  tooltip: string
}> {
  return byClass(row, 'app-chart__segment').map((segment) => {
    const bar = one(byClass(segment, 'app-chart__bar'), 'segment bar')
    const key = (segment.attrs.class ?? '')
      .split(' ')
      .find((c) => c.startsWith('app-chart__segment--') && c !== 'app-chart__segment--hidden')!
    const label = byClass(segment, 'app-chart__value')[0]
    return {
      key: key.replace('app-chart__segment--', ''),
      x: Number(bar.attrs.x),
      width: Number(bar.attrs.width),
      hidden: (segment.attrs.class ?? '').includes('app-chart__segment--hidden'),
      fill: bar.attrs.fill ?? '',
      hatched: byClass(segment, 'app-chart__hatch').length === 1,
      label: label ? text(label) : null,
      tooltip: text(one(byTag(segment, 'title'), 'segment tooltip')),
    }
  })
}

/** A suppression formatter: counts from 1 to 9 shown as "<10". */
export const suppress = (n: number) => (n > 0 && n < 10 ? '<10' : n.toLocaleString('en-GB'))

/** The SVG's text, bar by bar, without the row labels ("Outcome 3", which is not a count): values, notes, tooltips, title, description. */
export function figuresText(svg: Node): string {
  const walk = (node: Node): string[] =>
    (node.attrs.class ?? '').split(' ').includes('app-chart__label')
      ? []
      : node.children.flatMap((child) => (typeof child === 'string' ? [child] : walk(child)))
  return walk(svg).join(' | ')
}
