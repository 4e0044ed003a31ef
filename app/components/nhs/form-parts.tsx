import type { HTMLAttributes, ReactNode } from 'react'
import { cx, joinIds } from './class-names'

/** Sizes shared by nhsuk labels and legends (`nhsuk-label--m`, `nhsuk-fieldset__legend--m`). */
export type FieldSize = 's' | 'm' | 'l' | 'xl'

/** Props common to every single-control form field. */
export type FieldProps = {
  /** Id of the control; defaults to `name`. Error summary links should point at `#${id}`. */
  id?: string
  name: string
  label: ReactNode
  hint?: ReactNode
  /** Error message text; when set the field renders in its v10 error state. */
  error?: string
  labelSize?: FieldSize
  /** Wraps the label in an `<h1 class="nhsuk-label-wrapper">` (size defaults to `l`). */
  isPageHeading?: boolean
}

/** Props common to fieldset-based fields (radios, checkboxes, date input). */
export type GroupFieldProps = {
  /** Id of the group; the first control gets exactly this id so error summary links work. Defaults to `name`. */
  id?: string
  name: string
  legend: ReactNode
  hint?: ReactNode
  error?: string
  legendSize?: FieldSize
  /** Alias of `legendSize`. */
  labelSize?: FieldSize
  /** Wraps the legend text in an `<h1 class="nhsuk-fieldset__heading">` (size defaults to `l`). */
  isPageHeading?: boolean
}

/** Derives the ids nhsuk-frontend uses for a field: `${id}-hint` and `${id}-error`. */
export function fieldIds(
  id: string,
  hint: ReactNode | undefined,
  error: string | undefined,
): { hintId: string | undefined; errorId: string | undefined; describedBy: string | undefined } {
  const hintId = hasContent(hint) ? `${id}-hint` : undefined
  const errorId = error ? `${id}-error` : undefined
  return { hintId, errorId, describedBy: joinIds(hintId, errorId) }
}

export function hasContent(node: ReactNode): boolean {
  return node !== undefined && node !== null && node !== false && node !== ''
}

export type LabelProps = {
  htmlFor: string
  size?: FieldSize
  isPageHeading?: boolean
  className?: string
  children: ReactNode
}

/** `nhsuk-label`, optionally wrapped in `<h1 class="nhsuk-label-wrapper">`. */
export function Label({ htmlFor, size, isPageHeading, className, children }: LabelProps) {
  const resolvedSize = size ?? (isPageHeading ? 'l' : undefined)
  const label = (
    <label className={cx('nhsuk-label', resolvedSize && `nhsuk-label--${resolvedSize}`, className)} htmlFor={htmlFor}>
      {children}
    </label>
  )
  return isPageHeading ? <h1 className="nhsuk-label-wrapper">{label}</h1> : label
}

export type HintProps = HTMLAttributes<HTMLDivElement> & { children: ReactNode }

/** `nhsuk-hint` block. */
export function Hint({ className, children, ...rest }: HintProps) {
  return (
    <div className={cx('nhsuk-hint', className)} {...rest}>
      {children}
    </div>
  )
}

export type ErrorMessageProps = HTMLAttributes<HTMLSpanElement> & {
  children: ReactNode
  /** Visually hidden prefix; nhsuk-frontend renders "Error: ". */
  visuallyHiddenText?: string
}

/** `nhsuk-error-message` with the visually hidden "Error: " prefix, as nhsuk-frontend renders it. */
export function ErrorMessage({ className, children, visuallyHiddenText = 'Error', ...rest }: ErrorMessageProps) {
  return (
    <span className={cx('nhsuk-error-message', className)} {...rest}>
      {visuallyHiddenText ? <span className="nhsuk-u-visually-hidden">{`${visuallyHiddenText}: `}</span> : null}
      {children}
    </span>
  )
}

export type LegendProps = {
  size?: FieldSize
  isPageHeading?: boolean
  className?: string
  children: ReactNode
}

/** `nhsuk-fieldset__legend`, with the text in `<h1 class="nhsuk-fieldset__heading">` for page headings. */
export function Legend({ size, isPageHeading, className, children }: LegendProps) {
  const resolvedSize = size ?? (isPageHeading ? 'l' : undefined)
  return (
    <legend
      className={cx('nhsuk-fieldset__legend', resolvedSize && `nhsuk-fieldset__legend--${resolvedSize}`, className)}
    >
      {isPageHeading ? <h1 className="nhsuk-fieldset__heading">{children}</h1> : children}
    </legend>
  )
}

export type FormGroupProps = HTMLAttributes<HTMLDivElement> & { error?: boolean; children: ReactNode }

/** `nhsuk-form-group`, with `nhsuk-form-group--error` when in error. */
export function FormGroup({ error, className, children, ...rest }: FormGroupProps) {
  return (
    <div className={cx('nhsuk-form-group', error && 'nhsuk-form-group--error', className)} {...rest}>
      {children}
    </div>
  )
}
