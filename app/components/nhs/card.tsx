import type { ReactNode } from 'react'
import { cx } from './class-names'

export type CardProps = {
  heading?: ReactNode
  /** Defaults to 2, as in v10. */
  headingLevel?: 2 | 3 | 4 | 5 | 6
  /** `nhsuk-heading-${headingSize}` on the card heading. */
  headingSize?: 's' | 'm' | 'l' | 'xl'
  /** Makes the heading a link (`nhsuk-card__link`). */
  href?: string
  /** Rendered as `<p class="nhsuk-card__description">`. */
  description?: ReactNode
  children?: ReactNode
  /** `nhsuk-card--clickable`: the whole card is clickable via the heading link (needs `href`). */
  clickable?: boolean
  variant?: 'feature' | 'secondary'
  className?: string
}

/** nhsuk-frontend v10 card. */
export function Card({
  heading,
  headingLevel = 2,
  headingSize,
  href,
  description,
  children,
  clickable,
  variant,
  className,
}: CardProps) {
  const HeadingTag = `h${headingLevel}` as const
  const hasHeading = heading !== undefined && heading !== null && heading !== ''
  const linkHeading = href !== undefined && variant !== 'feature'
  return (
    <div
      className={cx(
        'nhsuk-card',
        clickable && href !== undefined && 'nhsuk-card--clickable',
        variant && `nhsuk-card--${variant}`,
        className,
      )}
    >
      <div className="nhsuk-card__content">
        {hasHeading ? (
          <HeadingTag className={cx('nhsuk-card__heading', headingSize && `nhsuk-heading-${headingSize}`)}>
            {linkHeading ? (
              <a className="nhsuk-card__link" href={href}>
                {heading}
              </a>
            ) : (
              heading
            )}
          </HeadingTag>
        ) : null}
        {description !== undefined && description !== null ? (
          <p className="nhsuk-card__description">{description}</p>
        ) : null}
        {children}
      </div>
    </div>
  )
}
