import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from './class-names'

export type InsetTextProps = HTMLAttributes<HTMLDivElement> & {
  /** A string is wrapped in `<p>`; other content is rendered as-is. */
  children: ReactNode
}

/** nhsuk-frontend v10 inset text, with its visually hidden "Information: " prefix. */
export function InsetText({ children, className, ...rest }: InsetTextProps) {
  return (
    <div className={cx('nhsuk-inset-text', className)} {...rest}>
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {typeof children === 'string' ? <p>{children}</p> : children}
    </div>
  )
}
