import { useEffect, useRef } from 'react'
import { useFormErrorsTitle } from '../page-title'
import { cx } from './class-names'

export type ErrorSummaryItem = { href: string; text: string }

export type ErrorSummaryProps = {
  errors: ErrorSummaryItem[]
  title?: string
  className?: string
}

/**
 * nhsuk-frontend v10 error summary. Renders nothing when there are no errors. When errors appear
 * (or change) the summary is focused so screen reader and keyboard users land on it; links point at
 * the field ids (`#${id}`), which work without JavaScript. While it shows errors the page title
 * starts with "Error: ".
 */
export function ErrorSummary({ errors, title = 'There is a problem', className }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null)
  const errorsKey = errors.map((error) => `${error.href}\u0000${error.text}`).join('\u0001')

  useEffect(() => {
    if (errorsKey !== '') ref.current?.focus()
  }, [errorsKey])
  // "Error: " goes before the page title while the form shows errors, as the NHS pattern asks.
  useFormErrorsTitle(errors.length > 0)

  if (errors.length === 0) return null

  return (
    <div ref={ref} className={cx('nhsuk-error-summary', className)} data-module="nhsuk-error-summary" tabIndex={-1}>
      {/* v10 keeps role="alert" on a child container so focus and announcement do not race. */}
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">{title}</h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.href}-${error.text}`}>
                <a href={error.href}>{error.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}
