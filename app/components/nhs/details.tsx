import type { DetailsHTMLAttributes, ReactNode } from 'react'
import { cx } from './class-names'

export type DetailsProps = Omit<DetailsHTMLAttributes<HTMLDetailsElement>, 'children'> & {
  summary: ReactNode
  children: ReactNode
  /** `nhsuk-expander` style. */
  expander?: boolean
}

/** nhsuk-frontend v10 details (native `<details>`, works without JavaScript). */
export function Details({ summary, children, expander, className, ...rest }: DetailsProps) {
  return (
    <details className={cx('nhsuk-details', expander && 'nhsuk-expander', className)} {...rest}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{summary}</span>
      </summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  )
}
