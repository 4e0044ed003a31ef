import type { HTMLAttributes, ReactNode } from 'react'
import { cx } from './class-names'

export type VisuallyHiddenProps = HTMLAttributes<HTMLSpanElement> & { children: ReactNode }

/** Text available to assistive technology but hidden visually (`nhsuk-u-visually-hidden`). */
export function VisuallyHidden({ children, className, ...rest }: VisuallyHiddenProps) {
  return (
    <span className={cx('nhsuk-u-visually-hidden', className)} {...rest}>
      {children}
    </span>
  )
}
