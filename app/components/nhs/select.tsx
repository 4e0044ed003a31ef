import type { SelectHTMLAttributes } from 'react'
import { cx, joinIds } from './class-names'
import { useFieldDisabled } from './read-only-fields'
import { ErrorMessage, FormGroup, Hint, Label, fieldIds, type FieldProps } from './form-parts'

export type SelectOption = { value: string; text: string; disabled?: boolean }

export type SelectProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'children' | 'className'> & {
    options: SelectOption[]
    className?: string
    formGroupClassName?: string
  }

/** nhsuk-frontend v10 select (`nhsuk-select`). */
export function Select({
  id: idProp,
  name,
  label,
  hint,
  error,
  labelSize,
  isPageHeading,
  options,
  className,
  formGroupClassName,
  'aria-describedby': ariaDescribedBy,
  disabled: ownDisabled,
  ...rest
}: SelectProps) {
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
      <select
        className={cx('nhsuk-select', error && 'nhsuk-select--error', className)}
        id={id}
        name={name}
        aria-describedby={joinIds(ariaDescribedBy, describedBy)}
        disabled={disabled}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  )
}
