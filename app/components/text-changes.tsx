import { Details } from '~/components/nhs'
import type { TextDiff } from '~/modules/submissions/text-diff'

const words = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'word' : 'words'}`

/** What the saved text says of its difference from the copy, in words first. */
export function textChangeSummary(diff: TextDiff): string {
  switch (diff.kind) {
    case 'unchanged':
      return 'Not changed since it was copied'
    case 'rewritten':
      return 'Rewritten since it was copied'
    case 'changed':
      return `${words(diff.added)} added and ${words(diff.removed)} taken out since it was copied`
  }
}

/**
 * "What has changed since the copy from 2021/22": the saved text with the words added underlined
 * and those taken out struck through, each also named for screen readers, so neither colour nor
 * styling carries the meaning alone.
 */
export function TextChanges({ label, cycleName, diff }: { label: string; cycleName: string; diff: TextDiff }) {
  return (
    <Details summary={`${label}: what has changed since the copy from ${cycleName}`}>
      <p>{textChangeSummary(diff)}.</p>
      {diff.kind === 'changed' ? (
        <p className="app-text-changes app-preserve-lines">
          {diff.parts.map((part, index) =>
            part.kind === 'added' ? (
              <ins key={index}>
                <span className="nhsuk-u-visually-hidden">[added: </span>
                {part.text}
                <span className="nhsuk-u-visually-hidden">]</span>
              </ins>
            ) : part.kind === 'removed' ? (
              <del key={index}>
                <span className="nhsuk-u-visually-hidden">[taken out: </span>
                {part.text}
                <span className="nhsuk-u-visually-hidden">]</span>
              </del>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </p>
      ) : null}
    </Details>
  )
}
