// What changed in a text since it was copied from the last cycle, word by word, for the outcome
// page's "What has changed since the copy" (issue 15, item 6). The word diff is the `diff` library's;
// a text rewritten past MAX_EDIT_WORDS is not compared word by word (it would be slow and unreadable).
import { diffWords } from 'diff'

export type TextChange = { kind: 'same' | 'added' | 'removed'; text: string }

export type TextDiff =
  | { kind: 'unchanged' }
  | { kind: 'changed'; parts: TextChange[]; added: number; removed: number }
  | { kind: 'rewritten' }

/** Past this many words added or removed, the text counts as rewritten. */
export const MAX_EDIT_WORDS = 2000

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length

export function diffText(before: string, after: string): TextDiff {
  if (before === after) return { kind: 'unchanged' }
  const changes = diffWords(before, after, { maxEditLength: MAX_EDIT_WORDS * 2 })
  if (!changes) return { kind: 'rewritten' }
  const parts = changes.map((c): TextChange => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }))
  const words = (kind: TextChange['kind']) =>
    parts.filter((p) => p.kind === kind).reduce((sum, p) => sum + wordCount(p.text), 0)
  const added = words('added')
  const removed = words('removed')
  if (added + removed > MAX_EDIT_WORDS) return { kind: 'rewritten' }
  return { kind: 'changed', parts, added, removed }
}
