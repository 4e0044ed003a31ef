// Long text as people wrote it: paragraphs, bulleted and numbered lists (recognised by
// modules/submissions/narrative-text.ts, also from text pasted from Word), line breaks kept.
import { Fragment, type ReactNode } from 'react'
import { parseNarrative, type ListItem } from '~/modules/submissions/narrative-text'

type Node = { text: string; children: Node[] }

/** Turns items with levels into a tree; a level deeper than the one before counts as one deeper. */
function nest(items: ListItem[]): Node[] {
  const roots: Node[] = []
  const stack: Array<{ level: number; node: Node }> = []
  for (const item of items) {
    const node: Node = { text: item.text, children: [] }
    while (stack.length && stack[stack.length - 1]!.level >= item.level) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.node.children.push(node)
    else roots.push(node)
    stack.push({ level: item.level, node })
  }
  return roots
}

function List({ ordered, nodes }: { ordered: boolean; nodes: Node[] }) {
  const items = nodes.map((node, index) => (
    <li key={index}>
      {node.text}
      {node.children.length ? <List ordered={ordered} nodes={node.children} /> : null}
    </li>
  ))
  return ordered ? (
    <ol className="nhsuk-list nhsuk-list--number">{items}</ol>
  ) : (
    <ul className="nhsuk-list nhsuk-list--bullet">{items}</ul>
  )
}

export function NarrativeText({ text, empty, className }: { text: string; empty?: ReactNode; className?: string }) {
  const blocks = parseNarrative(text)
  if (!blocks.length) return empty ? <p>{empty}</p> : null
  return (
    <div className={className ?? 'app-narrative'}>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>
            {block.lines.map((line, i) => (
              <Fragment key={i}>
                {i > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </p>
        ) : (
          <List key={index} ordered={block.ordered} nodes={nest(block.items)} />
        ),
      )}
    </div>
  )
}
