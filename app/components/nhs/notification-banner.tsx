import { useEffect, useRef, type ReactNode } from 'react'
import { cx } from './class-names'

export type NotificationBannerProps = {
  /** Defaults to "Success" for the success variant, otherwise "Important". */
  title?: string
  success?: boolean
  /** A string is rendered as the banner heading paragraph; other content is rendered as-is. */
  children: ReactNode
  /** Prefix for the title id (`${id}-title`); set it when a page has more than one banner. */
  id?: string
  /** Success banners are focused on mount (as the nhsuk-frontend module does) unless this is set. */
  disableAutoFocus?: boolean
  className?: string
}

/**
 * nhsuk-frontend v10 notification banner. The default variant is a `role="region"` landmark; the
 * success variant uses `role="alert"` and is focused when it mounts.
 */
export function NotificationBanner({
  title,
  success,
  children,
  id,
  disableAutoFocus,
  className,
}: NotificationBannerProps) {
  const ref = useRef<HTMLDivElement>(null)
  const autoFocus = Boolean(success) && !disableAutoFocus

  useEffect(() => {
    if (autoFocus) ref.current?.focus()
  }, [autoFocus])

  const titleId = `${id ?? 'nhsuk-notification-banner'}-title`
  return (
    <div
      ref={ref}
      className={cx('nhsuk-notification-banner', className, success && 'nhsuk-notification-banner--success')}
      id={id}
      data-module="nhsuk-notification-banner"
      data-disable-auto-focus={disableAutoFocus ? 'true' : undefined}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={autoFocus ? -1 : undefined}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        {typeof children === 'string' ? <p className="nhsuk-notification-banner__heading">{children}</p> : children}
      </div>
    </div>
  )
}
