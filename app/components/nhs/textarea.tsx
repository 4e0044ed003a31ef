import type { TextareaHTMLAttributes } from 'react'
import { cx, joinIds } from './class-names'
import { useFieldDisabled } from './read-only-fields'
import { ErrorMessage, FormGroup, Hint, Label, fieldIds, type FieldProps } from './form-parts'

export type TextareaProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'children' | 'className'> & {
    /**
     * Wraps the field in the v10 character count (`data-module="nhsuk-character-count"`). Without
     * JavaScript the fallback hint "You can enter up to N characters" is shown; enforce the limit on
     * the server too.
     */
    characterCount?: { maxLength: number }
    className?: string
    formGroupClassName?: string
  }

/** nhsuk-frontend v10 textarea (`nhsuk-textarea`), optionally as a character count. */
export function Textarea({
  id: idProp,
  name,
  label,
  hint,
  error,
  labelSize,
  isPageHeading,
  characterCount,
  className,
  formGroupClassName,
  rows = 5,
  'aria-describedby': ariaDescribedBy,
  disabled: ownDisabled,
  ...rest
}: TextareaProps) {
  const id = idProp ?? name
  const disabled = useFieldDisabled(ownDisabled)
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error)
  const infoId = characterCount ? `${id}-info` : undefined
  return (
    <FormGroup
      error={Boolean(error)}
      className={cx(characterCount && 'nhsuk-character-count', formGroupClassName)}
      data-module={characterCount ? 'nhsuk-character-count' : undefined}
      data-maxlength={characterCount ? String(characterCount.maxLength) : undefined}
    >
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
      {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <textarea
        className={cx(
          'nhsuk-textarea',
          error && 'nhsuk-textarea--error',
          characterCount && 'nhsuk-js-character-count',
          className,
        )}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={joinIds(ariaDescribedBy, infoId, describedBy)}
        disabled={disabled}
        {...rest}
      />
      {characterCount ? (
        <div className="nhsuk-hint nhsuk-character-count__message" id={infoId}>
          {`You can enter up to ${characterCount.maxLength} characters`}
        </div>
      ) : null}
    </FormGroup>
  )
}
