import { cx } from './nhs/class-names'
import { ErrorMessage, FormGroup, Hint, Label, fieldIds } from './nhs/form-parts'

export type PlaceOptions = {
  services: Array<{ value: string; text: string }>
  organisations: Array<{ value: string; text: string }>
  regions: Array<{ value: string; text: string }>
}

/**
 * Where a role is held: one nhsuk select with the library services, organisations and regions in
 * groups, and "All of England" for national roles. Works without JavaScript.
 */
export function PlaceSelect({
  id,
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
  emptyText = 'All of England (national roles)',
}: {
  id: string
  name: string
  label: string
  hint?: string
  error?: string
  options: PlaceOptions
  defaultValue?: string
  emptyText?: string
}) {
  const { hintId, errorId, describedBy } = fieldIds(id, hint, error)
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id}>{label}</Label>
      {hintId ? <Hint id={hintId}>{hint}</Hint> : null}
      {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      <select
        className={cx('nhsuk-select', error && 'nhsuk-select--error')}
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        aria-describedby={describedBy}
      >
        <option value="">{emptyText}</option>
        <optgroup label="Library services">
          {options.services.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </optgroup>
        <optgroup label="Organisations">
          {options.organisations.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </optgroup>
        <optgroup label="Regions">
          {options.regions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.text}
            </option>
          ))}
        </optgroup>
      </select>
    </FormGroup>
  )
}
