import type { ReactNode } from 'react'
import { cx } from './class-names'

export type WarningCalloutProps = {
  heading: string
  /** Heading level; v10 defaults to 3. */
  headingLevel?: 2 | 3 | 4 | 5 | 6
  /** A string is wrapped in `<p class="nhsuk-card__description">`; other content is rendered as-is. */
  children: ReactNode
  className?: string
}

/**
 * nhsuk-frontend v10 warning callout, which v10 renders as a warning card (`nhsuk-card--warning`).
 * Headings that do not contain "important" get a visually hidden "Important: " prefix.
 */
export function WarningCallout({ heading, headingLevel = 3, children, className }: WarningCalloutProps) {
  const HeadingTag = `h${headingLevel}` as const
  const needsPrefix = !heading.includes('Important') && !heading.includes('important')
  return (
    <div className={cx('nhsuk-card nhsuk-card--warning', className)}>
      <div className="nhsuk-card__content">
        <HeadingTag className="nhsuk-card__heading">
          {needsPrefix ? (
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              {heading}
            </span>
          ) : (
            heading
          )}
        </HeadingTag>
        {typeof children === 'string' ? <p className="nhsuk-card__description">{children}</p> : children}
      </div>
    </div>
  )
}
