import { useFieldDisabled } from './read-only-fields'
import { cx } from './class-names'
import { ErrorMessage, FormGroup, Hint, Legend, fieldIds, type GroupFieldProps } from './form-parts'

export type DatePart = 'day' | 'month' | 'year'

export type DateInputValue = { day?: string; month?: string; year?: string }

export type DateInputProps = GroupFieldProps & {
  defaultValue?: DateInputValue
  /** Which parts to show, in order; defaults to day, month and year. */
  parts?: DatePart[]
  /** Parts to highlight when `error` is set; defaults to every part. */
  errorParts?: DatePart[]
  /** `'bday'` sets `autocomplete="bday-day"` etc. for dates of birth. */
  autoComplete?: 'bday'
  disabled?: boolean
  formGroupClassName?: string
}

const PART_LABELS: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' }
const PART_WIDTHS: Record<DatePart, 2 | 4> = { day: 2, month: 2, year: 4 }

/** The id of a date part's input (`${id}-day` etc.); link error summary items to the first bad part. */
export function datePartId(id: string, part: DatePart): string {
  return `${id}-${part}`
}

/**
 * nhsuk-frontend v10 date input: a `role="group"` fieldset with day, month and year inputs named
 * `${name}.day`, `${name}.month` and `${name}.year`, with ids `${id}-day` etc.
 */
export function DateInput({
  id: idProp,
  name,
  legend,
  hint,
  error,
  legendSize,
  labelSize,
  isPageHeading,
  defaultValue,
  parts = ['day', 'month', 'year'],
  errorParts,
  autoComplete,
  disabled: ownDisabled,
  formGroupClassName,
}: DateInputProps) {
  const id = idProp ?? name
  const disabled = useFieldDisabled(ownDisabled)
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error)
  return (
    <FormGroup error={Boolean(error)} className={formGroupClassName}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={describedBy}>
        <Legend size={legendSize ?? labelSize} isPageHeading={isPageHeading}>
          {legend}
        </Legend>
        {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
        {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
        <div className="nhsuk-date-input" id={id}>
          {parts.map((part) => {
            const partId = datePartId(id, part)
            const partError = Boolean(error) && (errorParts === undefined || errorParts.includes(part))
            return (
              <div className="nhsuk-date-input__item" key={part}>
                <FormGroup error={partError}>
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={partId}>
                    {PART_LABELS[part]}
                  </label>
                  <input
                    className={cx(
                      'nhsuk-input',
                      partError && 'nhsuk-input--error',
                      `nhsuk-input--width-${PART_WIDTHS[part]}`,
                      'nhsuk-date-input__input',
                    )}
                    id={partId}
                    name={`${name}.${part}`}
                    type="text"
                    defaultValue={defaultValue?.[part]}
                    disabled={disabled}
                    autoComplete={autoComplete ? `${autoComplete}-${part}` : undefined}
                    inputMode="numeric"
                  />
                </FormGroup>
              </div>
            )
          })}
        </div>
      </fieldset>
    </FormGroup>
  )
}
