import type { AnchorHTMLAttributes, ReactNode } from 'react'
import { cx } from './class-names'

export type BackLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'children'> & {
  href: string
  children?: ReactNode
  /** `nhsuk-back-link--reverse`, for dark backgrounds. */
  reverse?: boolean
}

/** nhsuk-frontend v10 back link. */
export function BackLink({ href, children = 'Back', reverse, className, ...rest }: BackLinkProps) {
  return (
    <a className={cx('nhsuk-back-link', reverse && 'nhsuk-back-link--reverse', className)} href={href} {...rest}>
      {children}
    </a>
  )
}

export type BreadcrumbItem = { href: string; text: string }

export type BreadcrumbsProps = {
  /** Ancestor pages, top level first. */
  items: BreadcrumbItem[]
  /**
   * Optional current page, shown as plain text with `aria-current="page"`. nhsuk-frontend v10 omits
   * the current page by default, so only set this when the design calls for it.
   */
  current?: string
  reverse?: boolean
  className?: string
}

/**
 * nhsuk-frontend v10 breadcrumbs. The list shows from tablet up; on mobile the breadcrumb collapses
 * to a "Back to {parent}" link, which v10 renders inside the same `<nav>`.
 */
export function Breadcrumbs({ items, current, reverse, className }: BreadcrumbsProps) {
  const parent = items[items.length - 1]
  if (items.length === 0 && !current) return null
  return (
    <nav className={cx('nhsuk-breadcrumb', reverse && 'nhsuk-breadcrumb--reverse', className)} aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={`${item.href}-${item.text}`}>
            <a className="nhsuk-breadcrumb__link" href={item.href}>
              {item.text}
            </a>
          </li>
        ))}
        {current ? (
          <li className="nhsuk-breadcrumb__list-item" aria-current="page">
            {current}
          </li>
        ) : null}
      </ol>
      {parent ? (
        <a className={cx('nhsuk-back-link', reverse && 'nhsuk-back-link--reverse')} href={parent.href}>
          <span className="nhsuk-u-visually-hidden">Back to </span>
          {parent.text}
        </a>
      ) : null}
    </nav>
  )
}

export type SkipLinkProps = {
  href?: string
  children?: ReactNode
}

/** nhsuk-frontend v10 skip link; place it first in `<body>` and give `<main>` the matching id. */
export function SkipLink({ href = '#maincontent', children = 'Skip to main content' }: SkipLinkProps) {
  return (
    <a className="nhsuk-skip-link" data-module="nhsuk-skip-link" href={href}>
      {children}
    </a>
  )
}
