import type { InputHTMLAttributes } from 'react'
import { cx, joinIds } from './class-names'
import { useFieldDisabled } from './read-only-fields'
import { ErrorMessage, FormGroup, Hint, Label, fieldIds, type FieldProps } from './form-parts'

type NativeInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'width' | 'prefix' | 'children' | 'className'
>

export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30

export type TextInputProps = FieldProps &
  NativeInputProps & {
    /** Fixed width modifier: `nhsuk-input--width-N`. */
    width?: InputWidth
    /** Extra classes for the `<input>`. */
    className?: string
    /** Extra classes for the surrounding `nhsuk-form-group`. */
    formGroupClassName?: string
  }

/** nhsuk-frontend v10 text input (`nhsuk-input`), with label, hint and error message. */
export function TextInput({
  id: idProp,
  name,
  label,
  hint,
  error,
  labelSize,
  isPageHeading,
  width,
  className,
  formGroupClassName,
  type = 'text',
  'aria-describedby': ariaDescribedBy,
  disabled: ownDisabled,
  ...rest
}: TextInputProps) {
  const id = idProp ?? name
  const disabled = useFieldDisabled(ownDisabled)
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error)
  return (
    <FormGroup error={Boolean(error)} className={formGroupClassName}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
      {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <input
        className={cx('nhsuk-input', error && 'nhsuk-input--error', width && `nhsuk-input--width-${width}`, className)}
        id={id}
        name={name}
        type={type}
        aria-describedby={joinIds(ariaDescribedBy, describedBy)}
        disabled={disabled}
        {...rest}
      />
    </FormGroup>
  )
}

export type PasswordInputProps = FieldProps &
  Omit<NativeInputProps, 'type'> & {
    width?: InputWidth
    className?: string
    formGroupClassName?: string
  }

/**
 * nhsuk-frontend v10 password input. The "Show" toggle is rendered `hidden` and is only revealed by
 * the nhsuk-frontend `PasswordInput` module, so without JavaScript this is a plain password field.
 */
export function PasswordInput({
  id: idProp,
  name,
  label,
  hint,
  error,
  labelSize,
  isPageHeading,
  width,
  className,
  formGroupClassName,
  autoComplete = 'current-password',
  disabled,
  'aria-describedby': ariaDescribedBy,
  ...rest
}: PasswordInputProps) {
  const id = idProp ?? name
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error)
  return (
    <FormGroup
      error={Boolean(error)}
      className={cx('nhsuk-password-input', formGroupClassName)}
      data-module="nhsuk-password-input"
    >
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
      {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <div className="nhsuk-input-wrapper">
        <input
          className={cx(
            'nhsuk-input',
            error && 'nhsuk-input--error',
            width && `nhsuk-input--width-${width}`,
            'nhsuk-password-input__input nhsuk-js-password-input-input',
            className,
          )}
          id={id}
          name={name}
          type="password"
          spellCheck={false}
          disabled={disabled}
          aria-describedby={joinIds(ariaDescribedBy, describedBy)}
          autoComplete={autoComplete}
          autoCapitalize="none"
          {...rest}
        />
        <button
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-password-input__toggle nhsuk-js-password-input-toggle"
          data-module="nhsuk-button"
          type="button"
          disabled={disabled}
          aria-label="Show password"
          aria-disabled={disabled ? 'true' : undefined}
          aria-controls={id}
          hidden
        >
          Show
        </button>
      </div>
    </FormGroup>
  )
}
