import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react'
import { cx } from './class-names'
import { useFieldDisabled } from './read-only-fields'

export type ButtonVariant = 'primary' | 'secondary' | 'secondary-solid' | 'reverse' | 'warning' | 'login'

/** Class list for an nhsuk-frontend v10 button, e.g. to style a Remix `<Link>`. */
export function buttonClassName(variant: ButtonVariant = 'primary', small?: boolean, className?: string): string {
  return cx(
    'nhsuk-button',
    variant !== 'primary' && `nhsuk-button--${variant}`,
    small && 'nhsuk-button--small',
    className,
  )
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  children: ReactNode
  variant?: ButtonVariant
  small?: boolean
  /** Sets `data-prevent-double-click`, honoured by the nhsuk-frontend Button module. */
  preventDoubleClick?: boolean
}

/** nhsuk-frontend v10 button (`<button class="nhsuk-button">`), `type="submit"` by default. */
export function Button({
  children,
  variant,
  small,
  preventDoubleClick,
  type = 'submit',
  disabled: ownDisabled,
  className,
  ...rest
}: ButtonProps) {
  const disabled = useFieldDisabled(ownDisabled)
  return (
    <button
      className={buttonClassName(variant, small, className)}
      data-module="nhsuk-button"
      data-prevent-double-click={preventDoubleClick === undefined ? undefined : String(preventDoubleClick)}
      type={type}
      disabled={disabled}
      aria-disabled={disabled ? 'true' : undefined}
      {...rest}
    >
      {children}
    </button>
  )
}

export type ButtonLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string
  children: ReactNode
  variant?: ButtonVariant
  small?: boolean
}

/** A link styled as a v10 button (`<a class="nhsuk-button" role="button" draggable="false">`). */
export function ButtonLink({ href, children, variant, small, className, ...rest }: ButtonLinkProps) {
  return (
    <a
      className={buttonClassName(variant, small, className)}
      data-module="nhsuk-button"
      href={href}
      role="button"
      draggable="false"
      {...rest}
    >
      {children}
    </a>
  )
}
