import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from './class-names'

export type TagColour =
  'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow'

export type TagProps = HTMLAttributes<HTMLElement> & {
  children: ReactNode
  /** v10 modifier `nhsuk-tag--${colour}`; the default tag (no modifier) is dark blue. */
  colour?: TagColour
  /** `nhsuk-tag--no-border`. */
  noBorder?: boolean
}

/** nhsuk-frontend v10 tag (`<strong class="nhsuk-tag">`). */
export function Tag({ children, colour, noBorder, className, ...rest }: TagProps) {
  return (
    <strong
      className={cx('nhsuk-tag', colour && `nhsuk-tag--${colour}`, noBorder && 'nhsuk-tag--no-border', className)}
      {...rest}
    >
      {children}
    </strong>
  )
}
